/**
 * Ids of stored records, pure (no database): the reader knows its speech's id before the Dexie chunk loads.
 */

/** Stable id for a speech, derived from its URL without fragment, query or scheme (http/https are one page). */
export function speechIdFromUrl(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname.replace(/^www\./, '');
    return `${host}${u.pathname}`;
  } catch {
    return url;
  }
}
