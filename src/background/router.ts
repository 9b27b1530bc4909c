/**
 * Turns one untrusted message into one reply. Never throws: every failure, from a bad
 * sender to a database error, becomes `{ ok: false, error }` for the caller to show.
 *
 *   sender check → schema (protocol.ts) → "who may send it" (messages.ts) → handler
 *     → commit → announce what changed (rows that announce) → reply
 */
import type { PaperQueueDB } from '../db/database';
import { describeStorageFault, openOrExplain } from '../db/storage-faults';
import { type JobKind, UNWATCHED } from '../shared/jobs';
import {
  MESSAGES,
  type MessageType,
  type Reply,
  type RequestOf,
  type Responses,
} from '../shared/messages';
import type { StateMap } from '../shared/model';
import { parseRequest } from '../shared/protocol';
import type { SiteStatus } from '../shared/this-page';
import type { TextFile } from './download';
import { type Announced, HANDLERS } from './handlers';
import type { RunningJob } from './jobs';
import { type SenderInfo, senderProblem, senderSite, siteRefusal } from './sender';
import type { TabPapers } from './tab-papers';
import type { RuleStore } from './transfer';

export interface RouterContext {
  db: () => PaperQueueDB;
  extensionId: string;
  extensionOrigin: string;
  /** Told after a committed write changed the user's decisions. */
  announce: (states: StateMap) => Promise<void>;
  /** The user's "mark read on open" setting, read when a paper page opens. */
  markReadOnOpen?: () => Promise<boolean>;
  /** Saves a file through the downloads API (export). */
  download?: (file: TextFile) => Promise<void>;
  /** Told about newly saved papers, so their missing authors can be fetched. */
  fetchMetadata?: (ids: string[]) => void;
  /** Applies the pages' outbox now. */
  drainOutbox?: () => Promise<{ applied: number; failed: number }>;
  /**
   * Whether the user granted the site of a content script on arxiv.org or alphaxiv.org (a tab
   * whose site was turned off again may still run the script it had). Without it, refused.
   */
  siteGranted?: (pageUrl: string) => Promise<boolean>;
  /** What each tab shows, and its toolbar icon. */
  tabs?: TabPapers;
  /** Registers the content script on the granted sites; answers each site's status. */
  sites?: () => Promise<SiteStatus[]>;
  /** Adds papers to the seen record. */
  rememberSeen?: (ids: readonly string[], now: number) => Promise<void>;
  /** Starts following a job (background/jobs.ts); without it, jobs are not followed. */
  startJob?: (id: string | undefined, kind: JobKind) => RunningJob;
  cancelJob?: (id: string) => boolean;
  /** The user's mute and highlight rules (JSON backups carry them). */
  rules?: RuleStore;
  now?: () => number;
}

export async function handleMessage(
  raw: unknown,
  sender: SenderInfo,
  ctx: RouterContext,
): Promise<Reply<Responses[MessageType]>> {
  const refused = senderProblem(sender, ctx.extensionId, ctx.extensionOrigin);
  if (refused) return { ok: false, error: refused };
  const site = senderSite(sender, ctx.extensionOrigin);
  const siteRefused = site && (await siteRefusal(site.url, ctx.siteGranted));
  if (siteRefused) return { ok: false, error: siteRefused };
  const parsed = parseRequest(raw);
  if (!parsed.ok) return parsed;
  const { request } = parsed;
  if (MESSAGES[request.type].from === 'extension-pages' && !isExtensionPage(sender, ctx)) {
    return { ok: false, error: `Refused: ${request.type} is for the extension's own pages` };
  }
  try {
    return { ok: true, data: await run(request.type, request, ctx, sender.tab?.id) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

/** The popup or another page of this extension (also when it is open in a tab). */
function isExtensionPage(sender: SenderInfo, ctx: RouterContext): boolean {
  return (sender.url ?? '').startsWith(ctx.extensionOrigin);
}

async function run<T extends MessageType>(
  type: T,
  request: RequestOf<T>,
  ctx: RouterContext,
  tabId: number | undefined,
): Promise<Responses[T]> {
  const db = ctx.db();
  await openOrExplain(db);
  const rule = MESSAGES[type] as { job?: JobKind };
  const jobId = (request as { job?: string }).job;
  const job = rule.job && ctx.startJob ? ctx.startJob(jobId, rule.job) : undefined;
  try {
    const outcome = await HANDLERS[type](request, {
      db,
      now: ctx.now?.() ?? Date.now(),
      markReadOnOpen: ctx.markReadOnOpen ?? (async () => false),
      download: ctx.download,
      drainOutbox: ctx.drainOutbox,
      rememberSeen: ctx.rememberSeen,
      job: job ?? UNWATCHED,
      cancelJob: ctx.cancelJob,
      rules: ctx.rules,
      tabId,
      tabs: ctx.tabs,
      sites: ctx.sites,
    });
    if (!MESSAGES[type].announces) return outcome as Responses[T];
    // Only after the transaction committed: tabs never show a change that was lost.
    const { reply, changed, newlySaved } = outcome as Announced<Responses[T]>;
    if (Object.keys(changed).length > 0) {
      job?.report('Telling open pages', 0, 0);
      await ctx.announce(changed);
    }
    if (newlySaved?.length) ctx.fetchMetadata?.([...newlySaved]);
    return reply;
  } finally {
    job?.end();
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const storage = describeStorageFault(error);
    if (storage) return storage;
    // Written for the user already: what was wrong, and where.
    if (['ImportError', 'SnapshotError', 'CancelledError'].includes(error.name)) {
      return error.message;
    }
    return `${error.name}: ${error.message}`;
  }
  return String(error);
}
