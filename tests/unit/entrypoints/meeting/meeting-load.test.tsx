import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeHighlight, makeNote, makeSpeech } from '@/tests/support/records';
import { meetingHref } from '@/utils/routes';
import { getDb } from '@/utils/store/db';
import { DB_NAME } from '@/utils/store/db-name';

// The 学习会 page as the browser opens it: meeting-boot.js (classic, during parsing), then meeting/main.tsx.
const happy = () => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;
const speech = makeSpeech(1, 6, 24);
const dbExists = async () => (await indexedDB.databases()).some((d) => d.name === DB_NAME);

async function openMeeting(id: string): Promise<boolean> {
  happy().setURL(`chrome-extension://yandu-test/${meetingHref(id)}`);
  document.body.innerHTML = '<div id="app"></div>';
  vi.resetModules();
  (await import('@/entrypoints/meeting-boot')).default.main();
  return (await window.__yanduMeeting) ?? false;
}

const app = () => document.getElementById('app') as HTMLElement;

beforeEach(async () => {
  fakeBrowser.reset();
  getDb().close();
  await indexedDB.deleteDatabase(DB_NAME);
  delete document.documentElement.dataset.yanduMeetingReady;
});

afterEach(async () => {
  render(null, app());
  window.__yanduMeeting = undefined;
  getDb().close();
  happy().setURL('about:blank');
});

describe('学习会 page loading', () => {
  it('shows the first slide from the boot script, read without Dexie, with the category names as set', async () => {
    const db = getDb();
    await db.open();
    await db.speeches.put(speech);
    await db.highlights.bulkPut([0, 1, 2, 3].map((j) => makeHighlight(speech, j)));
    await db.notes.put(makeNote(speech));
    await fakeBrowser.storage.local.set({
      highlightCategories: { task: { name: '抓落实', color: '#ff0000' } },
    });
    db.close();
    expect(await openMeeting(speech.id)).toBe(true);
    expect(document.documentElement.dataset.yanduMeetingReady).toBe('true');
    expect(app().querySelector('.yd-meeting-slide h1')?.textContent).toBe('开篇');
    expect(app().querySelector('.yd-meeting-slide')?.textContent).toContain('【抓落实】');
    expect(document.title).toBe('在第1次工作会议上的讲话 · 学习会');
    // The module that follows leaves the page as the boot script showed it.
    const slide = app().querySelector('.yd-meeting-slide');
    await import('@/entrypoints/meeting/main');
    await new Promise((r) => setTimeout(r, 0));
    expect(app().querySelector('.yd-meeting-slide')).toBe(slide);
  });

  it('first run: the boot script creates nothing; the module opens the database with Dexie and says the speech is not there', async () => {
    expect(await openMeeting(speech.id)).toBe(false);
    expect(app().textContent).toBe('');
    expect(await dbExists()).toBe(false);
    await import('@/entrypoints/meeting/main');
    await vi.waitFor(() => expect(app().textContent).toMatch(/没有找到这篇讲话|not found/));
    expect(await dbExists()).toBe(true);
  });
});
