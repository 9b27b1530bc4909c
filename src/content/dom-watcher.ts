/**
 * Watches the page for added elements and hands them over in one batch per animation frame.
 * The MutationObserver callback only queues nodes: all real work happens in the batch.
 *
 * While the document is still parsed there is no observer at all: the parser would make a
 * record of every node it inserts (some 100,000 on a 1,000-card page), and that alone costs
 * the page 15 % of its load (the bench's observer floor). Instead each animation frame, which
 * the browser runs before every paint, asks for a walk of what the parser added since the
 * last one (`WHOLE_PAGE`): nothing is painted that the batch has not seen, and a frame with
 * nothing new costs a tail walk of nothing. When parsing ends (readyState leaves "loading",
 * before the site's deferred scripts hydrate the page) the observer takes over.
 *
 * A batch runs with the observer disconnected: everything that changes the page during it
 * is our own doing (2,000 control hosts on a month view), and records of it would only cost
 * the next callback time to skip. Page records queued before the batch are taken first.
 */
import { isControlHost } from './controls';

export interface DomWatcher {
  /** Runs a batch on `roots` now, as quietly as a scheduled one. */
  runNow: (roots: Element[]) => void;
  /** Runs `work` (which changes the page) now, as quietly as a batch. */
  runQuietly: (work: () => void) => void;
}

/** What a batch gets instead of added elements when it is to walk the whole page. */
export const WHOLE_PAGE = null;

type OnBatch = (added: Element[] | typeof WHOLE_PAGE, removedSome: boolean) => void;

const OPTIONS: MutationObserverInit = { childList: true, subtree: true };

/** Background tabs get no animation frames; still decorate them this soon. */
const NO_FRAME_MS = 250;

export function watchAddedElements(
  target: Node,
  onBatch: OnBatch,
  signal: AbortSignal,
  /** More added elements than this, and the batch gets `WHOLE_PAGE` instead. */
  enough = Number.POSITIVE_INFINITY,
): DomWatcher {
  const doc = target.ownerDocument ?? (target as Document);
  let pending: Element[] = [];
  /** Past `enough`: the next batch walks the whole page. */
  let whole = false;
  /** Whether elements left the page since the last batch (only then is there anything to forget). */
  let removed = false;
  let scheduled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let observing = false;

  const queue = (records: MutationRecord[]) => {
    for (const record of records) {
      // Past `enough`, the batch walks the whole page and forgets what left it: more records
      // would only cost time.
      if (whole) return;
      if (record.removedNodes.length > 0) removed = true;
      for (const node of record.addedNodes) {
        if (node instanceof Element && !isControlHost(node)) pending.push(node);
      }
      if (pending.length > enough) {
        whole = true;
        removed = true;
        pending = [];
      }
    }
  };

  const schedule = () => {
    if (scheduled || (observing && pending.length === 0 && !whole)) return;
    scheduled = true;
    frame = requestAnimationFrame(flush);
    timer = setTimeout(flush, NO_FRAME_MS);
  };

  const observe = () => {
    if (signal.aborted || doc.readyState === 'loading') return;
    observer.observe(target, OPTIONS);
    observing = true;
  };

  const quietly = (run: () => void) => {
    if (observing) queue(observer.takeRecords());
    observer.disconnect();
    observing = false;
    try {
      run();
    } finally {
      observe();
    }
    schedule();
  };

  const flush = () => {
    clearTimeout(timer);
    cancelAnimationFrame(frame);
    scheduled = false;
    if (signal.aborted) return;
    // Still parsing: the walk of what the parser added since the last frame.
    const parsing = doc.readyState === 'loading';
    if (!parsing && !whole && pending.length === 0) return;
    quietly(() => {
      const batch = parsing || whole ? WHOLE_PAGE : pending;
      const removedSome = removed;
      pending = [];
      whole = false;
      removed = false;
      onBatch(batch, removedSome);
    });
  };

  const observer = new MutationObserver((records) => {
    queue(records);
    schedule();
  });
  const parsed = () => {
    if (doc.readyState === 'loading' || signal.aborted) return;
    doc.removeEventListener('readystatechange', parsed);
    // The last of the parse, walked now: the observer sees everything after it.
    whole = true;
    removed = true;
    flush();
  };
  if (doc.readyState === 'loading') {
    doc.addEventListener('readystatechange', parsed);
    schedule();
  } else {
    observe();
  }
  signal.addEventListener('abort', () => {
    observer.disconnect();
    doc.removeEventListener('readystatechange', parsed);
    clearTimeout(timer);
    cancelAnimationFrame(frame);
    pending = [];
  });
  return {
    runNow: (roots) => {
      if (!signal.aborted) quietly(() => onBatch(roots, false));
    },
    runQuietly: (work) => {
      if (!signal.aborted) quietly(work);
    },
  };
}
