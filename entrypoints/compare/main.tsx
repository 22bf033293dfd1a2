import { render } from 'preact';
import { ComparePage } from '@/components/compare/ComparePage';
import { DEFAULT_READER_SETTINGS, loadReaderSettings } from '@/utils/settings';
import { getDb } from '@/utils/store/db';

/**
 * compare.html?old=<speech id>&new=<speech id> (utils/compare/rows.ts comparePageUrl builds it): the two
 * speeches from the library side by side, what is new, dropped, reworded, moved and re-numbered.
 */
performance.mark('yandu:compare-start');

async function main() {
  const params = new URLSearchParams(location.search);
  const settings = await loadReaderSettings().catch(() => ({ ...DEFAULT_READER_SETTINGS }));
  document.documentElement.dataset.ydTheme = settings.theme;
  render(
    <ComparePage db={getDb()} oldId={params.get('old')} newId={params.get('new')} />,
    document.getElementById('app') as HTMLElement,
  );
}

void main();
