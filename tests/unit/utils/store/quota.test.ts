import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describe as describeRange } from '@/utils/anchoring/anchor';
import { makeHighlight } from '@/utils/anchoring/placement';
import { getDb } from '@/utils/store/db';
import { isQuotaError, storageErrorMessage } from '@/utils/store/errors';
import { addHighlight, deleteHighlight, moveHighlights, setNote } from '@/utils/store/highlights';
import { speechIdFromUrl } from '@/utils/store/ids';
import { saveStudyNote } from '@/utils/store/notes';
import { saveOpenedSpeech } from '@/utils/store/speeches';

const FULL = '存储空间已满，本次修改没有保存。请在资料库中删除不需要的讲话或导出备份后再试。';

import type { SpeechWithOutline } from '@/utils/types';
import { composedSpeech } from '../../../support/speech';

// Composed for these tests.
const V1 = ['同志们：', '第一，抓好困难职工帮扶。建立帮扶档案，做到一户一策。', '第二，抓好技能培训。'];
const V2 = ['同志们：', '今年任务很重。', '第一，抓好困难职工帮扶。', '第二，抓好技能培训。'];
const URL_1 = 'http://www.ordoszgh.gov.cn/zlzx/ldjh/202603/t20260301_1.html';
const ID = speechIdFromUrl(URL_1);

const speech = (paragraphs: string[], hash: string): SpeechWithOutline =>
  composedSpeech({ url: URL_1, paragraphs, contentHash: hash });

const highlight = (para: number, from: number, to: number) =>
  makeHighlight(ID, describeRange(V1, { para, offset: from }, { para, offset: to }), 'task', [], 1000);

/** Every record of every table: what the user would find in the database. */
async function dump(): Promise<Record<string, unknown[]>> {
  const db = getDb();
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

/**
 * The disk fills up on the `nth` write (add/put) to `store` from now on: IndexedDB itself throws the
 * DOMException a real browser gives, so Dexie's own error handling is what is tested.
 */
function quotaFullOn(store: string, nth = 1): void {
  let writes = 0;
  for (const method of ['add', 'put'] as const) {
    const original = IDBObjectStore.prototype[method];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === store && ++writes >= nth) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return original.apply(this, args);
    });
  }
}

beforeEach(async () => {
  await saveOpenedSpeech(getDb(), speech(V1, 'hash-1'), 1000);
  await addHighlight(getDb(), highlight(1, 0, 3));
  await addHighlight(getDb(), highlight(2, 0, 3));
  await saveStudyNote(getDb(), ID, '先写下的心得', 1000);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await getDb().delete();
  await getDb().open();
});

describe('a save that hits the storage quota', () => {
  it('creating a 重点任务 highlight (with its follow-up) rejects recognisably and stores nothing', async () => {
    const before = await dump();
    quotaFullOn('highlights');
    const error = await addHighlight(getDb(), highlight(1, 4, 8)).then(
      () => null,
      (e: unknown) => e,
    );
    vi.restoreAllMocks();
    expect(error).not.toBeNull();
    expect(isQuotaError(error)).toBe(true);
    expect(storageErrorMessage(error)).toBe(FULL);
    expect(storageErrorMessage(error)).toContain('存储空间已满');
    expect(await dump()).toEqual(before);
  });

  it('a changed speech: the archived old copy is rolled back when the new copy cannot be written', async () => {
    const before = await dump();
    // The old copy goes into speechVersions first; the disk fills up on the speeches write after it.
    quotaFullOn('speeches');
    const error = await saveOpenedSpeech(getDb(), speech(V2, 'hash-2'), 5000).then(
      () => null,
      (e: unknown) => e,
    );
    vi.restoreAllMocks();
    expect(isQuotaError(error)).toBe(true);
    expect(storageErrorMessage(error)).toBe(FULL);
    const after = await dump();
    expect(after.speechVersions).toEqual([]);
    expect(after).toEqual(before);
  });

  it('the archive write itself failing leaves the stored copy as it was', async () => {
    const before = await dump();
    quotaFullOn('speechVersions');
    await expect(saveOpenedSpeech(getDb(), speech(V2, 'hash-2'), 5000)).rejects.toSatisfy(isQuotaError);
    vi.restoreAllMocks();
    expect(await dump()).toEqual(before);
  });

  it('moving several highlights: a failure on the second leaves the first unmoved too', async () => {
    const before = await dump();
    const ids = (before.highlights as { id: string }[]).map((h) => h.id);
    const to = describeRange(V2, { para: 2, offset: 0 }, { para: 2, offset: 3 });
    quotaFullOn('highlights', 2);
    await expect(
      moveHighlights(
        getDb(),
        ids.map((id) => ({ id, selector: to, section: 0 })),
      ),
    ).rejects.toSatisfy(isQuotaError);
    vi.restoreAllMocks();
    expect(await dump()).toEqual(before);
  });

  it('a note or 学习心得 that cannot be saved keeps the stored text', async () => {
    const before = await dump();
    const [first] = before.highlights as { id: string }[];
    quotaFullOn('highlights');
    await expect(setNote(getDb(), first?.id ?? '', '新的批注', 6000)).rejects.toSatisfy(isQuotaError);
    vi.restoreAllMocks();
    quotaFullOn('notes');
    await expect(saveStudyNote(getDb(), ID, '新的心得', 6000)).rejects.toSatisfy(isQuotaError);
    vi.restoreAllMocks();
    expect(await dump()).toEqual(before);
  });

  it('deleting still works on a full disk (a delete frees space)', async () => {
    const before = await dump();
    const [first] = before.highlights as { id: string }[];
    quotaFullOn('highlights');
    expect((await deleteHighlight(getDb(), first?.id ?? ''))?.id).toBe(first?.id);
    vi.restoreAllMocks();
    expect((await dump()).highlights).toHaveLength(1);
  });
});

describe('isQuotaError / storageErrorMessage', () => {
  it('recognises the forms a quota failure comes in, and nothing else', () => {
    const dom = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(dom)).toBe(true);
    // Dexie's error class and an aborted transaction carrying the reason inside.
    expect(isQuotaError(Object.assign(new Error('x'), { name: 'QuotaExceededError' }))).toBe(true);
    expect(isQuotaError(Object.assign(new Error('aborted'), { name: 'AbortError', inner: dom }))).toBe(true);
    expect(isQuotaError(new Error('wrapped', { cause: dom }))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);

    expect(isQuotaError(new DOMException('gone', 'AbortError'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
    const loop: { name: string; inner?: unknown } = { name: 'AbortError' };
    loop.inner = loop;
    expect(isQuotaError(loop)).toBe(false);
  });

  it('says what happened in the UI language (Chinese here), with what to do about a full disk', () => {
    expect(storageErrorMessage(new DOMException('full', 'QuotaExceededError'))).toBe(FULL);
    const other = storageErrorMessage(new Error('boom'));
    expect(other).toContain('没有保存');
    expect(other).not.toContain('存储空间已满');
  });
});
