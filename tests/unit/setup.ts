// Unit-test setup shared by every test file: IndexedDB for Dexie, and browser.i18n answering from our real
// zh_CN messages (the fake browser leaves getMessage unimplemented), so component tests see the UI's text.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const messages = generateChromeMessages(parseMessagesText(readFileSync('locales/zh_CN.yml', 'utf8'), 'YAML'));

function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const subs =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  let text = entry.message;
  for (const [name, placeholder] of Object.entries(entry.placeholders ?? {})) {
    text = text.replaceAll(`$${name}$`, placeholder.content);
  }
  return text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'zh-CN';

// What a page keeps per tab (the task list's filter) must not leak from one test into the next.
afterEach(() => {
  try {
    globalThis.sessionStorage?.clear();
  } catch {
    // no sessionStorage in this environment
  }
});
