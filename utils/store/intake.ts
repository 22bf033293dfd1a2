/**
 * The one gate every speech text passes before it is stored: when the reader saves a speech
 * (speeches.ts saveOpenedSpeech) and when a backup is restored (backup.ts). Both go through the same caps
 * and splits, so whatever Yandu stores, its own backup restores. Pure: no database, no browser API.
 */

import { MAX_PARAGRAPH, splitLongParagraph } from '../text/clean';
import type { OutlineEdit, OutlineNode, SpeechRecord, SpeechVersion, TextSelector } from '../types';

export const INTAKE_LIMITS = {
  /** Title, speaker, occasion, source: real ones are a line; a longer one is a page's whole text in the wrong slot. */
  field: 300,
  /** Outline titles and outline-edit texts (a marker in a paragraph without 。 would take the whole paragraph). */
  outlineText: 300,
  /**
   * A paragraph is first split at sentence ends (clean.ts, as the page extractor does); a piece still longer
   * than this has no sentence end for pages and is cut at a comma or blank, or hard at the limit.
   */
  paragraph: 4 * MAX_PARAGRAPH,
  /** Addresses longer than browsers keep in a tab are not web pages Yandu opened. */
  url: 8192,
};

/** An http(s) address. The query may say anything (`?next=javascript:…` is still an https page). */
export function isWebUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > INTAKE_LIMITS.url) return false;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Cut before `max` characters, never inside a surrogate pair. */
function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
const capNullable = (text: string | null, max: number) => (text === null ? null : cap(text, max));

const SOFT_BREAK = /[，；、：,;:\s]/g;

/** Where to cut a text without sentence ends: after the last soft break in the second half of the window. */
function hardCut(text: string, start: number, max: number): number {
  let cut = -1;
  SOFT_BREAK.lastIndex = start + Math.floor(max / 2);
  for (let m = SOFT_BREAK.exec(text); m && m.index < start + max; m = SOFT_BREAK.exec(text)) {
    cut = m.index + 1;
  }
  if (cut < 0) cut = start + max;
  const code = text.charCodeAt(cut - 1);
  return code >= 0xd800 && code <= 0xdbff ? cut - 1 : cut;
}

/** A paragraph's pieces and where each starts in it. */
function piecesOf(text: string): { text: string; start: number }[] {
  const max = INTAKE_LIMITS.paragraph;
  const out: { text: string; start: number }[] = [];
  let cursor = 0;
  for (const piece of splitLongParagraph(text)) {
    const at = text.indexOf(piece, cursor);
    const base = at < 0 ? cursor : at;
    cursor = base + piece.length;
    let start = 0;
    while (piece.length - start > max) {
      const cut = hardCut(piece, start, max);
      out.push({ text: piece.slice(start, cut), start: base + start });
      start = cut;
    }
    out.push({ text: piece.slice(start), start: base + start });
  }
  return out;
}

/** Maps a (paragraph, offset) of the text as given to the same place in the split text. */
export type ParaRemap = (para: number, offset: number) => { para: number; offset: number };

/** Split every over-long paragraph; `remap` is null when nothing was split. */
export function intakeParagraphs(paragraphs: readonly string[]): {
  paragraphs: string[];
  remap: ParaRemap | null;
} {
  if (!paragraphs.some((p) => p.length > MAX_PARAGRAPH)) return { paragraphs: [...paragraphs], remap: null };
  const out: string[] = [];
  // For each original paragraph: index of its first piece, and each piece's start.
  const first: number[] = [];
  const starts: number[][] = [];
  for (const p of paragraphs) {
    first.push(out.length);
    const pieces = p.length > MAX_PARAGRAPH ? piecesOf(p) : [{ text: p, start: 0 }];
    starts.push(pieces.map((x) => x.start));
    for (const x of pieces) out.push(x.text);
  }
  if (out.length === paragraphs.length) return { paragraphs: out, remap: null };
  const remap: ParaRemap = (para, offset) => {
    const s = starts[para];
    const f = first[para];
    if (!s || f === undefined) return { para, offset };
    let k = 0;
    while (k + 1 < s.length && (s[k + 1] as number) <= offset) k += 1;
    const start = s[k] as number;
    const length = (out[f + k] as string).length;
    return { para: f + k, offset: Math.min(Math.max(offset - start, 0), length) };
  };
  return { paragraphs: out, remap };
}

function intakeNode(node: OutlineNode, remap: ParaRemap | null): OutlineNode {
  const place = remap ? remap(node.para, node.offset) : { para: node.para, offset: node.offset };
  return {
    ...node,
    ...place,
    marker: cap(node.marker, INTAKE_LIMITS.outlineText),
    title: cap(node.title, INTAKE_LIMITS.outlineText),
  };
}

function intakeEdit(edit: OutlineEdit, remap: ParaRemap | null): OutlineEdit {
  const max = INTAKE_LIMITS.outlineText;
  if (edit.op === 'add') {
    const place = remap ? remap(edit.at.para, edit.at.offset) : edit.at;
    return {
      ...edit,
      title: cap(edit.title, max),
      at: {
        ...edit.at,
        para: place.para,
        offset: place.offset,
        exact: cap(edit.at.exact, max),
        prefix: cap(edit.at.prefix, max),
      },
    };
  }
  const t = edit.target;
  const place = remap ? remap(t.para, t.offset) : t;
  return {
    ...edit,
    target: {
      ...t,
      para: place.para,
      offset: place.offset,
      marker: cap(t.marker, max),
      title: cap(t.title, max),
    },
  };
}

/** A highlight's position on the text as given, moved to the same characters of the split text. */
export function remapSelector(selector: TextSelector, remap: ParaRemap): TextSelector {
  const start = remap(selector.startPara, selector.startOffset);
  const end = remap(selector.endPara, selector.endOffset);
  return {
    ...selector,
    startPara: start.para,
    startOffset: start.offset,
    endPara: end.para,
    endOffset: end.offset,
  };
}

type SpeechLike = Pick<SpeechRecord, 'title' | 'speaker' | 'occasion' | 'source' | 'paragraphs' | 'outline'> &
  Partial<Pick<SpeechRecord, 'outlineEdits' | 'autoOutline'>>;

const short = (t: string | null, max: number) => t === null || t.length <= max;
const nodeShort = (n: OutlineNode) =>
  short(n.title, INTAKE_LIMITS.outlineText) && short(n.marker, INTAKE_LIMITS.outlineText);
function editShort(e: OutlineEdit): boolean {
  const max = INTAKE_LIMITS.outlineText;
  if (e.op === 'add') return short(e.title, max) && short(e.at.exact, max) && short(e.at.prefix, max);
  return short(e.target.title, max) && short(e.target.marker, max);
}
function withinCaps(s: SpeechLike): boolean {
  const f = INTAKE_LIMITS.field;
  return (
    short(s.title, f) &&
    short(s.speaker, f) &&
    short(s.occasion, f) &&
    short(s.source, f) &&
    s.paragraphs.every((p) => p.length <= MAX_PARAGRAPH) &&
    s.outline.every(nodeShort) &&
    (s.autoOutline ?? []).every(nodeShort) &&
    (s.outlineEdits ?? []).every(editShort)
  );
}

/**
 * A speech (as extracted, or as stored) capped and split: metadata lines capped, paragraphs split (outline,
 * engine outline and outline edits moved with their text). `remap` moves highlight positions the same way.
 */
export function intakeSpeech<T extends SpeechLike>(speech: T): { speech: T; remap: ParaRemap | null } {
  // Nearly every speech is within every cap: returned as it is, without copying (a restore reads thousands).
  if (withinCaps(speech)) return { speech, remap: null };
  const f = INTAKE_LIMITS.field;
  const { paragraphs, remap } = intakeParagraphs(speech.paragraphs);
  const out: T = {
    ...speech,
    title: cap(speech.title, f),
    speaker: capNullable(speech.speaker, f),
    occasion: capNullable(speech.occasion, f),
    source: capNullable(speech.source, f),
    paragraphs,
    outline: speech.outline.map((n) => intakeNode(n, remap)),
  };
  if (speech.autoOutline) out.autoOutline = speech.autoOutline.map((n) => intakeNode(n, remap));
  if (speech.outlineEdits) out.outlineEdits = speech.outlineEdits.map((e) => intakeEdit(e, remap));
  return { speech: out, remap };
}

/** An archived copy goes through the same caps (nothing anchors on it but its own outline). */
export function intakeVersion(version: SpeechVersion): SpeechVersion {
  const { paragraphs, remap } = intakeParagraphs(version.paragraphs);
  return {
    ...version,
    title: cap(version.title, INTAKE_LIMITS.field),
    paragraphs,
    outline: version.outline.map((n) => intakeNode(n, remap)),
  };
}

/** A speech the intake refuses: today only one whose address is not a web page's. */
export class IntakeError extends Error {}

/** For saving: the capped and split speech, or IntakeError. */
export function admitSpeech<T extends SpeechLike & { url: string }>(speech: T): T {
  if (!isWebUrl(speech.url)) throw new IntakeError('a speech is stored only under a web address');
  return intakeSpeech(speech).speech;
}
