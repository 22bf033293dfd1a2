import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MeetingMode } from '@/components/meeting/MeetingMode';
import { formatElapsed, meetingSlides, nextSlide } from '@/utils/export/meeting';
import { EXPORT_CATEGORY_NAMES } from '@/utils/export/run';
import { parseBackup } from '@/utils/store/backup';

function firstSpeech() {
  const parsed = parseBackup(readFileSync('tests/fixtures/export/library-backup.json', 'utf8'));
  if (!parsed.ok) throw new Error(parsed.reason);
  const { speeches, highlights, notes } = parsed.backup;
  const speech = speeches[0] as NonNullable<(typeof speeches)[0]>;
  return { speech, highlights, note: notes.find((n) => n.speechId === speech.id) };
}

describe('学习会 slides', () => {
  it('shows only sections with highlights, in reading order, and the 学习心得 last', () => {
    const { speech, highlights, note } = firstSpeech();
    const slides = meetingSlides(speech, highlights, note, EXPORT_CATEGORY_NAMES);
    expect(
      slides.map((s) => [
        s.heading,
        s.items.map((i) => `【${i.label}】${i.text}${i.note ? `｜${i.note}` : ''}`),
      ]),
    ).toEqual([
      ['开头', ['【重要论述】回顾去年工作，安排今年重点｜会议的两项议程。']],
      ['（一）健全帮扶机制', ['【重点任务】完成困难职工档案动态更新｜由帮扶中心牵头，每季度通报。']],
      ['（二）扩大普惠服务', ['【数据】新增职工驿站25个']],
      ['二、突出重点领域，推动服务提质增效', ['【重点任务】完成新就业形态劳动者入会集中行动']],
      ['三、强化组织保障，确保各项任务落地', ['【疑问】上半年开展一次专项督查｜督查由哪个部门牵头？']],
      ['结束语', ['【重要论述】把各项工作抓紧抓实']],
      ['学习心得', []],
    ]);
    expect(slides.at(-1)?.studyNote).toContain('我单位要从帮扶、普惠、督查三处着手。');
  });

  it('moves with ←/→ and stops at the ends; formats the timer', () => {
    expect(nextSlide(0, 3, 'ArrowRight')).toBe(1);
    expect(nextSlide(2, 3, 'ArrowRight')).toBe(2);
    expect(nextSlide(0, 3, 'ArrowLeft')).toBe(0);
    expect(nextSlide(2, 3, 'Home')).toBe(0);
    expect(nextSlide(1, 3, 'a')).toBe(1);
    expect(formatElapsed(65_000)).toBe('1:05');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
  });
});

describe('学习会 page', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('steps through sections with the arrow keys and counts time', async () => {
    vi.useFakeTimers();
    const { speech, highlights, note } = firstSpeech();
    const slides = meetingSlides(speech, highlights, note, EXPORT_CATEGORY_NAMES);
    const root = document.createElement('div');
    document.body.append(root);
    let t = 0;
    await act(() => render(<MeetingMode title="讲话" byline="李明华" slides={slides} now={() => t} />, root));
    const heading = () => root.querySelector('h1')?.textContent;
    expect(heading()).toBe('开头');
    expect(root.textContent).toContain('会议的两项议程。');
    expect(root.textContent).not.toContain('今天召开全市职工服务工作会议');
    await act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    });
    expect(heading()).toBe('（一）健全帮扶机制');
    await act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft' }));
    });
    expect(heading()).toBe('开头');
    // Two presses before the page renders again move two sections, not one.
    await act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    });
    expect(root.textContent).toContain(`3 / ${slides.length}`);
    await act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft' }));
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft' }));
    });
    await act(() => {
      t = 90_000;
      vi.advanceTimersByTime(1000);
    });
    expect(root.querySelector('[role="timer"]')?.textContent).toBe('1:30');
    expect(root.textContent).toContain(`1 / ${slides.length}`);
  });

  it('opens on the first slide alone; the 学习材料 pack (every section once, in order) follows', async () => {
    const { speech, highlights, note } = firstSpeech();
    const slides = meetingSlides(speech, highlights, note, EXPORT_CATEGORY_NAMES);
    const root = document.createElement('div');
    document.body.append(root);
    const print = vi.fn();
    await act(() => render(<MeetingMode title="讲话" byline="李明华" slides={slides} print={print} />, root));
    // The first render builds what the first frame shows, not every section of the print pack.
    expect(root.querySelector('.yd-meeting-slide h1')?.textContent).toBe('开头');
    expect(root.querySelector('.yd-meeting-pack')).toBeNull();
    const pack = () => [...root.querySelectorAll('.yd-meeting-pack-page h2')].map((h) => h.textContent);
    await vi.waitFor(() => expect(pack()).toEqual(slides.map((s) => s.heading)));
    expect(root.querySelector('.yd-meeting-pack')?.textContent).toContain('督查由哪个部门牵头？');
    await act(() => (root.querySelector('.yd-meeting-print') as HTMLButtonElement).click());
    expect(print).toHaveBeenCalledTimes(1);
    render(null, root);
  });

  it('打印学习材料 pressed before the pack is there prints it once it is in the document', async () => {
    const { speech, highlights, note } = firstSpeech();
    const slides = meetingSlides(speech, highlights, note, EXPORT_CATEGORY_NAMES);
    const root = document.createElement('div');
    document.body.append(root);
    const printed: number[] = [];
    const print = () => printed.push(root.querySelectorAll('.yd-meeting-pack-page').length);
    await act(() => {
      render(<MeetingMode title="讲话" byline="李明华" slides={slides} print={print} />, root);
      (root.querySelector('.yd-meeting-print') as HTMLButtonElement).click();
    });
    await vi.waitFor(() => expect(printed).toEqual([slides.length]));
    render(null, root);
  });
});
