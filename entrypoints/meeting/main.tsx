import { render } from 'preact';
import { i18n } from '#i18n';
import { MeetingMode } from '@/components/meeting/MeetingMode';
import { categoryNames } from '@/utils/categories';
import { meetingSlides } from '@/utils/export/meeting';
import { byline, speechTitle } from '@/utils/export/templates/common';
import { parseMeetingRoute } from '@/utils/routes';
import { loadMeetingCategories, loadMeetingRecords } from './load';

/** meeting.html?speech=<id> (utils/routes.ts): the speech's highlights and notes, section by section. */
async function main() {
  // For the 学习会 bench: where the time before the first slide goes (scripts, reads, render).
  performance.mark('yandu:meeting-start');
  const { speechId: id } = parseMeetingRoute(location.search);
  const [{ speech, highlights, note }, categories] = await Promise.all([
    loadMeetingRecords(id),
    loadMeetingCategories(),
  ]);
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

void main();
