/**
 * Filters the sorted library for the current view, tag and search without blocking typing:
 * the first screen of matches is found at once (within a few milliseconds), the rest in
 * short slices between frames. Typing on from a finished search filters its result instead
 * of the whole library, and a filter seen a moment ago on the same library (Backspace back
 * to what was typed before) is answered from its finished result: at 50,000 papers a search
 * of everything again takes tens of milliseconds.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { FilterJob, type IndexedEntry, type QueueFilter, refines } from './queue-query';

/** Longest slice of filtering per task, in milliseconds. */
const SLICE_MS = 6;
/** Finished results kept per library, by filter (most recent last). */
const REMEMBERED = 24;

const keyOf = (filter: QueueFilter) => `${filter.view}\u0000${filter.tag}\u0000${filter.search}`;

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
  const remembered = useRef<{ library: readonly IndexedEntry[]; jobs: Map<string, FilterJob> }>({
    library: sorted,
    jobs: new Map(),
  });
  const [, setFinishedCount] = useState(0);

  const job = useMemo(() => {
    if (remembered.current.library !== sorted)
      remembered.current = { library: sorted, jobs: new Map() };
    const known = remembered.current.jobs.get(keyOf(filter));
    if (known?.done) return known;
    const last = finished.current;
    const next =
      last?.done && last.library === sorted && refines(last.filter, filter)
        ? new FilterJob(last.found, filter, sorted)
        : new FilterJob(sorted, filter);
    const start = performance.now();
    next.step(() => next.found.length >= firstScreen || performance.now() - start > SLICE_MS);
    return next;
  }, [sorted, filter, firstScreen]);

  const remember = (done: FilterJob) => {
    finished.current = done;
    if (done.library !== remembered.current.library) return;
    const { jobs } = remembered.current;
    jobs.delete(keyOf(done.filter));
    jobs.set(keyOf(done.filter), done);
    if (jobs.size > REMEMBERED) jobs.delete(jobs.keys().next().value as string);
  };

  useEffect(() => {
    if (job.done) {
      remember(job);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const start = performance.now();
      job.step(() => performance.now() - start > SLICE_MS);
      if (!job.done) channel.port2.postMessage(null);
      else {
        remember(job);
        setFinishedCount((n) => n + 1);
      }
    };
    channel.port2.postMessage(null);
    return () => channel.port1.close();
  }, [job]);

  return { shown: job.found, complete: job.done };
}
