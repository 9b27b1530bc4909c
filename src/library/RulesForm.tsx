/**
 * Mute and highlight rules as the library's settings show them: one text field per list
 * (commas or lines between entries, found by the labels in rules.ts `RULE_LABELS`) and the
 * minimum of upvotes. Saved as you type, a moment after the last key (every open tab follows
 * at once); a list that cannot be a rule says what is wrong under its field and saves
 * nothing until it is fixed. Presentational apart from its own text while typing.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  formatTermList,
  parseTermList,
  RULE_LABELS,
  RULE_LIMITS,
  type RuleList,
  type Rules,
} from '../shared/rules';
import { explainRules } from '../shared/rules-schema';

interface Props {
  rules: Rules;
  onChange: (rules: Rules) => void;
}

/** How long after the last key a field saves. */
export const SAVE_DELAY_MS = 300;

const LISTS: [RuleList, string][] = [
  ['mutedWords', 'Papers whose title or summary has one of these are hidden.'],
  ['highlightedWords', 'Papers whose title or summary has one of these are outlined.'],
  ['mutedAuthors', 'Papers by any of these authors are hidden.'],
  ['highlightedAuthors', 'Papers by any of these authors are outlined.'],
  ['mutedOrganizations', 'Papers from these organizations are hidden.'],
];

export function RulesForm({ rules, onChange }: Props) {
  // The latest rules, for a field that saves after others changed theirs.
  const latest = useRef(rules);
  latest.current = rules;
  const save = (patch: Partial<Rules>) => onChange({ ...latest.current, ...patch });
  return (
    <fieldset class="rules">
      <legend>Mute and highlight, on Daily Papers</legend>
      <p class="muted hint">
        Commas or lines between entries. An entry matches whole words, in any case and with or
        without accents; <code>two words</code> or <code>"two words"</code> match that phrase.
        Authors and organizations match whole words of a name. A saved paper is never hidden, and a
        highlight wins over a mute. The bar on the page counts muted papers, and Show reveals them,
        each saying which rule matched.
      </p>
      {LISTS.map(([list, hint]) => (
        <TermListField
          key={list}
          list={list}
          hint={hint}
          terms={rules[list]}
          check={(terms) => explainRules({ ...latest.current, [list]: terms })}
          onSave={(terms) => save({ [list]: terms })}
        />
      ))}
      <UpvotesField value={rules.minUpvotes} onSave={(minUpvotes) => save({ minUpvotes })} />
    </fieldset>
  );
}

interface FieldProps {
  list: RuleList;
  hint: string;
  terms: string[];
  check: (terms: string[]) => string | null;
  onSave: (terms: string[]) => void;
}

function TermListField({ list, hint, terms, check, onSave }: FieldProps) {
  const label = RULE_LABELS[list];
  const id = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(() => formatTermList(terms));
  const [error, setError] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  // Another page (or tab) changed this list: show it, unless the user is typing here.
  const shown = formatTermList(terms);
  useEffect(() => {
    if (document.activeElement !== input.current) setText(shown);
  }, [shown]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (value: string) => {
    clearTimeout(timer.current);
    const parsed = parseTermList(value);
    if (!parsed.ok) {
      setError(`${label} ${parsed.error}. Nothing was saved.`);
      return;
    }
    const problem = check(parsed.terms);
    if (problem) {
      setError(`${problem}. Nothing was saved.`);
      return;
    }
    setError('');
    if (formatTermList(parsed.terms) !== shown) onSave(parsed.terms);
  };

  return (
    <div class="rule-field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        ref={input}
        rows={2}
        spellcheck={false}
        value={text}
        maxLength={RULE_LIMITS.listChars * 3}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onInput={(e) => {
          const value = e.currentTarget.value;
          setText(value);
          // Said at once when it is too long, else once the typing pauses.
          if (value.length > RULE_LIMITS.listChars) commit(value);
          else {
            clearTimeout(timer.current);
            timer.current = setTimeout(() => commit(value), SAVE_DELAY_MS);
          }
        }}
        onBlur={(e) => commit(e.currentTarget.value)}
      />
      <span id={`${id}-hint`} class="muted hint">
        {hint}
      </span>
      {error && (
        <span id={`${id}-error`} class="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

function UpvotesField({ value, onSave }: { value: number; onSave: (n: number) => void }) {
  const label = RULE_LABELS.minUpvotes;
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(String(value));
  const [error, setError] = useState('');
  useEffect(() => {
    if (document.activeElement !== input.current) setText(String(value));
  }, [value]);

  const commit = (raw: string) => {
    const trimmed = raw.trim();
    const number = trimmed === '' ? 0 : Number(trimmed);
    let problem = '';
    if (!Number.isFinite(number) || !Number.isInteger(number)) problem = 'is not a whole number';
    else if (number < 0) problem = 'cannot be negative (0 turns it off)';
    else if (number > RULE_LIMITS.maxUpvotes) {
      problem = `is more than ${RULE_LIMITS.maxUpvotes.toLocaleString('en')}`;
    }
    if (problem) {
      setError(`${label} ${problem}. Nothing was saved.`);
      return;
    }
    setError('');
    if (number !== value) onSave(number);
  };

  return (
    <div class="rule-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        ref={input}
        type="number"
        inputMode="numeric"
        step={1}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onInput={(e) => {
          setText(e.currentTarget.value);
          commit(e.currentTarget.value);
        }}
      />
      <span id={`${id}-hint`} class="muted hint">
        Papers with fewer upvotes are hidden; 0 turns it off.
      </span>
      {error && (
        <span id={`${id}-error`} class="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
