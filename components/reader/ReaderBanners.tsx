import { useState } from 'preact/hooks';
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
}

/** The notices above the text: archived copy, copy not saved, live page gone or moved, text changed. */
export function ReaderBanners({
  url,
  version,
  copyError,
  liveNotice,
  change,
  placements,
}: ReaderBannersProps) {
  const [changeSeen, setChangeSeen] = useState(false);
  const [copyErrorSeen, setCopyErrorSeen] = useState<string | null>(null);
  return (
    <>
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
