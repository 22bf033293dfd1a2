/**
 * Save a file the way a web page does: a Blob URL on an <a download> element, clicked. No downloads
 * permission is needed, and the browser shows its usual download UI.
 */

/** How long the Blob URL lives after the click: Firefox reads it after the click returns. */
const REVOKE_AFTER_MS = 60_000;

export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const href = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = href;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), REVOKE_AFTER_MS);
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}
