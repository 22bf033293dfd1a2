import { loadAutoBackupEvery, loadBackupState, readBackupSettings, updateBackupState } from './backup-state';
import { exportBackup, serializeBackup } from './store/backup';
import { readLocalItems } from './store/backup/local-items';
import { autoBackupDue, autoBackupFileName, nextAutoBackup } from './store/backup/schedule';
import { oldestUnbacked } from './store/backup/unbacked';
import type { YanduDB } from './store/db';
import { type LocalStore, pageStorage } from './store/local';

/** What the background needs from the browser to write a file: checked and done by its caller. */
export interface BackupWriter {
  /** The user still grants the optional `downloads` permission (it can be taken back at any time). */
  allowed: () => Promise<boolean>;
  /** Write `text` as `fileName` (relative to the download folder); resolves once the file is complete. */
  write: (text: string, fileName: string) => Promise<void>;
}

export type AutoBackupResult =
  | { written: string }
  | { written: null; why: 'off' | 'not-due' | 'nothing-new' | 'permission' | 'failed' };

/**
 * The automatic backup (自动备份): when it is on, its day has come and something changed since the last
 * backup, write the same file 立即备份 downloads (backup.ts) as Yandu/yandu-backup-YYYY-MM-DD.json and
 * record it as the last backup. Run by the background at start-up and when a speech is saved
 * (`backup:check`). A failure is recorded for the library to show and tried again at the next check.
 */
export async function checkAutoBackup(
  db: YanduDB,
  writer: BackupWriter,
  now = Date.now(),
  /** Where the reading positions and the 专题汇编 are read from: this context's localStorage, or its copy. */
  localStore: () => Promise<LocalStore | undefined> = async () => pageStorage(),
): Promise<AutoBackupResult> {
  const every = await loadAutoBackupEvery();
  if (every === 0) return { written: null, why: 'off' };
  const state = await loadBackupState();
  // The cheap verdict first: most checks end here without reading the library.
  const next = nextAutoBackup(every, state.lastAuto, now);
  if (next === null || next > now) return { written: null, why: 'not-due' };
  const oldest = await oldestUnbacked(db, state.lastBackup);
  if (!autoBackupDue({ every, lastAuto: state.lastAuto, oldestUnbacked: oldest, now })) {
    return { written: null, why: 'nothing-new' };
  }
  if (!(await writer.allowed())) {
    await updateBackupState({ autoError: 'permission' });
    return { written: null, why: 'permission' };
  }
  const fileName = autoBackupFileName(now);
  try {
    // Firefox's background page shares the library's localStorage; Chrome's service worker has none and
    // reads the copy the pages keep in storage.local (local-mirror.ts).
    const local = readLocalItems(await localStore());
    const text = serializeBackup(await exportBackup(db, new Date(now), await readBackupSettings(), local));
    await writer.write(text, fileName);
  } catch (error) {
    await updateBackupState({ autoError: String(error instanceof Error ? error.message : error) });
    return { written: null, why: 'failed' };
  }
  await updateBackupState({ lastBackup: now, lastAuto: now, lastAutoFile: fileName, autoError: null });
  return { written: fileName };
}

/**
 * The file as a data: URL, for a context without URL.createObjectURL (Chrome's service worker). Base64 of
 * the UTF-8 bytes, encoded a slice at a time: one String.fromCharCode over a large library would overflow
 * the call stack.
 */
export function jsonDataUrl(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const SLICE = 0x6000; // a multiple of 3: every slice but the last encodes without padding
  let base64 = '';
  for (let i = 0; i < bytes.length; i += SLICE) {
    base64 += btoa(String.fromCharCode(...bytes.subarray(i, i + SLICE)));
  }
  return `data:application/json;base64,${base64}`;
}
