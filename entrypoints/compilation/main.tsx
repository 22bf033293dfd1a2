import { render } from 'preact';
import { CompilationPage } from '@/components/compilation/CompilationPage';
import { categoryNames } from '@/utils/categories';
import { cachedTheme } from '@/utils/reader/startup';
import {
  DEFAULT_HIGHLIGHT_CATEGORIES,
  DEFAULT_READER_SETTINGS,
  loadCategorySettings,
} from '@/utils/settings';
import { getDb } from '@/utils/store/db';

/** compilation.html (utils/routes.ts compilationHref): 专题汇编 across the library, in the reader's theme. */
async function main() {
  const theme = cachedTheme() ?? DEFAULT_READER_SETTINGS.theme;
  document.documentElement.dataset.ydTheme = theme;
  const categories = await loadCategorySettings().catch(() => DEFAULT_HIGHLIGHT_CATEGORIES);
  render(
    <CompilationPage db={getDb()} categoryNames={categoryNames(categories)} theme={theme} />,
    document.getElementById('app') as HTMLElement,
  );
}

void main();
