/**
 * What the parsers of list-like files (a plain list, a Markdown checklist, BibTeX, RIS,
 * CSL-JSON, CSV) give back: the papers found, each with what the format carries, and the
 * entries skipped, with where they are (`line 4: …`, `entry 3 (key x, line 40): …`).
 */

import { isPaperId } from '../../site/paper-id';
import { oneLine } from '../export/entry';
import { LIMITS, MAX_NOTE_LENGTH } from '../limits';
import { normalizeTags } from '../tags';
import { MAX_BACKUP_RECORDS } from './limits';

/** The formats read as lists (the JSON backup is read whole, see parse-backup.ts). */
export type ListFormat = 'list' | 'markdown' | 'bibtex' | 'ris' | 'csl-json' | 'csv';

/** One paper as a file describes it. Absent fields are ones the format does not carry. */
export interface FoundPaper {
  id: string;
  /** The file says the paper is read (Markdown `[x]`, CSV `read_at`). */
  read?: boolean;
  /** When the file says the paper was saved / read (CSV), in ms. */
  savedAt?: number;
  readAt?: number;
  tags?: string[];
  note?: string;
  title?: string;
  authors?: string[];
  /** ISO 8601, only from a full year-month-day date. */
  publishedAt?: string;
}

export interface ListRead {
  /** One per paper (a paper listed twice is merged), in the order first found. */
  papers: FoundPaper[];
  /** How many entries were skipped. */
  skipped: number;
  /** Why, for the first of them: `line 4: not an arXiv id or paper link: "hello"`. */
  problems: string[];
  /** More than MAX_BACKUP_RECORDS papers: the rest were not kept. */
  tooMany?: boolean;
}

/** Problems kept for the message and the preview; the count goes on. */
export const MAX_PROBLEMS_KEPT = 50;

/** Collects papers and problems while a parser walks a file. */
export class ListCollector {
  private readonly byId = new Map<string, FoundPaper>();
  private skipped = 0;
  private readonly problems: string[] = [];
  private tooMany = false;

  constructor(private readonly now = Date.now()) {}

  add(found: FoundPaper): void {
    const paper = cleanFound(found, this.now);
    if (!paper) return;
    const earlier = this.byId.get(paper.id);
    if (earlier) {
      mergeInto(earlier, paper);
      return;
    }
    if (this.byId.size >= MAX_BACKUP_RECORDS) {
      this.tooMany = true;
      return;
    }
    this.byId.set(paper.id, paper);
  }

  /** One entry skipped. The message is made only while problems are still kept. */
  skip(where: string | (() => string), why: string | (() => string)): void {
    this.skipped++;
    if (this.problems.length >= MAX_PROBLEMS_KEPT) return;
    const text = (part: string | (() => string)) => (typeof part === 'string' ? part : part());
    this.problems.push(`${text(where)}: ${text(why)}`);
  }

  done(): ListRead {
    return {
      papers: [...this.byId.values()],
      skipped: this.skipped,
      problems: this.problems,
      ...(this.tooMany ? { tooMany: true } : {}),
    };
  }
}

/** A paper listed twice: read if either says so; tags joined; the first note, title, etc. */
function mergeInto(earlier: FoundPaper, later: FoundPaper) {
  if (later.read) {
    earlier.read = true;
    earlier.readAt ??= later.readAt;
  }
  if (later.tags) earlier.tags = normalizeTags([...(earlier.tags ?? []), ...later.tags]);
  earlier.note ??= later.note;
  earlier.title ??= later.title;
  earlier.authors ??= later.authors;
  earlier.publishedAt ??= later.publishedAt;
  earlier.savedAt ??= later.savedAt;
}

/**
 * Holds a found paper to what the database and the protocol accept, so whatever a file says
 * can be stored and backed up again: text on one line and within LIMITS, tags normalised,
 * times in the past, a title that is not just the id (exports write the id for a paper never
 * seen). Null when the id itself is not an arXiv id.
 */
export function cleanFound(found: FoundPaper, now: number): FoundPaper | null {
  if (!isPaperId(found.id)) return null;
  const paper: FoundPaper = { id: found.id };
  if (found.read !== undefined) paper.read = found.read;
  const saved = pastStamp(found.savedAt, now);
  if (saved) paper.savedAt = saved;
  const read = found.read ? pastStamp(found.readAt, now) : undefined;
  if (read) paper.readAt = read;
  const tags = normalizeTags(found.tags ?? []);
  if (tags.length > 0) paper.tags = tags;
  const note = found.note?.trim();
  if (note) paper.note = note.slice(0, MAX_NOTE_LENGTH);
  const title = oneLine(found.title ?? '').slice(0, LIMITS.title);
  if (title && !isPaperId(title)) paper.title = title;
  const authors = (found.authors ?? [])
    .map((name) => oneLine(name).slice(0, LIMITS.author))
    .filter(Boolean)
    .slice(0, LIMITS.authors);
  if (authors.length > 0) paper.authors = authors;
  const published = found.publishedAt && isoDay(found.publishedAt);
  if (published) paper.publishedAt = published;
  return paper;
}

function pastStamp(stamp: number | undefined, now: number): number | undefined {
  return stamp !== undefined && Number.isInteger(stamp) && stamp > 0 && stamp <= now
    ? stamp
    : undefined;
}

/**
 * `YYYY-MM-DD` (or a longer ISO date) of a real day → midnight UTC of that day in ISO 8601;
 * anything less precise or invalid → undefined (a made-up day would be exported as fact).
 */
export function isoDay(text: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return dayFromParts(year, month, day);
}

/** An ISO date for year, month (1–12) and day, when they make a real day. */
export function dayFromParts(year: number, month: number, day: number): string | undefined {
  if (![year, month, day].every(Number.isInteger) || year < 1000 || year > 9999) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString();
}

/** A short, quoted, single-line form of a value for a problem message. */
export function quote(text: string, max = 60): string {
  const line = oneLine(text);
  return JSON.stringify(line.length > max ? `${line.slice(0, max)}…` : line);
}

/** `line N` of a text, for the position `at` (0-based), with a precomputed line index. */
export function lineFinder(text: string): (at: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (at) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= at) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}
