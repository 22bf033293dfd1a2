import { readFileSync } from 'node:fs';
import { parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';

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
});
