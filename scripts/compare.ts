/**
 * npm run --silent compare -- OLD.json NEW.json
 *
 * Compares two texts (each a JSON object with `paragraphs`, and optionally `title` and `outline`) with the
 * extension's own engine (utils/compare) and prints one JSON object: { changes: [...], summary: {...} }.
 * Each change: kind (added | dropped | changed | moved), oldText, newText (whole sentences), oldPara, newPara
 * (0-based paragraph indexes), section, and when figures changed, numbers: [{ old, new }]; `parts` marks the
 * changed words of a reworded sentence. A missing or malformed file: message on stderr, exit code 2.
 */
import { readFileSync } from 'node:fs';
import { compare } from '../utils/compare';
import type { CompareInput } from '../utils/compare/types';

function readInput(file: string): CompareInput {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const paragraphs = data.paragraphs;
  if (!Array.isArray(paragraphs) || !paragraphs.every((p) => typeof p === 'string')) {
    throw new Error(`${file}: "paragraphs" must be an array of strings`);
  }
  const input: CompareInput = { paragraphs };
  if (typeof data.title === 'string') input.title = data.title;
  if (Array.isArray(data.outline)) input.outline = data.outline as CompareInput['outline'];
  return input;
}

async function main(args: string[]): Promise<number> {
  const files = args.filter((a) => a !== '--');
  if (files.length !== 2) {
    console.error('usage: npm run --silent compare -- OLD.json NEW.json');
    return 2;
  }
  let inputs: [CompareInput, CompareInput];
  try {
    inputs = [readInput(files[0] as string), readInput(files[1] as string)];
  } catch (e) {
    console.error(`compare: ${(e as Error).message}`);
    return 2;
  }
  const result = await compare(...inputs);
  const changes = result.changes.map(({ oldIdx: _o, newIdx: _n, ...rest }) => rest);
  process.stdout.write(`${JSON.stringify({ changes, summary: result.summary })}\n`);
  return 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
