/** A page element with an open shadow root holding our styles, for UI the page must not style. */
import css from './tools.css?inline';
import { isUserEvent } from './trusted';

/** Marks our own UI hosts in the page (page.css gives them their dark-mode values). */
export const UI_ATTRIBUTE = 'data-paper-queue-ui';

export function createShadowHost(
  doc: Document,
  name: string,
): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement('div');
  host.setAttribute(UI_ATTRIBUTE, name);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}

/**
 * A button with its accessible name; `label` is also its visible text unless `text` is given.
 * Only the user's own clicks (and Enter / Space on it) act: a script's `click()` does not.
 */
export function makeButton(doc: Document, label: string, onClick: () => void, text = label) {
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = text;
  if (text !== label) button.setAttribute('aria-label', label);
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    if (isUserEvent(event)) onClick();
  });
  return button;
}
