/** The export formats, their file extensions and media types. */
export const EXPORT_FORMATS = ['markdown', 'bibtex', 'ris', 'csl-json', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_INFO: Record<ExportFormat, { label: string; extension: string; mime: string }> =
  {
    markdown: { label: 'Markdown checklist', extension: 'md', mime: 'text/markdown' },
    bibtex: { label: 'BibTeX', extension: 'bib', mime: 'application/x-bibtex' },
    ris: { label: 'RIS', extension: 'ris', mime: 'application/x-research-info-systems' },
    'csl-json': {
      label: 'CSL-JSON',
      extension: 'csl.json',
      mime: 'application/vnd.citationstyles.csl+json',
    },
    csv: { label: 'CSV', extension: 'csv', mime: 'text/csv' },
    json: { label: 'JSON backup', extension: 'json', mime: 'application/json' },
  };

/** Which papers to export. `everything` is every record, for a full backup. */
export type ExportScope =
  | { kind: 'queue' }
  | { kind: 'read' }
  | { kind: 'saved' }
  | { kind: 'tag'; tag: string }
  | { kind: 'everything' };

export function scopeLabel(scope: ExportScope): string {
  return scope.kind === 'tag' ? `tag-${slug(scope.tag)}` : scope.kind;
}

/** `paper-queue-<scope>-<YYYY-MM-DD>.<ext>`, with the local date of `now`. */
export function exportFileName(scope: ExportScope, format: ExportFormat, now: Date): string {
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0')))
    .join('-');
  return `paper-queue-${scopeLabel(scope)}-${day}.${FORMAT_INFO[format].extension}`;
}

/** A file-name-safe form of a tag: letters and digits of any script, joined by dashes. */
function slug(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'untitled'
  );
}
