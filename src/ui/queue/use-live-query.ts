/**
 * Subscribes a component to a Dexie liveQuery. Writes made by the background (or any other
 * extension page) re-run the query, so the page stays current while it is open. Until
 * `enabled` is true nothing is queried (the result stays 'loading').
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export type LiveResult<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: Error };

export function useLiveQuery<T>(
  query: () => Promise<T>,
  deps: unknown[],
  enabled = true,
): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ status: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    const subscription = liveQuery(query).subscribe({
      next: (value) => setResult({ status: 'ready', value }),
      error: (error: unknown) => setResult({ status: 'error', error: asError(error) }),
    });
    return () => subscription.unsubscribe();
  }, [...deps, enabled]);
  return result;
}

export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
