/**
 * The Save / Read controls placed on each card copy. Each lives in its own open shadow root
 * so the page's CSS cannot break it and its CSS cannot leak into the page.
 */
import type { PaperState } from '../shared/model';
import css from './controls.css?inline';

export const HOST_ATTRIBUTE = 'data-paper-queue-id';

export type MarkKey = keyof PaperState;
export type ToggleHandler = (id: string, key: MarkKey) => void;

interface ControlParts {
  save: HTMLButtonElement;
  read: HTMLButtonElement;
  error: HTMLElement;
  /** What the host shows now, so a render that changes nothing touches no DOM. */
  look: Look;
}

/** Everything a host can show; compared field by field so a render does the least DOM work. */
interface Look {
  saved: boolean;
  read: boolean;
  error: string;
}

/**
 * A new card shows "not saved, unread" at once, enabled, before the background answers: that
 * is what nearly every card is, so the answer changes only the few that differ, and a click
 * made before it means what the user saw (save, mark read), which is the intended value sent.
 */
const DEFAULT_LOOK: Look = { saved: false, read: false, error: '' };

const parts = new WeakMap<HTMLElement, ControlParts>();

/**
 * One stylesheet shared by every shadow root: parsing and matching a `<style>` per card
 * doubled the cost of decorating a month view. Where a browser refuses a constructed sheet
 * from a content script (Firefox's sandbox has refused them), each root gets a `<style>`.
 */
let sharedSheet: CSSStyleSheet | null | undefined;
function adoptStyles(doc: Document, root: ShadowRoot): void {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(css);
    } catch {
      sharedSheet = null;
    }
  }
  if (sharedSheet) {
    try {
      root.adoptedStyleSheets = [sharedSheet];
      return;
    } catch {
      sharedSheet = null;
    }
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
}

/** The controls' markup, built once and cloned for every card: disabled, state unknown. */
let template: HTMLTemplateElement | undefined;
function controlsFragment(doc: Document): DocumentFragment {
  if (!template || template.ownerDocument !== doc) {
    template = doc.createElement('template');
    const save = doc.createElement('button');
    const read = doc.createElement('button');
    const error = doc.createElement('span');
    for (const [el, name] of [
      [save, 'save'],
      [read, 'read'],
    ] as const) {
      el.type = 'button';
      el.className = name;
    }
    paint({ save, read, error }, undefined, null);
    error.className = 'error';
    error.setAttribute('role', 'status');
    template.content.append(save, read, error);
  }
  return template.content.cloneNode(true) as DocumentFragment;
}

export function isControlHost(node: Node): boolean {
  return node instanceof Element && node.hasAttribute(HOST_ATTRIBUTE);
}

/** A new control host for paper `id`, showing the default look until its state is known. */
export function createControlHost(doc: Document, id: string, onToggle: ToggleHandler): HTMLElement {
  const host = doc.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, id);
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(doc, root);
  const fragment = controlsFragment(doc);
  const [save, read, error] = fragment.children as unknown as [
    HTMLButtonElement,
    HTMLButtonElement,
    HTMLElement,
  ];
  root.append(fragment);
  // The site's own click handlers (card links) must not see clicks on our buttons.
  root.addEventListener('click', (event) => {
    event.stopPropagation();
    const target = event.target as Element | null;
    const key: MarkKey | null = target?.closest('.save')
      ? 'saved'
      : target?.closest('.read')
        ? 'read'
        : null;
    if (key) onToggle(id, key);
  });
  parts.set(host, { save, read, error, look: DEFAULT_LOOK });
  return host;
}

/** Shows `state` on a host (`undefined`: not known yet, the default look) and any error. */
export function renderControls(host: HTMLElement, state: PaperState | undefined, error = ''): void {
  const p = parts.get(host);
  if (p) p.look = paint(p, state, p.look, error);
}

/** Writes only what differs from `before` (null: everything, for the template). */
function paint(
  el: Pick<ControlParts, 'save' | 'read' | 'error'>,
  state: PaperState | undefined,
  before: Look | null,
  error = '',
): Look {
  const look: Look = { saved: Boolean(state?.saved), read: Boolean(state?.read), error };
  if (look.saved !== before?.saved) {
    el.save.setAttribute('aria-pressed', String(look.saved));
    el.save.textContent = look.saved ? '★ Saved' : '☆ Save';
    el.save.title = look.saved ? 'Remove from your reading queue' : 'Save to your reading queue';
  }
  if (look.read !== before?.read) {
    el.read.setAttribute('aria-pressed', String(look.read));
    el.read.textContent = look.read ? '✓ Read' : 'Mark read';
    el.read.title = look.read ? 'Mark as unread' : 'Mark as read';
  }
  if (look.error !== before?.error) el.error.textContent = error;
  return look;
}

export function setDarkTheme(host: HTMLElement, dark: boolean): void {
  host.classList.toggle('dark', dark);
}
