/**
 * Hugging Face keys papers by their arXiv id. New-style ids are `YYMM.NNNNN` (4 or 5 digits
 * after the dot since 2015); old-style ids such as `hep-th/9901001` predate 2007 and never
 * appear on Daily Papers, but are accepted so imports of older lists do not fail.
 */
const NEW_STYLE = /^\d{4}\.\d{4,5}$/;
const OLD_STYLE = /^[a-z-]+(?:\.[A-Z]{2})?\/\d{7}$/;
const VERSION_SUFFIX = /v\d+$/;

/** The canonical form of an arXiv id (version suffix dropped), or null if it is not one. */
export function normalizePaperId(raw: string): string | null {
  const id = raw.trim().replace(VERSION_SUFFIX, '');
  return NEW_STYLE.test(id) || OLD_STYLE.test(id) ? id : null;
}

export function isPaperId(value: unknown): value is string {
  return typeof value === 'string' && normalizePaperId(value) === value;
}
