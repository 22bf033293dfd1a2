/**
 * FNV-1a (32 bit) over the paragraphs, joined with a separator that cannot occur in text. Not
 * cryptographic: it only tells "the page's text changed since we stored it", cheaply and synchronously.
 */
export function hashParagraphs(paragraphs: readonly string[]): string {
  let h = 0x811c9dc5;
  for (let p = 0; p < paragraphs.length; p++) {
    const text = paragraphs[p] as string;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x2029; // paragraph separator
    h = Math.imul(h, 0x01000193);
  }
  return `fnv1a-${(h >>> 0).toString(16).padStart(8, '0')}-${paragraphs.length}`;
}
