/** Export, import and backups together; in the popup, folded away under one summary line. */
import type { ExportScope } from '../../shared/export/formats';
import type { sendRequest } from '../../shared/messaging';
import { ExportPanel, type ExportPanelProps } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { SnapshotPanel } from './SnapshotPanel';
import './transfer.css';

export interface TransferSectionProps {
  send: typeof sendRequest;
  tags: readonly string[];
  /**
   * Always open, without a summary line of its own (the library page, whose panel has its own
   * heading); otherwise folded under "Export / Import" (the popup).
   */
  open?: boolean;
  /** How many papers a scope holds, so an empty export says so (see ExportPanel). */
  countScope?: (scope: ExportScope) => Promise<number>;
  exportHere?: ExportPanelProps['exportHere'];
  downloadHere?: ExportPanelProps['downloadHere'];
}

export function TransferSection({
  send,
  tags,
  open = false,
  countScope,
  exportHere,
  downloadHere,
}: TransferSectionProps) {
  const panels = [
    <ExportPanel
      key="export"
      send={send}
      tags={tags}
      countScope={countScope}
      exportHere={exportHere}
      downloadHere={downloadHere}
    />,
    <ImportPanel key="import" send={send} />,
    <SnapshotPanel key="snapshots" send={send} />,
  ];
  if (open) return <div class="transfer">{panels}</div>;
  return (
    <details class="transfer">
      <summary>Export / Import</summary>
      {panels}
    </details>
  );
}
