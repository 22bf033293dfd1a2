// Printed pages as a user gets them: the PDF a browser printed, kept in tests/artifacts/, read back with
// poppler's pdftotext (text per page) and pdftoppm (pixels).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { YanduBrowser } from './harness.ts';
import { artifactPath } from './paths.ts';

/** Text of each page of a PDF (pdftotext, whitespace removed), first page first; the file is kept. */
export function pdfPages(b: YanduBrowser, bytes: Uint8Array, name: string): string[] {
  const file = artifactPath(`${b.name}-${name}.pdf`);
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return text
    .split('\f')
    .map((p) => p.replace(/\s+/g, ''))
    .filter((p) => p !== '');
}

/**
 * How many pixels of the first printed page are clearly coloured (not white, grey or black): the highlights'
 * background on a page whose text prints black on white. Rendered at 40 dpi as a PPM (P6), read directly.
 */
export function colouredPixels(b: YanduBrowser, name: string): number {
  const pdf = artifactPath(`${b.name}-${name}.pdf`);
  const prefix = artifactPath(`${b.name}-${name}-page`);
  execFileSync('pdftoppm', ['-r', '40', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  const data = readFileSync(`${prefix}.ppm`);
  // Header: "P6\n<w> <h>\n255\n" (pdftoppm writes no comments).
  let pos = 0;
  for (let fields = 0; fields < 4; pos++) if (data[pos] === 0x0a || data[pos] === 0x20) fields++;
  let coloured = 0;
  for (let i = pos; i + 2 < data.length; i += 3) {
    const r = data[i] as number;
    const g = data[i + 1] as number;
    const bl = data[i + 2] as number;
    if (Math.max(r, g, bl) - Math.min(r, g, bl) > 40) coloured++;
  }
  return coloured;
}
