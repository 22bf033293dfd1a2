import { i18n } from '#i18n';
import { compilationHref } from '@/utils/routes';
import type { ReaderTheme } from '@/utils/settings';
import { later } from '../shared/later';
import { LibraryNotices } from './LibraryNotices';
import { LibraryOverlays } from './LibraryOverlays';
import { useLibrary } from './LibraryStore';
import { SpeechesPanel } from './SpeechesPanel';

// Not in the first frame (they wait for the database): their code loads when they are first shown.
const BackupPanel = later(() => import('./BackupPanel').then((m) => m.BackupPanel));
const TaskList = later(() => import('./TaskList').then((m) => m.TaskList));

/** The page's layout: the header with its tabs, the way to the 专题汇编 and the backup, the notices, the open tab, the overlays. */
export function LibraryFrame({ theme }: { theme: ReaderTheme }) {
  const { state, db, reload, showTab } = useLibrary();
  const { tab, data } = state;
  return (
    <div class={`yd-lib yd-theme-${theme}`}>
      <header class="yd-lib-header">
        <h1 class="yd-lib-heading">{i18n.t('libTitle')}</h1>
        <div class="yd-tabs" role="tablist" aria-label={i18n.t('libTitle')}>
          {(['speeches', 'tasks'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={`yd-tab-${t}`}
              aria-selected={tab === t}
              aria-controls={`yd-panel-${t}`}
              class="yd-tab"
              onClick={() => showTab(t)}
            >
              {t === 'speeches' ? i18n.t('libTabSpeeches') : i18n.t('libTabTasks')}
            </button>
          ))}
        </div>
        {/* Highlights gathered across speeches: a page of its own, beside the two lists. */}
        <a class="yd-tab yd-lib-compilation" href={compilationHref()} data-link="compilation">
          {i18n.t('libCompilation')}
        </a>
        {db ? <BackupPanel db={db} onRestored={reload} /> : null}
      </header>
      <LibraryNotices />
      {tab === 'speeches' ? (
        <SpeechesPanel />
      ) : (
        <section id="yd-panel-tasks" role="tabpanel" aria-labelledby="yd-tab-tasks" class="yd-lib-panel">
          {data && db ? <TaskList db={db} speeches={data.speeches} /> : <p>{i18n.t('libLoading')}</p>}
        </section>
      )}
      <LibraryOverlays />
    </div>
  );
}
