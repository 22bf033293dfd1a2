import { render } from 'preact';
import { categoryNames } from '@/components/library/LibraryChips';
import { MeetingMode } from '@/components/meeting/MeetingMode';
import { meetingSlides } from '@/utils/export/meeting';
import { byline, speechTitle } from '@/utils/export/templates/common';
import { DEFAULT_HIGHLIGHT_CATEGORIES, loadCategorySettings } from '@/utils/settings';
import { getDb } from '@/utils/store/db';

/** meeting.html?speech=<id>: the speech's highlights and notes, section by section, for the 学习会. */
async function main() {
  const id = new URLSearchParams(location.search).get('speech') ?? '';
  const db = getDb();
  const [speech, highlights, note, categories] = await Promise.all([
    db.speeches.get(id),
    db.highlights.where('speechId').equals(id).toArray(),
    db.notes.get(id),
    loadCategorySettings().catch(() => DEFAULT_HIGHLIGHT_CATEGORIES),
  ]);
  const app = document.getElementById('app') as HTMLElement;
  if (!speech) {
    app.textContent = '没有找到这篇讲话（可能已从资料库删除）。';
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
}

void main();
