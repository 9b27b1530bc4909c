// The toolbar knows the current tab's paper: the page's content script says which paper it
// shows (`tab.showing`), the background keeps it per tab and paints that tab's icon and title;
// the popup and the side panel ask `tab.paper`. Through the real router and database, with the
// browser's `storage.session`, `action` and `tabs.get` faked at the boundary.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleMessage, type RouterContext } from '../../src/background/router';
import { createTabPapers, iconFor, titleFor } from '../../src/background/tab-papers';
import { openDatabase, type PaperQueueDB } from '../../src/db/database';
import type { MarkState, PaperMeta } from '../../src/shared/model';
import { tabKey } from '../../src/shared/this-page';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const DEFAULT_ICON = { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' };
const ABS = 'https://arxiv.org/abs/1706.03762';
const popup = { id: EXT, url: `${ORIGIN}src/popup/index.html` };
const tabAt = (tabId: number, url: string) => ({ id: EXT, url, tab: { id: tabId, url } });

let db: PaperQueueDB;
let session: Record<string, unknown>;
let icons: Map<number, Record<string, string>>;
let titles: Map<number, string>;
let tabUrls: Map<number, string | undefined>;
let granted: boolean;
let ctx: RouterContext;

beforeEach(() => {
  db = openDatabase(`tabs-${crypto.randomUUID()}`);
  session = {};
  icons = new Map();
  titles = new Map();
  tabUrls = new Map();
  granted = true;
  const tabs = createTabPapers({
    session: {
      get: async (key) => (key === null ? { ...session } : { [key]: session[key] }),
      set: async (items) => void Object.assign(session, structuredClone(items)),
      remove: async (key) => void delete session[key],
    },
    action: {
      setIcon: async ({ tabId, path }) => void icons.set(tabId, path),
      setTitle: async ({ tabId, title }) => void titles.set(tabId, title),
    },
    tabUrl: async (tabId) => (tabUrls.has(tabId) ? tabUrls.get(tabId) : null),
    name: 'Paper Queue',
    defaultIcon: DEFAULT_ICON,
  });
  ctx = {
    db: () => db,
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    announce: async (states) =>
      tabs.changed(states, async (id) => (await db.papers.get(id))?.title ?? id),
    siteGranted: async () => granted,
    tabs,
    now: () => 5_000,
  };
});
afterEach(() => db.delete());

const paper = { id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani'] };

/** A content script in tab `tabId` at `url` says it shows `paper`. */
async function showing(tabId: number, url: string, meta: PaperMeta = paper) {
  tabUrls.set(tabId, url);
  return handleMessage(
    { type: 'tab.showing', url, id: meta.id, paper: meta },
    tabAt(tabId, url),
    ctx,
  );
}

describe('tab.showing', () => {
  it('records the tab’s paper and shows its state on that tab’s icon and title', async () => {
    expect(await showing(7, ABS)).toEqual({ ok: true, data: { saved: false, read: false, v: 0 } });
    expect(session[tabKey(7)]).toEqual({ tabId: 7, url: ABS, id: '1706.03762', paper });
    expect(icons.get(7)).toEqual(DEFAULT_ICON);
    expect(titles.get(7)).toBe(
      'Paper Queue\nThis page: Attention Is All You Need (not saved, unread)',
    );
  });

  it('follows the paper’s state: a save or a read anywhere repaints the tabs showing it', async () => {
    await showing(7, ABS);
    await showing(8, 'https://huggingface.co/papers/1706.03762');
    await showing(9, 'https://huggingface.co/papers/2401.02954', { ...paper, id: '2401.02954' });
    // Saved from the popup, another context: every tab showing that paper follows.
    await handleMessage(
      { type: 'paper.mark', id: '1706.03762', at: 4_000, saved: true, paper },
      popup,
      ctx,
    );
    for (const tab of [7, 8]) {
      expect(icons.get(tab)).toEqual(iconFor({ saved: true, read: false, v: 1 }, DEFAULT_ICON));
      expect(titles.get(tab)).toMatch(/\(saved, unread\)$/);
    }
    expect(titles.get(9)).toMatch(/\(not saved, unread\)$/);
    await handleMessage(
      { type: 'papers.set', at: 4_500, marks: { '1706.03762': { read: true } } },
      tabAt(8, 'https://huggingface.co/papers/1706.03762'),
      ctx,
    );
    expect(icons.get(7)?.[16]).toBe('/icons/state-saved-read-16.png');
  });

  it('forgets a tab that moved to a page without a paper, and puts its icon back', async () => {
    await showing(7, ABS);
    await handleMessage({ type: 'paper.mark', id: '1706.03762', at: 1, saved: true }, popup, ctx);
    const listing = 'https://huggingface.co/papers';
    await handleMessage({ type: 'tab.showing', url: listing }, tabAt(7, listing), ctx);
    expect(session[tabKey(7)]).toBeUndefined();
    expect(icons.get(7)).toEqual(DEFAULT_ICON);
    expect(titles.get(7)).toBe('Paper Queue');
  });

  it('forgets the page when it says it is left, unless the tab already shows the next one', async () => {
    await showing(7, ABS);
    await handleMessage({ type: 'paper.mark', id: paper.id, at: 1, saved: true }, popup, ctx);
    const left = { type: 'tab.showing', url: ABS, left: true };
    expect(await handleMessage(left, tabAt(7, ABS), ctx)).toEqual({ ok: true, data: null });
    expect(session[tabKey(7)]).toBeUndefined();
    expect(icons.get(7)).toEqual(DEFAULT_ICON);
    expect(titles.get(7)).toBe('Paper Queue');
    // The next page reported first: the late word from the one before changes nothing.
    const next = 'https://arxiv.org/abs/2401.02954';
    await showing(7, next, { id: '2401.02954', title: 'DeepSeek LLM' });
    await handleMessage(left, tabAt(7, next), ctx);
    expect(session[tabKey(7)]).toMatchObject({ id: '2401.02954' });
    expect(titles.get(7)).toMatch(/DeepSeek LLM/);
  });

  it('handles a tab’s words in order: a page left and the next one shown never cross', async () => {
    await showing(7, ABS);
    const next = 'https://arxiv.org/abs/2401.02954';
    tabUrls.set(7, next);
    await Promise.all([
      handleMessage({ type: 'tab.showing', url: ABS, left: true }, tabAt(7, ABS), ctx),
      handleMessage(
        {
          type: 'tab.showing',
          url: next,
          id: '2401.02954',
          paper: { id: '2401.02954', title: 'DeepSeek LLM' },
        },
        tabAt(7, next),
        ctx,
      ),
    ]);
    expect(session[tabKey(7)]).toMatchObject({ id: '2401.02954' });
    expect(titles.get(7)).toMatch(/DeepSeek LLM/);
  });

  it('never repaints a tab that has left the page (the browser reset its icon)', async () => {
    await showing(7, ABS);
    icons.clear();
    tabUrls.set(7, undefined); // now on a site the extension may not see
    await handleMessage({ type: 'paper.mark', id: '1706.03762', at: 1, saved: true }, popup, ctx);
    expect(icons.has(7)).toBe(false);
    expect(session[tabKey(7)]).toBeUndefined();
  });

  it('is refused from an extension page (no tab), with metadata of another paper, or off-site', async () => {
    const fromPopup = await handleMessage(
      { type: 'tab.showing', url: ABS, id: paper.id },
      popup,
      ctx,
    );
    expect(fromPopup).toEqual({
      ok: false,
      error: 'Error: Only a page in a tab says what it shows.',
    });
    const other = await handleMessage(
      { type: 'tab.showing', url: ABS, id: '2401.02954', paper },
      tabAt(7, ABS),
      ctx,
    );
    expect(other).toMatchObject({ ok: false, error: /another paper/ });
    const evil = 'https://example.com/abs/1706.03762';
    expect(
      await handleMessage({ type: 'tab.showing', url: evil, id: paper.id }, tabAt(7, evil), ctx),
    ).toMatchObject({
      ok: false,
    });
    expect(session).toEqual({});
  });
});

describe('tab.paper (This page)', () => {
  it('answers the paper as the database knows it, with its state, while the tab shows it', async () => {
    await showing(7, ABS);
    await handleMessage(
      { type: 'papers.seen', papers: [{ ...paper, summary: 'The dominant…' }] },
      tabAt(7, ABS),
      ctx,
    );
    await handleMessage({ type: 'paper.mark', id: paper.id, at: 1, read: true }, popup, ctx);
    const reply = await handleMessage({ type: 'tab.paper', tabId: 7 }, popup, ctx);
    expect(reply).toEqual({
      ok: true,
      data: {
        tabId: 7,
        url: ABS,
        paper: { ...paper, summary: 'The dominant…' },
        state: { saved: false, read: true, v: 5_000 },
      },
    });
  });

  it('falls back on what the page said when the database has never seen the paper', async () => {
    const alpha = 'https://www.alphaxiv.org/abs/2301.12345';
    const meta = { id: '2301.12345', title: 'Chemotactic motility-induced phase separation' };
    await showing(3, alpha, meta);
    const reply = await handleMessage({ type: 'tab.paper', tabId: 3 }, popup, ctx);
    expect(reply).toMatchObject({ ok: true, data: { paper: meta, state: { saved: false } } });
  });

  it('answers null for a tab with no paper, one that left the page, or one that closed', async () => {
    expect(await handleMessage({ type: 'tab.paper', tabId: 1 }, popup, ctx)).toEqual({
      ok: true,
      data: null,
    });
    await showing(7, `${ABS}#S1`);
    tabUrls.set(7, `${ABS}#S2`); // the fragment moved: still that page
    expect(await handleMessage({ type: 'tab.paper', tabId: 7 }, popup, ctx)).toMatchObject({
      ok: true,
      data: { url: `${ABS}#S1`, paper: { id: paper.id } },
    });
    tabUrls.set(7, 'https://arxiv.org/list/cs.CL/recent');
    expect(await handleMessage({ type: 'tab.paper', tabId: 7 }, popup, ctx)).toEqual({
      ok: true,
      data: null,
    });
    await showing(8, ABS);
    tabUrls.delete(8); // closed
    expect(await handleMessage({ type: 'tab.paper', tabId: 8 }, popup, ctx)).toEqual({
      ok: true,
      data: null,
    });
  });

  it('is for the extension’s own pages only', async () => {
    expect(await handleMessage({ type: 'tab.paper', tabId: 7 }, tabAt(7, ABS), ctx)).toMatchObject({
      ok: false,
      error: /extension's own pages/,
    });
  });
});

describe('content scripts on the optional sites', () => {
  it('are heard while the site is granted, and refused once it is withdrawn', async () => {
    const save = { type: 'paper.mark', id: paper.id, at: 1, saved: true, paper };
    expect((await handleMessage(save, tabAt(7, ABS), ctx)).ok).toBe(true);
    granted = false;
    expect(await handleMessage(save, tabAt(7, ABS), ctx)).toEqual({
      ok: false,
      error: 'Refused: arxiv.org is not turned on in Paper Queue',
    });
    // Hugging Face is asked for at install: never checked.
    const hf = 'https://huggingface.co/papers/1706.03762';
    expect((await handleMessage(save, tabAt(7, hf), ctx)).ok).toBe(true);
  });
});

describe('the toolbar’s look', () => {
  it('has an icon for saved, read and both, and the default for neither', () => {
    const state = (saved: boolean, read: boolean): MarkState => ({ saved, read, v: 1 });
    expect(iconFor(state(false, false), DEFAULT_ICON)).toBe(DEFAULT_ICON);
    expect(iconFor(state(true, false), DEFAULT_ICON)[32]).toBe('/icons/state-saved-32.png');
    expect(iconFor(state(false, true), DEFAULT_ICON)[16]).toBe('/icons/state-read-16.png');
    expect(iconFor(state(true, true), DEFAULT_ICON)[16]).toBe('/icons/state-saved-read-16.png');
    expect(titleFor('Paper Queue', state(true, true), 'T')).toBe(
      'Paper Queue\nThis page: T (saved, read)',
    );
  });
});
