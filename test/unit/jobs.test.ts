// Long work a page follows (src/shared/jobs.ts, src/background/jobs.ts): an import, a restore
// or an export reports how far it got, and a cancel before it commits changes nothing, its
// snapshot included.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cancelJob, startJob } from '../../src/background/jobs';
import { handleMessage, type RouterContext } from '../../src/background/router';
import { openDatabase, type PaperQueueDB } from '../../src/db/database';
import { STEP } from '../../src/db/transfer';
import { type JobProgress, jobKey } from '../../src/shared/jobs';
import { markPapers } from '../support/decisions';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const fromPopup = { id: ID, url: `chrome-extension://${ID}/src/popup/index.html` };
const NOW = new Date(2026, 10, 25, 12).getTime();

let db: PaperQueueDB;
let published: [string, JobProgress | null][];
let onProgress: (progress: JobProgress) => void;
let ctx: RouterContext;
beforeEach(() => {
  db = openDatabase(`jobs-${crypto.randomUUID()}`);
  published = [];
  onProgress = () => {};
  ctx = {
    db: () => db,
    extensionId: ID,
    extensionOrigin: `chrome-extension://${ID}/`,
    announce: async () => {},
    now: () => NOW,
    startJob: (id, kind) =>
      startJob(id, kind, (key, progress) => {
        published.push([key, progress]);
        if (progress) onProgress(progress);
      }),
    cancelJob,
  };
});
afterEach(() => db.delete());

const ids = (n: number, prefix = '2501') =>
  Array.from({ length: n }, (_, i) => `${prefix}.${String(10000 + i)}`);

describe('an import followed as a job', () => {
  it('says how far it got, in counts, and takes its progress away at the end', async () => {
    const list = ids(STEP * 3 + 5);
    const reply = await handleMessage(
      { type: 'transfer.import', text: list.join('\n'), job: 'import-1' },
      fromPopup,
      ctx,
    );
    expect(reply).toMatchObject({ ok: true, data: { report: { added: list.length } } });
    const counts = published
      .map(([, p]) => p)
      .filter((p): p is JobProgress => p?.phase === 'Saving papers')
      .map((p) => [p.done, p.total]);
    expect(counts.at(-1)).toEqual([list.length, list.length]);
    expect(counts.length).toBeGreaterThanOrEqual(1);
    expect(published.at(-1)).toEqual([jobKey('import-1'), null]);
  });

  it('cancelled halfway changes nothing: no mark, no snapshot', async () => {
    await markPapers(db, { '2401.00001': { saved: true } }, NOW - 10);
    const marksBefore = await db.marks.toArray();
    onProgress = (progress) => {
      if (progress.phase === 'Saving papers' && progress.done >= STEP * 2) cancelJob('import-2');
    };
    const reply = await handleMessage(
      { type: 'transfer.import', text: ids(STEP * 5).join('\n'), job: 'import-2' },
      fromPopup,
      ctx,
    );
    expect(reply).toEqual({ ok: false, error: 'Import cancelled: nothing was imported.' });
    expect(await db.marks.toArray()).toEqual(marksBefore);
    expect(await db.snapshots.count()).toBe(0);
  });

  it('is cancelled by job.cancel from a page; an unknown job is no error', async () => {
    expect(
      await handleMessage({ type: 'job.cancel', job: 'nothing-runs' }, fromPopup, ctx),
    ).toEqual({
      ok: true,
      data: { cancelled: false },
    });
    // From a huggingface.co page: refused, as every request that touches the whole list.
    const fromSite = { id: ID, url: 'https://huggingface.co/papers', tab: {} };
    expect(await handleMessage({ type: 'job.cancel', job: 'x' }, fromSite, ctx)).toMatchObject({
      ok: false,
    });
    let cancel: Promise<unknown> | undefined;
    onProgress = (progress) => {
      if (!cancel && progress.done >= STEP) {
        cancel = handleMessage({ type: 'job.cancel', job: 'import-3' }, fromPopup, ctx);
      }
    };
    const reply = await handleMessage(
      { type: 'transfer.import', text: ids(STEP * 4).join('\n'), job: 'import-3' },
      fromPopup,
      ctx,
    );
    expect(await cancel).toEqual({ ok: true, data: { cancelled: true } });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/cancelled/) });
    expect(await db.marks.count()).toBe(0);
  });
});

describe('a restore followed as a job', () => {
  it('cancelled changes nothing, and leaves no snapshot of its own', async () => {
    await markPapers(db, Object.fromEntries(ids(50).map((id) => [id, { saved: true }])), NOW - 100);
    await handleMessage({ type: 'snapshots.take' }, fromPopup, ctx);
    const [snapshot] = await db.snapshots.toArray();
    await markPapers(db, Object.fromEntries(ids(50).map((id) => [id, { read: true }])), NOW - 50);
    const before = await db.marks.toArray();
    onProgress = (progress) => {
      if (progress.phase === 'Putting back your marks') cancelJob('restore-1');
    };
    const reply = await handleMessage(
      { type: 'snapshots.restore', id: snapshot?.id as number, job: 'restore-1' },
      fromPopup,
      ctx,
    );
    expect(reply).toEqual({ ok: false, error: 'Restore cancelled: nothing was changed.' });
    expect(await db.marks.toArray()).toEqual(before);
    expect(await db.snapshots.count()).toBe(1);
  });
});

describe('an export followed as a job', () => {
  it('says how many papers it read', async () => {
    await markPapers(db, Object.fromEntries(ids(STEP + 3).map((id) => [id, { saved: true }])), 1);
    const reply = await handleMessage(
      {
        type: 'transfer.export',
        scope: { kind: 'saved' },
        format: 'csv',
        deliver: 'text',
        job: 'export-1',
      },
      fromPopup,
      ctx,
    );
    expect(reply).toMatchObject({ ok: true, data: { count: STEP + 3 } });
    const reading = published.map(([, p]) => p).filter((p) => p?.phase === 'Reading papers');
    expect(reading.at(-1)).toMatchObject({ done: STEP + 3, total: STEP + 3, kind: 'export' });
  });
});
