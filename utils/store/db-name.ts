/**
 * The database's name and newest schema version, without Dexie: db.ts declares the versions (and opens the
 * database under this name); raw-read.ts reads a page's first records with plain IndexedDB, so a page that
 * only reads (学习会 mode) need not load Dexie before its first paint. tests/unit/utils/store/raw-read.test.ts
 * checks that DB_VERSION is the last version db.ts declares.
 */
export const DB_NAME = 'yandu';
export const DB_VERSION = 4;
