import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BACKUP_LIMITS,
  type BackupFile,
  exportBackup,
  importBackup,
  mergePlan,
  parseBackup,
  requestPersistentStorage,
  restoreFromText,
  serializeBackup,
} from '@/utils/store/backup';
import type { YanduDB } from '@/utils/store/db';
import { SPEECH_TABLES, type TableRows } from '@/utils/store/tables';
import type { Highlight, Note, SpeechRecord } from '@/utils/types';
import { freshDbs } from '../../../support/db';
import { inEnglish } from '../../../support/i18n';
import { makeHighlight, makeLibrary, makeNote, makeSpeech } from '../../../support/records';

const freshDb = freshDbs('backup-test');

/** Everything in the database, in a stable order, to compare before and after. */
async function dump(db: YanduDB) {
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    speeches: byId(await db.speeches.toArray()),
    highlights: byId(await db.highlights.toArray()),
    notes: byId(await db.notes.toArray()),
    speechVersions: byId(await db.speechVersions.toArray()),
    drafts: byId(await db.drafts.toArray()),
  };
}

async function seed(db: YanduDB, speeches: number, perSpeech: number) {
  const lib = makeLibrary(speeches, perSpeech);
  await db.transaction('rw', [db.speeches, db.highlights, db.notes], async () => {
    await db.speeches.bulkAdd(lib.speeches);
    await db.highlights.bulkAdd(lib.highlights);
    await db.notes.bulkAdd(lib.notes);
  });
  return lib;
}

/** A valid backup's text, with a change applied to its parsed object first. */
function backupText(change: (b: Record<string, unknown> & BackupFile) => void = () => {}): string {
  const lib = makeLibrary(2, 3);
  const b = {
    format: 'yandu-backup',
    version: 2,
    exportedAt: '2026-11-24T02:00:00.000Z',
    speechVersions: [],
    drafts: [],
    ...lib,
  } as unknown as BackupFile;
  change(b as Record<string, unknown> & BackupFile);
  return JSON.stringify(b);
}

describe('backup round trip', () => {
  it('exports 10,000 records and restores them into an empty database unchanged', async () => {
    const source = await freshDb();
    await seed(source, 100, 98); // 100 speeches + 9,800 highlights + 100 notes
    const backup = await exportBackup(source, new Date('2026-11-24T03:00:00Z'));
    expect(backup.format).toBe('yandu-backup');
    expect(backup.version).toBe(4);
    expect(backup.exportedAt).toBe('2026-11-24T03:00:00.000Z');
    expect(backup.speeches.length + backup.highlights.length + backup.notes.length).toBe(10_000);

    const parsed = parseBackup(serializeBackup(backup));
    if (!parsed.ok) throw new Error(parsed.reason);
    const target = await freshDb();
    const progress: number[] = [];
    const summary = await importBackup(target, parsed.backup, { onProgress: (done) => progress.push(done) });
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(10_000);
    expect(progress.length).toBeGreaterThan(3); // written in slices, each reported
    expect(summary.speeches).toEqual({ added: 100, updated: 0, kept: 0 });
    expect(summary.highlights).toEqual({ added: 9_800, updated: 0, kept: 0 });
    expect(await dump(target)).toEqual(await dump(source));
  });

  it('keeps optional fields (pages, via, task) through the file', async () => {
    const db = await freshDb();
    const speech: SpeechRecord = {
      ...makeSpeech(1),
      via: 'trs',
      pages: ['http://www.example.gov.cn/ldjh/t1_1.html'],
    };
    const h = makeHighlight(speech, 0);
    expect(h.task).toBeDefined();
    await db.speeches.add(speech);
    await db.highlights.add(h);
    const parsed = parseBackup(serializeBackup(await exportBackup(db)));
    expect(parsed.ok && parsed.backup.speeches[0]).toEqual(speech);
    expect(parsed.ok && parsed.backup.highlights[0]).toEqual(h);
  });

  it('carries earlier versions of a speech and unsaved drafts through the file', async () => {
    const source = await freshDb();
    const speech = makeSpeech(1);
    const h = makeHighlight(speech, 0);
    await source.speeches.add(speech);
    await source.highlights.add(h);
    await source.speechVersions.add({
      id: `${speech.id}@old`,
      speechId: speech.id,
      contentHash: 'old',
      title: '改版前的标题',
      paragraphs: ['改版前的一段话。'],
      outline: [],
      archived: 5,
    });
    await source.drafts.bulkAdd([
      { id: `highlight:${h.id}`, text: '写到一半的批注', updated: 6 },
      { id: `studyNote:${speech.id}`, text: '写到一半的心得', updated: 7 },
    ]);
    const parsed = parseBackup(serializeBackup(await exportBackup(source)));
    if (!parsed.ok) throw new Error(parsed.reason);
    const target = await freshDb();
    const summary = await importBackup(target, parsed.backup);
    expect(summary.speechVersions).toEqual({ added: 1, updated: 0, kept: 0 });
    expect(summary.drafts).toEqual({ added: 2, updated: 0, kept: 0 });
    expect(await dump(target)).toEqual(await dump(source));
  });

  it('still restores a version-1 file, which had no earlier versions or drafts', async () => {
    const lib = makeLibrary(2, 2);
    const text = JSON.stringify({
      format: 'yandu-backup',
      version: 1,
      exportedAt: '2026-11-01T00:00:00Z',
      ...lib,
    });
    const db = await freshDb();
    const result = await restoreFromText(db, text);
    expect(result.ok).toBe(true);
    expect(await db.speeches.count()).toBe(2);
    expect(await db.highlights.count()).toBe(4);
  });
});

describe('refusing a bad backup file', () => {
  const cases: [string, string, string][] = [
    ['a file cut short', backupText().slice(0, 500), 'not-json'],
    ['a file that is not JSON', '研读备份\n这不是 JSON', 'not-json'],
    ['an empty file', '', 'not-json'],
    ['a JSON list', '[]', 'unknown-format'],
    ['another program’s JSON', '{"format":"other","version":1}', 'unknown-format'],
    ['a newer version', backupText((b) => Object.assign(b, { version: 5 })), 'unsupported-version'],
    ['a version given as text', backupText((b) => Object.assign(b, { version: '1' })), 'unsupported-version'],
    ['a missing table', backupText((b) => Reflect.deleteProperty(b, 'notes')), 'bad-shape'],
    ['an unknown top-level field', backupText((b) => Object.assign(b, { extra: 1 })), 'bad-shape'],
    ['a bad export time', backupText((b) => Object.assign(b, { exportedAt: 'yesterday' })), 'bad-shape'],
    [
      'a __proto__ key at the top',
      backupText().replace('{', '{"__proto__":{"polluted":true},'),
      'hostile-key',
    ],
    [
      'a __proto__ key written with an escape',
      backupText().replace('"selector":{', '"selector":{"\\u005f_proto__":{},'),
      'hostile-key',
    ],
    [
      'a constructor key in a record',
      backupText().replace('"note":', '"constructor":{"x":1},"note":'),
      'hostile-key',
    ],
    ['a prototype key', backupText().replace('"outline":[', '"outline":[{"prototype":1},'), 'hostile-key'],
    [
      'a script tag in a note',
      backupText((b) => Object.assign(b.notes[0] as Note, { text: '心得<SCRIPT>alert(1)</script>' })),
      'unsafe-content',
    ],
    [
      'a string over 16 M characters',
      backupText((b) => Object.assign(b.notes[0] as Note, { text: '字'.repeat(16 * 1024 * 1024 + 1) })),
      'string-too-long',
    ],
  ];

  for (const [what, text, code] of cases) {
    it(`refuses ${what} (${code}) and leaves the database as it was`, async () => {
      const db = await freshDb();
      await seed(db, 3, 4);
      const before = await dump(db);
      const result = await restoreFromText(db, text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe(code);
      expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
      expect(await dump(db)).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('accepts the unchanged base file the bad cases were made from', () => {
    expect(parseBackup(backupText()).ok).toBe(true);
  });

  it('names the record and field that is wrong', () => {
    const result = parseBackup(
      backupText((b) => Object.assign((b.highlights[2] as Highlight).selector, { startPara: '3' })),
    );
    expect(result).toMatchObject({
      ok: true,
      skipped: [{ table: 'highlights', index: 2, what: '划线第 3 条', why: '划线位置有误：应为非负整数' }],
    });
  });

  it("says why in the browser's language: English in an English browser", () => {
    inEnglish(() => {
      const result = parseBackup(
        backupText((b) => Object.assign((b.highlights[2] as Highlight).selector, { startPara: '3' })),
      );
      expect(result).toMatchObject({
        ok: true,
        skipped: [
          {
            what: 'highlight no. 3',
            why: "The highlight's place is wrong: should be a whole number, 0 or more",
          },
        ],
      });
      expect(parseBackup('{ not json')).toMatchObject({
        reason: expect.stringContaining('cannot be read as JSON'),
      });
    });
  });

  it('refuses a file over 200 MB before reading it', () => {
    const huge = ' '.repeat(200 * 1024 * 1024 + 1);
    expect(parseBackup(huge)).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('refuses more than the record limit', () => {
    const saved = BACKUP_LIMITS.maxRecords;
    BACKUP_LIMITS.maxRecords = 10; // the rule at a size a test can build; the shipped limit is 1,000,000
    try {
      expect(parseBackup(backupText())).toMatchObject({ ok: true }); // 2 + 6 + 2 = 10 records
      const eleven = backupText((b) => b.notes.push({ ...(b.notes[0] as Note), id: 'another' }));
      expect(parseBackup(eleven)).toMatchObject({ ok: false, code: 'too-many-records' });
    } finally {
      BACKUP_LIMITS.maxRecords = saved;
    }
    expect(BACKUP_LIMITS.maxRecords).toBe(1_000_000);
  });
});

describe('skipping bad records: the rest of the file is restored', () => {
  const cases: [string, string][] = [
    ['a speech without title', backupText((b) => Reflect.deleteProperty(b.speeches[1] as object, 'title'))],
    [
      'a paragraph that is a number',
      backupText((b) => ((b.speeches[0] as SpeechRecord).paragraphs[3] = 7 as unknown as string)),
    ],
    [
      'an outline level 4',
      backupText((b) => Object.assign((b.speeches[0] as SpeechRecord).outline[0] as object, { level: 4 })),
    ],
    [
      'a date in another form',
      backupText((b) => Object.assign(b.speeches[0] as object, { date: '2026/5/20' })),
    ],
    [
      'an unknown field in a highlight',
      backupText((b) => Object.assign(b.highlights[0] as object, { color: 'red' })),
    ],
    [
      'an unknown category',
      backupText((b) => Object.assign(b.highlights[0] as object, { category: 'bogus' })),
    ],
    [
      'a selector offset given as text',
      backupText((b) => Object.assign((b.highlights[2] as Highlight).selector, { startPara: '3' })),
    ],
    ['a section below -1', backupText((b) => Object.assign(b.highlights[0] as object, { section: -2 }))],
    [
      'an unknown task status',
      backupText((b) =>
        Object.assign(b.highlights[0] as object, { task: { status: 'late', due: null, progress: '' } }),
      ),
    ],
    [
      'a note without its time',
      backupText((b) => Object.assign(b.notes[0] as object, { updated: Number.NaN })),
    ],
    [
      'a study note filed under another speech’s id',
      backupText((b) => Object.assign(b.notes[0] as Note, { id: (b.notes[1] as Note).id })),
    ],
    [
      'two highlights with one id',
      backupText((b) => Object.assign(b.highlights[1] as object, { id: (b.highlights[0] as Highlight).id })),
    ],
    [
      'a javascript: address',
      backupText((b) => Object.assign(b.speeches[0] as object, { url: 'javascript:alert(1)' })),
    ],
    [
      'a javascript: address hidden by blanks',
      backupText((b) => Object.assign(b.speeches[0] as object, { url: ' java\tscript:alert(1)' })),
    ],
    [
      'a data: address',
      backupText((b) => Object.assign(b.speeches[0] as object, { url: 'data:text/html,hi' })),
    ],
    [
      'a further page that is not a web address',
      backupText((b) =>
        Object.assign(b.speeches[1] as object, { pages: ['ftp://example.gov.cn/t1_1.html'] }),
      ),
    ],
  ];

  for (const [what, text] of cases) {
    it(`skips ${what}, restores every other record, and says why without field names`, async () => {
      const db = await freshDb();
      const file = JSON.parse(text) as TableRows;
      const result = await restoreFromText(db, text);
      if (!result.ok) throw new Error(result.reason);
      expect(result.skipped.length).toBeGreaterThan(0);
      for (const s of result.skipped) {
        expect(s.what).toMatch(/第 \d+ 条/);
        expect(s.why).toMatch(/[\u4e00-\u9fff]/);
        expect(s.why).not.toMatch(/selector|startPara|speechId|outline|paragraphs|url|[a-z][A-Z]/);
      }
      for (const table of SPEECH_TABLES) {
        const skipped = result.skipped.filter((s) => s.table === table).length;
        expect(await db[table].count(), table).toBe(file[table].length - skipped);
      }
    });
  }
});

describe('merging a backup into the library', () => {
  it('adds what is new, replaces only with newer copies, and never duplicates', async () => {
    const db = await freshDb();
    const speech = makeSpeech(1);
    const h1 = makeHighlight(speech, 1);
    const h2 = makeHighlight(speech, 2);
    const note = makeNote(speech, '原来的心得');
    await db.speeches.add(speech);
    await db.highlights.bulkAdd([h1, h2]);
    await db.notes.add(note);

    const backup: BackupFile = {
      format: 'yandu-backup',
      version: 4,
      exportedAt: '2026-11-24T00:00:00.000Z',
      speechVersions: [],
      drafts: [],
      speeches: [{ ...speech, title: '备份里较新的标题', lastOpened: speech.lastOpened + 1 }, makeSpeech(2)],
      highlights: [
        { ...h1, note: '备份里较旧的批注', updated: h1.updated - 1 },
        { ...h2, note: '同一时间的另一份', updated: h2.updated },
        makeHighlight(speech, 3),
      ],
      notes: [{ ...note, text: '备份里较新的心得', updated: note.updated + 5 }],
    };
    const summary = await importBackup(db, backup);
    expect(summary).toEqual({
      speeches: { added: 1, updated: 1, kept: 0 },
      // Both older notes differ from the library's: each is kept under the library's note.
      highlights: { added: 1, updated: 2, kept: 0 },
      notes: { added: 0, updated: 1, kept: 0 },
      speechVersions: { added: 0, updated: 0, kept: 0 },
      drafts: { added: 0, updated: 0, kept: 0 },
      refused: [],
    });
    expect(await db.speeches.count()).toBe(2);
    expect(await db.highlights.count()).toBe(3);
    expect(await db.notes.count()).toBe(1);
    expect((await db.speeches.get(speech.id))?.title).toBe('备份里较新的标题');
    const n1 = (await db.highlights.get(h1.id))?.note ?? '';
    expect(n1.startsWith(h1.note)).toBe(true); // the newer copy stays first
    expect(n1).toContain('备份里较旧的批注');
    expect((await db.highlights.get(h2.id))?.note).toMatch(new RegExp(`^${h2.note}[^]*同一时间的另一份$`)); // a tie keeps the library's first
    const merged = (await db.notes.get(note.id))?.text ?? '';
    expect(merged.startsWith('备份里较新的心得')).toBe(true);
    expect(merged).toContain('原来的心得'); // the replaced 学习心得 is kept

    // Importing the same file again changes nothing.
    const before = await dump(db);
    const again = await importBackup(db, backup);
    expect(again.speeches).toEqual({ added: 0, updated: 0, kept: 2 });
    expect(again.highlights).toEqual({ added: 0, updated: 0, kept: 3 });
    expect(again.notes).toEqual({ added: 0, updated: 0, kept: 1 });
    expect(await dump(db)).toEqual(before);
  });

  it('writes nothing at all when one write fails half-way', async () => {
    const db = await freshDb();
    await seed(db, 2, 2);
    const before = await dump(db);
    const lib = makeLibrary(5, 3);
    const text = serializeBackup({
      format: 'yandu-backup',
      version: 3 as BackupFile['version'], // a version-3 file, as Yandu wrote before
      exportedAt: new Date().toISOString(),
      speechVersions: [],
      drafts: [],
      ...lib,
    });
    // Speeches are written first; the first new highlight then fails inside the same transaction.
    db.highlights.hook('creating', () => {
      throw new Error('disk full');
    });
    const result = await restoreFromText(db, text);
    expect(result).toMatchObject({ ok: false, code: 'write-failed' });
    expect(await dump(db)).toEqual(before);
  });

  it('plans the merge as a pure function: later duplicates in a batch compete with the winner', () => {
    const s = makeSpeech(1);
    const old = { ...s, lastOpened: 10 };
    const plan = mergePlan(
      { speeches: [old], highlights: [], notes: [] },
      {
        speeches: [
          { ...s, lastOpened: 30 },
          { ...s, lastOpened: 20 },
        ],
        highlights: [],
        notes: [],
      },
    );
    expect(plan.put.speeches.map((x) => x.lastOpened)).toEqual([30]);
    expect(plan.summary.speeches).toEqual({ added: 0, updated: 1, kept: 1 });
  });
});

describe('persistent storage', () => {
  const original = Object.getOwnPropertyDescriptor(globalThis.navigator, 'storage');
  afterEach(() => {
    if (original) Object.defineProperty(globalThis.navigator, 'storage', original);
    else Reflect.deleteProperty(globalThis.navigator, 'storage');
  });
  const setStorage = (value: unknown) =>
    Object.defineProperty(globalThis.navigator, 'storage', { value, configurable: true });

  it('asks the browser and reports whether it agreed', async () => {
    const persist = vi.fn(async () => true);
    setStorage({ persisted: async () => false, persist });
    expect(await requestPersistentStorage()).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
    setStorage({ persisted: async () => false, persist: async () => false });
    expect(await requestPersistentStorage()).toBe(false);
  });

  it('does not ask again when storage is already persistent', async () => {
    const persist = vi.fn(async () => false);
    setStorage({ persisted: async () => true, persist });
    expect(await requestPersistentStorage()).toBe(true);
    expect(persist).not.toHaveBeenCalled();
  });

  it('answers false where the API is missing or fails', async () => {
    setStorage(undefined);
    expect(await requestPersistentStorage()).toBe(false);
    setStorage({ persist: async () => Promise.reject(new Error('denied')) });
    expect(await requestPersistentStorage()).toBe(false);
  });
});
