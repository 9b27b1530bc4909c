/**
 * The small bar above the listing: how read papers look (Show all / Dim read / Hide read),
 * how many are out of the way, "Mark all as read", and the keys. Placed before the list, so
 * it never covers Hugging Face's own controls.
 */
import type { HideMode } from '../shared/settings';
import { createShadowHost, makeButton } from './shadow-host';

export interface BarView {
  mode: HideMode;
  /** The user pressed Show for this page: read papers are visible despite "hide". */
  revealed: boolean;
  total: number;
  read: number;
  /** Read papers out of view in "hide" (those read from their own card stay, dimmed). */
  hidden: number;
}

export interface BarActions {
  setMode: (mode: HideMode) => void;
  reveal: () => void;
  markAllRead: () => void;
  showKeys: () => void;
}

const MODES: [HideMode, string][] = [
  ['show', 'Show all'],
  ['dim', 'Dim read'],
  ['hide', 'Hide read'],
];

const papers = (n: number) => (n === 1 ? '1 read paper' : `${n} read papers`);

export function createListingBar(doc: Document, actions: BarActions) {
  const { host, root } = createShadowHost(doc, 'bar');
  const bar = doc.createElement('div');
  bar.className = 'bar';
  const brand = doc.createElement('span');
  brand.className = 'brand';
  brand.textContent = 'Paper Queue';
  const modes = doc.createElement('div');
  modes.className = 'modes';
  modes.setAttribute('role', 'group');
  modes.setAttribute('aria-label', 'Read papers');
  const modeButtons = MODES.map(([mode, label]) => {
    const button = makeButton(doc, label, () => actions.setMode(mode));
    button.dataset.mode = mode;
    return button;
  });
  modes.append(...modeButtons);
  const status = doc.createElement('span');
  status.className = 'status';
  status.setAttribute('role', 'status');
  const statusText = doc.createElement('span');
  const reveal = makeButton(doc, 'Show', actions.reveal);
  reveal.className = 'link';
  status.append(statusText, reveal);
  const spacer = doc.createElement('span');
  spacer.className = 'spacer';
  // Named by what they show: a name that differs from the visible label breaks voice control
  // ("click Mark all read") and fails axe's label-content-name-mismatch. Details go in titles.
  const markAll = makeButton(doc, 'Mark all read', actions.markAllRead);
  markAll.title = 'Mark every paper on this page as read (Undo in the toast)';
  const keys = makeButton(doc, 'Keys', actions.showKeys);
  keys.title = 'Keyboard shortcuts (?)';
  keys.setAttribute('aria-keyshortcuts', '?');
  keys.setAttribute('aria-haspopup', 'dialog');
  bar.append(brand, modes, status, spacer, markAll, keys);
  root.append(bar);

  let last = '';
  const render = (view: BarView) => {
    const key = JSON.stringify(view);
    if (key === last) return;
    last = key;
    for (const button of modeButtons) {
      button.setAttribute('aria-pressed', String(button.dataset.mode === view.mode));
    }
    const hiding = view.mode === 'hide' && !view.revealed;
    reveal.hidden = !(hiding && view.hidden > 0);
    if (view.read === 0) statusText.textContent = '';
    else if (hiding && view.hidden === view.total)
      statusText.textContent = `All ${view.total} papers on this page are read · `;
    else if (hiding && view.hidden > 0) statusText.textContent = `${papers(view.hidden)} hidden · `;
    else if (hiding) statusText.textContent = `${papers(view.read)} on this page`;
    else if (view.mode === 'dim') statusText.textContent = `${papers(view.read)} dimmed`;
    else statusText.textContent = `${papers(view.read)} on this page`;
    reveal.textContent = view.hidden === view.total ? 'Show them' : 'Show';
    markAll.disabled = view.total === 0 || view.read === view.total;
  };

  return { host, render };
}
