/**
 * The one source of both manifests. Chrome and Firefox share every key except how the
 * background runs and the browser-specific settings; `vite build --mode firefox` picks Firefox.
 */
import type { ManifestV3Export } from '@crxjs/vite-plugin';

export type TargetBrowser = 'chrome' | 'firefox';

/** The Firefox add-on id: stable across releases, so AMO updates and local data stay attached. */
export const GECKO_ID = 'paper-queue@paperqueue.dev';

/**
 * 140 is the first Firefox (and ESR) that reads `data_collection_permissions`, so the
 * "collects no data" declaration is shown on install; MV3 event pages with module scripts
 * need 112 or later, which 140 covers.
 */
export const FIREFOX_MIN_VERSION = '140.0';

export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

const ICONS = {
  16: 'icons/icon-16.png',
  32: 'icons/icon-32.png',
  48: 'icons/icon-48.png',
  128: 'icons/icon-128.png',
};

/**
 * Declares the add-on id, the versions it needs, and that it collects no data. A separate
 * constant because crxjs's manifest type does not know `gecko_android` yet.
 */
const FIREFOX_SETTINGS = {
  gecko: {
    id: GECKO_ID,
    strict_min_version: FIREFOX_MIN_VERSION,
    data_collection_permissions: { required: ['none' as const] },
  },
  // Firefox for Android reads data_collection_permissions from 142 on.
  gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
};

const BACKGROUND_ENTRY = 'src/background/index.ts';

const shared = {
  manifest_version: 3,
  name: '__MSG_extensionName__',
  version: '0.1.0',
  description: '__MSG_extensionDescription__',
  default_locale: 'en',
  icons: ICONS,
  permissions: ['storage', 'unlimitedStorage', 'downloads'],
  host_permissions: ['https://huggingface.co/*'],
  action: {
    default_title: '__MSG_extensionName__',
    default_popup: 'src/popup/index.html',
    default_icon: ICONS,
  },
  content_scripts: [
    {
      matches: ['https://huggingface.co/papers*'],
      js: ['src/content/index.ts'],
      // In the page before it renders: adding it later would cost a style pass over the page.
      css: ['src/content/page.css'],
      run_at: 'document_idle' as const,
    },
  ],
};

/** Firefox MV3 has no extension service worker: the same entry runs as an event page. */
export const firefoxManifest = {
  ...shared,
  background: { scripts: [BACKGROUND_ENTRY], type: 'module' as const },
  browser_specific_settings: FIREFOX_SETTINGS,
} satisfies ManifestV3Export;

export const chromeManifest = {
  ...shared,
  minimum_chrome_version: '120',
  background: { service_worker: BACKGROUND_ENTRY, type: 'module' as const },
} satisfies ManifestV3Export;

export function manifestFor(browser: TargetBrowser) {
  return browser === 'firefox' ? firefoxManifest : chromeManifest;
}
