/** The `?` overlay: which keys do what on the listing. */
import { createShadowHost, makeButton } from './shadow-host';

export const KEYS: [string, string][] = [
  ['j / k', 'Next / previous paper'],
  ['s', 'Save or unsave'],
  ['r', 'Mark read or unread'],
  ['o', 'Open the paper'],
  ['u', 'Undo the last change'],
  ['?', 'Show or hide these keys'],
];

export function createKeysHelp(doc: Document, signal: AbortSignal) {
  const { host, root } = createShadowHost(doc, 'keys');
  const overlay = doc.createElement('div');
  overlay.className = 'help';
  overlay.hidden = true;
  const card = doc.createElement('div');
  card.className = 'help-card';
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', 'Paper Queue keyboard shortcuts');
  const title = doc.createElement('h2');
  title.textContent = 'Paper Queue keys';
  const list = doc.createElement('dl');
  for (const [key, what] of KEYS) {
    const dt = doc.createElement('dt');
    dt.textContent = key;
    const dd = doc.createElement('dd');
    dd.textContent = what;
    list.append(dt, dd);
  }
  const note = doc.createElement('p');
  note.textContent =
    'Keys are ignored while you type in a field. Turn them off in the library’s settings.';
  const close = makeButton(doc, 'Close', () => toggle(false));
  card.append(title, list, note, close);
  overlay.append(card);
  overlay.addEventListener('click', (event) => {
    if (event.target === overlay) toggle(false);
  });
  root.append(overlay);
  doc.body.append(host);
  signal.addEventListener('abort', () => host.remove());

  const toggle = (open = overlay.hidden) => {
    overlay.hidden = !open;
    if (open) close.focus();
  };
  return { host, toggle, isOpen: () => !overlay.hidden };
}
