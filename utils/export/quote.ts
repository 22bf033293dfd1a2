/**
 * 引用复制: a passage quoted the way cadres cite a leader in their own materials,
 * 王建华在全市工会工作会议上指出：“……”（2026年3月12日）, and all highlights of a category at once.
 */
import type { Highlight, HighlightCategory, SpeechRecord } from '../types';
import { cnDate } from './doc';
import { oneLine } from './model';
import { readingOrder } from './templates/common';

/** What a citation names: who spoke, where, when, and the title when the rest is unknown. */
export type CitationSource = Pick<SpeechRecord, 'speaker' | 'occasion' | 'date' | 'title'>;

/** Double quotes inside a quotation become single ones (“” → ‘’), as Chinese typesetting nests them. */
function nest(text: string): string {
  return text.replace(/“/g, '‘').replace(/”/g, '’');
}

const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
/** A line break between two Chinese characters or punctuation marks (a passage spanning paragraphs). */
const CJK_BREAK = new RegExp(`(?<=[${CJK}])\\s*\\n\\s*(?=[${CJK}])`, 'g');

/**
 * The passage on one line. Paragraphs of a quote spanning them are stored joined by '\n'
 * (utils/anchoring/speech-text.ts): between Chinese text they join without a space, as typeset Chinese has none.
 */
function passageLine(passage: string): string {
  return oneLine(passage.replace(CJK_BREAK, ''));
}

/**
 * 在…上指出 for a meeting, 在…时指出 for a visit or inspection (utils/page/meta.ts takes 接见…, 视察…
 * from titles like “X接见Y时的讲话”), and no second 上 when the occasion already ends with one.
 */
const VISIT =
  /^(?:接见|接見|会见|會見|视察|視察|调研|調研|考察|看望|慰问|慰問)|(?:调研|調研|考察|视察|視察|检查|檢查)$/;

function atOccasion(occasion: string): string {
  if (/[上时時]$/.test(occasion)) return `在${occasion}`;
  return VISIT.test(occasion) ? `在${occasion}时` : `在${occasion}上`;
}

export function formatCitation(speech: CitationSource, passage: string): string {
  const line = passageLine(passage);
  // A passage copied with its own outer quotation marks is not quoted twice.
  const bare = /^[“"].*[”"]$/.test(line) ? line.slice(1, -1) : line;
  const text = nest(bare);
  const speaker = oneLine(speech.speaker ?? '');
  const occasion = oneLine(speech.occasion ?? '');
  // A title given with its own book-title marks is not marked twice.
  const title = oneLine(speech.title ?? '').replace(/^《(.*)》$/, '$1');
  const who = speaker
    ? occasion
      ? `${speaker}${atOccasion(occasion)}指出`
      : title
        ? `${speaker}在《${title}》中指出`
        : `${speaker}指出`
    : title
      ? `《${title}》指出`
      : '讲话指出';
  const when = speech.date ? `（${cnDate(speech.date)}）` : '';
  return `${who}：“${text}”${when}`;
}

/** Several passages of one speech, cited one per paragraph in the order given; empty passages are left out. */
export function formatCitations(speech: CitationSource, passages: readonly string[]): string {
  return passages
    .filter((p) => passageLine(p) !== '')
    .map((p) => formatCitation(speech, p))
    .join('\n\n');
}

/** Every highlight of a category in a speech, cited one per paragraph, in reading order. */
export function formatCategoryCitations(
  speech: Pick<SpeechRecord, 'id'> & CitationSource,
  highlights: readonly Highlight[],
  category: HighlightCategory,
): string {
  return formatCitations(
    speech,
    highlights
      .filter((h) => h.speechId === speech.id && h.category === category)
      .sort(readingOrder)
      .map((h) => h.selector?.exact ?? ''),
  );
}
