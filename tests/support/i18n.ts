/**
 * browser.i18n for tests, answering from our real locale files (the fake browser leaves getMessage
 * unimplemented): tests/unit/setup.ts installs the Chinese one for every test; `inEnglish` runs a check as an
 * English browser would show it, then puts the Chinese back.
 */
import { readFileSync } from 'node:fs';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type GetMessage = typeof fakeBrowser.i18n.getMessage;

/** A getMessage that reads `file` (a locales/*.yml) as the browser reads the built messages.json. */
export function getMessageFrom(file: string): GetMessage {
  const messages = generateChromeMessages(parseMessagesText(readFileSync(file, 'utf8'), 'YAML'));
  return ((key: string, substitutions?: string | string[]) => {
    const entry = messages[key];
    if (!entry) return '';
    const subs =
      substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    let text = entry.message;
    for (const [name, placeholder] of Object.entries(entry.placeholders ?? {})) {
      text = text.replaceAll(`$${name}$`, placeholder.content);
    }
    return text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  }) as GetMessage;
}

/** Runs `check` with the English messages, then restores the ones installed before. */
export function inEnglish<T>(check: () => T): T {
  const before = fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getMessage = getMessageFrom('locales/en.yml');
  try {
    return check();
  } finally {
    fakeBrowser.i18n.getMessage = before;
  }
}
