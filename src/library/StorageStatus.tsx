/**
 * "Your data", in words for the person whose papers they are: how many, where they are kept,
 * and whether the browser may clear them. The database's name and origin are for whoever
 * has to look them up, under "Technical details".
 */
import { plural } from '../ui/queue/format';
import { StorageProblem } from '../ui/queue/StorageProblem';
import type { LiveResult } from '../ui/queue/use-live-query';
import type { DataCounts, Safety } from './storage-facts';

interface Props {
  databaseName: string;
  origin: string;
  counts: LiveResult<DataCounts>;
  safety: Safety;
  usage: number | null;
}

const SAFETY: Record<Safety, { label: string; text: string }> = {
  checking: { label: 'Checking…', text: '' },
  persistent: {
    label: 'Safe from clean-up.',
    text: 'The browser has agreed to keep them until you remove them, even when the disk runs low.',
  },
  exempt: {
    label: 'Safe from clean-up.',
    text: 'Chrome (and every browser built on Chromium) never clears an extension’s data to free space when, like Paper Queue, the extension may store without limit.',
  },
  'at-risk': {
    label: 'Not safe from clean-up.',
    text: 'If the disk runs low, the browser may clear them. Export a backup now and then (Export / Import). In Firefox, allow Paper Queue to store data in persistent storage if it asks.',
  },
  unknown: {
    label: 'Clean-up unknown.',
    text: 'This browser does not say whether it might clear them: export a backup now and then.',
  },
};

/** "4 saved papers: 3 still to read, 1 read. 2 have tags, 1 is pinned." */
export function describeCounts(c: DataCounts): string {
  if (c.saved === 0) return 'You have no saved papers yet.';
  const unread = c.saved - c.savedRead;
  const parts = [
    `You have ${plural(c.saved, 'saved paper')}: ${unread.toLocaleString('en')} still to read, ${c.savedRead.toLocaleString('en')} read.`,
  ];
  const extras: string[] = [];
  if (c.tagged > 0)
    extras.push(`${c.tagged.toLocaleString('en')} ${c.tagged === 1 ? 'has' : 'have'} tags`);
  if (c.pinned > 0)
    extras.push(`${c.pinned.toLocaleString('en')} ${c.pinned === 1 ? 'is' : 'are'} pinned`);
  if (extras.length > 0) parts.push(`${extras.join(', ')}.`.replace(/^./, (s) => s.toUpperCase()));
  return parts.join(' ');
}

export function StorageStatus({ databaseName, origin, counts, safety, usage }: Props) {
  const size = usage === null ? '' : ` (about ${(usage / 1_048_576).toFixed(1)} MB)`;
  const { label, text } = SAFETY[safety];
  return (
    <section id="your-data" class="panel" aria-labelledby="storage-heading" tabIndex={-1}>
      <h2 id="storage-heading">Your data</h2>
      {counts.status === 'error' && <StorageProblem error={counts.error} />}
      {counts.status === 'ready' && (
        <>
          <p class="data-counts">{describeCounts(counts.value)}</p>
          {(counts.value.readOnly > 0 || counts.value.papers > 0) && (
            <p class="muted">
              {counts.value.readOnly > 0 &&
                `Paper Queue also remembers ${plural(counts.value.readOnly, 'paper')} you marked read without saving, so Daily Papers can hide ${counts.value.readOnly === 1 ? 'it' : 'them'}. `}
              It keeps the title and authors of {plural(counts.value.papers, 'paper')} it has seen
              on Daily Papers.
            </p>
          )}
        </>
      )}
      <p>
        They are kept in this browser, on this computer, in Paper Queue’s own storage{size}. With
        Sync on, which papers you saved, read and pinned also travel to your other browsers through
        your browser’s own sync (see Sync); nothing else is sent anywhere. Uninstalling Paper Queue
        deletes them here.
      </p>
      <p data-safety={safety}>
        <strong>{label}</strong> {text}
      </p>
      <details class="technical">
        <summary>Technical details</summary>
        <p>
          IndexedDB database <code>{databaseName}</code> in the extension’s origin{' '}
          <code>{origin}</code>.
        </p>
      </details>
    </section>
  );
}
