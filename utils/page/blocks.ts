/**
 * DOM → text lines in reading order: one line per block element, and a new line at every <br> (some
 * bodies are one block broken with <br>). Skips <style>/<script> (TRS bodies often open with an inline
 * <style> whose CSS would otherwise leak into the text) and elements hidden with `hidden` or display:none.
 * Reads nodeValue on text nodes only, never textContent of big subtrees, so it stays linear and fast.
 */

const BLOCK = new Set([
  'P',
  'DIV',
  'TD',
  'TH',
  'TR',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'NAV',
  'MAIN',
  'ASIDE',
  'BLOCKQUOTE',
  'CENTER',
  'FORM',
  'PRE',
  'ADDRESS',
  'FIGURE',
  'FIGCAPTION',
  'HR',
  'BODY',
]);
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SELECT',
  'TEXTAREA',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'BUTTON',
  'INPUT',
  'HEAD',
]);

const HAN_END = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]$/;
const HAN_START = /^[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

function hidden(el: Element): boolean {
  if (!el.hasAttributes()) return false; // the common bare <p>: no attribute lookups, no NamedNodeMap
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/**
 * Text lines of `root`, whitespace collapsed; empty lines are dropped later by the caller's cleaning.
 * An explicit stack, not recursion: a page nested thousands deep would overflow the call stack.
 */
export function blockLines(root: Node): string[] {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    if (line) lines.push(line);
    line = '';
  };
  // One frame per open element: its child list, the next child's index, and whether it is a block.
  // childNodes[i], not nextSibling: happy-dom (the test DOM) finds a sibling by scanning its parent.
  const kidsStack: NodeListOf<ChildNode>[] = [root.childNodes];
  const indexStack: number[] = [0];
  const blockStack: boolean[] = [false];
  while (kidsStack.length > 0) {
    const top = kidsStack.length - 1;
    const kids = kidsStack[top] as NodeListOf<ChildNode>;
    const i = indexStack[top] as number;
    if (i >= kids.length) {
      kidsStack.pop();
      indexStack.pop();
      if (blockStack.pop()) flush();
      continue;
    }
    indexStack[top] = i + 1;
    const child = kids[i] as ChildNode;
    if (child.nodeType === 3) {
      const raw = child.nodeValue ?? '';
      let text = raw;
      if (/\s\s|[\t\r\n\f\v]/.test(raw)) {
        text = raw.replace(/[ \t\r\f]*\n[\s]*/g, '\n').replace(/[ \t\r\f\v]+/g, ' ');
        // Source line breaks inside Chinese text are not spaces: browsers of CJK readers drop them.
        text = text.replace(/\n/g, (_m, offset: number, whole: string) => {
          const before = offset > 0 ? whole[offset - 1] : line.slice(-1);
          const after = whole[offset + 1] ?? '';
          return before && HAN_END.test(before) && HAN_START.test(after) ? '' : ' ';
        });
      }
      line += text;
    } else if (child.nodeType === 1) {
      const el = child as Element;
      const tag = el.tagName.toUpperCase();
      if (SKIP.has(tag) || hidden(el)) continue;
      if (tag === 'BR') {
        flush();
        continue;
      }
      const block = BLOCK.has(tag);
      if (block) flush();
      kidsStack.push(el.childNodes);
      indexStack.push(0);
      blockStack.push(block);
    }
  }
  flush();
  return lines;
}
