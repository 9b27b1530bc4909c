/**
 * CSV as RFC 4180 describes it (CRLF, quoted fields, doubled quotes), safe to open in a
 * spreadsheet: a cell that starts with = + - @ tab or CR would run as a formula there, so it
 * is prefixed with an apostrophe (OWASP's advice for CSV injection).
 */
import { arxivAbsUrl, type ExportEntry, isoDay, publicationDate } from './entry';

const COLUMNS = [
  'id',
  'title',
  'authors',
  'published',
  'saved_at',
  'read_at',
  'tags',
  'note',
  'url',
] as const;

export function toCsv(entries: readonly ExportEntry[]): string {
  const rows = [
    [...COLUMNS],
    ...entries.map((entry) => [
      entry.id,
      entry.title,
      entry.authors.join('; '),
      isoDay(publicationDate(entry)),
      isoTime(entry.savedAt),
      isoTime(entry.readAt),
      entry.tags.join('; '),
      entry.note,
      arxivAbsUrl(entry.id),
    ]),
  ];
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

function isoTime(stamp: number): string {
  return stamp > 0 ? new Date(stamp).toISOString() : '';
}

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
