/**
 * Watches the page for added elements and hands them over in one batch per animation frame.
 * The MutationObserver callback only queues nodes: all real work happens in the batch.
 * Our own control hosts are skipped so decorating never wakes the watcher again.
 */
import { isControlHost } from './controls';

export function watchAddedElements(
  target: Node,
  onBatch: (added: Element[], removedSome: boolean) => void,
  signal: AbortSignal,
): void {
  let pending: Element[] = [];
  /** Whether elements left the page since the last batch (only then is there anything to forget). */
  let removed = false;
  let scheduled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;

  const flush = () => {
    clearTimeout(timer);
    cancelAnimationFrame(frame);
    scheduled = false;
    if (signal.aborted || pending.length === 0) return;
    const batch = pending;
    pending = [];
    const removedSome = removed;
    removed = false;
    onBatch(batch, removedSome);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element && !isControlHost(node)) pending.push(node);
      }
      if (record.removedNodes.length > 0) removed = true;
    }
    if (pending.length === 0 || scheduled) return;
    scheduled = true;
    frame = requestAnimationFrame(flush);
    // Background tabs get no animation frames; still decorate them soon.
    timer = setTimeout(flush, 250);
  });
  observer.observe(target, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
    cancelAnimationFrame(frame);
    pending = [];
  });
}
