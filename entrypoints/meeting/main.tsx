import { render } from 'preact';
import { i18n } from '#i18n';
import { categoryNames } from '@/components/library/LibraryChips';
import { MeetingMode } from '@/components/meeting/MeetingMode';
import { meetingSlides } from '@/utils/export/meeting';
import { byline, speechTitle } from '@/utils/export/templates/common';
import { parseMeetingRoute } from '@/utils/routes';
import { DEFAULT_HIGHLIGHT_CATEGORIES, loadCategorySettings } from '@/utils/settings';
import { getDb } from '@/utils/store/db';

/** meeting.html?speech=<id> (utils/routes.ts): the speech's highlights and notes, section by section. */
async function main() {
  // For the 学习会 bench: where the time before the first slide goes (scripts, reads, render).
  performance.mark('yandu:meeting-start');
  const { speechId: id } = parseMeetingRoute(location.search);
  const db = getDb();
  const [speech, highlights, note, categories] = await Promise.all([
    db.speeches.get(id),
    db.highlights.where('speechId').equals(id).toArray(),
    db.notes.get(id),
    loadCategorySettings().catch(() => DEFAULT_HIGHLIGHT_CATEGORIES),
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
