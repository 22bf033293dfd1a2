import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import './dialog.css';

/**
 * A modal dialog on the platform's <dialog> opened with showModal(): the browser puts it in the top layer,
 * makes the rest of the page inert (so Tab stays inside), and turns Escape into a `cancel`. The dialog is
 * open for as long as it is rendered; the parent closes it by not rendering it, so Escape only asks
 * (`onCancel`). Focus goes to the element marked `data-autofocus` (the safe answer), and back to where it
 * was when the dialog goes.
 */
export function Dialog({
  title,
  labelId,
  onCancel,
  children,
  role = 'dialog',
}: {
  title: string;
  /** The id of the heading, which names the dialog. */
  labelId: string;
  onCancel: () => void;
  children: ComponentChildren;
  role?: 'dialog' | 'alertdialog';
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef(onCancel);
  cancel.current = onCancel;
  const mounted = useRef(true);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    mounted.current = true;
    const before = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      mounted.current = false;
      if (dialog.open) dialog.close();
      before?.focus?.();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      class="yd-modal"
      // Stated although <dialog> implies it: an alert dialog needs it, and tests and tools look for it.
      role={role}
      aria-modal="true"
      aria-labelledby={labelId}
      onCancel={(e) => {
        // The parent decides: it stops rendering the dialog, which closes it.
        e.preventDefault();
        cancel.current();
      }}
      onClose={() => {
        // Closed by the browser itself (a second Escape may not be cancelled): tell the parent.
        if (mounted.current) cancel.current();
      }}
    >
      <h2 id={labelId} class="yd-modal-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
