/**
 * A polite queue for the paper API: at most two requests at a time, and when the server says
 * "slow down" (429, 5xx; Retry-After respected) or the network is gone, the whole queue
 * pauses, then retries with a growing delay. After a few failures a paper is left for the
 * next start-up, which looks for saved papers without authors again.
 *
 * Fetch, clock and sleep are injected so tests run without network or real time.
 */
import type { FetchedPaper } from '../../shared/model';
import { paperApiUrl, readApiPaper } from '../../site/huggingface/api';
import { retryAfterMs } from './retry-after';

export interface FetcherDeps {
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Stores what was learnt (metadata only; never a mark). */
  store: (paper: FetchedPaper) => Promise<void>;
  concurrency?: number;
  maxAttempts?: number;
  /** First wait after a 429/5xx without Retry-After; doubles per attempt. */
  backoffMs?: number;
  /** First wait when offline (fetch rejected); doubles per attempt. */
  offlineMs?: number;
  /** Longest a Retry-After may make us wait. */
  maxWaitMs?: number;
}

export type FetchOutcome = 'stored' | 'not-found' | 'unreadable' | 'gave-up';

export class MetadataFetcher {
  private readonly waiting: string[] = [];
  private readonly pending = new Set<string>();
  private active = 0;
  private pausedUntil = 0;
  private idleWaiters: (() => void)[] = [];
  readonly outcomes = new Map<string, FetchOutcome>();

  constructor(private readonly deps: FetcherDeps) {}

  /** Queues papers not queued already; returns at once. */
  enqueue(ids: Iterable<string>): void {
    for (const id of ids) {
      if (this.pending.has(id)) continue;
      this.pending.add(id);
      this.waiting.push(id);
    }
    this.pump();
  }

  /** Resolves when the queue is empty and no request is in flight. */
  idle(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump() {
    const limit = this.deps.concurrency ?? 2;
    while (this.active < limit && this.waiting.length > 0) {
      const id = this.waiting.shift() as string;
      this.active++;
      void this.fetchOne(id)
        .catch((): FetchOutcome => 'gave-up')
        .then((outcome) => {
          this.outcomes.set(id, outcome);
          this.active--;
          this.pending.delete(id);
          this.pump();
          if (this.pending.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
        });
    }
  }

  private async fetchOne(id: string): Promise<FetchOutcome> {
    const attempts = this.deps.maxAttempts ?? 5;
    for (let attempt = 0; attempt < attempts; attempt++) {
      await this.waitWhilePaused();
      let response: Response;
      try {
        response = await this.deps.fetch(paperApiUrl(id), {
          headers: { accept: 'application/json' },
          credentials: 'omit',
        });
      } catch {
        // Offline, or the request was blocked: wait, then try again.
        this.pause((this.deps.offlineMs ?? 30_000) * 2 ** attempt);
        continue;
      }
      if (response.ok) {
        const paper = readApiPaper(id, await response.json().catch(() => null));
        if (!paper) return 'unreadable';
        await this.deps.store(paper);
        return 'stored';
      }
      if (response.status === 429 || response.status >= 500) {
        const asked = retryAfterMs(response.headers.get('retry-after'), this.deps.now());
        const wait = asked ?? (this.deps.backoffMs ?? 2_000) * 2 ** attempt;
        this.pause(Math.min(wait, this.deps.maxWaitMs ?? 15 * 60_000));
        continue;
      }
      return 'not-found';
    }
    return 'gave-up';
  }

  private pause(ms: number) {
    this.pausedUntil = Math.max(this.pausedUntil, this.deps.now() + ms);
  }

  private async waitWhilePaused() {
    for (;;) {
      const left = this.pausedUntil - this.deps.now();
      if (left <= 0) return;
      await this.deps.sleep(left);
    }
  }
}
