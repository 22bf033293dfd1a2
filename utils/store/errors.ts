import { i18n } from '#i18n';

/**
 * Recognising a full disk (IndexedDB quota) among the errors a save can end with, and saying so plainly
 * in the UI's language. No database or UI here, so any save path can use it.
 */

/** Names browsers and Dexie give a quota failure (old Firefox used its own XPCOM name). */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
/** The legacy DOMException code of QUOTA_EXCEEDED_ERR. */
const QUOTA_CODE = 22;

/**
 * Whether `error` is (or wraps) a quota failure: a DOMException named QuotaExceededError, Dexie's
 * QuotaExceededError, or an AbortError/transaction error whose `inner` or `cause` is one (an aborted
 * transaction reports the abort, with the real reason inside).
 */
export function isQuotaError(error: unknown): boolean {
  let current: unknown = error;
  // Bounded walk: a wrapper chain is a few levels deep; a cycle must not hang the reader.
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth++) {
    const e = current as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown };
    if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return true;
    if (e.code === QUOTA_CODE && typeof DOMException !== 'undefined' && current instanceof DOMException) {
      return true;
    }
    current = e.inner ?? e.cause;
  }
  return false;
}

/** What to tell the user when a save failed: the quota case says what to do about it. */
export function storageErrorMessage(error: unknown): string {
  return i18n.t(isQuotaError(error) ? 'storageFull' : 'storageSaveFailed');
}

/** Any failure in words for the UI: a full disk says what to do; anything else gives its own message. */
export function failureText(error: unknown): string {
  if (isQuotaError(error)) return i18n.t('storageFull');
  return i18n.t('libError', [String((error as Error | null)?.message ?? error)]);
}
