import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe as describeRange } from '@/utils/anchoring/anchor';
import { makeHighlight } from '@/utils/anchoring/placement';
import { type Handlers, listen, type PageSnapshot } from '@/utils/messages';
import { getDb } from '@/utils/store/db';
import { addHighlight } from '@/utils/store/highlights';
import { loadSpeech, loadSpeechVersion, saveOpenedSpeech } from '@/utils/store/speeches';

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

/** `boot`: run reader-boot.js first, as reader.html does (without it main.tsx starts the requests itself). */
async function openReader(query: string, boot = false) {
  happy().setURL(`${READER}?${query}`);
  document.body.innerHTML = '<div id="app"></div>';
  vi.resetModules();
  if (boot) (await import('@/entrypoints/reader-boot')).default.main();
  await import('@/entrypoints/reader/main');
  await vi.waitFor(() => {
    if (!document.documentElement.dataset.yanduReady) throw new Error('reader not ready');
  });
  return document.documentElement.dataset.yanduReady;
}

/** A copy of the speech stored earlier, titled 存档的讲话. */
function storeArchived(paragraphs: string[], contentHash: string) {
  return saveOpenedSpeech(getDb(), {
    url: SPEECH_URL,
    title: '存档的讲话',
    speaker: null,
    occasion: null,
    date: null,
    source: null,
    paragraphs,
    contentHash,
    outline: [],
  });
}

/** Writes to these object stores fail as on a full disk (until vi.restoreAllMocks). */
function diskFullFor(...stores: string[]) {
  for (const method of ['put', 'add'] as const) {
    const original = IDBObjectStore.prototype[method];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (stores.includes(this.name))
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    });
  }
}

/** The reader's alert that its offline copy was not stored. */
function copyBanner(): Promise<Element> {
  return vi.waitFor(() => {
    const found = document.querySelector('.yd-copy-banner[role="alert"]');
    if (!found) throw new Error('no banner yet');
    return found;
  });
}

/** The live portal as the reader's background check sees it (no network in tests): offline unless set. */
let livePage: string | null = null;

beforeEach(() => {
  livePage = null;
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      if (livePage === null) throw new TypeError('Failed to fetch');
      return new Response(livePage, { headers: { 'content-type': 'text/html; charset=utf-8' } });
    }),
  );
  fakeBrowser.reset();
  delete document.documentElement.dataset.yanduReady;
  delete document.documentElement.dataset.yanduSaved;
});

afterEach(async () => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  localStorage.removeItem('yandu:theme');
  window.__yanduReader = undefined;
  render(null, document.getElementById('app') as HTMLElement);
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
    expect((await loadSpeech(getDb(), SPEECH_URL))?.paragraphs).toHaveLength(4);
  });

  it('boot script: paints the page in the cached theme and asks for the snapshot before the reader loads', async () => {
    localStorage.setItem('yandu:theme', 'dark');
    const asked = background({ 'tab-3': { url: SPEECH_URL, html: PAGE_HTML, taken: 3 } });
    happy().setURL(`${READER}?url=${encodeURIComponent(SPEECH_URL)}&snapshot=tab-3`);
    vi.resetModules();
    (await import('@/entrypoints/reader-boot')).default.main();
    expect(document.documentElement.dataset.ydTheme).toBe('dark');
    expect((await window.__yanduReader?.snapshot)?.url).toBe(SPEECH_URL);
    expect(asked).toEqual(['tab-3']);
  });

  it('takes over the requests the boot script started, asking for the snapshot once', async () => {
    localStorage.setItem('yandu:theme', 'dark');
    const asked = background({ 'tab-2': { url: SPEECH_URL, html: PAGE_HTML, taken: 2 } });
    const ready = await openReader(`url=${encodeURIComponent(SPEECH_URL)}&snapshot=tab-2`, true);
    expect(ready).toBe('true');
    expect(asked).toEqual(['tab-2']);
    expect(window.__yanduReader).toBeUndefined();
    expect(document.querySelector('h1')?.textContent).toContain('在全市职工技能提升工作推进会上的讲话');
    // No settings stored: the reader's light default replaces the cached theme once they are read.
    expect(document.documentElement.dataset.ydTheme).toBe('light');
  });

  it('says so when the offline copy cannot be stored (full disk), and keeps showing the text', async () => {
    diskFullFor('speeches');
    background({ 'tab-4': { url: SPEECH_URL, html: PAGE_HTML, taken: 4 } });
    await openReader(`url=${encodeURIComponent(SPEECH_URL)}&snapshot=tab-4`);
    const alert = await copyBanner();
    expect(alert.textContent).toContain('存储空间已满，这篇讲话没能保存到本机');
    expect(document.querySelector('[data-para="2"]')?.textContent).toContain('第一，坚持需求导向');
    expect(document.documentElement.dataset.yanduSaved).toBeUndefined();
    vi.restoreAllMocks();
    expect(await loadSpeech(getDb(), SPEECH_URL)).toBeUndefined();
    (alert.querySelector('button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(document.querySelector('.yd-copy-banner')).toBeNull());
  });

  it('says that the new text was not saved when an earlier copy is stored (offline opens that one)', async () => {
    await storeArchived(['这是以前保存的版本。'], 'old');
    diskFullFor('speeches', 'speechVersions');
    background({ 'tab-5': { url: SPEECH_URL, html: PAGE_HTML, taken: 5 } });
    await openReader(`url=${encodeURIComponent(SPEECH_URL)}&snapshot=tab-5`);
    const alert = await copyBanner();
    expect(alert.textContent).toContain('最新文字没能保存到本机，断网时将打开以前保存的版本');
    vi.restoreAllMocks();
    expect((await loadSpeech(getDb(), SPEECH_URL))?.paragraphs).toEqual(['这是以前保存的版本。']);
  });

  it('shows the stored copy when there is no snapshot (reload, bookmark, offline)', async () => {
    await storeArchived(['同志们：', '这是保存在本机的副本。'], 'x');
    const asked = background({});
    const ready = await openReader(`url=${encodeURIComponent(SPEECH_URL)}`);
    expect(ready).toBe('true');
    expect(asked).toEqual([]);
    expect(document.querySelector('h1')?.textContent).toBe('存档的讲话');
    expect(document.querySelector('nav')).toBeNull();
  });

  it('falls back to the stored copy when the snapshot is gone', async () => {
    await storeArchived(['这是保存在本机的副本。'], 'x');
    background({});
    expect(await openReader(`url=${encodeURIComponent(SPEECH_URL)}&snapshot=gone`)).toBe('true');
    expect(document.querySelector('[data-para="0"]')?.textContent).toBe('这是保存在本机的副本。');
  });

  it('says so, with a link to the original, when the speech is neither sent nor stored', async () => {
    background({});
    expect(await openReader(`url=${encodeURIComponent(SPEECH_URL)}`)).toBe('missing');
    expect(document.querySelector('main')?.textContent).toContain('本机没有保存这篇讲话的副本');
    // Only the stored copy is missing: nothing may claim the original page is unavailable.
    expect(document.querySelector('main')?.textContent).not.toContain('原网页不可用');
    expect(document.querySelector('main a')?.getAttribute('href')).toBe(SPEECH_URL);
  });

  it('keeps the stored copy silently when the live page cannot be reached (offline)', async () => {
    await saveOpenedSpeech(getDb(), { ...STORED, paragraphs: STORED_TEXT });
    background({});
    await openReader(`url=${encodeURIComponent(SPEECH_URL)}`);
    await waitForData('yanduLiveChecked');
    expect(fetch).toHaveBeenCalledWith(SPEECH_URL, expect.anything());
    expect(document.querySelector('.yd-change-banner')).toBeNull();
    expect(document.querySelector('[data-para="1"]')?.textContent).toBe(STORED_TEXT[1]);
  });
});

// A stored copy (composed) and the same speech as the portal now serves it: one sentence reworded.
const STORED_TEXT = [
  '同志们：',
  '第一，坚持需求导向，找准培训工作的着力点。培训内容要贴近岗位实际。',
  '第二，完善激励机制。对取得技师证书的职工给予一次性奖励。',
];
const STORED = {
  url: SPEECH_URL,
  title: '在全市职工技能提升工作推进会上的讲话',
  speaker: null,
  occasion: null,
  date: null,
  source: null,
  paragraphs: STORED_TEXT,
  contentHash: 'stored-hash',
  outline: [],
};

async function waitForData(key: string) {
  await vi.waitFor(() => {
    if (!document.documentElement.dataset[key]) throw new Error(`no data-${key} yet`);
  });
}

describe('when the page changed since it was stored', () => {
  beforeEach(() => {
    delete document.documentElement.dataset.yanduLiveChecked;
    delete document.documentElement.dataset.yanduChanged;
  });

  it('shows the stored copy at once, then the live text with 原文已更新; highlights are re-placed or listed as 未能定位', async () => {
    const speechId = new URL(SPEECH_URL).hostname.replace(/^www\./, '') + new URL(SPEECH_URL).pathname;
    await saveOpenedSpeech(getDb(), { ...STORED }, 1000);
    const kept = makeHighlight(
      speechId,
      describeRange(STORED_TEXT, { para: 1, offset: 22 }, { para: 1, offset: 33 }),
      'task',
      [],
      1000,
      '要落到岗位',
    );
    const lost = makeHighlight(
      speechId,
      describeRange(STORED_TEXT, { para: 2, offset: 7 }, { para: 2, offset: 28 }),
      'data',
      [],
      1000,
      '奖励标准',
    );
    await addHighlight(getDb(), kept);
    await addHighlight(getDb(), lost);
    livePage = PAGE_HTML;
    background({});

    await openReader(`url=${encodeURIComponent(SPEECH_URL)}`);
    // The stored copy came first…
    await waitForData('yanduChanged');
    // …then the live page, whose text differs: it is shown and stored, the old copy archived.
    expect(document.documentElement.dataset.yanduChanged).toBe('stored-hash');
    const banner = document.querySelector('.yd-change-banner');
    expect(banner?.textContent).toContain('原文已更新');
    const oldLink = banner?.querySelector('a')?.getAttribute('href') ?? '';
    expect(new URLSearchParams(oldLink.split('#')[0]?.slice(1)).get('version')).toBe('stored-hash');
    expect(document.querySelector('[data-para="2"]')?.textContent).toBe(
      '第一，坚持需求导向，找准培训工作的着力点。培训内容要贴近岗位实际，不搞形式主义。',
    );
    const record = await loadSpeech(getDb(), SPEECH_URL);
    expect(record?.previousHash).toBe('stored-hash');
    expect(record?.changedAt).toBeGreaterThan(1000);
    expect((await loadSpeechVersion(getDb(), SPEECH_URL, 'stored-hash'))?.paragraphs).toEqual(STORED_TEXT);

    // The kept highlight moved to its new place; the other is kept, unplaced, and listed with its note.
    await vi.waitFor(async () => {
      expect((await getDb().highlights.get(kept.id))?.selector.startPara).toBe(2);
    });
    expect(await getDb().highlights.get(lost.id)).toEqual(lost);
    (document.querySelector('.yd-notes-button') as HTMLButtonElement).click();
    await vi.waitFor(() => {
      expect(document.querySelector('.yd-unplaced .yd-note-quote')?.textContent).toBe(lost.selector.exact);
    });
    expect(document.querySelector('.yd-unplaced .yd-note-text')?.textContent).toBe('奖励标准');
    // The banner says exactly how the highlights fared, never that all were placed again.
    await vi.waitFor(() => {
      expect(document.querySelector('.yd-change-banner')?.textContent).toContain(
        '原有标注 1 处已重新对应，1 处未能定位',
      );
    });
    // 查看更新前的版本 opens at the passage of the highlight that could not be placed.
    expect(document.querySelector('.yd-change-banner a')?.getAttribute('href')).toMatch(
      new RegExp(`#h=${encodeURIComponent(lost.id)}$`),
    );
  });

  it('opens the archived copy at the passage of the highlight its link names (在旧版本中查看)', async () => {
    const speechId = new URL(SPEECH_URL).hostname.replace(/^www\./, '') + new URL(SPEECH_URL).pathname;
    await saveOpenedSpeech(getDb(), { ...STORED }, 1000);
    await saveOpenedSpeech(
      getDb(),
      { ...STORED, paragraphs: ['同志们：', '全部改写了。'], contentHash: 'new-hash' },
      2000,
    );
    const old = makeHighlight(
      speechId,
      describeRange(STORED_TEXT, { para: 2, offset: 7 }, { para: 2, offset: 28 }),
      'data',
      [],
      1000,
    );
    await addHighlight(getDb(), old);
    background({});
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => {});
    await openReader(`url=${encodeURIComponent(SPEECH_URL)}&version=stored-hash#h=${old.id}`);
    await vi.waitFor(() => expect(document.documentElement.dataset.yanduHighlights).toBe('1'));
    await vi.waitFor(() => expect(scroll.mock.contexts).toContain(document.querySelector('[data-para="2"]')));
  });

  it('opens the archived copy read-only with its highlights painted in place', async () => {
    const speechId = new URL(SPEECH_URL).hostname.replace(/^www\./, '') + new URL(SPEECH_URL).pathname;
    await saveOpenedSpeech(getDb(), { ...STORED }, 1000);
    await saveOpenedSpeech(
      getDb(),
      { ...STORED, paragraphs: ['同志们：', '全部改写了。'], contentHash: 'new-hash' },
      2000,
    );
    const old = makeHighlight(
      speechId,
      describeRange(STORED_TEXT, { para: 2, offset: 7 }, { para: 2, offset: 28 }),
      'data',
      [],
      1000,
    );
    await addHighlight(getDb(), old);
    background({});
    await openReader(`url=${encodeURIComponent(SPEECH_URL)}&version=stored-hash`);
    expect(document.querySelector('.yd-version-banner')?.textContent).toContain('旧版本');
    expect(document.querySelector('[data-para="2"]')?.textContent).toBe(STORED_TEXT[2]);
    await vi.waitFor(() => expect(document.documentElement.dataset.yanduHighlights).toBe('1'));
    // Read-only: selecting text offers no toolbar, and the stored selector is not moved.
    const text = document.querySelector('[data-para="1"]')?.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 5);
    document.getSelection()?.addRange(range);
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    expect(document.querySelector('.yd-hl-toolbar')).toBeNull();
    document.getSelection()?.removeAllRanges();
    expect(await getDb().highlights.get(old.id)).toEqual(old);
    expect(fetch).not.toHaveBeenCalled();
  });
});
