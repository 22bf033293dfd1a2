import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { Placement } from '@/utils/anchoring/placement';
import { readerHref } from '@/utils/routes';

/** "yyyy年m月d日 hh:mm" in the reader's language. */
export function formatWhen(epochMs: number): string {
  try {
    return new Intl.DateTimeFormat(browser.i18n.getUILanguage(), {
      dateStyle: 'long',
      timeStyle: 'short',
    }).format(new Date(epochMs));
  } catch {
    return new Date(epochMs).toISOString();
  }
}

/** The read-only view of an archived copy, opened at a highlight's passage when one is named. */
export function versionHref(url: string, contentHash: string, highlightId?: string): string {
  return readerHref({ url, version: contentHash, highlightId });
}

export interface ChangeBannerProps {
  url: string;
  changedAt: number;
  previousHash?: string;
  /** The highlights as placed on the new text (undefined until they are loaded). */
  placements?: readonly Placement[];
  onDismiss: () => void;
}

/** 原文已更新: the page's text changed since it was stored; the old copy can still be opened. */
export function ChangeBanner({ url, changedAt, previousHash, placements, onDismiss }: ChangeBannerProps) {
  const placed = placements?.filter((p) => p.selector !== null).length ?? 0;
  const unplaced = (placements?.length ?? 0) - placed;
  return (
    <div class="yd-banner yd-change-banner" role="status">
      <strong>{i18n.t('changeBanner')}</strong>
      <span>{i18n.t('changeBannerWhen', [formatWhen(changedAt)])}</span>
      {placements && placements.length > 0 ? (
        <span class="yd-change-counts">
          {i18n.t('changeBannerPlaced', [String(placed), String(unplaced)])}
        </span>
      ) : null}
      {previousHash ? (
        // Opens where the first highlight that could not be placed on the new text was.
        <a
          href={versionHref(url, previousHash, placements?.find((p) => p.selector === null)?.highlight.id)}
          target="_blank"
          rel="noreferrer"
        >
          {i18n.t('changeBannerOld')}
        </a>
      ) : null}
      <button type="button" class="yd-banner-dismiss" onClick={onDismiss}>
        {i18n.t('changeBannerDismiss')}
      </button>
    </div>
  );
}

/** Shown over an archived copy: it is read-only, and the current text is one click away. */
export function VersionBanner({ url, archived }: { url: string; archived: number }) {
  return (
    <div class="yd-banner yd-version-banner" role="status">
      <span>{i18n.t('versionBanner', [formatWhen(archived)])}</span>
      <a href={readerHref({ url })}>{i18n.t('versionCurrent')}</a>
    </div>
  );
}

/** The offline copy could not be written (a full disk says what to do): the text on screen is not lost. */
export function CopyNotSavedBanner({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div class="yd-banner yd-copy-banner" role="alert">
      <span>{message}</span>
      <button type="button" class="yd-banner-dismiss" onClick={onDismiss}>
        {i18n.t('changeBannerDismiss')}
      </button>
    </div>
  );
}

/** The speech's address now leads elsewhere or says the page is gone: the stored copy is what is shown. */
export function LiveNoticeBanner({ message }: { message: string }) {
  return (
    <div class="yd-banner yd-live-banner" role="status">
      <span>{message}</span>
    </div>
  );
}
