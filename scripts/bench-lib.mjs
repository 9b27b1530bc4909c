// What the benchmarks share: medians, quantiles, a seeded bootstrap interval, and the machine
// they ran on (a shared machine's load average goes with every figure).
import { cpus, loadavg } from 'node:os';

export const median = (xs) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

export const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.round((xs.length - 1) * q)];

export const round2 = (x) => x.toFixed(2);

/** A small seeded generator (mulberry32), so the same loads give the same interval. */
export function seededRandom(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `estimate` over the rounds, and its 95 % bootstrap interval: the rounds are drawn again
 * with replacement, 2,000 times, and the middle 95 % of the estimates kept.
 */
export function withInterval(rounds, estimate) {
  const random = seededRandom(rounds.length * 7919 + 1);
  const draws = [];
  for (let i = 0; i < 2000; i++) {
    draws.push(estimate(rounds.map(() => rounds[Math.floor(random() * rounds.length)])));
  }
  return { value: estimate(rounds), interval: [quantile(draws, 0.025), quantile(draws, 0.975)] };
}

/** The median of `xs` with its 95 % bootstrap interval. */
export const medianWithInterval = (xs) => withInterval(xs, median);

/** The machine, with its load now (1, 5 and 15-minute averages). */
export function machine(extra = {}) {
  return {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    node: process.version,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    ...extra,
  };
}

/** Resolves when `check()` is true, polling; rejects after `timeoutMs`. */
export async function until(check, timeoutMs, what = 'condition') {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
