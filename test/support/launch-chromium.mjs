// Starts Debian's Chromium (or CHROME_PATH) with the built extension loaded, via Playwright.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { locate } from '../../scripts/ensure-browsers.mjs';

/** CHROME_PATH, else Debian's Chromium (the lookup `npm test` and `npm run demo` check first). */
export function chromePath() {
  const { path } = locate('chromium', { env: process.env, exists: existsSync });
  if (!path) {
    throw new Error(
      'No Chromium found: run node scripts/ensure-browsers.mjs chromium, or set CHROME_PATH.',
    );
  }
  return path;
}

/** Every Chromium we start runs with these, with or without the extension. */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // No name resolves: whatever the routes do not serve fails here, offline, every time.
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/**
 * @param {{ extensionDir?: string, alsoLoad?: string[], headless?: boolean, viewport?: {width: number, height: number}, downloadsDir?: string, executablePath?: string }} [options]
 *   downloadsDir: the profile's download folder (Chromium's own setting, which downloads made
 *   by the extension follow), instead of ~/Downloads. executablePath: another Chromium
 *   command than chromePath() (the benchmark's one-CPU wrapper). alsoLoad: more unpacked
 *   extensions beside it (the benchmark's empty one, for its floor), none with a worker.
 */
export async function launchWithExtension(options = {}) {
  const extensionDir = resolve(options.extensionDir ?? 'dist');
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run npm run build first.`);
  }
  const loaded = [extensionDir, ...(options.alsoLoad ?? []).map((dir) => resolve(dir))].join(',');
  const userDataDir = mkdtempSync(join(tmpdir(), 'paper-queue-chromium-'));
  if (options.downloadsDir) {
    mkdirSync(join(userDataDir, 'Default'));
    const download = { default_directory: options.downloadsDir, prompt_for_download: false };
    writeFileSync(join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ download }));
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: options.executablePath ?? chromePath(),
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${loaded}`, `--load-extension=${loaded}`, ...BROWSER_ARGS],
  });
  let worker = context.serviceWorkers()[0];
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  const close = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, extensionId, worker, close, userDataDir };
}
