// The rules of a mark (src/db/records.ts): stamping, the later decision wins field by field,
// versions that only go up, merging from elsewhere, and the queue's order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  completeMark,
  DECISION_FIELDS,
  decisionTime,
  emptyMark,
  fromBackupMark,
  intend,
  type MarkRecord,
  merge,
  queueOrder,
  stampsFor,
  stateOf,
  toBackupMark,
} from '../../src/db/records';

const ID = '2407.21783';

describe('stamping', () => {
  it('keeps the original time of a flag set again, clears with 0, normalises tags', () => {
    const mark = { ...emptyMark(ID), savedAt: 100 };
    expect(
      stampsFor(mark, { saved: true, read: true, tags: ['ML', ' ml', 'Vision'] }, 500),
    ).toEqual({ savedAt: 100, readAt: 500, tags: ['ml', 'vision'] });
    expect(stampsFor(mark, { saved: false, pinned: false, note: 'n' }, 500)).toEqual({
      savedAt: 0,
      pinnedAt: 0,
      note: 'n',
    });
  });

  it('never records a decision later than the background clock', () => {
    expect(decisionTime(2_000, 1_000)).toBe(1_000);
    expect(decisionTime(500, 1_000)).toBe(500);
    expect(decisionTime(undefined, 1_000)).toBe(1_000);
    expect(decisionTime(-5, 1_000)).toBe(0);
  });
});

describe('decide', () => {
  it('takes a decision, records when it was made, and moves the version on', () => {
    const saved = intend(emptyMark(ID), { saved: true }, 100, 150);
    expect(saved).toMatchObject({ savedAt: 100, clock: { savedAt: 100 }, updatedAt: 150 });
    expect(stateOf(saved)).toEqual({ saved: true, read: false, v: 150 });
  });

  it('ignores a decision older than the one a field holds (a late message cannot undo)', () => {
    const saved = intend(emptyMark(ID), { saved: true }, 200, 200);
    expect(intend(saved, { saved: false }, 100, 300)).toBe(saved);
  });

  it('keeps decisions on different fields that arrive out of order', () => {
    const saved = intend(emptyMark(ID), { saved: true }, 200, 200);
    const read = intend(saved, { read: true }, 100, 300);
    expect(read).toMatchObject({ savedAt: 200, readAt: 100, updatedAt: 300 });
  });

  it('changes nothing when the same decision is delivered twice', () => {
    const once = intend(emptyMark(ID), { read: true }, 100, 100);
    expect(intend(once, { read: true }, 100, 500)).toBe(once);
  });

  it('records a later decision of the same value, so an older opposite one cannot win after it', () => {
    const read = intend(emptyMark(ID), { read: true }, 100, 100);
    const readAgain = intend(read, { read: true }, 500, 500);
    expect(readAgain).toMatchObject({ readAt: 100, clock: { readAt: 500 } });
    expect(intend(readAgain, { read: false }, 300, 600)).toBe(readAgain);
  });

  it('orders two different decisions made in the same millisecond after each other', () => {
    const saved = intend(emptyMark(ID), { saved: true }, 100, 100);
    const unsaved = intend(saved, { saved: false }, 100, 100);
    expect(unsaved).toMatchObject({ savedAt: 0, clock: { savedAt: 101 } });
    expect(unsaved.updatedAt).toBeGreaterThan(saved.updatedAt);
  });

  it('makes every version strictly greater than the last, even with a clock that went back', () => {
    const first = intend(emptyMark(ID), { saved: true }, 1_000, 1_000);
    const second = intend(first, { read: true }, 1_001, 500);
    expect(second.updatedAt).toBeGreaterThan(first.updatedAt);
  });
});

describe('merge (imports, other devices)', () => {
  const local = intend(emptyMark(ID), { saved: true, tags: ['a'] }, 100, 100);

  it('takes each field decided later elsewhere and keeps each field decided later here', () => {
    const theirs = { ...intend(emptyMark(ID), { saved: false, read: true }, 200, 200) };
    theirs.clock.savedAt = 50; // their unsave is older than our save
    const merged = merge(local, theirs, 300);
    expect(merged).toMatchObject({ savedAt: 100, readAt: 200, tags: ['a'] });
    expect(merged.updatedAt).toBeGreaterThan(local.updatedAt);
  });

  it('returns the local mark itself when the other copy holds nothing newer', () => {
    expect(merge(local, emptyMark(ID), 500)).toBe(local);
  });

  it('converges: any order of merging the same copies gives the same decisions', () => {
    const stamp = fc.integer({ min: 1, max: 20 });
    const copy = fc.record({
      saved: fc.boolean(),
      read: fc.boolean(),
      tags: fc.subarray(['a', 'b', 'c']),
      atSaved: stamp,
      atRead: stamp,
      atTags: stamp,
    });
    const build = (c: {
      saved: boolean;
      read: boolean;
      tags: string[];
      atSaved: number;
      atRead: number;
      atTags: number;
    }): MarkRecord => {
      let mark = intend(emptyMark(ID), { saved: c.saved }, c.atSaved, 0);
      mark = intend(mark, { read: c.read }, c.atRead, 0);
      return intend(mark, { tags: c.tags }, c.atTags, 0);
    };
    fc.assert(
      fc.property(fc.array(copy, { minLength: 1, maxLength: 5 }), (copies) => {
        const marks = copies.map(build);
        const forward = marks.reduce((acc, m) => merge(acc, m, 0), emptyMark(ID));
        const backward = [...marks].reverse().reduce((acc, m) => merge(acc, m, 0), emptyMark(ID));
        for (const field of DECISION_FIELDS) {
          expect(forward[field]).toEqual(backward[field]);
          expect(forward.clock[field]).toEqual(backward.clock[field]);
        }
      }),
    );
  });
});

describe('older records and backups', () => {
  it('reads a version 1 mark: no pin, tags, note or clock, each decided at updatedAt', () => {
    const old = completeMark({ id: ID, savedAt: 10, readAt: 20, updatedAt: 20 } as MarkRecord);
    expect(old).toEqual({
      id: ID,
      savedAt: 10,
      readAt: 20,
      pinnedAt: 0,
      tags: [],
      note: '',
      updatedAt: 20,
      clock: { savedAt: 20, readAt: 20, pinnedAt: 20, tags: 20, note: 20 },
    });
  });

  it('round-trips a mark through the backup wire type', () => {
    const mark = intend(emptyMark(ID), { saved: true, note: 'n', tags: ['x'] }, 5, 6);
    expect(fromBackupMark(toBackupMark(mark))).toEqual(mark);
  });
});

describe('queueOrder', () => {
  const entry = (id: string, savedAt: number, readAt = 0, pinnedAt = 0) => ({
    id,
    savedAt,
    readAt,
    pinnedAt,
  });

  it('puts pinned first (newest pin on top), then unread, then newest saved, then id', () => {
    const list = [
      entry('a', 10),
      entry('b', 30, 5),
      entry('c', 20),
      entry('d', 5, 0, 1),
      entry('e', 5, 0, 2),
      entry('f', 20),
    ];
    expect(list.sort(queueOrder()).map((e) => e.id)).toEqual(['e', 'd', 'c', 'f', 'a', 'b']);
  });
});
