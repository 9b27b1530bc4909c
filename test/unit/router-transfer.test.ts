// Export, import and snapshot requests through the router: who may send them, what they
// answer, and what the tabs and the metadata queue are told after a commit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TextFile } from '../../src/background/download';
import { handleMessage, type RouterContext } from '../../src/background/router';
import { openDatabase, type PaperQueueDB } from '../../src/db/database';
import type { StateMap } from '../../src/shared/model';
import { markPaper } from '../support/decisions';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const fromPopup = { id: ID, url: `chrome-extension://${ID}/src/popup/index.html` };
const fromPage = { id: ID, url: 'https://huggingface.co/papers', tab: {} };
const NOW = new Date(2026, 10, 25, 12).getTime();

let db: PaperQueueDB;
let announced: StateMap[];
let downloads: TextFile[];
let queued: string[][];
let ctx: RouterContext;
beforeEach(() => {
  db = openDatabase(`router-transfer-${crypto.randomUUID()}`);
  announced = [];
  downloads = [];
  queued = [];
  ctx = {
    db: () => db,
    extensionId: ID,
    extensionOrigin: `chrome-extension://${ID}/`,
    announce: async (states) => void announced.push(states),
    download: async (file) => void downloads.push(file),
    fetchMetadata: (ids) => void queued.push(ids),
    now: () => NOW,
  };
});
afterEach(() => db.delete());

const exportQueue = { type: 'transfer.export', scope: { kind: 'queue' }, format: 'markdown' };

describe('transfer.export', () => {
  it('downloads the file through the background, named after scope and date', async () => {
    await markPaper(db, { id: '2407.21783', saved: true }, 1);
    const reply = await handleMessage({ ...exportQueue, deliver: 'download' }, fromPopup, ctx);
    expect(reply).toEqual({
      ok: true,
      data: { filename: 'paper-queue-queue-2026-11-25.md', count: 1 },
    });
    expect(downloads).toEqual([
      expect.objectContaining({
        filename: 'paper-queue-queue-2026-11-25.md',
        mime: 'text/markdown',
      }),
    ]);
    expect(downloads[0]?.text).toContain(
      '- [ ] [2407.21783](https://huggingface.co/papers/2407.21783)',
    );
  });

  it('answers the text for the clipboard', async () => {
    const reply = await handleMessage(
      { type: 'transfer.export', scope: { kind: 'everything' }, format: 'json', deliver: 'text' },
      fromPopup,
      ctx,
    );
    expect(reply).toMatchObject({
      ok: true,
      data: { count: 0, text: expect.stringContaining('"paper-queue-backup"') },
    });
    expect(downloads).toEqual([]);
  });

  it('is refused from a content script', async () => {
    const reply = await handleMessage({ ...exportQueue, deliver: 'text' }, fromPage, ctx);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/extension's own pages/) });
  });
});

describe('validation of the new messages', () => {
  it.each([
    [
      { type: 'transfer.export', scope: { kind: 'tag' }, format: 'csv', deliver: 'text' },
      /scope\.tag/,
    ],
    [
      { type: 'transfer.export', scope: { kind: 'all' }, format: 'csv', deliver: 'text' },
      /scope\.kind/,
    ],
    [{ ...exportQueue, format: 'docx', deliver: 'text' }, /at format/],
    [{ type: 'transfer.import', text: 'x'.repeat(20 * 1024 * 1024 + 1) }, /larger than 20 MB/],
    [{ type: 'snapshots.restore', id: -1 }, /at id/],
  ])('refuses %o', async (message, why) => {
    const reply = await handleMessage(message, fromPopup, ctx);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(why) });
  });
});

describe('transfer.import', () => {
  it('imports a list, announces the new states and queues the papers for authors', async () => {
    const reply = await handleMessage(
      { type: 'transfer.import', text: '2407.21783\nhttps://arxiv.org/abs/2407.21770\n' },
      fromPopup,
      ctx,
    );
    expect(reply).toEqual({
      ok: true,
      data: { kind: 'list', report: { added: 2, updated: 0, unchanged: 0 } },
    });
    expect(announced).toEqual([
      {
        '2407.21783': { saved: true, read: false, v: NOW },
        '2407.21770': { saved: true, read: false, v: NOW },
      },
    ]);
    expect(queued).toEqual([['2407.21783', '2407.21770']]);
    expect(await db.snapshots.count()).toBe(0); // there was nothing to keep
  });

  it('snapshots the present before a valid import, so it can be undone', async () => {
    await markPaper(db, { id: '2407.21783', saved: true }, 1);
    await handleMessage({ type: 'transfer.import', text: '2407.21770' }, fromPopup, ctx);
    const [snapshot] = await db.snapshots.toArray();
    expect(snapshot).toMatchObject({ reason: 'import', createdAt: NOW });
    expect(snapshot?.backup).not.toContain('2407.21770');
  });

  it('says why and where a file is refused, and changes nothing', async () => {
    const reply = await handleMessage(
      { type: 'transfer.import', text: '2407.21783\nnot a paper\n' },
      fromPopup,
      ctx,
    );
    expect(reply).toEqual({
      ok: false,
      error: 'Nothing was imported. line 2: not an arXiv id or paper link: "not a paper"',
    });
    expect(await db.marks.count()).toBe(0);
    expect(await db.snapshots.count()).toBe(0);
    expect(announced).toEqual([]);
  });

  it('is refused from a content script', async () => {
    const reply = await handleMessage(
      { type: 'transfer.import', text: '2407.21783' },
      fromPage,
      ctx,
    );
    expect(reply.ok).toBe(false);
    expect(await db.marks.count()).toBe(0);
  });
});

describe('snapshots', () => {
  it('lists, takes and restores, announcing what the restore changed', async () => {
    await markPaper(db, { id: '2407.21783', saved: true }, 1);
    const taken = await handleMessage({ type: 'snapshots.take' }, fromPopup, ctx);
    expect(taken).toMatchObject({ ok: true, data: [{ reason: 'manual', marks: 1 }] });
    const id = taken.ok ? (taken.data as { id: number }[])[0]?.id : 0;
    await markPaper(db, { id: '2407.21783', saved: false }, 2);
    const restored = await handleMessage({ type: 'snapshots.restore', id }, fromPopup, ctx);
    expect(restored).toMatchObject({
      ok: true,
      data: { kind: 'snapshot', report: { added: 1, updated: 0, removed: 0 } },
    });
    // The restore is the latest decision, so it reaches every copy of the marks as one.
    expect(announced).toEqual([{ '2407.21783': { saved: true, read: false, v: NOW } }]);
    expect(await db.marks.get('2407.21783')).toMatchObject({ savedAt: 1, clock: { savedAt: NOW } });
    const list = await handleMessage({ type: 'snapshots.list' }, fromPopup, ctx);
    expect(list.ok && (list.data as unknown[]).length).toBe(2);
  });
});

describe('paper.mark', () => {
  it('queues a newly saved paper for its authors', async () => {
    await handleMessage(
      { type: 'paper.mark', id: '2407.21783', at: 1, saved: true },
      fromPage,
      ctx,
    );
    await handleMessage({ type: 'paper.mark', id: '2407.21783', at: 2, read: true }, fromPage, ctx);
    expect(queued).toEqual([['2407.21783']]);
  });
});

describe('transfer.import of other formats, and entries to skip', () => {
  const bibtex = [
    '@misc{dubey_llama_2024,',
    '\ttitle = {The {Llama} 3 {Herd} of {Models}},',
    '\turl = {http://arxiv.org/abs/2407.21783},',
    '}',
    '@book{goodfellow_deep_2016,',
    '\ttitle = {Deep {Learning}},',
    '}',
  ].join('\n');

  it('refuses a file with an entry that names no paper, unless told to skip it', async () => {
    const refused = await handleMessage({ type: 'transfer.import', text: bibtex }, fromPopup, ctx);
    expect(refused).toEqual({
      ok: false,
      error: 'Nothing was imported. entry 2 (key goodfellow_deep_2016, line 5): no arXiv id',
    });
    expect(await db.marks.count()).toBe(0);

    const reply = await handleMessage(
      { type: 'transfer.import', text: bibtex, skipInvalid: true },
      fromPopup,
      ctx,
    );
    expect(reply).toEqual({
      ok: true,
      data: { kind: 'bibtex', report: { added: 1, updated: 0, unchanged: 0, skipped: 1 } },
    });
    expect(announced).toEqual([{ '2407.21783': { saved: true, read: false, v: NOW } }]);
    expect(queued).toEqual([['2407.21783']]);
    expect(await db.papers.get('2407.21783')).toMatchObject({
      title: 'The Llama 3 Herd of Models',
    });
  });

  it('imports the good lines of a list when told to skip the bad ones', async () => {
    const reply = await handleMessage(
      { type: 'transfer.import', text: '2407.21783\nnot a paper\n2407.21770', skipInvalid: true },
      fromPopup,
      ctx,
    );
    expect(reply).toMatchObject({
      ok: true,
      data: { kind: 'list', report: { added: 2, skipped: 1 } },
    });
  });

  it('still refuses a damaged backup whole, even told to skip', async () => {
    const reply = await handleMessage(
      { type: 'transfer.import', text: '{"format": "paper-queue-backup"', skipInvalid: true },
      fromPopup,
      ctx,
    );
    expect(reply).toMatchObject({ ok: false, error: /^Nothing was imported\. Not valid JSON/ });
  });

  it('answers a binary file with one sentence, and changes nothing', async () => {
    await markPaper(db, { id: '2407.21783', saved: true }, 1);
    const pdf = `%PDF-1.7\n%\uFFFD\uFFFD\n1 0 obj\n<< /Length 5 >>\nstream\n\u0000\u0001\u0002`;
    const reply = await handleMessage({ type: 'transfer.import', text: pdf }, fromPopup, ctx);
    expect(reply).toEqual({
      ok: false,
      error:
        'This file is not text Paper Queue can read (it looks like a PDF). Nothing was imported.',
    });
    expect(await db.marks.count()).toBe(1);
    expect(await db.snapshots.count()).toBe(0);
  });

  it('refuses a skipInvalid that is not a boolean', async () => {
    const reply = await handleMessage(
      { type: 'transfer.import', text: '2407.21783', skipInvalid: 'yes' },
      fromPopup,
      ctx,
    );
    expect(reply).toMatchObject({ ok: false, error: /at skipInvalid/ });
  });
});
