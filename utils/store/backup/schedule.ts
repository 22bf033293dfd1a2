/**
 * When to remind the user to back up, and when an automatic backup is due (data you
 * cannot lose). Pure: times in, verdicts out; the callers read the stored state (utils/backup-state.ts)
 * and the library (unbacked.ts). Days are calendar days of the user's clock, not 24-hour periods: a daily
 * backup written at 18:00 is due again the next morning.
 */

/** The choices of 自动备份: off, every day, every week, every 30 days. */
export const AUTO_BACKUP_EVERY = [0, 1, 7, 30] as const;
export type AutoBackupEvery = (typeof AUTO_BACKUP_EVERY)[number];

/** Work not in any backup for this many days brings up the reminder. */
export const REMIND_AFTER_DAYS = 7;

export function isAutoBackupEvery(value: unknown): value is AutoBackupEvery {
  return (AUTO_BACKUP_EVERY as readonly unknown[]).includes(value);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of a time, YYYY-MM-DD. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight of the day `days` after the day of `ms` (daylight-saving changes included). */
function dayStart(ms: number, days = 0): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime();
}

/** Calendar days from the day of `from` to the day of `to`; 0 when `from` is later (another clock). */
export function daysBetween(from: number, to: number): number {
  // Rounded: a day with a daylight-saving change is 23 or 25 hours long.
  return Math.max(0, Math.round((dayStart(to) - dayStart(from)) / 86_400_000));
}

/**
 * When the next automatic backup is due: local midnight `every` days after the day of the last one, now
 * when there was none, null when automatic backup is off.
 */
export function nextAutoBackup(every: AutoBackupEvery, lastAuto: number | null, now: number): number | null {
  if (every === 0) return null;
  if (lastAuto === null || lastAuto > now) return now;
  return dayStart(lastAuto, every);
}

/**
 * Whether to write an automatic backup now: it is on, its day has come, and something changed since the
 * last backup of any kind (a file identical to the last one protects nothing more; the check comes again
 * when a speech is saved).
 */
export function autoBackupDue(input: {
  every: AutoBackupEvery;
  lastAuto: number | null;
  /** The oldest change not in any backup (unbacked.ts), null when there is none. */
  oldestUnbacked: number | null;
  now: number;
}): boolean {
  const next = nextAutoBackup(input.every, input.lastAuto, input.now);
  return next !== null && next <= input.now && input.oldestUnbacked !== null;
}

/** The file an automatic backup writes, inside the browser's download folder. */
export function autoBackupFileName(now: number): string {
  return `Yandu/yandu-backup-${localDay(now)}.json`;
}

export type BackupReminder =
  /** Nothing was ever backed up. */
  | { kind: 'never' }
  /** The last backup was `days` calendar days ago. */
  | { kind: 'since'; days: number };

/**
 * The reminder to show, or null: only when some change is in no backup and has been for `afterDays` days
 * or more. 稍后提醒 (`dismissedAt`) quiets it for as long again.
 */
export function backupReminder(input: {
  lastBackup: number | null;
  oldestUnbacked: number | null;
  dismissedAt: number | null;
  now: number;
  afterDays?: number;
}): BackupReminder | null {
  const after = input.afterDays ?? REMIND_AFTER_DAYS;
  const { lastBackup, oldestUnbacked, dismissedAt, now } = input;
  if (oldestUnbacked === null || daysBetween(oldestUnbacked, now) < after) return null;
  if (dismissedAt !== null && dismissedAt <= now && daysBetween(dismissedAt, now) < after) return null;
  return lastBackup === null ? { kind: 'never' } : { kind: 'since', days: daysBetween(lastBackup, now) };
}
