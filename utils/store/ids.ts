/**
 * Ids of stored records, pure (no database): the reader knows its speech's id before the Dexie chunk loads.
 */

/**
 * Query parameters that say how a reader arrived, never which document it is: campaign tags, share and
 * app-install markers added by messengers, referrers and cache-busting timestamps. They are dropped so
 * a shared link and the plain address open one record.
 */
const NOT_IDENTIFYING =
  /^(utm_.*|spm|from|source|ref|referer|referrer|scene|share.*|isappinstalled|clicktime|enterid|nsukey|wxfrom|winzoom|vd_source|fbclid|gclid|msclkid|_|_t|_ts|timestamp|t?random)$/i;

/**
 * A static document (`t20240101_123.html`, the TRS portals' article addresses): the server ignores a query,
 * so none can name another document. Dynamic ones (`content.jsp?id=1`, `show.aspx?aid=2`) are told apart
 * by theirs.
 */
const STATIC_PATH = /\.(s?html?|xml|txt|pdf)$/i;

/**
 * Stable id for a speech, derived from its URL: host without `www.`, a non-default port, path, and the
 * query parameters that identify the document (sorted, tracking ones dropped). No scheme (http and https
 * are one page) and no fragment. An address without such parameters keeps the id it always had
 * (host + path), so records stored before queries were kept are found under the same id.
 */
export function speechIdFromUrl(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname.replace(/^www\./, '') + (u.port ? `:${u.port}` : '');
    return `${host}${u.pathname}${identifyingQuery(u)}`;
  } catch {
    return url;
  }
}

/** `?a=1&b=2` of the parameters that name the document, sorted; '' when none do. */
function identifyingQuery(u: URL): string {
  if (STATIC_PATH.test(u.pathname)) return '';
  const kept = [...u.searchParams].filter(([name, value]) => value !== '' && !NOT_IDENTIFYING.test(name));
  if (kept.length === 0) return '';
  kept.sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
  return `?${new URLSearchParams(kept)}`;
}
