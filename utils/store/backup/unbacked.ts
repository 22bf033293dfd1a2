import type { YanduDB } from '../db';

/**
 * When the oldest change that no backup made at `since` holds was made: a highlight or 学习心得 written
 * after it, or a speech first stored or whose text changed after it. Null when there is none (or, with no
 * backup ever, when the library is empty). Reads index keys, plus the records of speeches opened since.
 *
 * Opening a speech again is not work to lose, so a speech's `lastOpened` alone does not count; with no
 * backup ever, the oldest lastOpened stands for when the library began (a lower bound of its age that
 * needs no scan of every speech).
 */
export async function oldestUnbacked(db: YanduDB, since: number | null): Promise<number | null> {
  return db.transaction('r', [db.speeches, db.highlights, db.notes], async () => {
    if (since === null) {
      const firsts = await Promise.all([
        db.highlights.orderBy('updated').firstKey(),
        db.notes.orderBy('updated').firstKey(),
        db.speeches.orderBy('lastOpened').firstKey(),
      ]);
      return earliest(firsts);
    }
    const [highlight, note, opened] = await Promise.all([
      db.highlights.where('updated').above(since).first(),
      db.notes.where('updated').above(since).first(),
      db.speeches.where('lastOpened').above(since).toArray(),
    ]);
    const speechTimes = opened.map((s) =>
      s.firstOpened > since ? s.firstOpened : (s.changedAt ?? 0) > since ? s.changedAt : undefined,
    );
    return earliest([highlight?.updated, note?.updated, ...speechTimes]);
  });
}

function earliest(times: readonly unknown[]): number | null {
  const real = times.filter((t): t is number => typeof t === 'number' && Number.isFinite(t));
  return real.length ? Math.min(...real) : null;
}
