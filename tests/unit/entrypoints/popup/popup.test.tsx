import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/entrypoints/popup/Popup';
import { type Handlers, listen, type TabStatus } from '@/utils/messages';
import { getDb } from '@/utils/store/db';
import { makeHighlight, makeSpeech } from '../../../support/records';

const PORTAL_SPEECH = 'http://www.ordoszgh.gov.cn/zlzx/ldjh/201803/t20180319_2098918.html';

function background(status: Partial<TabStatus>, openReader = vi.fn(() => ({ ok: true }))) {
  const handlers: Handlers = {
    'page:detected': () => undefined,
    'reader:open': () => ({ ok: true }),
    'reader:snapshot': () => null,
    'tab:status': () => ({
      url: PORTAL_SPEECH,
      onPortal: true,
      siteEnabled: false,
      canOpen: true,
      detection: null,
      ...status,
    }),
    'tab:openReader': openReader,
    'sites:changed': () => undefined,
    'backup:check': () => ({ written: null, why: 'off' }),
  };
  listen(handlers);
  return openReader;
}

async function mountPopup(onDone = vi.fn()) {
  const container = document.createElement('div');
  document.body.append(container);
  await act(async () => {
    render(<Popup onDone={onDone} />, container);
  });
  // wait for the status request to resolve and the popup to re-render
  await vi.waitFor(() => {
    if (container.querySelector('[aria-busy]')) throw new Error('popup still loading');
  });
  return container;
}

function button(container: HTMLElement, label: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) => b.textContent === label);
  if (!found) throw new Error(`no button "${label}" in: ${container.textContent}`);
  return found;
}

describe('toolbar popup', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    const tab = await fakeBrowser.tabs.create({ url: PORTAL_SPEECH, active: true });
    // The fake cannot answer `currentWindow` queries without a focused window; the popup only needs its tab.
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => [tab]);
  });

  it('on a detected speech offers 阅读模式 and opens the reader for this tab', async () => {
    const openReader = background({ detection: { isSpeech: true, confidence: 0.9, reasons: [] } });
    const onDone = vi.fn();
    const container = await mountPopup(onDone);
    expect(container.textContent).toContain('本页是一篇讲话');
    await act(async () => {
      button(container, '阅读模式').click();
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(openReader).toHaveBeenCalledTimes(1);
    expect(onDone).toHaveBeenCalled();
  });

  it('on another portal page offers 在阅读模式中打开', async () => {
    background({ detection: { isSpeech: false, confidence: 0.1, reasons: [] } });
    const container = await mountPopup();
    expect(container.textContent).toContain('本页不是讲话页面');
    expect(button(container, '在阅读模式中打开')).toBeTruthy();
  });

  it('on a site not yet enabled offers to enable it instead of opening', async () => {
    background({ url: 'https://www.example.gov.cn/a.html', onPortal: false, canOpen: false });
    const container = await mountPopup();
    expect(button(container, '允许研读在此网站上工作')).toBeTruthy();
    expect(container.textContent).not.toContain('在阅读模式中打开');
  });

  it('shows the reason when the reader cannot be opened', async () => {
    background(
      {},
      vi.fn(() => ({ ok: false, error: '无法打开阅读模式：页面已关闭' })),
    );
    const container = await mountPopup();
    await act(async () => {
      button(container, '在阅读模式中打开').click();
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(container.querySelector('[role=alert]')?.textContent).toBe('无法打开阅读模式：页面已关闭');
  });

  it('opens the library in a new tab', async () => {
    background({});
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const container = await mountPopup();
    await act(async () => {
      button(container, '我的资料库').click();
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/library\.html$/) });
  });

  it('reminds of a backup when work has been in none for a week', async () => {
    background({});
    const when = Date.now() - 8 * 86_400_000;
    const speech = { ...makeSpeech(1, 2, 4), firstOpened: when, lastOpened: when };
    await getDb().speeches.put(speech);
    await getDb().highlights.put({ ...makeHighlight(speech, 0), updated: when });
    try {
      const container = await mountPopup();
      await vi.waitFor(() =>
        expect(container.querySelector('.popup-backup')?.textContent).toContain('还没有备份过'),
      );
    } finally {
      await getDb().delete();
      await getDb().open();
    }
  });
});
