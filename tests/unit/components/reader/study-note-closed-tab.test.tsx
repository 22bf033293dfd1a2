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

  it('a draft left by a page that saved and was left at once is not put back over the note that holds it', async () => {
    const db = await fresh();
    const store = memoryStorage();
    // The note was saved, the page left before its draft row was removed; a restore then merged the
    // backup's 学习心得 into that note.
    const saved = '我的学习心得：要把任务分解到人';
    const merged = `${saved}\n\n（2026年12月3日 恢复的另一份）\n备份里的学习心得`;
    await saveDraft(db, tabDraftId(OWNER, 'left'), saved);
    const container = document.createElement('div');
    document.body.append(container);
    containers.push(container);
    const note = { id: 's', speechId: 's', text: merged, created: 1, updated: 2 };
    act(() => {
      render(
        <StudyNote
          note={note}
          drafts={tabDrafts(db, 'next', store, true)}
          draftOwner={OWNER}
          onSave={(text, base) => saveStudyNoteOver(db, 's', text, base)}
        />,
        container,
      );
    });
    const area = container.querySelector('textarea') as HTMLTextAreaElement;
    // The draft is taken (and dropped), not shown: the box keeps the merged note and nothing is unsaved.
    await vi.waitFor(async () => expect(await db.drafts.count()).toBe(0));
    expect(area.value).toBe(merged);
    expect(container.textContent).not.toContain('未保存');
  });
});
