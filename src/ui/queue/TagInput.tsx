/**
 * A tag field with suggestions from the user's existing tags: an ARIA 1.2 combobox with a
 * list that offers, for the tag being typed, tags already in use. ↓/↑ move through the
 * suggestions (↓ also opens the list with all tags), Enter takes the highlighted one (without
 * submitting the form), Escape closes the list (a second Escape reaches the editor, which
 * cancels), and a click on a suggestion takes it. Typing is never changed by the list:
 * nothing is chosen until the user chooses it. Presentational.
 */
import { useContext, useId, useState } from 'preact/hooks';
import { tagLabel } from '../../shared/tags';
import { KnownTags } from './known-tags';
import { acceptSuggestion, suggestTags } from './tag-suggestions';

interface Props {
  id?: string;
  value: string;
  onInput: (value: string) => void;
  /** The accessible name, when no <label> wraps the field. */
  label?: string;
  placeholder?: string;
  class?: string;
  invalid?: boolean;
  describedBy?: string;
}

export function TagInput(props: Props) {
  const known = useContext(KnownTags);
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = open ? suggestTags(props.value, known, showAll) : [];
  const expanded = suggestions.length > 0;
  const optionId = (i: number) => `${listId}-${i}`;

  const close = () => {
    setOpen(false);
    setShowAll(false);
    setActive(-1);
  };
  const take = (tag: string) => {
    props.onInput(acceptSuggestion(props.value, tag));
    setShowAll(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) {
        setOpen(true);
        setShowAll(true);
        setActive(0);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter' && expanded && active >= 0) {
      event.preventDefault();
      const tag = suggestions[active];
      if (tag) take(tag);
    } else if (event.key === 'Escape' && expanded) {
      // Only closes the list; the editor's own Escape (cancel) waits for the next one.
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  return (
    <span class="tag-input">
      <input
        id={props.id}
        type="text"
        class={props.class}
        role="combobox"
        aria-label={props.label}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        autocomplete="off"
        spellcheck={false}
        placeholder={props.placeholder}
        value={props.value}
        onInput={(e) => {
          props.onInput(e.currentTarget.value);
          setOpen(true);
          setShowAll(false);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={close}
      />
      <div
        id={listId}
        role="listbox"
        aria-label="Tags in use"
        class="suggestions"
        hidden={!expanded}
      >
        {suggestions.map((tag, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the field's own keys (arrows, Enter) choose an option; options never take focus (aria-activedescendant)
          <div
            key={tag}
            id={optionId(i)}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            // Keep focus in the field: a click on a suggestion must not blur it first.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => take(tag)}
          >
            {tagLabel(tag)}
          </div>
        ))}
      </div>
    </span>
  );
}
