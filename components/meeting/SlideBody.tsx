import { i18n } from '#i18n';
import type { MeetingSlide } from '@/utils/export/meeting';

/** One section's highlights (label, text, note) and, on the last slide, the 学习心得: on screen and in print. */
export function SlideBody({ slide }: { slide: MeetingSlide }) {
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
