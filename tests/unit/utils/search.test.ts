import { describe, expect, it } from 'vitest';
import {
  makeSnippet,
  normalizeForSearch,
  queryTerms,
  SearchIndex,
  type SpeechHits,
  snippetsOf,
} from '@/utils/search';

const first = (h: SpeechHits | undefined) => (h ? snippetsOf(h) : [])[0] ?? { parts: [] };

const snippetText = (s: { parts: { text: string; mark: boolean }[] }) =>
  s.parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('normalizeForSearch', () => {
  it('folds full-width letters, digits, punctuation and the ideographic space, and lower-cases, in place', () => {
    const input = 'ＡＢＣ１２３，　Hello５Ｇ网络';
    const out = normalizeForSearch(input);
    expect(out).toBe('abc123, hello5g网络');
    expect(out).toHaveLength(input.length);
  });

  it('returns Chinese text without anything to fold as the same string', () => {
    const text = '各级工会组织要主动作为';
    expect(normalizeForSearch(text)).toBe(text);
  });

  it('keeps a character whose lower case is longer, so positions never shift', () => {
    expect(normalizeForSearch('İ中')).toHaveLength(2);
  });
});

describe('queryTerms', () => {
  it('splits at blanks (half- or full-width), normalises and drops duplicates', () => {
    expect(queryTerms('  安全生产　ＧＤＰ 安全生产 ')).toEqual(['安全生产', 'gdp']);
    expect(queryTerms('   ')).toEqual([]);
  });
});

describe('SearchIndex', () => {
  function library() {
    const index = new SearchIndex();
    index.setSpeech('a', [
      { speechId: 'a', kind: 'title', text: '在全市工会工作会议上的讲话 王某' },
      {
        speechId: 'a',
        kind: 'text',
        text: '同志们：\n今年要抓好安全生产，确保全年ＧＤＰ增长６％。\n第二，深化改革。',
      },
      { speechId: 'a', kind: 'note', text: '会后向党组汇报', highlightId: 'h1' },
    ]);
    index.setSpeech('b', [
      { speechId: 'b', kind: 'title', text: '在职工代表大会上的讲话' },
      { speechId: 'b', kind: 'text', text: '要把职工群众满意作为检验工作的标准。' },
      { speechId: 'b', kind: 'highlight', text: '检验工作的标准', highlightId: 'h2' },
    ]);
    return index;
  }

  it('finds Chinese words inside unbroken text (no word spaces needed)', () => {
    const hits = library().search('安全生产');
    expect(hits.map((h) => h.speechId)).toEqual(['a']);
    expect(snippetText(first(hits[0]))).toBe('今年要抓好[安全生产]，确保全年ＧＤＰ增长６％。');
  });

  it('matches across full/half width and case, and marks the original characters (touching matches as one)', () => {
    const [hit] = library().search('gdp 增长6%');
    expect(hit?.speechId).toBe('a');
    expect(snippetText(first(hit))).toBe('今年要抓好安全生产，确保全年[ＧＤＰ增长６％]。');
  });

  it('needs every term somewhere in the speech (space means and)', () => {
    const index = library();
    expect(index.search('安全生产 汇报').map((h) => h.speechId)).toEqual(['a']);
    expect(index.search('安全生产 标准')).toEqual([]);
  });

  it('lists notes before highlights before the text, with the highlight to jump to', () => {
    const [hit] = library().search('标准');
    expect((hit ? snippetsOf(hit) : []).map((s) => [s.kind, s.highlightId])).toEqual([
      ['highlight', 'h2'],
      ['text', undefined],
    ]);
    expect(hit?.more).toBe(false);
    const [noted] = library().search('汇报');
    expect(first(noted)).toMatchObject({ kind: 'note', highlightId: 'h1' });
  });

  it('keeps the first matches of a speech and says when there are more', () => {
    const index = new SearchIndex();
    index.setSpeech('m', [
      { speechId: 'm', kind: 'note', text: '一号重点', highlightId: 'a' },
      { speechId: 'm', kind: 'note', text: '二号重点', highlightId: 'b' },
      { speechId: 'm', kind: 'text', text: '重点在落实' },
    ]);
    expect(index.search('重点', { maxSnippets: 2 })[0]).toMatchObject({ more: true });
    expect(index.search('重点', { maxSnippets: 3 })[0]).toMatchObject({ more: false });
    expect(index.search('重点', { maxSnippets: 3 })[0]?.docs).toHaveLength(3);
  });

  it('searches only the speeches it is asked to (the filters in force) and forgets removed ones', () => {
    const index = library();
    expect(index.search('讲话', { within: new Set(['b']) }).map((h) => h.speechId)).toEqual(['b']);
    index.removeSpeech('b');
    expect(index.search('讲话').map((h) => h.speechId)).toEqual(['a']);
  });
});

describe('the character-pair filter', () => {
  it('never hides a match: every piece of every document is found, and pieces from elsewhere are not', () => {
    const text = '各级工会要把职工群众满意不满意作为检验工作的标准，ＡＢ１２３全面推进。';
    const note = '会后向党组汇报落实情况';
    const index = new SearchIndex();
    index.setSpeech('s', [
      { speechId: 's', kind: 'text', text },
      { speechId: 's', kind: 'note', text: note, highlightId: 'h' },
    ]);
    for (const doc of [text, note]) {
      for (let len = 1; len <= 6; len++) {
        for (let at = 0; at + len <= doc.length; at++) {
          const piece = doc.slice(at, at + len);
          if (/\s/.test(piece)) continue;
          expect(index.search(piece).length, piece).toBe(1);
        }
      }
    }
    // A term made of pairs that each occur, but not together, is still not a match.
    expect(index.search('工会汇报')).toEqual([]);
    expect(index.search('标准会后')).toEqual([]);
  });
});

describe('makeSnippet', () => {
  it('stays inside the paragraph of the match and says where it was cut', () => {
    const text = `第一段没有。\n${'前'.repeat(40)}关键词${'后'.repeat(40)}\n第三段。`;
    const s = makeSnippet({ speechId: 'x', kind: 'text', text }, ['关键词'], 10);
    expect(snippetText(s)).toBe(`${'前'.repeat(10)}[关键词]${'后'.repeat(10)}`);
    expect(s.clippedStart).toBe(true);
    expect(s.clippedEnd).toBe(true);
    const short = makeSnippet({ speechId: 'x', kind: 'note', text: '关键词在开头' }, ['关键词'], 10);
    expect(short.clippedStart).toBe(false);
    expect(short.clippedEnd).toBe(false);
  });

  it('keeps markup-looking text as text', () => {
    const s = makeSnippet({ speechId: 'x', kind: 'note', text: '<img src=x onerror=alert(1)>要点' }, [
      '要点',
    ]);
    expect(s.parts.map((p) => p.text).join('')).toBe('<img src=x onerror=alert(1)>要点');
  });
});
