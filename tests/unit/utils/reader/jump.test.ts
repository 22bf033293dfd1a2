// "Go to it" and resume reading: the reader address of a passage, where a jump
// puts a passage, a search hit's passage, the stored reading positions, and the section current at the end.
import { describe, expect, it } from 'vitest';
import { currentSection } from '@/utils/outline/sections';
import { jumpDelta, jumpLine, keepInView, passageOfMatch } from '@/utils/reader/jump';
import {
  MAX_SPEECHES,
  parsePositions,
  readPosition,
  type StoredPosition,
  savePosition,
  withPosition,
} from '@/utils/reader/positions';
import { parseReaderRoute, passageFromHash, readerHref } from '@/utils/routes';
import { makeSnippet, queryTerms } from '@/utils/search';

describe('reader address of a passage (#p=)', () => {
  it('is built and read back', () => {
    const href = readerHref({
      url: 'https://www.gov.cn/a.html',
      passage: { para: 41, offset: 380, length: 6 },
    });
    expect(href).toMatch(/#p=41:380:6$/);
    const [search, hash] = href.slice('reader.html'.length).split('#') as [string, string];
    const route = parseReaderRoute(search, `#${hash}`);
    expect(route.url).toBe('https://www.gov.cn/a.html');
    expect(route.passage).toEqual({ para: 41, offset: 380, length: 6 });
    expect(route.highlightId).toBeNull();
  });

  it('gives way to a highlight, which names its passage exactly', () => {
    const href = readerHref({ url: 'u', highlightId: 'h1', passage: { para: 1, offset: 2, length: 3 } });
    expect(href).toMatch(/#h=h1$/);
  });

  it('refuses what is not three non-negative integers with a length', () => {
    expect(passageFromHash('#p=3:0:5')).toEqual({ para: 3, offset: 0, length: 5 });
    expect(passageFromHash('p=3:0:5')).toEqual({ para: 3, offset: 0, length: 5 });
    for (const bad of ['', '#p=', '#p=3:0', '#p=3:0:0', '#p=-1:0:5', '#p=a:b:c', '#p=1:2:3:4', '#h=x'])
      expect(passageFromHash(bad)).toBeNull();
  });
});

describe('where a jump puts a passage', () => {
  it('brings the first line to a third of the window, from below the fold or above', () => {
    expect(jumpLine(900)).toBe(300);
    // The highlight's first line at y = 953 in a 900 px window (the case): scrolled up into view.
    expect(jumpDelta(953, 900)).toBe(653);
    expect(953 - jumpDelta(953, 900)).toBe(300);
    expect(jumpDelta(-400, 900)).toBe(-700);
    expect(jumpDelta(300.5, 900)).toBe(0);
  });
});

describe('passage of a search hit in the text', () => {
  const text = ['同志们：', '一、健全帮扶机制', '要摸清底数。年底前完成困难职工档案动态更新。'].join('\n');

  it('names the paragraph and the offset in it', () => {
    const start = text.indexOf('年底前');
    expect(passageOfMatch(text, start, start + 3)).toEqual({ para: 2, offset: 6, length: 3 });
    expect(passageOfMatch(text, 0, 3)).toEqual({ para: 0, offset: 0, length: 3 });
  });

  it('is cut at the paragraph end and refuses empty matches', () => {
    expect(passageOfMatch(text, 5, 30)).toEqual({ para: 1, offset: 0, length: 8 });
    expect(passageOfMatch(text, 4, 4)).toBeNull();
    expect(passageOfMatch(text, 999, 1000)).toBeNull();
  });

  it('is carried by a text snippet, in original characters (punctuation skipped by search counted)', () => {
    const doc = { speechId: 's', kind: 'text' as const, text };
    const snippet = makeSnippet(doc, queryTerms('底数年底前'));
    // 底数。年底前: the 。 is left out of the comparison but counts in the reader's text.
    expect(snippet.passage).toEqual({ para: 2, offset: 3, length: 6 });
    const note = makeSnippet({ speechId: 's', kind: 'note', text }, queryTerms('底数'));
    expect(note.passage).toBeUndefined();
  });
});

function memoryStore(): Pick<Storage, 'getItem' | 'setItem'> {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const at = (para: number, progress: number, time: number): StoredPosition => ({
  para,
  top: -12,
  progress,
  at: time,
});

describe('reading positions', () => {
  it('are kept per speech and read back', () => {
    const store = memoryStore();
    expect(readPosition('a', store)).toBeNull();
    savePosition('a', at(40, 55, 1), store);
    savePosition('b', at(3, 5, 2), store);
    savePosition('a', at(42, 60, 3), store);
    expect(readPosition('a', store)).toEqual(at(42, 60, 3));
    expect(readPosition('b', store)?.progress).toBe(5);
  });

  it('drop the least recently read beyond the cap', () => {
    let positions = {};
    for (let i = 0; i < MAX_SPEECHES + 5; i++) positions = withPosition(positions, `s${i}`, at(i, 1, i));
    expect(Object.keys(positions)).toHaveLength(MAX_SPEECHES);
    expect(positions).not.toHaveProperty('s0');
    expect(positions).toHaveProperty(`s${MAX_SPEECHES + 4}`);
  });

  it('survive a damaged value: bad entries are left out, bad JSON reads as none', () => {
    expect(parsePositions('{')).toEqual({});
    expect(parsePositions('[1]')).toEqual({});
    const parsed = parsePositions(
      JSON.stringify({ ok: at(1, 250, 1), bad: { para: -1, top: 0, progress: 0, at: 0 }, worse: 'x' }),
    );
    expect(Object.keys(parsed)).toEqual(['ok']);
    expect(parsed.ok?.progress).toBe(100);
  });
});

describe('the section current at the end of the text', () => {
  // Tops of four sections in viewport coordinates; the reading line at 160 px in a 900 px window.
  const tops = [-3000, -1200, 120, 700];

  it('is the last one on screen once the page can scroll no further', () => {
    expect(currentSection(tops, 160, false, 900)).toBe(2);
    expect(currentSection(tops, 160, true, 900)).toBe(3);
  });

  it('is never a section still below the window', () => {
    expect(currentSection([-3000, -1200, 120, 950], 160, true, 900)).toBe(2);
  });
});

describe('the DOM range of a passage', () => {
  it('spans text nodes split by emphasis and marks, clamped to the paragraph', async () => {
    const { rangeInParagraph } = await import('@/components/reader/scroll-to-range');
    const p = document.createElement('p');
    p.dataset.para = '2';
    p.innerHTML = '要摸清底数。<strong>年底前</strong>完成<mark>困难职工</mark>档案';
    expect(rangeInParagraph(p, 6, 5)?.toString()).toBe('年底前完成');
    expect(rangeInParagraph(p, 9, 4)?.toString()).toBe('完成困难');
    expect(rangeInParagraph(p, 15, 50)?.toString()).toBe('档案');
    expect(rangeInParagraph(document.createElement('p'), 0, 3)).toBeNull();
  });
});

describe('keeping the current outline entry in view', () => {
  const list = { top: 100, bottom: 700 };

  it('leaves an entry in view where it is', () => {
    expect(keepInView({ top: 120, bottom: 150 }, list)).toBe(0);
  });

  it('brings an entry below or above the list to a third of it', () => {
    expect(keepInView({ top: 900, bottom: 930 }, list)).toBe(600);
    expect(keepInView({ top: -300, bottom: -270 }, list)).toBe(-600);
  });
});
