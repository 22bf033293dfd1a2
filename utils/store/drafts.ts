/**
 * Notes being typed are kept in the drafts table as the user types, so closing or reloading the reader
 * before the note itself is written loses nothing. A draft is removed once its note is saved.
 *
 * Drafts are per tab: two readers of one speech typing the same note write
 * `<owner>#tab:<tab>` rows, so one tab's save never deletes the other's unsaved text. `<owner>` is
 * `highlight:<id>` or `studyNote:<speechId>`; drafts stored before tabs had ids have the bare owner key and
 * are still read (taken over like a closed tab's).
 */

import type { Draft } from '../types';
import type { YanduDB } from './db';
import { type LocalStore, pageStorage, readLocal, writeLocal } from './local';
import { watchLive } from './watch';

const TAB_MARK = '#tab:';

/** The one place draft keys are made (deleteSpeech finds a speech's drafts by them: tables.ts). */
export function highlightDraftId(highlightId: string): string {
  return `highlight:${highlightId}`;
}

export function studyNoteDraftId(speechId: string): string {
  return `studyNote:${speechId}`;
}

/** The row of `owner`'s draft typed in tab `tab`. */
export function tabDraftId(owner: string, tab: string): string {
  return `${owner}${TAB_MARK}${tab}`;
}

/** What a draft row belongs to (`highlight:<id>` / `studyNote:<speechId>`), without its tab. */
export function draftOwner(draftId: string): string {
  const at = draftId.lastIndexOf(TAB_MARK);
  return at < 0 ? draftId : draftId.slice(0, at);
}

/** The tab a draft row was typed in; null for a draft stored before tabs had ids. */
export function draftTab(draftId: string): string | null {
  const at = draftId.lastIndexOf(TAB_MARK);
  return at < 0 ? null : draftId.slice(at + TAB_MARK.length);
}

/** Every draft row of these owners, in every tab (a speech's delete, backup and export need them all). */
export async function draftsOf(db: YanduDB, owners: readonly string[]): Promise<Draft[]> {
  if (owners.length === 0) return [];
  const wanted = new Set(owners);
  const rows = await db.drafts
    .where('id')
    .startsWithAnyOf([...wanted])
    .toArray();
  return rows.filter((d) => wanted.has(draftOwner(d.id)));
}

/**
 * The newest draft of each owner, keyed by the owner (what an export prints: the text most recently typed
 * in any tab).
 */
export function newestByOwner(drafts: readonly Draft[]): Draft[] {
  const newest = new Map<string, Draft>();
  for (const d of drafts) {
    const owner = draftOwner(d.id);
    const had = newest.get(owner);
    if (!had || d.updated > had.updated) newest.set(owner, { ...d, id: owner });
  }
  return [...newest.values()];
}

export async function loadDraft(db: YanduDB, id: string): Promise<string | undefined> {
  return (await db.drafts.get(id))?.text;
}

/** What a keystroke left in localStorage for one draft row. */
interface DraftCopy {
  text: string;
  updated: number;
}

function readCopies(store: LocalStore | undefined): Record<string, DraftCopy> {
  try {
    const data: unknown = JSON.parse(readLocal('draftCopies', store) ?? '{}');
    if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
    const out: Record<string, DraftCopy> = {};
    for (const [id, c] of Object.entries(data as Record<string, Partial<DraftCopy>>))
      if (typeof c?.text === 'string' && Number.isFinite(c.updated)) out[id] = c as DraftCopy;
    return out;
  } catch {
    return {};
  }
}

/** Copy what is typed in draft row `id` synchronously (see the top of this file); never throws. */
export function keepDraftCopy(id: string, text: string, store = pageStorage(), now = Date.now()): void {
  writeLocal('draftCopies', JSON.stringify({ ...readCopies(store), [id]: { text, updated: now } }), store);
}

/** Forget the copies of these draft rows (their text is saved, or in the table now). */
export function dropDraftCopies(ids: readonly string[], store = pageStorage()): void {
  const copies = readCopies(store);
  if (!ids.some((id) => id in copies)) return;
  for (const id of ids) delete copies[id];
  writeLocal('draftCopies', JSON.stringify(copies), store);
}

/** The keystroke copies of these owners' draft rows (every tab), as draft rows. */
export function draftCopiesOf(owners: readonly string[], store = pageStorage()): Draft[] {
  const wanted = new Set(owners);
  return Object.entries(readCopies(store))
    .filter(([id]) => wanted.has(draftOwner(id)))
    .map(([id, c]) => ({ id, text: c.text, updated: c.updated }));
}

/** `rows` with each copy in place of its row when the copy is newer (or the row was never written). */
export function withNewerCopies(rows: readonly Draft[], copies: readonly Draft[]): Draft[] {
  const out = new Map(rows.map((d) => [d.id, d]));
  for (const c of copies) {
    const row = out.get(c.id);
    if (!row || c.updated > row.updated) out.set(c.id, c);
  }
  return [...out.values()];
}

/**
 * This tab's draft of `owner`; when it has none, the newest one left by a tab that is no longer open (or
 * stored before tabs had ids) is taken over as this tab's, so text typed in a closed tab comes back when the
 * speech is opened again, and only in one tab. `isLive` says whether another tab is still open.
 */
export async function takeDraft(
  db: YanduDB,
  owner: string,
  tab: string,
  isLive: (tab: string) => boolean,
  now = Date.now(),
  store = pageStorage(),
): Promise<string | undefined> {
  // Copies of keystrokes in this tab (a reload) or in a closed one are newer than their rows: they win.
  const copies = Object.entries(readCopies(store)).filter(([id]) => {
    const other = draftTab(id);
    return draftOwner(id) === owner && (other === tab || other === null || !isLive(other));
  });
  const taken = await db.transaction('rw', db.drafts, async () => {
    for (const [id, copy] of copies) await db.drafts.put({ id, text: copy.text, updated: copy.updated });
    const rows = await draftsOf(db, [owner]);
    const mine = rows.find((d) => draftTab(d.id) === tab);
    if (mine) return mine.text;
    const left = rows
      .filter((d) => {
        const other = draftTab(d.id);
        return other === null || !isLive(other);
      })
      .sort((a, b) => b.updated - a.updated)[0];
    if (!left) return undefined;
    await db.drafts.delete(left.id);
    await db.drafts.put({ id: tabDraftId(owner, tab), text: left.text, updated: now });
    return left.text;
  });
  dropDraftCopies(
    copies.map(([id]) => id),
    store,
  );
  return taken;
}

export async function saveDraft(db: YanduDB, id: string, text: string, now = Date.now()): Promise<void> {
  await db.drafts.put({ id, text, updated: now });
}

export async function clearDraft(db: YanduDB, id: string): Promise<void> {
  await db.drafts.delete(id);
}

/** Ids of the stored drafts, now and after every change (any tab). */
export function watchDraftIds(db: YanduDB, onChange: (ids: Set<string>) => void): { unsubscribe(): void } {
  return watchLive(
    () => db.drafts.toCollection().primaryKeys(),
    (keys) => onChange(new Set(keys as string[])),
    'drafts',
  );
}
