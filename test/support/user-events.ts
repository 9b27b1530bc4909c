// What the user does, for unit tests under happy-dom. The content script acts only on trusted
// events (src/content/trusted.ts); happy-dom has no `isTrusted`, so these events carry it the
// way a real browser's do, while `element.click()` stays what it is everywhere: a script's.
export function userClick(target: Element): void {
  const event = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

export function userKey(target: EventTarget, key: string, init: KeyboardEventInit = {}): void {
  const event = new KeyboardEvent('keydown', {
    key,
    bubbles: true,
    composed: true,
    cancelable: true,
    ...init,
  });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}
