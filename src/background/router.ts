/**
 * Turns one untrusted message into one reply. Never throws: every failure, from a bad
 * sender to a database error, becomes `{ ok: false, error }` for the caller to show.
 */

import { annotatePaper, restoreMarks, tagMany } from '../db/annotations';
import type { PaperQueueDB } from '../db/database';
import { applyManyMarks, applyMarks, getStates, recordOpened, recordSeen } from '../db/marks';
import { listSnapshots, restoreSnapshot, takeSnapshot } from '../db/snapshots';
import { describeStorageFault, openOrExplain } from '../db/storage-faults';
import type { ImportOutcome } from '../db/transfer';
import type { StateMap } from '../shared/model';
import {
  EXTENSION_PAGE_ONLY,
  parseRequest,
  type Reply,
  type Request,
  type Responses,
} from '../shared/protocol';
import type { TextFile } from './download';
import { type SenderInfo, senderProblem } from './sender';
import { buildExportFile, importText } from './transfer';

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
  now?: () => number;
}

export async function handleMessage(
  raw: unknown,
  sender: SenderInfo,
  ctx: RouterContext,
): Promise<Reply<Responses[Request['type']]>> {
  const refused = senderProblem(sender, ctx.extensionId, ctx.extensionOrigin);
  if (refused) return { ok: false, error: refused };
  const parsed = parseRequest(raw);
  if (!parsed.ok) return parsed;
  if (EXTENSION_PAGE_ONLY.has(parsed.request.type) && !isExtensionPage(sender, ctx)) {
    return { ok: false, error: `Refused: ${parsed.request.type} is for the extension's own pages` };
  }
  try {
    return { ok: true, data: await dispatch(parsed.request, ctx) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

/** The popup or another page of this extension (also when it is open in a tab). */
function isExtensionPage(sender: SenderInfo, ctx: RouterContext): boolean {
  return (sender.url ?? '').startsWith(ctx.extensionOrigin);
}

/** Tells the tabs what changed and queues saved papers for their authors, after a commit. */
async function afterImport(ctx: RouterContext, outcome: ImportOutcome) {
  if (Object.keys(outcome.changed).length > 0) await ctx.announce(outcome.changed);
  if (outcome.savedIds.length > 0) ctx.fetchMetadata?.(outcome.savedIds);
}

async function dispatch(request: Request, ctx: RouterContext): Promise<Responses[Request['type']]> {
  const db = ctx.db();
  await openOrExplain(db);
  const now = ctx.now?.() ?? Date.now();
  switch (request.type) {
    case 'papers.seen':
      return recordSeen(db, request.papers);
    case 'papers.states':
      return getStates(db, request.ids);
    case 'paper.mark': {
      const { state, changed } = await applyMarks(db, request);
      // Only after the transaction committed: tabs never show a change that was lost. Also
      // when nothing changed: this may be the resend of a write whose worker stopped
      // between the commit and its notice, and the tabs must still hear of it.
      await ctx.announce({ [request.id]: state });
      if (changed && request.saved) ctx.fetchMetadata?.([request.id]);
      return state;
    }
    case 'papers.set': {
      // Every named paper, changed or not, for the same reason as paper.mark.
      const { states } = await applyManyMarks(db, request.marks);
      if (Object.keys(states).length > 0) await ctx.announce(states);
      return states;
    }
    case 'paper.opened': {
      const markRead = (await ctx.markReadOnOpen?.()) ?? false;
      const { state, changed } = await recordOpened(db, { ...request, markRead });
      if (changed) await ctx.announce({ [request.id]: state });
      return state;
    }
    case 'paper.annotate':
      return announced(ctx, await annotatePaper(db, request));
    case 'papers.tag':
      return announced(ctx, await tagMany(db, request));
    case 'marks.restore':
      return announced(ctx, await restoreMarks(db, request.marks));
    case 'transfer.export': {
      const file = await buildExportFile(db, request.scope, request.format, now);
      if (request.deliver === 'text') {
        return { filename: file.filename, count: file.count, text: file.text };
      }
      if (!ctx.download) throw new Error('Downloads are not available here.');
      await ctx.download(file);
      return { filename: file.filename, count: file.count };
    }
    case 'transfer.import': {
      const { kind, outcome } = await importText(db, request.text, now, {
        skipInvalid: request.skipInvalid,
      });
      await afterImport(ctx, outcome);
      return { kind, report: outcome.report };
    }
    case 'snapshots.list':
      return listSnapshots(db);
    case 'snapshots.take':
      await takeSnapshot(db, 'manual', now);
      return listSnapshots(db);
    case 'snapshots.restore': {
      const outcome = await restoreSnapshot(db, request.id, now);
      await afterImport(ctx, outcome);
      return { kind: 'snapshot', report: outcome.report };
    }
  }
}

/** Tells the tabs about a committed change, if it changed anything, and passes it on. */
async function announced(ctx: RouterContext, states: StateMap): Promise<StateMap> {
  if (Object.keys(states).length > 0) await ctx.announce(states);
  return states;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const storage = describeStorageFault(error);
    if (storage) return storage;
    // Written for the user already: what was wrong, and where.
    if (error.name === 'ImportError' || error.name === 'SnapshotError') return error.message;
    return `${error.name}: ${error.message}`;
  }
  return String(error);
}
