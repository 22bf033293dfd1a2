import { i18n } from '#i18n';
import type { OutlineEditing } from '@/hooks/use-outline-edits';
import type { SideColumnState } from '@/hooks/use-side-column';
import type { HighlightCategorySettings } from '@/utils/settings';
import type { OutlineNode, TextSelector } from '@/utils/types';
import type { HighlightState } from '../highlights/HighlightLayer';
import type { NotesPanelProps } from '../highlights/NotesPanel';
import { OutlinePanel } from './OutlinePanel';

export interface SideColumnProps {
  side: SideColumnState;
  outline: readonly OutlineNode[];
  edit?: OutlineEditing;
  selection: () => TextSelector | null;
  /** Section being read and reading progress, for the outline. */
  current: number;
  progress: number;
  onSection: (index: number) => void;
  highlights: HighlightState;
  categories: HighlightCategorySettings;
  /** The speech shown (its address, and the source of a copied quote). */
  speech: NotesPanelProps['speech'];
  /** For 在旧版本中查看 next to highlights that could not be placed. */
  previousHash?: string;
}

/** 提纲 / 批注 tabs, shown when the column holds both. */
function SideTabs({ side, count }: { side: SideColumnState; count: number }) {
  return (
    <div class="yd-side-tabs" role="tablist" aria-label={i18n.t('sideTabs')}>
      {(['outline', 'notes'] as const).map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          class={`yd-side-tab yd-side-tab-${name}`}
          aria-selected={side.tab === name}
          aria-controls={name === 'outline' ? 'yd-outline' : 'yd-notes'}
          onClick={() => side.setTab(name)}
        >
          {i18n.t(name === 'outline' ? 'sideTabOutline' : 'sideTabNotes')}
          {name === 'notes' && count > 0 ? <span class="yd-side-count">{count}</span> : null}
        </button>
      ))}
    </div>
  );
}

/**
 * The side column: the outline or the notes (the notes column arrives with the highlight code, after the
 * first paint); on a narrow window a drawer with a backdrop.
 */
export function SideColumn(props: SideColumnProps) {
  const { side, outline, highlights: hl } = props;
  const { narrow, drawerOpen, tab } = side;
  const hasOutline = outline.length > 0;
  const tabs = hasOutline ? <SideTabs side={side} count={hl.placements?.length ?? 0} /> : undefined;
  const drawerClass = drawerOpen ? 'is-open' : undefined;
  const onClose = narrow ? () => side.closeDrawer(true) : undefined;
  return (
    <>
      {hasOutline && tab === 'outline' ? (
        <OutlinePanel
          id="yd-outline"
          class={drawerClass}
          outline={outline}
          edit={props.edit}
          selection={props.selection}
          current={props.current}
          progress={props.progress}
          onSelect={props.onSection}
          onClose={onClose}
          inert={narrow && !drawerOpen}
          tabs={tabs}
        />
      ) : null}
      {hl.ui && tab === 'notes' && (side.hasSide || narrow) ? (
        <hl.ui.NotesPanel
          id="yd-notes"
          class={drawerClass}
          outline={outline}
          placements={hl.placements ?? []}
          categories={props.categories}
          drafts={hl.draftIds}
          onSelect={(id) => {
            side.leaveDrawer();
            hl.goTo(id);
          }}
          speech={props.speech}
          previousHash={props.previousHash}
          tabs={tabs}
          onClose={onClose}
          inert={narrow && !drawerOpen}
          studyNote={
            hl.drafts && hl.draftId ? (
              <hl.ui.StudyNote
                note={hl.studyNote}
                drafts={hl.drafts}
                draftOwner={hl.draftId}
                readOnly={!hl.saveStudyNote}
                onSave={hl.saveStudyNote ?? (async () => ({ kind: 'saved' }))}
              />
            ) : null
          }
        />
      ) : null}
      {narrow && drawerOpen ? (
        <div class="yd-backdrop" aria-hidden="true" onClick={() => side.closeDrawer(false)} />
      ) : null}
    </>
  );
}
