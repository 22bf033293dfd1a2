/**
 * A localStorage of their own for tests that hand a store to the code under test (utils/store/local.ts takes
 * any `Pick<Storage, 'getItem' | 'setItem'>`), so no test reads what another wrote; `data` shows what was kept.
 */
export function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}
