/**
 * The user's changes to the queue, sent to the background (which owns every write), with
 * an Undo offer for the ones that take papers out of view. Undo puts the marks back exactly
 * as they were, so a removed paper returns to its old place. Toggles show at once as
 * pending changes until the database confirms them (see pending-marks.ts).
 */
import { useState } from 'preact/hooks';
import type { QueueEntry } from '../../db/queue';
import { MAX_PAPERS_PER_MESSAGE } from '../../shared/limits';
import type { RequestOf } from '../../shared/messages';
import type { sendRequest } from '../../shared/messaging';
import { plural } from './format';
import { type PendingChange, type PendingChanges, unsettled } from './pending-marks';

export type Send = typeof sendRequest;
type MarkSnapshot = RequestOf<'marks.restore'>['marks'][number];

export interface UndoOffer {
  message: string;
  snapshots: MarkSnapshot[];
}

export function snapshotOfEntry(entry: QueueEntry): MarkSnapshot {
  const { id, savedAt, readAt, pinnedAt, tags, note } = entry;
  return { id, savedAt, readAt, pinnedAt, tags: [...tags], note };
}

/** Splits a long list so each message stays within the protocol's limit. */
export function chunks<T>(items: readonly T[], size = MAX_PAPERS_PER_MESSAGE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const describe = (entries: readonly QueueEntry[]) =>
  entries.length === 1 ? `“${entries[0]?.title}”` : plural(entries.length, 'paper');

export function useQueueActions(send: Send) {
  const [error, setError] = useState('');
  const [undo, setUndo] = useState<UndoOffer | null>(null);
  const [pending, setPending] = useState<PendingChanges>(new Map());

  const updatePending = (changes: [string, PendingChange][], keep: boolean) =>
    setPending((before) => {
      const next = new Map(before);
      for (const [id, change] of changes) {
        if (keep) next.set(id, { ...next.get(id), ...change });
        else next.delete(id);
      }
      return next;
    });

  const run = async (
    requests: () => Promise<unknown>[],
    offer?: UndoOffer,
    changes: [string, PendingChange][] = [],
  ) => {
    setError('');
    updatePending(changes, true);
    // Undo is offered with the change itself (shown at once, pending), and withdrawn if the
    // change fails.
    if (offer) setUndo(offer);
    try {
      await Promise.all(requests());
    } catch (e) {
      updatePending(changes, false);
      if (offer) setUndo((current) => (current === offer ? null : current));
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const each = (entries: readonly QueueEntry[], change: PendingChange) =>
    entries.map((entry): [string, PendingChange] => [entry.id, change]);
  const stamp = (on: boolean) => (on ? Date.now() : 0);

  const markMany = (entries: readonly QueueEntry[], change: { saved?: boolean; read?: boolean }) =>
    chunks(entries.map((e) => e.id)).map((ids) =>
      send({
        type: 'papers.set',
        at: Date.now(),
        marks: Object.fromEntries(ids.map((id) => [id, change])),
      }),
    );

  const offer = (message: string, entries: readonly QueueEntry[]): UndoOffer => ({
    message,
    snapshots: entries.map(snapshotOfEntry),
  });

  return {
    error,
    undo,
    /** Changes sent but not yet seen in the database. */
    pending,
    /** Forgets pending changes that the database now shows. */
    settle: (entries: Parameters<typeof unsettled>[0]) =>
      setPending((before) => unsettled(entries, before)),
    dismissUndo: () => setUndo(null),
    setRead: (entry: QueueEntry, read: boolean) =>
      run(
        () => [send({ type: 'paper.mark', id: entry.id, at: Date.now(), read })],
        offer(`Marked ${describe([entry])} ${read ? 'read' : 'unread'}.`, [entry]),
        [[entry.id, { readAt: stamp(read) }]],
      ),
    remove: (entries: readonly QueueEntry[]) =>
      run(
        () => markMany(entries, { saved: false }),
        offer(`Removed ${describe(entries)}.`, entries),
        each(entries, { savedAt: 0 }),
      ),
    setReadMany: (entries: readonly QueueEntry[], read: boolean) =>
      run(
        () => markMany(entries, { read }),
        offer(`Marked ${describe(entries)} ${read ? 'read' : 'unread'}.`, entries),
        each(entries, { readAt: stamp(read) }),
      ),
    tagMany: (entries: readonly QueueEntry[], add: string[]) =>
      run(
        () =>
          chunks(entries.map((e) => e.id)).map((ids) =>
            send({ type: 'papers.tag', at: Date.now(), ids, add }),
          ),
        offer(`Tagged ${describe(entries)}.`, entries),
      ),
    setPinned: (entry: QueueEntry, pinned: boolean) =>
      run(
        () => [send({ type: 'paper.annotate', id: entry.id, at: Date.now(), pinned })],
        undefined,
        [[entry.id, { pinnedAt: stamp(pinned) }]],
      ),
    /** Saves `entry` again exactly as it was (Put back on a row just removed). */
    putBack: (entry: QueueEntry) => {
      // The Undo offered for that one removal would now do nothing: stop offering it.
      if (undo?.snapshots.length === 1 && undo.snapshots[0]?.id === entry.id) setUndo(null);
      const { id, savedAt, readAt, pinnedAt } = entry;
      return run(
        () => [send({ type: 'marks.restore', at: Date.now(), marks: [snapshotOfEntry(entry)] })],
        undefined,
        [[id, { savedAt, readAt, pinnedAt }]],
      );
    },
    annotate: (entry: QueueEntry, change: { note: string; tags: string[] }) =>
      run(() => [send({ type: 'paper.annotate', id: entry.id, at: Date.now(), ...change })]),
    undoLast: async () => {
      if (!undo) return;
      setUndo(null);
      const { snapshots } = undo;
      await run(
        () =>
          chunks(snapshots).map((marks) => send({ type: 'marks.restore', at: Date.now(), marks })),
        undefined,
        snapshots.map(({ id, savedAt, readAt, pinnedAt }) => [id, { savedAt, readAt, pinnedAt }]),
      );
    },
  };
}

export type QueueActions = ReturnType<typeof useQueueActions>;
