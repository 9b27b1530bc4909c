/** Where the data lives, how much there is, and whether storage is persistent. */
import { plural } from '../ui/queue/format';
import { StorageProblem } from '../ui/queue/StorageProblem';
import type { LiveResult } from '../ui/queue/use-live-query';
import type { DataCounts, PersistState } from './storage-facts';

interface Props {
  databaseName: string;
  origin: string;
  counts: LiveResult<DataCounts>;
  persist: PersistState;
  usage: number | null;
}

const PERSIST_TEXT: Record<PersistState, string> = {
  checking: 'asking the browser…',
  granted: 'granted: the browser will not clear it to free space',
  refused:
    'not granted: the browser may clear it under storage pressure (Chrome exempts extensions with the unlimitedStorage permission)',
  unsupported: 'not supported by this browser',
};

export function StorageStatus({ databaseName, origin, counts, persist, usage }: Props) {
  return (
    <section class="panel" aria-labelledby="storage-heading">
      <h2 id="storage-heading">Your data</h2>
      <p>
        Stored only in this browser: IndexedDB database <code>{databaseName}</code> in the
        extension’s own origin <code>{origin}</code>. Nothing is sent anywhere.
      </p>
      {counts.status === 'error' && <StorageProblem error={counts.error} />}
      {counts.status === 'ready' && (
        <ul class="facts" aria-label="What is stored">
          <li>{plural(counts.value.saved, 'saved paper')}</li>
          <li>{plural(counts.value.read, 'paper')} marked read</li>
          <li>{plural(counts.value.tagged, 'tagged paper')}</li>
          <li>{plural(counts.value.pinned, 'pinned paper')}</li>
          <li>{plural(counts.value.papers, 'paper')} seen on Daily Papers</li>
          {usage !== null && <li>About {(usage / 1_048_576).toFixed(1)} MB used</li>}
        </ul>
      )}
      <p>
        Persistent storage: <strong data-persist={persist}>{PERSIST_TEXT[persist]}</strong>
      </p>
    </section>
  );
}
