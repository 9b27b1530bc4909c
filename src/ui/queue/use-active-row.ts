/**
 * The row the keyboard acts on: a roving focus over the shown rows. Moving focuses the row
 * right after it is rendered (a layout effect, so a quick second key press never finds an
 * older focus move still pending); a row that leaves the view hands focus to its neighbour.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { QueueEntry } from '../../db/queue';

function focusRow(id: string): void {
  const row = document.querySelector<HTMLElement>(`li[data-paper-id="${id}"]`);
  row?.focus();
  row?.scrollIntoView({ block: 'nearest' });
}

export function useActiveRow(shown: readonly QueueEntry[]) {
  const [activeId, setActiveId] = useState<string | null>(null);
  /** Set when the next render should move focus to the active row (once). */
  const focusPending = useRef(false);

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    if (activeId) focusRow(activeId);
  });

  const index = shown.findIndex((entry) => entry.id === activeId);
  return {
    activeId,
    active: shown[index],
    /** A row got focus (click, Tab): it becomes the one the keys act on. */
    activate: setActiveId,
    /** Moves by `step` rows (the first row if none is active); the index moved to, or -1. */
    move(step: 1 | -1): number {
      const to = index === -1 ? 0 : Math.max(0, Math.min(shown.length - 1, index + step));
      const target = shown[to];
      if (!target) return -1;
      // At the top or bottom already: nothing re-renders, so bring focus back now.
      if (target.id === activeId) focusRow(target.id);
      else {
        focusPending.current = true;
        setActiveId(target.id);
      }
      return to;
    },
    /** `entry` is about to leave the view: its neighbour becomes active (and focused, if it was). */
    leave(entry: QueueEntry): void {
      if (entry.id !== activeId) return;
      const at = shown.findIndex((e) => e.id === entry.id);
      focusPending.current = document.activeElement?.closest('li[data-paper-id]') != null;
      setActiveId((shown[at + 1] ?? shown[at - 1])?.id ?? null);
    },
  };
}
