/**
 * 引用复制: a passage quoted the way cadres cite a leader in their own materials,
 * 王建华在全市工会工作会议上指出：“……”（2026年3月12日）, and all highlights of a category at once.
 */
import type { Highlight, HighlightCategory, SpeechRecord } from '../types';
import { cnDate } from './doc';
import { oneLine } from './model';
import { readingOrder } from './templates/common';

/** Double quotes inside a quotation become single ones (“” → ‘’), as Chinese typesetting nests them. */
function nest(text: string): string {
  return text.replace(/“/g, '‘').replace(/”/g, '’');
}

export function formatCitation(
  speech: Pick<SpeechRecord, 'speaker' | 'occasion' | 'date' | 'title'>,
  passage: string,
): string {
  const line = oneLine(passage);
  // A passage copied with its own outer quotation marks is not quoted twice.
  const bare = /^[“"].*[”"]$/.test(line) ? line.slice(1, -1) : line;
  const text = nest(bare);
  const speaker = oneLine(speech.speaker ?? '');
  const occasion = oneLine(speech.occasion ?? '');
  const title = oneLine(speech.title ?? '');
  const who = speaker
    ? occasion
      ? `${speaker}在${occasion}上指出`
      : title
        ? `${speaker}在《${title}》中指出`
        : `${speaker}指出`
    : title
      ? `《${title}》指出`
      : '讲话指出';
  const when = speech.date ? `（${cnDate(speech.date)}）` : '';
  return `${who}：“${text}”${when}`;
}

/** Every highlight of a category in a speech, cited one per paragraph, in reading order. */
export function formatCategoryCitations(
  speech: Pick<SpeechRecord, 'id' | 'speaker' | 'occasion' | 'date' | 'title'>,
  highlights: readonly Highlight[],
  category: HighlightCategory,
): string {
  return highlights
    .filter((h) => h.speechId === speech.id && h.category === category)
    .sort(readingOrder)
    .map((h) => formatCitation(speech, h.selector?.exact ?? ''))
    .join('\n\n');
}
