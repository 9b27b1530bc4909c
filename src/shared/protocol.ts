/**
 * The one message protocol between content scripts, extension pages and the background.
 *
 * The schemas are the source of truth: the background validates every incoming message with
 * them, and the TypeScript types are inferred from them. Content scripts import this file
 * with `import type` only, so valibot never ships in the content script.
 */
import * as v from 'valibot';
import { MAX_IMPORT_BYTES, MAX_IMPORT_MEGABYTES } from './backup/limits';
import { EXPORT_FORMATS } from './export/formats';
import { LIMITS, MAX_NOTE_LENGTH, MAX_PAPERS_PER_MESSAGE } from './limits';
import type { PaperState, StateMap } from './model';
import { isPaperId } from './paper-id';
import { MAX_TAG_LENGTH, MAX_TAGS_PER_PAPER } from './tags';
import type { ExportResult, ImportResult, SnapshotSummary } from './transfer-types';

const PaperId = v.pipe(
  v.string(),
  v.check((id: string) => isPaperId(id), 'Not an arXiv id such as 2407.21783'),
);
const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `Longer than ${max} characters`));
const HttpsUrl = v.pipe(
  text(LIMITS.url),
  v.check((url) => url.startsWith('https://'), 'Not an https:// URL'),
);
const IsoDate = v.pipe(
  text(40),
  v.check((date) => !Number.isNaN(Date.parse(date)), 'Not a date'),
);
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const PaperMetaSchema = v.strictObject({
  id: PaperId,
  title: v.pipe(text(LIMITS.title), v.minLength(1, 'Empty')),
  authors: v.optional(v.pipe(v.array(text(LIMITS.author)), v.maxLength(LIMITS.authors))),
  summary: v.optional(text(LIMITS.summary)),
  aiSummary: v.optional(text(LIMITS.summary)),
  publishedAt: v.optional(IsoDate),
  upvotes: v.optional(Count),
  numComments: v.optional(Count),
  thumbnail: v.optional(HttpsUrl),
  githubRepo: v.optional(HttpsUrl),
  organization: v.optional(text(LIMITS.organization)),
});

export const ExportScopeSchema = v.variant('kind', [
  v.strictObject({ kind: v.picklist(['queue', 'read', 'saved', 'everything']) }),
  v.strictObject({
    kind: v.literal('tag'),
    tag: v.pipe(v.string(), v.minLength(1, 'Empty'), v.maxLength(MAX_TAG_LENGTH)),
  }),
]);

const PaperList = v.pipe(v.array(PaperMetaSchema), v.maxLength(MAX_PAPERS_PER_MESSAGE));
const IdList = v.pipe(v.array(PaperId), v.maxLength(MAX_PAPERS_PER_MESSAGE));
const Tag = v.pipe(text(MAX_TAG_LENGTH), v.minLength(1, 'Empty tag'));
const TagList = v.pipe(v.array(Tag), v.maxLength(MAX_TAGS_PER_PAPER));
const Timestamp = Count;
const MarkSnapshotSchema = v.strictObject({
  id: PaperId,
  savedAt: Timestamp,
  readAt: Timestamp,
  pinnedAt: Timestamp,
  tags: TagList,
  note: text(MAX_NOTE_LENGTH),
});

export const RequestSchema = v.variant('type', [
  /** A content script saw these papers: record what they are, answer what the user decided. */
  v.strictObject({ type: v.literal('papers.seen'), papers: PaperList }),
  /** The user's decisions about these papers. */
  v.strictObject({ type: v.literal('papers.states'), ids: IdList }),
  /**
   * Set (never flip) the user's marks on one paper. Carrying the intended value makes a
   * retried message harmless. `paper` lets the first Save also record what the paper is.
   */
  /**
   * Set marks on many papers in one transaction: "mark all on this page as read", and undo,
   * which restores each paper's previous marks. Intended values, never flips.
   */
  v.strictObject({
    type: v.literal('papers.set'),
    marks: v.pipe(
      v.record(
        PaperId,
        v.strictObject({ saved: v.optional(v.boolean()), read: v.optional(v.boolean()) }),
      ),
      v.check(
        (marks) => Object.keys(marks).length <= MAX_PAPERS_PER_MESSAGE,
        `More than ${MAX_PAPERS_PER_MESSAGE} papers`,
      ),
    ),
  }),
  /**
   * The user opened this paper's own page: records `openedAt`, and marks it read when the
   * user turned on "mark read on open".
   */
  v.pipe(
    v.strictObject({
      type: v.literal('paper.opened'),
      id: PaperId,
      paper: v.optional(PaperMetaSchema),
    }),
    v.check((m) => !m.paper || m.paper.id === m.id, 'Carries metadata of another paper'),
  ),
  v.pipe(
    v.strictObject({
      type: v.literal('paper.mark'),
      id: PaperId,
      saved: v.optional(v.boolean()),
      read: v.optional(v.boolean()),
      paper: v.optional(PaperMetaSchema),
    }),
    v.check((m) => m.saved !== undefined || m.read !== undefined, 'Sets neither saved nor read'),
    v.check((m) => !m.paper || m.paper.id === m.id, 'Carries metadata of another paper'),
  ),
  /** Set (never flip) a paper's note, tags (the whole list) and/or pin. */
  v.pipe(
    v.strictObject({
      type: v.literal('paper.annotate'),
      id: PaperId,
      note: v.optional(text(MAX_NOTE_LENGTH)),
      tags: v.optional(TagList),
      pinned: v.optional(v.boolean()),
    }),
    v.check(
      (m) => m.note !== undefined || m.tags !== undefined || m.pinned !== undefined,
      'Sets neither note, tags nor pinned',
    ),
  ),
  /** Add and/or remove tags on many papers at once (bulk tagging). */
  v.pipe(
    v.strictObject({
      type: v.literal('papers.tag'),
      ids: IdList,
      add: v.optional(TagList),
      remove: v.optional(TagList),
    }),
    v.check((m) => Boolean(m.add?.length || m.remove?.length), 'Adds and removes no tag'),
  ),
  /** Put marks back exactly as they were before a change (Undo). */
  v.strictObject({
    type: v.literal('marks.restore'),
    marks: v.pipe(v.array(MarkSnapshotSchema), v.maxLength(MAX_PAPERS_PER_MESSAGE)),
  }),
  /**
   * Export a scope in a format: `download` saves a file through the downloads API (from the
   * background: Firefox closes the popup, and its blob: URLs, when a file dialog opens);
   * `text` answers the text, for the clipboard. Extension pages only.
   */
  v.strictObject({
    type: v.literal('transfer.export'),
    scope: ExportScopeSchema,
    format: v.picklist(EXPORT_FORMATS),
    deliver: v.picklist(['download', 'text']),
  }),
  /**
   * Import a JSON backup, an export (Markdown, BibTeX, RIS, CSL-JSON, CSV) or a list of
   * ids/links; validated whole, written in one transaction. `skipInvalid`: the user saw the
   * entries that name no paper and chose to import the rest (without it they refuse it all).
   */
  v.strictObject({
    type: v.literal('transfer.import'),
    text: v.pipe(
      v.string(),
      v.maxLength(MAX_IMPORT_BYTES, `The file is larger than ${MAX_IMPORT_MEGABYTES} MB`),
    ),
    skipInvalid: v.optional(v.boolean()),
  }),
  /** Automatic backups, newest first, without their text. */
  v.strictObject({ type: v.literal('snapshots.list') }),
  /** Take a snapshot now. */
  v.strictObject({ type: v.literal('snapshots.take') }),
  /** Replace the database with a snapshot (the present is snapshotted first). */
  v.strictObject({
    type: v.literal('snapshots.restore'),
    id: v.pipe(v.number(), v.integer(), v.minValue(1)),
  }),
]);

/** Requests that change or reveal the whole database: refused from content scripts. */
export const EXTENSION_PAGE_ONLY: ReadonlySet<RequestType> = new Set([
  'transfer.export',
  'transfer.import',
  'snapshots.list',
  'snapshots.take',
  'snapshots.restore',
]);

export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

export interface Responses {
  'papers.seen': StateMap;
  'papers.states': StateMap;
  'paper.mark': PaperState;
  'paper.opened': PaperState;
  'papers.set': StateMap;
  /** The new states of the papers whose marks changed (unchanged ones are left out). */
  'paper.annotate': StateMap;
  'papers.tag': StateMap;
  'marks.restore': StateMap;
  'transfer.export': ExportResult;
  'transfer.import': ImportResult;
  'snapshots.list': SnapshotSummary[];
  'snapshots.take': SnapshotSummary[];
  'snapshots.restore': ImportResult;
}

/** Errors cross the boundary as data: a reply never rejects. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

export type ParsedRequest = { ok: true; request: Request } | { ok: false; error: string };

/** Validates an untrusted message; the error says which field is wrong and why. */
export function parseRequest(raw: unknown): ParsedRequest {
  const result = v.safeParse(RequestSchema, raw, { abortPipeEarly: true });
  if (result.success) return { ok: true, request: result.output };
  const first = result.issues[0];
  const path = v.getDotPath(first);
  return { ok: false, error: `Invalid message${path ? ` at ${path}` : ''}: ${first.message}` };
}
