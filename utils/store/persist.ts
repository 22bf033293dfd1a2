/**
 * Ask the browser to keep the database through storage pressure (it may otherwise evict extension data).
 * Returns whether storage is persistent; false when the API is missing or refuses.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = globalThis.navigator?.storage;
  if (!storage || typeof storage.persist !== 'function') return false;
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}
