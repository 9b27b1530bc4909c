/** The toast that confirms a change on the listing and offers Undo for 10 seconds. */
import { createShadowHost, makeButton } from './shadow-host';

export const UNDO_WINDOW_MS = 10_000;

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

  let timer: ReturnType<typeof setTimeout> | undefined;
  const hide = () => {
    clearTimeout(timer);
    toast.hidden = true;
  };
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
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
      timer = setTimeout(hide, UNDO_WINDOW_MS);
    },
    hide,
  };
}
