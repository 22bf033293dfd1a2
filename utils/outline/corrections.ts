/**
 * The user's corrections to the automatic outline: promote/demote an entry, remove one, turn a phrase of the
 * text into a heading. They are stored as a list of edits (not as a finished outline) so that they survive a
 * re-extraction, a better outline engine and a changed page: each edit names the entry it changes by what it
 * says (marker, title, position when made), and is applied again to whatever the engine produces next time.
 * An edit whose entry can no longer be found is kept and reported, never applied to another entry.
 */
import type { OutlineEdit, OutlineNode, OutlineNodeRef } from '../types';

export interface CorrectedOutline {
  outline: OutlineNode[];
  /** Edits that found no entry (the page changed under them); kept in storage, shown as not applied. */
  unapplied: OutlineEdit[];
}

/** What an edit remembers of the entry it changes. */
export function nodeRef(node: OutlineNode): OutlineNodeRef {
  return { marker: node.marker, title: node.title, para: node.para, offset: node.offset };
}

function sameEntry(node: OutlineNode, ref: OutlineNodeRef): boolean {
  return node.marker === ref.marker && node.title === ref.title;
}

/** The entry an edit names: same marker and title, the nearest to where it was when the edit was made. */
function findEntry(outline: readonly OutlineNode[], ref: OutlineNodeRef): number {
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  outline.forEach((node, i) => {
    if (!sameEntry(node, ref)) return;
    const distance = Math.abs(node.para - ref.para) * 1000 + Math.abs(node.offset - ref.offset);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}

/**
 * Where a phrase the user turned into a heading is now: at its stored place if the text there is unchanged,
 * else the one place in the speech where the phrase occurs with the same text before it. Several candidates
 * and none both mean "not found": a heading in the wrong place would mislead more than a missing one.
 */
export function locatePhrase(
  paragraphs: readonly string[],
  at: { para: number; offset: number; exact: string; prefix: string },
): { para: number; offset: number } | null {
  if (!at.exact) return null;
  if (paragraphs[at.para]?.startsWith(at.exact, at.offset)) return { para: at.para, offset: at.offset };
  const found: { para: number; offset: number }[] = [];
  paragraphs.forEach((text, para) => {
    for (let i = text.indexOf(at.exact); i >= 0; i = text.indexOf(at.exact, i + 1)) {
      const before = text.slice(Math.max(0, i - at.prefix.length), i);
      if (before === at.prefix) found.push({ para, offset: i });
    }
  });
  return found.length === 1 ? (found[0] ?? null) : null;
}

function byPosition(a: OutlineNode, b: OutlineNode): number {
  return a.para - b.para || a.offset - b.offset;
}

/** The outline the user sees: the automatic one with the edits applied in the order they were made. */
export function applyOutlineEdits(
  automatic: readonly OutlineNode[],
  paragraphs: readonly string[],
  edits: readonly OutlineEdit[],
): CorrectedOutline {
  let outline = automatic.map((n) => ({ ...n }));
  const unapplied: OutlineEdit[] = [];
  for (const edit of edits) {
    if (edit.op === 'add') {
      const place = locatePhrase(paragraphs, edit.at);
      if (!place) {
        unapplied.push(edit);
        continue;
      }
      const node: OutlineNode = { level: edit.level, marker: '', title: edit.title, ...place, user: true };
      outline = outline.filter((n) => n.para !== place.para || n.offset !== place.offset);
      outline.push(node);
      outline.sort(byPosition);
      continue;
    }
    const index = findEntry(outline, edit.target);
    const node = outline[index];
    if (!node) {
      unapplied.push(edit);
      continue;
    }
    if (edit.op === 'remove') outline.splice(index, 1);
    else outline[index] = { ...node, level: edit.level };
  }
  return { outline, unapplied };
}

/**
 * An edit list with `edit` added. A later edit of the same entry replaces an earlier level change, and an edit
 * of a heading the user made changes (or drops) the edit that made it, so undo and storage stay short.
 */
export function withEdit(edits: readonly OutlineEdit[], edit: OutlineEdit): OutlineEdit[] {
  if (edit.op === 'add') return [...edits, edit];
  const ref = edit.target;
  const made = edits.findIndex(
    (e) => e.op === 'add' && e.title === ref.title && ref.marker === '' && e.at.para === ref.para,
  );
  const maker = edits[made];
  if (maker?.op === 'add') {
    const rest = edits.filter((_, i) => i !== made);
    return edit.op === 'remove' ? rest : [...rest, { ...maker, level: edit.level }];
  }
  const kept = edits.filter(
    (e) => !(e.op === 'level' && sameEntry({ ...e.target, level: 1 }, ref) && e.target.para === ref.para),
  );
  return [...kept, edit];
}
