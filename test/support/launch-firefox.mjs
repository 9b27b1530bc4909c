// Starts Debian's Firefox ESR (or FIREFOX_PATH) headless with dist-firefox/ installed as a
// temporary add-on, driven by puppeteer-core over WebDriver BiDi.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { locate } from '../../scripts/ensure-browsers.mjs';

/** The add-on id in dist-firefox/manifest.json (from manifest.json, browser_specific_settings). */
export const GECKO_ID = 'paper-queue@paperqueue.dev';

/**
 * Firefox gives each add-on a random internal UUID per profile; this pref pins ours, so the
 * popup's moz-extension:// address is known before the add-on is installed.
 */
export const INTERNAL_UUID = '0b3c2a1e-5f6d-4e7a-9b8c-1d2e3f4a5b6c';

/** FIREFOX_PATH, else Debian's Firefox ESR (the lookup `npm test` checks first). */
export function firefoxPath() {
  const { path } = locate('firefox', { env: process.env, exists: existsSync });
  if (!path) {
    throw new Error(
      'No Firefox ESR found: run node scripts/ensure-browsers.mjs firefox, or set FIREFOX_PATH.',
    );
  }
  return path;
}

/** @param {{ extensionDir?: string, prefs?: Record<string, unknown> }} [options] prefs: more Firefox preferences */
export async function launchFirefoxWithExtension(options = {}) {
  const extensionDir = resolve(options.extensionDir ?? 'dist-firefox');
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built add-on in ${extensionDir}: run npm run build:firefox first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // WebDriver BiDi refuses to navigate to moz-extension:// pages (the popup) without it.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: INTERNAL_UUID }),
      // Whatever the tests do not answer goes to a proxy that is not there: offline, always.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '',
      ...options.prefs,
    },
  });
  try {
    const id = await browser.installExtension(extensionDir);
    if (id !== GECKO_ID) throw new Error(`Installed ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return {
    browser,
    extensionBase: `moz-extension://${INTERNAL_UUID}/`,
    close: () => browser.close(),
  };
}
