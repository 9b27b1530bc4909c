/**
 * Export a scope in a format: download it or copy it. Presentational apart from `send`;
 * mounts in the popup and in the library page alike. The file is built where it is
 * delivered: by the page itself when it is given `exportHere` (every Copy, and Chrome's
 * downloads with `downloadHere`: a file of the whole corpus is more than a message may
 * carry), else by the background, which also saves it. A long export shows how far it got,
 * with Cancel.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportScope,
  FORMAT_INFO,
} from '../../shared/export/formats';
import type { Job } from '../../shared/jobs';
import type { sendRequest } from '../../shared/messaging';
import type { ExportResult, TextFile } from '../../shared/transfer-types';
import { JobProgressView } from './JobProgressView';
import { errorText, type Status, StatusLine } from './StatusLine';
import { emptyScopeText } from './scope-count';
import { useJob } from './use-job';

export interface ExportPanelProps {
  send: typeof sendRequest;
  /** The user's tags, offered as scopes. */
  tags: readonly string[];
  /** Writes text to the clipboard; injectable for tests. */
  copy?: (text: string) => Promise<void>;
  /**
   * How many papers a scope holds (the page reads it itself), so that exporting nothing says
   * so instead of downloading an empty file. Without it, only the background's count after
   * the export can tell.
   */
  countScope?: (scope: ExportScope) => Promise<number>;
  /** Builds the file in the page (src/db/export-file.ts). */
  exportHere?: (
    scope: ExportScope,
    format: ExportFormat,
    job: Job,
  ) => Promise<TextFile & { count: number }>;
  /** Saves a file the page built (Chrome: src/ui/transfer/page-download.ts). */
  downloadHere?: (file: TextFile) => Promise<void>;
}

const SCOPES: { value: string; label: string }[] = [
  { value: 'queue', label: 'Queue (saved, unread)' },
  { value: 'read', label: 'Read (saved, read)' },
  { value: 'saved', label: 'All saved' },
  { value: 'everything', label: 'Everything (full backup)' },
];

function toScope(value: string): ExportScope {
  if (value.startsWith('tag:')) return { kind: 'tag', tag: value.slice(4) };
  return { kind: value as 'queue' | 'read' | 'saved' | 'everything' };
}

const clipboardCopy = (text: string) => navigator.clipboard.writeText(text);

const paperCount = (n: number) => (n === 1 ? '1 paper' : `${n.toLocaleString('en')} papers`);

export function ExportPanel({
  send,
  tags,
  copy = clipboardCopy,
  countScope,
  exportHere,
  downloadHere,
}: ExportPanelProps) {
  const [scope, setScope] = useState('queue');
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  /** Papers in the chosen scope (null while unknown). */
  const [count, setCount] = useState<number | null>(null);
  const job = useJob(send);

  useEffect(() => {
    if (!countScope) return;
    let live = true;
    setCount(null);
    countScope(toScope(scope)).then(
      (n) => live && setCount(n),
      () => live && setCount(null),
    );
    return () => {
      live = false;
    };
  }, [scope, countScope]);

  /** The file built here and delivered from here, or by the background. */
  const exportFile = async (
    chosen: ExportScope,
    deliver: 'download' | 'text',
  ): Promise<ExportResult> => {
    const here = exportHere && (deliver === 'text' || downloadHere);
    const followed = job.begin('export', !here);
    try {
      if (!here) {
        return await send({
          type: 'transfer.export',
          scope: chosen,
          format,
          deliver,
          job: followed.id,
        });
      }
      const file = await exportHere(chosen, format, followed.job);
      if (deliver === 'text')
        return { filename: file.filename, count: file.count, text: file.text };
      // Nothing to save is said, not saved (the background could only tell after saving).
      if (file.count > 0) await downloadHere?.(file);
      return { filename: file.filename, count: file.count, text: file.count > 0 ? undefined : '' };
    } finally {
      job.finish();
    }
  };

  const run = async (deliver: 'download' | 'text') => {
    const chosen = toScope(scope);
    setStatus({ kind: 'busy', text: 'Exporting…' });
    try {
      // Counted again now: a paper may have been saved or removed since the scope was chosen.
      if (countScope && (await countScope(chosen)) === 0) {
        setCount(0);
        setStatus({ kind: 'done', text: emptyScopeText(chosen) });
        return;
      }
      const result = await exportFile(chosen, deliver);
      const papers = paperCount(result.count);
      if (result.count === 0 && deliver === 'text') {
        setStatus({ kind: 'done', text: emptyScopeText(chosen) });
        return;
      }
      if (result.count === 0 && result.text === '') {
        setStatus({ kind: 'done', text: emptyScopeText(chosen) });
        return;
      }
      if (result.count === 0) {
        // The background has already saved the file by the time it says how many it held.
        setStatus({
          kind: 'done',
          text: `${emptyScopeText(chosen)} (${result.filename} was saved empty.)`,
        });
        return;
      }
      if (deliver === 'text') {
        await copy(result.text ?? '');
        setStatus({ kind: 'done', text: `Copied ${papers} as ${FORMAT_INFO[format].label}.` });
      } else {
        setStatus({ kind: 'done', text: `Downloading ${result.filename} (${papers}).` });
      }
    } catch (error) {
      setStatus({ kind: 'error', text: errorText(error) });
    }
  };

  return (
    <section class="transfer-panel" aria-label="Export">
      <h2>Export</h2>
      <div class="transfer-row">
        <label>
          Papers{' '}
          <select
            aria-label="Papers to export"
            value={scope}
            onChange={(e) => setScope(e.currentTarget.value)}
          >
            {SCOPES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
            {tags.map((tag) => (
              <option key={tag} value={`tag:${tag}`}>
                Tag: {tag}
              </option>
            ))}
          </select>
        </label>
        <label>
          Format{' '}
          <select
            aria-label="Export format"
            value={format}
            onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}
          >
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_INFO[f].label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {count !== null && (
        <p class="transfer-count muted" aria-live="polite">
          {count === 0 ? emptyScopeText(toScope(scope)) : `${paperCount(count)} to export.`}
        </p>
      )}
      <div class="transfer-row">
        <button
          type="button"
          disabled={status.kind === 'busy' || count === 0}
          onClick={() => run('download')}
        >
          Download
        </button>
        <button
          type="button"
          disabled={status.kind === 'busy' || count === 0}
          onClick={() => run('text')}
        >
          Copy
        </button>
      </div>
      <JobProgressView progress={job.progress} label="Export" onCancel={job.cancel} />
      {!job.progress && <StatusLine status={status} />}
    </section>
  );
}
