import type { ComponentChildren } from 'preact';

/** Small line icons drawn in currentColor; decorative (the buttons carry the words). */
function Icon({ size = 20, children }: { size?: number; children: ComponentChildren }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width={size}
      height={size}
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      stroke-width={1.6}
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {children}
    </svg>
  );
}

export function OutlineIcon() {
  return (
    <Icon>
      <path d="M3 5h2M8 5h9M5 10h2M10 10h7M5 15h2M10 15h7" />
    </Icon>
  );
}

export function PrintIcon() {
  return (
    <Icon>
      <path d="M6 7V3h8v4M6 14H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h12a1 1 0 0 1 1 1v5a1 1 0 0 1-1 1h-2" />
      <path d="M6 11h8v6H6z" />
    </Icon>
  );
}

export function LibraryIcon() {
  return (
    <Icon>
      <path d="M4 3h3v14H4zM9 3h3v14H9zM14 4l3 .8-3.2 12.2-3-.8" />
    </Icon>
  );
}

export function ExportIcon() {
  return (
    <Icon>
      <path d="M10 3v9M6.5 8.5 10 12l3.5-3.5M4 14v2a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1v-2" />
    </Icon>
  );
}

export function CloseIcon() {
  return (
    <Icon>
      <path d="M5 5l10 10M15 5L5 15" />
    </Icon>
  );
}

export function ChevronIcon() {
  return (
    <Icon size={14}>
      <path d="M7 5l5 5-5 5" />
    </Icon>
  );
}

export function NotesIcon() {
  return (
    <Icon>
      <path d="M4 3h9l3 3v11H4z" />
      <path d="M7 8h6M7 11h6M7 14h4" />
    </Icon>
  );
}
