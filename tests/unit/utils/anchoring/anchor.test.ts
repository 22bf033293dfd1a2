// Re-anchoring highlights on a speech whose text changed between visits. The speech below is composed
// for these tests (no real speech text). Every scenario states what the reader would see: the same words
// highlighted in their new place, or the highlight listed as 未能定位 — never painted on the wrong words.
import { expect, describe as group, it } from 'vitest';
import { anchor, anchorAll, describe } from '@/utils/anchoring/anchor';
import type { Anchoring, TextSelector } from '@/utils/types';

const speech = [
  '同志们：',
  '今天召开全市工会工作会议，主要任务是总结去年工作，部署今年任务。刚才，几位同志作了很好的发言，我都同意。',
  '第一，坚持政治引领，把牢工会工作正确方向。各级工会要把学习宣传贯彻党的创新理论作为首要政治任务，引导广大职工听党话、根党走。',
  '第二，聚焦中心大局，在推动高质量发展中建功立业。要深化劳动和技能竞赛（含线上赛），今年全市计划举办各类竞赛一百二十场，覆盖职工五万人次。',
  '第三，履行维权服务基本职责，用心用情办好职工身边事。要扎实做好困难职工帮扶工作，确保帮扶资金足额发放、及时到位。',
  '第四，加强工会自身建设，增强基层组织活力。要扎实做好困难职工帮扶工作的台账管理，做到底数清、情况明。',
  '同志们，新的一年任务艰巨、使命光荣。让我们团结一心、真抓实干，为全市经济社会发展作出新的更大贡献！',
];

/** A highlight on the first occurrence of `quote` in paragraph `para`. */
function highlight(paragraphs: string[], para: number, quote: string): TextSelector {
  const offset = (paragraphs[para] as string).indexOf(quote);
  if (offset < 0) throw new Error(`test setup: ${quote} not in paragraph ${para}`);
  return describe(paragraphs, { para, offset }, { para, offset: offset + quote.length });
}

/** The text a placed anchoring covers in `paragraphs`, with paragraph breaks as '\n'. */
function textAt(paragraphs: string[], a: Anchoring): string {
  if (!a.placed) throw new Error(`not placed: ${a.reason}`);
  const s = a.selector;
  const joined = paragraphs.join('\n');
  const start =
    paragraphs.slice(0, s.startPara).join('\n').length + (s.startPara > 0 ? 1 : 0) + s.startOffset;
  const end = paragraphs.slice(0, s.endPara).join('\n').length + (s.endPara > 0 ? 1 : 0) + s.endOffset;
  return joined.slice(start, end);
}

function edit(paragraphs: string[], para: number, from: string, to: string): string[] {
  const out = [...paragraphs];
  const text = out[para] as string;
  if (!text.includes(from)) throw new Error(`test setup: ${from} not in paragraph ${para}`);
  out[para] = text.replace(from, to);
  return out;
}

group('describe', () => {
  it('stores the quote with 32 characters of context on each side', () => {
    const sel = highlight(speech, 3, '深化劳动和技能竞赛');
    expect(sel.exact).toBe('深化劳动和技能竞赛');
    expect(sel.prefix).toHaveLength(32);
    expect(sel.suffix).toHaveLength(32);
    const joined = speech.join('\n');
    const at = joined.indexOf('深化劳动和技能竞赛');
    expect(sel.prefix).toBe(joined.slice(at - 32, at));
    expect(sel.suffix).toBe(joined.slice(at + 9, at + 9 + 32));
  });

  it('joins paragraph pieces with a line break and lets context cross paragraph boundaries', () => {
    const sel = describe(speech, { para: 0, offset: 0 }, { para: 1, offset: 6 });
    expect(sel.exact).toBe('同志们：\n今天召开全市');
    expect(sel.prefix).toBe('');
    const end = describe(speech, { para: 4, offset: 50 }, { para: 4, offset: (speech[4] as string).length });
    expect(end.suffix.startsWith('\n第四，加强工会')).toBe(true);
  });

  it('orders and clamps its points and never starts or ends on an invisible paragraph break', () => {
    const a = describe(speech, { para: 2, offset: 5 }, { para: 2, offset: 1 });
    expect([a.startOffset, a.endOffset, a.exact]).toEqual([1, 5, '一，坚持']);
    const b = describe(speech, { para: 1, offset: 999 }, { para: 3, offset: 0 });
    expect([b.startPara, b.startOffset, b.endPara, b.endOffset]).toEqual([
      2,
      0,
      2,
      (speech[2] as string).length,
    ]);
    expect(b.exact).toBe(speech[2]);
    const c = describe(speech, { para: -4, offset: -1 }, { para: 99, offset: 99 });
    expect(c.exact).toBe(speech.join('\n'));
  });
});

group('anchor', () => {
  it('places a highlight by its stored position when the text is unchanged', () => {
    const sel = highlight(speech, 4, '用心用情办好职工身边事');
    const a = anchor(speech, sel);
    expect(a).toEqual({ placed: true, selector: sel, how: 'position' });
  });

  it('follows the quote when a paragraph was inserted before it', () => {
    const sel = highlight(speech, 3, '今年全市计划举办各类竞赛一百二十场');
    const edited = [speech[0] as string, '（根据录音整理）', ...speech.slice(1)];
    const a = anchor(edited, sel);
    expect(a.placed && a.how).toBe('quote');
    expect(a.placed && [a.selector.startPara, a.selector.startOffset]).toEqual([4, sel.startOffset]);
    expect(textAt(edited, a)).toBe(sel.exact);
  });

  it('places a quote whose typo was corrected, covering the corrected words', () => {
    const sel = highlight(speech, 2, '引导广大职工听党话、根党走');
    const edited = edit(speech, 2, '根党走', '跟党走');
    const a = anchor(edited, sel);
    expect(a.placed && a.how).toBe('fuzzy');
    expect(textAt(edited, a)).toBe('引导广大职工听党话、跟党走');
    // The returned selector describes the new text, so it can be stored again.
    expect(a.placed && a.selector.exact).toBe('引导广大职工听党话、跟党走');
  });

  it('ignores punctuation switched between full and half width, and changed whitespace', () => {
    const sel = highlight(
      speech,
      3,
      '聚焦中心大局，在推动高质量发展中建功立业。要深化劳动和技能竞赛（含线上赛）',
    );
    const halfWidth = speech.map((p) =>
      p.replace(/，/g, ',').replace(/：/g, ':').replace(/（/g, '(').replace(/）/g, ')').replace(/；/g, ';'),
    );
    const a = anchor(halfWidth, sel);
    expect(a.placed && a.how).toBe('quote');
    expect(textAt(halfWidth, a)).toBe(
      '聚焦中心大局,在推动高质量发展中建功立业。要深化劳动和技能竞赛(含线上赛)',
    );

    const spaced = speech.map((p, i) =>
      i === 3 ? `\u3000\u3000${p.replace('建功立业。', '建功立业。 ')}` : p,
    );
    const b = anchor(spaced, sel);
    expect(b.placed).toBe(true);
    expect(textAt(spaced, b).replace(/ /g, '')).toBe(sel.exact);
  });

  it('reports a highlight whose sentence was deleted as unplaced, with a reason', () => {
    const sel = highlight(speech, 5, '要扎实做好困难职工帮扶工作的台账管理，做到底数清、情况明。');
    const edited = edit(speech, 5, '要扎实做好困难职工帮扶工作的台账管理，做到底数清、情况明。', '');
    const a = anchor(edited, sel);
    expect(a.placed).toBe(false);
    expect(!a.placed && a.reason.length).toBeGreaterThan(0);

    // A near-identical sentence elsewhere (same opening words, other context) must not take its place.
    const opening = highlight(speech, 4, '要扎实做好困难职工帮扶工作，确保');
    const without = edit(speech, 4, '要扎实做好困难职工帮扶工作，确保帮扶资金足额发放、及时到位。', '');
    expect(without[5]).toContain('要扎实做好困难职工帮扶工作的台账');
    expect(anchor(without, opening)).toEqual({ placed: false, reason: 'weak-match' });
  });

  it('lets the context decide between two occurrences of the same words', () => {
    // "要扎实做好困难职工帮扶工作" appears in paragraphs 4 and 5.
    const first = highlight(speech, 4, '要扎实做好困难职工帮扶工作');
    const second = highlight(speech, 5, '要扎实做好困难职工帮扶工作');
    expect(first.exact).toBe(second.exact);
    // Shift everything so the stored positions no longer hold.
    const edited = ['（根据录音整理）', '（有删节）', ...speech];
    const [a, b] = anchorAll(edited, [first, second]);
    expect(a?.placed && a.selector.startPara).toBe(6);
    expect(b?.placed && b.selector.startPara).toBe(7);
    // Also when the stored position itself now shows the other occurrence.
    const swapped = [...speech];
    swapped[4] = speech[5] as string;
    swapped[5] = speech[4] as string;
    const c = anchor(swapped, first);
    expect(c.placed && c.selector.startPara).toBe(5);
  });

  it('places a highlight spanning two paragraphs, also after they were merged or the text shifted', () => {
    const sel = describe(speech, { para: 4, offset: 26 }, { para: 5, offset: 11 });
    expect(sel.exact).toContain('\n');
    const shifted = ['（根据录音整理）', ...speech];
    const a = anchor(shifted, sel);
    expect(a.placed && [a.selector.startPara, a.selector.endPara]).toEqual([5, 6]);
    expect(textAt(shifted, a)).toBe(sel.exact);

    const merged = [...speech.slice(0, 4), `${speech[4]}${speech[5]}`, ...speech.slice(6)];
    const b = anchor(merged, sel);
    expect(b.placed && [b.selector.startPara, b.selector.endPara]).toEqual([4, 4]);
    expect(textAt(merged, b)).toBe(sel.exact.replace('\n', ''));
  });

  it('places a highlight whose paragraph was split inside the quote', () => {
    const sel = highlight(speech, 1, '主要任务是总结去年工作，部署今年任务。刚才，几位同志作了很好的发言');
    const cut = (speech[1] as string).indexOf('刚才');
    const split = [
      speech[0] as string,
      (speech[1] as string).slice(0, cut),
      (speech[1] as string).slice(cut),
      ...speech.slice(2),
    ];
    const a = anchor(split, sel);
    expect(a.placed && [a.selector.startPara, a.selector.endPara]).toEqual([1, 2]);
    expect(textAt(split, a).replace('\n', '')).toBe(sel.exact);
  });

  it('places a long passage that gained a sentence in the middle, and not one whose middle was rewritten', () => {
    const sel = highlight(
      speech,
      3,
      '要深化劳动和技能竞赛（含线上赛），今年全市计划举办各类竞赛一百二十场，覆盖职工五万人次',
    );
    const added = edit(
      speech,
      3,
      '（含线上赛），',
      '（含线上赛），竞赛项目由各产业工会结合行业特点自行确定，',
    );
    const a = anchor(added, sel);
    expect(a.placed && a.how).toBe('fuzzy');
    expect(textAt(added, a)).toBe(
      '要深化劳动和技能竞赛（含线上赛），竞赛项目由各产业工会结合行业特点自行确定，今年全市计划举办各类竞赛一百二十场，覆盖职工五万人次',
    );

    const rewritten = edit(
      speech,
      3,
      '（含线上赛），今年全市计划举办各类竞赛一百二十场，',
      '，具体安排另行通知，请各单位提前做好准备，',
    );
    expect(anchor(rewritten, sel).placed).toBe(false);
  });

  it('keeps what is left of a passage whose opening words were deleted with the text before them', () => {
    const sel = highlight(
      speech,
      2,
      '把牢工会工作正确方向。各级工会要把学习宣传贯彻党的创新理论作为首要政治任务',
    );
    const edited = edit(speech, 2, '第一，坚持政治引领，把牢工会工作正确方向。', '');
    const a = anchor(edited, sel);
    expect(a.placed && a.how).toBe('fuzzy');
    expect(textAt(edited, a)).toBe('各级工会要把学习宣传贯彻党的创新理论作为首要政治任务');
  });

  it('places a highlight over most of a long speech after small edits inside it', () => {
    const long = [...speech, ...speech.slice(1, 6).map((p) => p.replace('第', '再论第')), ...speech.slice(1)];
    const sel = describe(long, { para: 1, offset: 2 }, { para: long.length - 1, offset: 10 });
    expect(sel.exact.length).toBeGreaterThan(600);
    const edited = ['（根据录音整理）', ...edit(long, 8, '根党走', '跟党走')];
    const a = anchor(edited, sel);
    expect(a.placed && a.how).toBe('fuzzy');
    const text = textAt(edited, a);
    expect(text.startsWith(sel.exact.slice(0, 20))).toBe(true);
    expect(text.endsWith(sel.exact.slice(-10))).toBe(true);
    expect(text).toContain('听党话、跟党走');
  });

  it('finds a sentence that moved to another paragraph', () => {
    const sentence = '要扎实做好困难职工帮扶工作，确保帮扶资金足额发放、及时到位。';
    const sel = highlight(speech, 4, '确保帮扶资金足额发放、及时到位');
    const edited = edit(speech, 4, sentence, '');
    edited[6] = `${sentence}${edited[6]}`;
    const a = anchor(edited, sel);
    expect(a.placed && a.selector.startPara).toBe(6);
    expect(textAt(edited, a)).toBe(sel.exact);
  });

  it('does not place anything on completely rewritten text', () => {
    const rewritten = [
      '各位代表：',
      '本次会议的议程共有三项，请大家认真审议各项报告。',
      '一是听取和审议常委会工作报告；二是审议经费审查委员会报告；三是选举产生新一届委员会。',
      '希望各位代表珍惜荣誉、履职尽责，把会议精神带回去、传下去。',
    ];
    const selectors = [
      highlight(speech, 1, '主要任务是总结去年工作'),
      highlight(speech, 2, '把牢工会工作正确方向'),
      highlight(speech, 3, '覆盖职工五万人次'),
      highlight(speech, 4, '用心用情'),
      highlight(speech, 6, '真抓实干'),
      describe(speech, { para: 1, offset: 0 }, { para: 6, offset: 10 }),
    ];
    for (const a of anchorAll(rewritten, selectors)) expect(a.placed).toBe(false);
  });

  it('leaves a short quote unplaced rather than guess among its many new occurrences', () => {
    const sel = highlight(speech, 3, '竞赛');
    // The original sentence is gone; 竞赛 now appears in unrelated sentences.
    const edited = edit(
      speech,
      3,
      '要深化劳动和技能竞赛（含线上赛），今年全市计划举办各类竞赛一百二十场，',
      '',
    );
    edited.push('技能竞赛的组织工作由各产业工会负责。', '竞赛结果将在年底通报。');
    const a = anchor(edited, sel);
    expect(a.placed).toBe(false);
  });

  it('does not throw on damaged selectors and says why they cannot be placed', () => {
    const sel = highlight(speech, 2, '首要政治任务');
    const broken = [
      { ...sel, exact: '' },
      { ...sel, startPara: 99, endPara: 99 },
      { ...sel, startOffset: -5, endOffset: Number.NaN },
      { ...sel, prefix: undefined, suffix: null } as unknown as TextSelector,
      null as unknown as TextSelector,
    ];
    const results = anchorAll(speech, broken);
    expect(results[0]).toEqual({ placed: false, reason: 'empty-quote' });
    // The quote is still there: damaged offsets fall back to the quote.
    expect(results[1]?.placed && results[1].selector.exact).toBe('首要政治任务');
    expect(results[2]?.placed && results[2].selector.exact).toBe('首要政治任务');
    expect(results[3]?.placed && results[3].selector.exact).toBe('首要政治任务');
    expect(results[4]?.placed).toBe(false);
    expect(anchor([], sel).placed).toBe(false);
  });

  it('gives the same answers through anchorAll as one by one', () => {
    const selectors = [
      highlight(speech, 1, '几位同志作了很好的发言'),
      highlight(speech, 3, '一百二十场'),
      highlight(speech, 5, '做到底数清、情况明'),
    ];
    const edited = ['（根据录音整理）', ...edit(speech, 3, '一百二十场', '一百三十场')];
    expect(anchorAll(edited, selectors)).toEqual(selectors.map((s) => anchor(edited, s)));
  });
});
