/**
 * Notes being typed are kept in the drafts table as the user types (debounced), so closing or reloading
 * the reader before 保存 loses nothing. A draft is removed once its note is saved or the edit is cancelled.
 */

import { liveQuery } from 'dexie';
import type { YanduDB } from './db';

/** The one place draft keys are made (deleteSpeech finds a speech's drafts by them: tables.ts). */
export function highlightDraftId(highlightId: string): string {
  return `highlight:${highlightId}`;
}

export function studyNoteDraftId(speechId: string): string {
  return `studyNote:${speechId}`;
}

export async function loadDraft(db: YanduDB, id: string): Promise<string | undefined> {
  return (await db.drafts.get(id))?.text;
}

export async function saveDraft(db: YanduDB, id: string, text: string, now = Date.now()): Promise<void> {
  await db.drafts.put({ id, text, updated: now });
}

export async function clearDraft(db: YanduDB, id: string): Promise<void> {
  await db.drafts.delete(id);
}

/** Ids of every stored draft among `ids` (to mark notes with unsaved text). */
export async function draftsAmong(db: YanduDB, ids: readonly string[]): Promise<Set<string>> {
  const found = await db.drafts.bulkGet([...ids]);
  return new Set(found.flatMap((d) => (d ? [d.id] : [])));
}

export interface DraftSaver {
  /** Text changed: save it after a pause in typing. */
  update(text: string): void;
  /** Save what is pending now (leaving the editor). */
  flush(): Promise<void>;
  /** Drop what is pending without saving. */
  cancel(): void;
}

/** Saves a draft `delayMs` after the last keystroke; only the latest text is written. */
export function createDraftSaver(db: YanduDB, id: string, delayMs = 400): DraftSaver {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: string | undefined;
  const write = async () => {
    timer = undefined;
    if (pending === undefined) return;
    const text = pending;
    pending = undefined;
    await saveDraft(db, id, text).catch((e: unknown) => console.warn('[yandu] could not save the draft', e));
  };
  return {
    update(text) {
      pending = text;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void write(), delayMs);
    },
    async flush() {
      if (timer) clearTimeout(timer);
      await write();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = undefined;
    },
  };
}

/** Ids of the stored drafts, now and after every change (any tab). */
export function watchDraftIds(db: YanduDB, onChange: (ids: Set<string>) => void): { unsubscribe(): void } {
  return liveQuery(() => db.drafts.toCollection().primaryKeys()).subscribe({
    next: (keys) => onChange(new Set(keys as string[])),
    error: (e: unknown) => console.warn('[yandu] drafts', e),
  });
}
