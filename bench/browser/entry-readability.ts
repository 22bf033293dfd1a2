/**
 * The Readability reader page of the benches' throwaway extension copy (variants.ts): what Firefox's Reader
 * View does, reached by Yandu's own click path. It asks the background for the snapshot the tab left (the
 * same message Yandu's reader sends), parses it, runs `Readability.parse` and shows the article with plain
 * reader CSS (variants.ts), then sets data-bench-done. Never part of the shipped extension.
 */
import { Readability } from '@mozilla/readability';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
const runtime = (globalThis as unknown as { browser?: typeof chrome }).browser?.runtime ?? chrome.runtime;

async function open(): Promise<void> {
  performance.mark('bench:start');
  const key = new URLSearchParams(location.search).get('snapshot');
  const snapshot = (await runtime.sendMessage({ yandu: 'reader:snapshot', data: { key } })) as {
    html: string;
    url: string;
  } | null;
  if (!snapshot) throw new Error('no snapshot');
  const doc = new DOMParser().parseFromString(snapshot.html, 'text/html');
  // Resolve the page's relative links as Reader View does.
  const base = doc.createElement('base');
  base.href = snapshot.url;
  doc.head.append(base);
  // serializer: the article as a node, moved into this page (no markup string is inserted).
  const article = new Readability(doc, { serializer: (el: Node) => el }).parse() as {
    title?: string | null;
    byline?: string | null;
    content?: Node | null;
  } | null;
  const main = document.getElementById('bench-article') as HTMLElement;
  const h1 = document.createElement('h1');
  h1.textContent = article?.title ?? '';
  const byline = document.createElement('p');
  byline.className = 'byline';
  byline.textContent = article?.byline ?? '';
  main.append(h1, byline);
  if (article?.content) main.append(document.adoptNode(article.content));
  requestAnimationFrame(() =>
    setTimeout(() => {
      document.documentElement.dataset.benchDone = 'true';
    }, 0),
  );
}

open().catch((error: unknown) => {
  document.documentElement.dataset.benchDone = `error: ${String(error)}`;
});
