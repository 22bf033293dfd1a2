import type { TabActions } from './session.ts';

// Functions here run inside the browser tab (serialised by Playwright/Puppeteer): no closures, no
// named inner functions (tsx would wrap them in a `__name` helper the page does not have).

/** Wait for the content script's verdict on the page (`speech` / `other`). */
export function detected(b: TabActions): Promise<string> {
  return b.waitFor(
    () => document.documentElement.dataset.yanduDetected,
    undefined,
    'the content script to set data-yandu-detected',
  );
}

/**
 * The label of Yandu's floating button as its tooltip gives it, or null when there is none. The button
 * itself sits in a closed shadow root: a page script (and this function) cannot reach it.
 */
export function readerButtonLabel(b: TabActions): Promise<string | null> {
  return b.evaluate(() => {
    const host = document.querySelector('yandu-reader-button');
    if (!host) return null;
    return host.shadowRoot ? 'an open shadow root' : (host.getAttribute('title') ?? '');
  }, undefined);
}

/**
 * One record of the extension's database, read with raw IndexedDB (not Yandu's own code) from the tab,
 * which must be on an extension page. Undefined when the database, store or record is missing.
 */
export function readRecord(b: TabActions, store: string, key: string): Promise<unknown> {
  return b.evaluate(
    ({ store, key }) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            resolve(undefined);
            return;
          }
          const get = db.transaction(store).objectStore(store).get(key);
          get.onsuccess = () => {
            db.close();
            resolve(get.result);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    { store, key },
  );
}

/** Everything the current page's own scripts can read back from their origin's storage, as text. */
export interface PageStorage {
  databases: string[];
  /** JSON of every record of every object store of every database */
  indexedDbContent: string;
  localStorage: string;
  sessionStorage: string;
  cookies: string;
  cacheNames: string[];
}

export function pageStorage(b: TabActions): Promise<PageStorage> {
  return b.evaluate(async () => {
    const infos = await indexedDB.databases();
    const names = infos.map((info) => info.name ?? '');
    const dumps: string[] = [];
    for (const name of names) {
      dumps.push(
        await new Promise<string>((resolve) => {
          const open = indexedDB.open(name);
          open.onerror = () => resolve(`(${name} unreadable)`);
          open.onsuccess = () => {
            const db = open.result;
            const stores = [...db.objectStoreNames];
            if (stores.length === 0) {
              db.close();
              resolve('');
              return;
            }
            const tx = db.transaction(stores);
            const parts: string[] = [];
            for (const store of stores) {
              const all = tx.objectStore(store).getAll();
              all.onsuccess = () => parts.push(JSON.stringify(all.result));
            }
            tx.oncomplete = () => {
              db.close();
              resolve(parts.join('\n'));
            };
          };
        }),
      );
    }
    return {
      databases: names,
      indexedDbContent: dumps.join('\n'),
      localStorage: JSON.stringify(Object.entries(localStorage)),
      sessionStorage: JSON.stringify(Object.entries(sessionStorage)),
      cookies: document.cookie,
      // CacheStorage exists only in secure contexts; the portal is plain http.
      cacheNames: typeof caches === 'undefined' ? [] : await caches.keys(),
    };
  }, undefined);
}

/**
 * What a portal script gets when it opens a database called `yandu` itself: the object stores it finds
 * (its own origin's database, created empty on the spot and deleted again).
 */
export function pageOpensYanduDatabase(b: TabActions): Promise<string[]> {
  return b.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const stores = [...open.result.objectStoreNames];
          open.result.close();
          indexedDB.deleteDatabase('yandu').onsuccess = () => resolve(stores);
        };
      }),
    undefined,
  );
}

/** Whether the page's scripts can fetch one of Yandu's pages (they must not). */
export function pageCanFetch(b: TabActions, url: string): Promise<string> {
  return b.evaluate(
    (target) =>
      fetch(target).then(
        (response) => `fetched ${response.status}`,
        (error: unknown) => `refused: ${String(error)}`,
      ),
    url,
  );
}
