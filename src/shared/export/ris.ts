/**
 * RIS (Research Information Systems) records, read by Zotero, Mendeley, EndNote. Every value
 * is one line: a newline in a title could otherwise start a tag of its own. Abstracts are left
 * out (they would triple the file; the JSON backup keeps them).
 */
import { arxivAbsUrl, arxivDoi, type ExportEntry, oneLine, publicationDate } from './entry';

export function toRis(entries: readonly ExportEntry[]): string {
  return entries.map(record).join('');
}

function record(entry: ExportEntry): string {
  const lines: string[] = [];
  const line = (tag: string, value: string) => {
    lines.push(`${tag}  - ${oneLine(value)}\r\n`);
  };
  const [year, month, day] = publicationDate(entry);
  // UNPB (unpublished work) is how reference managers exchange preprints.
  line('TY', 'UNPB');
  line('TI', entry.title);
  for (const author of entry.authors) line('AU', author);
  if (year !== undefined) line('PY', String(year));
  if (year !== undefined && month !== undefined) {
    const pad = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));
    line('DA', `${year}/${pad(month)}/${pad(day)}/`);
  }
  line('PB', 'arXiv');
  line('M1', `arXiv:${entry.id}`);
  line('DO', arxivDoi(entry.id));
  line('UR', arxivAbsUrl(entry.id));
  for (const tag of entry.tags) line('KW', tag);
  if (entry.note.trim()) line('N1', entry.note);
  lines.push('ER  -\r\n');
  return lines.join('');
}
