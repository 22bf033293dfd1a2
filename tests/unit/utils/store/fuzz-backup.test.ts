/**
 * Fuzzing backup import with random and MUTATED backup files (a valid file with a field deleted, retyped,
 * replaced by a hostile value, a record duplicated, an unknown or prototype key added, the text truncated or
 * a character changed). Whatever the file, restoreFromText never throws and never corrupts the library:
 * a refused import leaves the database exactly as it was (dump before = dump after); an accepted one leaves a
 * database whose every record is valid (its own backup is accepted again), nothing lost, nothing invented.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BackupFile,
  exportBackup,
  parseBackup,
  restoreFromText,
  serializeBackup,
} from '@/utils/store/backup';
import { YanduDB } from '@/utils/store/db';
import { makeLibrary } from '../../../support/records';

const CODES = [
  'not-json',
  'too-large',
  'too-many-records',
  'string-too-long',
  'hostile-key',
  'unsafe-content',
  'bad-url',
  'unknown-format',
  'unsupported-version',
  'bad-shape',
  'duplicate-id',
  'write-failed',
];
const HANG_GUARD_MS = 5000;

let db: YanduDB;
const seed = makeLibrary(2, 3);

beforeAll(async () => {
  db = new YanduDB('fuzz-backup');
  await db.open();
});
afterAll(async () => {
  db.close();
  await db.delete();
});

async function reset() {
  await db.transaction('rw', [db.speeches, db.highlights, db.notes], async () => {
    await Promise.all([db.speeches.clear(), db.highlights.clear(), db.notes.clear()]);
    await db.speeches.bulkAdd(seed.speeches);
    await db.highlights.bulkAdd(seed.highlights);
    await db.notes.bulkAdd(seed.notes);
  });
}

async function dump() {
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    speeches: byId(await db.speeches.toArray()),
    highlights: byId(await db.highlights.toArray()),
    notes: byId(await db.notes.toArray()),
  };
}

/** A valid backup overlapping the seed: speech 1 (newer copy) and its records, plus speech 3, new. */
function baseBackup(): BackupFile {
  const lib = makeLibrary(3, 2);
  const speeches = lib.speeches.filter((_, i) => i !== 1);
  const ids = new Set(speeches.map((s) => s.id));
  (speeches[0] as BackupFile['speeches'][number]).lastOpened += 1_000_000;
  return {
    format: 'yandu-backup',
    version: 4,
    exportedAt: '2026-11-24T03:00:00.000Z',
    speechVersions: [],
    drafts: [],
    speeches,
    highlights: lib.highlights.filter((h) => ids.has(h.speechId)),
    notes: lib.notes.filter((n) => ids.has(n.speechId)),
  };
}

type Path = (string | number)[];

/** Every path to a value inside the backup (objects and arrays included). */
function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) paths(value[i], [...prefix, i], out);
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

const HOSTILE_VALUES = [
  null,
  -1,
  1.5,
  2 ** 53,
  1e308,
  '',
  ' ',
  'javascript:alert(1)',
  'data:text/html,x',
  'file:///etc/passwd',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '2026-02-30',
  'task',
  [],
  {},
  true,
  '\u202e\u200b',
];

type JsonMutation =
  | { op: 'delete' | 'duplicate'; at: number }
  | { op: 'set'; at: number; value: unknown }
  | { op: 'add-key'; at: number; key: string };

const jsonMutation: fc.Arbitrary<JsonMutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('set' as const),
    at: fc.nat(),
    value: fc.oneof(fc.constantFrom(...HOSTILE_VALUES), fc.jsonValue({ maxDepth: 2 })),
  }),
  fc.record({
    op: fc.constant('add-key' as const),
    at: fc.nat(),
    key: fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra'),
      fc.string({ maxLength: 6 }),
    ),
  }),
);

/** Apply one structural mutation in place (on a JSON copy); positions are modulo the number of paths. */
function mutateJson(root: Record<string, unknown>, m: JsonMutation): void {
  const all = paths(root).filter((p) => p.length > 0);
  const path = all[m.at % all.length] as Path;
  let parent: unknown = root;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
  const last = path[path.length - 1] as string | number;
  const holder = parent as Record<string | number, unknown>;
  if (m.op === 'delete') {
    if (Array.isArray(holder)) holder.splice(last as number, 1);
    else delete holder[last];
  } else if (m.op === 'duplicate') {
    if (Array.isArray(holder)) holder.splice(last as number, 0, structuredClone(holder[last]));
    else holder[`${last}2`] = structuredClone(holder[last]);
  } else if (m.op === 'set') {
    holder[last] = m.value;
  } else if (m.op === 'add-key') {
    const target = holder[last];
    // JSON.parse of "__proto__" makes an own property; so does defineProperty here.
    if (target && typeof target === 'object' && !Array.isArray(target)) {
      Object.defineProperty(target, m.key, {
        value: 1,
        enumerable: true,
        configurable: true,
        writable: true,
      });
    }
  }
}

type TextMutation =
  | { op: 'truncate' | 'delete-char'; at: number }
  | { op: 'insert'; at: number; text: string };
const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('truncate' as const, 'delete-char' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom('"', ',', '{', ']', '\\', 'x', '0', '"__proto__":1,'),
  }),
);

function mutateText(text: string, m: TextMutation): string {
  const at = m.at % (text.length + 1);
  if (m.op === 'insert') return text.slice(0, at) + m.text + text.slice(at);
  if (m.op === 'truncate') return text.slice(0, at);
  return text.slice(0, at) + text.slice(at + 1);
}

/** Import `text` into the seeded library and check the database is never corrupted. */
async function checkImport(text: string): Promise<'accepted' | 'refused'> {
  await reset();
  const before = await dump();
  const start = performance.now();
  const result = await restoreFromText(db, text);
  expect(performance.now() - start).toBeLessThan(HANG_GUARD_MS);
  const after = await dump();
  if (!result.ok) {
    expect(CODES).toContain(result.code);
    expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(after).toEqual(before);
    return 'refused';
  }
  // Accepted: the library's own backup is a valid file again (every record valid) …
  const again = parseBackup(serializeBackup(await exportBackup(db)));
  expect(again.ok ? 'valid' : `${again.code}: ${again.reason}`).toBe('valid');
  // … and restores whole: nothing the library holds is skipped from its own backup.
  expect(again.ok && again.skipped).toEqual([]);
  for (const s of result.skipped) expect(s.why).toMatch(/[\u4e00-\u9fff]/);
  // … nothing of the library was lost, and every record is the library's or the file's.
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error('accepted a file parseBackup refuses');
  for (const table of ['speeches', 'highlights', 'notes'] as const) {
    const ids = new Set(after[table].map((r) => r.id));
    for (const r of before[table]) expect(ids.has(r.id)).toBe(true);
    const known = new Set([...before[table], ...parsed.backup[table]].map((r) => r.id));
    for (const id of ids) expect(known.has(id)).toBe(true);
  }
  expect(({} as Record<string, unknown>)[1]).toBeUndefined();
  return 'accepted';
}

describe('fuzz: backup import never corrupts the library', () => {
  it('accepts the unmutated base file (the control)', async () => {
    expect(await checkImport(serializeBackup(baseBackup()))).toBe('accepted');
  });

  it('structurally mutated files: refused cleanly or merged into a valid library', async () => {
    const outcomes = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(jsonMutation, { minLength: 1, maxLength: 3 }), async (ms) => {
        const root = structuredClone(baseBackup()) as unknown as Record<string, unknown>;
        for (const m of ms) mutateJson(root, m);
        outcomes[await checkImport(JSON.stringify(root))] += 1;
      }),
      { numRuns: 60 },
    );
    // Both branches were exercised, so neither check above is vacuous.
    expect(outcomes.accepted).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it('files damaged as text (truncated, characters dropped or inserted)', async () => {
    const text = serializeBackup(baseBackup());
    await fc.assert(
      fc.asyncProperty(fc.array(textMutation, { minLength: 1, maxLength: 3 }), async (ms) => {
        await checkImport(ms.reduce(mutateText, text));
      }),
      { numRuns: 30 },
    );
  });

  it('random text and random JSON', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
        ),
        async (text) => {
          expect(await checkImport(text)).toBe('refused');
        },
      ),
      { numRuns: 40 },
    );
  });
});
