/**
 * How a backup joins the library, as a pure function of both (no database): what is written, what is kept
 * beside it so nothing is lost, what is refused because it does not fit, and a per-speech preview the user
 * confirms before anything is replaced.
 *
 * - The newer copy of a record wins (`lastOpened` for speeches, `archived` for versions, `updated` for the
 *   rest); a tie keeps the library's copy.
 * - Nothing the user wrote is dropped: when a speech's text differs, the copy that loses is archived as an
 *   earlier version (speechVersions, where the reader already shows old texts); when a 学习心得 or a
 *   highlight's note differs, the losing text is appended under a dated line. A note has no history view,
 *   so appending keeps the old words where the user reads and exports them; a text already contained in the
 *   winner is not repeated, so restoring the same file twice changes nothing the second time. A draft in
 *   the file whose note the library holds with another text is joined into that note the same way, not
 *   restored as a draft (the next reader would take it over and save it over the library's text).
 * - Refused (and listed): a record whose speech is in neither the file nor the library (it would show
 *   nowhere), a highlight whose id belongs to another speech's highlight, a draft of nothing.
 */
import type { Draft, Highlight, Note, SpeechRecord, SpeechVersion } from '../../types';
import { noRows, SPEECH_TABLES, type SpeechTable, type TableRows } from '../tables';
import { versionOf } from '../versions';
import { parseDraftOwner } from './drafts';

export interface TableSummary {
  added: number;
  updated: number;
  /** Same id already in the library and at least as new: left as it was. */
  kept: number;
}
export type ImportSummary = Record<SpeechTable, TableSummary>;

export type RefusalCode = 'orphan' | 'takenId' | 'orphanDraft';
export interface Refusal {
  table: SpeechTable;
  /** Index in the file's list. */
  index: number;
  code: RefusalCode;
}

export type SpeechChange = 'new' | 'updated' | 'conflicting' | 'unchanged';
/** One speech of the preview: what the restore does to it. */
export interface SpeechPreview {
  id: string;
  title: string;
  change: SpeechChange;
  highlightsAdded: number;
  highlightsUpdated: number;
  /** The stored text differs: the copy that loses is kept as an earlier version. */
  textKept: boolean;
  /** Texts of notes (学习心得 or highlight notes) that differ: both kept, one appended to the other. */
  notesJoined: number;
}

export interface MergePlan {
  put: TableRows;
  summary: ImportSummary;
  refused: Refusal[];
  /** Speeches the file touches, in the file's order. */
  speeches: SpeechPreview[];
}

/** Text appended under a note when another text of it is kept (localised by the caller). */
export type JoinLine = (keptFrom: number) => string;

function joinTexts(winner: string, loser: string, line: () => string): string {
  if (loser === '' || winner === loser || winner.includes(loser)) return winner;
  if (winner === '') return loser;
  return `${winner}\n\n${line()}\n${loser}`;
}

const stamps = {
  speeches: (r: SpeechRecord) => r.lastOpened,
  highlights: (r: Highlight) => r.updated,
  notes: (r: Note) => r.updated,
  speechVersions: (r: SpeechVersion) => r.archived,
  drafts: (r: Draft) => r.updated,
};

export function mergePlan(
  existing: Partial<TableRows>,
  backup: Partial<TableRows>,
  options: { now?: number; joinLine?: JoinLine } = {},
): MergePlan {
  const now = options.now ?? Date.now();
  const joinLine = options.joinLine ?? ((t: number) => `—— ${new Date(t).toISOString().slice(0, 10)} ——`);
  const put = noRows();
  const summary = {} as ImportSummary;
  for (const key of SPEECH_TABLES) summary[key] = { added: 0, updated: 0, kept: 0 };
  const refused: Refusal[] = [];
  const previews = new Map<string, SpeechPreview>();

  const index = <T extends { id: string }>(rows: readonly T[] | undefined) => {
    const m = new Map<string, T>();
    for (const r of rows ?? []) m.set(r.id, r);
    return m;
  };
  const haveSpeeches = index(existing.speeches);
  const haveHighlights = index(existing.highlights);
  const haveNotes = index(existing.notes);
  const haveVersions = index(existing.speechVersions);
  const haveDrafts = index(existing.drafts);

  const preview = (speechId: string): SpeechPreview => {
    let p = previews.get(speechId);
    if (!p) {
      const title = haveSpeeches.get(speechId)?.title ?? '';
      p = {
        id: speechId,
        title,
        change: haveSpeeches.has(speechId) ? 'unchanged' : 'new',
        highlightsAdded: 0,
        highlightsUpdated: 0,
        textKept: false,
        notesJoined: 0,
      };
      previews.set(speechId, p);
    }
    return p;
  };
  const mark = (p: SpeechPreview, change: 'updated' | 'conflicting') => {
    if (p.change === 'new' || p.change === 'conflicting') return;
    p.change = change;
  };

  // Speeches first: the other tables need to know which speeches exist after the restore.
  for (const r of backup.speeches ?? []) {
    const old = haveSpeeches.get(r.id);
    const p = preview(r.id);
    if (!p.title) p.title = r.title;
    if (!old) {
      summary.speeches.added += 1;
      put.speeches.push(r);
      haveSpeeches.set(r.id, r);
      continue;
    }
    const newer = stamps.speeches(r) > stamps.speeches(old);
    if (r.contentHash !== old.contentHash && r.paragraphs.length > 0 && old.paragraphs.length > 0) {
      // Two texts of one speech: the one that does not win is kept as an earlier version.
      const loser = newer ? old : r;
      const kept = versionOf(loser, Math.min(now, Math.max(stamps.speeches(loser), 0)));
      if (!haveVersions.has(kept.id)) {
        put.speechVersions.push(kept);
        haveVersions.set(kept.id, kept);
        summary.speechVersions.added += 1;
        p.textKept = true;
        mark(p, 'conflicting');
      }
    }
    if (newer) {
      summary.speeches.updated += 1;
      put.speeches.push(r);
      haveSpeeches.set(r.id, r);
      mark(p, 'updated');
    } else summary.speeches.kept += 1;
  }

  const backupHighlights = backup.highlights ?? [];
  backupHighlights.forEach((r, i) => {
    const old = haveHighlights.get(r.id);
    if (!haveSpeeches.has(r.speechId)) {
      refused.push({ table: 'highlights', index: i, code: 'orphan' });
      return;
    }
    if (old && old.speechId !== r.speechId) {
      refused.push({ table: 'highlights', index: i, code: 'takenId' });
      return;
    }
    const p = preview(r.speechId);
    if (!old) {
      summary.highlights.added += 1;
      p.highlightsAdded += 1;
      mark(p, 'updated');
      put.highlights.push(r);
      haveHighlights.set(r.id, r);
      return;
    }
    const newer = stamps.highlights(r) > stamps.highlights(old);
    const [win, lose] = newer ? [r, old] : [old, r];
    const note = joinTexts(win.note, lose.note, () => joinLine(lose.updated));
    if (!newer && note === old.note) {
      summary.highlights.kept += 1;
      return;
    }
    const merged = note === win.note ? win : { ...win, note };
    summary.highlights.updated += 1;
    p.highlightsUpdated += 1;
    if (note !== win.note) p.notesJoined += 1;
    mark(p, note !== win.note ? 'conflicting' : 'updated');
    put.highlights.push(merged);
    haveHighlights.set(r.id, merged);
  });

  (backup.notes ?? []).forEach((r, i) => {
    if (!haveSpeeches.has(r.speechId)) {
      refused.push({ table: 'notes', index: i, code: 'orphan' });
      return;
    }
    const old = haveNotes.get(r.id);
    const p = preview(r.speechId);
    if (!old) {
      summary.notes.added += 1;
      mark(p, 'updated');
      put.notes.push(r);
      haveNotes.set(r.id, r);
      return;
    }
    const newer = stamps.notes(r) > stamps.notes(old);
    const [win, lose] = newer ? [r, old] : [old, r];
    const text = joinTexts(win.text, lose.text, () => joinLine(lose.updated));
    if (!newer && text === old.text) {
      summary.notes.kept += 1;
      return;
    }
    const merged: Note = { ...win, text, created: Math.min(win.created, lose.created) };
    summary.notes.updated += 1;
    if (text !== win.text) p.notesJoined += 1;
    mark(p, text !== win.text ? 'conflicting' : 'updated');
    put.notes.push(merged);
    haveNotes.set(r.id, merged);
  });

  (backup.speechVersions ?? []).forEach((r, i) => {
    if (!haveSpeeches.has(r.speechId)) {
      refused.push({ table: 'speechVersions', index: i, code: 'orphan' });
      return;
    }
    const old = haveVersions.get(r.id);
    if (old && stamps.speechVersions(r) <= stamps.speechVersions(old)) {
      summary.speechVersions.kept += 1;
      return;
    }
    summary.speechVersions[old ? 'updated' : 'added'] += 1;
    mark(preview(r.speechId), 'updated');
    put.speechVersions.push(r);
    haveVersions.set(r.id, r);
  });

  // A draft is text typed over its note as the file has it. Where the library held another text of that
  // note, restoring the draft as a draft would let the next reader put it back and save it over that text
  // (a draft records no base): it is joined into the note instead, as a differing note is.
  const libraryNotes = index(existing.notes);
  const libraryHighlights = index(existing.highlights);
  const fileNotes = index(backup.notes);
  const fileHighlights = index(backup.highlights);
  const foldDraft = (owner: { kind: 'highlight' | 'studyNote'; id: string }, r: Draft, p: SpeechPreview) => {
    const study = owner.kind === 'studyNote';
    const inLibrary = study ? libraryNotes.get(owner.id)?.text : libraryHighlights.get(owner.id)?.note;
    const inFile = (study ? fileNotes.get(owner.id)?.text : fileHighlights.get(owner.id)?.note) ?? '';
    if (inLibrary === undefined || inLibrary === inFile) return false;
    const line = () => joinLine(Math.min(now, r.updated));
    if (study) {
      const note = haveNotes.get(owner.id) as Note;
      const text = joinTexts(note.text, r.text, line);
      if (text !== note.text) replaceRow(put.notes, { ...note, text }, summary.notes, p);
      haveNotes.set(owner.id, { ...note, text });
    } else {
      const h = haveHighlights.get(owner.id) as Highlight;
      const note = joinTexts(h.note, r.text, line);
      if (note !== h.note) replaceRow(put.highlights, { ...h, note }, summary.highlights, p);
      haveHighlights.set(owner.id, { ...h, note });
    }
    return true;
  };
  const replaceRow = <T extends { id: string }>(rows: T[], row: T, count: TableSummary, p: SpeechPreview) => {
    const at = rows.findIndex((x) => x.id === row.id);
    if (at < 0) {
      rows.push(row);
      count.updated += 1;
    } else rows[at] = row;
    p.notesJoined += 1;
    mark(p, 'conflicting');
  };

  (backup.drafts ?? []).forEach((r, i) => {
    const owner = parseDraftOwner(r.id);
    const speechId =
      owner?.kind === 'studyNote'
        ? owner.id
        : owner?.kind === 'highlight'
          ? haveHighlights.get(owner.id)?.speechId
          : undefined;
    if (owner && (speechId === undefined || !haveSpeeches.has(speechId))) {
      refused.push({ table: 'drafts', index: i, code: 'orphanDraft' });
      return;
    }
    if (owner && speechId !== undefined && foldDraft(owner, r, preview(speechId))) return;
    const old = haveDrafts.get(r.id);
    if (old && stamps.drafts(r) <= stamps.drafts(old)) {
      summary.drafts.kept += 1;
      return;
    }
    summary.drafts[old ? 'updated' : 'added'] += 1;
    if (speechId !== undefined) mark(preview(speechId), 'updated');
    put.drafts.push(r);
    haveDrafts.set(r.id, r);
  });

  return { put, summary, refused, speeches: [...previews.values()] };
}
