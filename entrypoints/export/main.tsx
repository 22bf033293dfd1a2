import { render } from 'preact';
import { ExportPage } from '@/components/export/ExportPage';
import { TemplatePrintPage } from '@/components/export/TemplatePrintPage';
import { categoryNames } from '@/components/library/LibraryChips';
import { parseExportChoices, studySettings } from '@/utils/export/choices';
import { isTemplateName } from '@/utils/export/templates/names';
import { parseExportRoute } from '@/utils/routes';
import {
  DEFAULT_HIGHLIGHT_CATEGORIES,
  DEFAULT_READER_SETTINGS,
  loadCategorySettings,
  loadReaderSettings,
} from '@/utils/settings';
import { getDb } from '@/utils/store/db';
import { readLocal } from '@/utils/store/local';

/**
 * export.html (its address: utils/routes.ts). Shows the study export of those speeches, or with `template=`
 * a meeting template as printed sheets (the header fields the export dialog remembered); format=print opens
 * the print dialog once it is laid out.
 */
async function main() {
  const route = parseExportRoute(location.search);
  const [settings, categories] = await Promise.all([
    loadReaderSettings().catch(() => ({ ...DEFAULT_READER_SETTINGS })),
    loadCategorySettings().catch(() => DEFAULT_HIGHLIGHT_CATEGORIES),
  ]);
  document.documentElement.dataset.ydTheme = settings.theme;
  const app = document.getElementById('app') as HTMLElement;
  const speechIds = [...route.speechIds];
  if (isTemplateName(route.template)) {
    render(
      <TemplatePrintPage
        db={getDb()}
        speechIds={speechIds}
        template={route.template}
        settings={studySettings(parseExportChoices(readLocal('exportChoices')))}
        categoryNames={categoryNames(categories)}
        autoPrint={route.format === 'print'}
        theme={settings.theme}
      />,
      app,
    );
    return;
  }
  render(
    <ExportPage
      db={getDb()}
      speechIds={speechIds}
      includeTasks={route.includeTasks}
      autoPrint={route.format === 'print'}
      theme={settings.theme}
      categoryNames={categoryNames(categories)}
    />,
    app,
  );
}

void main();
