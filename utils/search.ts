/**
 * Library search over speech texts, highlights and notes. Chinese has no spaces between words, so matching is
 * by substring on normalised text (full-width letters, digits and punctuation folded to their ASCII twins, case
 * folded), not by whitespace tokens. Normalisation keeps every character in place (one in, one out), so a
 * match found in the normalised copy marks the same characters in the original text for the snippet.
 *
 * A plain indexOf scan was fast enough at 2,000 speeches and 100,000 highlights (bench/library.bench.ts), so
 * there is no n-gram index: the "index" is the list of normalised documents, built in slices after first paint.
 */

export type SearchDocKind = 'title' | 'studyNote' | 'note' | 'highlight' | 'text';

/** One searchable text. `highlightId` links a highlight or its note to the passage in the reader. */
export interface SearchDoc {
  speechId: string;
  kind: SearchDocKind;
  text: string;
  highlightId?: string;
}

interface IndexedDoc extends SearchDoc {
  norm: string;
}

/** A snippet cut from one document: text around the matches, with the matched parts marked. */
export interface Snippet {
  kind: SearchDocKind;
  highlightId?: string;
  /** Alternating plain and marked parts, in order; join the texts to get the snippet. */
  parts: { text: string; mark: boolean }[];
  /** Text was cut before / after the snippet. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

export interface SpeechHits {
  speechId: string;
  /** Documents of this speech holding a match (each counted once). */
  docCount: number;
  /** The first matching documents (notes first), for snippetsOf: snippets are cut only for rows shown. */
  docs: (SearchDoc & { norm: string })[];
  terms: string[];
}

/** Snippets of a speech's hits, cut when its row is shown (a search can match every speech). */
export function snippetsOf(hits: SpeechHits, radius = 28): Snippet[] {
  return hits.docs.map((d) => makeSnippet(d, hits.terms, radius));
}

// Full-width forms U+FF01..U+FF5E sit exactly 0xFEE0 above ASCII 0x21..0x7E; U+3000 is the ideographic space.
const NEEDS_FOLD = /[\uFF01-\uFF5E\u3000A-Z\u00C0-\u024F\u0391-\u03A9\u0410-\u042F]/;

function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0).toLowerCase();
  if (code === 0x3000) return ' ';
  const lower = c.toLowerCase();
  // A few characters lower-case to two (İ): keep the original so positions stay aligned.
  return lower.length === 1 ? lower : c;
}

/**
 * The text with full-width ASCII forms folded to half-width and letters lower-cased, character for character
 * (the result always has the same length). Text that needs no folding comes back as the same string.
 */
export function normalizeForSearch(text: string): string {
  if (!NEEDS_FOLD.test(text)) return text;
  return text.replace(/[\uFF01-\uFF5E\u3000A-Z\u00C0-\u024F\u0391-\u03A9\u0410-\u042F]/g, foldChar);
}

/** The query as terms: normalised, split at blanks (a space means "and"), duplicates and blanks dropped. */
export function queryTerms(query: string): string[] {
  const terms = normalizeForSearch(query).split(/\s+/).filter(Boolean);
  return [...new Set(terms)];
}

const KIND_ORDER: Record<SearchDocKind, number> = { title: 0, studyNote: 1, note: 2, highlight: 3, text: 4 };

/**
 * The searchable documents of the library, normalised as they are added. Speeches can be added in slices
 * (addDocs between pauses) so building never freezes the page, and removed again when a speech is deleted.
 */
export class SearchIndex {
  private bySpeech = new Map<string, IndexedDoc[]>();

  get speechCount(): number {
    return this.bySpeech.size;
  }

  /** Set (or replace) the documents of one speech; documents of other speeches are ignored. */
  setSpeech(speechId: string, docs: readonly SearchDoc[]): void {
    const list: IndexedDoc[] = [];
    for (const d of docs) {
      if (d.speechId !== speechId || !d.text) continue;
      list.push({ ...d, norm: normalizeForSearch(d.text) });
    }
    list.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
    this.bySpeech.set(speechId, list);
  }

  removeSpeech(speechId: string): void {
    this.bySpeech.delete(speechId);
  }

  has(speechId: string): boolean {
    return this.bySpeech.has(speechId);
  }

  /**
   * Speeches where every term occurs (in any of their documents), with up to `maxSnippets` documents each.
   * `within` limits the search to those speeches (the filters in force). Order: the index's insertion order.
   */
  search(query: string, options: { within?: ReadonlySet<string>; maxSnippets?: number } = {}): SpeechHits[] {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const maxSnippets = options.maxSnippets ?? 3;
    const out: SpeechHits[] = [];
    for (const [speechId, docs] of this.bySpeech) {
      if (options.within && !options.within.has(speechId)) continue;
      const found = new Set<string>();
      const matching: IndexedDoc[] = [];
      for (const doc of docs) {
        let any = false;
        for (const t of terms) {
          if (doc.norm.indexOf(t) !== -1) {
            found.add(t);
            any = true;
          }
        }
        if (any) matching.push(doc);
      }
      if (found.size < terms.length) continue;
      out.push({
        speechId,
        docCount: matching.length,
        docs: matching.slice(0, maxSnippets),
        terms,
      });
    }
    return out;
  }
}

/** Marked ranges [start, end) of every term in `norm`, merged where they touch or overlap. */
export function matchRanges(norm: string, terms: readonly string[], limit = 50): [number, number][] {
  const ranges: [number, number][] = [];
  for (const t of terms) {
    let at = norm.indexOf(t);
    let n = 0;
    while (at !== -1 && n < limit) {
      ranges.push([at, at + t.length]);
      at = norm.indexOf(t, at + t.length);
      n++;
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * A snippet around the first match of a document: `radius` characters either side, kept within the
 * paragraph (line) of the match, with every match inside the window marked.
 */
export function makeSnippet(
  doc: SearchDoc & { norm?: string },
  terms: readonly string[],
  radius = 28,
): Snippet {
  const norm = doc.norm ?? normalizeForSearch(doc.text);
  const ranges = matchRanges(norm, terms);
  const first = ranges[0] ?? [0, 0];
  const lineStart = doc.text.lastIndexOf('\n', first[0] - 1) + 1;
  const nextBreak = doc.text.indexOf('\n', first[1]);
  const lineEnd = nextBreak === -1 ? doc.text.length : nextBreak;
  const start = Math.max(lineStart, first[0] - radius);
  const end = Math.min(lineEnd, Math.max(first[1] + radius, start + radius * 2));
  const parts: Snippet['parts'] = [];
  let at = start;
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    const ms = Math.max(s, start);
    const me = Math.min(e, end);
    if (ms > at) parts.push({ text: doc.text.slice(at, ms), mark: false });
    parts.push({ text: doc.text.slice(ms, me), mark: true });
    at = me;
  }
  if (at < end) parts.push({ text: doc.text.slice(at, end), mark: false });
  return {
    kind: doc.kind,
    ...(doc.highlightId ? { highlightId: doc.highlightId } : {}),
    parts,
    clippedStart: start > 0,
    clippedEnd: end < doc.text.length,
  };
}
