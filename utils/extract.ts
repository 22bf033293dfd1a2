import { hashParagraphs } from './hash';
import type { Speech } from './types';

/** Placeholder until the speech-understanding issue lands: TRS body paragraphs only. */
export function extractSpeech(doc: Document, url: string): Speech {
  const body = doc.querySelector('.TRS_Editor') ?? doc.body;
  const paragraphs = Array.from(body?.querySelectorAll('p') ?? [])
    .map((p) => (p.textContent ?? '').trim())
    .filter(Boolean);
  return {
    url,
    title: doc.title,
    speaker: null,
    occasion: null,
    date: null,
    source: null,
    paragraphs,
    contentHash: hashParagraphs(paragraphs),
    via: 'trs',
  };
}
