/**
 * Reads RIS: Paper Queue's own records, Zotero's, Mendeley's, EndNote's. A record runs from
 * `TY  - ` to `ER  - `; one that never reaches its ER line (a cut file) is skipped whole. The
 * paper is found in the fields that identify it: links (`UR`, `L1`, `L2`, `LK`), the DOI
 * (`DO`, 10.48550/arXiv.…) and `M1`/`M3`/`AN` (`arXiv:2407.21783`); failing those, an
 * `arXiv:<id>` in a note or journal name (`N1  - arXiv:2407.21783 [cs]`). Title, authors and
 * a full date are kept.
 */
import { idFromValue, idsInText, pickId } from '../../site/paper-links';
import { dayFromParts, ListCollector, type ListRead, quote } from './list-read';

/** `TY  - JOUR`, the first tag of a record. */
export const RIS_START = /^[ \t]*TY {1,2}-/;
const TAG_LINE = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*)|\s*)$/;

const STRONG_TAGS = ['UR', 'L1', 'L2', 'L3', 'L4', 'LK', 'DO', 'M1', 'M3', 'AN'];
const WEAK_TAGS = ['N1', 'T2', 'JO', 'JF', 'J2', 'JA', 'BT', 'T3'];

interface RisRecord {
  number: number;
  line: number;
  fields: Map<string, string[]>;
  last?: string[];
}

export function looksLikeRis(text: string): boolean {
  let seen = 0;
  for (const line of text.split(/\r\n|\r|\n/, 200)) {
    if (!line.trim()) continue;
    if (RIS_START.test(line)) return true;
    if (++seen > 5) return false;
  }
  return false;
}

export function readRis(text: string, now = Date.now()): ListRead {
  const list = new ListCollector(now);
  let record: RisRecord | null = null;
  let number = 0;
  const skipUnfinished = (why: string) => {
    const unfinished = record;
    if (unfinished) list.skip(() => place(unfinished), why);
  };
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.replace(/^\uFEFF/, '').trimEnd();
    const tagged = TAG_LINE.exec(line.trimStart());
    if (!tagged) {
      // A long value wrapped onto the next line by some exporters.
      if (record?.last && line.trim()) {
        const i = record.last.length - 1;
        record.last[i] = `${record.last[i]} ${line.trim()}`;
      }
      return;
    }
    const tag = tagged[1] as string;
    const value = (tagged[2] ?? '').trim();
    if (tag === 'TY') {
      skipUnfinished(`no ER line before the next record (line ${index + 1})`);
      record = { number: ++number, line: index + 1, fields: new Map() };
      return;
    }
    if (!record) return; // outside any record
    if (tag === 'ER') {
      finish(record, list);
      record = null;
      return;
    }
    const values = record.fields.get(tag) ?? [];
    values.push(value);
    record.fields.set(tag, values);
    record.last = values;
  });
  skipUnfinished('cut off before its ER line');
  return list.done();
}

function place(record: RisRecord): string {
  const title = record.fields.get('TI')?.[0] ?? record.fields.get('T1')?.[0];
  const named = title ? `, ${quote(title, 40)}` : '';
  return `record ${record.number} (line ${record.line}${named})`;
}

function finish(record: RisRecord, list: ListCollector) {
  const all = (...tags: string[]) => tags.flatMap((tag) => record.fields.get(tag) ?? []);
  // Some exporters put several links in one UR, separated by semicolons or spaces.
  const strong = all(...STRONG_TAGS)
    .flatMap((value) => value.split(/[;\s]+/))
    .filter(Boolean)
    .map(idFromValue);
  const weak = all(...WEAK_TAGS).flatMap(idsInText);
  const picked = pickId(strong, weak);
  if ('problem' in picked) {
    list.skip(() => place(record), picked.problem);
    return;
  }
  list.add({
    id: picked.id,
    title: all('TI', 'T1')[0] ?? '',
    authors: all('AU', 'A1').map(personName),
    publishedAt: risDate(all('DA', 'PY', 'Y1')),
  });
}

/** `Dubey, Abhimanyu` → `Abhimanyu Dubey`; `Last, First, Jr.` → `First Last Jr.`. */
export function personName(value: string): string {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.length === 2) return `${parts[1]} ${parts[0]}`.trim();
  if (parts.length === 3) return `${parts[2]} ${parts[0]} ${parts[1]}`.trim();
  return value.trim();
}

/** The first `YYYY/MM/DD` date among the values (`2024/07/31/`, `2024/07/31/other`). */
function risDate(values: readonly string[]): string | undefined {
  for (const value of values) {
    const match = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/.exec(value.trim());
    if (match) return dayFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
  }
  return undefined;
}
