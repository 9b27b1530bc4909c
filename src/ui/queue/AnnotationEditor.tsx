/**
 * Edits one paper's note and tags in place. Keeps a draft until Save; Escape cancels.
 *
 * Opening it moves focus into the note at once: the "Add note/tags" button that opened it
 * would otherwise keep focus, and the letters typed next would reach the row's shortcuts
 * (an `r` in "Interesting" marked the paper read and closed the editor with the draft).
 *
 * Limits are shown before they would cut anything: near the note's limit a counter appears;
 * past it, or with a tag too long or too many tags, the editor says what is wrong and saves
 * nothing until it is fixed (a pasted note used to be cut at 10,000 characters without a word).
 */
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { MAX_NOTE_LENGTH } from '../../shared/limits';
import { currentTag, MAX_TAG_LENGTH, parseTagInput, tagInputProblem } from '../../shared/tags';
import { EDITOR_CLASS } from './keyboard';
import { TagInput } from './TagInput';

interface Props {
  title: string;
  note: string;
  tags: readonly string[];
  onSave: (change: { note: string; tags: string[] }) => void;
  onCancel: () => void;
}

/** The counter appears from this share of a limit on. */
const NEAR_LIMIT = 0.9;

const count = (n: number) => n.toLocaleString('en');

/** What the note field says about its length: nothing, a counter, or why it cannot be saved. */
export function noteLengthText(length: number): { text: string; over: boolean } | null {
  if (length > MAX_NOTE_LENGTH) {
    const extra = length - MAX_NOTE_LENGTH;
    return {
      text: `${count(length)} of ${count(MAX_NOTE_LENGTH)} characters: ${count(extra)} too many to save.`,
      over: true,
    };
  }
  if (length >= MAX_NOTE_LENGTH * NEAR_LIMIT) {
    return { text: `${count(length)} of ${count(MAX_NOTE_LENGTH)} characters.`, over: false };
  }
  return null;
}

/** What the tag field says: why it cannot be saved, or a counter for a tag nearing its limit. */
export function tagFieldText(text: string): { text: string; over: boolean } | null {
  const problem = tagInputProblem(text);
  if (problem) return { text: problem, over: true };
  const typing = currentTag(text);
  if (typing.length >= MAX_TAG_LENGTH * 0.75) {
    return { text: `This tag: ${typing.length} of ${MAX_TAG_LENGTH} characters.`, over: false };
  }
  return null;
}

export function AnnotationEditor({ title, note, tags, onSave, onCancel }: Props) {
  const [noteDraft, setNoteDraft] = useState(note);
  const [tagDraft, setTagDraft] = useState(tags.join(', '));
  const noteField = useRef<HTMLTextAreaElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const ids = { note: useId(), tagField: useId(), tags: useId() };
  // A layout effect: focus moves before the browser handles the next key press.
  // (`autofocus` only works while a page loads, not for an element inserted later.)
  useLayoutEffect(() => {
    const field = noteField.current;
    if (!field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, []);
  const noteState = noteLengthText(noteDraft.trim().length);
  const tagState = tagFieldText(tagDraft);
  const save = (event: Event) => {
    event.preventDefault();
    if (noteState?.over || tagState?.over) {
      // Nothing is cut: the user fixes the field the message is about.
      const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      invalid?.focus();
      return;
    }
    onSave({ note: noteDraft.trim(), tags: parseTagInput(tagDraft) });
  };
  return (
    <form
      ref={form}
      class={EDITOR_CLASS}
      aria-label={`Note and tags for ${title}`}
      onSubmit={save}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label>
        Note
        <textarea
          ref={noteField}
          rows={3}
          value={noteDraft}
          aria-invalid={noteState?.over || undefined}
          aria-describedby={noteState ? ids.note : undefined}
          onInput={(e) => setNoteDraft(e.currentTarget.value)}
        />
      </label>
      <p id={ids.note} class={noteState?.over ? 'limit over' : 'limit'} aria-live="polite">
        {noteState?.text}
      </p>
      {/* Not a wrapping <label>: the suggestions inside it would become part of the field's name. */}
      <div class="field">
        <label for={ids.tagField}>
          Tags <span class="muted">(commas separate tags; a tag may have spaces)</span>
        </label>
        <TagInput
          id={ids.tagField}
          value={tagDraft}
          onInput={setTagDraft}
          invalid={tagState?.over}
          describedBy={tagState ? ids.tags : undefined}
        />
      </div>
      <p id={ids.tags} class={tagState?.over ? 'limit over' : 'limit'} aria-live="polite">
        {tagState?.text}
      </p>
      <div class="editor-actions">
        <button type="submit">Save note and tags</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
