/**
 * Mute and highlight rules: what the user never wants to see on the listing (a topic, an
 * author, an organization, papers with few upvotes) and what they always want to notice.
 * Pure and free of validators (the content script loads it; the strict check for pages and
 * backups is rules-schema.ts).
 *
 *   settings.rules ──compileRules (once per rule change)──▶ RuleMatcher
 *   what the site adapter says about a card ──▶ judge(facts) ──▶ Verdict | null
 *
 * **Matching.** Case-insensitive, and accents do not count (`Garcia` matches `García`): both
 * sides are folded the same way (`fold`). A term matches whole words only: `model` does not
 * match `models` or `remodel`. A term of several words (typed `two words` or `"two words"`)
 * matches them in that order, separated in the text by spaces or dashes (`self supervised`
 * also matches `self-supervised`). Scripts written without spaces (Chinese, Japanese, Thai)
 * have no word boundaries to test, so there a term matches wherever it appears. Words match
 * the title or the summary; author terms match within one author's name (`LeCun` matches
 * `Yann LeCun`); organization terms within the organization's name.
 *
 * **Verdicts.** A highlight wins over a mute (a muted topic by an author you follow still
 * shows, highlighted). Saved papers are never muted: callers drop a mute for them.
 *
 * Each kind of text is searched with one precompiled regular expression holding every term
 * (highlighted ones first, so that at one place a highlight wins), so a card costs one pass
 * over its title and one over its summary however many rules there are.
 */

export interface Rules {
  mutedWords: string[];
  highlightedWords: string[];
  mutedAuthors: string[];
  highlightedAuthors: string[];
  mutedOrganizations: string[];
  /** Papers with fewer upvotes than this are muted; 0 turns it off. */
  minUpvotes: number;
}

export type RuleList = Exclude<keyof Rules, 'minUpvotes'>;

export const RULE_LISTS: readonly RuleList[] = [
  'mutedWords',
  'highlightedWords',
  'mutedAuthors',
  'highlightedAuthors',
  'mutedOrganizations',
];

/** The settings' labels, which are also the fields' accessible names in the library. */
export const RULE_LABELS: Record<keyof Rules, string> = {
  mutedWords: 'Muted words',
  highlightedWords: 'Highlighted words',
  mutedAuthors: 'Muted authors',
  highlightedAuthors: 'Highlighted authors',
  mutedOrganizations: 'Muted organizations',
  minUpvotes: 'Minimum upvotes',
};

/**
 * What one rule list may hold. Rules are settings, read by every page at document_start, so
 * they are kept small: a 10 KB list is refused with a message, never cut silently.
 */
export const RULE_LIMITS = {
  /** Characters of one list as typed (commas, quotes and line breaks included). */
  listChars: 4000,
  termsPerList: 250,
  termChars: 100,
  maxUpvotes: 100_000,
} as const;

export const NO_RULES: Readonly<Rules> = Object.freeze({
  mutedWords: [],
  highlightedWords: [],
  mutedAuthors: [],
  highlightedAuthors: [],
  mutedOrganizations: [],
  minUpvotes: 0,
});

export function hasRules(rules: Rules): boolean {
  return rules.minUpvotes > 0 || RULE_LISTS.some((list) => rules[list].length > 0);
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;
const NON_ASCII = /[\u0080-\uffff]/;

/** Lower case without accents: how rules and texts are compared. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower.normalize('NFD').replace(COMBINING_DIACRITICS, '').normalize('NFC');
}

/** Spaces and dashes between the words of a term (or of a match): one space in its key. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]+/g;
const keyOf = (folded: string) => folded.replace(SEPARATORS, ' ').trim();

/** What a term is typed as in the settings: one term per comma or line; quotes for commas. */
export type ParsedList = { ok: true; terms: string[] } | { ok: false; error: string };

/**
 * Reads a rule list as the user types it: terms separated by commas or line breaks,
 * `"…"` around a term that holds a comma (quotes are optional otherwise: `two words` is
 * already a phrase). Empty items between separators are skipped (the user is typing); an
 * empty phrase `""`, an unclosed quote, a term without a letter or digit and lists over the
 * limits are errors that say what to fix. Duplicates (as matched) are dropped.
 */
export function parseTermList(text: string): ParsedList {
  if (text.length > RULE_LIMITS.listChars) {
    return {
      ok: false,
      error: `is ${text.length.toLocaleString('en')} characters long; at most ${RULE_LIMITS.listChars.toLocaleString('en')} fit`,
    };
  }
  const raw: { term: string; quoted: boolean }[] = [];
  let current = '';
  let quoted = false;
  let inQuote = false;
  for (const char of text) {
    if (inQuote) {
      if (char === '"') inQuote = false;
      else current += char;
    } else if (char === '"') {
      if (current.trim()) return { ok: false, error: `has a quote inside “${current.trim()}”` };
      inQuote = true;
      quoted = true;
      current = '';
    } else if (char === ',' || char === '\n' || char === '\r') {
      raw.push({ term: current, quoted });
      current = '';
      quoted = false;
    } else if (quoted && char.trim()) {
      return { ok: false, error: 'has text right after a closing quote: add a comma' };
    } else current += char;
  }
  if (inQuote) return { ok: false, error: 'has a quote that is not closed' };
  raw.push({ term: current, quoted });
  const terms: string[] = [];
  const keys = new Set<string>();
  for (const { term: item, quoted: wasQuoted } of raw) {
    const term = item.replace(/\s+/g, ' ').trim();
    if (!term) {
      if (wasQuoted) return { ok: false, error: `has ${EMPTY_PHRASE}` };
      continue;
    }
    const problem = termProblem(term);
    if (problem) return { ok: false, error: `has ${problem}` };
    const key = keyOf(fold(term));
    if (keys.has(key)) continue;
    keys.add(key);
    terms.push(term);
  }
  if (terms.length > RULE_LIMITS.termsPerList) {
    return {
      ok: false,
      error: `has ${terms.length} entries; at most ${RULE_LIMITS.termsPerList} fit`,
    };
  }
  return { ok: true, terms };
}

const EMPTY_PHRASE = 'an empty phrase ("")';

/**
 * Why one stored term cannot be a rule ("an empty phrase"), or null. Shared with the strict
 * schema (rules-schema.ts), so a typed list and a backup are refused for the same reasons.
 */
export function termProblem(term: string): string | null {
  if (!term.trim()) return EMPTY_PHRASE;
  if (term.length > RULE_LIMITS.termChars) {
    return `an entry longer than ${RULE_LIMITS.termChars} characters (“${term.slice(0, 24)}…”)`;
  }
  if (!WORD_CHAR.test(term)) return `an entry without a letter or digit (“${term}”)`;
  if (term.includes('"')) return `a quote inside an entry (“${term}”)`;
  if (term !== term.trim() || /\s\s|[\n\r\t]/.test(term))
    return `spaces around or inside “${term.trim()}”`;
  return null;
}

/** A list as the settings field shows it: one term per line, quoted when it holds a comma. */
export function formatTermList(terms: readonly string[]): string {
  return terms.map((term) => (term.includes(',') ? `"${term}"` : term)).join('\n');
}

/**
 * Rules from storage, leniently (the content script's reading, like settings.ts): anything
 * malformed is dropped, never thrown, so a damaged value cannot break a page. The library
 * and the backup check strictly before anything is stored (rules-schema.ts).
 */
export function readRules(raw: unknown): Rules {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const list = (name: RuleList): string[] => {
    const items = Array.isArray(value[name]) ? (value[name] as unknown[]) : [];
    const terms: string[] = [];
    for (const item of items) {
      if (typeof item !== 'string' || termProblem(item)) continue;
      terms.push(item);
      if (terms.length === RULE_LIMITS.termsPerList) break;
    }
    return terms;
  };
  const min = value.minUpvotes;
  return {
    mutedWords: list('mutedWords'),
    highlightedWords: list('highlightedWords'),
    mutedAuthors: list('mutedAuthors'),
    highlightedAuthors: list('highlightedAuthors'),
    mutedOrganizations: list('mutedOrganizations'),
    minUpvotes:
      typeof min === 'number' && Number.isInteger(min) && min > 0 && min <= RULE_LIMITS.maxUpvotes
        ? min
        : 0,
  };
}

/** A stable text of the rules: compiled matchers are reused while it stays the same. */
export function rulesKey(rules: Rules): string {
  return JSON.stringify([...RULE_LISTS.map((list) => rules[list]), rules.minUpvotes]);
}

/** What the page knows about a paper, as the site adapter describes it. */
export interface PaperFacts {
  title: string;
  summary?: string;
  authors?: readonly string[];
  organization?: string;
  upvotes?: number;
}

export interface Verdict {
  effect: 'muted' | 'highlighted';
  /** The list (or the minimum) that matched. */
  rule: keyof Rules;
  /** The term as the user wrote it, or the minimum of upvotes. */
  term: string;
}

const RULE_NOUNS: Record<keyof Rules, string> = {
  mutedWords: 'word',
  highlightedWords: 'word',
  mutedAuthors: 'author',
  highlightedAuthors: 'author',
  mutedOrganizations: 'organization',
  minUpvotes: 'upvotes',
};

/** Why a card is muted or highlighted, in words: `Muted: word “diffusion”`. */
export function describeVerdict(verdict: Verdict): string {
  const what = verdict.effect === 'muted' ? 'Muted' : 'Highlighted';
  if (verdict.rule === 'minUpvotes') return `${what}: fewer than ${verdict.term} upvotes`;
  return `${what}: ${RULE_NOUNS[verdict.rule]} “${verdict.term}”`;
}

/** What a match of one term means, and where its ends must be checked for a word boundary. */
interface TermMeaning {
  verdict: Verdict;
  /** Check that no letter or digit comes right before (after) the match. */
  before: boolean;
  after: boolean;
}

/** One regular expression for a set of terms, and what each match means. */
interface TermSearch {
  pattern: RegExp;
  /** The highlighted terms alone, anchored (`y`): does one start where a mute matched? */
  highlights: RegExp | null;
  byKey: Map<string, TermMeaning>;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Spaces and dashes, as the (non-Unicode-mode, so faster) patterns spell them. */
const GAP = '[\\s\\-\\u2010-\\u2015\\u2212\\ufe58\\ufe63\\uff0d]+';
const ASCII_WORD_CHAR = /[a-z0-9_]/;
/** Scripts written without spaces between words: there a term needs no boundary. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
/** A letter, digit or mark of any script (or `_`): what a whole word may not touch. */
const LETTER = /[\p{L}\p{N}\p{M}_]/u;

type Edge = 'ascii' | 'letter' | 'none';
/** What a term's first (last) character asks of its neighbour in the text. */
function edgeOf(char: string): Edge {
  if (ASCII_WORD_CHAR.test(char)) return 'ascii';
  return LETTER.test(char) && !UNSPACED.test(char) ? 'letter' : 'none';
}

/** A trie of terms, by character (a space stands for any run of spaces or dashes). */
interface Trie {
  next: Map<string, Trie>;
  /** A term ends here. */
  end: boolean;
}

const newTrie = (): Trie => ({ next: new Map(), end: false });

function addTerm(trie: Trie, folded: string): void {
  let node = trie;
  for (const char of folded) {
    let child = node.next.get(char);
    if (!child) {
      child = newTrie();
      node.next.set(char, child);
    }
    node = child;
  }
  node.end = true;
}

/**
 * The pattern of a trie: shared beginnings written once, so at each place of a text the
 * search follows one branch instead of trying every term (terms such as "muted term 1" …
 * "muted term 249" cost one pass, not 250). Longer terms come first: at a place, the longest.
 */
function triePattern(node: Trie): string {
  const branches = [...node.next].map(
    ([char, child]) => `${char === ' ' ? GAP : escapeRegExp(char)}${triePattern(child)}`,
  );
  if (branches.length === 0) return '';
  const body = branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`;
  return node.end ? `(?:${body})?` : body;
}

/** One pattern for terms, grouped by the boundaries their ends need. */
function patternOf(terms: readonly { folded: string; edges: string }[]): string {
  const groups = new Map<string, Trie>();
  for (const { folded, edges } of terms) {
    let trie = groups.get(edges);
    if (!trie) {
      trie = newTrie();
      groups.set(edges, trie);
    }
    addTerm(trie, folded);
  }
  return [...groups]
    .map(([edges, trie]) => {
      const body = triePattern(trie);
      return `${edges.includes('b') ? '\\b' : ''}(?:${body})${edges.includes('a') ? '\\b' : ''}`;
    })
    .join('|');
}

/**
 * Builds the search for highlighted and muted terms of one kind of text: one pattern of
 * every term, as a trie. Whole words are found in two steps, which is twice as fast as one
 * Unicode-aware pattern: `\b` (ASCII word boundaries) where a term starts or ends with an
 * ASCII letter or digit, then every match is checked against letters of every script (`é`
 * next to `caf` is no boundary), which is cheap since matches are rare. Where a muted term
 * matches, the highlighted terms alone are tried at the same place, so a highlight wins.
 */
function termSearch(
  highlighted: readonly [term: string, rule: keyof Rules][],
  muted: readonly [term: string, rule: keyof Rules][],
): TermSearch | null {
  const byKey = new Map<string, TermMeaning>();
  const terms: { folded: string; edges: string; effect: Verdict['effect'] }[] = [];
  for (const [effect, list] of [
    ['highlighted', highlighted],
    ['muted', muted],
  ] as const) {
    for (const [term, rule] of list) {
      const folded = keyOf(fold(term));
      if (!folded || byKey.has(folded)) continue; // a highlight of the same term wins
      const before = edgeOf(folded[0] as string);
      const after = edgeOf(folded.at(-1) as string);
      byKey.set(folded, {
        verdict: { effect, rule, term },
        before: before !== 'none',
        after: after !== 'none',
      });
      terms.push({
        folded,
        effect,
        edges: `${before === 'ascii' ? 'b' : ''}${after === 'ascii' ? 'a' : ''}`,
      });
    }
  }
  if (terms.length === 0) return null;
  const lit = terms.filter((t) => t.effect === 'highlighted');
  return {
    pattern: new RegExp(patternOf(terms), 'g'),
    highlights:
      lit.length > 0 && lit.length < terms.length ? new RegExp(patternOf(lit), 'y') : null,
    byKey,
  };
}

const isLetter = (char: string | undefined) => char !== undefined && LETTER.test(char);

/**
 * Between two texts searched as one (title and summary, the names of two authors): no term
 * can match across it, since it is neither a letter nor a space or dash.
 */
const APART = '\n|\n';

/** What `match` means if it is a whole word (or phrase) of `text`. */
function wholeMatch(
  search: TermSearch,
  text: string,
  index: number,
  matched: string,
): Verdict | null {
  const meaning = search.byKey.get(keyOf(matched));
  if (!meaning) return null;
  if (meaning.before && isLetter(text[index - 1])) return null;
  if (meaning.after && isLetter(text[index + matched.length])) return null;
  return meaning.verdict;
}

/** The first highlight in `text`, else the first mute; null when no term matches. */
function searchText(search: TermSearch, text: string): Verdict | null {
  let muted: Verdict | null = null;
  const { pattern, highlights } = search;
  const folded = fold(text);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(folded); match; match = pattern.exec(folded)) {
    const verdict = wholeMatch(search, folded, match.index, match[0]);
    if (verdict?.effect === 'highlighted') return verdict;
    if (verdict && highlights) {
      // A shorter highlighted term may start at the same place ("diffusion" in "diffusion
      // model"): it wins.
      highlights.lastIndex = match.index;
      const lit = highlights.exec(folded);
      const litVerdict = lit ? wholeMatch(search, folded, match.index, lit[0]) : null;
      if (litVerdict?.effect === 'highlighted') return litVerdict;
    }
    muted ??= verdict;
    // Another term may start inside this match ("language model" in "large language
    // model", or a whole word where this one was not): look again from the next character.
    pattern.lastIndex = match.index + 1;
  }
  return muted;
}

export interface RuleMatcher {
  /** The rules it was compiled from (rulesKey): equal keys judge alike. */
  key: string;
  judge: (facts: PaperFacts) => Verdict | null;
}

/** Compiles the rules once (null when there are none): judging a card is then one pass. */
export function compileRules(rules: Rules): RuleMatcher | null {
  if (!hasRules(rules)) return null;
  const tagged = (list: RuleList) => rules[list].map((term): [string, keyof Rules] => [term, list]);
  const words = termSearch(tagged('highlightedWords'), tagged('mutedWords'));
  const authors = termSearch(tagged('highlightedAuthors'), tagged('mutedAuthors'));
  const organizations = termSearch([], tagged('mutedOrganizations'));
  const min = rules.minUpvotes;
  return {
    key: rulesKey(rules),
    judge(facts) {
      // The names are searched as one text, kept APART, so a term never spans two names.
      const byAuthor =
        authors && facts.authors?.length ? searchText(authors, facts.authors.join(APART)) : null;
      if (byAuthor?.effect === 'highlighted') return byAuthor;
      const byWord = words
        ? searchText(words, facts.summary ? `${facts.title}${APART}${facts.summary}` : facts.title)
        : null;
      if (byWord?.effect === 'highlighted') return byWord;
      if (byAuthor) return byAuthor;
      const byOrganization =
        organizations && facts.organization ? searchText(organizations, facts.organization) : null;
      if (byOrganization) return byOrganization;
      if (byWord) return byWord;
      if (min > 0 && facts.upvotes !== undefined && facts.upvotes < min) {
        return { effect: 'muted', rule: 'minUpvotes', term: String(min) };
      }
      return null;
    },
  };
}

/**
 * The rules after importing `incoming` into `local` (a backup's, or another device's): an
 * import only adds, so each list gets the entries it lacks (as matched: `Diffusion` is
 * already there as `diffusion`), and a minimum of upvotes set on only one side is kept.
 * The result may be over the limits: the caller checks it before anything is stored.
 */
export function mergeRules(local: Rules, incoming: Rules): Rules {
  const merged = { ...local };
  for (const list of RULE_LISTS) {
    const keys = new Set(local[list].map((term) => keyOf(fold(term))));
    const added = incoming[list].filter((term) => {
      const key = keyOf(fold(term));
      if (keys.has(key)) return false;
      keys.add(key);
      return true;
    });
    merged[list] = [...local[list], ...added];
  }
  merged.minUpvotes = local.minUpvotes || incoming.minUpvotes;
  return merged;
}

/** How many entries `after` has that `before` had not (and 1 for a new minimum). */
export function rulesAdded(before: Rules, after: Rules): number {
  let added = 0;
  for (const list of RULE_LISTS) added += after[list].length - before[list].length;
  return added + (before.minUpvotes === 0 && after.minUpvotes > 0 ? 1 : 0);
}
