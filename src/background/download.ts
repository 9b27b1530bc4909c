/**
 * Saves a text file through the downloads API, from the background: Firefox closes the popup
 * when a file dialog opens, and a popup's blob: URL dies with it. Firefox's event page can
 * make blob: URLs; Chrome's service worker has no URL.createObjectURL, so it gets a data: URL.
 */
import browser from 'webextension-polyfill';
import type { TextFile } from '../shared/transfer-types';

export type { TextFile };

/** How long a blob: URL outlives the start of its download. */
const BLOB_LIFETIME_MS = 5 * 60_000;

export async function downloadTextFile(file: TextFile): Promise<void> {
  const type = `${file.mime};charset=utf-8`;
  if (typeof URL.createObjectURL === 'function') {
    const url = URL.createObjectURL(new Blob([file.text], { type }));
    try {
      await browser.downloads.download({ url, filename: file.filename, saveAs: false });
    } finally {
      setTimeout(() => URL.revokeObjectURL(url), BLOB_LIFETIME_MS);
    }
    return;
  }
  const url = `data:${type};base64,${utf8Base64(file.text)}`;
  await browser.downloads.download({ url, filename: file.filename, saveAs: false });
}

/** Base64 of the text's UTF-8 bytes, in chunks (spreading megabytes into one call overflows). */
export function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) {
    chunks.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  }
  return btoa(chunks.join(''));
}
