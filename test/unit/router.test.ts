import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleMessage, type RouterContext } from '../../src/background/router';
import { openDatabase, type PaperQueueDB } from '../../src/db/database';
import { MAX_LISTING_PROPS_CHARS } from '../../src/shared/limits';
import { describeFromListing } from '../../src/shared/listing-props';
import type { StateMap } from '../../src/shared/model';
import { readProps, TRENDING_2026 } from '../support/fixtures';

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
  };
});
afterEach(() => db.delete());

const save = { type: 'paper.mark', id: '2407.21783', saved: true };

describe('handleMessage', () => {
  it('applies a valid mark, replies with the new state, then tells the tabs', async () => {
    expect(await handleMessage(save, fromPage, ctx)).toEqual({
      ok: true,
      data: { saved: true, read: false },
    });
    expect(announced).toEqual([{ '2407.21783': { saved: true, read: false } }]);
    expect(await db.marks.count()).toBe(1);
  });

  it('announces a mark that changed nothing too (a resend whose first notice was lost)', async () => {
    await handleMessage(save, fromPage, ctx);
    await handleMessage(save, fromPage, ctx);
    expect(announced).toEqual([
      { '2407.21783': { saved: true, read: false } },
      { '2407.21783': { saved: true, read: false } },
    ]);
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
      data: { saved: false, read: false },
    });
    expect((await db.marks.get('2407.21783'))?.openedAt).toBeGreaterThan(0);
    expect(announced).toEqual([]);
  });

  it('marks the paper read when the user asked for that, and tells the tabs', async () => {
    markReadOnOpen = true;
    expect(await handleMessage(opened, fromPage, ctx)).toEqual({
      ok: true,
      data: { saved: false, read: true },
    });
    expect(announced).toEqual([{ '2407.21783': { saved: false, read: true } }]);
  });
});

describe('papers.seen', () => {
  // The real 2026 listing's props: what a content script sends as `listing`.
  const props = readProps(TRENDING_2026);
  const listing = JSON.stringify(props);
  const [first, second] = props.dailyPapers;
  const onPage = (id: string, title: string) => ({ id, title });

  it("describes each card by the listing's props, joined by id, in the background", async () => {
    const paper = first?.paper as NonNullable<typeof first>['paper'];
    const seen = {
      type: 'papers.seen',
      papers: [onPage(paper.id, 'Title as the card shows it'), onPage('2401.00001', 'Not listed')],
      listing,
    };
    expect(await handleMessage(seen, fromPage, ctx)).toEqual({
      ok: true,
      data: {
        [paper.id]: { saved: false, read: false },
        '2401.00001': { saved: false, read: false },
      },
    });
    const stored = await db.papers.get(paper.id);
    expect(stored?.title).toBe(paper.title.replace(/\s+/g, ' ').trim());
    expect(stored?.authors).toEqual(paper.authors.filter((a) => !a.hidden).map((a) => a.name));
    expect(stored?.summary).toBeTruthy();
    // A card the props do not describe keeps what the card said; a listed paper that is not
    // on the page (stale props mid-navigation) is not recorded at all.
    expect((await db.papers.get('2401.00001'))?.title).toBe('Not listed');
    expect(await db.papers.get(second?.paper.id as string)).toBeUndefined();
    expect(await db.papers.count()).toBe(2);
  });

  it('records the cards by their titles when the props are broken', async () => {
    const seen = {
      type: 'papers.seen',
      papers: [onPage('2401.00001', 'Card title')],
      listing: '{"dailyPapers": [',
    };
    expect((await handleMessage(seen, fromPage, ctx)).ok).toBe(true);
    expect((await db.papers.get('2401.00001'))?.title).toBe('Card title');
  });

  it('keeps what the card said over props the protocol would refuse', async () => {
    const hostile = {
      dailyPapers: [{ paper: { id: '2401.00001', title: 'Listed', upvotes: 1, authors: [] } }],
    };
    const refuse = (meta: { title: string }) => meta.title !== 'Listed';
    expect(
      describeFromListing([onPage('2401.00001', 'Card')], JSON.stringify(hostile), refuse),
    ).toEqual([onPage('2401.00001', 'Card')]);
  });

  it('refuses props past the size limit, whole, with the reason', async () => {
    const seen = {
      type: 'papers.seen',
      papers: [onPage('2401.00001', 'Card title')],
      listing: 'x'.repeat(MAX_LISTING_PROPS_CHARS + 1),
    };
    expect(await handleMessage(seen, fromPage, ctx)).toEqual({
      ok: false,
      error: expect.stringMatching(/at listing/),
    });
    expect(await db.papers.count()).toBe(0);
  });
});
