import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleMessage, type RouterContext } from '../../src/background/router';
import { openDatabase, type PaperQueueDB } from '../../src/db/database';
import { emptyMark } from '../../src/db/records';
import type { StateMap } from '../../src/shared/model';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const fromPage = { id: ID, url: 'https://huggingface.co/papers', tab: {} };
const fromOtherSite = { id: ID, url: 'https://example.com/', tab: {} };
const fromOtherExtension = { id: 'zzz', url: 'chrome-extension://zzz/x.html' };

let db: PaperQueueDB;
let announced: StateMap[];
let ctx: RouterContext;
let markReadOnOpen = false;
beforeEach(() => {
  db = openDatabase(`router-${crypto.randomUUID()}`);
  announced = [];
  markReadOnOpen = false;
  ctx = {
    db: () => db,
    extensionId: ID,
    extensionOrigin: `chrome-extension://${ID}/`,
    announce: async (states) => {
      announced.push(states);
    },
    markReadOnOpen: async () => markReadOnOpen,
    now: () => 2_000,
  };
});
afterEach(() => db.delete());

const save = { type: 'paper.mark', id: '2407.21783', at: 1_000, saved: true };

describe('handleMessage', () => {
  it('applies a valid mark, replies with the new state, then tells the tabs', async () => {
    expect(await handleMessage(save, fromPage, ctx)).toEqual({
      ok: true,
      data: { saved: true, read: false, v: 2_000 },
    });
    expect(announced).toEqual([{ '2407.21783': { saved: true, read: false, v: 2_000 } }]);
    expect(await db.marks.count()).toBe(1);
  });

  it('announces a mark that changed nothing too (a resend whose first notice was lost)', async () => {
    await handleMessage(save, fromPage, ctx);
    await handleMessage(save, fromPage, ctx);
    const state = { saved: true, read: false, v: 2_000 };
    expect(announced).toEqual([{ '2407.21783': state }, { '2407.21783': state }]);
    expect(await db.marks.get('2407.21783')).toMatchObject({ updatedAt: expect.any(Number) });
  });

  it.each([
    ['another extension', fromOtherExtension],
    ['a page on another site', fromOtherSite],
  ])('refuses a message from %s and changes nothing', async (_what, sender) => {
    const reply = await handleMessage(save, sender, ctx);
    expect(reply.ok).toBe(false);
    expect(await db.marks.count()).toBe(0);
    expect(announced).toEqual([]);
  });

  it('refuses a malformed message with the reason and changes nothing', async () => {
    const reply = await handleMessage({ ...save, saved: 'please' }, fromPage, ctx);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/at saved/) });
    expect(await db.marks.count()).toBe(0);
  });

  it('turns a database failure into an error reply instead of throwing', async () => {
    db.close();
    const broken = { ...ctx, db: () => db };
    const reply = await handleMessage(save, fromPage, broken);
    expect(reply.ok).toBe(false);
    expect(announced).toEqual([]);
  });
});

describe('paper.opened', () => {
  const opened = { type: 'paper.opened', id: '2407.21783' };

  it('records when the page was opened and leaves the read mark alone by default', async () => {
    expect(await handleMessage(opened, fromPage, ctx)).toEqual({
      ok: true,
      data: { saved: false, read: false, v: 0 },
    });
    // A paper never decided on gets no record for being opened.
    expect(await db.marks.get('2407.21783')).toBeUndefined();
    await db.marks.put({ ...emptyMark('2407.21783'), note: 'kept' }); // a mark with a note
    await handleMessage(opened, fromPage, ctx);
    expect((await db.marks.get('2407.21783'))?.openedAt).toBe(2_000);
    expect(announced).toEqual([]);
  });

  it('marks the paper read when the user asked for that, and tells the tabs', async () => {
    markReadOnOpen = true;
    expect(await handleMessage(opened, fromPage, ctx)).toEqual({
      ok: true,
      data: { saved: false, read: true, v: 2_000 },
    });
    expect(announced).toEqual([{ '2407.21783': { saved: false, read: true, v: 2_000 } }]);
  });
});
