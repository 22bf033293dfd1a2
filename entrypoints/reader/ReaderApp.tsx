import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { Reader } from '@/components/reader/Reader';
import { useSyncedSettings } from '@/hooks/use-synced-settings';
import type { StartupSettings } from '@/utils/settings';
import type { SpeechWithOutline } from '@/utils/types';
import { checkLive, type LiveOutcome, storeFresh } from './live';
import type { Loaded } from './load';
import { openReaderStore } from './store';

export interface ReaderAppProps {
  url: string;
  loaded: Exclude<Loaded, { empty: true }>;
  startup: StartupSettings;
  /** The whole text is in the page. */
  onTextComplete: () => void;
  /** The whole text is on screen (data-yandu-ready): settings are followed and the live page looked at then. */
  ready: Promise<void>;
}

/**
 * The reader page: the speech shown (replaced when the live page turns out to have changed), what is said
 * about it, and the settings. The text is stored, or the live page looked at, once it is all on screen.
 */
export function ReaderApp({ url, loaded, startup, onTextComplete, ready }: ReaderAppProps) {
  const [speech, setSpeech] = useState<SpeechWithOutline>(loaded.speech);
  const [change, setChange] = useState<{ changedAt: number; previousHash?: string }>();
  const [copyError, setCopyError] = useState<string>();
  /** The page at the speech's address is no longer that speech: the stored copy stays, and this says why. */
  const [liveNotice, setLiveNotice] = useState<string>();
  const settings = useSyncedSettings(startup);
  const archived = loaded.archived;

  useLayoutEffect(() => {
    if (speech.title) document.title = speech.title;
  }, [speech]);

  useEffect(() => {
    let live = true;
    let stop: (() => void) | undefined;
    const apply = (outcome: LiveOutcome) => {
      if (!live) return;
      const root = document.documentElement.dataset;
      if ('kept' in outcome) {
        setLiveNotice(outcome.notice);
        setSpeech(outcome.kept);
        root.yanduLiveKept = outcome.reason;
      } else if ('change' in outcome) {
        setChange(outcome.change);
        if (outcome.speech) setSpeech(outcome.speech);
        root.yanduChanged = outcome.change.previousHash ?? 'true';
      } else setCopyError(outcome.copyError);
    };
    void ready.then(() => {
      if (!live) return;
      stop = settings.follow();
      if (archived !== undefined) return;
      if (loaded.fresh) storeFresh(url, loaded.speech, loaded.page, apply);
      else checkLive(url, loaded.speech, apply);
    });
    return () => {
      live = false;
      stop?.();
    };
  }, []);

  return (
    <Reader
      // A new text is a new reader: painting and positions start again on it.
      key={speech.contentHash}
      speech={speech}
      settings={settings.settings}
      autoOpen={settings.autoOpen}
      categories={settings.categories}
      change={change}
      copyError={copyError}
      liveNotice={liveNotice}
      version={archived !== undefined ? { archived } : undefined}
      onSettingsChange={settings.onSettingsChange}
      onAutoOpenChange={settings.onAutoOpenChange}
      onCategoryChange={settings.onCategoryChange}
      onTextComplete={onTextComplete}
      openStore={openReaderStore}
    />
  );
}
