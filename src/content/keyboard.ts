/**
 * Keyboard triage on the listing. Keys never fire while the user types in a field, when a
 * modifier is held (the browser's and the site's shortcuts stay theirs), when turned off, or
 * for key events a script dispatched (only the user's own key presses act).
 */
import { isUserEvent } from './trusted';

export interface KeyActions {
  next: () => void;
  previous: () => void;
  save: () => void;
  read: () => void;
  open: () => void;
  undo: () => void;
  help: () => void;
  /** The next card new since the last visit. */
  nextNew: () => void;
}

const BINDINGS: Record<string, keyof KeyActions> = {
  j: 'next',
  k: 'previous',
  s: 'save',
  r: 'read',
  o: 'open',
  u: 'undo',
  n: 'nextNew',
  '?': 'help',
};

/** True when a key press belongs to text entry, not to us. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (
    target.closest(
      'textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"]',
    )
  )
    return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(
      target.type,
    );
  }
  return false;
}

export function watchKeys(
  doc: Document,
  actions: KeyActions,
  enabled: () => boolean,
  signal: AbortSignal,
): void {
  doc.addEventListener(
    'keydown',
    (event) => {
      if (!isUserEvent(event) || !enabled() || event.defaultPrevented || event.isComposing) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.shiftKey && event.key !== '?') return;
      const action = BINDINGS[event.key];
      if (!action || isTypingTarget(event.composedPath()[0] ?? event.target)) return;
      event.preventDefault();
      actions[action]();
    },
    { signal },
  );
}
