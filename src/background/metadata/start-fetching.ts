/**
 * Wires the metadata fetcher to the database: which papers to ask about (saved ones without
 * authors) and where the answers go. The fetcher lives as long as the background does; at
 * every start-up the database is asked again, so nothing is lost when the worker stops.
 */
import type { PaperQueueDB } from '../../db/database';
import { savedPapersWithoutAuthors, storeFetchedPaper } from '../../db/enrichment';
import { MetadataFetcher } from './metadata-fetcher';

export function createMetadataQueue(db: () => PaperQueueDB) {
  const fetcher = new MetadataFetcher({
    fetch: (url, init) => fetch(url, init),
    now: Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    store: (paper) => storeFetchedPaper(db(), paper),
  });
  /** Queues the given saved papers (or every saved paper) that lack authors. */
  return async (ids?: string[]) => {
    fetcher.enqueue(await savedPapersWithoutAuthors(db(), ids));
  };
}
