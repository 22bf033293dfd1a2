import { afterEach, describe, expect, it } from 'vitest';
import { buildExport } from '@/utils/export/run';
import {
  exportHref,
  meetingHref,
  parseExportRoute,
  parseMeetingRoute,
  parseReaderRoute,
  readerHref,
} from '@/utils/routes';
import { getDb } from '@/utils/store/db';
import { makeHighlight, makeNote, makeSpeech } from '../../../support/records';

afterEach(async () => {
  await getDb().delete();
  await getDb().open();
});

describe('export page address', () => {
  it('carries any speech ids (commas, # and spaces included) and the options there and back', () => {
    const ids = ['example.gov.cn/a,b.html', 'example.gov.cn/c#d e.html'];
    const href = exportHref({ speechIds: ids, includeTasks: true, format: 'print', template: 'annotated' });
    expect(parseExportRoute(new URL(href, 'chrome-extension://x/').search)).toEqual({
      speechIds: ids,
      includeTasks: true,
      format: 'print',
      template: 'annotated',
    });
    // An address typed by hand cannot smuggle anything but a template-like name.
    expect(parseExportRoute('?speech=a&template=<b>').template).toBeNull();
  });

  it('the 学习会 address names one speech, any characters included', () => {
    const id = 'example.gov.cn/a b#c.html?id=1&x=2';
    expect(parseMeetingRoute(new URL(meetingHref(id), 'moz-extension://x/').search)).toEqual({
      speechId: id,
    });
    expect(parseMeetingRoute('').speechId).toBe('');
  });

  it("reads the reader's form ?speeches=<id>,<id> too", () => {
    expect(parseExportRoute('?speeches=a/1.html,b/2.html&speech=a/1.html').speechIds).toEqual([
      'a/1.html',
      'b/2.html',
    ]);
  });

  it('reader addresses carry the page, snapshot, version and highlight there and back', () => {
    const route = {
      url: 'http://example.gov.cn/a.html?id=1&p=2',
      snapshot: '7-99',
      version: null,
      highlightId: 'h/1 甲',
      passage: null,
    };
    const href = readerHref(route, 'chrome-extension://x/reader.html');
    const back = new URL(href);
    expect(back.pathname).toBe('/reader.html');
    expect(parseReaderRoute(back.search, back.hash)).toEqual(route);
    expect(parseReaderRoute('?url=http%3A%2F%2Fexample.gov.cn%2Fb.html&version=abc')).toEqual({
      url: 'http://example.gov.cn/b.html',
      snapshot: null,
      version: 'abc',
      highlightId: null,
      passage: null,
    });
  });
});

describe('buildExport', () => {
  it('exports the chosen speeches in the order chosen, with their own highlights and notes, and reports progress', async () => {
    const db = getDb();
    const speeches = [1, 2, 3].map((i) => makeSpeech(i, 2, 4));
    await db.speeches.bulkPut(speeches);
    await db.highlights.bulkPut(speeches.flatMap((s) => [0, 1].map((j) => makeHighlight(s, j))));
    await db.notes.bulkPut(speeches.map((s) => makeNote(s)));
    const steps: number[] = [];
    const ids = [speeches[2]?.id, 'unknown/id', speeches[0]?.id] as string[];
    const model = await buildExport(db, {
      speechIds: ids,
      includeTasks: true,
      onProgress: (f) => steps.push(f),
    });
    expect(model.speeches.map((s) => s.id)).toEqual([speeches[2]?.id, speeches[0]?.id]);
    expect(model.speeches.map((s) => s.quoteCount)).toEqual([2, 2]);
    expect(model.speeches[0]?.groups.flatMap((g) => g.quotes).map((q) => q.categoryName)).toContain(
      '重点任务',
    );
    expect(model.tasks).toHaveLength(2);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(steps.at(-1)).toBe(0.5);
  });
});
