/**
 * The content script's lifetime on one tab: one page session per URL, restarted on in-page
 * navigation; changes from other contexts routed to the current session; the drift alarm;
 * answers to the popup; and a clean stop when the extension is reloaded under it.
 */
import type { PaperState, StateMap } from '../shared/model';
import { driftMessage, hasDrifted, type PageStatus } from '../shared/page-status';
import type { Settings } from '../shared/settings';
import { pageKindOf } from '../shared/site';
import { type ContentDeps, decoratePage, type PageSession } from './decorate-page';
import { trackLive } from './diagnostics';
import { watchUrl } from './navigation';

export interface AppDeps extends ContentDeps {
  /** Calls `listener` with the states of papers another context changed. */
  subscribeToChanges: (listener: (states: StateMap) => void, signal: AbortSignal) => void;
  /** Answers the popup's "what is on this page?" with `status()`. */
  answerStatus: (status: () => PageStatus, signal: AbortSignal) => void;
  warn: (message: string) => void;
  /** Calls `listener` with the user's settings once loaded, then after every change. */
  watchSettings: (listener: (settings: Settings) => void, signal: AbortSignal) => void;
}

export interface ContentApp {
  session: () => PageSession | null;
  status: () => PageStatus;
  stop: () => void;
}

/** How long the page must be quiet before the drift alarm looks at it. */
const DRIFT_CHECK_DELAY_MS = 1500;

export function startContentApp(win: Window, deps: AppDeps): ContentApp {
  const doc = win.document;
  const controller = new AbortController();
  const { signal } = controller;
  let session: PageSession | null = null;
  let driftTimer: ReturnType<typeof setTimeout> | undefined;
  let warned = false;
  let settings: Settings | null = null;

  const stop = () => {
    if (signal.aborted) return;
    clearTimeout(driftTimer);
    session?.stop();
    session = null;
    controller.abort();
  };

  /** Stops everything if the extension was reloaded or updated under this script. */
  const aliveOrStop = () => {
    if (deps.isContextAlive()) return true;
    stop();
    return false;
  };

  const status = (): PageStatus => {
    const kind = pageKindOf(win.location.href).kind;
    const recognition = session?.recognition() ?? { recognized: 0, expected: 0 };
    return { url: win.location.href, kind, ...recognition };
  };

  const scheduleDriftCheck = () => {
    clearTimeout(driftTimer);
    driftTimer = setTimeout(() => {
      const current = status();
      if (!warned && hasDrifted(current)) {
        warned = true; // once per tab: a broken layout stays broken on every view
        deps.warn(`Paper Queue: ${driftMessage(current)}.`);
      }
    }, DRIFT_CHECK_DELAY_MS);
  };

  const startSession = (url: string) => {
    if (signal.aborted || !aliveOrStop()) return;
    const page = pageKindOf(url);
    if (page.kind === 'other') return;
    session = decoratePage(doc, deps, {
      paperId: page.kind === 'paper' ? page.id : undefined,
      knownStates: carried,
      urlChanged: () => checkUrl(),
      onOrphaned: stop,
    });
    if (settings) session.applySettings(settings);
    scheduleDriftCheck();
  };

  /**
   * The site changes the URL first and re-renders right after, so the old view stops at once
   * and the new one starts at the next frame, when its cards are in the page: one message per
   * view instead of one for the outgoing cards and another for the incoming ones.
   */
  let carried = new Map<string, PaperState>();
  let pendingStart: { frame: number; timer: ReturnType<typeof setTimeout> } | undefined;
  const cancelPendingStart = () => {
    if (!pendingStart) return;
    cancelAnimationFrame(pendingStart.frame);
    clearTimeout(pendingStart.timer);
    pendingStart = undefined;
  };
  const onUrlChange = () => {
    if (session) carried = session.registry.knownStates();
    session?.stop();
    session = null;
    cancelPendingStart();
    const start = () => {
      cancelPendingStart();
      startSession(win.location.href);
    };
    pendingStart = { frame: requestAnimationFrame(start), timer: setTimeout(start, 250) };
  };
  signal.addEventListener('abort', cancelPendingStart);

  const checkUrl = watchUrl(win, onUrlChange, signal);
  deps.subscribeToChanges((states) => {
    if (aliveOrStop()) session?.applyStates(states);
  }, signal);
  deps.answerStatus(status, signal);
  deps.watchSettings((next) => {
    settings = next;
    session?.applySettings(next);
  }, signal);
  // Chrome gives an orphaned script no event; check when the user comes back to the tab.
  for (const type of ['visibilitychange', 'focus', 'pointerdown'] as const) {
    win.addEventListener(type, aliveOrStop, { signal, capture: true, passive: true });
  }
  trackLive(signal);

  startSession(win.location.href);
  return { session: () => session, status, stop };
}
