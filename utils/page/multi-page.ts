/**
 * Long TRS articles are split into t20180319_2098918.html, t20180319_2098918_1.html, _2.html … The pager
 * is either plain links or written by the TRS script call createPageHTML(pageCount, current, "t…", "html").
 * Returns the URLs of the other parts, in order; [] for a one-page article.
 */
import { eachElement } from './trs';

/** querySelectorAll(selector), or the elements `match` accepts when the DOM's own query overflows the stack. */
function elements(doc: Document, selector: string, match: (el: Element) => boolean): ArrayLike<Element> {
  try {
    return doc.querySelectorAll(selector);
  } catch {
    const found: Element[] = [];
    eachElement(doc, (el) => {
      if (match(el)) found.push(el);
      return false;
    });
    return found;
  }
}

const PART = /(t\d{8}_\d+)(?:_(\d+))?\.(s?html?)$/i;

export function multiPageUrls(doc: Document, url: string): string[] {
  const here = PART.exec(url.split(/[?#]/)[0] ?? '');
  const parts = new Map<number, string>();
  let base = here?.[1] ?? null;
  let ext = here?.[3] ?? 'html';
  const resolve = (href: string) => {
    try {
      // Only web addresses: a page can write javascript:…/t…_1.html, and a stored non-web URL is refused by backup.
      const u = new URL(href, url);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch {
      return null;
    }
  };

  const scripts = elements(doc, 'script', (el) => el.tagName.toUpperCase() === 'SCRIPT');
  for (let i = 0; i < scripts.length; i++) {
    const text = scripts[i]?.textContent ?? '';
    const call = /createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*["'](t\d{8}_\d+)["']\s*,\s*["'](\w+)["']/.exec(
      text,
    );
    if (!call) continue;
    const count = Math.min(Number(call[1]), 100);
    base = call[3] ?? base;
    ext = call[4] ?? ext;
    for (let p = 0; p < count; p++) {
      const href = resolve(`${base}${p ? `_${p}` : ''}.${ext}`);
      if (href) parts.set(p, href);
    }
  }

  if (base) {
    const links = elements(
      doc,
      'a[href]',
      (el) => el.tagName.toUpperCase() === 'A' && el.hasAttribute('href'),
    );
    for (let i = 0; i < links.length; i++) {
      const href = links[i]?.getAttribute('href') ?? '';
      const m = PART.exec(href.split(/[?#]/)[0] ?? '');
      if (!m || m[1] !== base) continue;
      const abs = resolve(href);
      if (abs) parts.set(m[2] ? Number(m[2]) : 0, abs);
    }
  }
  const current = here ? (here[2] ? Number(here[2]) : 0) : -1;
  if (current >= 0) parts.set(current, new URL(url).href);
  if (parts.size < 2) return [];
  return [...parts.entries()]
    .sort((a, b) => a[0] - b[0])
    .filter(([n]) => n !== current)
    .map(([, href]) => href);
}
