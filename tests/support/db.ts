/**
 * Databases of their own for store tests: each call opens a new, empty YanduDB under a fresh name, and every
 * one opened is closed and deleted after each test, so no test sees another's records.
 */
import { afterEach } from 'vitest';
import { YanduDB } from '@/utils/store/db';

/** Call once at the top of a test file; `prefix` names the databases (visible in failures). */
export function freshDbs(prefix: string): () => Promise<YanduDB> {
  const opened: YanduDB[] = [];
  let counter = 0;
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await db.delete();
    }
  });
  return async () => {
    counter += 1;
    const db = new YanduDB(`${prefix}-${counter}`);
    await db.open();
    opened.push(db);
    return db;
  };
}
