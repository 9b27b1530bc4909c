/**
 * Performance marks the benchmark reads (`npm run bench:queue`): when the database opened and
 * when the first rows were on screen. Marks are a standard browser API and cost nothing.
 *
 * Also what the rest of a page waits for before it reads the database itself: the first rows.
 * A page's other reads (the library's counts, the export's scope) share the connection with
 * the first screen's query, and at 50,000 papers they held the library's first row back by
 * two seconds.
 */
import { useEffect, useState } from 'preact/hooks';

export const DB_OPEN_MARK = 'paper-queue:db-open';
export const FIRST_RENDER_MARK = 'paper-queue:first-render';

let firstRendered: () => void = () => {};
const firstRender = new Promise<void>((resolve) => {
  firstRendered = resolve;
});

export function markDatabaseOpen(): void {
  performance.mark(DB_OPEN_MARK);
}

export function markFirstRender(): void {
  performance.mark(FIRST_RENDER_MARK);
  firstRendered();
}

/** Resolves once the first rows are on screen (or after `maxMs`, on a page that has none). */
export function afterFirstRender(maxMs = 2000): Promise<void> {
  return Promise.race([firstRender, new Promise<void>((resolve) => setTimeout(resolve, maxMs))]);
}

/** False until the first rows are on screen (see afterFirstRender). */
export function useAfterFirstRender(): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    let live = true;
    void afterFirstRender().then(() => live && setDone(true));
    return () => {
      live = false;
    };
  }, []);
  return done;
}
