import { useEffect } from 'preact/hooks';
import { Dialog } from '../shared/Dialog';

/** The modal dialog of the library page and the export dialog: the platform's <dialog> (components/shared). */
export { Dialog as Modal };

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
    <Dialog title={title} onCancel={onCancel} role="alertdialog" labelId="yd-confirm-title">
      <p class="yd-modal-body">{body}</p>
      <div class="yd-modal-actions">
        <button type="button" class="yd-btn" onClick={onCancel} data-autofocus>
          {cancelLabel}
        </button>
        <button type="button" class="yd-btn yd-btn-danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
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
