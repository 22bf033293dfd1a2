import { render } from 'preact';
import { ExportPage } from '@/components/export/ExportPage';
import { categoryNames } from '@/components/library/LibraryChips';
import { parseExportRoute } from '@/utils/routes';
import {
  DEFAULT_HIGHLIGHT_CATEGORIES,
  DEFAULT_READER_SETTINGS,
  loadCategorySettings,
  loadReaderSettings,
} from '@/utils/settings';
import { getDb } from '@/utils/store/db';

/**
 * export.html (its address: utils/routes.ts). Shows the study export of those speeches; format=print opens the print dialog once it is laid out.
 */
async function main() {
  const route = parseExportRoute(location.search);
  const [settings, categories] = await Promise.all([
    loadReaderSettings().catch(() => ({ ...DEFAULT_READER_SETTINGS })),
    loadCategorySettings().catch(() => DEFAULT_HIGHLIGHT_CATEGORIES),
  ]);
  document.documentElement.dataset.ydTheme = settings.theme;
  render(
    <ExportPage
      db={getDb()}
      speechIds={[...route.speechIds]}
      includeTasks={route.includeTasks}
      autoPrint={route.format === 'print'}
      theme={settings.theme}
      categoryNames={categoryNames(categories)}
    />,
    document.getElementById('app') as HTMLElement,
  );
}

void main();
