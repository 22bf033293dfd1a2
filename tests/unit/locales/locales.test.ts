import { readFileSync } from 'node:fs';
import { parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { i18n } from '#i18n';
import { inEnglish } from '../../support/i18n';

// The UI speaks Chinese first and English second: every message exists in both, with the same blanks.

function messages(file: string): Map<string, string> {
  const parsed = parseMessagesText(readFileSync(file, 'utf8'), 'YAML');
  return new Map(
    parsed.map((m) => [m.key.join('_'), 'message' in m ? m.message : Object.values(m.plurals).join(' ')]),
  );
}

const zh = messages('locales/zh_CN.yml');
const en = messages('locales/en.yml');
const blanks = (text: string) => [...text.matchAll(/\$\d/g)].map((m) => m[0]).sort();

describe('locales', () => {
  it('English has every Chinese message and nothing else', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('no message is empty, and both languages fill the same blanks ($1, $2…)', () => {
    for (const [key, text] of zh) {
      expect(text.trim(), key).not.toBe('');
      expect((en.get(key) ?? '').trim(), key).not.toBe('');
      expect(blanks(en.get(key) ?? ''), key).toEqual(blanks(text));
    }
  });

  it('counts read as English: "1 speech", "3 speeches", never "1 speeches"', () => {
    inEnglish(() => {
      expect(i18n.t('libCount', 1, ['1'])).toBe('1 speech');
      expect(i18n.t('libCount', 3, ['3'])).toBe('3 speeches');
      expect(i18n.t('libSearchCount', 1, ['1'])).toBe('1 speech found');
      expect(i18n.t('expSpeeches', 2, ['2'])).toBe('2 speeches selected');
    });
    expect(i18n.t('libCount', 1, ['1'])).toBe('共 1 篇');
  });
});
