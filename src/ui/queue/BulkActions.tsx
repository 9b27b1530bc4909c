/** Acts on the selected papers at once (library only). Presentational. */
import { useId, useState } from 'preact/hooks';
import { parseTagInput, tagInputProblem } from '../../shared/tags';
import { plural } from './format';
import { TagInput } from './TagInput';

interface Props {
  selectedCount: number;
  shownCount: number;
  onSelectAll: (selected: boolean) => void;
  onSetRead: (read: boolean) => void;
  onTag: (tags: string[]) => void;
  onRemove: () => void;
}

export function BulkActions(props: Props) {
  const [tagDraft, setTagDraft] = useState('');
  const problemId = useId();
  const none = props.selectedCount === 0;
  const allShown = props.shownCount > 0 && props.selectedCount >= props.shownCount;
  const problem = tagInputProblem(tagDraft);
  const addTags = (event: Event) => {
    event.preventDefault();
    const tags = parseTagInput(tagDraft);
    if (tags.length === 0 || none || problem) return;
    props.onTag(tags);
    setTagDraft('');
  };
  return (
    <form class="bulk" aria-label="Bulk actions" onSubmit={addTags}>
      <label class="select-all">
        <input
          type="checkbox"
          checked={allShown}
          onChange={(e) => props.onSelectAll(e.currentTarget.checked)}
        />
        Select all shown
      </label>
      <span class="muted" aria-live="polite">
        {plural(props.selectedCount, 'selected', 'selected')}
      </span>
      <button type="button" disabled={none} onClick={() => props.onSetRead(true)}>
        Mark selected read
      </button>
      <button type="button" disabled={none} onClick={() => props.onSetRead(false)}>
        Mark selected unread
      </button>
      <TagInput
        class="bulk-tag"
        label="Tags to add to the selected papers"
        placeholder="tag, another tag"
        value={tagDraft}
        onInput={setTagDraft}
        invalid={problem !== null}
        describedBy={problem ? problemId : undefined}
      />
      <button type="submit" disabled={none || problem !== null}>
        Tag selected
      </button>
      <button type="button" class="danger" disabled={none} onClick={props.onRemove}>
        Remove selected
      </button>
      {problem && (
        <p id={problemId} class="limit over" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
