import { render } from 'preact';
import { ExportPage } from '@/components/export/ExportPage';
import { categoryNames } from '@/components/library/LibraryChips';
import { speechIdsFromParams } from '@/utils/export/run';
import {
  DEFAULT_HIGHLIGHT_CATEGORIES,
  DEFAULT_READER_SETTINGS,
  loadCategorySettings,
  loadReaderSettings,
} from '@/utils/settings';
import { getDb } from '@/utils/store/db';

/**
 * export.html?speech=<id>[&speech=<id>…][&tasks=1][&format=print] (also ?speeches=<id>,<id> from the reader).
 * Shows the study export of those speeches; format=print opens the print dialog once it is laid out.
 */
async function main() {
  const params = new URLSearchParams(location.search);
  const [settings, categories] = await Promise.all([
    loadReaderSettings().catch(() => ({ ...DEFAULT_READER_SETTINGS })),
    loadCategorySettings().catch(() => DEFAULT_HIGHLIGHT_CATEGORIES),
  ]);
  document.documentElement.dataset.ydTheme = settings.theme;
  render(
    <ExportPage
      db={getDb()}
      speechIds={speechIdsFromParams(params)}
      includeTasks={params.get('tasks') === '1'}
      autoPrint={params.get('format') === 'print'}
      theme={settings.theme}
      categoryNames={categoryNames(categories)}
    />,
    document.getElementById('app') as HTMLElement,
  );
}

void main();
