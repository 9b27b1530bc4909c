import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstPaint } from '../../src/content/after-first-paint';

/** A window whose paint timeline the test writes: `paint()` records first-contentful-paint. */
function paintingWindow(supported = true) {
  const entries: { name: string }[] = [];
  const observers = new Set<() => void>();
  class Observer {
    static supportedEntryTypes = supported ? ['paint', 'navigation'] : ['navigation'];
    constructor(private readonly callback: () => void) {}
    observe() {
      observers.add(this.callback);
    }
    disconnect() {
      observers.delete(this.callback);
    }
  }
  const win = {
    performance: {
      getEntriesByName: (name: string) => entries.filter((e) => e.name === name),
    },
    PerformanceObserver: Observer,
    requestAnimationFrame: (run: () => void) => setTimeout(run, 16),
  } as unknown as Window;
  const paint = () => {
    entries.push({ name: 'first-contentful-paint' });
    for (const callback of [...observers]) callback();
  };
  return { win, paint, observers };
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('after the first paint', () => {
  it('waits for the first contentful paint, however many frames come before it', () => {
    const { win, paint, observers } = paintingWindow();
    const work = vi.fn();
    afterFirstPaint(win, work, new AbortController().signal, 5000);
    vi.advanceTimersByTime(1000); // frames that painted nothing
    expect(work).not.toHaveBeenCalled();
    paint();
    expect(work).toHaveBeenCalledTimes(1);
    expect(observers.size).toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(work).toHaveBeenCalledTimes(1); // the fallback does not run it again
  });

  it('runs at once when the page has painted already', () => {
    const { win, paint } = paintingWindow();
    paint();
    const work = vi.fn();
    afterFirstPaint(win, work, new AbortController().signal, 5000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs after the fallback on a page that never paints (a background tab)', () => {
    const { win } = paintingWindow();
    const work = vi.fn();
    afterFirstPaint(win, work, new AbortController().signal, 5000);
    vi.advanceTimersByTime(4999);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('without paint timing, runs after the next frame', () => {
    const { win } = paintingWindow(false);
    const work = vi.fn();
    afterFirstPaint(win, work, new AbortController().signal, 5000);
    vi.advanceTimersByTime(17);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('never runs once its signal aborted', () => {
    const { win, paint, observers } = paintingWindow();
    const controller = new AbortController();
    const work = vi.fn();
    afterFirstPaint(win, work, controller.signal, 5000);
    controller.abort();
    paint();
    vi.advanceTimersByTime(10_000);
    expect(work).not.toHaveBeenCalled();
    expect(observers.size).toBe(0);
  });
});
