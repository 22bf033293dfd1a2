// A stored speech with highlights (and a 学习心得) written straight into the extension's IndexedDB from one of
// its pages, for tests that start from a library rather than from reading on the portal.
import type { TabActions } from './harness.ts';

export interface SeedHighlight {
  id: string;
  /** Paragraph holding the highlight; `exact` is found in it. */
  para: number;
  exact: string;
  category: 'task' | 'thesis' | 'data' | 'question';
  section: number;
  note: string;
  /** A 重点任务's follow-up, as the task list stores it. */
  task?: { status: 'todo' | 'doing' | 'done'; due: string | null; progress: string };
}

export interface SeedSpeech {
  id: string;
  title: string;
  speaker: string;
  occasion: string;
  date: string;
  paragraphs: string[];
  outline: { level: number; marker: string; title: string; para: number; offset: number }[];
  highlights: SeedHighlight[];
  studyNote?: string;
}

/** Writes the speech, its highlights and its 学习心得 with raw IndexedDB; resolves true once committed. */
export function seedSpeech(b: TabActions, speech: SeedSpeech): Promise<boolean> {
  return b.evaluate(
    (s) =>
      new Promise<boolean>((resolve, reject) => {
        // The page may not have created Yandu's database yet (a page can paint before it opens it): never
        // create it here (an empty one would have no tables), wait for the page to do it.
        // Helpers are properties, not named consts: the test runner's transform would wrap a named function
        // in a helper (`__name`) that does not exist in the page.
        const deadline = Date.now() + 20_000;
        const step = {} as { retry: () => void; attempt: () => void; write: (db: IDBDatabase) => void };
        step.retry = () => {
          if (Date.now() > deadline) reject(new Error("Yandu's database was not created in 20 s"));
          else setTimeout(step.attempt, 200);
        };
        step.attempt = () => {
          const open = indexedDB.open('yandu');
          open.onupgradeneeded = () => open.transaction?.abort();
          open.onerror = (event) => {
            event.preventDefault();
            step.retry();
          };
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('speeches')) {
              db.close();
              step.retry();
              return;
            }
            step.write(db);
          };
        };
        step.write = (db: IDBDatabase) => {
          const tx = db.transaction(['speeches', 'highlights', 'notes'], 'readwrite');
          const now = Date.now();
          tx.objectStore('speeches').put({
            id: s.id,
            url: `http://www.${s.id}`,
            title: s.title,
            speaker: s.speaker,
            occasion: s.occasion,
            date: s.date,
            source: null,
            paragraphs: s.paragraphs,
            contentHash: `e2e-${s.id}`,
            outline: s.outline,
            firstOpened: now,
            lastOpened: now,
          });
          for (const h of s.highlights) {
            const text = s.paragraphs[h.para] as string;
            const start = text.indexOf(h.exact);
            tx.objectStore('highlights').put({
              id: h.id,
              speechId: s.id,
              category: h.category,
              note: h.note,
              selector: {
                startPara: h.para,
                startOffset: start,
                endPara: h.para,
                endOffset: start + h.exact.length,
                exact: h.exact,
                prefix: text.slice(Math.max(0, start - 16), start),
                suffix: text.slice(start + h.exact.length, start + h.exact.length + 16),
              },
              section: h.section,
              ...(h.task ? { task: h.task } : {}),
              created: now,
              updated: now,
            });
          }
          if (s.studyNote)
            tx.objectStore('notes').put({
              id: s.id,
              speechId: s.id,
              text: s.studyNote,
              created: now,
              updated: now,
            });
          tx.oncomplete = () => {
            db.close();
            resolve(true);
          };
          tx.onerror = () => reject(tx.error);
        };
        step.attempt();
      }),
    speech,
  );
}
