/**
 * When browser sync runs: a local change is sent once things are quiet (so "mark all read"
 * of fifty papers is one write), never more often than storage.sync's rate limits allow
 * (Chrome: 120 writes a minute, 1,800 an hour), and again later with a growing wait when a
 * write fails; another device's change is read once its keys have settled. One piece of
 * work at a time.
 */
import type { SyncEngine } from './engine';

/** A local change is sent this long after the last one (then one write for all of them). */
export const SEND_DEBOUNCE_MS = 2_000;
/** At most one write this often: 20 a minute, 1,200 an hour, under both of Chrome's limits. */
export const MIN_SEND_INTERVAL_MS = 3_000;
/** Another device's keys arrive one by one: read them once they stop arriving for this long. */
export const RECEIVE_DEBOUNCE_MS = 300;
/** Waits after a failed write, then the last one again and again. */
export const RETRY_DELAYS_MS: readonly number[] = [5_000, 30_000, 60_000, 300_000];

export interface SchedulerDeps {
  /** The engine, or null while sync is off. */
  engine: () => Promise<SyncEngine | null>;
  now: () => number;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
  warn?: (message: string) => void;
}

export class SyncScheduler {
  private sendTimer: unknown;
  private receiveTimer: unknown;
  private lastSend = Number.NEGATIVE_INFINITY;
  private failures = 0;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: SchedulerDeps) {}

  /** Something changed here: send it soon. */
  localChanged(): void {
    this.deps.clearTimer(this.sendTimer);
    const wait = Math.max(
      this.failures > 0 ? 0 : SEND_DEBOUNCE_MS,
      this.lastSend + MIN_SEND_INTERVAL_MS - this.deps.now(),
    );
    this.sendTimer = this.deps.setTimer(() => void this.sendNow(), wait);
  }

  /** Another device's keys changed: read them soon. */
  remoteChanged(): void {
    this.deps.clearTimer(this.receiveTimer);
    this.receiveTimer = this.deps.setTimer(() => void this.receiveNow(), RECEIVE_DEBOUNCE_MS);
  }

  /** At start: what the others said while this device was away, then what it has to say. */
  start(): Promise<void> {
    return this.receiveNow().then(() => this.sendNow());
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => {});
    return run;
  }

  sendNow(): Promise<void> {
    return this.inTurn(async () => {
      const engine = await this.deps.engine();
      if (!engine) return;
      this.lastSend = this.deps.now();
      try {
        await engine.send();
        this.failures = 0;
      } catch (error) {
        const delay = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)] ?? 0;
        this.failures++;
        this.deps.warn?.(
          `Paper Queue sync: could not write (${error instanceof Error ? error.message : String(error)}); trying again in ${Math.round(delay / 1000)} s.`,
        );
        this.deps.clearTimer(this.sendTimer);
        this.sendTimer = this.deps.setTimer(() => void this.sendNow(), delay);
      }
    });
  }

  receiveNow(): Promise<void> {
    return this.inTurn(async () => {
      const engine = await this.deps.engine();
      if (!engine) return;
      const { resend } = await engine.receive();
      // One of this device's decisions was replaced by a later one: its keys say too much.
      if (resend) this.localChanged();
    });
  }
}
