/**
 * The message table: every request a content script or an extension page can send the
 * background, with its rules in one row — who may send it, whether a resend is safe, whether
 * a committed change is announced to every tab, and the type of its reply. The schema of
 * each request is the same row's entry in `REQUEST_SCHEMAS` (protocol.ts), kept in a file
 * of its own only so that the content script, which needs these rules, never loads the
 * validators; tsc holds the two tables to the same set of types.
 *
 * The router (src/background/router.ts) is a typed map of one handler per row: a handler
 * that returns the wrong reply type, or a row without a handler, fails `tsc`.
 */
import type { InferOutput } from 'valibot';
import type { JobKind } from './jobs';
import type { MarkState, StateMap } from './model';
import type { REQUEST_SCHEMAS } from './protocol';
import type { SiteStatus, ThisPage } from './this-page';
import type { ExportResult, ImportResult, SnapshotSummary } from './transfer-types';

/** Who may send a request: any context of this extension, or only its own pages. */
export type Senders = 'any' | 'extension-pages';

interface Rule {
  /**
   * `extension-pages`: requests that reveal or replace the whole database are refused from
   * content scripts, so a huggingface.co page can never read the list or import into it.
   */
  from: Senders;
  /**
   * Whether a resend after a lost reply is harmless. Decisions carry their intended values
   * and their decision time, so delivering one twice is delivering it once; a download, an
   * import or a snapshot would happen twice.
   */
  resend: boolean;
  /** Whether the committed change is announced to every tab (storage.local, after commit). */
  announces: boolean;
  /** The reply's type; the value itself is never read (`undefined` at run time). */
  reply: unknown;
  /**
   * Long work a page may follow and cancel (src/shared/jobs.ts): a request with a `job` id
   * gets its progress published, and `job.cancel` stops it before it commits.
   */
  job?: JobKind;
}

/** Carries a reply type through the table. */
const replies = <T>() => undefined as T;

export const MESSAGES = {
  /** A content script saw these papers: record what they are, answer what the user decided. */
  'papers.seen': { from: 'any', resend: true, announces: false, reply: replies<StateMap>() },
  /** The user's decisions about these papers. */
  'papers.states': { from: 'any', resend: true, announces: false, reply: replies<StateMap>() },
  /**
   * The user saw these papers (on a listing, or in view for a while with auto-seen): the
   * background adds them to the seen record (src/shared/seen.ts) for "New since your last
   * visit". Seeing twice is seeing once, so a resend is harmless.
   */
  'papers.viewed': {
    from: 'any',
    resend: true,
    announces: false,
    reply: replies<{ recorded: number }>(),
  },
  /** Set (never flip) saved and/or read on one paper; `paper` also records what it is. */
  'paper.mark': { from: 'any', resend: true, announces: true, reply: replies<MarkState>() },
  /** Set saved/read on many papers at once: "mark all read", undo, bulk actions. */
  'papers.set': { from: 'any', resend: true, announces: true, reply: replies<StateMap>() },
  /**
   * Apply the decisions pages left in the outbox now (a page wrote one and wakes the
   * background with this). The drain tells the tabs itself, before it removes the entries.
   */
  'outbox.flush': {
    from: 'any',
    resend: true,
    announces: false,
    reply: replies<{ applied: number; failed: number }>(),
  },
  /** The user opened this paper's page: `openedAt`, and read if "mark read on open" is on. */
  'paper.opened': { from: 'any', resend: true, announces: true, reply: replies<MarkState>() },
  /** Set a paper's note, tags (the whole list) and/or pin. */
  'paper.annotate': {
    from: 'extension-pages',
    resend: true,
    announces: true,
    reply: replies<StateMap>(),
  },
  /** Add and/or remove tags on many papers (bulk tagging). */
  'papers.tag': {
    from: 'extension-pages',
    resend: true,
    announces: true,
    reply: replies<StateMap>(),
  },
  /** Put decisions back exactly as they were before a change (Undo in the queue pages). */
  'marks.restore': {
    from: 'extension-pages',
    resend: true,
    announces: true,
    reply: replies<StateMap>(),
  },
  /** Export a scope in a format, as a download or as text (for the clipboard). */
  'transfer.export': {
    from: 'extension-pages',
    resend: false,
    announces: false,
    reply: replies<ExportResult>(),
    job: 'export',
  },
  /** Import a JSON backup or a list of ids/links; validated whole, written in one transaction. */
  'transfer.import': {
    from: 'extension-pages',
    resend: false,
    announces: true,
    reply: replies<ImportResult>(),
    job: 'import',
  },
  /** Stop a running job before it commits (nothing it did is kept). */
  'job.cancel': {
    from: 'extension-pages',
    resend: true,
    announces: false,
    reply: replies<{ cancelled: boolean }>(),
  },
  /** Automatic backups, newest first, without their text. */
  'snapshots.list': {
    from: 'extension-pages',
    resend: true,
    announces: false,
    reply: replies<SnapshotSummary[]>(),
  },
  /** Take a snapshot now. */
  'snapshots.take': {
    from: 'extension-pages',
    resend: false,
    announces: false,
    reply: replies<SnapshotSummary[]>(),
  },
  /** Make the decisions exactly a snapshot's (the present is snapshotted first). */
  'snapshots.restore': {
    from: 'extension-pages',
    resend: false,
    announces: true,
    reply: replies<ImportResult>(),
    job: 'restore',
  },
  /**
   * A content script says which paper its tab shows (`id`), or that it shows none: the
   * toolbar icon and title of that tab follow the paper's state (background/tab-papers.ts).
   */
  'tab.showing': {
    from: 'any',
    resend: true,
    announces: false,
    reply: replies<MarkState | null>(),
  },
  /** Which paper a tab shows, with its state: the popup's and side panel's "This page". */
  'tab.paper': {
    from: 'extension-pages',
    resend: true,
    announces: false,
    reply: replies<ThisPage | null>(),
  },
  /**
   * Makes the content script's registrations match the sites the user granted, and says
   * which are on (the library's Sites section, the popup after a grant).
   */
  'sites.status': {
    from: 'extension-pages',
    resend: true,
    announces: false,
    reply: replies<SiteStatus[]>(),
  },
} as const satisfies Record<string, Rule>;

export type MessageType = keyof typeof MESSAGES;
export type RequestType = MessageType;

/** Every request, as its schema in protocol.ts accepts it. */
export type Request = { [T in MessageType]: InferOutput<(typeof REQUEST_SCHEMAS)[T]> }[MessageType];
/** The request of one type (its `type` field lets tsc infer `T` from a request literal). */
export type RequestOf<T extends MessageType> = Extract<Request, { type: T }>;

export type Responses = { [T in MessageType]: (typeof MESSAGES)[T]['reply'] };

/** Whether the table says a type announces its changes. */
export type Announcing<T extends MessageType> = (typeof MESSAGES)[T]['announces'];

/** Errors cross the boundary as data: a reply never rejects. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };
