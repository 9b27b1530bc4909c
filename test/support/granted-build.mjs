// A copy of a built extension whose manifest grants the optional sites at install, for the
// end-to-end tests of what happens once a user turned arXiv and alphaXiv on. Playwright cannot
// click the browser's permission prompt, and Chromium grants an optional host no other way
// from outside; a host it grants at install it can withhold and grant again at run time
// (chrome://extensions' "site access", which fires permissions.onRemoved / onAdded like a
// user's choice). Only manifest.json differs from the build: every compiled file is the same.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Copies `dir` (default dist/) to a temporary folder with `optional_host_permissions` moved
 * into `host_permissions`; returns its path and a function that removes it.
 * @param {string} [dir]
 */
export function grantedCopy(dir = 'dist') {
  const copy = mkdtempSync(join(tmpdir(), 'paper-queue-granted-'));
  cpSync(resolve(dir), copy, { recursive: true });
  const path = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  manifest.host_permissions = [
    ...manifest.host_permissions,
    ...(manifest.optional_host_permissions ?? []),
  ];
  delete manifest.optional_host_permissions;
  writeFileSync(path, JSON.stringify(manifest, null, 2));
  return { dir: copy, remove: () => rmSync(copy, { recursive: true, force: true }) };
}
