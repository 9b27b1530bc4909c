import { describe, expect, it } from 'vitest';
import {
  addSeen,
  MAX_SEEN_IDS,
  packIds,
  readSeenRecord,
  SEEN_RETENTION_DAYS,
  type SeenRecord,
  seenView,
  unpackIds,
  VISIT_GAP_MS,
} from '../../src/shared/seen';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 20, 9);

describe('packed ids', () => {
  it('leave out a shared year-month prefix and read back the same set, sorted', () => {
    const ids = ['2408.00012', '2407.21783', 'hep-th/9901001', '2407.21770', '2407.21783'];
    expect(packIds(ids)).toBe('2407.21770,21783,2408.00012,hep-th/9901001');
    expect(unpackIds(packIds(ids))).toEqual([
      '2407.21770',
      '2407.21783',
      '2408.00012',
      'hep-th/9901001',
    ]);
    expect(unpackIds('')).toEqual([]);
    // A damaged part is skipped, never turned into another paper's id.
    expect(unpackIds('21770,2407.1,2407.21770,x')).toEqual(['2407.1', '2407.21770']);
  });

  it('take about six characters per paper of a day', () => {
    const day = Array.from({ length: 100 }, (_, i) => `2611.${String(10000 + i * 7)}`);
    expect(packIds(day).length).toBeLessThan(100 * 6 + 5);
  });
});

describe('visits', () => {
  it('mark nothing new on the very first visit, even after a reload', () => {
    expect(seenView(undefined, T0).firstVisit).toBe(true);
    const record = addSeen(null, ['2611.00001', '2611.00002'], T0);
    const reload = seenView(record, T0 + 60_000);
    expect(reload.firstVisit).toBe(true);
    expect(reload.seenBefore('2611.00001')).toBe(true);
  });

  it('make papers not seen in an earlier visit new, and keep them new through this visit', () => {
    let record = addSeen(null, ['2611.00001', '2611.00002'], T0);
    // A later visit: its page reads the record before anything of it is added.
    const later = T0 + VISIT_GAP_MS + 1;
    let view = seenView(record, later);
    expect(view.firstVisit).toBe(false);
    expect(view.seenBeforeThisVisit('2611.00001')).toBe(true);
    expect(view.seenBeforeThisVisit('2611.00003')).toBe(false);
    record = addSeen(record, ['2611.00001', '2611.00003'], later);
    expect(record.visitStart).toBe(later);
    expect(unpackIds(record.current)).toEqual(['2611.00003']);
    // A reload ten minutes on: the same visit, so 00003 is still new, 00001 still not.
    view = seenView(record, later + 10 * 60_000);
    expect(view.seenBeforeThisVisit('2611.00003')).toBe(false);
    expect(view.seenBeforeThisVisit('2611.00001')).toBe(true);
    // Hide seen hides what was seen before this page view, in this visit too.
    expect(view.seenBefore('2611.00003')).toBe(true);
    expect(view.seenBefore('2611.00004')).toBe(false);
  });

  it('keep a visit open while pages follow each other within the gap', () => {
    let record = addSeen(null, ['2611.00001'], T0);
    record = addSeen(record, ['2611.00002'], T0 + VISIT_GAP_MS - 1);
    record = addSeen(record, ['2611.00003'], T0 + 2 * VISIT_GAP_MS - 2);
    expect(record.visitStart).toBe(T0);
    expect(record.earlier).toEqual([]);
    expect(unpackIds(record.current)).toHaveLength(3);
  });
});

describe('pruning', () => {
  it('forgets days past the retention', () => {
    let record: SeenRecord | null = null;
    for (let day = 0; day < SEEN_RETENTION_DAYS + 10; day++) {
      record = addSeen(record, [`2611.${String(10000 + day)}`], T0 + day * DAY);
    }
    const days = (record as SeenRecord).earlier.map(([d]) => d);
    expect(Math.min(...days)).toBeGreaterThanOrEqual(
      Math.floor((T0 + (SEEN_RETENTION_DAYS + 9) * DAY) / DAY) - SEEN_RETENTION_DAYS,
    );
    const view = seenView(record, T0 + 100 * DAY);
    expect(view.seenBefore('2611.10000')).toBe(false);
    expect(view.seenBefore(`2611.${10000 + SEEN_RETENTION_DAYS + 9}`)).toBe(true);
  });

  it('keeps at most MAX_SEEN_IDS papers, dropping the oldest days first', () => {
    let record: SeenRecord | null = null;
    const perDay = 3000;
    for (let day = 0; day < 10; day++) {
      const ids = Array.from(
        { length: perDay },
        (_, i) => `26${String(day + 1).padStart(2, '0')}.${String(10000 + i)}`,
      );
      record = addSeen(record, ids, T0 + day * DAY);
    }
    const r = record as SeenRecord;
    const total =
      unpackIds(r.current).length + r.earlier.reduce((n, [, ids]) => n + unpackIds(ids).length, 0);
    expect(total).toBeLessThanOrEqual(MAX_SEEN_IDS);
    expect(seenView(r, T0 + 10 * DAY).seenBefore('2601.10000')).toBe(false);
    expect(seenView(r, T0 + 10 * DAY).seenBefore('2610.10000')).toBe(true);
    // Compact: about six characters per paper.
    expect(JSON.stringify(r).length).toBeLessThan(total * 6.5);
  });

  it('starts again from a damaged or unknown record', () => {
    expect(readSeenRecord({ format: 2 })).toBeNull();
    expect(
      readSeenRecord({ format: 1, visitStart: 0, lastAt: 0, current: 3, earlier: [] }),
    ).toBeNull();
    expect(seenView('junk', T0).firstVisit).toBe(true);
    expect(unpackIds(addSeen(readSeenRecord('junk'), ['2611.00001'], T0).current)).toEqual([
      '2611.00001',
    ]);
  });
});
