// Both browsers' manifests come from manifest.config.ts and differ only where the browsers do.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  chromeManifest,
  FIREFOX_MIN_VERSION,
  firefoxManifest,
  GECKO_ID,
  manifestFor,
} from '../../manifest.config';
import viteConfig from '../../vite.config';

const chrome = chromeManifest;
const firefox = firefoxManifest;

/** What each browser may have on its own: how the background runs, and browser settings. */
const PER_BROWSER = ['background', 'browser_specific_settings', 'minimum_chrome_version'];
const withoutPerBrowser = (manifest: object) =>
  Object.fromEntries(Object.entries(manifest).filter(([key]) => !PER_BROWSER.includes(key)));

describe('the Firefox manifest', () => {
  it('runs the background as an event page: scripts, no service worker', () => {
    expect(firefox.background).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
    expect(firefox.background).not.toHaveProperty('service_worker');
  });

  it('names its add-on id and minimum version, and declares that it collects no data', () => {
    expect(firefox.browser_specific_settings.gecko).toEqual({
      id: GECKO_ID,
      strict_min_version: FIREFOX_MIN_VERSION,
      data_collection_permissions: { required: ['none'] },
    });
    expect(GECKO_ID).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(Number.parseFloat(FIREFOX_MIN_VERSION)).toBeGreaterThanOrEqual(140);
  });

  it('asks for exactly what Chrome asks for, and runs the same content script', () => {
    expect(firefox.permissions).toEqual(chrome.permissions);
    expect(firefox.host_permissions).toEqual(chrome.host_permissions);
    expect(firefox.content_scripts).toEqual(chrome.content_scripts);
    expect(withoutPerBrowser(firefox)).toEqual(withoutPerBrowser(chrome));
  });
});

describe('the Chrome manifest', () => {
  it('runs the same background entry as a module service worker', () => {
    expect(chrome.background).toEqual({
      service_worker: 'src/background/index.ts',
      type: 'module',
    });
    expect(chrome).not.toHaveProperty('browser_specific_settings');
  });

  it('takes its name and description from _locales/en', () => {
    expect(chrome.default_locale).toBe('en');
    expect(chrome.name).toBe('__MSG_extensionName__');
    expect(chrome.description).toBe('__MSG_extensionDescription__');
  });
});

describe('one source for both builds', () => {
  it('hands vite the manifest of the browser it builds for', () => {
    expect(manifestFor('chrome')).toBe(chromeManifest);
    expect(manifestFor('firefox')).toBe(firefoxManifest);
  });

  it('keeps no manifest.json of its own in the repository', () => {
    const tracked = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n');
    expect(tracked.filter((file) => /(^|\/)manifest[^/]*\.json$/.test(file))).toEqual([]);
  });

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
