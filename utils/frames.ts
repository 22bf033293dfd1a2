/**
 * Waiting for the browser, in the two ways the pages need it (one copy each):
 * - after the next paint: a rAF runs before the paint, a task queued from it runs after. What is not needed
 *   for the first paint starts then. A hidden tab gets no frames (also one hidden while waiting): it goes on
 *   without one.
 * - yield to the page: let it paint and handle input between slices of long work.
 */

export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function' || typeof document === 'undefined') {
      setTimeout(resolve, 0);
      return;
    }
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      document.removeEventListener('visibilitychange', onHidden);
      resolve();
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') setTimeout(finish, 0);
    };
    document.addEventListener('visibilitychange', onHidden);
    onHidden();
    requestAnimationFrame(() => setTimeout(finish, 0));
  });
}

export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
