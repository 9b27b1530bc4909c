// @vitest-environment happy-dom
// "This page" in the popup and the side panel, the popup's one-click site prompt, the library's
// Sites section and the side panel button, with the browser faked at their boundary: the
// permission prompt no automated browser can click ends here as `request()` answering.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type PaperQueueDB } from '../../src/db/database';
import { emptyMark } from '../../src/db/records';
import { type SitePermissions, SitesSection } from '../../src/library/SitesSection';
import type { TabDeps, TabInfo } from '../../src/popup/current-tab';
import { panelOpener } from '../../src/popup/SidePanelButton';
import { ThisPage } from '../../src/popup/ThisPage';
import type { sendRequest } from '../../src/shared/messaging';
import type { SiteStatus, ThisPage as ThisPageInfo } from '../../src/shared/this-page';
import type { OptionalSite } from '../../src/site/optional-sites';

type Send = typeof sendRequest;

let db: PaperQueueDB;
beforeEach(() => {
  db = openDatabase(`this-page-${crypto.randomUUID()}`);
});
afterEach(async () => {
  render(null, document.body);
  await db.delete();
});

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}
const text = () => document.body.textContent ?? '';
const button = (name: RegExp) =>
  [...document.querySelectorAll('button')].find((b) => name.test(b.textContent ?? '')) as
    | HTMLButtonElement
    | undefined;

const ABS = 'https://arxiv.org/abs/1706.03762';
const attention: ThisPageInfo = {
  tabId: 4,
  url: ABS,
  paper: { id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani'] },
  state: { saved: false, read: false, v: 0 },
};

/** A browser whose current tab is `tab`, recording what "This page" asks of it. */
function fakeTabs(tab: TabInfo | null) {
  const calls: string[] = [];
  let current = tab;
  let changed = () => {};
  let granted = true;
  const tabs: TabDeps = {
    currentTab: async () => current,
    watch: (onChange) => {
      changed = onChange;
    },
    requestSite: (site) => {
      calls.push(`request ${site.key}`);
      return Promise.resolve(granted);
    },
    reloadTab: async (id) => void calls.push(`reload ${id}`),
  };
  return {
    tabs,
    calls,
    moveTo: (next: TabInfo) => {
      current = next;
      changed();
    },
    deny: () => {
      granted = false;
    },
  };
}

/** A background answering `tab.paper` from `pages` by tab id, `sites.status` from `sites`. */
function fakeSend(pages: Record<number, ThisPageInfo>, sites: SiteStatus[] = []) {
  const sent: { type: string }[] = [];
  const send = (async (request: { type: string; tabId?: number }) => {
    sent.push(request);
    if (request.type === 'tab.paper') return pages[request.tabId as number] ?? null;
    if (request.type === 'sites.status') return sites;
    if (request.type === 'paper.mark') return { saved: true, read: false, v: 1 };
    throw new Error(`unexpected ${request.type}`);
  }) as unknown as Send;
  return { send, sent };
}

describe('ThisPage', () => {
  it('shows the tab’s paper with its Save / Read, and sends the intended value with its metadata', async () => {
    const { tabs } = fakeTabs({ id: 4, url: ABS });
    const { send, sent } = fakeSend({ 4: attention });
    render(<ThisPage db={db} send={send} tabs={tabs} />, document.body);
    await until(() => text().includes('This page: Attention Is All You Need'));
    expect(button(/Save/)?.getAttribute('aria-pressed')).toBe('false');
    button(/Save/)?.click();
    await until(() => sent.some((r) => r.type === 'paper.mark'));
    expect(sent.find((r) => r.type === 'paper.mark')).toMatchObject({
      type: 'paper.mark',
      id: '1706.03762',
      saved: true,
      paper: attention.paper,
    });
  });

  it('follows the database: a change made anywhere shows at once', async () => {
    const { tabs } = fakeTabs({ id: 4, url: ABS });
    const { send } = fakeSend({ 4: attention });
    render(<ThisPage db={db} send={send} tabs={tabs} />, document.body);
    await until(() => button(/Mark read/) !== undefined);
    await db.marks.put({ ...emptyMark('1706.03762'), savedAt: 1, readAt: 2, updatedAt: 2 });
    await until(() => button(/✓ Read/)?.getAttribute('aria-pressed') === 'true');
    expect(button(/★ Saved/)).toBeDefined();
  });

  it('follows the active tab (the side panel), and shows nothing on a tab without a paper', async () => {
    const fake = fakeTabs({ id: 4, url: ABS });
    const other: ThisPageInfo = {
      ...attention,
      tabId: 5,
      paper: { id: '2401.02954', title: 'DeepSeek LLM' },
    };
    const { send } = fakeSend({ 4: attention, 5: other });
    render(<ThisPage db={db} send={send} tabs={fake.tabs} follow />, document.body);
    await until(() => text().includes('Attention Is All You Need'));
    fake.moveTo({ id: 5, url: 'https://huggingface.co/papers/2401.02954' });
    await until(() => text().includes('This page: DeepSeek LLM'));
    fake.moveTo({ id: 6, url: 'https://example.com/' });
    await until(() => !text().includes('This page'));
  });
});

describe('the popup on arXiv or alphaXiv before the site is on', () => {
  const off: SiteStatus[] = [
    { key: 'arxiv', granted: false, registered: false },
    { key: 'alphaxiv', granted: false, registered: false },
  ];

  it('asks for the site in the click itself, then syncs and reloads the tab', async () => {
    const fake = fakeTabs({ id: 9, url: ABS });
    const { send, sent } = fakeSend({}, off);
    render(<ThisPage db={db} send={send} tabs={fake.tabs} />, document.body);
    await until(() => button(/Turn on arXiv/) !== undefined);
    expect(text()).toMatch(/arxiv\.org/);
    button(/Turn on arXiv/)?.click();
    // The request is made before anything is awaited: the click's own call.
    expect(fake.calls).toEqual(['request arxiv']);
    await until(() => fake.calls.includes('reload 9'));
    expect(sent.filter((r) => r.type === 'sites.status')).toHaveLength(2);
  });

  it('says so when the user does not allow it, and reloads nothing', async () => {
    const fake = fakeTabs({ id: 9, url: 'https://www.alphaxiv.org/abs/2301.12345' });
    fake.deny();
    const { send } = fakeSend({}, off);
    render(<ThisPage db={db} send={send} tabs={fake.tabs} />, document.body);
    await until(() => button(/Turn on alphaXiv/) !== undefined);
    button(/Turn on alphaXiv/)?.click();
    await until(() => text().includes('was not allowed'));
    expect(fake.calls).toEqual(['request alphaxiv']);
  });

  it('offers a reload when the site is on but the tab was opened before', async () => {
    const fake = fakeTabs({ id: 9, url: ABS });
    const { send } = fakeSend({}, [{ key: 'arxiv', granted: true, registered: true }]);
    render(<ThisPage db={db} send={send} tabs={fake.tabs} />, document.body);
    await until(() => button(/Reload this tab/) !== undefined);
  });

  it('offers nothing where the URL cannot be seen or is on no optional site', async () => {
    for (const url of [undefined, 'https://example.com/abs/1706.03762']) {
      const { send, sent } = fakeSend({}, off);
      render(<ThisPage db={db} send={send} tabs={fakeTabs({ id: 2, url }).tabs} />, document.body);
      await until(() => sent.length > 0);
      await new Promise((r) => setTimeout(r, 20));
      expect(document.querySelector('button')).toBeNull();
      render(null, document.body);
    }
  });
});

describe('SitesSection', () => {
  function fakePermissions() {
    const calls: string[] = [];
    let changed = () => {};
    const permissions: SitePermissions = {
      request: (site: OptionalSite) => {
        calls.push(`request ${site.key}`);
        return Promise.resolve(true);
      },
      remove: async (site) => {
        calls.push(`remove ${site.key}`);
        return true;
      },
      watch: (onChange) => {
        changed = onChange;
      },
    };
    return { permissions, calls, changed: () => changed() };
  }

  it('shows each site on or off, and turns one on or off by its permission', async () => {
    const sites: SiteStatus[] = [
      { key: 'arxiv', granted: true, registered: true },
      { key: 'alphaxiv', granted: false, registered: false },
    ];
    const { send, sent } = fakeSend({}, sites);
    const fake = fakePermissions();
    render(<SitesSection send={send} permissions={fake.permissions} />, document.body);
    await until(() => button(/Turn off arXiv/) !== undefined);
    expect(document.querySelector('[data-site-state="on"]')).not.toBeNull();
    button(/Turn on alphaXiv/)?.click();
    expect(fake.calls).toEqual(['request alphaxiv']);
    button(/Turn off arXiv/)?.click();
    await until(() => sent.length >= 3);
    expect(fake.calls).toEqual(['request alphaxiv', 'remove arxiv']);
    // A change made in the browser's own settings is heard too.
    const before = sent.length;
    fake.changed();
    await until(() => sent.length === before + 1);
  });
});

describe('panelOpener', () => {
  it('opens Firefox’s sidebar or Chrome’s side panel for this window, or offers nothing', async () => {
    const opened: unknown[] = [];
    const firefox = {
      browser: { sidebarAction: { open: async () => void opened.push('sidebar') } },
    };
    const chrome = {
      chrome: { sidePanel: { open: async (o: { windowId: number }) => void opened.push(o) } },
    };
    await panelOpener(firefox, undefined)?.();
    await panelOpener(chrome, 3)?.();
    expect(opened).toEqual(['sidebar', { windowId: 3 }]);
    expect(panelOpener(chrome, undefined)).toBeNull();
    expect(panelOpener({}, 3)).toBeNull();
  });
});
