import { render } from 'preact';
import { i18n } from '#i18n';
import { MeetingMode } from '@/components/meeting/MeetingMode';
import { categoryNames, type HighlightCategorySettings } from '@/utils/categories';
import { meetingSlides } from '@/utils/export/meeting';
import { byline, speechTitle } from '@/utils/export/templates/common';
import type { SpeechRecords } from '@/utils/store/raw-read';

/** The speech's slides in #app (or the not-found line), and the marks the bench and the e2e tests wait for. */
export function showMeeting(
  { speech, highlights, note }: SpeechRecords,
  categories: HighlightCategorySettings,
): void {
  performance.mark('yandu:meeting-read');
  const app = document.getElementById('app') as HTMLElement;
  if (!speech) {
    app.textContent = i18n.t('mtgNotFound');
    return;
  }
  document.title = `${speechTitle(speech)} · 学习会`;
  render(
    <MeetingMode
      title={speechTitle(speech)}
      byline={byline(speech)}
      slides={meetingSlides(speech, highlights, note, categoryNames(categories))}
    />,
    app,
  );
  // For the 学习会 bench and the e2e tests: the first slide is on the page.
  performance.mark('yandu:meeting-rendered');
  document.documentElement.dataset.yanduMeetingReady = 'true';
}
