// @vitest-environment happy-dom
// The content script's counters exist only in a test build: __PAPER_QUEUE_TEST_HOOKS__ is a
// build-time constant (vite.config.ts), here a global that each test sets.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  countMessage,
  currentStats,
  recordBatch,
  recordIndexRead,
  STATS_ATTRIBUTE,
  trackLive,
} from '../../src/content/diagnostics';

const shown = () => document.documentElement.getAttribute(STATS_ATTRIBUTE);

afterEach(() => {
  vi.unstubAllGlobals();
  document.documentElement.removeAttribute(STATS_ATTRIBUTE);
});

describe('in a production build (hooks off)', () => {
  it('counts nothing and never touches the page', () => {
    vi.stubGlobal('__PAPER_QUEUE_TEST_HOOKS__', false);
    const before = { ...currentStats() };
    trackLive(new AbortController().signal);
    countMessage();
    recordBatch(12.345);
    recordIndexRead();
    expect(shown()).toBeNull();
    expect(currentStats()).toEqual(before);
  });
});

describe('in a test build (hooks on)', () => {
  it('shows live resources until they are released, messages and the last batch', () => {
    vi.stubGlobal('__PAPER_QUEUE_TEST_HOOKS__', true);
    const start = { ...currentStats() };
    const stats = () => JSON.parse(shown() ?? '{}');
    const session = new AbortController();
    trackLive(session.signal);
    trackLive(session.signal);
    countMessage();
    recordBatch(12.345);
    expect(stats()).toEqual({
      live: start.live + 2,
      messages: start.messages + 1,
      lastBatchMs: 12.35,
      indexRead: false,
    });
    recordIndexRead();
    expect(stats().indexRead).toBe(true);
    session.abort();
    expect(stats().live).toBe(start.live);
    trackLive(session.signal); // already aborted: nothing to count
    expect(stats().live).toBe(start.live);
  });
});
