/**
 * The queue's stateful wrapper, shared by the popup and the library page: holds the saved
 * papers (first screen at once, the rest streamed in, then kept live: queue-source.ts), keeps
 * what the user is looking at (view, search, sort, tag, the active row, the selection), and
 * turns intentions into messages to the background.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PaperQueueDB } from '../../db/database';
import type { QueueEntry } from '../../db/queue';
import { paperUrl } from '../../site/huggingface/urls';
import { BulkActions } from './BulkActions';
import { EmptyQueue, NoMatches } from './EmptyQueue';
import { type HeldRow, placeHeld } from './held-rows';
import type { QueueKeyAction } from './keyboard';
import { KnownTags } from './known-tags';
import { openInTab } from './open-in-tab';
import { countWithPending, withPending } from './pending-marks';
import { QueueList } from './QueueList';
import type { RowHandlers } from './QueueRow';
import { QueueToolbar } from './QueueToolbar';
import { countViews, type QueueViewName, type SortKey, tagCounts } from './queue-query';
import { StorageProblem } from './StorageProblem';
import { SortedList } from './sorted-list';
import { UndoBar } from './UndoBar';
import { useActiveRow } from './use-active-row';
import { useDatabaseOpen } from './use-database-open';
import { useFilteredQueue } from './use-filtered-queue';
import { PAGE_ROWS } from './use-first-screen';
import { useHeldRows } from './use-held-rows';
import { type Send, useQueueActions } from './use-queue-actions';
import { useQueueKeyboard } from './use-queue-keyboard';
import { useQueueSource } from './use-queue-source';
import { useSettings } from './use-settings';

const PAGE = PAGE_ROWS;

interface Props {
  db: PaperQueueDB;
  send: Send;
  /** The library selects rows and acts on many at once; the popup does not. */
  selectable?: boolean;
  /** Told once, when the first rows are on screen (for the benchmark's timing). */
  onFirstRender?: () => void;
  /** The first screen's read, if the page started it before rendering. */
  firstScreen?: Promise<QueueEntry[]>;
  /** Out of sight (the popup shows Export / Import instead): its keys are off meanwhile. */
  hidden?: boolean;
}

export function QueueView({
  db,
  send,
  selectable = false,
  onFirstRender,
  hidden = false,
  ...early
}: Props) {
  // The first screen comes from a small query; the whole library streams in, then stays live.
  const opened = useDatabaseOpen(db);
  const { source, state } = useQueueSource(db, early.firstScreen);
  const queue =
    state.phase === 'loading'
      ? ({ status: 'loading' } as const)
      : state.phase === 'error'
        ? ({ status: 'error', error: state.error as Error } as const)
        : ({ status: 'ready' } as const);
  const partial = state.phase !== 'complete';
  const settings = useSettings();
  const actions = useQueueActions(send);
  const [view, setView] = useState<QueueViewName>('all');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SortKey>('saved');
  const [tag, setTag] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const searchRef = useRef<HTMLInputElement>(null);
  const head = useRef<HTMLDivElement>(null);
  useStickyHeadHeight(head, queue.status);

  // What the database holds; pending changes (a click not confirmed yet) are laid over the
  // rows shown and the counts only, so a click never sorts or indexes the library again.
  const loaded = useMemo(() => state.entries.map((item) => item.entry), [state.entries]);
  // The source's own index by id, as of this version (no Map of 50,000 built per change).
  const byId = useMemo(() => ({ get: (id: string) => source.get(id)?.entry }), [state.version]);
  const { pending } = actions;
  const current = useMemo(
    () => ({
      get: (id: string) => {
        const entry = byId.get(id);
        const change = pending.get(id);
        return entry && change ? { ...entry, ...change } : entry;
      },
    }),
    [byId, pending],
  );
  // Once the database shows a change, stop showing it as pending.
  const { settle } = actions;
  useEffect(() => settle(byId), [byId]);
  const sorter = useMemo(() => new SortedList(source), [source]);
  const sorted = useMemo(() => sorter.sorted(state, sort), [state.version, sort]);
  const filter = useMemo(() => ({ view, tag, search }), [view, tag, search]);
  const filtered = useFilteredQueue(sorted, filter, PAGE);
  const matched = useMemo(
    () => filtered.shown.map((item) => item.entry),
    [filtered.shown, filtered.complete],
  );
  const shown = useMemo(() => withPending(matched, pending, view), [matched, pending, view]);
  // Rows changed by a click keep their place for a moment (held-rows.ts).
  const holds = useHeldRows((released: HeldRow[]) => {
    // A row that leaves the view now hands the keyboard's place to its neighbour.
    for (const row of released) {
      if (!latest.current.shown.some((e) => e.id === row.entry.id)) rows.leave(row.entry);
    }
  });
  const display = useMemo(() => {
    if (holds.held.size === 0) return shown;
    return placeHeld(shown, holds.held, current);
  }, [shown, holds.held, current]);
  const storedCounts = useMemo(() => countViews(loaded), [loaded]);
  const counts = useMemo(
    () => countWithPending(storedCounts, current, pending),
    [storedCounts, current, pending],
  );
  const tags = useMemo(() => tagCounts(loaded), [loaded]);
  const entries = loaded;
  const tagNames = useMemo(() => tags.map(([tag]) => tag), [tags]);

  // A new filter starts from the top again, with nothing selected: bulk actions only ever
  // act on papers the user can see.
  useEffect(() => setLimit(PAGE), [view, tag, search, sort]);
  useEffect(() => holds.release(), [view, tag, search, sort]);
  useEffect(() => setSelected(new Set()), [view, tag, search]);

  // A layout effect runs right after the first rows are in the DOM, not a frame later.
  const firstRenderTold = useRef(false);
  useLayoutEffect(() => {
    if (queue.status === 'ready' && !firstRenderTold.current) {
      firstRenderTold.current = true;
      onFirstRender?.();
    }
  }, [queue.status, onFirstRender]);

  const rows = useActiveRow(display);

  /**
   * A click holds its row in place (the pointer is on it); a key press does not (the keys act
   * on the focused row, and focus moves on to the next one).
   */
  type How = 'click' | 'key';
  const hold = (entry: QueueEntry, now: QueueEntry) =>
    holds.hold(
      entry,
      now,
      display.findIndex((e) => e.id === entry.id),
    );
  const open = (entry: QueueEntry, how: How) => {
    openInTab(paperUrl(entry.id));
    if (settings.markReadOnOpen && entry.readAt === 0) setRead(entry, true, how);
  };
  const setRead = (entry: QueueEntry, read: boolean, how: How) => {
    if (how === 'click') hold(entry, { ...entry, readAt: read ? Date.now() : 0 });
    else if (view !== 'all') rows.leave(entry);
    actions.setRead(entry, read);
  };
  const remove = (entry: QueueEntry, how: How) => {
    if (how === 'click') hold(entry, { ...entry, savedAt: 0 });
    else rows.leave(entry);
    actions.remove([entry]);
  };
  const putBack = (entry: QueueEntry) => {
    const before = holds.held.get(entry.id)?.before ?? entry;
    holds.update(before);
    void actions.putBack(before);
  };

  // Rows are memoised: give them one handlers object that always calls the latest closures.
  const latest = useRef({ open, setRead, remove, putBack, actions, shown });
  latest.current = { open, setRead, remove, putBack, actions, shown };
  const handlers = useMemo<RowHandlers>(
    () => ({
      onOpen: (entry) => latest.current.open(entry, 'click'),
      onSetRead: (entry, read) => latest.current.setRead(entry, read, 'click'),
      onRemove: (entry) => latest.current.remove(entry, 'click'),
      onPutBack: (entry) => latest.current.putBack(entry),
      onSetPinned: (entry, pinned) => latest.current.actions.setPinned(entry, pinned),
      onAnnotate: (entry, change) => latest.current.actions.annotate(entry, change),
      onEdit: setEditingId,
      onTagFilter: setTag,
      onActivate: rows.activate,
      onSelect: selectable
        ? (id, on) =>
            setSelected((before) => {
              const next = new Set(before);
              if (on) next.add(id);
              else next.delete(id);
              return next;
            })
        : undefined,
    }),
    [selectable],
  );

  const keys = settings.keyboard && !hidden;
  useQueueKeyboard(keys && queue.status === 'ready', (action: QueueKeyAction) => {
    if (action === 'search') {
      searchRef.current?.focus();
      return;
    }
    if (action === 'next' || action === 'previous') {
      const to = rows.move(action === 'next' ? 1 : -1);
      if (to >= limit) setLimit(to + PAGE);
      return;
    }
    const { active } = rows;
    if (!active) return;
    if (active.savedAt === 0) return; // removed a moment ago, still held in place
    if (action === 'open') open(active, 'key');
    if (action === 'toggle-read') setRead(active, active.readAt === 0, 'key');
    if (action === 'remove') remove(active, 'key');
  });

  if (opened.status === 'error') return <StorageProblem error={opened.error} />;
  if (queue.status === 'loading') return <p class="muted loading">Loading…</p>;
  if (queue.status === 'error') return <StorageProblem error={queue.error} />;

  const selectedEntries = selectable ? entries.filter((e) => selected.has(e.id)) : [];
  const clearFilters = () => {
    setSearch('');
    setTag('');
    setView('all');
  };

  return (
    <KnownTags.Provider value={tagNames}>
      <div class="queue-view" hidden={hidden}>
        {/* Views, search and sort: the popup keeps them in sight while the list scrolls. */}
        <div class="queue-head" ref={head}>
          <QueueToolbar
            view={view}
            counts={partial ? null : counts}
            search={search}
            sort={sort}
            tag={tag}
            tags={tags}
            searchRef={searchRef}
            onView={setView}
            onSearch={setSearch}
            onSort={setSort}
            onTag={setTag}
          />
          {actions.error && (
            <p class="error" role="alert">
              {actions.error}
            </p>
          )}
          {selectable && entries.length > 0 && (
            <BulkActions
              selectedCount={selectedEntries.length}
              shownCount={shown.length}
              onSelectAll={(on) => setSelected(on ? new Set(shown.map((e) => e.id)) : new Set())}
              onSetRead={(read) => actions.setReadMany(selectedEntries, read)}
              onTag={(add) => actions.tagMany(selectedEntries, add)}
              onRemove={() => {
                actions.remove(selectedEntries);
                setSelected(new Set());
              }}
            />
          )}
        </div>
        {/*
          The list and the undo bar under it are one zone for held rows: the bar appearing
          under the pointer (after Remove on the last row) is not the pointer leaving the list.
        */}
        <div class="queue-pane" {...holds.pointer}>
          <div class="queue-body">
            {entries.length === 0 && display.length === 0 ? (
              <EmptyQueue />
            ) : display.length === 0 ? (
              <NoMatches onClear={clearFilters} />
            ) : (
              <QueueList
                entries={display}
                limit={limit}
                activeId={rows.activeId}
                editingId={editingId}
                selected={selected}
                handlers={handlers}
                onNeedMore={() => setLimit((l) => Math.min(l + PAGE, display.length))}
                label="Saved papers"
                busy={partial || !filtered.complete}
                roving={keys}
              />
            )}
          </div>
          {state.phase === 'streaming' && state.total > PAGE && (
            <p class="more muted" role="status">
              Reading the rest of your library: {state.loaded.toLocaleString('en')} of{' '}
              {state.total.toLocaleString('en')}…
            </p>
          )}
          {/* Below the list, and kept in view (sticky / outside the scrolling pane). */}
          {actions.undo && (
            <UndoBar
              message={actions.undo.message}
              onUndo={() => void actions.undoLast()}
              onDismiss={actions.dismissUndo}
            />
          )}
        </div>
      </div>
    </KnownTags.Provider>
  );
}

/**
 * Tells CSS how tall the views-and-search head is (`--queue-head-height` on the view), so a
 * row scrolled into view by the keys stops below it where the head is sticky (the library).
 */
function useStickyHeadHeight(head: { current: HTMLElement | null }, status: string) {
  useEffect(() => {
    const element = head.current;
    const view = element?.parentElement;
    if (!element || !view || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() =>
      view.style.setProperty('--queue-head-height', `${element.offsetHeight}px`),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [status]);
}
