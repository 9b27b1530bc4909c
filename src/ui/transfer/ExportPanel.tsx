/**
 * Export a scope in a format: download it (the background saves the file) or copy it.
 * Presentational apart from `send`; mounts in the popup and in the library page alike.
 */
import { useState } from 'preact/hooks';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportScope,
  FORMAT_INFO,
} from '../../shared/export/formats';
import type { sendRequest } from '../../shared/messaging';
import { errorText, type Status, StatusLine } from './StatusLine';

export interface ExportPanelProps {
  send: typeof sendRequest;
  /** The user's tags, offered as scopes. */
  tags: readonly string[];
  /** Writes text to the clipboard; injectable for tests. */
  copy?: (text: string) => Promise<void>;
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

export function ExportPanel({ send, tags, copy = clipboardCopy }: ExportPanelProps) {
  const [scope, setScope] = useState('queue');
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const run = async (deliver: 'download' | 'text') => {
    setStatus({ kind: 'busy', text: 'Exporting…' });
    try {
      const result = await send({
        type: 'transfer.export',
        scope: toScope(scope),
        format,
        deliver,
      });
      const papers = result.count === 1 ? '1 paper' : `${result.count} papers`;
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
      <div class="transfer-row">
        <button type="button" disabled={status.kind === 'busy'} onClick={() => run('download')}>
          Download
        </button>
        <button type="button" disabled={status.kind === 'busy'} onClick={() => run('text')}>
          Copy
        </button>
      </div>
      <StatusLine status={status} />
    </section>
  );
}
