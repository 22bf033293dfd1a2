/**
 * What Yandu stores, its own backup restores: the records that once made every later backup unrestorable
 * (a 1.1 M-character title, a paragraph without 。！？, a `javascript:` in an address's query) go through the
 * same intake when saved and when restored (utils/store/intake.ts).
 */
import { describe, expect, it } from 'vitest';
import { exportBackup, parseBackup, restoreFromText, serializeBackup } from '@/utils/store/backup';
import { speechIdFromUrl } from '@/utils/store/ids';
import { INTAKE_LIMITS } from '@/utils/store/intake';
import { saveOpenedSpeech } from '@/utils/store/speeches';
import type { Highlight, SpeechRecord, SpeechWithOutline } from '@/utils/types';
import { freshDbs } from '../../../support/db';

const freshDb = freshDbs('backup-intake');

/** A paragraph of `n` characters with commas but no sentence end (a page that never uses 。). */
function endless(n: number): string {
  const unit = '全面推进职工服务阵地建设，';
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

function speech(over: Partial<SpeechWithOutline> = {}): SpeechWithOutline {
  return {
    url: 'https://www.example.gov.cn/ldjh/t20261201_1.html',
    title: '在全市工会工作会议上的讲话',
    speaker: '李某某',
    occasion: null,
    date: '2026-12-01',
    source: null,
    paragraphs: ['同志们：', '今天召开这次会议，主要任务是部署明年工作。', '一、抓好阵地建设。'],
    contentHash: 'h-1',
    outline: [{ level: 1, marker: '一', title: '抓好阵地建设', para: 2, offset: 0 }],
    ...over,
  };
}

/** Save through the reader's path, back up, restore into an empty library: nothing skipped, nothing refused. */
async function roundTrip(
  input: SpeechWithOutline,
): Promise<{ stored: SpeechRecord; restored: SpeechRecord }> {
  const db = await freshDb();
  const stored = await saveOpenedSpeech(db, input, 1000);
  const text = serializeBackup(await exportBackup(db));
  const target = await freshDb();
  const result = await restoreFromText(target, text);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  expect(result.skipped).toEqual([]);
  const restored = await target.speeches.get(stored.id);
  if (!restored) throw new Error('not restored');
  return { stored, restored };
}

describe('intake at save: every stored speech survives its backup', () => {
  it('a 1.1 M-character title is capped when saved and the backup restores', async () => {
    const { stored, restored } = await roundTrip(speech({ title: '讲话'.repeat(550_000) }));
    expect(stored.title.length).toBe(INTAKE_LIMITS.field);
    expect(restored).toEqual(stored);
  });

  it('a 1.1 M-character paragraph without 。！？ is split into pieces that give the text back', async () => {
    const long = endless(1_100_000);
    const { stored, restored } = await roundTrip(
      speech({
        paragraphs: ['同志们：', long, '一、抓好阵地建设。'],
        outline: [{ level: 1, marker: '一', title: '抓好阵地建设', para: 2, offset: 0 }],
      }),
    );
    const pieces = stored.paragraphs.slice(1, -1);
    expect(pieces.length).toBeGreaterThan(90);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(INTAKE_LIMITS.paragraph);
    expect(pieces.join('')).toBe(long);
    // The outline still points at 一、, now further down the list.
    const node = stored.outline[0];
    expect(node && stored.paragraphs[node.para]?.startsWith('一、')).toBe(true);
    expect(restored).toEqual(stored);
  });

  it('an address with javascript: in its query is an https page: saved, backed up and restored', async () => {
    const url = 'https://www.example.gov.cn/content.jsp?id=7&back=javascript:history.go(-1)';
    const { restored } = await roundTrip(speech({ url }));
    expect(restored.url).toBe(url);
  });

  it('a speech whose address is not a web page is not stored', async () => {
    const db = await freshDb();
    await expect(saveOpenedSpeech(db, speech({ url: 'javascript:alert(1)' }))).rejects.toThrow();
    expect(await db.speeches.count()).toBe(0);
  });
});

describe('intake at restore: a backup written before the intake still restores', () => {
  it('caps and splits the old records and moves their highlights with the text', async () => {
    const long = endless(1_100_000);
    const url = 'https://www.example.gov.cn/content.jsp?id=8&from=javascript:void(0)';
    const id = speechIdFromUrl(url);
    const exact = long.slice(700_000, 700_020);
    const old: SpeechRecord = {
      ...speech({ url, title: '标题'.repeat(550_000), paragraphs: ['开头。', long] }),
      outline: [],
      id,
      firstOpened: 1,
      lastOpened: 2,
    };
    const h: Highlight = {
      id: 'h1',
      speechId: id,
      category: 'thesis',
      note: '',
      selector: {
        startPara: 1,
        startOffset: 700_000,
        endPara: 1,
        endOffset: 700_020,
        exact,
        prefix: '',
        suffix: '',
      },
      section: -1,
      created: 3,
      updated: 3,
    };
    const text = JSON.stringify({
      format: 'yandu-backup',
      version: 2,
      exportedAt: '2026-11-30T00:00:00Z',
      speeches: [old],
      highlights: [h],
      notes: [],
      speechVersions: [],
      drafts: [],
    });
    const db = await freshDb();
    const result = await restoreFromText(db, text);
    if (!result.ok) throw new Error(result.reason);
    expect(result.skipped).toEqual([]);
    const s = await db.speeches.get(id);
    expect(s?.title.length).toBe(INTAKE_LIMITS.field);
    expect(s?.paragraphs.slice(1).join('')).toBe(long);
    const moved = (await db.highlights.get('h1'))?.selector;
    if (!s || !moved) throw new Error('missing');
    expect(moved.startPara).toBeGreaterThan(1);
    expect(s.paragraphs[moved.startPara]?.slice(moved.startOffset, moved.endOffset)).toBe(exact);
    // And the library's own backup of it restores whole.
    const again = parseBackup(serializeBackup(await exportBackup(db)));
    expect(again.ok && again.skipped).toEqual([]);
  });
});
