import Dexie, { type EntityTable } from 'dexie';
import {
  type Draft,
  type Highlight,
  type Note,
  newTask,
  type SpeechRecord,
  type SpeechVersion,
} from '../types';
import { DB_NAME } from './db-name';
import { refreshStoredOutlines } from './outline-edits';
import { rekeySpeeches } from './rekey';

/**
 * Yandu's IndexedDB database. It must only ever be opened in the extension's origin (background and
 * extension pages): opened from a content script it would land in the portal's own IndexedDB, where the
 * site can read or wipe it (IndexedDB is per origin, and a content script runs in the page's). Content scripts use utils/messages.ts instead.
 */
export class YanduDB extends Dexie {
  speeches!: EntityTable<SpeechRecord, 'id'>;
  highlights!: EntityTable<Highlight, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  speechVersions!: EntityTable<SpeechVersion, 'id'>;
  drafts!: EntityTable<Draft, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    // Version 1. Later versions are added below it with .upgrade() migrations; never edit a shipped one.
    this.version(1).stores({
      speeches: 'id, url, lastOpened, speaker, date',
      highlights: 'id, speechId, category, updated',
      notes: 'id, speechId, updated',
    });
    // Version 2 (highlights and notes): earlier copies of changed speeches, drafts saved as you type, and the
    // key-task status index. Every 重点任务 highlight gets its follow-up record; every highlight a section.
    this.version(2)
      .stores({
        highlights: 'id, speechId, category, updated, task.status',
        speechVersions: 'id, speechId, archived',
        drafts: 'id, updated',
      })
      .upgrade((tx) =>
        tx
          .table<Highlight>('highlights')
          .toCollection()
          .modify((h) => {
            if (h.category === 'task' && !h.task) h.task = newTask();
            if (typeof h.section !== 'number') h.section = -1;
            if (typeof h.note !== 'string') h.note = '';
          }),
      );
    // Version 3: speech ids keep the query parameters and port that identify a document (ids.ts); records
    // stored under an older id move to the one their address has now.
    this.version(3)
      .stores({})
      .upgrade((tx) => rekeySpeeches(tx));
    // Version 4: the user's outline corrections are stored with the speech (`outlineEdits`, `autoOutline`).
    // Records saved before carry the outline of the engine that saved them, so edits and 恢复自动提纲 would
    // work on an outline the reader no longer builds: each is given today's outline of its stored text, its
    // edits applied again and its highlights re-filed (outline-edits.ts refreshStoredOutlines says why).
    this.version(4)
      .stores({})
      .upgrade((tx) => refreshStoredOutlines(tx));
  }
}

let shared: YanduDB | undefined;

/** The one database of this extension context, opened lazily. */
export function getDb(): YanduDB {
  // Unit tests run in happy-dom, whose origin is http://localhost; everywhere else the origin must be ours.
  if (import.meta.env.MODE !== 'test') assertExtensionOrigin(globalThis.location?.protocol ?? '');
  shared ??= new YanduDB();
  return shared;
}

/** A content script (or a web page) would write into the site's IndexedDB: refuse loudly instead. */
export function assertExtensionOrigin(protocol: string): void {
  if (protocol === 'http:' || protocol === 'https:' || protocol === 'file:') {
    throw new Error(`Yandu's database cannot be opened from a ${protocol} page; use messages instead`);
  }
}
