// The built Firefox add-on next to the built Chrome extension: one source, two backgrounds.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const read = (dir: string, file: string) => readFileSync(join(ROOT, dir, file));
const manifestOf = (dir: string) => JSON.parse(read(dir, 'manifest.json').toString('utf8'));
const chrome = manifestOf('dist');
const firefox = manifestOf('dist-firefox');

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('dist-firefox/manifest.json', () => {
  it('runs the background as an event page script that exists', () => {
    expect(firefox.background.service_worker).toBeUndefined();
    expect(firefox.background.scripts).toHaveLength(1);
    expect(read('dist-firefox', firefox.background.scripts[0]).length).toBeGreaterThan(0);
    expect(firefox.browser_specific_settings.gecko.id).toBe('paper-queue@paperqueue.dev');
  });

  it('matches the Chrome build everywhere but the background and browser settings', () => {
    const shared = (m: Record<string, unknown>) => {
      const { background, browser_specific_settings, minimum_chrome_version, ...rest } = m;
      return rest;
    };
    expect(shared(firefox)).toEqual(shared(chrome));
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
