/**
 * Running jobs (src/shared/jobs.ts) in the background: one AbortController per job while it
 * runs (the worker is busy with it, so it stays alive), progress published to
 * storage.session at most every PUBLISH_MS and once at the end, then removed.
 */
import browser from 'webextension-polyfill';
import {
  CancelledError,
  type Job,
  type JobKind,
  type JobProgress,
  jobKey,
  UNWATCHED,
} from '../shared/jobs';

const PUBLISH_MS = 100;

type Publish = (key: string, progress: JobProgress | null) => void;

const sessionArea = () =>
  (browser.storage as unknown as { session?: typeof browser.storage.local }).session;

const publishToSession: Publish = (key, progress) => {
  const area = sessionArea();
  if (!area) return;
  // Progress is a courtesy: a failed write must never fail the work.
  const done = progress ? area.set({ [key]: progress }) : area.remove(key);
  void done.catch(() => {});
};

const running = new Map<string, AbortController>();

export interface RunningJob extends Job {
  /** The work is over (committed, failed or cancelled): progress is taken away. */
  end: () => void;
}

/** Starts following job `id` (none: work nobody follows). */
export function startJob(
  id: string | undefined,
  kind: JobKind,
  publish: Publish = publishToSession,
): RunningJob {
  if (!id) return { ...UNWATCHED, end: () => {} };
  const controller = new AbortController();
  running.set(id, controller);
  const key = jobKey(id);
  let last = 0;
  let latest: JobProgress | null = null;
  const cancelled = () => new CancelledError(CANCELLED[kind]);
  return {
    signal: controller.signal,
    report: (phase, done, total) => {
      latest = { id, kind, phase, done, total };
      const now = Date.now();
      if (now - last < PUBLISH_MS && done < total) return;
      last = now;
      publish(key, latest);
    },
    check: () => {
      if (controller.signal.aborted) throw cancelled();
    },
    end: () => {
      running.delete(id);
      publish(key, null);
    },
  };
}

/** Cancels a running job; false when there is none of that id (it ended already). */
export function cancelJob(id: string): boolean {
  const controller = running.get(id);
  if (!controller) return false;
  controller.abort();
  return true;
}

const CANCELLED: Record<JobKind, string> = {
  import: 'Import cancelled: nothing was imported.',
  export: 'Export cancelled: no file was made.',
  restore: 'Restore cancelled: nothing was changed.',
  merge: 'Merge cancelled: nothing was changed.',
};
