import { i18n } from '#i18n';
import { webHref } from '@/utils/links';
import type { ReaderTheme } from '@/utils/settings';
import './reader.css';

/** What the reader says when there is no speech to show: calm, with a way back to the original page. */
export function ReaderNotice({ message, url, theme }: { message: string; url: string; theme: ReaderTheme }) {
  const href = webHref(url);
  return (
    <main class={`yd-reader yd-notice yd-theme-${theme}`} aria-live="polite">
      <p>{message}</p>
      {href ? (
        <p>
          <a href={href} rel="noreferrer">
            {i18n.t('readerOriginalTitle')}
          </a>
        </p>
      ) : null}
    </main>
  );
}
