/** Edits one paper's note and tags in place. Keeps a draft until Save; Escape cancels. */
import { useState } from 'preact/hooks';
import { MAX_NOTE_LENGTH } from '../../shared/limits';
import { parseTagInput } from '../../shared/tags';

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
  const save = (event: Event) => {
    event.preventDefault();
    onSave({ note: noteDraft.trim(), tags: parseTagInput(tagDraft) });
  };
  return (
    <form
      class="editor"
      aria-label={`Note and tags for ${title}`}
      onSubmit={save}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label>
        Note
        <textarea
          rows={3}
          maxLength={MAX_NOTE_LENGTH}
          value={noteDraft}
          onInput={(e) => setNoteDraft(e.currentTarget.value)}
          // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this note
          autoFocus
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
