/**
 * Saving a file the page built, through the downloads API with the page's own blob: URL.
 * For Chrome, whose background (a service worker) has no blob: URLs: a data: URL of a large
 * file is more than the 64 MiB a call to the downloads API may carry (a JSON backup of the
 * whole corpus is about 100 MB). Firefox keeps downloading from its background page, which
 * has blob: URLs and outlives a popup that closes.
 */
import browser from 'webextension-polyfill';
import type { TextFile } from '../../shared/transfer-types';

/** How long the blob: URL outlives the start of its download. */
const BLOB_LIFETIME_MS = 60_000;

export async function downloadFromPage(file: TextFile): Promise<void> {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mime};charset=utf-8` }));
  try {
    await browser.downloads.download({ url, filename: file.filename, saveAs: false });
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), BLOB_LIFETIME_MS);
  }
}

/** Whether the background can save large files itself (Firefox: an event page with blobs). */
export function backgroundHasBlobs(): boolean {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
}
