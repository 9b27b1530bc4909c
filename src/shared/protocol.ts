/**
 * The one message protocol between content scripts, extension pages and the background.
 *
 * The schemas are the source of truth: the background validates every incoming message with
 * them, and the TypeScript types are inferred from them. Content scripts import this file
 * with `import type` only, so valibot never ships in the content script.
 */
import * as v from 'valibot';
import { MAX_IMPORT_BYTES, MAX_IMPORT_MEGABYTES, MAX_TAG_LENGTH } from './backup/limits';
import { EXPORT_FORMATS } from './export/formats';
import { LIMITS, MAX_PAPERS_PER_MESSAGE } from './limits';
import type { PaperState, StateMap } from './model';
import { isPaperId } from './paper-id';
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

export const RequestSchema = v.variant('type', [
  /** A content script saw these papers: record what they are, answer what the user decided. */
  v.strictObject({ type: v.literal('papers.seen'), papers: PaperList }),
  /** The user's decisions about these papers. */
  v.strictObject({ type: v.literal('papers.states'), ids: IdList }),
  /**
   * Set (never flip) the user's marks on one paper. Carrying the intended value makes a
   * retried message harmless. `paper` lets the first Save also record what the paper is.
   */
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
  /** Import a JSON backup or a list of ids/links; validated whole, written in one transaction. */
  v.strictObject({
    type: v.literal('transfer.import'),
    text: v.pipe(
      v.string(),
      v.maxLength(MAX_IMPORT_BYTES, `The file is larger than ${MAX_IMPORT_MEGABYTES} MB`),
    ),
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
