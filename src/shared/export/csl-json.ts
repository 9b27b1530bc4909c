/** CSL-JSON (Citation Style Language), read by Zotero, Pandoc and citeproc. */
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
      ...(entry.summary ? { abstract: entry.summary } : {}),
      ...(entry.note.trim() ? { note: entry.note } : {}),
      ...(entry.tags.length > 0 ? { keyword: entry.tags.join(', ') } : {}),
    };
  });
  return `${JSON.stringify(items, null, 2)}\n`;
}
