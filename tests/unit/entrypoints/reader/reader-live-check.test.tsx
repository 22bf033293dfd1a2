import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Handlers, listen, type PageSnapshot } from '@/utils/messages';
import { getDb } from '@/utils/store/db';
import { loadSpeech, saveOpenedSpeech } from '@/utils/store/speeches';

// The reader's look at the live page of a stored speech (entrypoints/reader/app.tsx) when the address no
// longer serves that speech: the stored copy stays, on screen and in the database, and the reader says why.

const SPEECH_URL = 'http://www.ordoszgh.gov.cn/zlzx/ldjh/202605/t20260501_9100001.html';
const HOME_URL = 'http://www.ordoszgh.gov.cn/index.html';
const READER = 'chrome-extension://yandu-test/reader.html';
const STORED_TEXT = [
  '同志们：',
  '今天我们召开全市职工书屋建设推进会，主要是总结近两年书屋建设的做法，安排好今后一个时期的重点工作。',
  '第一，把书屋建在职工身边。新建书屋要优先安排在一线班组、矿区宿舍和园区食堂附近，让职工下了班走几步就能借到书。',
  '第二，把好书送到职工手里。各基层工会每季度至少更新一次书目，技术类图书不少于三成，借阅登记一律改为扫码办理。',
];
const HOME_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>鄂尔多斯工会网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zlzx/ldjh/">领导讲话</a></div>
<ul><li>市总工会召开党组会议，传达学习全会精神，研究部署下一阶段重点工作任务</li>
<li>关于开展二〇二六年度职工书屋评选工作的通知，请各基层工会按要求认真组织申报</li>
<li>全市职工技能大赛圆满落幕，二百余名选手在十二个工种中同台竞技展示风采</li></ul></body></html>`;
const NOT_FOUND_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>鄂尔多斯工会网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zlzx/ldjh/">领导讲话</a></div>
<div class="error"><p>对不起，您访问的页面不存在或已被删除！</p><p><a href="/">返回首页</a></p></div></body></html>`;

const happy = () => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;

/** What the portal answers now: a body, and where it came from after redirects. */
let answer: { html: string; url?: string; status?: number } | null = null;

beforeEach(async () => {
  answer = null;
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      if (!answer) throw new TypeError('Failed to fetch');
      const response = new Response(answer.html, {
        status: answer.status ?? 200,
        headers: { 'content-type': 'text/html; charset=utf-8' },
      });
      Object.defineProperty(response, 'url', { value: answer.url ?? SPEECH_URL });
      return response;
    }),
  );
  fakeBrowser.reset();
  for (const key of ['yanduReady', 'yanduSaved', 'yanduLiveChecked', 'yanduLiveKept', 'yanduChanged']) {
    delete document.documentElement.dataset[key];
  }
  await saveOpenedSpeech(
    getDb(),
    {
      url: SPEECH_URL,
      title: '在全市职工书屋建设推进会上的讲话',
      speaker: null,
      occasion: null,
      date: null,
      source: null,
      paragraphs: STORED_TEXT,
      contentHash: 'stored-hash',
      outline: [],
    },
    1000,
  );
});

afterEach(async () => {
  vi.unstubAllGlobals();
  render(null, document.getElementById('app') as HTMLElement);
  window.__yanduReader = undefined;
  await getDb().delete();
  await getDb().open();
  happy().setURL('about:blank');
});

async function openReader(query: string, snapshots: Record<string, PageSnapshot> = {}) {
  listen({
    'reader:snapshot': ({ key }: { key: string }) => snapshots[key] ?? null,
  } as unknown as Handlers);
  happy().setURL(`${READER}?${query}`);
  document.body.innerHTML = '<div id="app"></div>';
  vi.resetModules();
  await import('@/entrypoints/reader/main');
}

async function liveChecked(): Promise<void> {
  await vi.waitFor(() => {
    if (document.documentElement.dataset.yanduLiveChecked !== 'true') throw new Error('not checked yet');
  });
}

describe('the live page of a stored speech is not that speech any more', () => {
  it('redirected to the home page: the stored text stays and the reader says the page moved', async () => {
    answer = { html: HOME_HTML, url: HOME_URL };
    await openReader(`url=${encodeURIComponent(SPEECH_URL)}`);
    await liveChecked();
    await vi.waitFor(() => expect(document.documentElement.dataset.yanduLiveKept).toBe('moved'));
    expect(document.querySelector('.yd-live-banner')?.textContent).toContain('跳转到了别的页面');
    expect(document.querySelector('h1')?.textContent).toContain('在全市职工书屋建设推进会上的讲话');
    expect(document.querySelector('.yd-change-banner')).toBeNull();
    const record = await loadSpeech(getDb(), SPEECH_URL);
    expect(record?.paragraphs).toEqual(STORED_TEXT);
    expect(record?.changedAt).toBeUndefined();
  });

  it('a 200 page saying 页面不存在: the stored text stays and the reader says the page is gone', async () => {
    answer = { html: NOT_FOUND_HTML };
    await openReader(`url=${encodeURIComponent(SPEECH_URL)}`);
    await liveChecked();
    await vi.waitFor(() => expect(document.documentElement.dataset.yanduLiveKept).toBe('gone'));
    expect(document.querySelector('.yd-live-banner')?.textContent).toContain('原网页已不存在');
    expect((await loadSpeech(getDb(), SPEECH_URL))?.paragraphs).toEqual(STORED_TEXT);
    expect(await getDb().speechVersions.count()).toBe(0);
  });

  it('a 404: the same', async () => {
    answer = { html: '<!doctype html><title>404</title><p>Not found</p>', status: 404 };
    await openReader(`url=${encodeURIComponent(SPEECH_URL)}`);
    await liveChecked();
    await vi.waitFor(() => expect(document.documentElement.dataset.yanduLiveKept).toBe('gone'));
    expect((await loadSpeech(getDb(), SPEECH_URL))?.paragraphs).toEqual(STORED_TEXT);
  });

  it('a snapshot of a 页面不存在 page opened from the tab shows and keeps the stored copy', async () => {
    await openReader(`url=${encodeURIComponent(SPEECH_URL)}&snapshot=tab-1`, {
      'tab-1': { url: SPEECH_URL, html: NOT_FOUND_HTML, taken: 1 },
    });
    await vi.waitFor(() => expect(document.documentElement.dataset.yanduLiveKept).toBe('gone'));
    expect(document.querySelector('h1')?.textContent).toContain('在全市职工书屋建设推进会上的讲话');
    expect((await loadSpeech(getDb(), SPEECH_URL))?.paragraphs).toEqual(STORED_TEXT);
  });
});
