import type { Detection } from './types';

/** Placeholder until the speech-understanding issue lands: breadcrumb and title only. */
export function detectSpeech(doc: Document, _url: string): Detection {
  try {
    const head = (doc.body?.textContent ?? '').slice(0, 2000);
    const reasons: string[] = [];
    if (head.includes('领导讲话')) reasons.push('breadcrumb:领导讲话');
    if (/在.{2,60}上的(讲话|报告|致辞)/.test(doc.title)) reasons.push('title:在…上的讲话');
    const confidence = Math.min(1, reasons.length * 0.5);
    return { isSpeech: confidence >= 0.5, confidence, reasons };
  } catch {
    return { isSpeech: false, confidence: 0, reasons: ['error'] };
  }
}
