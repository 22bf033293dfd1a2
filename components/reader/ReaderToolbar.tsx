import { i18n } from '#i18n';
import type { Popover } from '@/hooks/use-popover';
import type { SideColumnState } from '@/hooks/use-side-column';
import { exportHref } from '@/utils/routes';
import { ExportIcon, LibraryIcon, NotesIcon, OutlineIcon, PrintIcon } from '../shared/Icons';

export interface ReaderToolbarProps {
  side: SideColumnState;
  hasOutline: boolean;
  settings: Popover;
  /** The speech's database id ('' until the database code has loaded: the export link waits for it). */
  speechId: string;
}

/** The reader's toolbar: 提纲 (narrow windows), 批注, 阅读设置, 资料库, 导出笔记, 打印. */
export function ReaderToolbar({ side, hasOutline, settings, speechId }: ReaderToolbarProps) {
  const { narrow, drawerOpen, tab } = side;
  return (
    <div class="yd-toolbar">
      {hasOutline && narrow ? (
        <button
          type="button"
          ref={side.outlineButton}
          class="yd-icon-button yd-outline-button"
          aria-label={i18n.t('readerOutlineShow')}
          title={i18n.t('readerOutlineShow')}
          aria-expanded={drawerOpen && tab === 'outline'}
          aria-controls="yd-outline"
          onClick={side.toggleOutline}
        >
          <OutlineIcon />
        </button>
      ) : null}
      <button
        type="button"
        ref={side.notesButton}
        class="yd-icon-button yd-notes-button"
        aria-label={i18n.t('notesShow')}
        title={i18n.t('notesShow')}
        aria-expanded={narrow ? drawerOpen && tab === 'notes' : side.hasSide && tab === 'notes'}
        aria-controls="yd-notes"
        onClick={side.toggleNotes}
      >
        <NotesIcon />
      </button>
      <button
        type="button"
        ref={settings.button}
        class="yd-icon-button yd-settings-button"
        aria-label={i18n.t('readerSettings')}
        title={i18n.t('readerSettings')}
        aria-expanded={settings.open}
        aria-controls="yd-settings"
        onClick={settings.toggle}
      >
        <span class="yd-aa" aria-hidden="true">
          Aa
        </span>
      </button>
      <a
        class="yd-icon-button yd-library-link"
        href="library.html"
        target="_blank"
        rel="noopener"
        aria-label={i18n.t('readerLibrary')}
        title={i18n.t('readerLibrary')}
      >
        <LibraryIcon />
      </a>
      <a
        class="yd-icon-button yd-export-link"
        href={speechId ? exportHref({ speechIds: [speechId] }) : undefined}
        aria-disabled={speechId ? undefined : 'true'}
        target="_blank"
        rel="noopener"
        aria-label={i18n.t('readerExportNotes')}
        title={i18n.t('readerExportNotes')}
      >
        <ExportIcon />
      </a>
      <button
        type="button"
        class="yd-icon-button yd-print-button"
        aria-label={i18n.t('readerPrint')}
        title={i18n.t('readerPrint')}
        onClick={() => window.print()}
      >
        <PrintIcon />
      </button>
    </div>
  );
}
