// arXiv and alphaXiv are asked for only when the user turns them on, and the content script
// follows the permission: registered when granted, also again at every background start,
// unregistered when withdrawn. In Chromium. What a test cannot do here is click Chromium's
// permission prompt, so the granted case starts from a build whose manifest grants the hosts
// at install (test/support/granted-build.mjs); from there the permission is withdrawn and
// given back through chrome://extensions' site access (developerPrivate), which changes the
// real permission and fires permissions.onRemoved / onAdded as a user's choice does. The
// prompt's own click is covered in Firefox (firefox-sites.test.ts) and, at the boundary, in
// test/unit/this-page.test.tsx and site-scripts.test.ts.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  controlsOf,
  type ExtensionSession,
  eventually,
  saveButton,
  startSession,
} from '../support/extension-session';
import { grantedCopy } from '../support/granted-build.mjs';
import { useSession } from '../support/use-session';

const ABS = 'https://arxiv.org/abs/1706.03762';

type Registered = { id: string; matches: string[]; js: string[]; css: string[] }[];

/** What the browser has registered for the extension, asked from one of its pages. */
const registered = (page: Page) =>
  page.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { scripting: { getRegisteredContentScripts: () => Promise<Registered> } };
    };
    return (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id).sort();
  });

/** Whether a fresh load of `url` runs the content script (it marks <html>) within 1.5 s. */
async function decorated(open: () => Promise<Page>): Promise<boolean> {
  const page = await open();
  const ran = await page
    .waitForFunction(() => document.documentElement.hasAttribute('data-paper-queue-run'), null, {
      timeout: 1500,
    })
    .then(
      () => true,
      () => false,
    );
  await page.close();
  return ran;
}

/** chrome://extensions' site access: withholds or grants a host, as the user can there. */
async function siteAccess(session: ExtensionSession, change: 'add' | 'remove', host: string) {
  const page = await session.context.newPage();
  await page.goto('chrome://extensions/');
  await page.evaluate(
    async ({ extensionId, change, host }) => {
      type Call = (id: string, host: string, done: () => void) => void;
      const api = (globalThis as unknown as { chrome: { developerPrivate: Record<string, Call> } })
        .chrome.developerPrivate;
      const call = api[change === 'add' ? 'addHostPermission' : 'removeHostPermission'] as Call;
      await new Promise<void>((resolve) => call(extensionId, host, resolve));
    },
    { extensionId: session.extensionId, change, host },
  );
  await page.close();
}

describe('as installed: only huggingface.co', () => {
  const session = useSession(() => startSession());

  it('registers nothing, leaves arXiv pages alone, and shows every site off', async () => {
    const library = await session.context.newPage();
    await library.goto(`chrome-extension://${session.extensionId}/src/library/index.html`);
    await eventually(async () =>
      expect(await library.locator('[data-site-state]').allTextContents()).toEqual(['off', 'off']),
    );
    expect(await registered(library)).toEqual([]);
    const granted = await library.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { permissions: { getAll: () => Promise<{ origins: string[] }> } };
        }
      ).chrome.permissions.getAll(),
    );
    expect(granted.origins).toContain('https://huggingface.co/*');
    expect(granted.origins.filter((o) => /arxiv/.test(o))).toEqual([]);
    expect(await decorated(() => session.openPage(ABS, { controls: false }))).toBe(false);
    await library.close();
  });
});

describe('once arXiv and alphaXiv are granted', () => {
  const build = grantedCopy('dist');
  afterAll(() => build.remove());
  const session = useSession(() => startSession(undefined, { extensionDir: build.dir }));
  const ARXIV = 'paper-queue-site-arxiv';
  const ALPHAXIV = 'paper-queue-site-alphaxiv';
  let library: Page;

  it('registers the content script for both at the background’s start, and arXiv pages get it', async () => {
    library = await session.context.newPage();
    await library.goto(`chrome-extension://${session.extensionId}/src/library/index.html`);
    await eventually(
      async () => expect(await registered(library)).toEqual([ALPHAXIV, ARXIV]),
      3000,
    );
    await eventually(async () =>
      expect(await library.locator('[data-site-state]').allTextContents()).toEqual(['on', 'on']),
    );
    expect(await decorated(() => session.openPage(ABS, { controls: false }))).toBe(true);
  });

  it('unregisters arXiv when its permission is withdrawn; a tab still open is refused', async () => {
    const open = await session.openPage(ABS);
    await siteAccess(session, 'remove', 'https://arxiv.org/*');
    await eventually(async () => expect(await registered(library)).toEqual([ALPHAXIV]), 3000);
    // The Sites section hears it from the browser, as when the user changes it there.
    await eventually(async () =>
      expect(await library.locator('[data-site-state]').allTextContents()).toEqual(['off', 'on']),
    );
    expect(await decorated(() => session.openPage(ABS, { controls: false }))).toBe(false);
    // The page loaded before keeps its script, but the background no longer listens to it.
    await saveButton(controlsOf(open, '1706.03762')).click();
    await eventually(async () =>
      expect(await open.getByRole('alert').first().textContent()).toMatch(
        /arxiv\.org is not turned on in Paper Queue/,
      ),
    );
    await open.close();
  });

  it('registers it again when the permission is given back', async () => {
    await siteAccess(session, 'add', 'https://arxiv.org/*');
    await eventually(
      async () => expect(await registered(library)).toEqual([ALPHAXIV, ARXIV]),
      3000,
    );
    expect(await decorated(() => session.openPage(ABS, { controls: false }))).toBe(true);
  });

  it('registers again at the next start what the browser dropped meanwhile (a restart, an update)', async () => {
    await library.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { scripting: { unregisterContentScripts: () => Promise<void> } };
        }
      ).chrome.scripting.unregisterContentScripts(),
    );
    expect(await registered(library)).toEqual([]);
    const cdp = await session.context.newCDPSession(library);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // Any message wakes the background; this one does not touch the registrations itself.
    await library.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage({ type: 'papers.states', ids: [] }),
    );
    await eventually(
      async () => expect(await registered(library)).toEqual([ALPHAXIV, ARXIV]),
      3000,
    );
    expect(await decorated(() => session.openPage(ABS, { controls: false }))).toBe(true);
    await library.close();
  });
});
