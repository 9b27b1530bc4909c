/**
 * The queue's keyboard shortcuts as a pure mapping from a key event to an intention, so the
 * rules (and "never while typing") are testable without a browser.
 */
export type QueueKeyAction = 'next' | 'previous' | 'open' | 'toggle-read' | 'remove' | 'search';

interface KeyInfo {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target: EventTarget | null;
}

const KEYS: Record<string, QueueKeyAction> = {
  ArrowDown: 'next',
  j: 'next',
  ArrowUp: 'previous',
  k: 'previous',
  Enter: 'open',
  r: 'toggle-read',
  Delete: 'remove',
  '/': 'search',
};

/** The note editor's class: no shortcut acts on a key typed anywhere inside it. */
export const EDITOR_CLASS = 'editor';

/**
 * True while the user types: in a text field, a select or an editable element, or anywhere in
 * an open note editor (its Save and Cancel buttons too: a stray `r` there must not mark the
 * paper read and close the editor with the draft).
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  return (
    element.closest(`input, textarea, select, [contenteditable="true"], form.${EDITOR_CLASS}`) !==
    null
  );
}

/** True where Enter already means something: a button, a link, a summary. */
function isActivatable(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  return (target as Element).closest('button, a, summary') !== null;
}

export function queueKeyAction(event: KeyInfo): QueueKeyAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target)) return null;
  const action = KEYS[event.key];
  if (!action) return null;
  if (action === 'open' && isActivatable(event.target)) return null;
  return action;
}
