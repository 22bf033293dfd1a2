import { describe, expect, it } from 'vitest';
import { ownWrites } from '@/utils/reader/own-writes';

describe("a tab's own settings writes", () => {
  it('skips the echoes of its own writes, even late ones, and follows another tab', () => {
    const writes = ownWrites<{ size: number }>();
    writes.wrote({ size: 3 });
    writes.wrote({ size: 4 });
    // The echo of size 3 arrives after the click on size 4: it must not undo it.
    expect(writes.isEcho({ size: 3 })).toBe(true);
    expect(writes.isEcho({ size: 4 })).toBe(true);
    // Another tab chose size 2: followed.
    expect(writes.isEcho({ size: 2 })).toBe(false);
    // …and the same value again later, from another tab, is followed too (the echo was consumed).
    expect(writes.isEcho({ size: 4 })).toBe(false);
  });
});
