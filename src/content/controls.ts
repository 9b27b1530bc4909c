/**
 * The Save / Read controls placed on each card copy. Each lives in its own open shadow root
 * so the page's CSS cannot break it and nothing of ours leaks into the page.
 *
 * A month view has 2,000 card copies, so a host costs as little as it can: cloned whole from
 * one prototype, no listener of its own (one per page, see `listenToControls`), no stylesheet
 * of its own (page.css styles the buttons by their `part` names, from the manifest), no parts
 * looked up until a host shows something other than the default look, and no error element
 * until there is an error.
 */
import type { PaperState } from '../shared/model';
import { isUserEvent } from './trusted';

export const HOST_ATTRIBUTE = 'data-paper-queue-id';

/**
 * Set on a card's title heading from document_start until its controls go in after it:
 * page.css keeps their room (the host's exact height) below the heading, so inserting them
 * moves nothing on the page.
 */
export const SLOT_ATTRIBUTE = 'data-paper-queue-slot';

export type MarkKey = keyof PaperState;
export type ToggleHandler = (id: string, key: MarkKey) => void;

/** What a host says about its paper besides its state (listing-tools.ts, page-session.ts). */
export interface HostMarks {
  /** New since the last visit (src/shared/seen.ts). */
  isNew: boolean;
  /** Why a rule mutes or highlights the paper, in words (rules.ts `describeVerdict`); '' for none. */
  rule: string;
  effect: 'muted' | 'highlighted' | null;
}

export const NO_MARKS: Readonly<HostMarks> = Object.freeze({
  isNew: false,
  rule: '',
  effect: null,
});

/** Everything a host can show; compared field by field so a render does the least DOM work. */
interface Look extends HostMarks {
  saved: boolean;
  read: boolean;
  error: string;
}

/**
 * A new card shows "not saved, unread" at once, enabled, before the background answers: that
 * is what nearly every card is, so the answer changes only the few that differ, and a click
 * made before it means what the user saw (save, mark read), which is the intended value sent.
 */
const DEFAULT_LOOK: Look = { saved: false, read: false, error: '', ...NO_MARKS };

/** What each host shows, for hosts that ever showed anything but the default look. */
const looks = new WeakMap<HTMLElement, Look>();

/**
 * The `part` names page.css styles: every button is a `button`; a pressed one is also
 * `save-on` or `read-on` (`::part()` may not test attributes such as aria-pressed).
 */
export const PARTS = {
  button: 'button',
  error: 'error',
  on: (key: 'save' | 'read') => `${key}-on`,
  /** The "New" badge. */
  new: 'new',
  /** The rule's reason: a flexible slot (it never wraps the host to a second line) and its badge. */
  ruleSlot: 'rule-slot',
  rule: (effect: 'muted' | 'highlighted') => `rule ${effect}`,
};

/**
 * A host with its shadow root and buttons, to clone. Cloning a `clonable` shadow root copies
 * its buttons with the host in one call; where that is not supported the prototype's buttons
 * are cloned into a new root instead.
 */
let prototype: { doc: Document; host: HTMLElement; clonesRoot: boolean } | undefined;
function hostPrototype(doc: Document) {
  if (prototype?.doc === doc) return prototype;
  const host = doc.createElement('div');
  const root = host.attachShadow({ mode: 'open', clonable: true } as ShadowRootInit);
  for (const name of ['save', 'read'] as const) {
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = name;
    root.append(button);
  }
  paint(root, DEFAULT_LOOK, null);
  prototype = { doc, host, clonesRoot: Boolean((host.cloneNode(true) as HTMLElement).shadowRoot) };
  return prototype;
}

export function isControlHost(node: Node): boolean {
  return node instanceof Element && node.hasAttribute(HOST_ATTRIBUTE);
}

/** A new control host for paper `id`, showing the default look until its state is known. */
export function createControlHost(doc: Document, id: string): HTMLElement {
  const proto = hostPrototype(doc);
  let host: HTMLElement;
  if (proto.clonesRoot) {
    host = proto.host.cloneNode(true) as HTMLElement;
  } else {
    host = doc.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    for (const button of (proto.host.shadowRoot as ShadowRoot).children) {
      root.append(button.cloneNode(true));
    }
  }
  host.setAttribute(HOST_ATTRIBUTE, id);
  return host;
}

/**
 * Turns the user's clicks on any control host of `doc` into `onToggle(id, key)` until
 * `signal` aborts: one listener for the page instead of one per host. It listens in the
 * capture phase and stops the click there, so the site's own card handlers never see clicks
 * on our buttons. A click a script made (`button.click()`) changes nothing.
 */
export function listenToControls(doc: Document, onToggle: ToggleHandler, signal: AbortSignal) {
  const onClick = (event: Event) => {
    if (!isUserEvent(event)) return;
    // The path, not the target: it names the button inside the shadow root, then its host.
    let button: Element | null = null;
    for (const node of event.composedPath()) {
      if (!(node instanceof Element)) continue;
      if (node.hasAttribute(HOST_ATTRIBUTE)) {
        event.stopPropagation();
        const id = node.getAttribute(HOST_ATTRIBUTE);
        const key = button?.classList.contains('save')
          ? 'saved'
          : button?.classList.contains('read')
            ? 'read'
            : null;
        if (id && key) onToggle(id, key);
        return;
      }
      if (node.localName === 'button') button = node;
    }
  };
  doc.addEventListener('click', onClick, { capture: true, signal });
}

/**
 * Shows `state` on a host (`undefined`: not known yet, the default look), any error, and
 * the marks (New, a rule's reason).
 */
export function renderControls(
  host: HTMLElement,
  state: PaperState | undefined,
  error = '',
  marks: HostMarks = NO_MARKS,
): void {
  const before = looks.get(host) ?? DEFAULT_LOOK;
  const look: Look = { saved: Boolean(state?.saved), read: Boolean(state?.read), error, ...marks };
  if (sameLook(look, before) || !host.shadowRoot) return;
  paint(host.shadowRoot, look, before);
  looks.set(host, look);
}

const sameLook = (a: Look, b: Look) =>
  a.saved === b.saved &&
  a.read === b.read &&
  a.error === b.error &&
  a.isNew === b.isNew &&
  a.rule === b.rule &&
  a.effect === b.effect;

/**
 * The marks' elements, made only for hosts that show one (most never do), after the
 * buttons: the New badge, then the rule's reason in a slot that takes the room left and
 * cuts the text short rather than wrap (page.css), so the host keeps the height its room
 * was kept for. The full reason is its title (shown on hover) and its text for screen readers.
 */
function paintMarks(root: ShadowRoot, look: Look, before: Look | null): void {
  const doc = root.ownerDocument;
  if (look.isNew !== (before?.isNew ?? false)) {
    root.querySelector('.new')?.remove();
    if (look.isNew) {
      const badge = doc.createElement('span');
      badge.className = 'new';
      badge.setAttribute('part', PARTS.new);
      badge.title = 'New since your last visit (n: next new paper)';
      badge.textContent = 'New';
      root.querySelector('button.read')?.after(badge);
    }
  }
  if (look.rule !== (before?.rule ?? '') || look.effect !== (before?.effect ?? null)) {
    root.querySelector('.rule-slot')?.remove();
    if (look.rule && look.effect) {
      const slot = doc.createElement('span');
      slot.className = 'rule-slot';
      slot.setAttribute('part', PARTS.ruleSlot);
      const badge = doc.createElement('span');
      badge.setAttribute('part', PARTS.rule(look.effect));
      badge.title = `${look.rule} (a rule in Paper Queue’s settings)`;
      badge.textContent = look.effect === 'highlighted' ? `★ ${look.rule}` : look.rule;
      slot.append(badge);
      (root.querySelector('.new') ?? root.querySelector('button.read'))?.after(slot);
    }
  }
}

/** Writes only what differs from `before` (null: everything, for the prototype). */
function paint(root: ShadowRoot, look: Look, before: Look | null): void {
  const save = root.querySelector<HTMLButtonElement>('button.save');
  const read = root.querySelector<HTMLButtonElement>('button.read');
  if (save && look.saved !== before?.saved) {
    save.setAttribute('aria-pressed', String(look.saved));
    save.setAttribute('part', partsOf('save', look.saved));
    save.textContent = look.saved ? '★ Saved' : '☆ Save';
    save.title = look.saved ? 'Remove from your reading queue' : 'Save to your reading queue';
  }
  if (read && look.read !== before?.read) {
    read.setAttribute('aria-pressed', String(look.read));
    read.setAttribute('part', partsOf('read', look.read));
    read.textContent = look.read ? '✓ Read' : 'Mark read';
    read.title = look.read ? 'Mark as unread' : 'Mark as read';
  }
  paintMarks(root, look, before);
  if (look.error !== (before?.error ?? '')) {
    root.querySelector('.error')?.remove();
    if (look.error) {
      // Made with its text: an alert is announced when it appears (a status would not be).
      const status = root.ownerDocument.createElement('span');
      status.className = 'error';
      status.setAttribute('part', PARTS.error);
      status.setAttribute('role', 'alert');
      status.textContent = look.error;
      root.append(status);
    }
  }
}

const partsOf = (key: 'save' | 'read', on: boolean) =>
  on ? `${PARTS.button} ${PARTS.on(key)}` : PARTS.button;
