import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '@/utils/db';
import { loadSpeech, saveOpenedSpeech } from '@/utils/library';
import { type Handlers, listen, type PageSnapshot } from '@/utils/messages';

// The reader page's loading flow (entrypoints/reader/main.tsx), run as the browser runs it: the module
// reads its address, asks the background for the snapshot, renders, and stores the speech.

const SPEECH_URL = 'http://www.ordoszgh.gov.cn/zlzx/ldjh/202601/t20260115_3000001.html';
const READER = 'chrome-extension://yandu-test/reader.html';

// A portal-like page composed for this test.
const PAGE_HTML = `<!doctype html><html><head><meta charset="utf-8">
<title>在全市职工技能提升工作推进会上的讲话_领导讲话_鄂尔多斯工会网</title></head><body>
<div class="TRS_Editor">
<p>同志们：</p>
<p>今天召开全市职工技能提升工作推进会，主要任务是总结前一阶段工作，部署下一步重点任务。</p>
<p>第一，坚持需求导向，找准培训工作的着力点。培训内容要贴近岗位实际，不搞形式主义。</p>
<p>第二，完善激励机制，让技能人才得实惠。对取得高级工以上证书的职工，按规定给予补贴。</p>
</div></body></html>`;

const happy = () => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;

function background(snapshots: Record<string, PageSnapshot>) {
  const asked: string[] = [];
  const handlers = {
    'reader:snapshot': ({ key }: { key: string }) => {
      asked.push(key);
      const found = snapshots[key] ?? null;
      delete snapshots[key];
      return found;
    },
  } as unknown as Handlers;
  listen(handlers);
  return asked;
}

async function openReader(query: string) {
  happy().setURL(`${READER}?${query}`);
  document.body.innerHTML = '<div id="app"></div>';
  vi.resetModules();
  await import('@/entrypoints/reader/main');
  await vi.waitFor(() => {
    if (!document.documentElement.dataset.yanduReady) throw new Error('reader not ready');
  });
  return document.documentElement.dataset.yanduReady;
}

beforeEach(() => {
  fakeBrowser.reset();
  delete document.documentElement.dataset.yanduReady;
  delete document.documentElement.dataset.yanduSaved;
});

afterEach(async () => {
  await getDb().delete();
  await getDb().open();
  happy().setURL('about:blank');
});

describe('reader page loading', () => {
  it('reads the snapshot the tab left, drops it from the address, and stores the speech', async () => {
    const asked = background({ 'tab-1': { url: SPEECH_URL, html: PAGE_HTML, taken: 1 } });
    const ready = await openReader(`url=${encodeURIComponent(SPEECH_URL)}&snapshot=tab-1`);
    expect(ready).toBe('true');
    expect(asked).toEqual(['tab-1']);
    expect(document.querySelector('h1')?.textContent).toContain('在全市职工技能提升工作推进会上的讲话');
    expect(document.querySelector('[data-para="2"]')?.textContent).toBe(
      '第一，坚持需求导向，找准培训工作的着力点。培训内容要贴近岗位实际，不搞形式主义。',
    );
    // A reload must not ask for the (already taken) snapshot again: the address keeps only the speech.
    expect(new URL(location.href).searchParams.get('snapshot')).toBeNull();
    expect(new URL(location.href).searchParams.get('url')).toBe(SPEECH_URL);
    expect(document.title).toContain('在全市职工技能提升工作推进会上的讲话');

    await vi.waitFor(() => {
      if (document.documentElement.dataset.yanduSaved !== 'true') throw new Error('not saved yet');
    });
    expect((await loadSpeech(SPEECH_URL))?.paragraphs).toHaveLength(4);
  });

  it('shows the stored copy when there is no snapshot (reload, bookmark, offline)', async () => {
    await saveOpenedSpeech({
      url: SPEECH_URL,
      title: '存档的讲话',
      speaker: null,
      occasion: null,
      date: null,
      source: null,
      paragraphs: ['同志们：', '这是保存在本机的副本。'],
      contentHash: 'x',
      outline: [],
    });
    const asked = background({});
    const ready = await openReader(`url=${encodeURIComponent(SPEECH_URL)}`);
    expect(ready).toBe('true');
    expect(asked).toEqual([]);
    expect(document.querySelector('h1')?.textContent).toBe('存档的讲话');
    expect(document.querySelector('nav')).toBeNull();
  });

  it('falls back to the stored copy when the snapshot is gone', async () => {
    await saveOpenedSpeech({
      url: SPEECH_URL,
      title: '存档的讲话',
      speaker: null,
      occasion: null,
      date: null,
      source: null,
      paragraphs: ['这是保存在本机的副本。'],
      contentHash: 'x',
      outline: [],
    });
    background({});
    expect(await openReader(`url=${encodeURIComponent(SPEECH_URL)}&snapshot=gone`)).toBe('true');
    expect(document.querySelector('[data-para="0"]')?.textContent).toBe('这是保存在本机的副本。');
  });

  it('says so, with a link to the original, when the speech is neither sent nor stored', async () => {
    background({});
    expect(await openReader(`url=${encodeURIComponent(SPEECH_URL)}`)).toBe('missing');
    expect(document.querySelector('main')?.textContent).toContain('找不到这篇讲话');
    expect(document.querySelector('main a')?.getAttribute('href')).toBe(SPEECH_URL);
  });
});
