// When sync writes (src/background/sync/scheduler.ts): quiet first, then one write for a
// burst; never more often than storage.sync's rate limits allow; a refused write tried again
// later and later; another device's news read once its keys settle. Simulated time.
import { describe, expect, it } from 'vitest';
import type { SyncEngine } from '../../src/background/sync/engine';
import {
  MIN_SEND_INTERVAL_MS,
  RECEIVE_DEBOUNCE_MS,
  RETRY_DELAYS_MS,
  SEND_DEBOUNCE_MS,
  SyncScheduler,
} from '../../src/background/sync/scheduler';

/** Timers on a simulated clock. */
function simulatedTime() {
  let now = 0;
  let nextId = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => now,
    setTimer: (run: () => void, ms: number) => {
      const id = ++nextId;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    /** Moves the clock on, running each timer due (and what they start) in order. */
    async advance(ms: number) {
      const end = now + ms;
      while (true) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= end)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
        for (let i = 0; i < 20; i++) await Promise.resolve();
      }
      now = end;
    },
  };
}

function setup(options: { failing?: number; on?: boolean; resend?: boolean } = {}) {
  const time = simulatedTime();
  const sends: number[] = [];
  const receives: number[] = [];
  let failing = options.failing ?? 0;
  let resend = options.resend ?? false;
  const engine = {
    send: async () => {
      sends.push(time.now());
      if (failing > 0) {
        failing--;
        throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
      }
      return { wrote: true, decisions: 1, unsynced: 0, bytes: 10 };
    },
    receive: async () => {
      receives.push(time.now());
      const answer = { changed: 1, resend };
      resend = false;
      return answer;
    },
  } as unknown as SyncEngine;
  const warnings: string[] = [];
  const scheduler = new SyncScheduler({
    engine: async () => (options.on === false ? null : engine),
    now: time.now,
    setTimer: time.setTimer,
    clearTimer: time.clearTimer,
    warn: (m) => warnings.push(m),
  });
  return { time, scheduler, sends, receives, warnings };
}

describe('the sync scheduler', () => {
  it('sends a burst of changes as one write, once things are quiet', async () => {
    const { time, scheduler, sends } = setup();
    for (let i = 0; i < 50; i++) {
      scheduler.localChanged();
      await time.advance(20);
    }
    expect(sends).toEqual([]);
    await time.advance(SEND_DEBOUNCE_MS);
    expect(sends).toEqual([50 * 20 - 20 + SEND_DEBOUNCE_MS]);
  });

  it('never writes more often than every 3 s: at most 20 a minute, far under 120', async () => {
    const { time, scheduler, sends } = setup();
    // A change every 2.5 s for ten minutes, each one sent on its own if it could be.
    for (let t = 0; t < 600_000; t += 2_500) {
      scheduler.localChanged();
      await time.advance(2_500);
    }
    await time.advance(10_000);
    for (let i = 1; i < sends.length; i++) {
      expect((sends[i] as number) - (sends[i - 1] as number)).toBeGreaterThanOrEqual(
        MIN_SEND_INTERVAL_MS,
      );
    }
    const perMinute = Math.max(
      ...sends.map((start) => sends.filter((t) => t >= start && t < start + 60_000).length),
    );
    expect(perMinute).toBeLessThanOrEqual(60_000 / MIN_SEND_INTERVAL_MS);
    expect(perMinute).toBeLessThan(120);
  });

  it('tries a refused write again after 5 s, 30 s, 1 min, 5 min, and warns each time', async () => {
    const { time, scheduler, sends, warnings } = setup({ failing: 5 });
    scheduler.localChanged();
    await time.advance(SEND_DEBOUNCE_MS);
    await time.advance(60 * 60_000);
    const gaps = sends.slice(1).map((t, i) => t - (sends[i] as number));
    expect(gaps).toEqual([...RETRY_DELAYS_MS, RETRY_DELAYS_MS.at(-1)]);
    expect(sends).toHaveLength(6); // the sixth succeeded: no more retries
    expect(warnings).toHaveLength(5);
    expect(warnings[0]).toMatch(/MAX_WRITE_OPERATIONS_PER_MINUTE.*again in 5 s/);
  });

  it('reads another device’s keys once they settle, and resends when its own were replaced', async () => {
    const { time, scheduler, sends, receives } = setup({ resend: true });
    for (let i = 0; i < 5; i++) {
      scheduler.remoteChanged();
      await time.advance(100);
    }
    expect(receives).toEqual([]);
    await time.advance(RECEIVE_DEBOUNCE_MS);
    expect(receives).toEqual([400 + RECEIVE_DEBOUNCE_MS]);
    await time.advance(SEND_DEBOUNCE_MS);
    expect(sends).toHaveLength(1);
  });

  it('does nothing while sync is off', async () => {
    const { time, scheduler, sends, receives } = setup({ on: false });
    scheduler.localChanged();
    scheduler.remoteChanged();
    await scheduler.start();
    await time.advance(60_000);
    expect([sends, receives]).toEqual([[], []]);
  });
});
