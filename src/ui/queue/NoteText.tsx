/**
 * A paper's note as the list shows it: a long one folds to its first lines with "Show more",
 * so a 2,000-character note neither fills the popup nor pushes the other papers away.
 * Presentational; whether it is unfolded is the row's own, passing state.
 */
import { useId, useState } from 'preact/hooks';

/** Notes longer than this, or with more lines, fold. */
export const FOLD_CHARACTERS = 280;
export const FOLD_LINES = 4;

export function isLongNote(note: string): boolean {
  return note.length > FOLD_CHARACTERS || note.split('\n').length > FOLD_LINES;
}

export function NoteText({ note, tabbable = true }: { note: string; tabbable?: boolean }) {
  const [unfolded, setUnfolded] = useState(false);
  const id = useId();
  if (!isLongNote(note)) return <p class="note">{note}</p>;
  return (
    <div class="note-box">
      <p id={id} class={unfolded ? 'note' : 'note folded'}>
        {note}
      </p>
      <button
        type="button"
        class="note-more"
        tabIndex={tabbable ? undefined : -1}
        aria-expanded={unfolded}
        aria-controls={id}
        onClick={() => setUnfolded(!unfolded)}
      >
        {unfolded ? 'Show less' : 'Show more'}
      </button>
    </div>
  );
}
