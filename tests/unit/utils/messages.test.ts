import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Handlers, isEnvelope, listen, send } from '@/utils/messages';

const detection = { isSpeech: true, confidence: 0.9, reasons: ['breadcrumb:领导讲话'] };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'page:detected': () => undefined,
    'reader:open': () => ({ ok: true }),
    'reader:snapshot': () => null,
    'tab:status': () => ({ url: '', onPortal: false, siteEnabled: false, canOpen: false, detection: null }),
    'tab:openReader': () => ({ ok: false }),
    'sites:changed': () => undefined,
    'backup:check': () => ({ written: null, why: 'off' }),
    ...overrides,
  };
}

describe('typed message layer', () => {
  beforeEach(() => fakeBrowser.reset());

  it('routes a request to its handler and returns the handler reply', async () => {
    const snapshot = vi.fn(() => ({
      url: 'http://www.ordoszgh.gov.cn/a.html',
      html: '<p>讲话</p>',
      taken: 1,
    }));
    listen(handlers({ 'reader:snapshot': snapshot }));
    const reply = await send('reader:snapshot', { key: 'k1' });
    expect(snapshot).toHaveBeenCalledWith({ key: 'k1' }, expect.anything());
    expect(reply?.html).toBe('<p>讲话</p>');
  });

  it('passes the payload through unchanged', async () => {
    const detected = vi.fn((_data: unknown) => undefined);
    listen(handlers({ 'page:detected': detected }));
    await send('page:detected', { detection });
    expect(detected.mock.calls[0]?.[0]).toEqual({ detection });
  });

  it('recognises only Yandu envelopes', () => {
    expect(isEnvelope({ yandu: 'page:detected', data: {} })).toBe(true);
    expect(isEnvelope({ type: 'page:detected' })).toBe(false);
    expect(isEnvelope('page:detected')).toBe(false);
    expect(isEnvelope(null)).toBe(false);
  });
});
