/**
 * Splits paragraphs into the sentences a comparison aligns. A sentence ends at 。！？ (and their ASCII forms),
 * with any closing quote or bracket right after; a ； ends one too, because in this register a semicolon joins
 * the parallel items of a list (一是…；二是…；), and each item is what a reader checks. A paragraph end always
 * ends a sentence, so a heading without a full stop stays a sentence of its own.
 */
import type { Sentence } from './types';

const END = new Set(['。', '！', '？', '!', '?', '；', ';']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '"', "'"]);
const FINAL_PUNCT = /[。！？!?；;，,、：:\s]+$/u;

/** The matching key of a sentence: folded (full-width digits and signs), without spaces or final punctuation. */
export function sentenceKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').replace(FINAL_PUNCT, '');
}

export function splitSentences(
  paragraphs: readonly string[],
  sectionOfPara: (para: number) => number = () => 0,
): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((p, para) => {
    let start = 0;
    const push = (end: number) => {
      const raw = p.slice(start, end);
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      if (text && sentenceKey(text)) {
        out.push({
          idx: out.length,
          text,
          key: sentenceKey(text),
          para,
          start: start + lead,
          end: start + lead + text.length,
          section: sectionOfPara(para),
        });
      }
      start = end;
    };
    for (let i = 0; i < p.length; i++) {
      if (!END.has(p[i] as string)) continue;
      let j = i + 1;
      while (j < p.length && (END.has(p[j] as string) || CLOSERS.has(p[j] as string))) j++;
      push(j);
      i = j - 1;
    }
    if (start < p.length) push(p.length);
  });
  return out;
}
