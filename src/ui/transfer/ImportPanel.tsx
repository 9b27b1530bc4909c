/**
 * Import a JSON backup or a list of arXiv ids / paper links, from a file or pasted text.
 * Pasting matters in Firefox, which closes the popup when a file dialog opens.
 */
import { useState } from 'preact/hooks';
import { MAX_IMPORT_BYTES, MAX_IMPORT_MEGABYTES } from '../../shared/backup/limits';
import type { sendRequest } from '../../shared/messaging';
import type { ImportResult } from '../../shared/transfer-types';
import { errorText, type Status, StatusLine } from './StatusLine';

export interface ImportPanelProps {
  send: typeof sendRequest;
}

const WHAT: Record<ImportResult['kind'], string> = {
  backup: 'Backup imported',
  list: 'List imported',
  markdown: 'Markdown checklist imported',
  bibtex: 'BibTeX imported',
  ris: 'RIS imported',
  'csl-json': 'CSL-JSON imported',
  csv: 'CSV imported',
  snapshot: 'Restored',
};

export function describeImport(result: ImportResult): string {
  const { added, updated, unchanged, removed, skipped } = result.report;
  const parts = [`${added} added`, `${updated} updated`, `${unchanged} unchanged`];
  if (removed) parts.push(`${removed} removed`);
  if (skipped) parts.push(`${skipped} skipped`);
  return `${WHAT[result.kind]}: ${parts.join(', ')}.`;
}

export function ImportPanel({ send }: ImportPanelProps) {
  const [pasted, setPasted] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const importText = async (text: string) => {
    setStatus({ kind: 'busy', text: 'Importing…' });
    try {
      setStatus({
        kind: 'done',
        text: describeImport(await send({ type: 'transfer.import', text })),
      });
    } catch (error) {
      setStatus({ kind: 'error', text: errorText(error) });
    }
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setStatus({
        kind: 'error',
        text: `${file.name} is larger than ${MAX_IMPORT_MEGABYTES} MB: nothing was imported.`,
      });
      return;
    }
    await importText(await file.text());
  };

  return (
    <section class="transfer-panel" aria-label="Import">
      <h2>Import</h2>
      <p class="muted">
        A Paper Queue JSON backup, or a list with one arXiv id, huggingface.co/papers or arxiv.org
        link per line. Papers are merged; nothing is removed.
      </p>
      <label class="transfer-row">
        File{' '}
        <input
          type="file"
          accept=".json,.txt,.md,application/json,text/plain"
          disabled={status.kind === 'busy'}
          onChange={(e) => importFile(e.currentTarget)}
        />
      </label>
      <textarea
        aria-label="Paste a list or a backup"
        placeholder="2407.21783&#10;https://huggingface.co/papers/2407.21770"
        rows={3}
        value={pasted}
        onInput={(e) => setPasted(e.currentTarget.value)}
      />
      <div class="transfer-row">
        <button
          type="button"
          disabled={status.kind === 'busy' || !pasted.trim()}
          onClick={() => importText(pasted)}
        >
          Import pasted text
        </button>
      </div>
      <StatusLine status={status} />
    </section>
  );
}
