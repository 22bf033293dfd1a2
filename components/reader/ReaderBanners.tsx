import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { DeletedSpeech } from '@/hooks/use-deleted-speech';
import type { Placement } from '@/utils/anchoring/placement';
import { ChangeBanner, CopyNotSavedBanner, LiveNoticeBanner, VersionBanner } from './ChangeBanner';

export interface ReaderBannersProps {
  url: string;
  /** Showing an archived copy (read-only). */
  version?: { archived: number };
  /** Why the offline copy could not be stored (shown until dismissed; a new message shows again). */
  copyError?: string;
  /** The page at the speech's address is no longer the speech: the stored copy is shown. */
  liveNotice?: string;
  /** The page's text changed when it was opened this time (原文已更新), until dismissed. */
  change?: { changedAt: number; previousHash?: string };
  placements: Placement[] | null;
  /** Deleted in the library while this reader is open (hooks/use-deleted-speech.ts). */
  deleted?: Pick<DeletedSpeech, 'deleted' | 'restored' | 'restore'>;
}

/** 此讲话已在资料库中删除, with 恢复; after a restore, a short confirmation until dismissed. */
function DeletedBanner({ deleted }: { deleted: NonNullable<ReaderBannersProps['deleted']> }) {
  const [seen, setSeen] = useState(false);
  if (deleted.deleted) {
    return (
      <div class="yd-banner yd-deleted-banner" role="alert">
        <strong>{i18n.t('readerDeleted')}</strong>
        <span>{i18n.t('readerDeletedHint')}</span>
        <button type="button" class="yd-banner-action" onClick={() => void deleted.restore()}>
          {i18n.t('readerDeletedRestore')}
        </button>
      </div>
    );
  }
  if (!deleted.restored || seen) return null;
  return (
    <div class="yd-banner yd-restored-banner" role="status">
      <span>{i18n.t('readerRestored')}</span>
      <button type="button" class="yd-banner-dismiss" onClick={() => setSeen(true)}>
        {i18n.t('changeBannerDismiss')}
      </button>
    </div>
  );
}

/** The notices above the text: archived copy, copy not saved, live page gone or moved, text changed. */
export function ReaderBanners({
  url,
  version,
  copyError,
  liveNotice,
  change,
  placements,
  deleted,
}: ReaderBannersProps) {
  const [changeSeen, setChangeSeen] = useState(false);
  const [copyErrorSeen, setCopyErrorSeen] = useState<string | null>(null);
  return (
    <>
      {deleted ? <DeletedBanner deleted={deleted} /> : null}
      {version ? <VersionBanner url={url} archived={version.archived} /> : null}
      {copyError && copyErrorSeen !== copyError ? (
        <CopyNotSavedBanner message={copyError} onDismiss={() => setCopyErrorSeen(copyError)} />
      ) : null}
      {liveNotice ? <LiveNoticeBanner message={liveNotice} /> : null}
      {change && !changeSeen ? (
        <ChangeBanner
          url={url}
          changedAt={change.changedAt}
          previousHash={change.previousHash}
          placements={placements ?? undefined}
          onDismiss={() => setChangeSeen(true)}
        />
      ) : null}
    </>
  );
}
