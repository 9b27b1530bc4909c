/**
 * Reads BibTeX (and biblatex): Paper Queue's own `@misc` entries, Zotero's, Better BibTeX's,
 * Google Scholar's. The paper is found in the fields that identify it: `eprint` (when
 * `archivePrefix`/`eprinttype` is arXiv or absent), `arxivId`, `doi` (10.48550/arXiv.…), `url`,
 * `number = {arXiv:…}`; failing those, an `arXiv:<id>` in `journal`, `note` or `howpublished`
 * (`journal={arXiv preprint arXiv:1706.03762}`). Title, authors and a full publication date
 * are kept. An entry without an arXiv id, or that cannot be read to its closing brace (a cut
 * file), is skipped: `entry 3 (key dubey2024llama, line 40): no arXiv id`.
 */
import { idFromValue, idsInText, pickId } from '../../site/paper-links';
import { dayFromParts, isoDay, ListCollector, type ListRead, lineFinder, quote } from './list-read';

/** A line that starts an entry: `@misc{`, `@Article (`. */
export const BIBTEX_ENTRY = /^[ \t]*@[a-zA-Z]+[ \t]*[{(]/m;

const NEXT_ENTRY = /\n[ \t]*@[a-zA-Z]+[ \t]*[{(]/y;
/** Where reading resumes after a damaged entry: the @ of the next line starting with one. */
const LINE_WITH_AT = /\n[ \t]*@/g;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Where and why an entry's syntax breaks. Thrown by the parser, caught by readBibtex; not an
 * Error, because a damaged file can hold thousands of these and a stack trace each is slow.
 */
class Unreadable {
  constructor(
    readonly at: number,
    readonly why: string,
  ) {}
}

interface Entry {
  type: string;
  key: string;
  fields: Map<string, string>;
}

export function readBibtex(text: string, now = Date.now()): ListRead {
  const list = new ListCollector(now);
  const lineOf = lineFinder(text);
  const macros = new Map(MONTHS.map((m, i) => [m, String(i + 1)]));
  let number = 0;
  let pos = 0;
  for (;;) {
    const start = nextEntry(text, pos);
    if (start === -1) break;
    const parser = new Parser(text, start, macros);
    let entry: Entry | null = null;
    try {
      entry = parser.entry();
      pos = parser.pos;
    } catch (error) {
      if (!(error instanceof Unreadable)) throw error;
      // A damaged entry is skipped whole; reading resumes at the next line starting with @.
      if (parser.kind === 'entry') {
        const n = ++number;
        list.skip(
          () => place(n, parser.key, lineOf(start)),
          () =>
            error.at >= text.length
              ? 'cut off before its closing brace'
              : `cannot be read at line ${lineOf(error.at)} (${error.why})`,
        );
      }
      LINE_WITH_AT.lastIndex = start + 1;
      if (!LINE_WITH_AT.exec(text)) break;
      pos = LINE_WITH_AT.lastIndex - 1;
      continue;
    }
    if (!entry) continue; // @comment, @preamble, @string
    const n = ++number;
    const picked = entryId(entry.fields);
    if ('problem' in picked) {
      const key = entry.key;
      list.skip(() => place(n, key, lineOf(start)), picked.problem);
      continue;
    }
    list.add({
      id: picked.id,
      title: latexToText(entry.fields.get('title') ?? ''),
      authors: splitNames(entry.fields.get('author') ?? ''),
      publishedAt: entryDate(entry.fields),
    });
  }
  return list.done();
}

function place(number: number, key: string, line: number): string {
  return key
    ? `entry ${number} (key ${quoteKey(key)}, line ${line})`
    : `entry ${number} (line ${line})`;
}

function quoteKey(key: string): string {
  return /^[\w:./+-]{1,60}$/.test(key) ? key : quote(key, 40);
}

/** The next `@type{` or `@type(` from `pos`; other @ signs (in comments, mail addresses) are text. */
function nextEntry(text: string, pos: number): number {
  const pattern = /@[ \t]*[a-zA-Z]+[ \t\r\n]*[{(]/g;
  pattern.lastIndex = pos;
  return pattern.exec(text)?.index ?? -1;
}

function entryId(fields: Map<string, string>) {
  const field = (name: string) => stripBraces(fields.get(name) ?? '');
  const prefix = field('archiveprefix') || field('eprinttype');
  const eprint = !prefix || /^arxiv$/i.test(prefix.trim()) ? field('eprint') : '';
  const strong = [
    eprint,
    field('arxivid'),
    field('arxiv'),
    field('doi'),
    field('url'),
    field('number'),
  ]
    .filter(Boolean)
    .map(idFromValue);
  const weak = ['journal', 'journaltitle', 'note', 'howpublished', 'addendum'].flatMap((name) =>
    idsInText(field(name)),
  );
  return pickId(strong, weak);
}

function entryDate(fields: Map<string, string>): string | undefined {
  const date = stripBraces(fields.get('date') ?? '');
  if (date) return isoDay(date);
  const year = Number(stripBraces(fields.get('year') ?? ''));
  const monthText = stripBraces(fields.get('month') ?? '')
    .trim()
    .toLowerCase();
  const month = /^\d+$/.test(monthText)
    ? Number(monthText)
    : MONTHS.indexOf(monthText.slice(0, 3)) + 1;
  const day = Number(stripBraces(fields.get('day') ?? ''));
  return month > 0 && day > 0 ? dayFromParts(year, month, day) : undefined;
}

/** Walks one `@type{…}` from its @ sign. Throws Unreadable where the syntax breaks. */
class Parser {
  pos: number;
  kind: 'entry' | 'other' = 'other';
  key = '';

  constructor(
    private readonly text: string,
    start: number,
    private readonly macros: Map<string, string>,
  ) {
    this.pos = start + 1;
  }

  /** The entry, or null for @comment, @preamble and @string (which defines a macro). */
  entry(): Entry | null {
    this.spaces();
    const type = this.match(/[a-zA-Z]+/y)?.toLowerCase() ?? '';
    this.spaces();
    const open = this.text[this.pos];
    const close = open === '(' ? ')' : '}';
    if (open !== '{' && open !== '(') throw new Unreadable(this.pos, 'expected { after @type');
    if (type === 'comment' || type === 'preamble') {
      this.group(open, close);
      return null;
    }
    this.pos++;
    if (type !== 'string') {
      this.kind = 'entry';
      this.spaces();
      this.key = this.match(/[^,\s{}()]*/y) ?? '';
      this.spaces();
    }
    const fields = new Map<string, string>();
    for (;;) {
      this.spaces();
      const c = this.peek();
      if (c === close) {
        this.pos++;
        break;
      }
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === '@') throw new Unreadable(this.pos, 'the next entry starts before this one ends');
      const name = this.match(/[^\s=,{}()"#]+/y);
      if (!name) throw new Unreadable(this.pos, 'expected a field name');
      this.spaces();
      if (this.peek() !== '=') throw new Unreadable(this.pos, `expected = after ${name}`);
      this.pos++;
      const value = this.value();
      const lower = name.toLowerCase();
      if (type === 'string') this.macros.set(lower, value);
      else if (!fields.has(lower)) fields.set(lower, value);
      this.spaces();
      const after = this.peek();
      if (after !== ',' && after !== close) throw new Unreadable(this.pos, 'expected , or the end');
    }
    return type === 'string' ? null : { type, key: this.key, fields };
  }

  /** `{…}`, `"…"`, a number or a macro, joined by `#`. Braced parts keep their inner braces. */
  private value(): string {
    let out = '';
    for (;;) {
      this.spaces();
      const c = this.peek();
      if (c === '{') {
        out += this.group('{', '}').slice(1, -1);
      } else if (c === '"') {
        out += this.quoted();
      } else {
        const word = this.match(/[^\s,{}()"#=]+/y);
        if (!word) throw new Unreadable(this.pos, 'expected a value');
        out += /^\d+$/.test(word) ? word : (this.macros.get(word.toLowerCase()) ?? '');
      }
      this.spaces();
      if (this.peek() !== '#') return out;
      this.pos++;
    }
  }

  /** A balanced group from its opening character, returned with its delimiters. */
  private group(open: string, close: string): string {
    const start = this.pos;
    let depth = 0;
    for (; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos];
      if (c === '\\') {
        this.pos++; // \{ and \} are characters, not braces
      } else if (c === '\n') {
        this.notNextEntry();
      } else if (c === open) {
        depth++;
      } else if (c === close && --depth === 0) {
        this.pos++;
        return this.text.slice(start, this.pos);
      }
    }
    throw new Unreadable(this.text.length, 'unbalanced braces');
  }

  private quoted(): string {
    const start = ++this.pos;
    let depth = 0;
    for (; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos];
      if (c === '\\') this.pos++;
      else if (c === '\n') this.notNextEntry();
      else if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '"' && depth === 0) return this.text.slice(start, this.pos++);
    }
    throw new Unreadable(this.text.length, 'unclosed quote');
  }

  /**
   * A value never runs into the next entry: a line starting with `@type{` inside one means
   * this entry lost its closing brace, and reading on would give it the next entry's fields.
   */
  private notNextEntry(): void {
    NEXT_ENTRY.lastIndex = this.pos;
    if (NEXT_ENTRY.test(this.text)) {
      throw new Unreadable(this.pos + 1, 'the next entry starts before this one ends');
    }
  }

  private peek(): string {
    if (this.pos >= this.text.length) throw new Unreadable(this.text.length, 'cut off');
    return this.text[this.pos] as string;
  }

  private spaces(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++;
  }

  private match(sticky: RegExp): string | undefined {
    sticky.lastIndex = this.pos;
    const found = sticky.exec(this.text)?.[0];
    if (found) this.pos += found.length;
    return found;
  }
}

function stripBraces(value: string): string {
  return value.replace(/[{}]/g, '').trim();
}

/**
 * `and`-separated names, each as "Given Family": `Dubey, Abhimanyu` → `Abhimanyu Dubey`,
 * `{Meta AI}` stays whole, `and others` is dropped.
 */
export function splitNames(value: string): string[] {
  return splitTopLevel(value, /\s+and\s+/iy)
    .map((name) => name.trim())
    .filter((name) => name && name.toLowerCase() !== 'others')
    .map((name) => {
      const parts = splitTopLevel(name, /,/y).map((p) => p.trim());
      const [last = '', second = '', third = ''] = parts;
      const ordered =
        parts.length === 2
          ? `${second} ${last}`
          : parts.length >= 3
            ? `${third} ${last} ${second}`
            : name;
      return latexToText(ordered);
    })
    .filter(Boolean);
}

/** Splits where the sticky `separator` matches at brace depth 0. */
function splitTopLevel(value: string, separator: RegExp): string[] {
  // Most values have no braces or escapes: one split instead of a walk (10,000 entries of a
  // big library hold some 400,000 names).
  if (!/[{}\\]/.test(value)) return value.split(new RegExp(separator.source, 'i'));
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0) {
      separator.lastIndex = i;
      const match = separator.exec(value);
      if (match) {
        parts.push(value.slice(start, i));
        i += match[0].length - 1;
        start = i + 1;
      }
    }
  }
  parts.push(value.slice(start));
  return parts;
}

const ESCAPED = new Set(['{', '}', '$', '&', '%', '#', '_', ' ']);
const ACCENTS: Record<string, string> = {
  '`': '\u0300',
  "'": '\u0301',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  '"': '\u0308',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  r: '\u030a',
  c: '\u0327',
  k: '\u0328',
  d: '\u0323',
  b: '\u0331',
};
const SYMBOLS: Record<string, string> = {
  textbackslash: '\\',
  textasciitilde: '~',
  textasciicircum: '^',
  textendash: '–',
  textemdash: '—',
  textquoteleft: '‘',
  textquoteright: '’',
  textquotedblleft: '“',
  textquotedblright: '”',
  ldots: '…',
  dots: '…',
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
};
/** Commands that only style their argument: the argument stays, the command goes. */
const STYLES = new Set([
  'emph',
  'textit',
  'textbf',
  'textsc',
  'texttt',
  'textrm',
  'textsf',
  'textup',
  'mathrm',
  'mbox',
  'url',
  'NoCaseChange',
]);

/**
 * BibTeX text as plain text: the escapes Paper Queue and Zotero write (`\&`, `\_`,
 * `\textbackslash{}`, `{\"o}`, `\c{c}`…) become their characters, grouping braces go, a
 * tie (`~`) is a space. Anything else (math, unknown commands) is kept as written.
 */
export function latexToText(value: string): string {
  if (!/[\\{}~]/.test(value)) return value.replace(/\s+/g, ' ').trim();
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === '{' || c === '}') continue;
    if (c === '~') {
      out += ' ';
      continue;
    }
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = value[i + 1] ?? '';
    if (ESCAPED.has(next)) {
      out += next;
      i++;
      continue;
    }
    if (next === '\\') {
      out += ' ';
      i++;
      continue;
    }
    const name = /^[a-zA-Z]+/.exec(value.slice(i + 1))?.[0] ?? '';
    const accent = ACCENTS[next];
    if (accent && (!/[a-zA-Z]/.test(next) || name.length === 1)) {
      // \"o, \"{o}, \c{c}, \'{\i}: the accented letter, composed.
      let j = i + 2;
      while (value[j] === ' ' && /[a-zA-Z]/.test(next)) j++;
      let base = '';
      if (value[j] === '{') {
        const end = value.indexOf('}', j);
        base = latexToText(value.slice(j + 1, end === -1 ? undefined : end));
        j = end === -1 ? value.length : end + 1;
      } else if (value[j] === '\\') {
        const command = /^\\([a-zA-Z]+)/.exec(value.slice(j));
        base = command ? (SYMBOLS[command[1] as string] ?? '') : '';
        j += command ? command[0].length : 1;
        while (command && value[j] === ' ') j++; // \"\i ve: the space ends the command
      } else {
        base = value[j] ?? '';
        j++;
      }
      if (base) out += `${base.replace('ı', 'i').replace('ȷ', 'j')}${accent}`.normalize('NFC');
      else if (next === '^' || next === '~') out += next;
      i = j - 1;
      continue;
    }
    if (name) {
      const symbol = SYMBOLS[name];
      if (symbol !== undefined || STYLES.has(name)) {
        out += symbol ?? '';
        i += name.length;
        // A command word ends at a space or an empty group, which belong to it.
        if (value.startsWith('{}', i + 1)) i += 2;
        else while (value[i + 1] === ' ' && symbol !== undefined) i++;
        continue;
      }
      out += `\\${name}`;
      i += name.length;
      continue;
    }
    out += c;
  }
  return out.replace(/\s+/g, ' ').trim();
}
