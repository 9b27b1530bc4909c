/**
 * Holds rows in place after a click (see held-rows.ts): all held rows are let go together
 * when the pointer leaves the list, or HOLD_MS after the last hold if the pointer is not in
 * the list then (a keyboard user, or a pointer that already left). Any change of view,
 * search, tag or sort lets them go at once.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { QueueEntry } from '../../db/queue';
import { type HeldRow, type HeldRows, HOLD_MS } from './held-rows';

export function useHeldRows(onRelease: (rows: HeldRow[]) => void) {
  const [held, setHeld] = useState<HeldRows>(new Map());
  const latest = useRef(held);
  latest.current = held;
  const released = useRef(onRelease);
  released.current = onRelease;
  const pointerInside = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const release = () => {
    clearTimeout(timer.current);
    if (latest.current.size === 0) return;
    released.current([...latest.current.values()]);
    setHeld(new Map());
  };
  const expire = () => {
    // A pointer resting on the list keeps the rows; they go when it leaves.
    if (!pointerInside.current) release();
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  return {
    held,
    /** Keeps `entry` at `index`, showing `now` (its changed state), for a while. */
    hold(before: QueueEntry, now: QueueEntry, index: number) {
      const prior = latest.current.get(before.id);
      const next = new Map(latest.current);
      // A second change to a held row keeps its first place and its state before both.
      next.set(before.id, {
        entry: now,
        before: prior?.before ?? before,
        index: prior?.index ?? index,
      });
      latest.current = next;
      setHeld(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(expire, HOLD_MS);
    },
    /** Changes what a held row shows (Put back shows the paper saved again). */
    update(entry: QueueEntry) {
      const row = latest.current.get(entry.id);
      if (!row) return;
      const next = new Map(latest.current).set(entry.id, { ...row, entry });
      latest.current = next;
      setHeld(next);
    },
    release,
    /** For the list's element: where the pointer is decides when held rows may go. */
    pointer: {
      // A finger "leaves" right after every tap: touch relies on the moment passing instead.
      onPointerEnter: (event: PointerEvent) => {
        if (event.pointerType !== 'touch') pointerInside.current = true;
      },
      onPointerLeave: (event: PointerEvent) => {
        if (event.pointerType === 'touch') return;
        pointerInside.current = false;
        release();
      },
    },
  };
}
