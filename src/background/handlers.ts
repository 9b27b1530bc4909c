/**
 * One handler per row of the message table (src/shared/messages.ts). Each gets a request
 * its schema accepted and answers its reply type; a row that announces also returns the
 * states its committed write changed, which the router tells every tab after the commit.
 * A missing handler, or one answering the wrong type, fails `tsc`.
 */
import type { PaperQueueDB } from '../db/database';
import {
  applyIntents,
  getStates,
  recordOpened,
  recordSeen,
  restoreDecisions,
  tagMany,
  type Written,
} from '../db/marks';
import { decisionTime, type PaperRecord, stateOf } from '../db/records';
import { listSnapshots, restoreSnapshot, takeSnapshot } from '../db/snapshots';
import type { ImportOutcome } from '../db/transfer';
import type { Job } from '../shared/jobs';
import type { Announcing, MessageType, RequestOf, Responses } from '../shared/messages';
import type { MarkState, PaperMeta, StateMap } from '../shared/model';
import type { SiteStatus } from '../shared/this-page';
import type { TextFile } from './download';
import type { TabPapers } from './tab-papers';
import { buildExportFile, importText, type RuleStore } from './transfer';

export interface HandlerContext {
  db: PaperQueueDB;
  now: number;
  /** The user's "mark read on open" setting, read when a paper page opens. */
  markReadOnOpen: () => Promise<boolean>;
  /** Saves a file through the downloads API (export). */
  download?: (file: TextFile) => Promise<void>;
  /** Applies the pages' outbox now (background/outbox.ts), one drain at a time. */
  drainOutbox?: () => Promise<{ applied: number; failed: number }>;
  /** The sender's tab, for a content script's message. */
  tabId?: number;
  /** What each tab shows, and its toolbar icon (tab-papers.ts). */
  tabs?: TabPapers;
  /** Registers the content script on the granted sites; answers each site's status. */
  sites?: () => Promise<SiteStatus[]>;
  /** Adds papers to the seen record (background/seen.ts), one write at a time. */
  rememberSeen?: (ids: readonly string[], now: number) => Promise<void>;
  /** This request's job (rows with `job` in the table and a job id): progress and cancel. */
  job: Job;
  /** Cancels a running job (background/jobs.ts). */
  cancelJob?: (id: string) => boolean;
  /** The user's mute and highlight rules, which JSON backups carry (settings.ts). */
  rules?: RuleStore;
}

/** What an announcing handler hands the router: its reply and what it changed. */
export interface Announced<Reply> {
  reply: Reply;
  /** States to tell every tab, after the commit (empty: nothing to tell). */
  changed: StateMap;
  /** Papers newly saved, whose missing authors the router queues for fetching. */
  newlySaved?: readonly string[];
}

export type Outcome<T extends MessageType> =
  Announcing<T> extends true ? Announced<Responses[T]> : Responses[T];

export type Handlers = {
  [T in MessageType]: (request: RequestOf<T>, ctx: HandlerContext) => Promise<Outcome<T>>;
};

/**
 * `paper.mark` and `papers.set` announce every paper they name, changed or not: this may be
 * the resend of a write whose worker stopped between the commit and its notice, and the tabs
 * must still hear of it.
 */
const everyNamed = <Reply>(reply: Reply, written: Written): Announced<Reply> => ({
  reply,
  changed: written.states,
  newlySaved: written.newlySaved,
});

const onlyChanged = (written: Written): Announced<StateMap> => ({
  reply: written.changed,
  changed: written.changed,
  newlySaved: written.newlySaved,
});

const fromImport = <Reply>(reply: Reply, outcome: ImportOutcome): Announced<Reply> => ({
  reply,
  changed: outcome.changed,
  newlySaved: outcome.savedIds,
});

/** A stored paper record as the metadata a page would send (without our bookkeeping). */
function metaOf(record: PaperRecord): PaperMeta {
  const { firstSeenAt: _first, lastSeenAt: _last, ...meta } = record;
  return meta;
}

export const HANDLERS: Handlers = {
  'papers.seen': (request, { db, now }) => recordSeen(db, request.papers, now),
  'papers.states': (request, { db }) => getStates(db, request.ids),
  'papers.viewed': async (request, { now, rememberSeen }) => {
    if (!rememberSeen) throw new Error('The seen record is not available here.');
    await rememberSeen(request.ids, now);
    return { recorded: request.ids.length };
  },
  'paper.mark': async (request, { db, now }) => {
    const { id, saved, read, paper } = request;
    const written = await applyIntents(
      db,
      { [id]: { saved, read } },
      decisionTime(request.at, now),
      now,
      { papers: paper ? [paper] : [] },
    );
    return everyNamed(written.states[id] as MarkState, written);
  },
  'papers.set': async (request, { db, now }) => {
    const written = await applyIntents(db, request.marks, decisionTime(request.at, now), now);
    return everyNamed(written.states, written);
  },
  'outbox.flush': async (_request, { drainOutbox }) => {
    if (!drainOutbox) throw new Error('The outbox is not available here.');
    const { applied, failed } = await drainOutbox();
    return { applied, failed };
  },
  'paper.opened': async (request, { db, now, markReadOnOpen }) => {
    const markRead = await markReadOnOpen();
    const written = await recordOpened(db, { ...request, markRead }, now);
    return { ...onlyChanged(written), reply: written.states[request.id] as MarkState };
  },
  'paper.annotate': async (request, { db, now }) => {
    const { id, note, tags, pinned } = request;
    const at = decisionTime(request.at, now);
    return onlyChanged(await applyIntents(db, { [id]: { note, tags, pinned } }, at, now));
  },
  'papers.tag': async (request, { db, now }) =>
    onlyChanged(await tagMany(db, request, decisionTime(request.at, now), now)),
  'marks.restore': async (request, { db, now }) =>
    onlyChanged(await restoreDecisions(db, request.marks, decisionTime(request.at, now), now)),
  'transfer.export': async (request, { db, now, download, job, rules }) => {
    const withRules = request.format === 'json' && rules ? await rules.load() : undefined;
    const file = await buildExportFile(
      db,
      request.scope,
      request.format,
      now,
      job,
      undefined,
      withRules,
    );
    if (request.deliver === 'text') {
      return { filename: file.filename, count: file.count, text: file.text };
    }
    if (!download) throw new Error('Downloads are not available here.');
    await download(file);
    return { filename: file.filename, count: file.count };
  },
  'transfer.import': async (request, { db, now, job, rules }) => {
    const { kind, outcome } = await importText(db, request.text, now, {
      skipInvalid: request.skipInvalid,
      job,
      rules,
    });
    return fromImport({ kind, report: outcome.report }, outcome);
  },
  'job.cancel': async (request, { cancelJob }) => ({
    cancelled: cancelJob?.(request.job) ?? false,
  }),
  'snapshots.list': (_request, { db }) => listSnapshots(db),
  'snapshots.take': async (_request, { db, now }) => {
    await takeSnapshot(db, 'manual', now);
    return listSnapshots(db);
  },
  'snapshots.restore': async (request, { db, now, job }) => {
    const outcome = await restoreSnapshot(db, request.id, now, job);
    return fromImport({ kind: 'snapshot' as const, report: outcome.report }, outcome);
  },
  'tab.showing': async (request, { db, tabId, tabs }) => {
    if (tabId === undefined || !tabs) throw new Error('Only a page in a tab says what it shows.');
    const { id, url, paper, left } = request;
    if (left) {
      await tabs.left(tabId, url);
      return null;
    }
    if (!id) {
      await tabs.showing(tabId, url, null);
      return null;
    }
    const [mark, stored] = await Promise.all([db.marks.get(id), db.papers.get(id)]);
    const state = stateOf(mark);
    const title = stored?.title ?? paper?.title ?? id;
    await tabs.showing(tabId, url, { id, title, state, ...(paper ? { meta: paper } : {}) });
    return state;
  },
  'tab.paper': async (request, { db, tabs }) => {
    const record = await tabs?.current(request.tabId);
    if (!record) return null;
    const [mark, stored] = await Promise.all([db.marks.get(record.id), db.papers.get(record.id)]);
    const paper = stored ? metaOf(stored) : (record.paper ?? { id: record.id, title: record.id });
    return { tabId: record.tabId, url: record.url, paper, state: stateOf(mark) };
  },
  'sites.status': async (_request, { sites }) => {
    if (!sites) throw new Error('Sites cannot be turned on here.');
    return sites();
  },
};
