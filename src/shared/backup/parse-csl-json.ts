/**
 * Reads CSL-JSON, an array of items: Paper Queue's own, Zotero's, Better BibTeX's, Pandoc's.
 * The text must be valid JSON throughout (a cut file is refused whole). The paper is found in
 * the fields that identify it: `number` (`arXiv:2407.21783`, or the bare id Paper Queue
 * writes), `DOI` (10.48550/arXiv.…), `URL`, `archive_location`; failing those, an
 * `arXiv:<id>` in `note` (Zotero's Extra, `arXiv:2407.21783 [cs]`) or `container-title`.
 * An array of plain id or link strings is read too. Title, authors and a full `issued` date
 * are kept.
 */
import { idFromValue, idsInText, pickId } from '../../site/paper-links';
import { dayFromParts, isoDay, ListCollector, type ListRead, quote } from './list-read';

export type CslRead = { ok: true; list: ListRead } | { ok: false; error: string };

export function readCslJson(text: string, now = Date.now()): CslRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `Not valid JSON (truncated or damaged?): ${reason}` };
  }
  if (!Array.isArray(raw)) return { ok: false, error: 'Not CSL-JSON: expected an array.' };
  const list = new ListCollector(now);
  raw.forEach((item: unknown, index) => {
    const where = place(item, index);
    if (typeof item === 'string') {
      const id = idFromValue(item);
      if (id) list.add({ id });
      else list.skip(where, `not an arXiv id or paper link: ${quote(item)}`);
      return;
    }
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      list.skip(where, 'not a CSL item');
      return;
    }
    const fields = item as Record<string, unknown>;
    const strong = ['number', 'DOI', 'URL', 'archive_location']
      .map((name) => stringField(fields, name))
      .filter(Boolean)
      .map(idFromValue);
    const weak = ['note', 'container-title'].flatMap((name) =>
      idsInText(stringField(fields, name)),
    );
    const picked = pickId(strong, weak);
    if ('problem' in picked) {
      list.skip(where, picked.problem);
      return;
    }
    list.add({
      id: picked.id,
      title: stringField(fields, 'title'),
      authors: Array.isArray(fields.author) ? fields.author.map(cslName) : [],
      publishedAt: cslDate(fields.issued),
    });
  });
  return { ok: true, list: list.done() };
}

/** `item 3 (id dubey2024llama)`, or with the title when the id is a long URI (Zotero's). */
function place(item: unknown, index: number): string {
  const { id, title } = (typeof item === 'object' && item !== null ? item : {}) as {
    id?: unknown;
    title?: unknown;
  };
  const key = typeof id === 'number' ? String(id) : id;
  if (typeof key === 'string' && /^[\w:.+-]{1,60}$/.test(key))
    return `item ${index + 1} (id ${key})`;
  if (typeof title === 'string' && title.trim()) return `item ${index + 1} (${quote(title, 40)})`;
  return `item ${index + 1}`;
}

function stringField(fields: Record<string, unknown>, name: string): string {
  const value = fields[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** `{literal}` or `{given, family, …}` → "Given family". */
function cslName(author: unknown): string {
  if (typeof author !== 'object' || author === null) return '';
  const name = author as Record<string, unknown>;
  const part = (key: string) => (typeof name[key] === 'string' ? (name[key] as string) : '');
  if (part('literal')) return part('literal');
  const family = [part('non-dropping-particle'), part('family')].filter(Boolean).join(' ');
  const given = [part('given'), part('dropping-particle')].filter(Boolean).join(' ');
  return [given, family, part('suffix')].filter(Boolean).join(' ');
}

/** `{"date-parts": [[2024, 7, 31]]}` (numbers or numeric strings) or `{"raw": "2024-07-31"}`. */
function cslDate(issued: unknown): string | undefined {
  if (typeof issued !== 'object' || issued === null) return undefined;
  const date = issued as { 'date-parts'?: unknown; raw?: unknown };
  const first = Array.isArray(date['date-parts']) ? date['date-parts'][0] : undefined;
  if (Array.isArray(first) && first.length >= 3) {
    const [year, month, day] = first.map((n) => (typeof n === 'string' ? Number(n) : n));
    if ([year, month, day].every((n) => typeof n === 'number')) {
      return dayFromParts(year as number, month as number, day as number);
    }
  }
  return typeof date.raw === 'string' ? isoDay(date.raw) : undefined;
}
