// How decisions travel through storage.sync (src/shared/sync-format.ts): exact round trips,
// the real quotas, and devices whose keys are incomplete, damaged or of another format.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeDecisions,
  deviceItems,
  encodeDecisions,
  headerKey,
  itemKey,
  itemsBytes,
  parseSyncKey,
  readDevices,
  STALLED_AFTER_MS,
  SYNC_QUOTA,
  type SyncDecision,
} from '../../src/shared/sync-format';

const T0 = Date.UTC(2026, 0, 1);
const sortKey = (d: SyncDecision) => `${d.id}|${d.field}`;
const sorted = (list: SyncDecision[]) =>
  [...list].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));

const newId = fc
  .tuple(
    fc.integer({ min: 7, max: 29 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 99_999 }),
  )
  .map(([yy, mm, n]) => {
    const yymm = `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}`;
    return yy >= 15
      ? `${yymm}.${String(n).padStart(5, '0')}`
      : `${yymm}.${String(n % 10_000).padStart(4, '0')}`;
  });
const oldId = fc.constantFrom('hep-th/9901001', 'math.AG/0601001', 'cond-mat/9612345');
const decision = fc
  .record({
    id: fc.oneof({ weight: 9, arbitrary: newId }, { weight: 1, arbitrary: oldId }),
    field: fc.constantFrom('savedAt' as const, 'readAt' as const, 'pinnedAt' as const),
    clock: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
    kind: fc.constantFrom('off', 'on', 'older'),
    back: fc.integer({ min: 1, max: 10 ** 9 }),
  })
  .map(({ id, field, clock, kind, back }) => ({
    id,
    field,
    clock,
    stamp: kind === 'off' ? 0 : kind === 'on' ? clock : Math.max(1, clock - back),
  }));
/** One decision per paper and field, as a device holds them. */
const decisions = fc.uniqueArray(decision, { selector: sortKey, maxLength: 60 });

describe('decisions as bytes', () => {
  it('round-trip exactly, whatever the ids, fields, times and stamps', () => {
    fc.assert(
      fc.property(decisions, (list) => {
        expect(sorted(decodeDecisions(encodeDecisions(list)))).toEqual(sorted(list));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('write "mark all read" of fifty papers in under three bytes each', () => {
    const all = Array.from({ length: 50 }, (_, i) => ({
      id: `2611.${String(10_000 + i * 37).padStart(5, '0')}`,
      field: 'readAt' as const,
      stamp: T0,
      clock: T0,
    }));
    expect(encodeDecisions(all).length).toBeLessThan(150);
  });

  it('refuse anything that is not exactly this format', () => {
    const bytes = encodeDecisions([{ id: '2407.21783', field: 'savedAt', stamp: T0, clock: T0 }]);
    expect(() => decodeDecisions(bytes.subarray(0, bytes.length - 1))).toThrow();
    expect(() => decodeDecisions(Uint8Array.from([2, ...bytes.subarray(1)]))).toThrow(/format/);
    expect(() => decodeDecisions(Uint8Array.from([...bytes, 0]))).toThrow(/Trailing/);
  });
});

describe('a device in storage.sync', () => {
  it('is a header and items of at most 8 KB, under keys of its own', () => {
    const list = Array.from({ length: 5_000 }, (_, i) => ({
      id: `2${String(400 + (i % 12)).padStart(3, '0')}.${String(i).padStart(5, '0')}`,
      field: 'savedAt' as const,
      stamp: T0 + i * 60_000,
      clock: T0 + i * 60_000,
    }));
    const items = deviceItems('abcdef1234', list, T0);
    expect(Object.keys(items)).toContain(headerKey('abcdef1234'));
    expect(Object.keys(items)).toContain(itemKey('abcdef1234', 0));
    for (const [key, value] of Object.entries(items)) {
      expect(parseSyncKey(key)?.device).toBe('abcdef1234');
      expect(key.length + JSON.stringify(value).length).toBeLessThanOrEqual(SYNC_QUOTA.perItem);
    }
    const [read] = readDevices(items, 'someone-else');
    expect(read?.ok && sorted(read.decisions)).toEqual(sorted(list));
  });

  it('measures: how many papers fit the whole 100 KB', () => {
    // A year of a heavy reader: 40 papers marked read together each day, one in five of them
    // saved first (its own click, at its own minute), some later unsaved or pinned.
    const list: SyncDecision[] = [];
    let papers = 0;
    for (let day = 0; day < 365 && papers < 20_000; day++) {
      const dayStart = T0 + day * 86_400_000;
      for (let k = 0; k < 40; k++) {
        const id = `${25 + Math.floor(day / 365)}${String(1 + Math.floor((day % 365) / 31)).padStart(2, '0')}.${String(day * 40 + k).padStart(5, '0')}`;
        papers++;
        list.push({
          id,
          field: 'readAt',
          stamp: dayStart + 3_600_000,
          clock: dayStart + 3_600_000,
        });
        if (k % 5 === 0) {
          const at = dayStart + k * 61_000 + 123;
          list.push({ id, field: 'savedAt', stamp: at, clock: at });
        }
      }
    }
    const items = deviceItems('device0001', list, T0);
    const bytes = itemsBytes(items);
    const perPaper = bytes / papers;
    const fit = Math.floor(SYNC_QUOTA.bytes / perPaper);
    console.info(
      `sync capacity: ${papers} papers (${list.length} decisions) in ${bytes} bytes, ${perPaper.toFixed(2)} bytes a paper: about ${fit} papers in ${SYNC_QUOTA.bytes} bytes`,
    );
    expect(fit).toBeGreaterThanOrEqual(10_000);
  });

  it('measures the worst case: every paper its own click, minutes apart', () => {
    // Papers of the same months read one at a time, 1 to 90 minutes apart; one in five saved
    // at another click. Nothing shares an event.
    const list: SyncDecision[] = [];
    let at = T0;
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const papers = 10_000;
    for (let i = 0; i < papers; i++) {
      const month = 2501 + Math.floor(i / 1000);
      const id = `${month}.${String(Math.floor(random() * 20_000)).padStart(5, '0')}`;
      at += 60_000 + Math.floor(random() * 89 * 60_000);
      list.push({ id, field: 'readAt', stamp: at, clock: at });
      if (i % 5 === 0) {
        at += 1000 + Math.floor(random() * 60_000);
        list.push({ id, field: 'savedAt', stamp: at, clock: at });
      }
    }
    const bytes = itemsBytes(deviceItems('device0001', list, T0));
    const fit = Math.floor(SYNC_QUOTA.bytes / (bytes / papers));
    console.info(
      `sync capacity, worst case: ${papers} papers (${list.length} decisions, each its own click) in ${bytes} bytes: about ${fit} papers in ${SYNC_QUOTA.bytes} bytes`,
    );
    // Each lone decision is a time step in ms (3-4 bytes), a head and an id step (2-3
    // bytes), base64: the floor of this format; batches (above) cost a third of it.
    expect(fit).toBeGreaterThanOrEqual(9_000);
  });

  it('waits for a device whose items have not all arrived, and refuses a damaged or future one', () => {
    const list = [{ id: '2407.21783', field: 'savedAt' as const, stamp: T0, clock: T0 }];
    const a = deviceItems('aaaaaaaaaa', list, T0);
    const b = deviceItems('bbbbbbbbbb', list, T0);
    const header = b[headerKey('bbbbbbbbbb')] as { c: number };
    const area = {
      // a: the header arrived, its item not yet.
      [headerKey('aaaaaaaaaa')]: a[headerKey('aaaaaaaaaa')],
      // b: hand-edited item (the checksum no longer matches: waits, never half read).
      ...b,
      [itemKey('bbbbbbbbbb', 0)]: 'AQEBAQEB',
      // c: a future format; d: a damaged header.
      [headerKey('cccccccccc')]: { f: 9, n: 0, c: 0, d: 0, t: 0 },
      [headerKey('dddddddddd')]: 'garbage',
      'not-ours': 1,
    };
    const reads = Object.fromEntries(
      readDevices(area, 'me00000000', T0 + 60_000).map((r) => [r.device, r]),
    );
    expect(reads.aaaaaaaaaa).toMatchObject({ ok: false, waiting: true });
    expect(reads.bbbbbbbbbb).toMatchObject({ ok: false, waiting: true });
    // Half an hour after the header was written, a mismatch is damage, and said so.
    const later = readDevices(area, 'me00000000', T0 + STALLED_AFTER_MS + 1);
    expect(later.find((r) => r.device === 'bbbbbbbbbb')).toMatchObject({
      ok: false,
      error: 'items that do not match their header',
    });
    expect(later.find((r) => r.device === 'bbbbbbbbbb')).not.toHaveProperty('waiting');
    expect(reads.cccccccccc).toMatchObject({ ok: false, error: expect.stringMatching(/format 9/) });
    expect(reads.dddddddddd).toMatchObject({ ok: false });
    expect(Object.keys(reads)).not.toContain('not-ours');
    expect(header.c).toBeGreaterThan(0);
  });
});
