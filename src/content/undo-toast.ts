/**
 * The toast that confirms a change on the listing and offers Undo for 10 seconds.
 *
 * It floats over the page, so it must never hide what the user is about to press: before it
 * shows, and whenever the page scrolls or resizes under it, it checks whether a card's Save /
 * Read controls lie under it and, if so, moves to the first corner where none do (bottom left,
 * bottom right, top right, top left). While the pointer or the keyboard focus is on the toast
 * it stays put, so it never jumps away from a user reaching for Undo.
 */
import { HOST_ATTRIBUTE } from './controls';
import { createShadowHost, makeButton } from './shadow-host';

export const UNDO_WINDOW_MS = 10_000;

/** Distance from the viewport's edges. */
const MARGIN = 16;

type Corner = 'bottom-left' | 'bottom-right' | 'top-right' | 'top-left';
export const CORNERS: readonly Corner[] = ['bottom-left', 'bottom-right', 'top-right', 'top-left'];

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

function boxAt(corner: Corner, width: number, height: number, view: Window): Box {
  const left = corner.endsWith('left') ? MARGIN : view.innerWidth - MARGIN - width;
  const top = corner.startsWith('top') ? MARGIN : view.innerHeight - MARGIN - height;
  return { left, top, width, height };
}

/**
 * Whether any of our control hosts shows under `box`. Hit-tests a grid of points (control
 * buttons are 24 px tall and wider than 40 px, so a 10 × 20 px grid cannot miss one) instead of
 * measuring every host: a month view has 2,000 of them.
 */
export function coversControls(doc: Document, box: Box, skip: Element): boolean {
  const xs = Math.max(2, Math.ceil(box.width / 20) + 1);
  const ys = Math.max(2, Math.ceil(box.height / 10) + 1);
  for (let i = 0; i < xs; i++) {
    const x = box.left + (box.width * i) / (xs - 1);
    for (let j = 0; j < ys; j++) {
      const y = box.top + (box.height * j) / (ys - 1);
      for (const element of doc.elementsFromPoint(x, y)) {
        if (element !== skip && element.hasAttribute(HOST_ATTRIBUTE)) return true;
      }
    }
  }
  return false;
}

export function createUndoToast(doc: Document, onUndo: () => void, signal: AbortSignal) {
  const { host, root } = createShadowHost(doc, 'toast');
  const toast = doc.createElement('div');
  toast.className = 'toast';
  toast.setAttribute('role', 'status');
  toast.hidden = true;
  const text = doc.createElement('span');
  const undo = makeButton(doc, 'Undo', () => {
    hide();
    onUndo();
  });
  toast.append(text, undo);
  root.append(toast);
  doc.body.append(host);
  const view = doc.defaultView;

  let corner: Corner = 'bottom-left';
  let held = false;
  const setCorner = (next: Corner) => {
    corner = next;
    toast.dataset.corner = next;
    const [vertical, horizontal] = next.split('-') as ['top' | 'bottom', 'left' | 'right'];
    toast.style.top = vertical === 'top' ? `${MARGIN}px` : 'auto';
    toast.style.bottom = vertical === 'bottom' ? `${MARGIN}px` : 'auto';
    toast.style.left = horizontal === 'left' ? `${MARGIN}px` : 'auto';
    toast.style.right = horizontal === 'right' ? `${MARGIN}px` : 'auto';
  };
  setCorner(corner);

  /** Moves the toast off any card controls it covers (the current corner first). */
  const place = () => {
    if (toast.hidden || held || !view || typeof doc.elementsFromPoint !== 'function') return;
    const { width, height } = toast.getBoundingClientRect();
    if (width === 0) return;
    const order = [corner, ...CORNERS.filter((c) => c !== corner)];
    const free = order.find((c) => !coversControls(doc, boxAt(c, width, height, view), host));
    if (free && free !== corner) setCorner(free);
  };
  let frame = 0;
  const placeSoon = () => {
    if (frame || !view) return;
    frame = view.requestAnimationFrame(() => {
      frame = 0;
      place();
    });
  };
  if (view) {
    view.addEventListener('scroll', placeSoon, { passive: true, signal });
    view.addEventListener('resize', placeSoon, { passive: true, signal });
  }
  const hold = (on: boolean) => () => {
    held = on;
    if (!on) placeSoon();
  };
  toast.addEventListener('pointerenter', hold(true), { signal });
  toast.addEventListener('pointerleave', hold(false), { signal });
  toast.addEventListener('focusin', hold(true), { signal });
  toast.addEventListener('focusout', hold(false), { signal });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const hide = () => {
    clearTimeout(timer);
    toast.hidden = true;
    held = false;
  };
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    if (frame) view?.cancelAnimationFrame(frame);
    host.remove();
  });

  return {
    host,
    /** Shows `message` with Undo; `undoable` false shows it without the button. */
    show(message: string, undoable = true) {
      clearTimeout(timer);
      text.textContent = message;
      undo.hidden = !undoable;
      toast.hidden = false;
      place();
      timer = setTimeout(hide, UNDO_WINDOW_MS);
    },
    hide,
  };
}
