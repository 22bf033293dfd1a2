import { describe, expect, it } from 'vitest';
import { enabledSitePatterns, isPortalUrl, originPatterns, PORTAL_MATCHES } from '@/utils/sites';

describe('which pages Yandu works on', () => {
  it('knows the portal with and without www, over both schemes', () => {
    expect(isPortalUrl('http://www.ordoszgh.gov.cn/zlzx/ldjh/index.html')).toBe(true);
    expect(isPortalUrl('https://ordoszgh.gov.cn/')).toBe(true);
    expect(isPortalUrl('https://www.ordoszgh.gov.cn.evil.example/')).toBe(false);
    expect(isPortalUrl('chrome-extension://abc/reader.html')).toBe(false);
    expect(isPortalUrl('not a url')).toBe(false);
  });

  it('asks for one site at a time, both schemes, never for file or extension pages', () => {
    expect(originPatterns('https://www.gov.cn/xinwen/2024/a.htm')).toEqual([
      'http://www.gov.cn/*',
      'https://www.gov.cn/*',
    ]);
    expect(originPatterns('file:///tmp/a.html')).toBeNull();
    expect(originPatterns('about:blank')).toBeNull();
  });

  it('registers the content script only for granted sites other than the portal', () => {
    const granted = [...PORTAL_MATCHES, 'https://www.gov.cn/*', 'http://*/*', '<all_urls>'];
    expect(enabledSitePatterns(granted)).toEqual(['https://www.gov.cn/*']);
  });
});
