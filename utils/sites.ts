/**
 * Which pages Yandu may work on. The portal is always allowed (host_permissions); any other site only once
 * the user grants it from the popup (optional_host_permissions), one origin at a time.
 */

export const PORTAL_HOSTS = ['www.ordoszgh.gov.cn', 'ordoszgh.gov.cn'];

export const PORTAL_MATCHES = PORTAL_HOSTS.flatMap((host) => [`http://${host}/*`, `https://${host}/*`]);

export function isPortalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && PORTAL_HOSTS.includes(u.hostname);
  } catch {
    return false;
  }
}

/** The permission pattern that covers one site (both schemes, as portals often serve both), or null. */
export function originPatterns(url: string): string[] | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return [`http://${u.hostname}/*`, `https://${u.hostname}/*`];
  } catch {
    return null;
  }
}

/** Granted origins other than the portal's own: these get the content script registered at run time. */
export function enabledSitePatterns(granted: readonly string[]): string[] {
  return granted.filter(
    (pattern) => !PORTAL_MATCHES.includes(pattern) && /^https?:\/\/[^*/]+\/\*$/.test(pattern),
  );
}
