// The key-task list's 任务分解表 fields (library.html#tasks) in real browsers: the 完成时限 a task's own sentence
// names (年底前) is offered and taken with one click, 牵头单位 and 责任人 are saved as they are typed and are
// there again after a reload, and an overdue task carries ⚠. The speech imitates the portal's 领导讲话 pages
// (http://www.ordoszgh.gov.cn/zlzx/ldjh/…); its text is composed for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compilationHref } from '../../utils/routes.ts';
import { forEachBrowser, type YanduBrowser } from './support/harness.ts';
import { readRecord } from './support/in-page.ts';
import { type SeedSpeech, seedSpeech } from './support/seed.ts';

const STEP = { timeout: 120_000 };
const SPEECH: SeedSpeech = {
  id: 'ordoszgh.gov.cn/zlzx/ldjh/202603/t20260312_tasks.html',
  title: '在全市职工服务工作推进会上的讲话',
  speaker: '王某某',
  occasion: '全市职工服务工作推进会',
  date: '2026-03-12',
  paragraphs: [
    '同志们：',
    '一、健全帮扶机制',
    '要摸清底数。年底前完成困难职工档案动态更新，做到应帮尽帮。',
    '上半年开展一次专项督查。',
  ],
  outline: [{ level: 1, marker: '一、', title: '健全帮扶机制', para: 1, offset: 0 }],
  highlights: [
    {
      id: 'e2e-t-archive',
      para: 2,
      exact: '完成困难职工档案动态更新',
      category: 'task',
      section: 0,
      note: '',
      task: { status: 'todo', due: null, progress: '' },
    },
    {
      id: 'e2e-t-audit',
      para: 3,
      exact: '开展一次专项督查',
      category: 'task',
      section: 0,
      note: '',
      task: { status: 'todo', due: '2020-06-30', progress: '' },
    },
  ],
};

interface StoredTask {
  task?: { due: string | null; lead?: string; owner?: string };
}

/** Load the task tab afresh (the library reads the database once: another page first, so it really loads). */
async function openTasks(b: YanduBrowser): Promise<void> {
  await b.extensionPage(`/${compilationHref()}`);
  await b.extensionPage('/library.html#tasks');
  await b.waitFor(
    (n) => document.querySelectorAll('.yd-task').length === n,
    SPEECH.highlights.length,
    'the two tasks',
    30_000,
  );
}

/** Type into a field the way an input method hands over text: the value, then an input event. */
function typeInto(b: YanduBrowser, selector: string, text: string): Promise<void> {
  return b.evaluate(
    ({ selector, text }) => {
      const el = document.querySelector<HTMLInputElement>(selector);
      if (!el) throw new Error(`no ${selector}`);
      el.focus();
      el.value = text;
      el.dispatchEvent(new InputEvent('input', { bubbles: true }));
    },
    { selector, text },
  );
}

const stored = (b: YanduBrowser, id: string) =>
  readRecord(b, 'highlights', id) as Promise<StoredTask | undefined>;

forEachBrowser('任务分解表 fields', (b) => {
  test(
    'the suggested 完成时限 is taken in one click; units are saved as typed; ⚠ on the overdue task',
    STEP,
    async () => {
      // The 专题汇编 page opens the database first (creating its tables), then the tasks are put in.
      await b.extensionPage(`/${compilationHref()}`);
      await b.waitFor(
        () => document.documentElement.dataset.yanduCompilationReady,
        null,
        'the database to be opened',
        30_000,
      );
      assert.equal(await seedSpeech(b, SPEECH), true);
      await openTasks(b);

      const hint = await b.evaluate(
        () =>
          document.querySelector('[data-highlight-id="e2e-t-archive"] .yd-task-due-hint')?.textContent ?? '',
        null,
      );
      assert.equal(hint, '建议 2026年12月31日（据“年底前”）');
      const badge = await b.evaluate(
        () =>
          document.querySelector('[data-highlight-id="e2e-t-audit"] .yd-badge-overdue')?.textContent ?? '',
        null,
      );
      assert.match(badge, /^⚠ 逾期 \d+ 天$/);

      await b.click('[data-highlight-id="e2e-t-archive"] .yd-task-due-hint');
      await b.waitFor(
        () =>
          document.querySelector<HTMLInputElement>('[data-highlight-id="e2e-t-archive"] input[type="date"]')
            ?.value === '2026-12-31',
        null,
        'the date field to show the suggested date',
      );
      assert.equal((await stored(b, 'e2e-t-archive'))?.task?.due, '2026-12-31');

      // Saved as typed: no blur, no button.
      await typeInto(b, '[data-highlight-id="e2e-t-audit"] input[name="lead"]', '市总工会办公室');
      await typeInto(b, '[data-highlight-id="e2e-t-audit"] input[name="owner"]', '张某');
      await b.waitFor(
        async (id) => {
          const open = indexedDB.open('yandu');
          const db = await new Promise<IDBDatabase>((resolve) => {
            open.onsuccess = () => resolve(open.result);
          });
          const record = await new Promise<StoredTask | undefined>((resolve) => {
            const get = db.transaction('highlights').objectStore('highlights').get(id);
            get.onsuccess = () => resolve(get.result);
          });
          db.close();
          return record?.task?.lead === '市总工会办公室' && record.task.owner === '张某';
        },
        'e2e-t-audit',
        'the 牵头单位 and 责任人 to be stored',
      );
      await b.screenshot('task-fields');

      await openTasks(b);
      const fields = await b.evaluate(
        () =>
          ['lead', 'owner'].map(
            (name) =>
              document.querySelector<HTMLInputElement>(
                `[data-highlight-id="e2e-t-audit"] input[name="${name}"]`,
              )?.value,
          ),
        null,
      );
      assert.deepEqual(fields, ['市总工会办公室', '张某']);
    },
  );
});
