import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReaderProps } from '@/components/reader/Reader';
import { DEFAULT_READER_SETTINGS, type ReaderSettings } from '@/utils/settings';
import { speechIdFromUrl } from '@/utils/store/ids';
import type { OutlineNode, SpeechWithOutline } from '@/utils/types';
import { mountReader, outlineNode, unmountReader } from '../../../support/reader';

// A short speech composed for these tests (not taken from any real speech).
const PARAGRAPHS = [
  '同志们：',
  '今天召开全市职工技能提升工作推进会，主要任务是总结前一阶段工作，部署下一步重点任务。',
  '一、充分认识技能提升工作的重要意义',
  '技能是职工立身之本。近年来，各级工会围绕产业发展需要，组织开展了形式多样的培训和竞赛活动。',
  '二、扎实抓好今年各项重点任务',
  '第一，坚持需求导向，找准培训工作的着力点。培训内容要贴近岗位实际。一要摸清底数，建立职工技能档案；二要对接企业，按需设计课程；三要跟踪问效，及时调整培训安排。',
  '对于<img src=x onerror="alert(1)">这类写法，页面上照原样显示为文字。',
  '最后，我再强调一点：各项工作都要抓在日常、落在实处。',
];

const node = (level: OutlineNode['level'], marker: string, title: string, para: number) =>
  outlineNode(PARAGRAPHS, level, marker, title, para);

const SPEECH: SpeechWithOutline = {
  url: 'http://www.ordoszgh.gov.cn/zlzx/ldjh/202601/t20260115_3000001.html',
  title: '在全市职工技能提升工作推进会上的讲话',
  speaker: '王建华',
  occasion: '全市职工技能提升工作推进会',
  date: '2026-01-15',
  source: '市总工会办公室',
  paragraphs: PARAGRAPHS,
  contentHash: 'test',
  outline: [
    node(1, '一', '充分认识技能提升工作的重要意义', 2),
    node(1, '二', '扎实抓好今年各项重点任务', 4),
    node(2, '第一', '坚持需求导向，找准培训工作的着力点', 5),
    node(3, '一要', '摸清底数，建立职工技能档案', 5),
    node(3, '二要', '对接企业，按需设计课程', 5),
    node(3, '三要', '跟踪问效，及时调整培训安排', 5),
  ],
};

let container: HTMLElement;

function mount(props: Partial<ReaderProps> = {}) {
  container = mountReader(SPEECH, props);
  return container;
}

const $ = <T extends Element = HTMLElement>(selector: string) => container.querySelector<T>(selector);
const para = (i: number) => $(`[data-para="${i}"]`) as HTMLElement;

afterEach(() => {
  unmountReader(container);
  vi.restoreAllMocks();
  // Jumps in one test must not leave the next one's page scrolled, nor a stored reading position.
  window.scrollTo(0, 0);
  localStorage.clear();
});

describe('Reader: title block', () => {
  it('shows the title and a meta line of speaker, occasion, date and source linking to the original', () => {
    mount();
    expect($('h1')?.textContent).toBe('在全市职工技能提升工作推进会上的讲话');
    const parts = [...container.querySelectorAll('.yd-meta-part')].map((p) =>
      p.textContent?.replace('·', '').trim(),
    );
    expect(parts).toEqual(['王建华', '全市职工技能提升工作推进会', '2026年1月15日', '市总工会办公室']);
    const source = $<HTMLAnchorElement>('.yd-meta-source');
    expect(source?.tagName).toBe('A');
    expect(source?.getAttribute('href')).toBe(SPEECH.url);
    expect(source?.getAttribute('rel')).toBe('noreferrer');
    expect($('time')?.getAttribute('datetime')).toBe('2026-01-15');
  });

  it('leaves out what the page did not say, instead of printing "null"', () => {
    mount({ speech: { ...SPEECH, speaker: null, occasion: null, date: null, source: null } });
    const meta = $('.yd-meta');
    expect(meta?.textContent).toBe('原文');
    expect(container.textContent).not.toContain('null');
    expect(container.querySelectorAll('.yd-meta-sep')).toHaveLength(0);
  });

  it('does not link an address that is not a web page', () => {
    mount({ speech: { ...SPEECH, url: 'javascript:alert(1)', speaker: null, occasion: null, date: null } });
    expect($('.yd-meta a')).toBeNull();
    expect($('.yd-meta')?.textContent).toBe('市总工会办公室');
  });
});

describe('Reader: body', () => {
  it('renders every paragraph with its exact text and index', () => {
    mount();
    const rendered = [...container.querySelectorAll<HTMLElement>('[data-para]')];
    expect(rendered.map((el) => Number(el.dataset.para))).toEqual(PARAGRAPHS.map((_, i) => i));
    expect(rendered.map((el) => el.textContent)).toEqual(PARAGRAPHS);
  });

  it('shows page markup as text, never as elements', () => {
    mount();
    expect(container.querySelector('img')).toBeNull();
    expect(para(6).textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it('makes stand-alone level-1 headings heading elements, and the others paragraphs', () => {
    mount();
    expect(para(2).tagName).toBe('H2');
    expect(para(4).tagName).toBe('H2');
    expect(para(3).tagName).toBe('P');
    expect(para(5).tagName).toBe('P');
  });

  it('sets a run-in heading sentence in bold and emphasises inline markers', () => {
    mount();
    const lead = para(5).querySelector('strong');
    expect(lead?.textContent).toBe('第一，坚持需求导向，找准培训工作的着力点。');
    expect(para(5).textContent?.startsWith(lead?.textContent ?? '-')).toBe(true);
    expect([...para(5).querySelectorAll('em.yd-marker')].map((e) => e.textContent)).toEqual([
      '一要',
      '二要',
      '三要',
    ]);
    expect(para(3).querySelector('strong, em')).toBeNull();
  });

  it('reads well without an outline: no panel, no outline button', () => {
    mount({ speech: { ...SPEECH, outline: [] } });
    expect($('nav')).toBeNull();
    expect($('.yd-outline-button')).toBeNull();
    expect($('.yd-reader')?.classList.contains('no-outline')).toBe(true);
    expect(container.querySelectorAll('[data-para]')).toHaveLength(PARAGRAPHS.length);
    expect(para(2).tagName).toBe('P');
  });

  it('has a main landmark and an outline nav', () => {
    mount();
    expect($('main')?.contains(para(0))).toBe(true);
    expect($('nav')?.getAttribute('aria-label')).toBe('提纲');
  });
});

describe('Reader: outline navigation', () => {
  it('scrolls the section paragraph to the top and marks the entry current', () => {
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => {});
    mount();
    const link = [...container.querySelectorAll<HTMLAnchorElement>('.yd-ol-link')].find((a) =>
      a.textContent?.includes('对接企业'),
    ) as HTMLAnchorElement;
    act(() => link.click());
    expect(scroll).toHaveBeenCalledTimes(1);
    expect(scroll.mock.contexts[0]).toBe(para(5));
    expect(scroll.mock.calls[0]?.[0]).toMatchObject({ block: 'start' });
    expect(link.getAttribute('aria-current')).toBe('location');
    expect(document.activeElement).toBe(para(5));
  });
});

describe('Reader: settings', () => {
  function openSettings() {
    const button = $<HTMLButtonElement>('.yd-settings-button') as HTMLButtonElement;
    expect(button.getAttribute('aria-label')).toBe('阅读设置');
    act(() => button.click());
    expect(button.getAttribute('aria-expanded')).toBe('true');
  }
  const choose = (label: string) => {
    const input = [...container.querySelectorAll<HTMLInputElement>('.yd-settings input')].find(
      (i) => i.parentElement?.textContent === label,
    ) as HTMLInputElement;
    act(() => input.click());
  };
  const root = () => $('.yd-reader') as HTMLElement;

  it('starts from the settings it is given', () => {
    mount({ settings: { font: 'kai', size: 4, theme: 'sepia' } });
    expect(root().classList.contains('yd-font-kai')).toBe(true);
    expect(root().classList.contains('yd-theme-sepia')).toBe(true);
    expect(root().style.getPropertyValue('--yd-font-size')).toBe('25px');
  });

  it('applies a new typeface, theme and size at once and hands the whole settings on to be stored', () => {
    const saved: ReaderSettings[] = [];
    mount({ onSettingsChange: (s) => saved.push(s) });
    openSettings();
    choose('夜间');
    expect(root().classList.contains('yd-theme-dark')).toBe(true);
    expect(root().classList.contains('yd-theme-light')).toBe(false);
    expect(document.documentElement.dataset.ydTheme).toBe('dark');
    choose('黑体');
    expect(root().classList.contains('yd-font-hei')).toBe(true);
    act(() => $<HTMLButtonElement>('.yd-size-larger')?.click());
    expect(root().style.getPropertyValue('--yd-font-size')).toBe('22px');
    expect(saved).toEqual([
      { font: 'song', size: 2, theme: 'dark' },
      { font: 'hei', size: 2, theme: 'dark' },
      { font: 'hei', size: 3, theme: 'dark' },
    ]);
  });

  it('stops at the smallest and largest sizes', () => {
    mount({ settings: { ...DEFAULT_READER_SETTINGS, size: 4 } });
    openSettings();
    expect($<HTMLButtonElement>('.yd-size-larger')?.disabled).toBe(true);
    expect($<HTMLButtonElement>('.yd-size-smaller')?.disabled).toBe(false);
  });

  it('switches automatic opening', () => {
    const onAutoOpenChange = vi.fn();
    mount({ onAutoOpenChange });
    openSettings();
    const box = $<HTMLInputElement>('.yd-auto-open input') as HTMLInputElement;
    expect(box.checked).toBe(false);
    act(() => box.click());
    expect(onAutoOpenChange).toHaveBeenCalledWith(true);
  });

  it('closes with Escape and gives focus back to its button', () => {
    mount();
    openSettings();
    act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    });
    expect($('.yd-settings')).toBeNull();
    expect(document.activeElement).toBe($('.yd-settings-button'));
  });
});

describe('Reader: narrow window', () => {
  it('turns the outline into a drawer opened from the toolbar and closed after a jump', async () => {
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => {});
    const happy = (
      window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }
    ).happyDOM;
    happy.setViewport({ width: 600, height: 800 });
    try {
      mount();
      const button = $<HTMLButtonElement>('.yd-outline-button') as HTMLButtonElement;
      expect(button.getAttribute('aria-label')).toBe('显示提纲');
      const nav = $('nav') as HTMLElement;
      expect(nav.hasAttribute('inert')).toBe(true);
      act(() => button.click());
      expect(button.getAttribute('aria-expanded')).toBe('true');
      expect(nav.classList.contains('is-open')).toBe(true);
      expect(nav.hasAttribute('inert')).toBe(false);
      act(() => (nav.querySelector('.yd-ol-link') as HTMLAnchorElement).click());
      expect(nav.classList.contains('is-open')).toBe(false);
      expect(document.activeElement).toBe(para(2));
    } finally {
      happy.setViewport({ width: 1024, height: 768 });
    }
  });
});

describe('Reader: place kept across reloads', () => {
  afterEach(() => {
    history.replaceState(null, '');
    vi.useRealTimers();
  });

  it('remembers the first paragraph on screen in the history entry', () => {
    vi.useFakeTimers();
    // Paragraph i spans [i*100 - 250, i*100 - 150): paragraph 2 is the first still on screen.
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const i = Number((this as HTMLElement).dataset?.para ?? 0);
      return DOMRect.fromRect({ x: 0, y: i * 100 - 250, width: 600, height: 100 });
    });
    mount();
    window.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(1000);
    expect(history.state?.yanduPosition).toEqual({ para: 2, top: -50 });
  });

  it('returns to the remembered paragraph when the page is loaded again', () => {
    history.replaceState({ yanduPosition: { para: 5, top: -30 } }, '');
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => {});
    mount();
    expect(scroll.mock.contexts[0]).toBe(para(5));
  });

  it('keeps the place per speech, and a new tab opening the speech returns there', () => {
    vi.useFakeTimers();
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const i = Number((this as HTMLElement).dataset?.para ?? 0);
      return DOMRect.fromRect({ x: 0, y: i * 100 - 250, width: 600, height: 100 });
    });
    mount();
    window.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(1000);
    unmountReader(container);
    // A new tab: no history entry of its own.
    history.replaceState(null, '');
    vi.restoreAllMocks();
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => {});
    mount();
    expect(scroll.mock.contexts[0]).toBe(para(2));
  });

  it('opens at the passage an address names, not where the speech was left', () => {
    localStorage.setItem(
      'yandu:reading-positions',
      JSON.stringify({ [speechIdFromUrl(SPEECH.url)]: { para: 5, top: 0, progress: 50, at: 1 } }),
    );
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => {});
    history.replaceState(null, '', '#h=some-highlight');
    try {
      mount();
      expect(scroll.mock.contexts).not.toContain(para(5));
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('ignores a position that is not one', () => {
    history.replaceState({ yanduPosition: { para: 'x' } }, '');
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => {});
    mount();
    expect(scroll).not.toHaveBeenCalled();
  });
});

describe('Reader: a long speech', () => {
  // 90 paragraphs (about 11,000 characters, composed), with a section heading every 15 paragraphs.
  const LONG = Array.from({ length: 90 }, (_, i) =>
    i % 15 === 0
      ? `${'一二三四五六'[i / 15]}、第${i / 15 + 1}部分的重点任务`
      : `第${i}段：各级工会要把职工技能提升工作摆在突出位置，`.padEnd(130, '抓实抓细'),
  );
  const LONG_SPEECH: SpeechWithOutline = {
    ...SPEECH,
    paragraphs: LONG,
    contentHash: 'long',
    outline: [0, 1, 2, 3, 4, 5].map((k) => ({
      level: 1 as const,
      marker: '一二三四五六'[k] as string,
      title: `第${k + 1}部分的重点任务`,
      para: k * 15,
      offset: 0,
    })),
  };
  const shownParagraphs = () => container.querySelectorAll('[data-para]').length;
  // The rest follows the first contentful paint, which happy-dom never reports: then at most 100 ms later.
  const restArrived = () =>
    vi.waitFor(() => expect(shownParagraphs()).toBe(LONG.length), { timeout: 2_000, interval: 10 });
  afterEach(() => history.replaceState(null, ''));

  it('paints its first screens at once and the rest of the text just after, then says so', async () => {
    const onTextComplete = vi.fn();
    mount({ speech: LONG_SPEECH, onTextComplete });
    expect(shownParagraphs()).toBeGreaterThan(10);
    expect(shownParagraphs()).toBeLessThan(LONG.length);
    expect(para(0).textContent).toBe(LONG[0]);
    // The outline is whole from the first frame.
    expect(container.querySelectorAll('.yd-ol-link')).toHaveLength(6);
    expect(onTextComplete).not.toHaveBeenCalled();
    await restArrived();
    expect(para(89).textContent).toBe(LONG[89]);
    await vi.waitFor(() => expect(onTextComplete).toHaveBeenCalledTimes(1));
  });

  it('goes to a section that was not in the page yet when its outline entry is clicked', () => {
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => {});
    mount({ speech: LONG_SPEECH });
    expect(container.querySelector('[data-para="75"]')).toBeNull();
    const link = [...container.querySelectorAll<HTMLAnchorElement>('.yd-ol-link')].at(
      -1,
    ) as HTMLAnchorElement;
    act(() => link.click());
    expect(scroll.mock.contexts[0]).toBe(para(75));
    expect(document.activeElement).toBe(para(75));
  });

  it('shows the whole text at once when the page is scrolled already (a new text replacing the one read)', () => {
    vi.spyOn(window, 'scrollY', 'get').mockReturnValue(4_000);
    mount({ speech: LONG_SPEECH });
    expect(shownParagraphs()).toBe(LONG.length);
  });

  it('returns to a remembered place far down without waiting for the rest', () => {
    history.replaceState({ yanduPosition: { para: 80, top: 0 } }, '');
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => {});
    mount({ speech: LONG_SPEECH });
    expect(shownParagraphs()).toBe(LONG.length);
    expect(scroll.mock.contexts[0]).toBe(para(80));
  });

  it('says a short speech is whole at once', async () => {
    const onTextComplete = vi.fn();
    mount({ onTextComplete });
    expect(shownParagraphs()).toBe(PARAGRAPHS.length);
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 5)));
    expect(onTextComplete).toHaveBeenCalledTimes(1);
  });
});
