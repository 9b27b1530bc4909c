/**
 * The `?` dialog: which keys do what on the listing. A modal `<dialog>` (in the top layer, so
 * the site's stacking never covers it, and the page behind is inert while it is open):
 * Escape, Close, `?` again or a click beside it close it; Tab stays inside; focus goes back
 * to where it was before (a card's title, or the bar's Keys button), even inside a shadow root.
 */
import { createShadowHost, makeButton } from './shadow-host';

export const KEYS: [string, string][] = [
  ['j / k', 'Next / previous paper'],
  ['s', 'Save or unsave'],
  ['r', 'Mark read or unread'],
  ['o', 'Open the paper'],
  ['n', 'Next paper new since your last visit'],
  ['u', 'Undo the last change'],
  ['?', 'Show or hide these keys'],
];

/** The element that really has focus, looking inside open shadow roots (ours included). */
function deepActiveElement(doc: Document): HTMLElement | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== doc.body ? active : null;
}

export function createKeysHelp(doc: Document, signal: AbortSignal) {
  const { host, root } = createShadowHost(doc, 'keys');
  const dialog = doc.createElement('dialog');
  dialog.className = 'help-card';
  dialog.setAttribute('aria-labelledby', 'pq-keys-title');
  const title = doc.createElement('h2');
  title.id = 'pq-keys-title';
  title.textContent = 'Paper Queue keyboard shortcuts';
  const list = doc.createElement('dl');
  for (const [key, what] of KEYS) {
    const dt = doc.createElement('dt');
    const kbd = doc.createElement('kbd');
    kbd.textContent = key;
    dt.append(kbd);
    const dd = doc.createElement('dd');
    dd.textContent = what;
    list.append(dt, dd);
  }
  const note = doc.createElement('p');
  note.textContent =
    'Keys are ignored while you type in a field. Turn them off in the library’s settings.';
  const close = makeButton(doc, 'Close', () => toggle(false));
  dialog.append(title, list, note, close);
  root.append(dialog);
  doc.body.append(host);

  /** Where focus was when the dialog opened, to give it back. */
  let returnTo: HTMLElement | null = null;

  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      toggle(false);
    } else if (event.key === 'Tab') {
      // Close is the only control: Tab and Shift+Tab stay on it instead of leaving the dialog
      // for the page behind (or the browser's own toolbar).
      event.preventDefault();
      close.focus();
    } else if (event.key !== '?') {
      // The page behind is inert: neither the site's keys nor our card keys act on it.
      // `?` still reaches the listing's keys, which close the dialog.
      event.stopPropagation();
    }
  });
  // A click on the backdrop lands on the dialog element itself, outside its content box.
  dialog.addEventListener('click', (event) => {
    if (event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left &&
      event.clientX <= box.right &&
      event.clientY >= box.top &&
      event.clientY <= box.bottom;
    if (!inside) toggle(false);
  });
  // However it closed (Escape in a browser that closes it itself, or close()), focus returns.
  dialog.addEventListener('close', () => {
    const target = returnTo;
    returnTo = null;
    if (target?.isConnected) target.focus({ preventScroll: true });
  });
  signal.addEventListener('abort', () => {
    if (dialog.open) dialog.close();
    host.remove();
  });

  const toggle = (open = !dialog.open) => {
    if (open === dialog.open) return;
    if (open) {
      returnTo = deepActiveElement(doc);
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      close.focus();
    } else if (typeof dialog.close === 'function') dialog.close();
    else {
      // A DOM without <dialog> support (a test's): close it the way a browser would.
      dialog.removeAttribute('open');
      dialog.dispatchEvent(new Event('close'));
    }
  };
  return { host, toggle, isOpen: () => dialog.open };
}
