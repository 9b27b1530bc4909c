/**
 * Subscribes a component to a Dexie liveQuery. Writes made by the background (or any other
 * extension page) re-run the query, so the popup stays current while it is open.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export type LiveResult<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: Error };

export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ status: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setResult({ status: 'ready', value }),
      error: (error: unknown) =>
        setResult({
          status: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
        }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return result;
}
