/**
 * What an import text is, and what it holds. Pure: the background runs it on every import
 * (it never trusts the page), and the page runs the same code for the preview.
 *
 * The format is told from the text itself, in this order: not text at all (a PDF, a ZIP, any
 * binary: one sentence); a JSON object (a Paper Queue backup, read all-or-nothing by
 * parse-backup.ts); a JSON array (CSL-JSON); CSV (a first row naming an id, URL or DOI
 * column); RIS (`TY  - ` among the first lines); BibTeX (a line starting `@type{`); a
 * Markdown checklist; else a plain list of ids and links, one a line.
 */
import { MAX_BACKUP_RECORDS, MAX_IMPORT_BYTES, MAX_IMPORT_MEGABYTES } from './limits';
import type { ListFormat, ListRead } from './list-read';
import { BIBTEX_ENTRY, readBibtex } from './parse-bibtex';
import { readCslJson } from './parse-csl-json';
import { csvDelimiter, readCsv } from './parse-csv';
import { readIdList } from './parse-id-list';
import { looksLikeMarkdownList, readMarkdown } from './parse-markdown';
import { looksLikeRis, readRis } from './parse-ris';
import { notTextReason } from './sniff';

export type ImportFormat = 'backup' | ListFormat;

export type ImportRead =
  | { ok: false; error: string }
  /** A JSON object: the caller reads it with parseBackup (all or nothing). */
  | { ok: true; kind: 'backup'; text: string }
  | { ok: true; kind: ListFormat; list: ListRead };

/** What the file was read as, for messages: "BibTeX", "a Markdown checklist". */
export const FORMAT_NAMES: Record<ImportFormat, string> = {
  backup: 'Paper Queue backup',
  list: 'list',
  markdown: 'Markdown checklist',
  bibtex: 'BibTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
  csv: 'CSV',
};

/** What one entry of each format is called: "2 entries will be skipped". */
const ENTRY_WORDS: Record<ListFormat, [string, string]> = {
  list: ['line', 'lines'],
  markdown: ['item', 'items'],
  bibtex: ['entry', 'entries'],
  ris: ['record', 'records'],
  'csl-json': ['item', 'items'],
  csv: ['row', 'rows'],
};

export function entryWord(kind: ListFormat, count: number): string {
  return ENTRY_WORDS[kind][count === 1 ? 0 : 1];
}

export function detectFormat(text: string): ImportFormat {
  if (/^\s*\{/.test(text)) return 'backup';
  if (/^\s*\[\s*[{"\]]/.test(text)) return 'csl-json';
  // CSV first: its header is on the first line, while a note in one of its cells may hold
  // lines that look like a task item, a BibTeX entry or a RIS tag.
  if (csvDelimiter(text)) return 'csv';
  if (looksLikeRis(text)) return 'ris';
  if (BIBTEX_ENTRY.test(text)) return 'bibtex';
  if (looksLikeMarkdownList(text)) return 'markdown';
  return 'list';
}

/** Shown when a plain list has more lines than this and not one id: it is no list at all. */
const UNKNOWN_AFTER_LINES = 3;

export function readImport(input: string, now = Date.now()): ImportRead {
  if (input.length > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      error: `The file is larger than ${MAX_IMPORT_MEGABYTES} MB: nothing was imported.`,
    };
  }
  const notText = notTextReason(input);
  if (notText) return { ok: false, error: notText };
  const text = input.replace(/^\uFEFF/, '');
  const kind = detectFormat(text);
  if (kind === 'backup') return { ok: true, kind, text };
  let list: ListRead;
  if (kind === 'csl-json') {
    const read = readCslJson(text, now);
    if (!read.ok) return { ok: false, error: `Nothing was imported. ${read.error}` };
    list = read.list;
  } else {
    list = READERS[kind](text, now);
  }
  if (list.tooMany) {
    return {
      ok: false,
      error: `Nothing was imported: the file names more than ${MAX_BACKUP_RECORDS.toLocaleString('en')} papers.`,
    };
  }
  if (list.papers.length === 0) return { ok: false, error: nothingFound(kind, list, text) };
  return { ok: true, kind, list };
}

const READERS: Record<Exclude<ListFormat, 'csl-json'>, (text: string, now: number) => ListRead> = {
  list: readIdList,
  markdown: readMarkdown,
  bibtex: readBibtex,
  ris: readRis,
  csv: readCsv,
};

function nothingFound(kind: ListFormat, list: ListRead, text: string): string {
  if (kind === 'list') {
    if (list.skipped === 0)
      return 'Nothing was imported: the list holds no arXiv id or paper link.';
    if (list.skipped > UNKNOWN_AFTER_LINES || text.length > 2000) {
      return (
        'Nothing was imported: this is not a format Paper Queue reads (a Paper Queue backup, ' +
        'BibTeX, RIS, CSL-JSON, CSV, a Markdown checklist or a list of arXiv ids and links), ' +
        'and it names no arXiv paper.'
      );
    }
    return `Nothing was imported. ${describeSkipped(list)}`;
  }
  const name = FORMAT_NAMES[kind];
  if (list.skipped === 0)
    return `Nothing was imported: no paper found in this file (read as ${name}).`;
  return `Nothing was imported (read as ${name}): ${describeSkipped(list)}`;
}

/** The first problems, for a message: `line 2: …; line 4: … (and 3 more)`. */
export function describeSkipped(list: Pick<ListRead, 'skipped' | 'problems'>, shown = 3): string {
  const more = list.skipped > shown ? ` (and ${list.skipped - shown} more)` : '';
  return `${list.problems.slice(0, shown).join('; ')}${more}`;
}
