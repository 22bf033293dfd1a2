import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A modal dialog drawn in the page (never window.confirm): focus moves into it, Escape
 * cancels, and focus returns to where it was on close.
 */
export function Modal({
  title,
  onCancel,
  children,
  role = 'dialog',
  labelId,
}: {
  title: string;
  onCancel: () => void;
  children: ComponentChildren;
  role?: 'dialog' | 'alertdialog';
  labelId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLElement>('[data-autofocus], button, input, select');
    first?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCancel();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      before?.focus?.();
    };
  }, [onCancel]);
  const content = (
    <>
      <h2 id={labelId} class="yd-modal-title">
        {title}
      </h2>
      {children}
    </>
  );
  return (
    <div class="yd-modal-layer">
      <div class="yd-modal-backdrop" />
      {role === 'alertdialog' ? (
        <div class="yd-modal" role="alertdialog" aria-modal="true" aria-labelledby={labelId} ref={box}>
          {content}
        </div>
      ) : (
        <div class="yd-modal" role="dialog" aria-modal="true" aria-labelledby={labelId} ref={box}>
          {content}
        </div>
      )}
    </div>
  );
}

/** Yes/no question before something destructive; the safe answer has the focus. */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
}: {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal title={title} onCancel={onCancel} role="alertdialog" labelId="yd-confirm-title">
      <p class="yd-modal-body">{body}</p>
      <div class="yd-modal-actions">
        <button type="button" class="yd-btn" onClick={onCancel} data-autofocus>
          {cancelLabel}
        </button>
        <button type="button" class="yd-btn yd-btn-danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}

/** A message at the bottom of the page with an optional action (撤销); it leaves after `timeoutMs`. */
export function Snackbar({
  message,
  actionLabel,
  onAction,
  onTimeout,
  timeoutMs = 8000,
}: {
  message: string;
  actionLabel?: string;
  onAction?: () => void;
  onTimeout: () => void;
  timeoutMs?: number;
}) {
  useEffect(() => {
    const t = setTimeout(onTimeout, timeoutMs);
    return () => clearTimeout(t);
  }, [message, onTimeout, timeoutMs]);
  return (
    <div class="yd-snackbar" role="status">
      <span>{message}</span>
      {actionLabel && onAction ? (
        <button type="button" class="yd-snackbar-action" onClick={onAction}>
          {actionLabel}
        </button>
      ) : null}
    </div>
  );
}
