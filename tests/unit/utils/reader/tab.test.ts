// The reader tab's id for per-tab drafts (utils/reader/tab.ts).
import { describe, expect, it } from 'vitest';
import { claimTabId, liveTabs, type TabLocks } from '@/utils/reader/tab';

/** Web Locks shared by the "pages" of one test: a held name cannot be taken again. */
function locks(): TabLocks {
  const held = new Set<string>();
  return {
    async request(name, _options, grant) {
      if (held.has(name)) return grant(null);
      held.add(name);
      void grant({ name });
    },
    async query() {
      return { held: [...held].map((name) => ({ name })) };
    },
  };
}

function session(): Pick<Storage, 'getItem' | 'setItem'> {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

describe('tab ids', () => {
  it('a reload keeps its id; a copy of the same sessionStorage (a frame, window.open) gets its own', async () => {
    const shared = locks();
    const store = session();
    const first = await claimTabId(store, shared);
    // The same sessionStorage while the first page still holds its lock: another id.
    const copy = await claimTabId(store, shared);
    expect(copy).not.toBe(first);
    // After a reload (its lock released) the page finds the id in sessionStorage again.
    const fresh = locks();
    expect(await claimTabId(store, fresh)).toBe(copy);
  });

  it('tells open tabs from closed ones by the locks held', async () => {
    const shared = locks();
    const a = await claimTabId(session(), shared);
    const isLive = await liveTabs(shared);
    expect(isLive(a)).toBe(true);
    expect(isLive('closed-tab')).toBe(false);
  });

  it('without Web Locks every other tab counts as open (nothing is taken from a live tab)', async () => {
    const isLive = await liveTabs(undefined);
    expect(isLive('any')).toBe(true);
    expect(await claimTabId(session(), undefined)).toMatch(/^[a-z0-9]+$/i);
  });
});
