import { describe, expect, it } from 'vitest';
import type { QueueEntry } from '../../src/db/queue';
import { applyPending, isSettled, unsettled } from '../../src/ui/queue/pending-marks';

const entry = (id: string, fields: Partial<QueueEntry> = {}): QueueEntry => ({
  id,
  title: id,
  authors: [],
  summary: '',
  upvotes: 0,
  savedAt: 10,
  readAt: 0,
  pinnedAt: 0,
  tags: [],
  note: '',
  ...fields,
});
const a = entry('2401.00001');
const b = entry('2401.00002', { readAt: 20 });

describe('pending changes', () => {
  it('show a mark at once, and hide a removed paper', () => {
    const pending = new Map([
      [a.id, { readAt: 99 }],
      [b.id, { savedAt: 0 }],
    ]);
    expect(applyPending([a, b], pending)).toEqual([{ ...a, readAt: 99 }]);
    expect(applyPending([a, b], new Map())).toEqual([a, b]);
  });

  it('settle when the database shows the same on/off state', () => {
    expect(isSettled({ ...a, readAt: 5 }, { readAt: 99 })).toBe(true);
    expect(isSettled(a, { readAt: 99 })).toBe(false);
    expect(isSettled(b, { readAt: 0 })).toBe(false);
    expect(isSettled(undefined, { savedAt: 0 })).toBe(true);
    expect(isSettled(a, { savedAt: 0 })).toBe(false);
    expect(isSettled({ ...a, pinnedAt: 3 }, { pinnedAt: 7 })).toBe(true);
  });

  it('are dropped once settled, keeping the same map when nothing settled', () => {
    const pending = new Map([
      [a.id, { readAt: 99 }],
      [b.id, { savedAt: 0 }],
    ]);
    expect(unsettled([a, b], pending)).toBe(pending);
    expect([...unsettled([{ ...a, readAt: 1 }], pending).keys()]).toEqual([]);
    expect([...unsettled([{ ...a, readAt: 1 }, b], pending).keys()]).toEqual([b.id]);
  });
});
