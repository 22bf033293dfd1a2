import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  makeSnippet,
  normalizeForSearch,
  originalRanges,
  queryTerms,
  SearchIndex,
  type SpeechHits,
  snippetsOf,
} from '@/utils/search';

const first = (h: SpeechHits | undefined) => (h ? snippetsOf(h) : [])[0] ?? { parts: [] };

const snippetText = (s: { parts: { text: string; mark: boolean }[] }) =>
  s.parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('normalizeForSearch', () => {
  it('folds full-width letters and digits, lower-cases, and leaves out punctuation and blanks', () => {
    expect(normalizeForSearch('ＡＢＣ１２３，　Hello５Ｇ网络')).toBe('abc123hello5g网络');
    expect(normalizeForSearch('“会站家”一体化、《纲要》· 落实')).toBe('会站家一体化纲要落实');
  });

  it('keeps line breaks (paragraph ends) and the marks that mean something in a query', () => {
    expect(normalizeForSearch('增长６％，\n第＃3项 A&B')).toBe('增长6%\n第#3项a&b');
  });

  it('returns Chinese text without anything to fold as the same string', () => {
    const text = '各级工会组织要主动作为';
    expect(normalizeForSearch(text)).toBe(text);
  });

  it('is width folding and lower-casing, then punctuation and blanks left out (a reference spelled out)', () => {
    const reference = (text: string) =>
      text
        .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
        .replace(/\u3000/g, ' ')
        .replace(/[A-Z\u00C0-\u024F\u0391-\u03A9\u0410-\u042F]/g, (c) => {
          const lower = c.toLowerCase();
          return lower.length === 1 ? lower : c;
        })
        .replace(/[^\S\n]|(?![%‰#&@])\p{P}/gu, '');
    const pieces = [
      '会',
      '“',
      '”',
      '，',
      '。',
      '、',
      '《',
      '》',
      ' ',
      '　',
      '\n',
      '\t',
      'Ａ',
      'ｚ',
      'Q',
      '５',
      '％',
      '＃',
      '（',
      '）',
      '—',
      '…',
      '·',
      'Ä',
      'Ω',
      'Ж',
      'İ',
      '!',
      '?',
      '.',
      '-',
      '&',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (list) => {
        const text = list.join('');
        expect(normalizeForSearch(text)).toBe(reference(text));
      }),
    );
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

  it('leaves punctuation out of a term, and drops a term that is only punctuation', () => {
    expect(queryTerms('“会站家”一体化 ， 会站家一体化')).toEqual(['会站家一体化']);
    expect(queryTerms('“”')).toEqual([]);
  });
});

describe('originalRanges', () => {
  it('marks from the first to the last original character of a match, punctuation inside included', () => {
    const text = '推进“会站家”一体化建设';
    const norm = normalizeForSearch(text);
    const at = norm.indexOf('会站家一体化');
    const [range] = originalRanges(text, [[at, at + 6]]);
    expect(text.slice(...(range as [number, number]))).toBe('会站家”一体化');
  });

  it('maps every piece of the normalised text to original characters that normalise to that piece', () => {
    const chars = ['会', '站', '家', '“', '”', '，', ' ', '　', '\n', 'Ａ', 'a', '。', '％', '·'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 30 }), (list) => {
        const text = list.join('');
        const norm = normalizeForSearch(text);
        for (let s = 0; s < norm.length; s++) {
          for (let e = s + 1; e <= norm.length; e++) {
            const [[os, oe]] = originalRanges(text, [[s, e]]) as [[number, number]];
            expect(normalizeForSearch(text.slice(os, oe))).toBe(norm.slice(s, e));
            // Starts and ends on a character that counts, never on left-out punctuation.
            expect(normalizeForSearch(text[os] ?? '')).not.toBe('');
            expect(normalizeForSearch(text[oe - 1] ?? '')).not.toBe('');
          }
        }
      }),
    );
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

  it('finds a phrase across quotes and punctuation, either way round, and marks the right characters', () => {
    const index = new SearchIndex();
    index.setSpeech('q', [
      { speechId: 'q', kind: 'text', text: '第一段。\n要推进“会站家”一体化建设，打通服务职工“最后一公里”。' },
    ]);
    index.setSpeech('p', [{ speechId: 'p', kind: 'text', text: '推进会站家一体化。' }]);
    const [hit] = index.search('会站家一体化');
    expect(hit?.speechId).toBe('q');
    expect(snippetText(first(hit))).toBe('要推进“[会站家”一体化]建设，打通服务职工“最后一公里”。');
    expect(index.search('会站家一体化').map((h) => h.speechId)).toEqual(['q', 'p']);
    expect(index.search('“会站家”一体化').map((h) => h.speechId)).toEqual(['q', 'p']);
    expect(snippetText(first(index.search('职工最后一公里')[0]))).toBe(
      '要推进“会站家”一体化建设，打通服务[职工“最后一公里]”。',
    );
  });

  it('never matches from one paragraph into the next', () => {
    const index = new SearchIndex();
    index.setSpeech('x', [{ speechId: 'x', kind: 'text', text: '抓好安全\n生产经营' }]);
    expect(index.search('安全生产')).toEqual([]);
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
          // Blanks split a query; a piece of punctuation alone is no query at all.
          if (/\s/.test(piece) || !normalizeForSearch(piece)) continue;
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
