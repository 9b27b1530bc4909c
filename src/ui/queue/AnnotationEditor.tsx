/**
 * Edits one paper's note and tags in place. Keeps a draft until Save; Escape cancels.
 *
 * Opening it moves focus into the note at once: the "Add note/tags" button that opened it
 * would otherwise keep focus, and the letters typed next would reach the row's shortcuts
 * (an `r` in "Interesting" marked the paper read and closed the editor with the draft).
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { MAX_NOTE_LENGTH } from '../../shared/limits';
import { parseTagInput } from '../../shared/tags';
import { EDITOR_CLASS } from './keyboard';

interface Props {
  title: string;
  note: string;
  tags: readonly string[];
  onSave: (change: { note: string; tags: string[] }) => void;
  onCancel: () => void;
}

export function AnnotationEditor({ title, note, tags, onSave, onCancel }: Props) {
  const [noteDraft, setNoteDraft] = useState(note);
  const [tagDraft, setTagDraft] = useState(tags.join(', '));
  const noteField = useRef<HTMLTextAreaElement>(null);
  // A layout effect: focus moves before the browser handles the next key press.
  // (`autofocus` only works while a page loads, not for an element inserted later.)
  useLayoutEffect(() => {
    const field = noteField.current;
    if (!field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, []);
  const save = (event: Event) => {
    event.preventDefault();
    onSave({ note: noteDraft.trim(), tags: parseTagInput(tagDraft) });
  };
  return (
    <form
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
          maxLength={MAX_NOTE_LENGTH}
          value={noteDraft}
          onInput={(e) => setNoteDraft(e.currentTarget.value)}
        />
      </label>
      <label>
        Tags <span class="muted">(comma or space separated)</span>
        <input type="text" value={tagDraft} onInput={(e) => setTagDraft(e.currentTarget.value)} />
      </label>
      <div class="editor-actions">
        <button type="submit">Save note and tags</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
