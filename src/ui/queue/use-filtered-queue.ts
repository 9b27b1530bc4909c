/**
 * Filters the sorted library for the current view, tag and search without blocking typing:
 * the first screen of matches is found at once (within a few milliseconds), the rest in
 * short slices between frames. Typing on from a finished search filters its result instead
 * of the whole library.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { FilterJob, type IndexedEntry, type QueueFilter, refines } from './queue-query';

/** Longest slice of filtering per task, in milliseconds. */
const SLICE_MS = 6;

export interface FilteredQueue {
  shown: IndexedEntry[];
  /** False while later matches are still being found. */
  complete: boolean;
}

export function useFilteredQueue(
  sorted: IndexedEntry[],
  filter: QueueFilter,
  firstScreen: number,
): FilteredQueue {
  const finished = useRef<FilterJob | null>(null);
  const [, setFinishedCount] = useState(0);

  const job = useMemo(() => {
    const last = finished.current;
    const next =
      last?.done && last.library === sorted && refines(last.filter, filter)
        ? new FilterJob(last.found, filter, sorted)
        : new FilterJob(sorted, filter);
    const start = performance.now();
    next.step(() => next.found.length >= firstScreen || performance.now() - start > SLICE_MS);
    return next;
  }, [sorted, filter, firstScreen]);

  useEffect(() => {
    if (job.done) {
      finished.current = job;
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const start = performance.now();
      job.step(() => performance.now() - start > SLICE_MS);
      if (!job.done) channel.port2.postMessage(null);
      else {
        finished.current = job;
        setFinishedCount((n) => n + 1);
      }
    };
    channel.port2.postMessage(null);
    return () => channel.port1.close();
  }, [job]);

  return { shown: job.found, complete: job.done };
}
