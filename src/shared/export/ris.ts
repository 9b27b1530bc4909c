/**
 * RIS (Research Information Systems) records, read by Zotero, Mendeley, EndNote. Every value
 * is one line: a newline in a title could otherwise start a tag of its own.
 */
import { arxivAbsUrl, arxivDoi, type ExportEntry, oneLine, publicationDate } from './entry';

export function toRis(entries: readonly ExportEntry[]): string {
  return entries.map(record).join('');
}

function record(entry: ExportEntry): string {
  const [year, month, day] = publicationDate(entry);
  const lines: [string, string][] = [
    // UNPB (unpublished work) is how reference managers exchange preprints.
    ['TY', 'UNPB'],
    ['TI', entry.title],
    ...entry.authors.map((a): [string, string] => ['AU', a]),
  ];
  if (year !== undefined) lines.push(['PY', String(year)]);
  if (year !== undefined && month !== undefined) {
    const pad = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));
    lines.push(['DA', `${year}/${pad(month)}/${pad(day)}/`]);
  }
  lines.push(
    ['PB', 'arXiv'],
    ['M1', `arXiv:${entry.id}`],
    ['DO', arxivDoi(entry.id)],
    ['UR', arxivAbsUrl(entry.id)],
  );
  if (entry.summary) lines.push(['AB', entry.summary]);
  for (const tag of entry.tags) lines.push(['KW', tag]);
  if (entry.note.trim()) lines.push(['N1', entry.note]);
  lines.push(['ER', '']);
  return `${lines.map(([tag, value]) => `${tag}  - ${oneLine(value)}`.trimEnd()).join('\r\n')}\r\n`;
}
