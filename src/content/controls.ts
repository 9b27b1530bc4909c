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
}

const parts = new WeakMap<HTMLElement, ControlParts>();

function button(doc: Document, className: string): HTMLButtonElement {
  const el = doc.createElement('button');
  el.type = 'button';
  el.className = className;
  el.setAttribute('aria-pressed', 'false');
  el.disabled = true;
  return el;
}

export function isControlHost(node: Node): boolean {
  return node instanceof Element && node.hasAttribute(HOST_ATTRIBUTE);
}

/** A new control host for paper `id`, disabled until its state is known. */
export function createControlHost(doc: Document, id: string, onToggle: ToggleHandler): HTMLElement {
  const host = doc.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, id);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const save = button(doc, 'save');
  const read = button(doc, 'read');
  const error = doc.createElement('span');
  error.className = 'error';
  error.setAttribute('role', 'status');
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
  root.append(style, save, read, error);
  parts.set(host, { save, read, error });
  renderControls(host, undefined);
  return host;
}

/** Shows `state` on a host; `undefined` means not known yet (buttons wait, disabled). */
export function renderControls(host: HTMLElement, state: PaperState | undefined, error = ''): void {
  const p = parts.get(host);
  if (!p) return;
  const known = state !== undefined;
  p.save.disabled = !known;
  p.read.disabled = !known;
  p.save.setAttribute('aria-pressed', String(Boolean(state?.saved)));
  p.read.setAttribute('aria-pressed', String(Boolean(state?.read)));
  p.save.textContent = state?.saved ? '★ Saved' : '☆ Save';
  p.save.title = state?.saved ? 'Remove from your reading queue' : 'Save to your reading queue';
  p.read.textContent = state?.read ? '✓ Read' : 'Mark read';
  p.read.title = state?.read ? 'Mark as unread' : 'Mark as read';
  p.error.textContent = error;
}

export function setDarkTheme(host: HTMLElement, dark: boolean): void {
  host.classList.toggle('dark', dark);
}
