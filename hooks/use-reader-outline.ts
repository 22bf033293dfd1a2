import type { RefObject } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { speechIdFromUrl } from '@/utils/store/ids';
import type { OpenReaderStore, ReaderStore } from '@/utils/store/reader-store';
import type { OutlineEdit, SpeechRecord, SpeechWithOutline, TextSelector } from '@/utils/types';
import { type OutlineEditing, useOutlineEdits } from './use-outline-edits';

type HighlightUi = typeof import('@/components/highlights/highlight-ui');

/**
 * The reader's outline: the engine's, with the user's stored corrections applied and editable. The
 * database (and the selection code, a chunk the highlights load anyway) arrive after the whole text is on
 * screen; until then the automatic outline (or the corrected one of a stored copy) is shown.
 */
export function useReaderOutline(
  speech: SpeechWithOutline & Partial<Pick<SpeechRecord, 'autoOutline' | 'outlineEdits'>>,
  articleRef: RefObject<HTMLElement | null>,
  openStore: OpenReaderStore | undefined,
  ready: boolean,
): {
  edit: OutlineEditing | undefined;
  outline: SpeechWithOutline['outline'];
  selection: () => TextSelector | null;
} {
  const [stored, setStored] = useState<OutlineEdit[] | undefined>(speech.outlineEdits);
  const store = useRef<ReaderStore | null>(null);
  const ui = useRef<HighlightUi | null>(null);
  const [live, setLive] = useState(false);
  const speechId = speechIdFromUrl(speech.url);

  useEffect(() => {
    if (!ready || !openStore) return;
    let cancelled = false;
    let stop: (() => void) | undefined;
    Promise.all([openStore(), import('@/components/highlights/highlight-ui')])
      .then(([s, module]) => {
        if (cancelled) return;
        store.current = s;
        ui.current = module;
        stop = s.watchOutlineEdits(speechId, setStored);
        setLive(true);
      })
      .catch((e: unknown) => console.warn('[yandu] outline edits unavailable', e));
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [ready, openStore, speechId]);

  const automatic = speech.autoOutline ?? speech.outline;
  const edit = useOutlineEdits(automatic, speech.paragraphs, stored, (edits) => {
    store.current
      ?.saveOutlineEdits(speechId, edits)
      .catch((e: unknown) => console.warn('[yandu] outline edits not saved', e));
  });
  const selection = useCallback((): TextSelector | null => {
    const selected = globalThis.getSelection?.();
    const root = articleRef.current;
    if (!selected?.rangeCount || !root || !ui.current) return null;
    return ui.current.selectorFromRange(selected.getRangeAt(0), root, speech.paragraphs);
  }, [articleRef, speech.paragraphs]);
  return { edit: live ? edit : undefined, outline: edit.outline, selection };
}
