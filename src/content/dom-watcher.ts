/**
 * Watches the page for added elements and hands them over in one batch per animation frame.
 * The MutationObserver callback only queues nodes: all real work happens in the batch.
 *
 * A batch runs with the observer disconnected: everything that changes the page during it
 * is our own doing (2,000 control hosts on a month view), and records of it would only cost
 * the next callback time to skip. Page records queued before the batch are taken first.
 */
import { isControlHost } from './controls';

export interface DomWatcher {
  /** Runs a batch on `roots` now, as quietly as a scheduled one. */
  runNow: (roots: Element[]) => void;
}

type OnBatch = (added: Element[], removedSome: boolean) => void;

const OPTIONS: MutationObserverInit = { childList: true, subtree: true };

export function watchAddedElements(
  target: Node,
  onBatch: OnBatch,
  signal: AbortSignal,
  /** More added elements than this, and the batch gets them no more (it walks the page). */
  enough = Number.POSITIVE_INFINITY,
): DomWatcher {
  let pending: Element[] = [];
  /** Whether elements left the page since the last batch (only then is there anything to forget). */
  let removed = false;
  let scheduled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;

  const queue = (records: MutationRecord[]) => {
    for (const record of records) {
      // Past `enough`, the batch walks the whole page and forgets what left it: more records
      // would only cost time (the parser of a 1,000-card page makes some 100,000).
      if (pending.length > enough) {
        removed = true;
        return;
      }
      if (record.removedNodes.length > 0) removed = true;
      for (const node of record.addedNodes) {
        if (node instanceof Element && !isControlHost(node)) pending.push(node);
      }
    }
  };

  const schedule = () => {
    if (pending.length === 0 || scheduled) return;
    scheduled = true;
    frame = requestAnimationFrame(flush);
    // Background tabs get no animation frames; still decorate them soon.
    timer = setTimeout(flush, 250);
  };

  const quietly = (run: () => void) => {
    queue(observer.takeRecords());
    observer.disconnect();
    try {
      run();
    } finally {
      if (!signal.aborted) observer.observe(target, OPTIONS);
    }
    schedule();
  };

  const flush = () => {
    clearTimeout(timer);
    cancelAnimationFrame(frame);
    scheduled = false;
    if (signal.aborted || pending.length === 0) return;
    quietly(() => {
      const batch = pending;
      pending = [];
      const removedSome = removed;
      removed = false;
      onBatch(batch, removedSome);
    });
  };

  const observer = new MutationObserver((records) => {
    queue(records);
    schedule();
  });
  observer.observe(target, OPTIONS);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
    cancelAnimationFrame(frame);
    pending = [];
  });
  return {
    runNow: (roots) => {
      if (!signal.aborted) quietly(() => onBatch(roots, false));
    },
  };
}
