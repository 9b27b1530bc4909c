/**
 * The outbox: decisions a page made, written to `storage.local` before (or as) its cards show
 * them, so a shown click outlives the tab closing or reloading at once and the background
 * being stopped at any moment. The background applies each entry like any decision (by its
 * decision time: a late entry cannot undo a newer decision) and removes it; every open page
 * shows the entries not yet applied, so all tabs agree while the background sleeps.
 *
 * One key per decision: `paperQueue.outbox.<tab run>.<n>`. An entry the background could
 * not apply comes back with `failed` set (the reason); the tab that made it shows the reason
 * and removes it.
 */
import type { PaperMeta, PaperState } from './model';

export const OUTBOX_PREFIX = 'paperQueue.outbox.';

export interface OutboxEntry {
  /** When the user decided (the page's clock, ms). */
  at: number;
  /** Intended values, never flips. */
  marks: Record<string, Partial<PaperState>>;
  /**
   * The page that decided (its URL). A decision from a site the user has turned off since
   * the page loaded is refused, as its messages are.
   */
  page: string;
  /** What the page says about the paper, for a single Save (its first record). */
  paper?: PaperMeta;
  /** Set by the background when it could not apply the entry: why. */
  failed?: string;
}

export const isOutboxKey = (key: string) => key.startsWith(OUTBOX_PREFIX);

/** A shape check for pages (the background validates entries fully with the schemas). */
export function readOutboxEntry(value: unknown): OutboxEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const entry = value as Partial<OutboxEntry>;
  if (
    typeof entry.at !== 'number' ||
    typeof entry.page !== 'string' ||
    typeof entry.marks !== 'object' ||
    entry.marks === null
  ) {
    return null;
  }
  return entry as OutboxEntry;
}
