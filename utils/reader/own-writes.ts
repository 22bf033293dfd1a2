/**
 * Telling the echo of this tab's own settings writes from a change made in another tab. storage.local
 * reports every write, ours included, in the order they were made; an echo arriving after a newer local
 * change would undo that change for a moment. So each value written here is remembered until its echo comes
 * back: a reported value that is one of ours (and the older ones before it) is skipped, anything else is
 * another tab's change and is followed.
 */
export function ownWrites<T>(key: (value: T) => string = (v) => JSON.stringify(v)) {
  const pending: string[] = [];
  return {
    /** This tab is about to write `value`. */
    wrote(value: T): void {
      pending.push(key(value));
      // A write whose echo never came (storage failed) must not grow the list for ever.
      if (pending.length > 50) pending.shift();
    },
    /** Whether a reported value is the echo of one of this tab's writes (consumed if so). */
    isEcho(value: T): boolean {
      const i = pending.indexOf(key(value));
      if (i < 0) return false;
      pending.splice(0, i + 1);
      return true;
    },
  };
}
