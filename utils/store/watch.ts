/**
 * A Dexie live query imported on use. The modules that call it are in pages' first chunks (the library's),
 * which hold no Dexie (bench/README, library); by the time a database is there to watch, Dexie is loaded.
 */
export function watchLive<T>(
  query: () => Promise<T>,
  onChange: (value: T) => void,
  label: string,
): { unsubscribe(): void } {
  let live = true;
  let sub: { unsubscribe(): void } | null = null;
  void import('dexie').then(({ liveQuery }) => {
    if (!live) return;
    sub = liveQuery(query).subscribe({
      next: onChange,
      error: (e: unknown) => console.warn(`[yandu] ${label}`, e),
    });
  });
  return {
    unsubscribe() {
      live = false;
      sub?.unsubscribe();
    },
  };
}
