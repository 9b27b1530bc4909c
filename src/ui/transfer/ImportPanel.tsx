/**
 * Import a JSON backup, any of the export formats (Markdown, BibTeX, RIS, CSL-JSON, CSV, also
 * as Zotero writes them) or a list of arXiv ids / paper links, from a file or pasted text.
 * Pasting matters in Firefox, which closes the popup when a file dialog opens.
 *
 * The page reads the text with the same pure parsers as the background. When some entries of
 * a list-like file name no paper, it shows what it found and what it would skip, and sends
 * the import (with `skipInvalid`) only when the user presses Import. The background reads
 * and checks the text again itself.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { MAX_IMPORT_BYTES, MAX_IMPORT_MEGABYTES } from '../../shared/backup/limits';
import type { ListFormat } from '../../shared/backup/list-read';
import { entryWord, FORMAT_NAMES, readImport } from '../../shared/backup/read-import';
import { decodeImportFile } from '../../shared/backup/sniff';
import type { sendRequest } from '../../shared/messaging';
import type { ImportResult } from '../../shared/transfer-types';
import { paperUrl } from '../../site/huggingface/urls';
import { JobProgressView } from './JobProgressView';
import { errorText, type Status, StatusLine } from './StatusLine';
import { useJob } from './use-job';

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
  const { added, updated, unchanged, removed, skipped, rulesAdded } = result.report;
  const parts = [`${added} added`, `${updated} updated`, `${unchanged} unchanged`];
  if (removed) parts.push(`${removed} removed`);
  if (skipped) parts.push(`${skipped} skipped`);
  if (rulesAdded) parts.push(`${rulesAdded} ${rulesAdded === 1 ? 'rule' : 'rules'} added`);
  return `${WHAT[result.kind]}: ${parts.join(', ')}.`;
}

/** How many problems the preview lists; the rest are counted. */
const PROBLEMS_SHOWN = 5;

interface Preview {
  text: string;
  kind: ListFormat;
  found: number;
  skipped: number;
  problems: string[];
}

const papers = (n: number) => `${n} ${n === 1 ? 'paper' : 'papers'}`;

export function ImportPanel({ send }: ImportPanelProps) {
  const [pasted, setPasted] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [preview, setPreview] = useState<Preview | null>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  const summaryId = useId();
  // A long import (50,000 ids: seconds) shows how far it got, with Cancel.
  const job = useJob(send);

  useEffect(() => {
    if (preview) importButton.current?.focus();
  }, [preview]);

  const sendImport = async (text: string, skipInvalid: boolean) => {
    setPreview(null);
    setStatus({ kind: 'busy', text: 'Importing…' });
    const { id } = job.begin('import', true);
    try {
      const result = await send({
        type: 'transfer.import',
        text,
        job: id,
        ...(skipInvalid ? { skipInvalid: true } : {}),
      });
      setStatus({ kind: 'done', text: describeImport(result) });
    } catch (error) {
      setStatus({ kind: 'error', text: errorText(error) });
    } finally {
      job.finish();
    }
  };

  /** Reads the text here first: refuses what cannot be read, previews what would be skipped. */
  const importText = async (text: string) => {
    setPreview(null);
    const read = readImport(text);
    if (!read.ok) {
      setStatus({ kind: 'error', text: read.error });
      return;
    }
    if (read.kind !== 'backup' && read.list.skipped > 0) {
      const { papers: found, skipped, problems } = read.list;
      setStatus({ kind: 'idle' });
      setPreview({ text, kind: read.kind, found: found.length, skipped, problems });
      return;
    }
    await sendImport(text, false);
  };

  const cancel = () => {
    setPreview(null);
    setStatus({ kind: 'done', text: 'Nothing was imported.' });
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setPreview(null);
      setStatus({
        kind: 'error',
        text: `${file.name} is larger than ${MAX_IMPORT_MEGABYTES} MB: nothing was imported.`,
      });
      return;
    }
    await importText(decodeImportFile(new Uint8Array(await file.arrayBuffer())));
  };

  const busy = status.kind === 'busy';
  return (
    <section class="transfer-panel" aria-label="Import">
      <h2>Import</h2>
      <p class="muted">
        A Paper Queue backup or export (Markdown, BibTeX, RIS, CSL-JSON, CSV), a Zotero export, or a
        list with one arXiv id, huggingface.co/papers or arxiv.org link per line. Papers are merged;
        nothing is removed.
      </p>
      <label class="transfer-row">
        File{' '}
        <input
          type="file"
          accept=".json,.txt,.md,.markdown,.bib,.bibtex,.ris,.csv,.tsv,application/json,text/plain,text/markdown,text/csv,application/x-bibtex,application/x-research-info-systems"
          disabled={busy}
          onChange={(e) => importFile(e.currentTarget)}
        />
      </label>
      <textarea
        aria-label="Paste a list or a backup"
        placeholder={`2407.21783\n${paperUrl('2407.21770')}`}
        rows={3}
        value={pasted}
        onInput={(e) => {
          setPasted(e.currentTarget.value);
          setPreview(null); // the preview was of the text before
        }}
      />
      <div class="transfer-row">
        <button type="button" disabled={busy || !pasted.trim()} onClick={() => importText(pasted)}>
          Import pasted text
        </button>
      </div>
      {preview && (
        <fieldset class="import-preview" aria-label="Import preview">
          <p id={summaryId} class="transfer-status">
            Found {papers(preview.found)} ({FORMAT_NAMES[preview.kind]}); {preview.skipped}{' '}
            {entryWord(preview.kind, preview.skipped)} will be skipped:
          </p>
          <ul class="import-problems">
            {preview.problems.slice(0, PROBLEMS_SHOWN).map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
            {preview.skipped > PROBLEMS_SHOWN && (
              <li>and {preview.skipped - PROBLEMS_SHOWN} more</li>
            )}
          </ul>
          <div class="transfer-row">
            <button
              type="button"
              ref={importButton}
              aria-describedby={summaryId}
              onClick={() => sendImport(preview.text, true)}
            >
              Import {papers(preview.found)}
            </button>
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          </div>
        </fieldset>
      )}
      <JobProgressView progress={job.progress} label="Import" onCancel={job.cancel} />
      {!job.progress && <StatusLine status={status} />}
    </section>
  );
}
