// What a page painted, recorded from inside it: installed as an init script before any of the
// page runs (Playwright's addInitScript, puppeteer's evaluateOnNewDocument), so the function
// below must not use anything from outside its own body.

export interface PaintLog {
  shift: number;
  shifts: { value: number; at: number; movers: string[]; moved: number[] }[];
  displayed: string[];
  unidentified: number;
  /** When (ms) the page first painted content, and when the first card was marked read. */
  firstPaint: number | null;
  firstRead: number | null;
  /** When the first card was held pending (its state not known yet), if ever. */
  firstPending: number | null;
}

/**
 * Installed in the page before anything of it runs: the layout shift it sums (CLS without
 * session windows), and every card it finds displayed when the browser is about to paint.
 * ResizeObserver callbacks run after layout and before paint, for every card when it is first
 * observed and whenever its box changes (a card hidden or shown again), so a card that is
 * displayed in any frame is seen here before that frame is painted. A card whose pending or
 * read mark changes is observed afresh: visibility changes no box.
 */
export function watchPaint(): void {
  const log = {
    shift: 0,
    shifts: [] as { value: number; at: number; movers: string[]; moved: number[] }[],
    displayed: [] as string[],
    unidentified: 0,
    firstPaint: null as number | null,
    firstRead: null as number | null,
    firstPending: null as number | null,
  };
  (window as unknown as { __firstPaint: typeof log }).__firstPaint = log;
  /** Which element moved, by its place in the page (tag and classes, its parent's too). */
  const signature = (node: Node | null) => {
    const el = node instanceof Element ? node : null;
    const name = (e: Element | null) => (e ? `${e.tagName}.${e.getAttribute('class') ?? ''}` : '');
    return `${name(el?.parentElement ?? null)} > ${name(el)}`;
  };
  // Firefox has no layout-shift entries: there the log keeps only what was displayed.
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources: {
          node: Node | null;
          previousRect: DOMRectReadOnly;
          currentRect: DOMRectReadOnly;
        }[];
      })[]) {
        if (entry.hadRecentInput) continue;
        log.shift += entry.value;
        log.shifts.push({
          value: entry.value,
          at: Math.round(entry.startTime),
          movers: entry.sources.map((s) => signature(s.node)),
          // How far each moved down (px): the listing bar's room is 56 px.
          moved: entry.sources.map((s) => Math.round(s.currentRect.y - s.previousRect.y)),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    // not supported
  }
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name === 'first-contentful-paint') log.firstPaint = Math.round(entry.startTime);
      }
    }).observe({ type: 'paint', buffered: true });
  } catch {
    // not supported
  }
  const sizes = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const card = entry.target;
      const style = getComputedStyle(card);
      if (entry.contentRect.height === 0 || style.visibility === 'hidden') continue;
      const href = card.querySelector('h3 > a[href^="/papers/"]')?.getAttribute('href');
      if (href) log.displayed.push(href.slice('/papers/'.length));
      else log.unidentified++;
    }
  });
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        // Shown or hidden without a change of size (visibility: a held card let go): observed
        // afresh, so the next frame before its paint reports it as it is then.
        const target = record.target as Element;
        if (target.tagName === 'ARTICLE') {
          sizes.unobserve(target);
          sizes.observe(target);
        }
        const now = Math.round(performance.now());
        if (record.attributeName === 'data-paper-queue-read') log.firstRead ??= now;
        else log.firstPending ??= now;
        continue;
      }
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.tagName === 'ARTICLE') sizes.observe(node);
        for (const card of node.getElementsByTagName('article')) sizes.observe(card);
      }
    }
  }).observe(document, {
    childList: true,
    subtree: true,
    attributeFilter: ['data-paper-queue-read', 'data-paper-queue-pending'],
  });
}
