import { Readability } from '@mozilla/readability';
import type { Speech } from '../types';
import { extractSpeechWith } from './extract-core';

/**
 * `extractSpeech(doc, url)`: the TRS fast path for portal pages, @mozilla/readability for everything else.
 * The logic is in utils/page/extract-core.ts; the reader calls it without Readability first and loads Readability only
 * for a page that needs it (it is half the reader's code), everything else uses this.
 */
export function extractSpeech(doc: Document, url: string): Speech {
  return extractSpeechWith(doc, url, Readability);
}

export { stripSiteSuffix } from './extract-core';
