/**
 * Long work the background does for a page (an import, an export, a restore, a merge): the
 * page names it with a job id in its request, the background publishes how far it got in
 * `storage.session` under `paperQueue.job.<id>` (extension pages hear it; content scripts
 * cannot read that area), and `job.cancel` stops it before it commits: the work runs in one
 * transaction, so cancelling changes nothing. Pure: no browser APIs.
 */

export const JOB_KEY_PREFIX = 'paperQueue.job.';

export type JobKind = 'import' | 'export' | 'restore' | 'merge';

export interface JobProgress {
  id: string;
  kind: JobKind;
  /** What is being done, in words ("Saving papers"). */
  phase: string;
  /** How much of `total` is done (papers, entries); total 0: not counted. */
  done: number;
  total: number;
}

export const jobKey = (id: string) => `${JOB_KEY_PREFIX}${id}`;

/** A job id a page makes for its request: letters, digits and dashes. */
export const JOB_ID = /^[A-Za-z0-9-]{1,64}$/;

export function newJobId(): string {
  return crypto.randomUUID();
}

/** The error a cancelled job ends with (its message is for the user). */
export class CancelledError extends Error {
  override name = 'CancelledError';
}

/** What long work is given: whether to stop, and where to say how far it got. */
export interface Job {
  signal: AbortSignal;
  report: (phase: string, done: number, total: number) => void;
  /** Throws CancelledError once the job was cancelled (call between steps). */
  check: () => void;
}

/** For work nobody follows (no job id): never cancelled, reports nowhere. */
export const UNWATCHED: Job = {
  signal: new AbortController().signal,
  report: () => {},
  check: () => {},
};

/** "12,000 of 50,000" */
export function describeProgress(progress: Pick<JobProgress, 'phase' | 'done' | 'total'>): string {
  if (progress.total <= 0) return `${progress.phase}…`;
  return `${progress.phase}: ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')}`;
}
