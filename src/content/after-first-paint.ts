/**
 * Runs work once the page has painted content (its first-contentful-paint entry), so that
 * what the work sets off — a message that wakes the background worker, above all — never
 * competes with the page's first paint. A frame after DOMContentLoaded is no such promise:
 * a page can run frames that paint nothing yet (Chrome holds the old page's paint until the
 * new one has content).
 *
 * A page that never paints content (an empty view, a tab in the background) runs the work
 * after `fallbackMs` all the same; a browser without paint timing, after the next frame.
 */
export function afterFirstPaint(
  win: Window,
  work: () => void,
  signal: AbortSignal,
  fallbackMs: number,
): void {
  if (signal.aborted) return;
  let done = false;
  let observer: PerformanceObserver | undefined;
  const finish = () => {
    if (done) return false;
    done = true;
    clearTimeout(fallback);
    observer?.disconnect();
    return true;
  };
  const run = () => {
    if (finish() && !signal.aborted) work();
  };
  const fallback = setTimeout(run, fallbackMs);
  signal.addEventListener('abort', finish, { once: true });
  const painted = () =>
    win.performance.getEntriesByName?.('first-contentful-paint', 'paint').length > 0;
  if (painted()) {
    run();
    return;
  }
  const Observer = (win as Window & typeof globalThis).PerformanceObserver;
  if (!Observer?.supportedEntryTypes?.includes('paint')) {
    // No paint timing here: after the next frame's paint, the best there is to know.
    win.requestAnimationFrame(() => setTimeout(run));
    return;
  }
  observer = new Observer(() => {
    if (painted()) run();
  });
  observer.observe({ type: 'paint', buffered: true });
}
