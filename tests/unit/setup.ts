// Unit-test setup shared by every test file: IndexedDB for Dexie, and browser.i18n answering from our real
// zh_CN messages (the fake browser leaves getMessage unimplemented), so component tests see the UI's text.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessageFrom } from '../support/i18n';

fakeBrowser.i18n.getMessage = getMessageFrom('locales/zh_CN.yml');
fakeBrowser.i18n.getUILanguage = () => 'zh-CN';

// What a page keeps per tab (the task list's filter) must not leak from one test into the next.
afterEach(() => {
  try {
    globalThis.sessionStorage?.clear();
  } catch {
    // no sessionStorage in this environment
  }
});
