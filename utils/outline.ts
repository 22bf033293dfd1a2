import type { OutlineNode } from './types';

/** Placeholder until the speech-understanding issue lands. */
export function buildOutline(paragraphs: readonly string[]): OutlineNode[] {
  const out: OutlineNode[] = [];
  paragraphs.forEach((p, para) => {
    const m = /^(第[一二三四五六七八九十]+)[，,]/.exec(p);
    if (m?.[1])
      out.push({
        level: 1,
        marker: m[1],
        title: p.slice(m[0].length).split(/[。；！？]/)[0] ?? '',
        para,
        offset: 0,
      });
  });
  return out;
}
