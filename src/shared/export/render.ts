/** One entry point for every format: the exporters are picked here, not by callers. */
import type { Backup } from '../backup/format';
import { toBackupJson } from '../backup/format';
import { toBibtex } from './bibtex';
import { toCslJson } from './csl-json';
import { toCsv } from './csv';
import type { ExportEntry } from './entry';
import type { ExportFormat } from './formats';
import { toMarkdown } from './markdown';
import { toRis } from './ris';

const RENDERERS: Record<
  Exclude<ExportFormat, 'json'>,
  (entries: readonly ExportEntry[]) => string
> = {
  markdown: (entries) => toMarkdown(entries),
  bibtex: toBibtex,
  ris: toRis,
  'csl-json': toCslJson,
  csv: toCsv,
};

export function renderEntries(
  format: Exclude<ExportFormat, 'json'>,
  entries: readonly ExportEntry[],
) {
  return RENDERERS[format](entries);
}

export function renderBackup(backup: Backup): string {
  return toBackupJson(backup);
}
