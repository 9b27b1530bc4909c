/**
 * The content script's lifetime on one tab, from document_start: one read of storage.local
 * (settings, the mark index, the outbox) feeds one mark store for the tab; one page session
 * per URL, restarted on in-page navigation; the drift alarm; answers to the popup; and a
 * clean stop when the extension is reloaded under it.
 *
 * Before the site's own scripts have run (DOMContentLoaded: they hydrate its server-rendered
 * markup), sessions only set attributes on the site's elements (which cards are read, where
 * controls will go); the controls themselves are inserted after. See page-session.ts.
 */
import { OUTBOX_PREFIX } from '../shared/outbox';
import { driftMessage, hasDrifted, type PageStatus } from '../shared/page-status';
import { SEEN_KEY } from '../shared/seen';
import { parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings';
import { type PageAdapter, pageAdapterFor } from '../site';
import type { ContentDeps, StorageChanges } from './content-deps';
import { recordIndexRead, trackLive } from './diagnostics';
import { MarkStore } from './mark-store';
import { watchUrl } from './navigation';
import { type PageSession, startPageSession } from './page-session';

export type { ContentDeps as AppDeps } from './content-deps';

export interface ContentApp {
  session: () => PageSession | null;
  store: MarkStore;
  status: () => PageStatus;
  stop: () => void;
}

/** How long the page must be quiet before the drift alarm looks at it. */
const DRIFT_CHECK_DELAY_MS = 1500;

/**
 * Cards wait unseen for the index at most this long: storage.local answers in a few
 * milliseconds, and a page must never stay hidden because the extension cannot answer.
 */
export const READY_TIMEOUT_MS = 1500;

export function startContentApp(win: Window, deps: ContentDeps): ContentApp {
  const doc = win.document;
  const controller = new AbortController();
  const { signal } = controller;
  let outboxCount = 0;
  const store = new MarkStore({
    writeOutbox: (key, entry) => deps.writeStorage({ [key]: entry }),
    removeOutbox: (key) => deps.removeStorage([key]),
    flush: () => deps.send({ type: 'outbox.flush' }),
    nextOutboxKey: () => `${OUTBOX_PREFIX}${deps.runId}.${++outboxCount}`,
    pageUrl: () => win.location.href,
  });
  let session: PageSession | null = null;
  let kind: PageStatus['kind'] = 'other';
  let driftTimer: ReturnType<typeof setTimeout> | undefined;
  let warned = false;
  let settings: Settings | null = null;
  /** The seen record as last stored (undefined: not read yet); each view takes it as it starts. */
  let seenRecord: unknown;

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
    const recognition = session?.recognition() ?? { recognized: 0, expected: 0 };
    return { url: win.location.href, kind: session ? kind : 'other', ...recognition };
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

  // The site hydrates its server-rendered markup in scripts that run before DOMContentLoaded.
  let hydrated = doc.readyState !== 'loading';
  const whenHydrated: (() => void)[] = [];
  if (!hydrated) {
    doc.addEventListener(
      'DOMContentLoaded',
      () => {
        hydrated = true;
        for (const run of whenHydrated.splice(0)) run();
      },
      { once: true, signal },
    );
  }

  // ── The toolbar and "This page" (background/tab-papers.ts): which paper this tab shows. ──
  // Told when a view is a paper's page, when the tab moves from one to another view, and when
  // the page is left (Chrome keeps a tab's icon across page loads: the background resets it).
  let reportedPaper: string | null = null;
  let reportedUrl = '';
  let shownPage: PageAdapter | null = null;
  const reportPaper = (page: PageAdapter | null) => {
    shownPage = page;
    const id = page?.paperId ?? null;
    if (id === null && reportedPaper === null) return;
    reportedPaper = id;
    const tell = () => {
      if (signal.aborted) return;
      const paper = id ? (page?.paperMeta?.() ?? undefined) : undefined;
      reportedUrl = win.location.href;
      const report = { url: reportedUrl, ...(id ? { id } : {}), ...(paper ? { paper } : {}) };
      void deps.send({ type: 'tab.showing', ...report }).catch(() => {});
    };
    // Before the parser reached the head, the page cannot say what it is yet.
    if (doc.readyState === 'loading') {
      doc.addEventListener('DOMContentLoaded', tell, { once: true, signal });
    } else tell();
  };
  win.addEventListener(
    'pagehide',
    () => {
      if (reportedPaper === null || !reportedUrl) return;
      reportedPaper = null;
      void deps.send({ type: 'tab.showing', url: reportedUrl, left: true }).catch(() => {});
    },
    { signal },
  );
  // Back to this page from the back/forward cache: it shows its paper again.
  win.addEventListener('pageshow', (event) => event.persisted && reportPaper(shownPage), {
    signal,
  });
  // ─────────────────────────────────────────────────────────────────────────────────────────

  const startSession = (url: string) => {
    if (signal.aborted || !aliveOrStop()) return;
    const page = pageAdapterFor(doc, url);
    reportPaper(page);
    if (!page) return;
    kind = page.kind;
    session = startPageSession(doc, page, store, deps, {
      urlChanged: () => checkUrl(),
      onOrphaned: stop,
      hydrated: () => hydrated,
      onHydrated: (run) => (hydrated ? run() : whenHydrated.push(run)),
    });
    if (settings) session.applySettings(settings);
    if (seenRecord !== undefined) session.applySeen(seenRecord);
    scheduleDriftCheck();
  };

  /**
   * The site changes the URL first and re-renders right after, so the old view stops at once
   * and the new one starts at the next frame, when its cards are in the page. The store
   * outlives both, so the new view shows every mark at once.
   */
  let pendingStart: { frame: number; timer: ReturnType<typeof setTimeout> } | undefined;
  const cancelPendingStart = () => {
    if (!pendingStart) return;
    cancelAnimationFrame(pendingStart.frame);
    clearTimeout(pendingStart.timer);
    pendingStart = undefined;
  };
  const onUrlChange = () => {
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

  const applySettings = (next: Settings) => {
    settings = next;
    session?.applySettings(next);
  };

  // Changes are heard from the start; those that arrive before the first read are kept and
  // applied after it (shards and entries are ordered by version and key, so none is lost).
  let early: StorageChanges[] | null = [];
  const onStorage = (changes: StorageChanges) => {
    if (!aliveOrStop()) return;
    if (early) {
      early.push(changes);
      return;
    }
    store.storageChanged(changes);
    if (SETTINGS_KEY in changes) applySettings(parseSettings(changes[SETTINGS_KEY]?.newValue));
    if (SEEN_KEY in changes) seenRecord = changes[SEEN_KEY]?.newValue ?? null;
  };
  deps.watchStorage(onStorage, signal);
  const revealAnyway = setTimeout(() => {
    if (!store.isReady()) store.load({});
  }, READY_TIMEOUT_MS);
  signal.addEventListener('abort', () => clearTimeout(revealAnyway));
  deps.readStorage().then(
    (items) => {
      if (signal.aborted) return;
      clearTimeout(revealAnyway);
      applySettings(parseSettings(items[SETTINGS_KEY]));
      seenRecord = items[SEEN_KEY] ?? null;
      session?.applySeen(seenRecord);
      store.load(items);
      recordIndexRead();
      const queued = early ?? [];
      early = null;
      for (const changes of queued) onStorage(changes);
    },
    () => {
      if (!aliveOrStop()) return;
      // storage.local refused: show the page as it is, unmarked, and keep working.
      clearTimeout(revealAnyway);
      applySettings(parseSettings(undefined));
      store.load({});
      early = null;
    },
  );

  const checkUrl = watchUrl(win, onUrlChange, signal);
  deps.answerStatus(status, signal);
  // Chrome gives an orphaned script no event; check when the user comes back to the tab.
  for (const type of ['visibilitychange', 'focus', 'pointerdown'] as const) {
    win.addEventListener(type, aliveOrStop, { signal, capture: true, passive: true });
  }
  trackLive(signal);

  startSession(win.location.href);
  return { session: () => session, store, status, stop };
}
