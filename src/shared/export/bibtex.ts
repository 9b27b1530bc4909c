/**
 * BibTeX `@misc` entries in the form arXiv itself recommends (eprint + archivePrefix), with
 * LaTeX special characters escaped and stable, unique keys such as `dubey2024llama`.
 */
import { arxivAbsUrl, type ExportEntry, oneLine, publicationDate } from './entry';

export function toBibtex(entries: readonly ExportEntry[]): string {
  const keys = citationKeys(entries);
  return entries.map((entry) => bibEntry(entry, keys.get(entry.id) ?? entry.id)).join('\n');
}

function bibEntry(entry: ExportEntry, key: string): string {
  const [year] = publicationDate(entry);
  const fields: [string, string][] = [
    // Double braces keep the title's capitalisation (BibTeX styles lower-case it otherwise).
    ['title', `{${escapeLatex(oneLine(entry.title))}}`],
  ];
  if (entry.authors.length > 0) {
    fields.push(['author', entry.authors.map(bibName).join(' and ')]);
  }
  if (year !== undefined) fields.push(['year', String(year)]);
  fields.push(['eprint', entry.id], ['archivePrefix', 'arXiv'], ['url', arxivAbsUrl(entry.id)]);
  if (entry.note.trim()) fields.push(['note', escapeLatex(oneLine(entry.note))]);
  if (entry.tags.length > 0) {
    fields.push(['keywords', entry.tags.map((t) => escapeLatex(oneLine(t))).join(', ')]);
  }
  const body = fields.map(([name, value]) => `  ${name} = {${value}},`).join('\n');
  return `@misc{${key},\n${body}\n}\n`;
}

/**
 * One author for the `author` field. A name holding a comma or the word "and" would be split
 * or reordered by BibTeX, so it is braced whole.
 */
function bibName(name: string): string {
  // Most names need nothing: one scan instead of four (10,000 papers carry ~400,000 names),
  // and most of those are plain ASCII, which a pattern without Unicode classes tells at
  // a fraction of the cost (a whole-corpus export checks about two million names).
  if (ASCII_NAME.test(name) && !AND_WORD.test(name)) return name;
  if (PLAIN_NAME.test(name)) return name;
  const escaped = escapeLatex(oneLine(name));
  return name.includes(',') || AND_WORD.test(name) ? `{${escaped}}` : escaped;
}

const AND_WORD = /\band\b/i;
const ASCII_NAME = /^[A-Za-z.'-]+(?: [A-Za-z.'-]+)*$/;
/** Letters (any script), single inner spaces, dots, hyphens, apostrophes; no "and". */
const PLAIN_NAME = /^(?!.*\band\b)[\p{L}\p{M}.'-]+(?: [\p{L}\p{M}.'-]+)*$/iu;

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

const LATEX_SPECIAL = /[\\{}$&%#_~^]/;

export function escapeLatex(text: string): string {
  if (!LATEX_SPECIAL.test(text)) return text;
  return text.replace(/[\\{}$&%#_~^]/g, (c) => LATEX_SPECIALS[c] ?? c);
}

const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'in',
  'for',
  'to',
  'and',
  'with',
  'is',
  'are',
  'towards',
  'toward',
]);

/** `lastname + year + first significant title word`, ASCII only, e.g. `dubey2024llama`. */
export function baseKey(entry: ExportEntry): string {
  const [year] = publicationDate(entry);
  const lastName = entry.authors[0]?.trim().split(/\s+/).pop() ?? '';
  const words = asciiWords(entry.title);
  const word = words.find((w) => !STOP_WORDS.has(w) && /[a-z]/.test(w)) ?? words[0] ?? '';
  return `${asciiWords(lastName).join('') || 'anon'}${year ?? ''}${word}`;
}

function asciiWords(text: string): string[] {
  // Accents are dropped (é → e); ASCII text, the common case, needs no normalising.
  const folded = /^[\x20-\x7e]*$/.test(text)
    ? text
    : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return folded
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Keys for every entry. Papers whose base keys collide all get a suffix (a, b, …, z, aa, …)
 * in arXiv id order, so a key does not depend on the order papers were exported in.
 */
export function citationKeys(entries: readonly ExportEntry[]): Map<string, string> {
  // A set per key: a common key ("wang2024large") can be shared by thousands of papers.
  const groups = new Map<string, Set<string>>();
  for (const entry of entries) {
    const key = baseKey(entry);
    let ids = groups.get(key);
    if (!ids) {
      ids = new Set();
      groups.set(key, ids);
    }
    ids.add(entry.id);
  }
  const keys = new Map<string, string>();
  for (const [key, group] of groups) {
    if (group.size === 1) {
      keys.set(group.values().next().value as string, key);
      continue;
    }
    const ids = [...group].sort();
    ids.forEach((id, i) => {
      keys.set(id, `${key}${letterSuffix(i)}`);
    });
  }
  return keys;
}

function letterSuffix(index: number): string {
  let n = index;
  let suffix = '';
  do {
    suffix = String.fromCharCode(97 + (n % 26)) + suffix;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return suffix;
}
