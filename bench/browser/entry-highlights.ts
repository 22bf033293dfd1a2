/**
 * In-page side of the highlights bench, run in the reader page after it painted a stored speech: restore the
 * speech's highlights from the database with Yandu's own code (read, anchorAll, painter), paint them and wait
 * for the frame that shows them. A stand-in measurement until the reader marks its own restore (see
 * highlights.bench.ts); bundled apart from entry.ts so a change in the highlight code never breaks the
 * other benches.
 */
import { anchorAll } from '../../utils/anchoring/anchor';
import { createPainter, type PaintItem } from '../../utils/reader/paint';
import { YanduDB } from '../../utils/store/db';

export interface RestoreTimes {
  total: number;
  read: number;
  anchor: number;
  paint: number;
  frame: number;
  placed: number;
  mode: string;
}

/** rAF runs before the next paint; a task queued from it runs after that paint (as the reader's marks do). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

async function restoreAndPaint(speechId: string): Promise<RestoreTimes> {
  const root = document.querySelector<HTMLElement>('.yd-article') ?? document.body;
  const t0 = performance.now();
  const db = new YanduDB();
  const [speech, highlights] = await Promise.all([
    db.speeches.get(speechId),
    db.highlights.where('speechId').equals(speechId).toArray(),
  ]);
  db.close();
  if (!speech) throw new Error(`speech ${speechId} is not in the database`);
  const t1 = performance.now();
  const anchored = anchorAll(
    speech.paragraphs,
    highlights.map((h) => h.selector),
  );
  const items: PaintItem[] = [];
  anchored.forEach((a, i) => {
    const h = highlights[i];
    if (a.placed && h) items.push({ id: h.id, category: h.category, selector: a.selector });
  });
  const t2 = performance.now();
  const painter = createPainter(root);
  painter.paint(items);
  const t3 = performance.now();
  await afterNextPaint();
  const t4 = performance.now();
  painter.clear();
  await afterNextPaint();
  return {
    total: t4 - t0,
    read: t1 - t0,
    anchor: t2 - t1,
    paint: t3 - t2,
    frame: t4 - t3,
    placed: items.length,
    mode: painter.mode,
  };
}

(
  globalThis as unknown as { __yanduHighlights: { restoreAndPaint: typeof restoreAndPaint } }
).__yanduHighlights = { restoreAndPaint };
