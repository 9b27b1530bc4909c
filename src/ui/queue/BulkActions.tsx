/** Acts on the selected papers at once (library only). Presentational. */
import { useState } from 'preact/hooks';
import { parseTagInput } from '../../shared/tags';
import { plural } from './format';

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
  const none = props.selectedCount === 0;
  const allShown = props.shownCount > 0 && props.selectedCount >= props.shownCount;
  const addTags = (event: Event) => {
    event.preventDefault();
    const tags = parseTagInput(tagDraft);
    if (tags.length === 0 || none) return;
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
      <input
        type="text"
        class="bulk-tag"
        aria-label="Tags to add to the selected papers"
        placeholder="tag, another"
        value={tagDraft}
        onInput={(e) => setTagDraft(e.currentTarget.value)}
      />
      <button type="submit" disabled={none}>
        Tag selected
      </button>
      <button type="button" class="danger" disabled={none} onClick={props.onRemove}>
        Remove selected
      </button>
    </form>
  );
}
