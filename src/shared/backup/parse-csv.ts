/**
 * Reads CSV with a header row: Paper Queue's own (`id,title,authors,published,saved_at,
 * read_at,tags,note,url`) and other tables that have an id, arXiv, URL or DOI column
 * (Zotero's CSV has `Url` and `DOI`). Commas, semicolons or tabs separate cells (the header
 * decides); quoted cells follow RFC 4180. The apostrophe Paper Queue puts before a cell that
 * a spreadsheet would run as a formula is taken off again. A row whose cell count differs
 * from the header's (a cut or misaligned row) or that names no paper is skipped with the
 * line it starts on.
 */
import { idFromValue, pickId } from '../../site/paper-links';
import { type FoundPaper, isoDay, ListCollector, type ListRead } from './list-read';

const ID_COLUMNS = ['id', 'arxiv_id', 'arxivid', 'arxiv', 'eprint'];
const LINK_COLUMNS = ['url', 'link', 'arxiv_url', 'paper_url', 'pdf', 'pdf_url'];
const DOI_COLUMNS = ['doi'];
const PAPER_COLUMNS = new Set([...ID_COLUMNS, ...LINK_COLUMNS, ...DOI_COLUMNS]);
const DELIMITERS = [',', ';', '\t'] as const;
const OTHER_COLUMNS = new Set([
  'title',
  'authors',
  'author',
  'published',
  'date',
  'saved_at',
  'read_at',
  'read',
  'tags',
  'note',
]);

/** A column name as compared: `Arxiv ID` → `arxiv_id`. */
function columnName(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** The delimiter of a CSV whose header names a paper column, or null if the text is not one. */
export function csvDelimiter(text: string): string | null {
  const header = /^[^\r\n]*\S[^\r\n]*/m.exec(text)?.[0] ?? '';
  let best: { delimiter: string; known: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const names = splitRecords(header, delimiter).records[0]?.cells.map(columnName) ?? [];
    if (names.length < 2 || !names.some((name) => PAPER_COLUMNS.has(name))) continue;
    const known = names.filter((name) => PAPER_COLUMNS.has(name) || OTHER_COLUMNS.has(name)).length;
    if (!best || known > best.known) best = { delimiter, known };
  }
  return best?.delimiter ?? null;
}

export function readCsv(text: string, now = Date.now()): ListRead {
  const list = new ListCollector(now);
  const delimiter = csvDelimiter(text) ?? ',';
  const { records, unclosedAt } = splitRecords(text, delimiter);
  const first = records.findIndex((record) => record.cells.some((cell) => cell.trim()));
  const header = records[first];
  if (!header) return list.done();
  const rows = records.slice(first + 1);
  const names = header.cells.map(columnName);
  const column = (...wanted: string[]) => names.findIndex((name) => wanted.includes(name));
  const at = {
    title: column('title'),
    authors: column('authors'),
    author: column('author'),
    published: column('published', 'date'),
    savedAt: column('saved_at'),
    readAt: column('read_at'),
    read: column('read'),
    tags: column('tags'),
    note: column('note'),
  };
  const paperColumns = names.flatMap((name, i) => (PAPER_COLUMNS.has(name) ? [i] : []));

  for (const row of rows) {
    const where = `line ${row.line}`;
    if (row.cells.every((cell) => !cell.trim())) continue;
    if (row.line === unclosedAt) {
      list.skip(where, 'a quoted cell is never closed (cut off?)');
      continue;
    }
    if (row.cells.length !== names.length) {
      list.skip(where, `has ${row.cells.length} cells, the header ${names.length}`);
      continue;
    }
    const cell = (index: number) => (index === -1 ? '' : unguard(row.cells[index] ?? '').trim());
    const picked = pickId(paperColumns.map((i) => idFromValue(cell(i))));
    if ('problem' in picked) {
      list.skip(where, picked.problem);
      continue;
    }
    const readAt = isoTime(cell(at.readAt));
    const read = !Number.isNaN(readAt) || /^(?:true|yes|y|1|x|read|✓)$/i.test(cell(at.read));
    const savedAt = isoTime(cell(at.savedAt));
    const paper: FoundPaper = {
      id: picked.id,
      read,
      title: cell(at.title),
      authors: at.authors !== -1 ? split(cell(at.authors)) : split(cell(at.author)).map(flip),
      tags: split(cell(at.tags)),
      note: cell(at.note),
      publishedAt: isoDay(cell(at.published)),
    };
    if (read && !Number.isNaN(readAt)) paper.readAt = readAt;
    if (!Number.isNaN(savedAt)) paper.savedAt = savedAt;
    list.add(paper);
  }
  return list.done();
}

/** The time of an ISO 8601 date or date-time (what the exporter writes), else NaN. */
function isoTime(value: string): number {
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
}

/** `a; b; c` → ['a', 'b', 'c'] (the exporter joins authors and tags with "; "). */
function split(value: string): string[] {
  return value
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Zotero's `Author` column holds `Dubey, Abhimanyu`. */
function flip(name: string): string {
  const parts = name.split(',').map((p) => p.trim());
  return parts.length === 2 ? `${parts[1]} ${parts[0]}` : name;
}

/** Takes off the apostrophe that kept `=`, `+`, `-`, `@`, tab or CR from running as a formula. */
function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

interface CsvRecord {
  cells: string[];
  /** The line the record starts on. */
  line: number;
}

/** RFC 4180 records; `unclosedAt` is the line of a record whose quoted cell never closes. */
function splitRecords(
  text: string,
  delimiter: string,
): { records: CsvRecord[]; unclosedAt?: number } {
  const records: CsvRecord[] = [];
  // Runs of plain characters are taken whole, not one by one: a 10 MB file takes a few
  // hundred ms. A quote inside an unquoted cell is a plain character.
  const plain = new RegExp(`[^${delimiter === '\t' ? '\\t' : delimiter}\\r\\n]+`, 'y');
  let cells: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  for (;;) {
    let cell = '';
    if (text[i] === '"') {
      for (;;) {
        const close = text.indexOf('"', i + 1);
        if (close === -1) {
          cells.push(cell + text.slice(i + 1));
          records.push({ cells, line: recordLine });
          return { records, unclosedAt: recordLine };
        }
        const part = text.slice(i + 1, close);
        line += part.split(/\r\n|\r|\n/).length - 1;
        cell += part;
        i = close + 1;
        if (text[i] !== '"') break;
        cell += '"'; // a doubled quote
      }
    }
    plain.lastIndex = i;
    const run = plain.exec(text);
    if (run) {
      cell += run[0];
      i += run[0].length;
    }
    cells.push(cell);
    const c = text[i];
    if (c === delimiter) {
      i++;
      continue;
    }
    if (c === undefined) {
      // The text's last line: a record unless it is empty (the file ended with a newline).
      if (cells.length > 1 || cell !== '') records.push({ cells, line: recordLine });
      return { records };
    }
    records.push({ cells, line: recordLine });
    i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line++;
    recordLine = line;
    cells = [];
  }
}
