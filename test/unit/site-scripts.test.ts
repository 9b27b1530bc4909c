// The content script on the sites the user turns on follows their host permissions
// (src/background/site-scripts.ts), tested at the browser boundary with fake `permissions`
// and `scripting`: what no automated browser can click (the permission prompt itself) ends
// here as "the permission is now granted / withdrawn".
import { describe, expect, it } from 'vitest';
import {
  createSiteScripts,
  extensionPath,
  originGranted,
  SCRIPT_ID_PREFIX,
  type SiteScript,
  type SiteScriptDeps,
  sameScript,
  scriptFor,
} from '../../src/background/site-scripts';
import { optionalSite } from '../../src/site/optional-sites';

const MANIFEST_SCRIPT = {
  js: ['src/content/index.js'],
  css: ['src/content/page.css'],
  run_at: 'document_idle',
};

/** A browser with `granted` host permissions and its registered scripts, recording calls. */
function fakeBrowser(granted: string[] = []) {
  const origins = new Set(granted);
  const registered = new Map<string, SiteScript>();
  const calls: string[] = [];
  let failNextRegister = false;
  const deps: SiteScriptDeps = {
    permissions: {
      contains: async ({ origins: asked }) => asked.every((o) => origins.has(o)),
    },
    scripting: {
      getRegisteredContentScripts: async () =>
        // A browser answers with its own defaults filled in.
        [...registered.values()].map((s) => ({
          ...s,
          matchOriginAsFallback: false,
          world: 'ISOLATED',
        })),
      registerContentScripts: async (scripts) => {
        await new Promise((r) => setTimeout(r, 1));
        for (const script of scripts) {
          if (failNextRegister) {
            failNextRegister = false;
            throw new Error('Scripting is unavailable');
          }
          if (registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
          registered.set(script.id, structuredClone(script));
          calls.push(`register ${script.id}`);
        }
      },
      unregisterContentScripts: async ({ ids }) => {
        for (const id of ids) {
          if (!registered.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
          calls.push(`unregister ${id}`);
        }
      },
    },
    contentScript: () => MANIFEST_SCRIPT,
  };
  return {
    deps,
    registered,
    calls,
    grant: (...list: string[]) => {
      for (const o of list) origins.add(o);
    },
    revoke: (...list: string[]) => {
      for (const o of list) origins.delete(o);
    },
    failNextRegister: () => {
      failNextRegister = true;
    },
  };
}

const ARXIV = `${SCRIPT_ID_PREFIX}arxiv`;
const ALPHAXIV = `${SCRIPT_ID_PREFIX}alphaxiv`;

describe('site scripts', () => {
  it('registers nothing while no site is granted (a new install asks only for huggingface.co)', async () => {
    const browser = fakeBrowser();
    const statuses = await createSiteScripts(browser.deps).sync();
    expect(statuses).toEqual([
      { key: 'arxiv', granted: false, registered: false },
      { key: 'alphaxiv', granted: false, registered: false },
    ]);
    expect(browser.calls).toEqual([]);
  });

  it('registers the manifest’s own script and styles, plus the site’s stylesheet, when granted', async () => {
    const browser = fakeBrowser(['https://arxiv.org/*']);
    const statuses = await createSiteScripts(browser.deps).sync();
    expect(statuses[0]).toEqual({ key: 'arxiv', granted: true, registered: true });
    expect(browser.registered.get(ARXIV)).toEqual({
      id: ARXIV,
      matches: ['https://arxiv.org/abs/*', 'https://arxiv.org/list/*'],
      js: ['src/content/index.js'],
      css: ['src/content/page.css', 'src/site/arxiv/arxiv.css'],
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    });
    expect(browser.registered.has(ALPHAXIV)).toBe(false);
  });

  it('follows the manifest’s run_at (the content script’s start-up decides, not this file)', async () => {
    const browser = fakeBrowser(['https://arxiv.org/*']);
    browser.deps.contentScript = () => ({ ...MANIFEST_SCRIPT, run_at: 'document_start' });
    await createSiteScripts(browser.deps).sync();
    expect(browser.registered.get(ARXIV)?.runAt).toBe('document_start');
  });

  it('registers files by their path in the extension, as Firefox’s manifest gives them as URLs', async () => {
    const browser = fakeBrowser(['https://arxiv.org/*']);
    const base = 'moz-extension://0b3c2a1e-5f6d-4e7a-9b8c-1d2e3f4a5b6c/';
    browser.deps.contentScript = () => ({
      js: [`${base}src/content/index.js`],
      css: [`${base}src/content/page.css`],
      run_at: 'document_idle',
    });
    await createSiteScripts(browser.deps).sync();
    expect(browser.registered.get(ARXIV)).toMatchObject({
      js: ['src/content/index.js'],
      css: ['src/content/page.css', 'src/site/arxiv/arxiv.css'],
    });
    expect(extensionPath('chrome-extension://abc/src/x.js')).toBe('src/x.js');
    expect(extensionPath('/src/x.js')).toBe('src/x.js');
  });

  it('changes nothing when the registrations already match (every background start)', async () => {
    const browser = fakeBrowser(['https://arxiv.org/*', 'https://www.alphaxiv.org/*']);
    const scripts = createSiteScripts(browser.deps);
    await scripts.sync();
    browser.calls.length = 0;
    await scripts.sync();
    await scripts.sync();
    expect(browser.calls).toEqual([]);
  });

  it('unregisters a site when its permission is withdrawn, and registers it again when granted', async () => {
    const browser = fakeBrowser(['https://arxiv.org/*']);
    const scripts = createSiteScripts(browser.deps);
    await scripts.sync();
    browser.revoke('https://arxiv.org/*');
    expect((await scripts.sync())[0]).toEqual({ key: 'arxiv', granted: false, registered: false });
    expect(browser.registered.size).toBe(0);
    browser.grant('https://arxiv.org/*');
    await scripts.sync();
    expect(browser.calls).toEqual([
      `register ${ARXIV}`,
      `unregister ${ARXIV}`,
      `register ${ARXIV}`,
    ]);
  });

  it('registers a script lost meanwhile again (a browser restart or an extension update)', async () => {
    const browser = fakeBrowser(['https://arxiv.org/*']);
    const scripts = createSiteScripts(browser.deps);
    await scripts.sync();
    browser.registered.clear();
    await scripts.sync();
    expect(browser.registered.has(ARXIV)).toBe(true);
  });

  it('replaces a registration of an older build (other files) and drops unknown ids', async () => {
    const browser = fakeBrowser(['https://arxiv.org/*']);
    browser.registered.set(ARXIV, {
      id: ARXIV,
      matches: ['https://arxiv.org/abs/*'],
      js: ['old.js'],
    });
    browser.registered.set(`${SCRIPT_ID_PREFIX}gone`, {
      id: `${SCRIPT_ID_PREFIX}gone`,
      js: ['x.js'],
    });
    browser.registered.set('someone-else', { id: 'someone-else', js: ['y.js'] });
    await createSiteScripts(browser.deps).sync();
    expect(browser.registered.get(ARXIV)?.js).toEqual(['src/content/index.js']);
    expect([...browser.registered.keys()].sort()).toEqual([ARXIV, 'someone-else']);
  });

  it('registers only the origins granted, when a browser grants a site’s origins one by one', async () => {
    const browser = fakeBrowser(['https://www.alphaxiv.org/*']);
    const statuses = await createSiteScripts(browser.deps).sync();
    expect(statuses[1]).toEqual({ key: 'alphaxiv', granted: true, registered: true });
    expect(browser.registered.get(ALPHAXIV)?.matches).toEqual(['https://www.alphaxiv.org/*']);
  });

  it('runs one sync at a time: a start-up and a permission event together register once', async () => {
    const browser = fakeBrowser(['https://arxiv.org/*']);
    const scripts = createSiteScripts(browser.deps);
    const results = await Promise.all([scripts.sync(), scripts.sync(), scripts.sync()]);
    expect(results.map((r) => r[0]?.registered)).toEqual([true, true, true]);
    expect(browser.calls).toEqual([`register ${ARXIV}`]);
  });

  it('reports a failed registration, and the next sync repairs it', async () => {
    const browser = fakeBrowser(['https://arxiv.org/*']);
    const scripts = createSiteScripts(browser.deps);
    browser.failNextRegister();
    await expect(scripts.sync()).rejects.toThrow('Scripting is unavailable');
    await scripts.sync();
    expect(browser.registered.has(ARXIV)).toBe(true);
  });

  it('compares a registration field by field, ignoring what the browser adds', () => {
    const wanted = scriptFor(optionalSite('arxiv'), ['https://arxiv.org/*'], MANIFEST_SCRIPT);
    expect(sameScript({ ...wanted, persistAcrossSessions: undefined }, wanted)).toBe(true);
    const reordered = { ...wanted, matches: [...(wanted.matches ?? [])].reverse() };
    expect(sameScript(reordered, wanted)).toBe(true); // Chrome answers them sorted
    expect(sameScript({ ...wanted, css: ['src/content/page.css'] }, wanted)).toBe(false);
    expect(sameScript({ ...wanted, runAt: 'document_start' }, wanted)).toBe(false);
  });
});

describe('originGranted (the sender check’s second half)', () => {
  it('asks for the page’s own origin only', async () => {
    const browser = fakeBrowser(['https://arxiv.org/*']);
    expect(await originGranted(browser.deps, 'https://arxiv.org/abs/2401.02954')).toBe(true);
    expect(await originGranted(browser.deps, 'https://www.alphaxiv.org/abs/2401.02954')).toBe(
      false,
    );
    expect(await originGranted(browser.deps, 'nonsense')).toBe(false);
  });
});
