// Browser sync converges: three devices, each with its own database and engine, decide,
// send and receive in any interleaving, through a simulated sync service that delivers keys
// late, out of order, twice, or not until a device is back online; writes fail on quotas and
// rate limits; a device turns sync off and on again; files are imported, backups merged and
// restored. Once everything is delivered and every
// device has had its say, every device holds the same saved / read / pinned marks, and (with
// clocks that agree) each is what the latest decision on that paper and field said.
// With clocks that disagree by up to ten seconds, they still agree with each other, and a
// decision made after its device had heard another one wins over it.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../src/background/sync/engine';
import { openDatabase, type PaperQueueDB } from '../../../src/db/database';
import { applyIntents } from '../../../src/db/marks';
import { completeMark, stateOf } from '../../../src/db/records';
import {
  importBackup,
  importPapers,
  readBackup,
  replaceWithBackup,
} from '../../../src/db/transfer';
import type { Backup } from '../../../src/shared/backup/format';
import { parseSyncKey } from '../../../src/shared/sync-format';
import { SyncService } from '../../support/sync-service';

const RUNS = 150;
const DEVICES = ['deva0001', 'devb0002', 'devc0003'] as const;
const PAPERS = ['2407.21783', '2407.21770', '2408.00001', '2408.00002', '2501.12948'];
const FIELDS = ['saved', 'read', 'pinned'] as const;
type Field = (typeof FIELDS)[number];
const STAMP = { saved: 'savedAt', read: 'readAt', pinned: 'pinnedAt' } as const;

type Step =
  | { kind: 'click'; device: number; paper: number; field: Field }
  | { kind: 'markAllRead'; device: number; papers: number[] }
  | { kind: 'importList'; device: number; papers: number[]; read: boolean }
  | { kind: 'backup'; device: number }
  | { kind: 'importBackup'; device: number }
  | { kind: 'restore'; device: number }
  | { kind: 'send'; device: number }
  | { kind: 'receive'; device: number }
  | { kind: 'deliver'; count: number; pick: number; duplicate: boolean }
  | { kind: 'network'; device: number; online: boolean }
  | { kind: 'fail'; device: number; message: string }
  | { kind: 'sync'; device: number; on: boolean }
  | { kind: 'wait'; ms: number };

const device = fc.integer({ min: 0, max: DEVICES.length - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('click' as const),
      device,
      paper: fc.integer({ min: 0, max: PAPERS.length - 1 }),
      field: fc.constantFrom(...FIELDS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('markAllRead' as const),
      device,
      papers: fc.uniqueArray(fc.integer({ min: 0, max: PAPERS.length - 1 }), { minLength: 1 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('importList' as const),
      device,
      papers: fc.uniqueArray(fc.integer({ min: 0, max: PAPERS.length - 1 }), { minLength: 1 }),
      read: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('backup' as const), device }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('importBackup' as const), device }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), device }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('send' as const), device }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('receive' as const), device }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('deliver' as const),
      count: fc.integer({ min: 1, max: 12 }),
      pick: fc.nat(),
      duplicate: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('network' as const), device, online: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('fail' as const),
      device,
      message: fc.constantFrom(
        'This request exceeds the QUOTA_BYTES quota.',
        'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.',
        'IO error: .../Sync Extension Settings/000003.log: FILE_ERROR_NO_SPACE',
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('sync' as const), device, on: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      ms: fc.integer({ min: 1, max: 90_000 }),
    }),
  },
);

interface Device {
  id: string;
  db: PaperQueueDB;
  engine: SyncEngine;
  /** This device's clock is this far ahead of the true time (ms). */
  skew: number;
  syncOn: boolean;
}

/** A decision as the user made it, for the oracle. */
interface Made {
  paper: string;
  field: Field;
  value: boolean;
  /** The true time it was made (the simulation's, strictly increasing). */
  at: number;
}

const opened: PaperQueueDB[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

async function run(
  steps: Step[],
  skews: readonly number[],
  seed: number,
  options: { leaveForGood?: boolean } = {},
) {
  // The true time: every step moves it on, so no two decisions share a millisecond.
  let time = Date.UTC(2026, 11, 1);
  const service = new SyncService(() => time);
  const makeDevice = (id: string, skew: number): Device => {
    const db = openDatabase(`sync-${seed}-${id}-${crypto.randomUUID()}`);
    opened.push(db);
    const engine = new SyncEngine({
      db: () => db,
      area: service.area(id),
      device: id,
      saveStatus: async () => {},
      announce: async () => {},
      now: () => time + skew,
      warn: () => {},
    });
    return { id, db, engine, skew, syncOn: true };
  };
  const devices: Device[] = DEVICES.map((id, i) => makeDevice(id, skews[i] ?? 0));
  const made: Made[] = [];
  const backups: Backup[] = [];
  const shown = async (d: Device, paper: string) =>
    stateOf(completeMark((await d.db.marks.get(paper)) ?? { id: paper }));

  const decide = async (d: Device, intents: Record<string, Partial<Record<Field, boolean>>>) => {
    const now = time + d.skew;
    await applyIntents(d.db, intents, now, now);
    for (const [paper, intent] of Object.entries(intents)) {
      for (const field of FIELDS) {
        const value = intent[field];
        if (value !== undefined) made.push({ paper, field, value, at: time });
      }
    }
  };
  const quietly = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch {
      // a refused write: the scheduler tries again later; the settling below does
    }
  };
  const leave = async (d: Device) => {
    const mine = Object.keys(await service.area(d.id).get(null)).filter(
      (key) => parseSyncKey(key)?.device === d.id,
    );
    if (mine.length > 0) await service.area(d.id).remove(mine);
  };

  for (const s of steps) {
    time += 1 + (s.kind === 'wait' ? s.ms : 0);
    const d = devices[(s as { device?: number }).device ?? 0] as Device;
    switch (s.kind) {
      case 'click': {
        // A click means the opposite of what the device shows.
        const paper = PAPERS[s.paper] as string;
        const state = await shown(d, paper);
        const current =
          s.field === 'pinned' ? Boolean((await d.db.marks.get(paper))?.pinnedAt) : state[s.field];
        await decide(d, { [paper]: { [s.field]: !current } });
        break;
      }
      case 'markAllRead':
        await decide(
          d,
          Object.fromEntries(s.papers.map((p) => [PAPERS[p] as string, { read: true }])),
        );
        break;
      case 'importList': {
        // Only adds: the oracle hears what it changed (a save, a read), decided now.
        const now = time + d.skew;
        const ids = s.papers.map((p) => PAPERS[p] as string);
        for (const id of ids) {
          const before = completeMark((await d.db.marks.get(id)) ?? { id });
          if (before.savedAt === 0) made.push({ paper: id, field: 'saved', value: true, at: time });
          if (s.read && before.readAt === 0)
            made.push({ paper: id, field: 'read', value: true, at: time });
        }
        await importPapers(
          d.db,
          ids.map((id) => ({ id, read: s.read })),
          now,
        );
        break;
      }
      case 'backup':
        backups.push(await readBackup(d.db, { kind: 'everything' }, time + d.skew));
        break;
      case 'importBackup': {
        // A merge of past decisions by their own times: nothing new for the oracle.
        const backup = backups.at(-1);
        if (backup) await importBackup(d.db, backup, time + d.skew);
        break;
      }
      case 'restore': {
        // Every paper's every decision becomes the backup's, decided now.
        const backup = backups.at(-1);
        if (!backup) break;
        const local = (await d.db.marks.toArray()).map((m) => m.id);
        const wanted = new Map(backup.marks.map((m) => [m.id, m]));
        for (const id of new Set([...local, ...wanted.keys()])) {
          const mark = wanted.get(id);
          for (const field of FIELDS) {
            made.push({ paper: id, field, value: (mark?.[STAMP[field]] ?? 0) > 0, at: time });
          }
        }
        await d.db.transaction('rw', d.db.papers, d.db.marks, () =>
          replaceWithBackup(d.db, backup, time + d.skew),
        );
        break;
      }
      case 'send':
        if (d.syncOn) await quietly(() => d.engine.send());
        break;
      case 'receive':
        if (d.syncOn) await quietly(() => d.engine.receive());
        break;
      case 'deliver': {
        let pick = s.pick;
        service.deliver(
          s.count,
          (n) => {
            pick = (pick * 1103515245 + 12345) % 2 ** 31;
            return pick % n;
          },
          () => s.duplicate && pick % 3 === 0,
        );
        break;
      }
      case 'network':
        service.setOnline(d.id, s.online);
        break;
      case 'fail':
        service.failNextWrite(d.id, s.message);
        break;
      case 'sync':
        if (d.syncOn && !s.on) await quietly(() => leave(d));
        d.syncOn = s.on;
        break;
      case 'wait':
        break;
    }
  }

  // Settle: everyone online with sync on; rounds of deliver, receive, send until quiet.
  const settle = async (live: Device[]) => {
    for (const d of live) {
      service.setOnline(d.id, true);
      d.syncOn = true;
    }
    for (let round = 0; ; round++) {
      expect(round, 'settles within 12 rounds').toBeLessThan(12);
      time += 61_000; // past any rate limit
      service.deliverAll();
      let wrote = false;
      for (const d of live) await d.engine.receive();
      for (const d of live) {
        try {
          wrote = (await d.engine.send()).wrote || wrote;
        } catch {
          wrote = true; // refused: the scheduler tries again, as the next round does
        }
      }
      if (!wrote && service.pending.length === 0) break;
    }
    for (const d of live) await d.engine.receive();
  };
  await settle(devices);
  if (!options.leaveForGood) return { devices, made };

  // The third device turns sync off for good; a new one joins with an empty database. What
  // the third decided must reach it through the two that heard it.
  const gone = devices[2] as Device;
  // Its removal may be refused too (a failure still queued): the user turns it off again.
  for (let attempt = 0; ; attempt++) {
    try {
      await leave(gone);
      break;
    } catch (error) {
      if (attempt > 10) throw error;
    }
  }
  const fresh = makeDevice('devd0004', 0);
  const live = [devices[0] as Device, devices[1] as Device, fresh];
  await settle(live);
  return { devices: live, made };
}

/** The synced fields of every paper on a device: values and clocks. */
async function synced(db: PaperQueueDB) {
  const out: Record<string, unknown> = {};
  for (const paper of PAPERS) {
    const mark = completeMark((await db.marks.get(paper)) ?? { id: paper });
    out[paper] = {
      savedAt: mark.savedAt,
      readAt: mark.readAt,
      pinnedAt: mark.pinnedAt,
      clock: {
        savedAt: mark.clock.savedAt,
        readAt: mark.clock.readAt,
        pinnedAt: mark.clock.pinnedAt,
      },
    };
  }
  return out;
}

const steps = fc.array(step, { minLength: 5, maxLength: 60 });

describe('browser sync, three devices, any interleaving', () => {
  it('converges on what the latest decision said, when clocks agree (a device may leave for good and a new one join)', async () => {
    await fc.assert(
      fc.asyncProperty(steps, fc.nat(), fc.boolean(), async (program, seed, leaveForGood) => {
        const { devices, made } = await run(program, [0, 0, 0], seed, { leaveForGood });
        const first = await synced((devices[0] as Device).db);
        for (const d of devices.slice(1)) expect(await synced(d.db)).toEqual(first);
        for (const paper of PAPERS) {
          const mark = completeMark(
            (await (devices[0] as Device).db.marks.get(paper)) ?? { id: paper },
          );
          for (const field of FIELDS) {
            const latest = made.filter((m) => m.paper === paper && m.field === field).at(-1);
            expect(mark[STAMP[field]] > 0, `${paper} ${field}`).toBe(latest?.value ?? false);
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('converges when clocks disagree by up to ten seconds', async () => {
    const skews = fc.tuple(
      fc.integer({ min: -10_000, max: 10_000 }),
      fc.integer({ min: -10_000, max: 10_000 }),
      fc.integer({ min: -10_000, max: 10_000 }),
    );
    await fc.assert(
      fc.asyncProperty(steps, skews, fc.nat(), async (program, skew, seed) => {
        const { devices } = await run(program, skew, seed);
        const first = await synced((devices[0] as Device).db);
        for (const d of devices.slice(1)) expect(await synced(d.db)).toEqual(first);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
