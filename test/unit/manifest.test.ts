// manifest.json holds both browsers' keys; scripts/manifest-for.ts gives each build its own.
import { describe, expect, it } from 'vitest';
import source from '../../manifest.json';
import { BROWSERS, type Manifest, manifestFor, ONLY_FOR } from '../../scripts/manifest-for';
import viteConfig from '../../vite.config';

const chrome = manifestFor(source, 'chrome');
const firefox = manifestFor(source, 'firefox');

/** The keys either browser may have on its own. */
const PER_BROWSER = [
  'background',
  'browser_specific_settings',
  'minimum_chrome_version',
  'side_panel',
  'sidebar_action',
  'permissions',
];
const shared = (manifest: Manifest) =>
  Object.fromEntries(Object.entries(manifest).filter(([key]) => !PER_BROWSER.includes(key)));

describe('manifestFor on manifest.json: Firefox', () => {
  it('runs the background as an event page: scripts, no service worker', () => {
    expect(firefox.background).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
  });

  it('names its add-on id and minimum versions, and declares that it collects no data', () => {
    expect(firefox.browser_specific_settings).toEqual({
      gecko: {
        id: 'paper-queue@paperqueue.dev',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    });
  });

  it('has no Chrome-only key', () => {
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
  });
});

describe('manifestFor on manifest.json: Chrome', () => {
  it('runs the same background entry as a module service worker', () => {
    expect(chrome.background).toEqual({
      service_worker: 'src/background/index.ts',
      type: 'module',
    });
    expect(chrome.minimum_chrome_version).toBe('120');
  });

  it('has no Firefox-only key', () => {
    expect(chrome).not.toHaveProperty('browser_specific_settings');
  });

  it('takes its name and description from _locales/en', () => {
    expect(chrome.default_locale).toBe('en');
    expect(chrome.name).toBe('__MSG_extensionName__');
    expect(chrome.description).toBe('__MSG_extensionDescription__');
  });
});

describe('manifestFor on manifest.json: both', () => {
  it.each(BROWSERS)('%s gets every shared key exactly as manifest.json has it', (browser) => {
    expect(shared(manifestFor(source, browser))).toEqual(shared(source));
  });

  it('asks both browsers for the same permissions and runs the same content script', () => {
    expect(shared(firefox)).toEqual(shared(chrome));
    const both = ['storage', 'unlimitedStorage', 'downloads', 'scripting', 'activeTab'];
    expect(firefox.permissions).toEqual(both);
    expect(chrome.permissions).toEqual([...both, 'sidePanel']);
  });

  it('asks for huggingface.co at install, and for arXiv and alphaXiv only when turned on', () => {
    expect(firefox.host_permissions).toEqual(['https://huggingface.co/*']);
    expect(firefox.optional_host_permissions).toEqual([
      'https://arxiv.org/*',
      'https://www.alphaxiv.org/*',
      'https://alphaxiv.org/*',
    ]);
  });

  it('opens the queue beside the page: a side panel in Chrome, a sidebar in Firefox', () => {
    expect(chrome.side_panel).toEqual({ default_path: 'src/sidepanel/index.html' });
    expect(chrome).not.toHaveProperty('sidebar_action');
    expect(firefox).not.toHaveProperty('side_panel');
    expect(firefox.sidebar_action).toMatchObject({
      default_panel: 'src/sidepanel/index.html',
      // Firefox opens a sidebar at install unless told not to; users dislike that.
      open_at_install: false,
    });
  });

  it.each(BROWSERS)('%s keeps the key order of manifest.json (the built file follows it)', (b) => {
    const kept = Object.keys(manifestFor(source, b));
    expect(kept).toEqual(Object.keys(source).filter((key) => kept.includes(key)));
  });

  it('names only keys (and list values) that manifest.json has, so a typo cannot pass', () => {
    for (const entry of BROWSERS.flatMap((b) => ONLY_FOR[b])) {
      const [path, item] = entry.split('=') as [string, string | undefined];
      const value = path
        .split('.')
        .reduce<unknown>((node, key) => (node as Manifest | undefined)?.[key], source);
      expect(value, path).toBeDefined();
      if (item !== undefined) expect(value, entry).toContain(item);
    }
  });
});

describe('manifestFor, generically', () => {
  const input = {
    name: 'x',
    background: { service_worker: 'bg.js', scripts: ['bg.js'], type: 'module' },
    minimum_chrome_version: '120',
    browser_specific_settings: { gecko: { id: 'x@y' } },
    options_page: 'options.html',
    permissions: ['storage', 'sidePanel'],
  };

  it('drops the other browser’s keys, top-level and nested, and keeps the rest in order', () => {
    expect(manifestFor(input, 'chrome')).toEqual({
      name: 'x',
      background: { service_worker: 'bg.js', type: 'module' },
      minimum_chrome_version: '120',
      options_page: 'options.html',
      permissions: ['storage', 'sidePanel'],
    });
    expect(Object.keys(manifestFor(input, 'firefox'))).toEqual([
      'name',
      'background',
      'browser_specific_settings',
      'options_page',
      'permissions',
    ]);
    // One value of a shared list: the permission only Chrome knows.
    expect(manifestFor(input, 'firefox').permissions).toEqual(['storage']);
    expect(manifestFor(input, 'firefox').background).toEqual({
      scripts: ['bg.js'],
      type: 'module',
    });
  });

  it('leaves its input as it was, and passes a manifest without those keys through', () => {
    const before = structuredClone(input);
    manifestFor(input, 'chrome');
    manifestFor(input, 'firefox');
    expect(input).toEqual(before);
    expect(manifestFor({ name: 'x', background: 1 }, 'firefox')).toEqual({
      name: 'x',
      background: 1,
    });
  });
});

describe('one source for both builds', () => {
  it('builds Chrome into dist/ by default and Firefox into dist-firefox/ with --mode firefox', () => {
    const outDir = (mode: string) => {
      const config =
        typeof viteConfig === 'function' ? viteConfig({ mode, command: 'build' }) : viteConfig;
      return (config as { build?: { outDir?: string } }).build?.outDir;
    };
    expect(outDir('production')).toBe('dist');
    expect(outDir('firefox')).toBe('dist-firefox');
  });
});
