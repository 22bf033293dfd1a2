/**
 * What changed inside a reworded sentence: the diff library's array diff over tokens, where a token is one
 * CJK character, one figure (so 5% → 5.5% is one replaced figure, not an inserted ".5"), one Latin word or
 * one other character. Adjacent runs of the same kind are joined.
 */
import type { DiffArrays } from './numbers';
import type { DiffPart } from './types';

const TOKEN =
  /[0-9０-９]+(?:[.．][0-9０-９]+)?(?:[%％‰])?|[A-Za-zＡ-Ｚａ-ｚ]+(?:[-'][A-Za-z]+)*|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export function inlineDiff(oldText: string, newText: string, diffArrays: DiffArrays): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const p of diffArrays(tokenize(oldText), tokenize(newText))) {
    const op: DiffPart['op'] = p.added ? 'ins' : p.removed ? 'del' : 'same';
    const text = p.value.join('');
    const last = parts.at(-1);
    if (last && last.op === op) last.text += text;
    else if (text) parts.push({ op, text });
  }
  return parts;
}
