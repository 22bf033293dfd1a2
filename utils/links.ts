/** The page's own address may become a link only if it is a web address (never javascript: or data:). */
export function webHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
