/**
 * 学习会 mode: one section at a time in large type, only highlights and notes; ←/→ (PageUp/PageDown, space)
 * move between sections, a timer counts the meeting, 全屏 asks the browser for full screen, and 打印学习材料
 * prints the pack: every section on a page of its own (MeetingPack.tsx, shown only in print).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { formatElapsed, type MeetingSlide, nextSlide } from '@/utils/export/meeting';
import { SlideBody } from './SlideBody';

export interface MeetingModeProps {
  title: string;
  byline: string;
  slides: MeetingSlide[];
  /** Injected for tests. */
  now?: () => number;
  print?: () => void;
}

type Pack = typeof import('./MeetingPack')['MeetingPack'];

/**
 * `run` once the page's first contentful paint has been presented (a task after the browser reports it), or,
 * where paints are not reported, a task after the next frame: work started straight after the first frame
 * runs beside its raster, on machines with few cores. Returns a cancel function.
 */
function afterFirstPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    timer = setTimeout(run, 0);
  };
  if (
    typeof PerformanceObserver !== 'undefined' &&
    PerformanceObserver.supportedEntryTypes?.includes('paint')
  ) {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      later();
    });
    // buffered: the paint may have been reported before this component mounted.
    observer.observe({ type: 'paint', buffered: true });
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }
  const frame = requestAnimationFrame(later);
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * The print pack, loaded and rendered once the first slide is on the screen (afterFirstPaint): the page
 * opens on one slide, and building every section first would keep it from the screen. 打印学习材料 pressed
 * before the pack is there prints once it is in the document.
 */
function usePack(print: () => void): { Pack: Pack | null; printPack: () => void } {
  const [Pack, setPack] = useState<Pack | null>(null);
  const [printWanted, setPrintWanted] = useState(false);
  const loading = useRef<Promise<void> | null>(null);
  const load = useCallback(() => {
    loading.current ??= import('./MeetingPack').then((m) => setPack(() => m.MeetingPack));
  }, []);
  useEffect(() => afterFirstPaint(load), [load]);
  useEffect(() => {
    if (!printWanted || !Pack) return;
    setPrintWanted(false);
    print();
  }, [printWanted, Pack, print]);
  const printPack = () => {
    if (Pack) return print();
    load();
    setPrintWanted(true);
  };
  return { Pack, printPack };
}

export function MeetingMode({
  title,
  byline,
  slides,
  now = Date.now,
  print = () => window.print(),
}: MeetingModeProps) {
  const [index, setIndex] = useState(0);
  const [start] = useState(now);
  const [elapsed, setElapsed] = useState(0);
  const { Pack, printPack } = usePack(print);
  useEffect(() => {
    const timer = setInterval(() => setElapsed(now() - start), 1000);
    return () => clearInterval(timer);
  }, [now, start]);
  // The slide shown, for the key handler: two presses before the next render must move two slides (the
  // state in a closure would still hold the first one's start).
  const shown = useRef(index);
  shown.current = index;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const next = nextSlide(shown.current, slides.length, e.key);
      if (next !== shown.current) {
        e.preventDefault();
        shown.current = next;
        setIndex(next);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [slides.length]);
  const slide = slides[index] ?? slides[0];
  if (!slide) return null;
  return (
    <>
      <main class="yd-meeting">
        <header class="yd-meeting-bar">
          <span class="yd-meeting-title">{title}</span>
          <span class="yd-meeting-byline">{byline}</span>
          <span class="yd-meeting-timer" role="timer" aria-label={i18n.t('mtgTimer')}>
            {formatElapsed(elapsed)}
          </span>
          <button type="button" class="yd-meeting-print" onClick={printPack}>
            {i18n.t('mtgPrint')}
          </button>
          <button
            type="button"
            onClick={() => void document.documentElement.requestFullscreen?.().catch(() => {})}
          >
            {i18n.t('mtgFullscreen')}
          </button>
        </header>
        <section class="yd-meeting-slide" aria-live="polite">
          <h1>{slide.heading}</h1>
          <SlideBody slide={slide} />
        </section>
        <footer class="yd-meeting-nav">
          <button
            type="button"
            disabled={index === 0}
            onClick={() => setIndex(index - 1)}
            aria-label={i18n.t('mtgPrev')}
          >
            ←
          </button>
          <span aria-hidden="true">
            {index + 1} / {slides.length}
          </span>
          <span class="yd-meeting-sr">
            {i18n.t('mtgPosition', [String(index + 1), String(slides.length)])}
          </span>
          <button
            type="button"
            disabled={index >= slides.length - 1}
            onClick={() => setIndex(index + 1)}
            aria-label={i18n.t('mtgNext')}
          >
            →
          </button>
        </footer>
      </main>
      {Pack ? <Pack title={title} byline={byline} slides={slides} /> : null}
    </>
  );
}
