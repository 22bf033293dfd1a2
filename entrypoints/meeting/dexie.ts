import { parseMeetingRoute } from '@/utils/routes';
import { getDb } from '@/utils/store/db';
import { loadMeetingCategories } from './boot';
import { showMeeting } from './show';

/**
 * The 学习会 page when meeting-boot.js could not read the database raw (first run: it is not there yet; or a
 * migration is pending): Dexie opens it, creating or upgrading it, and the page is shown from its reads.
 */
export async function showWithDexie(): Promise<void> {
  const { speechId } = parseMeetingRoute(location.search);
  const db = getDb();
  const [speech, highlights, note, categories] = await Promise.all([
    db.speeches.get(speechId),
    db.highlights.where('speechId').equals(speechId).toArray(),
    db.notes.get(speechId),
    loadMeetingCategories(),
  ]);
  showMeeting({ speech, highlights, note }, categories);
}
