/**
 * The reader as its page mounts it, for the component tests of the reader (components/reader/Reader.tsx):
 * the real store opener, default settings, the panel closed. `painted` waits for the reader's own signal that
 * it has read the database and painted (data-yandu-highlights on <html> = the number painted).
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, vi } from 'vitest';
import { Reader, type ReaderProps } from '@/components/reader/Reader';
import { openReaderStore } from '@/entrypoints/reader/store';
import { DEFAULT_READER_SETTINGS } from '@/utils/settings';
import type { OutlineNode, SpeechWithOutline } from '@/utils/types';

/** Renders the reader for `speech` into a new element at the end of the body and returns that element. */
export function mountReader(speech: SpeechWithOutline, props: Partial<ReaderProps> = {}): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => {
    render(
      <Reader
        openStore={openReaderStore}
        speech={speech}
        settings={{ ...DEFAULT_READER_SETTINGS }}
        autoOpen={false}
        {...props}
      />,
      container,
    );
  });
  return container;
}

/** Takes a mounted reader down (its effects clean up) and removes its element. */
export function unmountReader(container: HTMLElement | undefined): void {
  if (!container) return;
  render(null, container);
  container.remove();
}

/** Waits until the reader has painted `count` highlights, then lets Preact flush the render that follows. */
export async function painted(count: number): Promise<void> {
  // The first test of a file also loads (and vitest transforms) the database and highlight modules.
  await vi.waitFor(() => expect(document.documentElement.dataset.yanduHighlights).toBe(String(count)), {
    timeout: 5000,
  });
  await act(async () => {});
}

/** An outline node whose offset is where `marker` stands in paragraph `para`. */
export function outlineNode(
  paragraphs: readonly string[],
  level: OutlineNode['level'],
  marker: string,
  title: string,
  para: number,
): OutlineNode {
  return { level, marker, title, para, offset: (paragraphs[para] as string).indexOf(marker) };
}
