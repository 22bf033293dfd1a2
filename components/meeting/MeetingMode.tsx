/**
 * 学习会 mode: one section at a time in large type, only highlights and notes; ←/→ (PageUp/PageDown, space)
 * move between sections, a timer counts the meeting, 全屏 asks the browser for full screen, and 打印学习材料
 * prints the pack: every section on a page of its own (MeetingPack, shown only in print).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { formatElapsed, type MeetingSlide, nextSlide } from '@/utils/export/meeting';
import './meeting.css';

export interface MeetingModeProps {
  title: string;
  byline: string;
  slides: MeetingSlide[];
  /** Injected for tests. */
  now?: () => number;
  print?: () => void;
}

function SlideBody({ slide }: { slide: MeetingSlide }) {
  return (
    <>
      <ol>
        {slide.items.map((item) => (
          <li key={item.highlightId} class={`yd-meeting-item yd-cat-${item.category}`}>
            <span class="yd-meeting-label">【{item.label}】</span>
            <span class="yd-meeting-text">{item.text}</span>
            {item.note && <p class="yd-meeting-note">{i18n.t('mtgNote', [item.note])}</p>}
          </li>
        ))}
      </ol>
      {slide.studyNote && <p class="yd-meeting-study">{slide.studyNote}</p>}
    </>
  );
}

/** The printed 学习材料: the title once, then each section on its own page. */
export function MeetingPack({ title, byline, slides }: Omit<MeetingModeProps, 'now' | 'print'>) {
  return (
    <div class="yd-meeting-pack">
      {slides.map((slide, i) => (
        <section key={i} class="yd-meeting-pack-page">
          {i === 0 ? (
            <header class="yd-meeting-pack-head">
              <p class="yd-meeting-pack-title">{title}</p>
              {byline ? <p class="yd-meeting-pack-byline">{byline}</p> : null}
            </header>
          ) : null}
          <h2>{slide.heading}</h2>
          <SlideBody slide={slide} />
        </section>
      ))}
    </div>
  );
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
          <button type="button" class="yd-meeting-print" onClick={() => print()}>
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
      <MeetingPack title={title} byline={byline} slides={slides} />
    </>
  );
}
