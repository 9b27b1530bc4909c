/**
 * The strict check of rules, for what pages save and what backups bring (valibot; the content
 * script never loads it and reads rules leniently instead, rules.ts `readRules`). A rule that
 * could not have been typed is refused with the field and the reason, e.g.
 * `rules.mutedWords[2]: An empty phrase ("")`, and nothing is changed.
 */
import * as v from 'valibot';
import { formatTermList, RULE_LABELS, RULE_LIMITS, type Rules, termProblem } from './rules';

const capital = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

const Term = v.pipe(
  v.string('Not text'),
  v.check(
    (term: string) => termProblem(term) === null,
    (issue) => capital(termProblem(String(issue.input)) ?? 'Not a rule'),
  ),
);

const TermList = v.pipe(
  v.array(Term, 'Not a list'),
  v.maxLength(RULE_LIMITS.termsPerList, `More than ${RULE_LIMITS.termsPerList} entries`),
  v.check(
    (terms) => formatTermList(terms).length <= RULE_LIMITS.listChars,
    `Longer than ${RULE_LIMITS.listChars.toLocaleString('en')} characters`,
  ),
);

export const RulesSchema = v.strictObject({
  mutedWords: TermList,
  highlightedWords: TermList,
  mutedAuthors: TermList,
  highlightedAuthors: TermList,
  mutedOrganizations: TermList,
  minUpvotes: v.pipe(
    v.number('Not a number'),
    v.integer('Not a whole number'),
    v.minValue(0, 'Negative (0 turns it off)'),
    v.maxValue(RULE_LIMITS.maxUpvotes, `More than ${RULE_LIMITS.maxUpvotes.toLocaleString('en')}`),
  ),
}) satisfies v.GenericSchema<unknown, Rules>;

/** `rules.mutedWords[2]` for an issue at mutedWords → 2, under `prefix`. */
function issuePath(issue: v.BaseIssue<unknown>, prefix: string): string {
  let path = prefix;
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    path += typeof key === 'number' ? `[${key}]` : path ? `.${String(key)}` : String(key);
  }
  return path;
}

export type CheckedRules = { ok: true; rules: Rules } | { ok: false; error: string };

/** Checks rules strictly; the error names the field (by its path under `prefix`) and why. */
export function checkRules(raw: unknown, prefix = 'rules'): CheckedRules {
  const result = v.safeParse(RulesSchema, raw, { abortPipeEarly: true });
  if (result.success) return { ok: true, rules: result.output };
  const first = result.issues[0];
  return { ok: false, error: `${issuePath(first, prefix)}: ${first.message}` };
}

/** The same check, worded for a person: "Muted words: An empty phrase ("")". */
export function explainRules(raw: unknown): string | null {
  const checked = checkRules(raw, '');
  if (checked.ok) return null;
  const [path = '', message = checked.error] = checked.error.split(/: (.*)/s);
  const list = path.replace(/\[\d+\]$/, '') as keyof Rules;
  return `${RULE_LABELS[list] ?? path}: ${message}`;
}
