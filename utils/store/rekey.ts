import type { Transaction } from 'dexie';
import type { Draft, Highlight, Note, SpeechRecord, SpeechVersion } from '../types';
import { draftOwner, draftTab, studyNoteDraftId, tabDraftId } from './drafts';
import { speechIdFromUrl } from './ids';
import { versionId } from './versions';

/**
 * Moves records stored under an id that no longer matches their address (ids.ts: ids once dropped the
 * query and the port, so `content.jsp?id=1` and `?id=2` shared one record) to the id the address has now,
 * with everything that hangs on the id: highlights, the 学习心得 and its draft, archived versions. A record
 * whose new id is already taken is left where it is rather than merged into another speech. Runs inside
 * the caller's transaction (a Dexie upgrade).
 */
export async function rekeySpeeches(tx: Transaction): Promise<number> {
  const speeches = tx.table<SpeechRecord, string>('speeches');
  let moved = 0;
  for (const record of await speeches.toArray()) {
    const id = speechIdFromUrl(record.url);
    // Only records keyed by the old rule from their own address: any other mismatch is not ours to fix.
    if (record.id !== legacySpeechId(record.url) || id === record.id || (await speeches.get(id))) continue;
    const old = record.id;
    await speeches.delete(old);
    await speeches.add({ ...record, id });
    await tx.table<Highlight, string>('highlights').where('speechId').equals(old).modify({ speechId: id });
    const notes = tx.table<Note, string>('notes');
    const note = await notes.get(old);
    if (note) {
      await notes.delete(old);
      await notes.put({ ...note, id, speechId: id });
    }
    const versions = tx.table<SpeechVersion, string>('speechVersions');
    for (const version of await versions.where('speechId').equals(old).toArray()) {
      await versions.delete(version.id);
      await versions.put({ ...version, id: versionId(id, version.contentHash), speechId: id });
    }
    const drafts = tx.table<Draft, string>('drafts');
    // The 学习心得's drafts of every tab (drafts.ts) follow it.
    const oldOwner = studyNoteDraftId(old);
    for (const draft of await drafts.where('id').startsWith(oldOwner).toArray()) {
      if (draftOwner(draft.id) !== oldOwner) continue;
      const tab = draftTab(draft.id);
      const owner = studyNoteDraftId(id);
      await drafts.delete(draft.id);
      await drafts.put({ ...draft, id: tab === null ? owner : tabDraftId(owner, tab) });
    }
    moved++;
  }
  return moved;
}

/** The id rule before version 3: host without `www.` and path, nothing else. */
function legacySpeechId(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname.replace(/^www\./, '')}${u.pathname}`;
  } catch {
    return url;
  }
}
