/**
 * Following one long job from a page (src/shared/jobs.ts): one the background runs (an
 * import, a restore, a Firefox download), whose progress arrives through storage.session,
 * or one the page runs itself (an export it builds), which reports straight here. Progress
 * shows only once the job has taken SHOW_AFTER_MS, with a Cancel that stops it before it
 * commits.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import {
  CancelledError,
  type Job,
  type JobKind,
  type JobProgress,
  jobKey,
  newJobId,
} from '../../shared/jobs';
import type { sendRequest } from '../../shared/messaging';

/** Work shorter than this shows no progress bar (it would only flicker). */
export const SHOW_AFTER_MS = 500;

const CANCELLED: Record<JobKind, string> = {
  import: 'Import cancelled: nothing was imported.',
  export: 'Export cancelled: no file was made.',
  restore: 'Restore cancelled: nothing was changed.',
  merge: 'Merge cancelled: nothing was changed.',
};

interface Active {
  id: string;
  kind: JobKind;
  remote: boolean;
  controller: AbortController;
  timer: ReturnType<typeof setTimeout>;
}

export interface Followed {
  /** The id to send with a background request. */
  id: string;
  /** For work the page does itself: where to report, whether to stop. */
  job: Job;
}

export function useJob(send: typeof sendRequest) {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [shown, setShown] = useState(false);
  const active = useRef<Active | null>(null);

  useEffect(() => {
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const job = active.current;
      if (area !== 'session' || !job?.remote) return;
      const value = changes[jobKey(job.id)]?.newValue as JobProgress | undefined;
      if (value) setProgress(value);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      browser.storage.onChanged.removeListener(onChanged);
      if (active.current) clearTimeout(active.current.timer);
    };
  }, []);

  /** Starts following a job (`remote`: the background runs it). */
  const begin = (kind: JobKind, remote: boolean): Followed => {
    if (active.current) clearTimeout(active.current.timer);
    const id = newJobId();
    const controller = new AbortController();
    active.current = {
      id,
      kind,
      remote,
      controller,
      timer: setTimeout(() => setShown(true), SHOW_AFTER_MS),
    };
    setProgress({ id, kind, phase: 'Starting', done: 0, total: 0 });
    const job: Job = {
      signal: controller.signal,
      report: (phase, done, total) => {
        if (active.current?.id === id) setProgress({ id, kind, phase, done, total });
      },
      check: () => {
        if (controller.signal.aborted) throw new CancelledError(CANCELLED[kind]);
      },
    };
    return { id, job };
  };

  /** The job ended (done, failed or cancelled). */
  const finish = () => {
    if (active.current) clearTimeout(active.current.timer);
    active.current = null;
    setShown(false);
    setProgress(null);
  };

  const cancel = () => {
    const job = active.current;
    if (!job) return;
    job.controller.abort();
    if (job.remote) void send({ type: 'job.cancel', job: job.id }).catch(() => {});
  };

  return { progress: shown ? progress : null, begin, finish, cancel };
}
