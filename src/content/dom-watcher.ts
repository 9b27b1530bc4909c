/**
 * Watches the page for added elements and hands them over in batches: once the page is
 * parsed, one batch per MutationObserver callback, which is the end of the task (or the
 * animation-frame callback) that changed the page, before any frame paints it. A card the
 * site renders in a requestAnimationFrame callback therefore has its controls in the frame
 * that first paints it; a batch put off to the next animation frame (as until 2026-12-04)
 * let that frame paint it bare. The observer's callback already gathers every change of
 * the task, so a task that renders a list is one batch. (While the page is parsed, the
 * batch is the parser observer's callback, once per parser task: see below.)
 *
 * While the document is still parsed there is no observer of the whole page: the parser would
 * make a record of every node it inserts (some 100,000 on a 1,000-card page), and that alone
 * costs the page 15 % of its load (the bench's observer floor). Nor does a frame ask for a
 * walk: an animation frame requested each frame of a five-second parse makes the browser
 * render four times as many frames as it would (every one a style, layout and intersection
 * pass over the whole page so far: a trace showed that costing more than all our script).
 * Instead a second observer watches only the parser's insertion point: the chain of last
 * children from <html> down (the elements still open). Every element the parser inserts goes
 * into one of them or into an element it inserted in the same task, so every parser task that
 * adds anything ends with one record at least, and its callback (a microtask, before any
 * paint) walks what the parser added since the last one (`WHOLE_PAGE`) and follows the new
 * chain. A few records per parser task instead of one per node, and no frame of ours. When
 * parsing ends (readyState leaves "loading", before the site's deferred scripts hydrate the
 * page) the observer of the whole page takes over.
 *
 * A batch runs with the observer disconnected: everything that changes the page during it
 * is our own doing (2,000 control hosts on a month view), and records of it would only cost
 * the next callback time to skip. Page records queued before the batch are taken first.
 *
 * A page that answers our changes with its own (a script that puts back whatever we added to
 * its markup) and our batch answering those would chain microtasks and never let the tab
 * paint again. Past `MAX_BATCHES_PER_TASK` batches in one task, the next one waits for an
 * animation frame (or NO_FRAME_MS in a background tab): a tug of war costs a few batches a
 * frame, and the page keeps painting.
 */
import { isControlHost } from './controls';

export interface DomWatcher {
  /** Runs a batch on `roots` now, as quietly as one the observer starts. */
  runNow: (roots: Element[]) => void;
  /** Runs `work` (which changes the page) now, as quietly as a batch. */
  runQuietly: (work: () => void) => void;
}

/** What a batch gets instead of added elements when it is to walk the whole page. */
export const WHOLE_PAGE = null;

type OnBatch = (added: Element[] | typeof WHOLE_PAGE, removedSome: boolean) => void;

const OPTIONS: MutationObserverInit = { childList: true, subtree: true };
/** Batches one task may run at once; more wait for a frame (see the top of this file). */
export const MAX_BATCHES_PER_TASK = 8;
/** Background tabs get no animation frames: a batch put off waits at most this long. */
const NO_FRAME_MS = 250;
/** The parser's insertion point: children only, each element of the chain by itself. */
const PARSER_OPTIONS: MutationObserverInit = { childList: true };

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
  let observing = false;
  /** Batches the observer ran in this task, reset by the next task (a timer). */
  let batchesThisTask = 0;
  let deferred: { frame: number; timer: ReturnType<typeof setTimeout> } | undefined;

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
  };

  const cancelDeferred = () => {
    if (!deferred) return;
    cancelAnimationFrame(deferred.frame);
    clearTimeout(deferred.timer);
    deferred = undefined;
  };

  const flush = () => {
    cancelDeferred();
    if (signal.aborted) return;
    // Still parsing: the walk of what the parser added since the last batch.
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

  /** Whether this task may run one more batch now; past the limit, one waits for a frame. */
  const mayRunNow = () => {
    if (batchesThisTask++ === 0) setTimeout(() => (batchesThisTask = 0));
    return batchesThisTask <= MAX_BATCHES_PER_TASK;
  };
  const observer = new MutationObserver((records) => {
    queue(records);
    if (deferred) return; // a batch is already waiting for the frame: it takes these too
    if (mayRunNow()) flush();
    else deferred = { frame: requestAnimationFrame(flush), timer: setTimeout(flush, NO_FRAME_MS) };
  });

  /** Watches the elements the parser may insert into next (see the top of this file). */
  const parserObserver = new MutationObserver(() => {
    flush();
    parserObserver.takeRecords(); // the batch's own changes, not the parser's
    followParser();
  });
  // Elements once on the chain stay watched until parsing ends: a page script that appends
  // something after the insertion point takes the chain away from where the parser goes on.
  const followParser = () => {
    if (signal.aborted || doc.readyState !== 'loading') return void parserObserver.disconnect();
    for (let at: Element | null = doc.documentElement; at; at = at.lastElementChild) {
      parserObserver.observe(at, PARSER_OPTIONS);
    }
  };

  const parsed = () => {
    if (doc.readyState === 'loading' || signal.aborted) return;
    doc.removeEventListener('readystatechange', parsed);
    parserObserver.disconnect();
    // The last of the parse, walked now: the observer sees everything after it.
    whole = true;
    removed = true;
    flush();
  };
  if (doc.readyState === 'loading') {
    doc.addEventListener('readystatechange', parsed);
    followParser();
  } else {
    observe();
  }
  signal.addEventListener('abort', () => {
    observer.disconnect();
    parserObserver.disconnect();
    doc.removeEventListener('readystatechange', parsed);
    cancelDeferred();
    pending = [];
  });
  /** Runs `work` quietly, then a batch of the page's own changes it took from the observer. */
  const quietlyNow = (work: () => void) => {
    if (signal.aborted) return;
    quietly(work);
    if (whole || pending.length > 0) flush();
  };
  return {
    runNow: (roots) => quietlyNow(() => onBatch(roots, false)),
    runQuietly: quietlyNow,
  };
}
