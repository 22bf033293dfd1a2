// Unit-test setup shared by every test file: IndexedDB for Dexie, and browser.i18n answering from our real
// zh_CN messages (the fake browser leaves getMessage unimplemented), so component tests see the UI's text.
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessageFrom } from '../support/i18n';

fakeBrowser.i18n.getMessage = getMessageFrom('locales/zh_CN.yml');
fakeBrowser.i18n.getUILanguage = () => 'zh-CN';
