/**
 * A speech as the reader receives it, for tests that only care about its address and text: the metadata a
 * portal page may lack is null and there is no outline unless the test gives one. Texts are the tests' own.
 */
import type { SpeechWithOutline } from '@/utils/types';

export function composedSpeech(
  fields: Pick<SpeechWithOutline, 'url' | 'paragraphs'> & Partial<SpeechWithOutline>,
): SpeechWithOutline {
  return {
    title: '在全市工会工作会议上的讲话',
    speaker: null,
    occasion: null,
    date: null,
    source: null,
    contentHash: 'test',
    outline: [],
    ...fields,
  };
}
