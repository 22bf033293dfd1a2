import { storage } from '@wxt-dev/storage';
import { loadCategorySettings, loadReaderSettings } from './settings';
import type { BackupSettings } from './store/backup';
import { type AutoBackupEvery, isAutoBackupEvery } from './store/backup/schedule';

/**
 * What Yandu knows of the user's backups, in extension storage (shared by the library page, the popup and
 * the background, which writes the automatic ones): when the last backup was made, the last automatic
 * file, its last failure, when the reminder was put off; and the 自动备份 choice. Read through
 * normalizeBackupState: a damaged value falls back field by field, it never throws.
 */
export interface BackupState {
  /** Time of the last backup of any kind (its snapshot of the library), or null: never. */
  lastBackup: number | null;
  /** Time of the last automatic backup, and the file it wrote. */
  lastAuto: number | null;
  lastAutoFile: string | null;
  /** Why the last automatic backup could not be written ('permission' when the grant was taken back). */
  autoError: string | null;
  /** When the user chose 稍后提醒 on the reminder. */
  dismissedAt: number | null;
}

export const NO_BACKUP_STATE: Readonly<BackupState> = Object.freeze({
  lastBackup: null,
  lastAuto: null,
  lastAutoFile: null,
  autoError: null,
  dismissedAt: null,
});

const time = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null);
const text = (v: unknown) => (typeof v === 'string' && v ? v : null);

export function normalizeBackupState(value: unknown): BackupState {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return {
    lastBackup: time(v.lastBackup),
    lastAuto: time(v.lastAuto),
    lastAutoFile: text(v.lastAutoFile),
    autoError: text(v.autoError),
    dismissedAt: time(v.dismissedAt),
  };
}

// Defined on first use, as in settings.ts (a versioned item reads storage when it is defined).
let stateItem: ReturnType<typeof defineState> | undefined;
let everyItem: ReturnType<typeof defineEvery> | undefined;
const defineState = () =>
  storage.defineItem<BackupState>('local:backupState', {
    version: 1,
    fallback: { ...NO_BACKUP_STATE },
    migrations: {},
  });
const defineEvery = () =>
  storage.defineItem<AutoBackupEvery>('local:autoBackupEvery', { version: 1, fallback: 0, migrations: {} });
const backupStateItem = () => {
  stateItem ??= defineState();
  return stateItem;
};
const autoBackupEveryItem = () => {
  everyItem ??= defineEvery();
  return everyItem;
};

export async function loadBackupState(): Promise<BackupState> {
  return normalizeBackupState(await backupStateItem().getValue());
}

/** Merge a change into the stored state and return what is now stored. */
export async function updateBackupState(change: Partial<BackupState>): Promise<BackupState> {
  const next = normalizeBackupState({ ...(await loadBackupState()), ...change });
  await backupStateItem().setValue(next);
  return next;
}

/** A backup holding the library as it was at `at` was handed to the browser's download (立即备份). */
export function recordBackup(at: number): Promise<BackupState> {
  return updateBackupState({ lastBackup: at });
}

/** Follow changes (a backup made in another tab or by the background). Returns the function that stops. */
export function watchBackupState(onChange: (state: BackupState) => void): () => void {
  return backupStateItem().watch((value) => onChange(normalizeBackupState(value)));
}

export async function loadAutoBackupEvery(): Promise<AutoBackupEvery> {
  const value = await autoBackupEveryItem().getValue();
  return isAutoBackupEvery(value) ? value : 0;
}

export async function saveAutoBackupEvery(every: AutoBackupEvery): Promise<void> {
  await autoBackupEveryItem().setValue(every);
}

/** The settings a backup carries (category names/colours, reading settings), read as plain data. */
export async function readBackupSettings(): Promise<BackupSettings> {
  const [categories, reader] = await Promise.all([loadCategorySettings(), loadReaderSettings()]);
  return { categories: { ...categories }, reader: { ...reader } };
}
