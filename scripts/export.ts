/**
 * npm run --silent export -- --template notes|outline-talk|reflection|annotated|tasks|compilation
 *   --format docx|xlsx|csv|md --out FILE [options] BACKUP.json
 *
 * Writes a meeting document from a Yandu backup file with the extension's own code: the backup is read through
 * the same validator as 导入备份 (utils/store/backup.ts), the document built by the same templates.
 * Options: --layout gongwen|simple (Word only, default gongwen), --learner NAME, --unit UNIT, --study-time DAY,
 * --date YYYY-MM-DD (the export day; today by default), --speech ID (repeatable: only these speeches);
 * for compilation: --topic, --category task|thesis|data|question (repeatable), --keyword, --speaker, --from, --to.
 * Exit code 0 on success; 1 with the reason on stderr when the file is refused or an option is wrong.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { DocxLayout } from '../utils/export/gongwen';
import type { TemplateFormat, TemplateName } from '../utils/export/templates';
import { HIGHLIGHT_CATEGORIES, type HighlightCategory } from '../utils/types';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE =
  'usage: npm run --silent export -- --template notes|outline-talk|reflection|annotated|tasks|compilation ' +
  '--format docx|xlsx|csv|md --out FILE [--layout gongwen|simple] [--learner NAME] [--unit UNIT] ' +
  '[--study-time DAY] [--date YYYY-MM-DD] [--speech ID]... [--topic T] [--category C]... [--keyword K] ' +
  '[--speaker S] [--from DAY] [--to DAY] BACKUP.json';

/**
 * The backup validator words its refusals through the extension's i18n (browser.i18n.getMessage). Under Node
 * there is no browser: give it the zh_CN messages from locales/, the language the documents are written in.
 */
async function installMessages(): Promise<void> {
  const g = globalThis as { chrome?: unknown; browser?: unknown };
  if (g.chrome || g.browser) return;
  const { generateChromeMessages, parseMessagesText } = await import('@wxt-dev/i18n/build');
  const yml = readFileSync(join(ROOT, 'locales/zh_CN.yml'), 'utf8');
  const messages = generateChromeMessages(parseMessagesText(yml, 'YAML'));
  g.chrome = {
    i18n: {
      getMessage(key: string, subs?: string[]): string {
        const entry = messages[key];
        if (!entry) return key;
        let text = entry.message;
        for (const [name, p] of Object.entries(entry.placeholders ?? {}))
          text = text.replaceAll(`$${name}$`, p.content);
        return text.replace(/\$(\d)/g, (_, n: string) => subs?.[Number(n) - 1] ?? '');
      },
    },
  };
}

function fail(message: string): never {
  console.error(`export: ${message}`);
  process.exit(1);
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T {
  if (value && (allowed as readonly string[]).includes(value)) return value as T;
  return fail(`--${name} must be one of ${allowed.join(', ')}${value ? ` (got "${value}")` : ''}\n${USAGE}`);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      template: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      layout: { type: 'string', default: 'gongwen' },
      learner: { type: 'string' },
      unit: { type: 'string' },
      'study-time': { type: 'string' },
      date: { type: 'string' },
      speech: { type: 'string', multiple: true, default: [] },
      topic: { type: 'string' },
      category: { type: 'string', multiple: true, default: [] },
      keyword: { type: 'string' },
      speaker: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  await installMessages();
  const { TEMPLATE_NAMES, templateFormats, renderTemplate } = await import('../utils/export/templates');
  const template = oneOf<TemplateName>(values.template, TEMPLATE_NAMES, 'template');
  const format = oneOf<TemplateFormat>(values.format, templateFormats(template), 'format');
  const layout = oneOf<DocxLayout>(values.layout, ['gongwen', 'simple'], 'layout');
  const categories = values.category.map((c) =>
    oneOf<HighlightCategory>(c, HIGHLIGHT_CATEGORIES, 'category'),
  );
  if (!values.out) fail(`--out is required\n${USAGE}`);
  if (positionals.length !== 1) fail(`give exactly one backup file\n${USAGE}`);
  if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) fail('--date must be YYYY-MM-DD');

  let text: string;
  try {
    text = readFileSync(positionals[0] as string, 'utf8');
  } catch (e) {
    return fail(`cannot read ${positionals[0]}: ${(e as Error).message}`);
  }
  const { parseBackup } = await import('../utils/store/backup');
  const parsed = parseBackup(text);
  if (!parsed.ok) fail(`${positionals[0]}: ${parsed.reason} (${parsed.code})`);
  const { backup } = parsed;
  const { EXPORT_CATEGORY_NAMES } = await import('../utils/export/run');

  const wanted = new Set(values.speech);
  const speeches = backup.speeches
    .filter((s) => wanted.size === 0 || wanted.has(s.id))
    .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id));
  if (wanted.size > 0 && speeches.length < wanted.size) fail('some --speech ids are not in the backup');
  const ids = new Set(speeches.map((s) => s.id));
  const file = await renderTemplate(
    template,
    format,
    {
      speeches,
      highlights: backup.highlights.filter((h) => ids.has(h.speechId)),
      notes: backup.notes.filter((n) => ids.has(n.speechId)),
      categoryNames: EXPORT_CATEGORY_NAMES,
      settings: { learner: values.learner, unit: values.unit, studyTime: values['study-time'] },
      // Noon local time: the export day is the given day in every time zone.
      exportedAt: values.date ? new Date(`${values.date}T12:00:00`) : new Date(),
    },
    {
      layout,
      compilation: {
        topic: values.topic,
        categories,
        keyword: values.keyword,
        speaker: values.speaker,
        from: values.from,
        to: values.to,
        // The excerpts in the order the user dragged them on the 专题汇编 page (in backups since version 4).
        order: backup.compilation?.order,
      },
    },
  );
  writeFileSync(values.out as string, file.bytes);
  console.error(`export: wrote ${values.out} (${file.title}, ${file.bytes.length} bytes)`);
}

await main();
