/**
 * What changed inside a reworded sentence: the diff library's array diff over tokens, where a token is one
 * CJK character, one figure (so 5% → 5.5% is one replaced figure, not an inserted ".5"), one Latin word or
 * one other character. Adjacent runs of the same kind are joined, and a single unchanged character between
 * two changes (a 的 or a comma that happens to match) is folded into them, so a rewritten phrase reads as
 * one replacement instead of a comb of fragments.
 */
import type { DiffArrays } from './numbers';
import type { DiffPart } from './types';

const TOKEN =
  /[0-9０-９]+(?:[.．][0-9０-９]+)?(?:[%％‰])?|[A-Za-zＡ-Ｚａ-ｚ]+(?:[-'][A-Za-z]+)*|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

interface Chunk {
  same?: string;
  del: string;
  ins: string;
}

export function inlineDiff(oldText: string, newText: string, diffArrays: DiffArrays): DiffPart[] {
  const chunks: Chunk[] = [];
  for (const p of diffArrays(tokenize(oldText), tokenize(newText))) {
    const text = p.value.join('');
    if (!text) continue;
    const last = chunks.at(-1);
    if (!p.added && !p.removed) chunks.push({ same: text, del: '', ins: '' });
    else if (last && last.same === undefined) {
      if (p.added) last.ins += text;
      else last.del += text;
    } else chunks.push({ del: p.removed ? text : '', ins: p.added ? text : '' });
  }
  // Fold one-character unchanged runs that sit between two changes.
  const folded: Chunk[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i] as Chunk;
    const prev = folded.at(-1);
    const next = chunks[i + 1];
    if (
      c.same !== undefined &&
      c.same.length === 1 &&
      prev &&
      prev.same === undefined &&
      next &&
      next.same === undefined
    ) {
      prev.del += c.same + next.del;
      prev.ins += c.same + next.ins;
      i++;
      continue;
    }
    folded.push({ ...c });
  }
  const parts: DiffPart[] = [];
  for (const c of folded) {
    if (c.same !== undefined) parts.push({ op: 'same', text: c.same });
    else {
      if (c.del) parts.push({ op: 'del', text: c.del });
      if (c.ins) parts.push({ op: 'ins', text: c.ins });
    }
  }
  return parts;
}
