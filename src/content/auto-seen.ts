/**
 * Auto-seen (settings.ts `autoSeen`): a card counts as seen once it stayed fully in view for
 * `seconds` while the tab was visible. One IntersectionObserver for the page; a card taller
 * than the window counts when it fills the window. Seeing never marks a paper read.
 */
import { trackLive } from './diagnostics';

export interface InViewWatcher {
  observe: (card: Element) => void;
}

/** Whether an entry shows its card whole (or, for a card taller than the window, fills it). */
function fullyInView(entry: IntersectionObserverEntry): boolean {
  if (!entry.isIntersecting) return false;
  if (entry.intersectionRatio >= 0.99) return true;
  const root = entry.rootBounds;
  return root !== null && entry.intersectionRect.height >= root.height - 1;
}

export function watchInView(
  doc: Document,
  seconds: number,
  onSeen: (card: Element) => void,
  signal: AbortSignal,
): InViewWatcher {
  trackLive(signal);
  const timers = new Map<Element, ReturnType<typeof setTimeout>>();
  /** Cards fully in view now (their timers run while the tab is visible). */
  const inView = new Set<Element>();
  const visible = () => doc.visibilityState !== 'hidden';

  const start = (card: Element) => {
    if (timers.has(card) || !visible()) return;
    timers.set(
      card,
      setTimeout(() => {
        timers.delete(card);
        inView.delete(card);
        observer.unobserve(card);
        onSeen(card);
      }, seconds * 1000),
    );
  };
  const cancel = (card: Element) => {
    clearTimeout(timers.get(card));
    timers.delete(card);
  };

  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (fullyInView(entry)) {
          inView.add(entry.target);
          start(entry.target);
        } else {
          inView.delete(entry.target);
          cancel(entry.target);
        }
      }
    },
    { threshold: [0, 0.5, 0.99, 1] },
  );
  // A tab in the background shows nothing: the clocks stop, and start again when it is back.
  doc.addEventListener(
    'visibilitychange',
    () => {
      for (const card of inView) {
        if (visible()) start(card);
        else cancel(card);
      }
    },
    { signal },
  );
  signal.addEventListener('abort', () => {
    observer.disconnect();
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    inView.clear();
  });
  return { observe: (card) => observer.observe(card) };
}
