/**
 * The queue's stateful wrapper, shared by the popup and the library page: reads the saved
 * papers live from the database, keeps what the user is looking at (view, search, sort, tag,
 * the active row, the selection), and turns intentions into messages to the background.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PaperQueueDB, PaperRecord } from '../../db/database';
import { loadSaved, type QueueEntry } from '../../db/queue';
import { paperUrl } from '../../shared/site';
import { BulkActions } from './BulkActions';
import { EmptyQueue, NoMatches } from './EmptyQueue';
import type { QueueKeyAction } from './keyboard';
import { KnownTags } from './known-tags';
import { openInTab } from './open-in-tab';
import { applyPending } from './pending-marks';
import { QueueList } from './QueueList';
import type { RowHandlers } from './QueueRow';
import { QueueToolbar } from './QueueToolbar';
import {
  countViews,
  type IndexedEntry,
  indexEntries,
  type QueueViewName,
  type SortKey,
  sortIndexed,
  tagCounts,
} from './queue-query';
import { StorageProblem } from './StorageProblem';
import { UndoBar } from './UndoBar';
import { useActiveRow } from './use-active-row';
import { useDatabaseOpen } from './use-database-open';
import { useFilteredQueue } from './use-filtered-queue';
import { PAGE_ROWS, useFirstScreen } from './use-first-screen';
import { type LiveResult, useLiveQuery } from './use-live-query';
import { type Send, useQueueActions } from './use-queue-actions';
import { useQueueKeyboard } from './use-queue-keyboard';
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
}

export function QueueView({ db, send, selectable = false, onFirstRender, ...early }: Props) {
  // The first screen comes from a small query; the whole library follows, then stays live.
  const opened = useDatabaseOpen(db);
  const firstScreen = useFirstScreen(db, early.firstScreen);
  const known = useMemo(() => new Map<string, PaperRecord | undefined>(), [db]);
  const full = useLiveQuery(() => loadSaved(db, known), [db], firstScreen.done);
  const queue: LiveResult<QueueEntry[]> =
    full.status === 'loading' && firstScreen.entries
      ? { status: 'ready', value: firstScreen.entries }
      : full;
  const partial = full.status !== 'ready';
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

  const loaded = queue.status === 'ready' ? queue.value : EMPTY;
  const entries = useMemo(() => applyPending(loaded, actions.pending), [loaded, actions.pending]);
  // Once the database shows a change, stop showing it as pending.
  const { settle } = actions;
  useEffect(() => settle(loaded), [loaded]);
  const searchTexts = useMemo(() => new Map<string, IndexedEntry>(), []);
  const indexed = useMemo(() => indexEntries(entries, searchTexts), [entries, searchTexts]);
  const sorted = useMemo(() => sortIndexed(indexed, sort), [indexed, sort]);
  const filter = useMemo(() => ({ view, tag, search }), [view, tag, search]);
  const filtered = useFilteredQueue(sorted, filter, PAGE);
  const shown = useMemo(
    () => filtered.shown.map((item) => item.entry),
    [filtered.shown, filtered.complete],
  );
  const counts = useMemo(() => countViews(entries), [entries]);
  const tags = useMemo(() => tagCounts(entries), [entries]);
  const tagNames = useMemo(() => tags.map(([tag]) => tag), [tags]);

  // A new filter starts from the top again, with nothing selected: bulk actions only ever
  // act on papers the user can see.
  useEffect(() => setLimit(PAGE), [view, tag, search, sort]);
  useEffect(() => setSelected(new Set()), [view, tag, search]);

  // A layout effect runs right after the first rows are in the DOM, not a frame later.
  const firstRenderTold = useRef(false);
  useLayoutEffect(() => {
    if (queue.status === 'ready' && !firstRenderTold.current) {
      firstRenderTold.current = true;
      onFirstRender?.();
    }
  }, [queue.status, onFirstRender]);

  const rows = useActiveRow(shown);

  const open = (entry: QueueEntry) => {
    openInTab(paperUrl(entry.id));
    if (settings.markReadOnOpen && entry.readAt === 0) actions.setRead(entry, true);
  };
  const setRead = (entry: QueueEntry, read: boolean) => {
    if (view !== 'all') rows.leave(entry);
    actions.setRead(entry, read);
  };
  const remove = (entry: QueueEntry) => {
    rows.leave(entry);
    actions.remove([entry]);
  };

  // Rows are memoised: give them one handlers object that always calls the latest closures.
  const latest = useRef({ open, setRead, remove, actions });
  latest.current = { open, setRead, remove, actions };
  const handlers = useMemo<RowHandlers>(
    () => ({
      onOpen: (entry) => latest.current.open(entry),
      onSetRead: (entry, read) => latest.current.setRead(entry, read),
      onRemove: (entry) => latest.current.remove(entry),
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

  useQueueKeyboard(settings.keyboard && queue.status === 'ready', (action: QueueKeyAction) => {
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
    if (action === 'open') open(active);
    if (action === 'toggle-read') setRead(active, active.readAt === 0);
    if (action === 'remove') remove(active);
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
      <div class="queue-view">
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
        {actions.undo && (
          <UndoBar
            message={actions.undo.message}
            onUndo={() => void actions.undoLast()}
            onDismiss={actions.dismissUndo}
          />
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
        {entries.length === 0 ? (
          <EmptyQueue />
        ) : shown.length === 0 ? (
          <NoMatches onClear={clearFilters} />
        ) : (
          <QueueList
            entries={shown}
            limit={limit}
            activeId={rows.activeId}
            editingId={editingId}
            selected={selected}
            handlers={handlers}
            onNeedMore={() => setLimit((l) => Math.min(l + PAGE, shown.length))}
            label="Saved papers"
            busy={partial || !filtered.complete}
          />
        )}
      </div>
    </KnownTags.Provider>
  );
}

const EMPTY: QueueEntry[] = [];
