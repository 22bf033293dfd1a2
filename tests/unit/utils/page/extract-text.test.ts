/**
 * Text hygiene at extraction: invisible format characters never reach the reader, very long paragraphs
 * arrive as several (the reader lays out a 1 MB block for seconds), and pages nested past the browser's
 * parser cap still give their text. All Chinese text here is composed for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractSpeech } from '@/utils/page/extract';
import { MAX_PARAGRAPH, splitLongParagraph, stripInvisible } from '@/utils/text/clean';

const URL = 'http://www.ordoszgh.gov.cn/zlzx/ldjh/202602/t20260201_3200001.html';
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

const SENTENCES = [
  '要把服务职工的各项措施落到实处。',
  '各级工会组织要主动作为，切实维护职工合法权益！',
  '我们靠什么赢得职工信任？',
  '靠的是一件一件办实事，“把好事办好”。',
];
/** About `chars` characters of composed prose in sentences of varied length and ending. */
function prose(chars: number): string {
  let text = '';
  for (let i = 0; text.length < chars; i++) text += SENTENCES[i % SENTENCES.length];
  return text;
}

describe('stripInvisible', () => {
  it('drops bidi controls and zero-width characters and keeps everything else', () => {
    expect(stripInvisible('\u202e在会上\u200b的讲话\u2066（摘要）\u2069\ufeff\u2060\u200d')).toBe(
      '在会上的讲话（摘要）',
    );
    expect(stripInvisible('同志们：　第一，要 <b>')).toBe('同志们：　第一，要 <b>');
  });
});

describe('splitLongParagraph', () => {
  it('leaves a paragraph of the limit or shorter as it is', () => {
    const text = prose(MAX_PARAGRAPH).slice(0, MAX_PARAGRAPH);
    expect(splitLongParagraph(text)).toEqual([text]);
  });

  it('cuts a long paragraph after sentence ends into pieces within the limit that join back to it', () => {
    const text = prose(10_000);
    const pieces = splitLongParagraph(text);
    expect(pieces.length).toBeGreaterThanOrEqual(4);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(MAX_PARAGRAPH);
    // Every cut is right after a sentence end (with its closing quote), never inside a sentence.
    for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/[。！？]”?$/);
    // Deterministic: the same text gives the same pieces (stored highlights anchor on them).
    expect(splitLongParagraph(text)).toEqual(pieces);
  });

  it('keeps a sentence longer than the limit whole, and text without a sentence end whole', () => {
    const long = `${'职工'.repeat(2000)}。`;
    const next = '要把工作做实。';
    expect(splitLongParagraph(long + next)).toEqual([long, next]);
    const endless = '职工之家'.repeat(1000);
    expect(splitLongParagraph(endless)).toEqual([endless]);
  });
});

describe('extractSpeech text hygiene', () => {
  it('gives a page-long paragraph to the reader as several, all of its text kept', () => {
    const text = prose(12_000);
    const doc = parse(
      `<title>在全市工会工作会议上的讲话_领导讲话</title><div class="TRS_Editor"><p>同志们：</p><p>　　${text}</p><p>谢谢大家。</p></div>`,
    );
    const speech = extractSpeech(doc, URL);
    expect(speech.paragraphs[0]).toBe('同志们：');
    expect(speech.paragraphs.at(-1)).toBe('谢谢大家。');
    const middle = speech.paragraphs.slice(1, -1);
    expect(middle.length).toBeGreaterThan(3);
    expect(middle.join('')).toBe(text);
  });

  it('drops bidi overrides and zero-width characters from the title, speaker, occasion, source and text', () => {
    const doc = parse(
      `<head><title>王\u200b立新在全市\u202e工会\u202c工作会议上的讲话_领导讲话</title></head><body>` +
        '<div>来源：市\u2066总工会\u2069 发布日期：2026-02-01</div>' +
        '<div class="TRS_Editor"><p>同志们：</p><p>\u202e第一，要把服务职工的\u200d各项措施落到实处。\u202c</p></div></body>',
    );
    const speech = extractSpeech(doc, URL);
    expect([speech.title, speech.speaker, speech.occasion, speech.source]).toEqual([
      '王立新在全市工会工作会议上的讲话',
      '王立新',
      '全市工会工作会议',
      '市总工会',
    ]);
    expect(speech.paragraphs).toEqual(['同志们：', '第一，要把服务职工的各项措施落到实处。']);
  });

  it('on a page nested past the parser cap, reads the text after the empty container up to 上一篇', () => {
    // Chromium's shape (see bad-pages.test.ts): the container is empty and its paragraphs follow it.
    const doc = parse(
      '<title>在全市工会工作会议上的讲话_领导讲话</title><div class="TRS_Editor"></div><div class="more"></div>',
    );
    const trs = doc.querySelector('.TRS_Editor') as Element;
    let parent = trs.parentElement as Element;
    for (let i = 0; i < 250; i++) parent = parent.appendChild(doc.createElement('div'));
    parent.append(trs);
    const lines = [
      '同志们：',
      prose(60),
      prose(90),
      '上一篇：市总工会开展送温暖活动',
      '相关阅读：各级工会组织要主动作为，切实维护职工合法权益。',
    ];
    for (const text of lines) parent.appendChild(doc.createElement('p')).textContent = text;
    const speech = extractSpeech(doc, URL);
    expect(speech.paragraphs).toEqual(['同志们：', prose(60), prose(90)]);
    expect(speech.via).toBe('trs');
  });
});
