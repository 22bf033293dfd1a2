import type { ReaderStore } from '@/utils/store/reader-store';

/**
 * The reader's database, opened here in its entrypoint (the one place besides the other entrypoints that
 * calls getDb). Dexie and the store modules are separate chunks loaded on first use, after the first paint.
 */
let opened: Promise<ReaderStore> | undefined;
export function openReaderStore(): Promise<ReaderStore> {
  opened ??= Promise.all([import('@/utils/store/db'), import('@/utils/store/reader-store')]).then(
    ([{ getDb }, { readerStore }]) => readerStore(getDb()),
  );
  return opened;
}

/** The speech modules with the database, for app.tsx's loading and saving. */
export async function openSpeeches() {
  const [{ getDb }, speeches] = await Promise.all([
    import('@/utils/store/db'),
    import('@/utils/store/speeches'),
  ]);
  return { db: getDb(), ...speeches };
}
