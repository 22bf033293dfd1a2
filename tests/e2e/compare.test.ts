// 年度对照 in real browsers: two versions of a work report, composed for the tests
// (tests/fixtures/compare/compose.ts) and served as pages of the portal's 领导讲话 column
// (http://www.ordoszgh.gov.cn/zlzx/ldjh/<yyyymm>/t<date>_<n>.html), are opened in the reader and so saved;
// in the library both are picked and 对照 opens the comparison in a new tab: the added and the dropped
// sentence are shown, the key task of the old report that was dropped is flagged, and the exported .docx
// holds the 原表述 / 新表述 / 变化 table with those rows.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import { comparePageUrl } from '../../utils/compare/rows.ts';
import { NEW, OLD } from '../fixtures/compare/compose.ts';
import {
  type ComposedServer,
  type ComposedSpeech,
  saveThroughReader,
  speechIdOf,
  startComposedServer,
} from './support/composed-portal.ts';
import { BROWSERS, launchBrowser, type YanduBrowser } from './support/harness.ts';
import { captureDownloads, takeDownload } from './support/reader-steps.ts';

const OLD_SPEECH: ComposedSpeech = {
  path: '/zlzx/ldjh/202501/t20250110_9100001.html',
  title: '市政府工作报告（2025年）',
  date: '2025-01-10',
  paragraphs: OLD,
};
const NEW_SPEECH: ComposedSpeech = {
  path: '/zlzx/ldjh/202601/t20260112_9100002.html',
  title: '市政府工作报告（2026年）',
  date: '2026-01-12',
  paragraphs: NEW,
};
const OLD_ID = speechIdOf(OLD_SPEECH.path);
const NEW_ID = speechIdOf(NEW_SPEECH.path);
/** Known differences of the composed pair. */
const ADDED = '大力发展夜间经济，打造三条特色消费街区。';
const DROPPED = '加快建设现代物流园区。';
/** The key task the reader marked on the old report: its sentence is dropped, so it is not carried over. */
const TASK = '加快建设现代物流园区';
const STEP = { timeout: 90_000 };

/** A 重点任务 highlight on `exact` in the stored speech, written with raw IndexedDB from an extension page. */
function putTask(b: YanduBrowser, speechId: string, exact: string): Promise<boolean> {
  return b.evaluate(
    ({ speechId, exact }) =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['speeches', 'highlights'], 'readwrite');
          const read = tx.objectStore('speeches').get(speechId);
          read.onsuccess = () => {
            const paragraphs: string[] = read.result?.paragraphs ?? [];
            const para = paragraphs.findIndex((p) => p.includes(exact));
            if (para < 0) {
              resolve(false);
              return;
            }
            const start = (paragraphs[para] as string).indexOf(exact);
            const now = Date.now();
            tx.objectStore('highlights').put({
              id: 'e2e-compare-task',
              speechId,
              category: 'task',
              note: '',
              selector: {
                startPara: para,
                startOffset: start,
                endPara: para,
                endOffset: start + exact.length,
                exact,
                prefix: '',
                suffix: '',
              },
              section: -1,
              task: { status: 'todo', due: null, progress: '' },
              created: now,
              updated: now,
            });
            tx.oncomplete = () => {
              db.close();
              resolve(true);
            };
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { speechId, exact },
  );
}

/** The rows of every table in a WordprocessingML document, each row as its cells' text. */
function tableRows(xml: string): string[][] {
  const text = (s: string) =>
    [...s.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1] ?? '')
      .join('')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => text(cell[0])),
  );
}

const texts = (b: YanduBrowser, selector: string) =>
  b.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.textContent ?? ''), selector);

for (const name of BROWSERS) {
  describe(`年度对照 [${name}]`, () => {
    let portal: ComposedServer | undefined;
    let session: YanduBrowser | undefined;
    const b = () => {
      if (!session) throw new Error(`${name} is not running`);
      return session;
    };

    before(
      async () => {
        portal = await startComposedServer([OLD_SPEECH, NEW_SPEECH]);
        session = await launchBrowser(name, portal.server);
      },
      { timeout: 90_000 },
    );
    after(async () => {
      await session?.close();
      await portal?.close();
    });

    test(
      'two speeches picked in the library open side by side, what was added and dropped shown',
      STEP,
      async () => {
        await saveThroughReader(b(), OLD_SPEECH);
        await saveThroughReader(b(), NEW_SPEECH);
        assert.equal(await putTask(b(), OLD_ID, TASK), true, 'the old report holds the task sentence');

        await b().extensionPage('/library.html');
        // Picked newest first: the library, not the order of the clicks, decides which one is the old text.
        for (const id of [NEW_ID, OLD_ID]) {
          const selector = `input[data-compare-pick="${id}"]`;
          await b().waitFor(
            (s) => document.querySelector(s) !== null,
            selector,
            `the pick box of ${id}`,
            20_000,
          );
          await b().click(selector);
        }
        await b().click('button[data-action="compare"]');
        await b().adoptTab('/compare.html');
        assert.equal(await b().url(), b().extensionOrigin + comparePageUrl(OLD_ID, NEW_ID));

        await b().waitFor(
          () => document.querySelectorAll('.yd-cmp-row').length > 0,
          undefined,
          'the comparison rows',
          30_000,
        );
        assert.equal(
          (await texts(b(), '.yd-cmp-header h1'))[0],
          `年度对照：${OLD_SPEECH.title}（${OLD_SPEECH.date}） → ${NEW_SPEECH.title}（${NEW_SPEECH.date}）`,
        );
        assert.deepEqual(await texts(b(), '.yd-cmp-added .yd-cmp-new'), [ADDED]);
        assert.deepEqual(await texts(b(), '.yd-cmp-dropped .yd-cmp-old'), [DROPPED]);
        const summary = (await texts(b(), '.yd-cmp-summary'))[0] ?? '';
        assert.match(summary, /^新增 1 句，删去 1 句，修改 3 句，移动 1 句，数字或目标变化 2 处/);
        // The reader's key task on the old side, and flagged as not carried over.
        assert.deepEqual(await texts(b(), '.yd-cmp-old.yd-cmp-hl-task'), [DROPPED]);
        assert.deepEqual(await texts(b(), '.yd-cmp-notcarried li'), [TASK]);
        await b().screenshot('compare');
      },
    );

    test('keys walk the changes and a filter keeps only the dropped sentence', STEP, async () => {
      await b().evaluate(() => {
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
      }, undefined);
      const position = await b().waitFor(
        () =>
          document.querySelector('.yd-cmp-current') &&
          document.querySelector('.yd-cmp-position')?.textContent,
        undefined,
        'the first change to be current',
      );
      assert.equal(position, '第 1 / 6 处');
      await b().click('[data-filter="dropped"]');
      assert.deepEqual(await texts(b(), '.yd-cmp-row .yd-cmp-old'), [DROPPED]);
      await b().click('[data-filter="all"]');
      assert.ok((await texts(b(), '.yd-cmp-row')).length > 10, 'the whole text is shown again');
    });

    test(
      'exports the 对照表 as a .docx whose table holds 原表述 / 新表述 / 变化 and the known rows',
      STEP,
      async () => {
        await captureDownloads(b());
        await b().click('[data-export="docx"]');
        const docx = await takeDownload(b(), 0);
        assert.match(docx.name, /^对照表-.+\.docx$/);
        assert.equal(docx.type, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
        const files = unzipSync(docx.bytes);
        const rows = tableRows(new TextDecoder().decode(files['word/document.xml']));
        assert.deepEqual(rows[0], ['原表述', '新表述', '变化']);
        assert.ok(
          rows.some((r) => r.join('|') === `${DROPPED}|—|删去`),
          `a row for the dropped sentence: ${JSON.stringify(rows)}`,
        );
        assert.ok(
          rows.some((r) => r.join('|') === `—|${ADDED}|新增`),
          `a row for the added sentence: ${JSON.stringify(rows)}`,
        );

        await b().click('[data-export="md"]');
        const md = await takeDownload(b(), 1);
        const markdown = new TextDecoder().decode(md.bytes);
        assert.ok(markdown.includes('| 原表述 | 新表述 | 变化 |'), markdown);
        assert.ok(markdown.includes(`| ${DROPPED} |  | 删去 |`), markdown);
      },
    );
  });
}
