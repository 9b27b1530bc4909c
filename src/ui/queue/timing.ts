/**
 * Performance marks the benchmark reads (`npm run bench:queue`): when the database opened and
 * when the first rows were on screen. Marks are a standard browser API and cost nothing.
 */
export const DB_OPEN_MARK = 'paper-queue:db-open';
export const FIRST_RENDER_MARK = 'paper-queue:first-render';

export function markDatabaseOpen(): void {
  performance.mark(DB_OPEN_MARK);
}

export function markFirstRender(): void {
  performance.mark(FIRST_RENDER_MARK);
}
