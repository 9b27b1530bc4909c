/**
 * Turns one untrusted message into one reply. Never throws: every failure, from a bad
 * sender to a database error, becomes `{ ok: false, error }` for the caller to show.
 */

import { annotatePaper, markMany, restoreMarks, tagMany } from '../db/annotations';
import type { PaperQueueDB } from '../db/database';
import { applyManyMarks, applyMarks, getStates, recordOpened, recordSeen } from '../db/marks';
import type { StateMap } from '../shared/model';
import { parseRequest, type Reply, type Request, type Responses } from '../shared/protocol';
import { type SenderInfo, senderProblem } from './sender';

export interface RouterContext {
  db: () => PaperQueueDB;
  extensionId: string;
  extensionOrigin: string;
  /** Told after a committed write changed the user's decisions. */
  announce: (states: StateMap) => Promise<void>;
  /** The user's "mark read on open" setting, read when a paper page opens. */
  markReadOnOpen: () => Promise<boolean>;
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
  try {
    return { ok: true, data: await dispatch(parsed.request, ctx) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

async function dispatch(request: Request, ctx: RouterContext) {
  const db = ctx.db();
  switch (request.type) {
    case 'papers.seen':
      return recordSeen(db, request.papers);
    case 'papers.states':
      return getStates(db, request.ids);
    case 'paper.mark': {
      const { state, changed } = await applyMarks(db, request);
      // Only after the transaction committed: tabs never show a change that was lost.
      if (changed) await ctx.announce({ [request.id]: state });
      return state;
    }
    case 'papers.set': {
      const { states, changed } = await applyManyMarks(db, request.marks);
      if (Object.keys(changed).length > 0) await ctx.announce(changed);
      return states;
    }
    case 'paper.opened': {
      const markRead = await ctx.markReadOnOpen();
      const { state, changed } = await recordOpened(db, { ...request, markRead });
      if (changed) await ctx.announce({ [request.id]: state });
      return state;
    }
    case 'paper.annotate':
      return announced(ctx, await annotatePaper(db, request));
    case 'papers.mark':
      return announced(ctx, await markMany(db, request));
    case 'papers.tag':
      return announced(ctx, await tagMany(db, request));
    case 'marks.restore':
      return announced(ctx, await restoreMarks(db, request.marks));
  }
}

/** Tells the tabs about a committed change, if it changed anything, and passes it on. */
async function announced(ctx: RouterContext, states: StateMap): Promise<StateMap> {
  if (Object.keys(states).length > 0) await ctx.announce(states);
  return states;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'QuotaExceededError') return 'Storage is full: nothing was changed.';
    return `${error.name}: ${error.message}`;
  }
  return String(error);
}
