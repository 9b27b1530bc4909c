/**
 * Is it text at all? A PDF, a ZIP (also Word, Excel, EPUB), an image or any other binary file
 * gets one sentence saying so, and never has its bytes echoed into a message. And how the
 * bytes of a chosen file become text: UTF-8 (with or without BOM), UTF-16 with a BOM, else
 * Windows-1252, the usual encoding of an older text file.
 */

// biome-ignore-start lint/suspicious/noControlCharactersInRegex: magic numbers are control bytes
const LOOKS_LIKE: [RegExp, string][] = [
  [/^%PDF-/, 'a PDF'],
  [
    /^PK[\u0003\u0005\u0007][\u0004\u0006\u0008]/,
    'a ZIP archive; Word, Excel and EPUB files are ZIPs too',
  ],
  [/^\u001f[\u008b\uFFFD]/, 'a compressed (gzip) file'],
  [/^[\uFFFD\u0089]PNG/, 'a PNG image'],
  [/^GIF8[79]a/, 'a GIF image'],
  [/^\uFFFD{3}/, 'an image or another binary file'],
];
// biome-ignore-end lint/suspicious/noControlCharactersInRegex: magic numbers are control bytes

/** How much of the text the check reads: enough to tell, cheap on 20 MB. */
const HEAD = 64 * 1024;

/** One sentence for the user when the text is not text, else null. */
export function notTextReason(text: string): string | null {
  const head = text.slice(0, HEAD);
  const kind =
    LOOKS_LIKE.find(([pattern]) => pattern.test(head))?.[1] ??
    (looksBinary(head) || text.includes('\u0000') ? 'a binary file' : null);
  return kind
    ? `This file is not text Paper Queue can read (it looks like ${kind}). Nothing was imported.`
    : null;
}

/**
 * NUL characters, or more than one character in ten that is a control character or U+FFFD
 * (what undecodable bytes become): text in a wrong encoding has a few, binary data has many.
 */
function looksBinary(head: string): boolean {
  let junk = 0;
  for (let i = 0; i < head.length; i++) {
    const code = head.charCodeAt(i);
    if (code === 0) return true;
    if ((code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 0xfffd) {
      junk++;
    }
  }
  return junk > 0 && junk * 10 > head.length;
}

/** The text of a chosen file. Bytes that are no text stay undecodable, for the check above. */
export function decodeImportFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8. Control bytes mean binary data; otherwise an older single-byte encoding.
    const head = bytes.subarray(0, HEAD);
    let control = 0;
    for (const byte of head) {
      if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13) control++;
    }
    return head.includes(0) || control * 200 > head.length
      ? new TextDecoder('utf-8').decode(bytes)
      : new TextDecoder('windows-1252').decode(bytes);
  }
}
