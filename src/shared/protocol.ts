/**
 * The schema of every request in the message table (messages.ts), by type: the background
 * validates every incoming message with them, and the request types are inferred from them.
 * Content scripts import this file with `import type` only, so valibot never ships in the
 * content script.
 */
import * as v from 'valibot';
import { isPaperId } from '../site/paper-id';
import { MAX_IMPORT_BYTES, MAX_IMPORT_MEGABYTES } from './backup/limits';
import { EXPORT_FORMATS } from './export/formats';
import { JOB_ID } from './jobs';
import { LIMITS, MAX_NOTE_LENGTH, MAX_PAPERS_PER_MESSAGE } from './limits';
import type { MessageType, Request } from './messages';
import { MAX_TAG_LENGTH, MAX_TAGS_PER_PAPER } from './tags';

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
/** A job's id, made by the page that follows it (src/shared/jobs.ts). */
const JobId = v.pipe(v.string(), v.regex(JOB_ID, 'Not a job id'));

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
/**
 * When the user made the decision, by the sending context's clock (ms since the epoch). The
 * later decision wins, field by field (src/db/records.ts), so a message that arrives late
 * cannot undo a newer decision made elsewhere, and a resend carries the same time.
 */
const DecidedAt = Timestamp;
const MarkSnapshotSchema = v.strictObject({
  id: PaperId,
  savedAt: Timestamp,
  readAt: Timestamp,
  pinnedAt: Timestamp,
  tags: TagList,
  note: text(MAX_NOTE_LENGTH),
});

const Bool = v.optional(v.boolean());
const MarksById = v.pipe(
  v.record(PaperId, v.strictObject({ saved: Bool, read: Bool })),
  v.check(
    (marks) => Object.keys(marks).length <= MAX_PAPERS_PER_MESSAGE,
    `More than ${MAX_PAPERS_PER_MESSAGE} papers`,
  ),
);
const ownMeta = (m: { id: string; paper?: { id: string } }) => !m.paper || m.paper.id === m.id;

export const REQUEST_SCHEMAS = {
  'papers.seen': v.strictObject({ type: v.literal('papers.seen'), papers: PaperList }),
  'papers.states': v.strictObject({ type: v.literal('papers.states'), ids: IdList }),
  'papers.viewed': v.strictObject({ type: v.literal('papers.viewed'), ids: IdList }),
  'paper.mark': v.pipe(
    v.strictObject({
      type: v.literal('paper.mark'),
      id: PaperId,
      at: DecidedAt,
      saved: Bool,
      read: Bool,
      paper: v.optional(PaperMetaSchema),
    }),
    v.check((m) => m.saved !== undefined || m.read !== undefined, 'Sets neither saved nor read'),
    v.check((m) => ownMeta(m), 'Carries metadata of another paper'),
  ),
  'papers.set': v.strictObject({ type: v.literal('papers.set'), at: DecidedAt, marks: MarksById }),
  'outbox.flush': v.strictObject({ type: v.literal('outbox.flush') }),
  'paper.opened': v.pipe(
    v.strictObject({
      type: v.literal('paper.opened'),
      id: PaperId,
      paper: v.optional(PaperMetaSchema),
    }),
    v.check((m) => ownMeta(m), 'Carries metadata of another paper'),
  ),
  'paper.annotate': v.pipe(
    v.strictObject({
      type: v.literal('paper.annotate'),
      id: PaperId,
      at: DecidedAt,
      note: v.optional(text(MAX_NOTE_LENGTH)),
      tags: v.optional(TagList),
      pinned: Bool,
    }),
    v.check(
      (m) => m.note !== undefined || m.tags !== undefined || m.pinned !== undefined,
      'Sets neither note, tags nor pinned',
    ),
  ),
  'papers.tag': v.pipe(
    v.strictObject({
      type: v.literal('papers.tag'),
      at: DecidedAt,
      ids: IdList,
      add: v.optional(TagList),
      remove: v.optional(TagList),
    }),
    v.check((m) => Boolean(m.add?.length || m.remove?.length), 'Adds and removes no tag'),
  ),
  'marks.restore': v.strictObject({
    type: v.literal('marks.restore'),
    at: DecidedAt,
    marks: v.pipe(v.array(MarkSnapshotSchema), v.maxLength(MAX_PAPERS_PER_MESSAGE)),
  }),
  /**
   * `download` saves a file through the downloads API (from the background: Firefox closes
   * the popup, and its blob: URLs, when a file dialog opens); `text` answers the text.
   */
  'transfer.export': v.strictObject({
    type: v.literal('transfer.export'),
    scope: ExportScopeSchema,
    format: v.picklist(EXPORT_FORMATS),
    deliver: v.picklist(['download', 'text']),
    job: v.optional(JobId),
  }),
  /**
   * Import a JSON backup, an export (Markdown, BibTeX, RIS, CSL-JSON, CSV) or a list of
   * ids/links; validated whole, written in one transaction. `skipInvalid`: the user saw the
   * entries that name no paper and chose to import the rest (without it they refuse it all).
   */
  'transfer.import': v.strictObject({
    type: v.literal('transfer.import'),
    text: v.pipe(
      v.string(),
      v.maxLength(MAX_IMPORT_BYTES, `The file is larger than ${MAX_IMPORT_MEGABYTES} MB`),
    ),
    skipInvalid: v.optional(v.boolean()),
    job: v.optional(JobId),
  }),
  'job.cancel': v.strictObject({ type: v.literal('job.cancel'), job: JobId }),
  'snapshots.list': v.strictObject({ type: v.literal('snapshots.list') }),
  'snapshots.take': v.strictObject({ type: v.literal('snapshots.take') }),
  'snapshots.restore': v.strictObject({
    type: v.literal('snapshots.restore'),
    id: v.pipe(v.number(), v.integer(), v.minValue(1)),
    job: v.optional(JobId),
  }),
  /**
   * `id`: the paper the page at `url` shows (none: it shows no paper); `left`: the page at
   * `url` is being left (its tab may go anywhere next).
   */
  'tab.showing': v.pipe(
    v.strictObject({
      type: v.literal('tab.showing'),
      url: HttpsUrl,
      id: v.optional(PaperId),
      paper: v.optional(PaperMetaSchema),
      left: v.optional(v.literal(true)),
    }),
    v.check((m) => !m.paper || m.paper.id === m.id, 'Carries metadata of another paper'),
    v.check((m) => !(m.left && m.id), 'Leaves a page and shows a paper'),
  ),
  'tab.paper': v.strictObject({
    type: v.literal('tab.paper'),
    tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  'sites.status': v.strictObject({ type: v.literal('sites.status') }),
} satisfies Record<MessageType, v.GenericSchema>;

export type ParsedRequest = { ok: true; request: Request } | { ok: false; error: string };

const KNOWN_TYPES = new Set<string>(Object.keys(REQUEST_SCHEMAS));

/** Validates an untrusted message; the error says which field is wrong and why. */
export function parseRequest(raw: unknown): ParsedRequest {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : null;
  if (typeof type !== 'string' || !KNOWN_TYPES.has(type)) {
    return { ok: false, error: 'Invalid message at type: Unknown message type' };
  }
  const schema = REQUEST_SCHEMAS[type as MessageType] as v.GenericSchema<unknown, Request>;
  const result = v.safeParse(schema, raw, { abortPipeEarly: true });
  if (result.success) return { ok: true, request: result.output };
  const first = result.issues[0];
  const path = v.getDotPath(first);
  return { ok: false, error: `Invalid message${path ? ` at ${path}` : ''}: ${first.message}` };
}

/**
 * An outbox entry a page wrote (src/shared/outbox.ts): the same decision as `papers.set`,
 * written to storage.local instead of sent. Validated like a message before it is applied.
 */
const OutboxEntrySchema = v.pipe(
  v.strictObject({
    at: DecidedAt,
    marks: MarksById,
    page: HttpsUrl,
    paper: v.optional(PaperMetaSchema),
    failed: v.optional(text(1000)),
  }),
  v.check((e) => !e.paper || e.paper.id in e.marks, 'Carries metadata of another paper'),
);

export type ParsedOutboxEntry = v.InferOutput<typeof OutboxEntrySchema>;

export function parseOutboxEntry(
  raw: unknown,
): { ok: true; entry: ParsedOutboxEntry } | { ok: false; error: string } {
  const result = v.safeParse(OutboxEntrySchema, raw, { abortPipeEarly: true });
  if (result.success) return { ok: true, entry: result.output };
  const first = result.issues[0];
  const path = v.getDotPath(first);
  return { ok: false, error: `Invalid outbox entry${path ? ` at ${path}` : ''}: ${first.message}` };
}
