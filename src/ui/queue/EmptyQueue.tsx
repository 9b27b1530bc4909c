/** What an empty queue says: how to fill it, or that the filters hide everything. */
import { LISTING_URL } from '../../site/huggingface/urls';
import { openLinkInTab } from './open-in-tab';

export function EmptyQueue() {
  return (
    <div class="empty">
      <p>Your queue is empty.</p>
      <p class="muted">
        Open{' '}
        <a href={LISTING_URL} onClick={openLinkInTab}>
          Hugging Face Daily Papers
        </a>{' '}
        and press <strong>☆ Save</strong> on a paper to add it here.
      </p>
    </div>
  );
}

export function NoMatches({ onClear }: { onClear: () => void }) {
  return (
    <div class="empty">
      <p>No saved papers match.</p>
      <button type="button" onClick={onClear}>
        Clear search and filters
      </button>
    </div>
  );
}
