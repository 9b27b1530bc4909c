/**
 * From the one manifest (`manifest.json` at the top level) to one browser's: the manifest
 * holds both browsers' keys, and each build drops the keys only the other browser reads.
 * `vite.config.ts` hands the result to crxjs. Pure: the input is never changed.
 *
 * Adding a key both browsers read needs nothing here; a key only one browser reads goes in
 * ONLY_FOR below, as a dotted path when it sits inside an object both share, or as
 * `path=value` for one value of a list both share (a permission only one browser knows).
 */

export type TargetBrowser = 'chrome' | 'firefox';

export const BROWSERS: readonly TargetBrowser[] = ['chrome', 'firefox'];

/** Keys that one browser reads and the other must not get. */
export const ONLY_FOR: Readonly<Record<TargetBrowser, readonly string[]>> = {
  // Chrome runs the background as a service worker; Firefox MV3 has none and runs an event
  // page from `background.scripts` instead (same entry file).
  chrome: [
    'background.service_worker',
    'minimum_chrome_version',
    // Chrome's side panel; Firefox has its sidebar (`sidebar_action`) and no such permission.
    'side_panel',
    'permissions=sidePanel',
  ],
  firefox: ['background.scripts', 'browser_specific_settings', 'sidebar_action'],
};

export type Manifest = Record<string, unknown>;

const isObject = (value: unknown): value is Manifest =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The keys `browser`'s build drops: every other browser's own keys. */
export function droppedFor(browser: TargetBrowser): string[] {
  return BROWSERS.filter((other) => other !== browser).flatMap((other) => [...ONLY_FOR[other]]);
}

/** A copy of `manifest` without the keys only other browsers read; key order is kept. */
export function manifestFor(manifest: Manifest, browser: TargetBrowser): Manifest {
  const copy = structuredClone(manifest);
  for (const entry of droppedFor(browser)) {
    const [path, value] = entry.split('=') as [string, string | undefined];
    const keys = path.split('.');
    const last = keys.pop() as string;
    let parent: unknown = copy;
    for (const key of keys) parent = isObject(parent) ? parent[key] : undefined;
    if (!isObject(parent)) continue;
    const list = parent[last];
    if (value === undefined) delete parent[last];
    else if (Array.isArray(list)) parent[last] = list.filter((item) => item !== value);
  }
  return copy;
}
