import type { MeetingSlide } from '@/utils/export/meeting';
import { SlideBody } from './SlideBody';

export interface MeetingPackProps {
  title: string;
  byline: string;
  slides: MeetingSlide[];
}

/**
 * The printed 学习材料: the title once, then each section on its own page (hidden on screen, meeting.css).
 * Loaded and rendered after the first slide is painted (MeetingMode): every section of the speech is far
 * more to build than the one slide the page opens on.
 */
export function MeetingPack({ title, byline, slides }: MeetingPackProps) {
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
