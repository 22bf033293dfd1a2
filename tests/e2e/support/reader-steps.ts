import type { TabActions } from './session.ts';

// What a user does in the reader and the library, for tests that need more than one of these steps.
// Functions passed to evaluate run inside the tab (serialised): no closures, no named inner functions
// (tsx would wrap them in a `__name` helper the page does not have).

/**
 * Select `exact` in the reader's paragraph `para` (its first occurrence there), as a drag would, and release
 * the mouse (the highlight toolbar appears). False when the text is not in that paragraph.
 */
export function selectText(b: TabActions, para: number, exact: string): Promise<boolean> {
  return b.evaluate(
    async ({ para, exact }) => {
      const p = document.querySelector<HTMLElement>(`.yd-body [data-para="${para}"]`);
      const at = (p?.textContent ?? '').indexOf(exact);
      if (!p || at < 0) return false;
      p.scrollIntoView({ block: 'center' });
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
      const range = document.createRange();
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const end = seen + n.data.length;
        if (at >= seen && at < end) range.setStart(n, at - seen);
        if (at + exact.length > seen && at + exact.length <= end) range.setEnd(n, at + exact.length - seen);
        seen = end;
      }
      const selection = document.getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return range.toString() === exact;
    },
    { para, exact },
  );
}

/**
 * Click in the middle of the second character of `exact` in the reader's text (a painted highlight is no
 * element: the reader hit-tests the point). False when the text is not on the page.
 */
export function clickText(b: TabActions, exact: string): Promise<boolean> {
  return b.evaluate((quote) => {
    const body = document.querySelector('.yd-body') as HTMLElement;
    const at = (body.textContent ?? '').indexOf(quote);
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let n = walker.nextNode() as Text | null; n && at >= 0; n = walker.nextNode() as Text | null) {
      if (at + 1 < seen + n.data.length) {
        const range = document.createRange();
        range.setStart(n, at - seen + 1);
        range.setEnd(n, at - seen + 2);
        const rect = range.getClientRects()[0] as DOMRect;
        const x = rect.left + rect.width / 2;
        const y = rect.top + rect.height / 2;
        const target = document.elementFromPoint(x, y) as Element;
        target.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: x, clientY: y }));
        return true;
      }
      seen += n.data.length;
    }
    return false;
  }, exact);
}

/** Type into a text field the way an input method delivers text (value + input event). */
export function typeInto(b: TabActions, selector: string, value: string): Promise<void> {
  return b.evaluate(
    ({ selector, value }) => {
      const area = document.querySelector(selector) as HTMLTextAreaElement;
      area.focus();
      area.value = value;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    },
    { selector, value },
  );
}

/** One entry of the reader's outline panel as shown: its level (1–3), marker and title. */
export interface ShownOutlineEntry {
  level: number;
  marker: string;
  title: string;
}

/** The entries the outline panel shows, in order (the panel must be open on its 提纲 tab). */
export function shownOutline(b: TabActions): Promise<ShownOutlineEntry[]> {
  return b.evaluate(
    () =>
      [...document.querySelectorAll<HTMLElement>('#yd-outline li[data-outline]')].map((li) => ({
        level: Number(/yd-ol-l(\d)/.exec(li.className)?.[1] ?? 0),
        marker: li.querySelector(':scope > .yd-ol-row .yd-ol-marker')?.textContent ?? '',
        title: li.querySelector(':scope > .yd-ol-row .yd-ol-title')?.textContent ?? '',
      })),
    undefined,
  );
}

/** The notes panel's groups as shown: each section heading with the highlight ids under it. */
export function shownNoteGroups(b: TabActions): Promise<{ heading: string; highlights: string[] }[]> {
  return b.evaluate(
    () =>
      [...document.querySelectorAll('.yd-note-group')].map((group) => ({
        heading: group.querySelector('.yd-note-section')?.textContent ?? '',
        highlights: [...group.querySelectorAll<HTMLElement>('.yd-note-item[data-highlight]')].map(
          (item) => item.dataset.highlight ?? '',
        ),
      })),
    undefined,
  );
}

/** Every highlight record of a speech, read with raw IndexedDB from an extension page. */
export function storedHighlights(b: TabActions, speechId: string): Promise<Record<string, unknown>[]> {
  return b.evaluate(
    (id) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('highlights').objectStore('highlights').index('speechId').getAll(id);
          all.onsuccess = () => {
            db.close();
            resolve(all.result);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    speechId,
  );
}

/**
 * Keep what the page hands to the browser's download (a Blob URL clicked on an `<a download>`) instead of
 * saving it, for `takeDownload`. Call once per page load, before the download starts.
 */
export function captureDownloads(b: TabActions): Promise<void> {
  return b.evaluate(() => {
    const w = window as unknown as { yanduE2eDownloads: { name: string; blob: Blob }[] };
    w.yanduE2eDownloads = [];
    const blobs = new Map<string, Blob>();
    const create = URL.createObjectURL;
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      const url = create.call(URL, obj);
      if (obj instanceof Blob) blobs.set(url, obj);
      return url;
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const blob = blobs.get(this.href);
      if (blob && this.download) w.yanduE2eDownloads.push({ name: this.download, blob });
    };
  }, undefined);
}

/** The `index`-th captured download (the first by default): its file name, MIME type and bytes. */
export async function takeDownload(
  b: TabActions,
  index = 0,
): Promise<{ name: string; type: string; bytes: Uint8Array }> {
  const file = await b.waitFor(
    async (i) => {
      const w = window as unknown as { yanduE2eDownloads?: { name: string; blob: Blob }[] };
      const d = w.yanduE2eDownloads?.[i];
      if (!d) return null;
      const bytes = new Uint8Array(await d.blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      }
      return { name: d.name, type: d.blob.type, base64: btoa(binary) };
    },
    index,
    'the download',
    30_000,
  );
  return { name: file.name, type: file.type, bytes: new Uint8Array(Buffer.from(file.base64, 'base64')) };
}
