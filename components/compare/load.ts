/**
 * What the comparison page reads and works out before it paints: the two stored speeches, the comparison,
 * and the reader's highlights on each side (with the key tasks of the old speech not carried over).
 */
import { i18n } from '#i18n';
import { compare, loadDiff } from '@/utils/compare';
import { highlightsBySentence, tasksNotCarriedOver } from '@/utils/compare/highlights';
import type { Comparison } from '@/utils/compare/types';
import type { YanduDB } from '@/utils/store/db';
import type { Highlight, SpeechRecord } from '@/utils/types';

export type CompareState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      old: SpeechRecord;
      new: SpeechRecord;
      result: Comparison;
      oldMarks: Map<number, Highlight[]>;
      newMarks: Map<number, Highlight[]>;
      notCarried: Highlight[];
    };

/** A speech's name in titles and file names: its title, and its date when it has one. */
export const nameOf = (s: SpeechRecord) => (s.date ? `${s.title}（${s.date}）` : s.title);

export async function loadComparison(db: YanduDB, oldId: string, newId: string): Promise<CompareState> {
  // The diff library's chunk arrives while the database is read.
  void loadDiff();
  const [a, b] = await Promise.all([db.speeches.get(oldId), db.speeches.get(newId)]);
  if (!a || !b) return { status: 'error', message: i18n.t('cmpMissing') };
  // A speech stored with an empty outline gets one built, like a text that comes without one.
  const input = (s: SpeechRecord) => ({
    paragraphs: s.paragraphs,
    ...(s.outline?.length ? { outline: s.outline } : {}),
  });
  const [result, oldHl, newHl] = await Promise.all([
    compare(input(a), input(b)),
    db.highlights.where('speechId').equals(oldId).toArray(),
    db.highlights.where('speechId').equals(newId).toArray(),
  ]);
  return {
    status: 'ready',
    old: a,
    new: b,
    result,
    oldMarks: highlightsBySentence(result.oldSentences, oldHl),
    newMarks: highlightsBySentence(result.newSentences, newHl),
    notCarried: tasksNotCarriedOver(result, oldHl),
  };
}
