/**
 * Counts what the content script keeps alive (observers, listeners) and the messages it sent,
 * and shows them on `<html data-paper-queue-stats>`, so tests and the benchmark can check
 * that leaving a page releases everything and that a batch costs one message.
 */
export const STATS_ATTRIBUTE = 'data-paper-queue-stats';

export interface Stats {
  live: number;
  messages: number;
  /** Main-thread time of the last decorating batch, in milliseconds. */
  lastBatchMs: number;
}

const stats: Stats = { live: 0, messages: 0, lastBatchMs: 0 };

function publish() {
  document.documentElement?.setAttribute(STATS_ATTRIBUTE, JSON.stringify(stats));
}

/** Counts one live resource until `signal` aborts. */
export function trackLive(signal: AbortSignal): void {
  if (signal.aborted) return;
  stats.live++;
  publish();
  signal.addEventListener('abort', () => {
    stats.live--;
    publish();
  });
}

export function countMessage(): void {
  stats.messages++;
  publish();
}

export function recordBatch(ms: number): void {
  stats.lastBatchMs = Math.round(ms * 100) / 100;
  publish();
}

export function currentStats(): Readonly<Stats> {
  return stats;
}
