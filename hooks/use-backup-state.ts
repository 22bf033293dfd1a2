import { useEffect, useState } from 'preact/hooks';
import { type BackupState, loadBackupState, watchBackupState } from '@/utils/backup-state';

/**
 * The stored backup state (utils/backup-state.ts), kept current when a backup is made in another tab or by
 * the background. Null until it is read.
 */
export function useBackupState(): BackupState | null {
  const [state, setState] = useState<BackupState | null>(null);
  useEffect(() => {
    let live = true;
    loadBackupState().then(
      (s) => live && setState(s),
      () => undefined,
    );
    const stop = watchBackupState((s) => live && setState(s));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return state;
}
