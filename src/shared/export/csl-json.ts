/**
 * CSL-JSON (Citation Style Language), read by Zotero, Pandoc and citeproc. Abstracts are left
 * out (they would triple the file; the JSON backup keeps them).
 */
import { citationKeys } from './bibtex';
import { arxivAbsUrl, arxivDoi, type ExportEntry, oneLine, publicationDate } from './entry';

export function toCslJson(entries: readonly ExportEntry[]): string {
  const keys = citationKeys(entries);
  const items = entries.map((entry) => {
    const date = publicationDate(entry);
    return {
      id: keys.get(entry.id) ?? entry.id,
      type: 'article',
      title: oneLine(entry.title),
      // Splitting names into given/family would guess wrong for many; literal is lossless.
      author: entry.authors.map((name) => ({ literal: oneLine(name) })),
      ...(date.length > 0 ? { issued: { 'date-parts': [date] } } : {}),
      publisher: 'arXiv',
      number: entry.id,
      DOI: arxivDoi(entry.id),
      URL: arxivAbsUrl(entry.id),
      ...(entry.note.trim() ? { note: entry.note } : {}),
      ...(entry.tags.length > 0 ? { keyword: entry.tags.join(', ') } : {}),
    };
  });
  // One item per line: readable in a diff, and a third of the size of indenting every name.
  let out = '[\n';
  for (const [i, item] of items.entries()) out += `${i > 0 ? ',\n' : ''}${JSON.stringify(item)}`;
  return `${out}\n]\n`;
}
