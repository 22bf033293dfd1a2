// The 学习心得 typed in a tab that is closed the instant after the last keystroke (no blur, no 保存, no
// pause): the tab's database writes never land, and the next reader of the speech shows every character.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StudyNote } from '@/components/reader/StudyNote';
import type { DraftStore } from '@/hooks/use-note-draft';
import type { YanduDB } from '@/utils/store/db';
import {
  clearDraft,
  dropDraftCopies,
  keepDraftCopy,
  saveDraft,
  tabDraftId,
  takeDraft,
} from '@/utils/store/drafts';
import { saveStudyNoteOver } from '@/utils/store/notes';
import { freshDbs } from '../../../support/db';
import { memoryStorage } from '../../../support/storage';

const fresh = freshDbs('study-note-closed-tab');
const OWNER = 'studyNote:s';
const containers: HTMLElement[] = [];
afterEach(() => {
  for (const c of containers.splice(0)) {
    render(null, c);
    c.remove();
  }
});

/** The reader's drafts for tab `tab` (as components/highlights/HighlightLayer.tsx builds them). */
function tabDrafts(db: YanduDB, tab: string, store: Storage, open: boolean): DraftStore {
  // A closing tab: what it starts writing never lands.
  const never = new Promise<void>(() => {});
  return {
    load: (owner) => takeDraft(db, owner, tab, (t) => t === tab, Date.now(), store),
    save: (owner, text) => (open ? saveDraft(db, tabDraftId(owner, tab), text) : never),
    clear: (owner) => {
      dropDraftCopies([tabDraftId(owner, tab)], store);
      return clearDraft(db, tabDraftId(owner, tab));
    },
    keep: (owner, text) => keepDraftCopy(tabDraftId(owner, tab), text, store),
  };
}

function mount(db: YanduDB, drafts: DraftStore, open: boolean): HTMLTextAreaElement {
  const container = document.createElement('div');
  document.body.append(container);
  containers.push(container);
  act(() => {
    render(
      <StudyNote
        note={undefined}
        drafts={drafts}
        draftOwner={OWNER}
        onSave={(text, base) => (open ? saveStudyNoteOver(db, 's', text, base) : new Promise(() => {}))}
      />,
      container,
    );
  });
  return container.querySelector('textarea') as HTMLTextAreaElement;
}

describe('学习心得 in a tab closed right after typing', () => {
  it('the next tab shows every character typed', async () => {
    const db = await fresh();
    const store = memoryStorage();
    const closing = mount(db, tabDrafts(db, 'closed', store, false), false);
    const text = '学习要结合实际，逐条对照落实';
    // Key by key, then the tab goes (its page is unloaded: no timer, no promise of it runs again).
    for (let end = 1; end <= text.length; end++) {
      closing.value = text.slice(0, end);
      closing.dispatchEvent(new Event('input', { bubbles: true }));
    }
    const reopened = mount(db, tabDrafts(db, 'next', store, true), true);
    await vi.waitFor(() => expect(reopened.value).toBe(text));
  });
});
