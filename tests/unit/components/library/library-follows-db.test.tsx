// Issue #14 item 7, the library's side: a library page left open follows the database while other tabs write
// to it (a reader saving a new speech or putting a deleted one back with 恢复, another library tab deleting
// one), without a reload. The other tab is a second connection to the same database, as another page has.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it, vi } from 'vitest';
import { LibraryApp } from '@/components/library/LibraryApp';
import { YanduDB } from '@/utils/store/db';
import {
  deleteSpeech,
  loadLibraryData,
  readSummaryCache,
  restoreSpeech,
  summarise,
  writeSummaryCache,
} from '@/utils/store/library';
import { freshDbs } from '../../../support/db';
import { makeHighlight, makeSpeech } from '../../../support/records';
import { memoryStorage } from '../../../support/storage';

// Counts the page's whole-library reads.
vi.mock('@/utils/store/library', async (actual) => {
  const library = await actual<typeof import('@/utils/store/library')>();
  return { ...library, loadLibraryData: vi.fn(library.loadLibraryData) };
});

const freshDb = freshDbs('library-follows');
const A = makeSpeech(1);
const B = makeSpeech(2);
const NEW = { ...makeSpeech(3), title: '在全市工会工作会议上的讲话', lastOpened: 1_800_000_000_000 };

let container: HTMLElement | undefined;
const others: YanduDB[] = [];

afterEach(() => {
  if (container) render(null, container);
  container?.remove();
  for (const db of others.splice(0)) db.close();
});

/** The library page open on `db`, its list read; and another tab's connection to the same database. */
async function openLibrary() {
  const db = await freshDb();
  await db.speeches.bulkPut([A, B]);
  await db.highlights.bulkPut([makeHighlight(A, 0), makeHighlight(B, 1)]);
  const other = new YanduDB(db.name);
  others.push(other);
  const page = document.createElement('div');
  container = page;
  document.body.append(page);
  const cache = memoryStorage();
  await act(async () => {
    render(<LibraryApp db={db} cache={cache} initialTab="speeches" />, page);
  });
  await vi.waitFor(() => expect(titles()).toEqual([B.title, A.title]));
  // The whole library has been read (not only the newest page): its summaries are cached.
  await vi.waitFor(() => expect(readSummaryCache(cache)).toHaveLength(2));
  return { db, other };
}

const titles = () =>
  [...(container?.querySelectorAll('.yd-lib-title') ?? [])].map((a) => a.textContent ?? '');

it('lists a speech another tab saves, and one it puts back after a deletion, without a reload', async () => {
  const { other } = await openLibrary();
  const reads = vi.mocked(loadLibraryData);
  reads.mockClear();

  // A highlight written in a reader does not make the page read the library again…
  await other.highlights.put(makeHighlight(A, 5));
  // …a new speech does: it is listed, first as the last opened.
  await other.speeches.put(NEW);
  await vi.waitFor(() => expect(titles()).toEqual([NEW.title, B.title, A.title]));
  expect(reads).toHaveBeenCalledTimes(1);

  // Deleted in another library tab, then put back from the reader (恢复).
  const removed = await deleteSpeech(other, A.id);
  await vi.waitFor(() => expect(titles()).toEqual([NEW.title, B.title]));
  await restoreSpeech(other, removed as NonNullable<typeof removed>);
  await vi.waitFor(() => expect(titles()).toEqual([NEW.title, B.title, A.title]));
  // With both its highlights (重点任务 and 重要论述) counted again.
  const chips = () =>
    [...(container?.querySelectorAll(`[data-speech-id="${A.id}"] .yd-chip`) ?? [])].map(
      (c) => c.getAttribute('data-category') + (c.querySelector('.yd-chip-count')?.textContent ?? ''),
    );
  expect(chips()).toEqual(['task1', 'thesis1']);
});

it('a speech deleted in another tab leaves the list and the search without a reload', async () => {
  const { other } = await openLibrary();
  const reads = vi.mocked(loadLibraryData);
  reads.mockClear();
  await deleteSpeech(other, B.id);
  await vi.waitFor(() => expect(titles()).toEqual([A.title]));
  // Searching a word of B's finds nothing now (it was in the index before).
  const search = container?.querySelector('input[type="search"]') as HTMLInputElement;
  await act(async () => {
    search.value = '第2次工作会议';
    search.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await vi.waitFor(() => expect(titles()).toEqual([]));
  // Dropped from what the page holds, not read again.
  expect(reads).not.toHaveBeenCalled();
});

it('deleted here and put back in a reader: listed again, and the 撤销 offer goes', async () => {
  const { db, other } = await openLibrary();
  const button = (label: string, root: ParentNode | null | undefined) =>
    [...(root?.querySelectorAll('button') ?? [])].find((x) => x.textContent?.trim() === label) as HTMLElement;
  await act(async () => button('删除', container?.querySelector(`[data-speech-id="${A.id}"]`)).click());
  await act(async () => button('删除', document.querySelector('[role="alertdialog"]')).click());
  await vi.waitFor(() => expect(titles()).toEqual([B.title]));
  expect(container?.querySelector('.yd-snackbar')?.textContent).toContain('撤销');
  // The reader that had it open puts back what it last saw (use-deleted-speech.ts).
  expect(await db.speeches.get(A.id)).toBeUndefined();
  await restoreSpeech(other, { speeches: [A], highlights: [], notes: [], speechVersions: [], drafts: [] });
  await vi.waitFor(() => expect(titles()).toEqual([B.title, A.title]));
  expect(container?.querySelector('.yd-snackbar')).toBeNull();
});

it('a 删除 confirmed while the list still comes from the cache (database not open yet) is not lost', async () => {
  const db = await freshDb();
  await db.speeches.bulkPut([A, B]);
  const cache = memoryStorage();
  writeSummaryCache(cache, summarise([A, B], [], []));
  let open: (db: YanduDB) => void = () => {};
  const later = new Promise<YanduDB>((resolve) => {
    open = resolve;
  });
  const page = document.createElement('div');
  container = page;
  document.body.append(page);
  await act(async () => {
    render(<LibraryApp db={later} cache={cache} initialTab="speeches" />, page);
  });
  expect(titles()).toEqual([B.title, A.title]); // from the cache
  const button = (label: string, root: ParentNode | null) =>
    [...(root?.querySelectorAll('button') ?? [])].find((x) => x.textContent?.trim() === label) as HTMLElement;
  await act(async () => button('删除', page.querySelector(`[data-speech-id="${A.id}"]`)).click());
  await act(async () => button('删除', document.querySelector('[role="alertdialog"]')).click());
  open(db);
  await vi.waitFor(async () => expect(await db.speeches.get(A.id)).toBeUndefined());
  await vi.waitFor(() => expect(titles()).toEqual([B.title]));
});
