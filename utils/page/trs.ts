/**
 * Page-shape helpers shared by detection (utils/page/detect.ts, which runs in the content script on every
 * portal page) and extraction (utils/page/extract-core.ts): the TRS body container, <meta> values, a bounded
 * walk over the text lines of a page's top, and an element walk that never recurses. Imports nothing: the
 * content script must stay small.
 */

const BLOCK =
  /^(P|DIV|HR|TD|TH|TR|LI|UL|OL|DL|DT|DD|H[1-6]|TABLE|TBODY|SECTION|ARTICLE|HEADER|FOOTER|NAV|MAIN|ASIDE|BLOCKQUOTE|CENTER|FORM|BODY|PRE|ADDRESS|FIGURE|FIGCAPTION)$/;
const SKIP = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SELECT|OPTION|TEXTAREA|IFRAME|OBJECT|SVG)$/;

export interface Sample {
  lines: string[];
  chars: number;
  /** Text of the first <h1> and of the TRS breadcrumb links (a.CurrChnlCls) met on the way. */
  h1: string;
  crumbs: string[];
  /** Characters of text inside links: a page whose text is mostly links is a list, not an article. */
  linkChars: number;
}

/**
 * Text lines of `root` in reading order (one per block), stopping after `budget` characters or at `stop`.
 * A plain walk with an explicit stack (recursion overflows on pages nested thousands deep): cheaper than a
 * TreeWalker or textContent on a big page.
 */
export function sampleLines(root: Node, budget: number, stop?: Node | null): Sample {
  const lines: string[] = [];
  const crumbs: string[] = [];
  let h1 = '';
  let chars = 0;
  let linkChars = 0;
  let inLink = 0;
  let line = '';
  let done = false;
  const flush = () => {
    const t = line.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
    if (t) lines.push(t);
    line = '';
  };
  // Per open element: its children, the next index, whether it is a block, and (for <a>/<h1> only) the
  // element and where its text starts in `line`.
  // childNodes[i], not nextSibling: happy-dom (the test DOM) finds a sibling by scanning its parent.
  const kidsAt: NodeListOf<ChildNode>[] = [root.childNodes];
  const next: number[] = [0];
  const blocks: boolean[] = [false];
  const els: (Element | null)[] = [null];
  const starts: number[] = [0];
  for (let top = 0; top >= 0; top = kidsAt.length - 1) {
    const kids = kidsAt[top] as NodeListOf<ChildNode>;
    const i = next[top] as number;
    if (done || i >= kids.length) {
      kidsAt.pop();
      next.pop();
      const el = els.pop();
      const start = starts.pop() as number;
      if (el?.tagName.toUpperCase() === 'H1') h1 ||= line.slice(start).trim();
      else if (el) {
        inLink--;
        if (/CurrChnlCls/.test(el.className)) crumbs.push(line.slice(start).trim());
      }
      if (blocks.pop()) flush();
      continue;
    }
    next[top] = i + 1;
    const c = kids[i] as ChildNode;
    if (c.nodeType === 3) {
      const text = c.nodeValue ?? '';
      line += text;
      chars += text.length;
      if (inLink > 0) linkChars += text.length;
      if (chars >= budget) done = true;
    } else if (c.nodeType === 1) {
      if (c === stop) {
        done = true;
        continue;
      }
      const el = c as Element;
      const tag = el.tagName.toUpperCase();
      if (SKIP.test(tag)) continue;
      const block = BLOCK.test(tag);
      if (block || tag === 'BR') flush();
      kidsAt.push(el.childNodes);
      next.push(0);
      blocks.push(block);
      els.push(tag === 'A' || tag === 'H1' ? el : null);
      if (tag === 'A') inLink++;
      starts.push(line.length);
    }
  }
  flush();
  return { lines, chars, h1, crumbs, linkChars };
}

/**
 * Elements under `root` in document order until `visit` returns true. An explicit stack: the fallback for
 * DOMs whose querySelector recurses (happy-dom's overflows on pages nested thousands deep).
 */
export function eachElement(root: ParentNode, visit: (el: Element) => boolean): void {
  const lists: HTMLCollection[] = [root.children];
  const next: number[] = [0];
  for (let top = 0; top >= 0; top = lists.length - 1) {
    const list = lists[top] as HTMLCollection;
    const i = next[top] as number;
    if (i >= list.length) {
      lists.pop();
      next.pop();
      continue;
    }
    next[top] = i + 1;
    const el = list[i] as Element;
    if (visit(el)) return;
    lists.push(el.children);
    next.push(0);
  }
}

const TRS_CLASSES = ['TRS_Editor', 'TRS_PreAppend', 'Custom_UnionStyle'];

/**
 * The TRS body container. .TRS_Editor (the outer one, and the usual case) is asked first, one class per
 * query: a selector list or an attribute selector costs far more in happy-dom, where the tests run.
 */
export function trsBody(doc: Document): Element | null {
  try {
    return (
      doc.querySelector('.TRS_Editor') ??
      doc.querySelector('.TRS_PreAppend') ??
      doc.querySelector('.Custom_UnionStyle') ??
      doc.querySelector('[id^="TRS_AUTOADD"]')
    );
  } catch {
    // Same preference in one walk: the first element of the best-ranked kind.
    let best: Element | null = null;
    let rank = 4;
    eachElement(doc, (el) => {
      let r = TRS_CLASSES.findIndex((c) => el.classList.contains(c));
      if (r < 0) r = el.id.startsWith('TRS_AUTOADD') ? 3 : 4;
      if (r < rank) [best, rank] = [el, r];
      return rank === 0;
    });
    return best;
  }
}

/** <meta name=…> content, looking only at the head's children (a document-wide query costs more). */
export function metaContent(doc: Document, name: string): string {
  const kids = doc.head?.children;
  if (!kids) return '';
  for (let i = 0; i < kids.length; i++) {
    const el = kids[i] as Element;
    if (el.tagName.toUpperCase() === 'META' && el.getAttribute('name') === name) {
      return (el.getAttribute('content') ?? '').trim();
    }
  }
  return '';
}

/**
 * A wire dateline, "新华社北京6月1日电": a news item, whatever its title names (a report on a speech, not the
 * speech).
 */
export const WIRE = /^[^，。,]{0,24}(?:社|网|網|报|報|台)[^，。,]{0,12}?\d{1,2}月\d{1,2}日(?:电|電|讯|訊)/;
