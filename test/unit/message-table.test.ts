// The message table (src/shared/messages.ts) is the one place a message's rules live; the
// schemas (protocol.ts) and the router's handlers (background/handlers.ts) are held to it.
// The `@ts-expect-error` lines are checked by `npm run typecheck`: each must fail to compile.
import { describe, expect, it } from 'vitest';
import { HANDLERS, type Handlers } from '../../src/background/handlers';
import { MESSAGES, type MessageType } from '../../src/shared/messages';
import { REQUEST_SCHEMAS } from '../../src/shared/protocol';

// @ts-expect-error A handler answering the wrong reply type does not compile.
const wrongReply: Handlers['papers.states'] = async () => 'not a state map';
// @ts-expect-error A handler of a row that announces must say what changed.
const unannounced: Handlers['paper.mark'] = async () => ({ saved: true, read: false, v: 1 });
// @ts-expect-error A row that does not announce answers its reply alone.
const overAnnounced: Handlers['snapshots.list'] = async () => ({ reply: [], changed: {} });

describe('the message table', () => {
  const types = Object.keys(MESSAGES) as MessageType[];

  it('has a schema and a handler for every row, and nothing else', () => {
    expect(Object.keys(REQUEST_SCHEMAS).sort()).toEqual([...types].sort());
    expect(Object.keys(HANDLERS).sort()).toEqual([...types].sort());
    expect([wrongReply, unannounced, overAnnounced].every((h) => typeof h === 'function')).toBe(
      true,
    );
  });

  it('keeps whatever reveals or replaces the whole database to the extension’s own pages', () => {
    const pagesOnly = types.filter((t) => MESSAGES[t].from === 'extension-pages');
    for (const type of ['transfer.export', 'transfer.import', 'snapshots.restore'] as const) {
      expect(pagesOnly).toContain(type);
    }
  });

  it('resends after a lost reply only what cannot happen twice', () => {
    const once = types.filter((t) => !MESSAGES[t].resend).sort();
    expect(once).toEqual([
      'snapshots.restore',
      'snapshots.take',
      'transfer.export',
      'transfer.import',
    ]);
  });
});
