/**
 * npm run --silent analyze -- [--url URL] FILE...
 *
 * Runs the extension's own detection, extraction and outline code under Node, one JSON line per file:
 * - `.html`: { file, url, detection, speech } (speech includes its outline);
 * - `.json` with a `paragraphs` array (e.g. a corpus file): { file, outline }.
 * An unreadable file prints an error on stderr and makes the exit code 1; the other files still run.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { buildOutline } from '../utils/outline/build';
import { detectSpeech } from '../utils/page/detect';
import { extractSpeech } from '../utils/page/extract';

const PORTAL = 'http://www.ordoszgh.gov.cn/';

let window: Window | null = null;

/** Parses HTML the way the reader page does (DOMParser: no scripts run, no resources load). */
export function parseHtml(html: string): Document {
  window ??= new Window({
    url: PORTAL,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
    },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** Lets Node exit: happy-dom keeps a window alive until it is closed. */
export function closeWindow(): void {
  void window?.happyDOM.close();
  window = null;
}

/** The page's canonical link, else the portal address + the file name. */
export function pageUrl(doc: Document, file: string): string {
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim();
  if (canonical && /^https?:\/\//i.test(canonical)) return canonical;
  return PORTAL + basename(file);
}

export function analyzeHtml(html: string, file: string, url?: string) {
  const doc = parseHtml(html);
  const address = url ?? pageUrl(doc, file);
  const detection = detectSpeech(doc, address);
  const speech = extractSpeech(doc, address);
  return { file, url: address, detection, speech: { ...speech, outline: buildOutline(speech.paragraphs) } };
}

function analyzeFile(file: string, url: string | undefined): object {
  const text = readFileSync(file, 'utf8');
  if (/\.json$/i.test(file)) {
    const data: unknown = JSON.parse(text);
    const paragraphs = (data as { paragraphs?: unknown }).paragraphs;
    if (!Array.isArray(paragraphs) || !paragraphs.every((p) => typeof p === 'string')) {
      throw new Error('no "paragraphs" array of strings');
    }
    return { file, outline: buildOutline(paragraphs) };
  }
  return analyzeHtml(text, file, url);
}

export function main(argv: readonly string[]): number {
  let url: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--url') url = argv[++i];
    else if (arg.startsWith('--url=')) url = arg.slice(6);
    else files.push(arg);
  }
  if (files.length === 0) {
    process.stderr.write('usage: npm run --silent analyze -- [--url URL] FILE...\n');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    try {
      process.stdout.write(`${JSON.stringify(analyzeFile(file, url))}\n`);
    } catch (error) {
      failed++;
      const code = (error as { code?: unknown }).code;
      const reason =
        typeof code === 'string' && code.startsWith('E')
          ? `cannot read file (${code})`
          : error instanceof Error
            ? error.message
            : String(error);
      process.stderr.write(`analyze: ${file}: ${reason}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
  closeWindow();
}
