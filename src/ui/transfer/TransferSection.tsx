/** Export, import and backups together, folded away under one summary line. */
import type { sendRequest } from '../../shared/messaging';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { SnapshotPanel } from './SnapshotPanel';
import './transfer.css';

export interface TransferSectionProps {
  send: typeof sendRequest;
  tags: readonly string[];
  /** Open from the start (the library page); folded in the popup. */
  open?: boolean;
}

export function TransferSection({ send, tags, open = false }: TransferSectionProps) {
  return (
    <details class="transfer" open={open}>
      <summary>Export / Import</summary>
      <ExportPanel send={send} tags={tags} />
      <ImportPanel send={send} />
      <SnapshotPanel send={send} />
    </details>
  );
}
