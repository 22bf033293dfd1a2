// Issue #14 item 7, the library's side: a library page left open follows the database while other tabs write
// to it (a reader saving a new speech or putting a deleted one back with 恢复, another library tab deleting
// one), without a reload. The other tab is a second connection to the same database, as another page has.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it, vi } from 'vitest';
import { LibraryApp } from '@/components/library/LibraryApp';
import { YanduDB } from '@/utils/store/db';
import { deleteSpeech, loadLibraryData, restoreSpeech } from '@/utils/store/library';
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
  await act(async () => {
    render(<LibraryApp db={db} cache={memoryStorage()} initialTab="speeches" />, page);
  });
  await vi.waitFor(() => expect(titles()).toEqual([B.title, A.title]));
  // The whole library has been read (not only the newest page).
  await vi.waitFor(() => expect(page.querySelector('.yd-lib-indexing')).toBeNull());
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
