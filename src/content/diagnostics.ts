/**
 * Counts what the content script keeps alive (observers, listeners) and the messages it sent,
 * and shows them on `<html data-paper-queue-stats>`, so tests and the benchmark can check
 * that leaving a page releases everything and that a batch costs one message.
 *
 * Test builds only (`vite build --mode test`, into dist-test/). In dist/ and dist-firefox/
 * `__PAPER_QUEUE_TEST_HOOKS__` is `false`: every function below returns at once, the
 * minifier drops the rest, and the shipped script neither counts nor sets the attribute
 * (test/e2e/build.test.ts checks). The functions stay, so callers need no build checks.
 */
declare const __PAPER_QUEUE_TEST_HOOKS__: boolean;

export const STATS_ATTRIBUTE = 'data-paper-queue-stats';

export interface Stats {
  live: number;
  messages: number;
  /** Main-thread time of the last decorating batch, in milliseconds. */
  lastBatchMs: number;
  /** Whether the mark index was read (not only given up on after READY_TIMEOUT_MS). */
  indexRead: boolean;
}

const stats: Stats = { live: 0, messages: 0, lastBatchMs: 0, indexRead: false };

function publish() {
  document.documentElement?.setAttribute(STATS_ATTRIBUTE, JSON.stringify(stats));
}

/** Counts one live resource until `signal` aborts. */
export function trackLive(signal: AbortSignal): void {
  if (!__PAPER_QUEUE_TEST_HOOKS__ || signal.aborted) return;
  stats.live++;
  publish();
  signal.addEventListener('abort', () => {
    stats.live--;
    publish();
  });
}

export function countMessage(): void {
  if (!__PAPER_QUEUE_TEST_HOOKS__) return;
  stats.messages++;
  publish();
}

export function recordBatch(ms: number): void {
  if (!__PAPER_QUEUE_TEST_HOOKS__) return;
  stats.lastBatchMs = Math.round(ms * 100) / 100;
  publish();
}

export function recordIndexRead(): void {
  if (!__PAPER_QUEUE_TEST_HOOKS__) return;
  stats.indexRead = true;
  publish();
}

/** What was counted so far (always zero outside a test build). */
export function currentStats(): Readonly<Stats> {
  return stats;
}
