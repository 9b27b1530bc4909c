// The built Firefox add-on next to the built Chrome extension: one source, two backgrounds.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import source from '../../manifest.json';
import { type Manifest, manifestFor, type TargetBrowser } from '../../scripts/manifest-for';

const ROOT = join(__dirname, '../..');
const read = (dir: string, file: string) => readFileSync(join(ROOT, dir, file));
const manifestOf = (dir: string) => JSON.parse(read(dir, 'manifest.json').toString('utf8'));
const chrome = manifestOf('dist');
const firefox = manifestOf('dist-firefox');

/**
 * What a build's manifest must be: manifest.json with only that browser's keys, and crxjs's
 * two rewrites of source paths to built files (the content script's compiled file, and the
 * loader that imports the background's bundle). Anything else crxjs added or changed fails.
 */
function expectedBuilt(browser: TargetBrowser): Manifest {
  const manifest = manifestFor(source, browser) as typeof source;
  const LOADER = 'service-worker-loader.js';
  const background =
    browser === 'chrome'
      ? { service_worker: LOADER, type: manifest.background.type }
      : { scripts: [LOADER], type: manifest.background.type };
  return {
    ...manifest,
    background,
    content_scripts: manifest.content_scripts.map((script) => ({
      ...script,
      js: script.js.map((file) => file.replace(/\.ts$/, '.js')),
    })),
  };
}

describe('the built manifests', () => {
  it.each([
    ['chrome', 'dist', chrome],
    ['firefox', 'dist-firefox', firefox],
  ] as const)('%s: %s/manifest.json is manifest.json for that browser, exactly', (b, _, built) => {
    expect(built).toEqual(expectedBuilt(b));
    expect(Object.keys(built)).toEqual(Object.keys(expectedBuilt(b)));
  });

  it('point at files the builds hold', () => {
    for (const [dir, manifest] of [
      ['dist', chrome],
      ['dist-firefox', firefox],
    ] as const) {
      const files = [
        manifest.background.service_worker ?? manifest.background.scripts[0],
        manifest.action.default_popup,
        ...manifest.content_scripts.flatMap((c: { js: string[]; css: string[] }) => [
          ...c.js,
          ...c.css,
        ]),
      ];
      for (const file of files) expect(read(dir, file).length, `${dir}/${file}`).toBeGreaterThan(0);
    }
  });
});

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('dist-firefox/manifest.json', () => {
  it('runs the background as an event page script that exists', () => {
    expect(firefox.background.service_worker).toBeUndefined();
    expect(firefox.background.scripts).toHaveLength(1);
    expect(read('dist-firefox', firefox.background.scripts[0]).length).toBeGreaterThan(0);
    expect(firefox.browser_specific_settings.gecko.id).toBe('paper-queue@paperqueue.dev');
  });

  it('matches the Chrome build everywhere but the background, browser settings and side panel', () => {
    const shared = (m: Record<string, unknown>) => {
      const {
        background,
        browser_specific_settings,
        minimum_chrome_version,
        side_panel,
        sidebar_action,
        permissions,
        ...rest
      } = m;
      return rest;
    };
    expect(shared(firefox)).toEqual(shared(chrome));
    // Chrome's side panel needs a permission Firefox's sidebar does not know.
    expect(chrome.permissions).toEqual([...firefox.permissions, 'sidePanel']);
    expect(firefox.sidebar_action.default_panel).toBe(chrome.side_panel.default_path);
  });

  it('ships the same compiled code as the Chrome build', () => {
    expect(readdirSync(join(ROOT, 'dist-firefox/assets')).sort()).toEqual(
      readdirSync(join(ROOT, 'dist/assets')).sort(),
    );
  });
});

describe('icons and name', () => {
  it.each(['dist', 'dist-firefox'])('%s has every declared icon at its size', (dir) => {
    const manifest = manifestOf(dir);
    expect(manifest.action.default_icon).toEqual(manifest.icons);
    for (const [size, file] of Object.entries(manifest.icons as Record<string, string>)) {
      expect(pngSize(read(dir, file))).toEqual([Number(size), Number(size)]);
    }
  });

  it.each(['dist', 'dist-firefox'])('%s is called Paper Queue in English', (dir) => {
    const messages = JSON.parse(read(dir, '_locales/en/messages.json').toString('utf8'));
    expect(messages.extensionName.message).toBe('Paper Queue');
    expect(manifestOf(dir).name).toBe('__MSG_extensionName__');
  });
});
