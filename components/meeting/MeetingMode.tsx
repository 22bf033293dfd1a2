/**
 * 学习会 mode: one section at a time in large type, only highlights and notes; ←/→ (PageUp/PageDown, space)
 * move between sections, a timer counts the meeting, 全屏 asks the browser for full screen.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatElapsed, type MeetingSlide, nextSlide } from '@/utils/export/meeting';
import './meeting.css';

export interface MeetingModeProps {
  title: string;
  byline: string;
  slides: MeetingSlide[];
  /** Injected for tests. */
  now?: () => number;
}

export function MeetingMode({ title, byline, slides, now = Date.now }: MeetingModeProps) {
  const [index, setIndex] = useState(0);
  const [start] = useState(now);
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setElapsed(now() - start), 1000);
    return () => clearInterval(timer);
  }, [now, start]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const next = nextSlide(index, slides.length, e.key);
      if (next !== index) {
        e.preventDefault();
        setIndex(next);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, slides.length]);
  const slide = slides[index] ?? slides[0];
  if (!slide) return null;
  return (
    <main class="yd-meeting">
      <header class="yd-meeting-bar">
        <span class="yd-meeting-title">{title}</span>
        <span class="yd-meeting-byline">{byline}</span>
        <span class="yd-meeting-timer" role="timer" aria-label="计时">
          {formatElapsed(elapsed)}
        </span>
        <button
          type="button"
          onClick={() => void document.documentElement.requestFullscreen?.().catch(() => {})}
        >
          全屏
        </button>
      </header>
      <section class="yd-meeting-slide" aria-live="polite">
        <h1>{slide.heading}</h1>
        <ol>
          {slide.items.map((item) => (
            <li key={item.highlightId} class={`yd-meeting-item yd-cat-${item.category}`}>
              <span class="yd-meeting-label">【{item.label}】</span>
              <span class="yd-meeting-text">{item.text}</span>
              {item.note && <p class="yd-meeting-note">批注：{item.note}</p>}
            </li>
          ))}
        </ol>
        {slide.studyNote && <p class="yd-meeting-study">{slide.studyNote}</p>}
      </section>
      <footer class="yd-meeting-nav">
        <button type="button" disabled={index === 0} onClick={() => setIndex(index - 1)} aria-label="上一节">
          ←
        </button>
        <span>
          {index + 1} / {slides.length}
        </span>
        <button
          type="button"
          disabled={index >= slides.length - 1}
          onClick={() => setIndex(index + 1)}
          aria-label="下一节"
        >
          →
        </button>
      </footer>
    </main>
  );
}
