/**
 * Backups (daily, before an update, before an import or a restore, and by you): list, take one
 * now, restore.
 * Restoring replaces everything, so it asks for a second click (Firefox popups have no
 * confirm()); the present is snapshotted first, so a restore can be undone.
 */
import { useState } from 'preact/hooks';
import type { sendRequest } from '../../shared/messaging';
import type { SnapshotSummary } from '../../shared/transfer-types';
import { describeImport } from './ImportPanel';
import { JobProgressView } from './JobProgressView';
import { errorText, type Status, StatusLine } from './StatusLine';
import { useJob } from './use-job';

export interface SnapshotPanelProps {
  send: typeof sendRequest;
}

/**
 * What made a backup. (Backups taken before an import or a restore by an earlier version
 * were recorded as "manual", and are listed as taken by you.)
 */
export const REASONS: Record<SnapshotSummary['reason'], string> = {
  daily: 'Daily backup',
  migration: 'Before an update of Paper Queue',
  manual: 'By you (Back up now)',
  import: 'Before an import',
  restore: 'Before a restore',
};

/** "12 papers" (every paper with a mark: saved, read, tagged…). */
const papersIn = (marks: number) =>
  marks === 1 ? '1 paper' : `${marks.toLocaleString('en')} papers`;

export function SnapshotPanel({ send }: SnapshotPanelProps) {
  const [snapshots, setSnapshots] = useState<SnapshotSummary[] | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const job = useJob(send);

  const act = async (work: () => Promise<string | undefined>) => {
    setStatus({ kind: 'busy', text: 'Working…' });
    try {
      const text = await work();
      setStatus(text ? { kind: 'done', text } : { kind: 'idle' });
    } catch (error) {
      setStatus({ kind: 'error', text: errorText(error) });
    }
  };
  const load = () => act(async () => void setSnapshots(await send({ type: 'snapshots.list' })));
  const take = () =>
    act(async () => {
      setSnapshots(await send({ type: 'snapshots.take' }));
      return 'Backup taken.';
    });
  const restore = (id: number) =>
    act(async () => {
      setConfirming(null);
      const followed = job.begin('restore', true);
      try {
        const result = await send({ type: 'snapshots.restore', id, job: followed.id });
        setSnapshots(await send({ type: 'snapshots.list' }));
        return describeImport(result);
      } finally {
        job.finish();
      }
    });

  return (
    <section class="transfer-panel" aria-label="Backups">
      <h2>Backups</h2>
      <div class="transfer-row">
        <button type="button" disabled={status.kind === 'busy'} onClick={load}>
          {snapshots ? 'Refresh' : 'Show backups'}
        </button>
        <button type="button" disabled={status.kind === 'busy'} onClick={take}>
          Back up now
        </button>
      </div>
      {snapshots?.length === 0 && <p class="muted">No backups yet.</p>}
      {snapshots && snapshots.length > 0 && (
        <ul class="snapshots">
          {snapshots.map((s) => (
            <li key={s.id} data-snapshot-id={s.id}>
              <span>
                {new Date(s.createdAt).toLocaleString()} · {REASONS[s.reason]} · {papersIn(s.marks)}
              </span>
              <button
                type="button"
                disabled={status.kind === 'busy'}
                onClick={() => (confirming === s.id ? restore(s.id) : setConfirming(s.id))}
              >
                {confirming === s.id ? 'Replace everything?' : 'Restore'}
              </button>
            </li>
          ))}
        </ul>
      )}
      <JobProgressView progress={job.progress} label="Restore" onCancel={job.cancel} />
      {!job.progress && <StatusLine status={status} />}
    </section>
  );
}
