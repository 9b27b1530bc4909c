/**
 * The small bar above the listing: how read papers look (Show all / Dim read / Hide read,
 * and Hide seen with auto-seen on), how many are out of the way ("12 read papers hidden ·
 * Show", "3 muted · Show"), "Mark all as read", and the keys. Placed before the list, so it
 * never covers Hugging Face's own controls.
 */
import type { HideMode } from '../shared/settings';
import { createShadowHost, makeButton } from './shadow-host';

export interface BarView {
  mode: HideMode;
  /** The user pressed Show for this page: read (and seen) papers are visible despite "hide". */
  revealed: boolean;
  total: number;
  read: number;
  /** Read papers out of view in "hide" (those read from their own card stay, dimmed). */
  hidden: number;
  /** Papers a rule mutes (never saved ones), counted apart from read ones. */
  muted: number;
  /** The user pressed Show on the muted count. */
  mutedShown: boolean;
  /** Papers out of view in "hide-seen" because they were seen before (and are not read). */
  seen: number;
  /** Whether auto-seen is on: only then is Hide seen offered. */
  autoSeen: boolean;
}

export interface BarActions {
  setMode: (mode: HideMode) => void;
  reveal: () => void;
  /** Shows (or hides again) the muted papers of this view. */
  revealMuted: (shown: boolean) => void;
  markAllRead: () => void;
  showKeys: () => void;
}

const MODES: [HideMode, string][] = [
  ['show', 'Show all'],
  ['dim', 'Dim read'],
  ['hide', 'Hide read'],
  ['hide-seen', 'Hide seen'],
];

const count = (n: number, what: string) => `${n} ${what} paper${n === 1 ? '' : 's'}`;
const papers = (n: number) => count(n, 'read');

/** What the read part of the status says (before its Show button). */
export function readStatus(view: BarView): string {
  const hiding = (view.mode === 'hide' || view.mode === 'hide-seen') && !view.revealed;
  if (hiding && view.seen > 0) {
    const parts = [view.hidden > 0 ? papers(view.hidden) : '', count(view.seen, 'seen')];
    return `${parts.filter(Boolean).join(' and ')} hidden · `;
  }
  if (view.read === 0) return '';
  if (hiding && view.hidden === view.total)
    return `All ${view.total} papers on this page are read · `;
  if (hiding && view.hidden > 0) return `${papers(view.hidden)} hidden · `;
  if (view.mode === 'dim') return `${papers(view.read)} dimmed`;
  return `${papers(view.read)} on this page`;
}

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
  const mutedText = doc.createElement('span');
  mutedText.className = 'muted-count';
  let mutedShown = false;
  // Named apart from the read papers' Show (two buttons of one name cannot be told apart).
  const revealMuted = makeButton(
    doc,
    'Show muted papers',
    () => actions.revealMuted(!mutedShown),
    'Show',
  );
  revealMuted.className = 'link';
  status.append(statusText, reveal, mutedText, revealMuted);
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
    // Hide seen without auto-seen hides what Hide read hides: it shows as that.
    const mode = view.mode === 'hide-seen' && !view.autoSeen ? 'hide' : view.mode;
    for (const button of modeButtons) {
      button.setAttribute('aria-pressed', String(button.dataset.mode === mode));
      if (button.dataset.mode === 'hide-seen') button.hidden = !view.autoSeen;
    }
    const hiding = (mode === 'hide' || mode === 'hide-seen') && !view.revealed;
    statusText.textContent = readStatus({ ...view, mode });
    reveal.hidden = !(hiding && (view.hidden > 0 || view.seen > 0));
    reveal.textContent = view.hidden === view.total ? 'Show them' : 'Show';
    mutedShown = view.mutedShown;
    const after = statusText.textContent ? ' · ' : '';
    mutedText.textContent =
      view.muted === 0 ? '' : `${after}${view.muted} muted${view.mutedShown ? ', shown' : ''} · `;
    revealMuted.hidden = view.muted === 0;
    revealMuted.textContent = view.mutedShown ? 'Hide' : 'Show';
    revealMuted.setAttribute(
      'aria-label',
      view.mutedShown ? 'Hide muted papers' : 'Show muted papers',
    );
    markAll.disabled = view.total === 0 || view.read === view.total;
  };

  return { host, render };
}
