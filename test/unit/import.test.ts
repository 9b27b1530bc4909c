// Import: the whole file is validated before anything is written, a bad file changes nothing,
// a good one merges in one transaction (newer updatedAt wins). And the lossless round trip.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type PaperQueueDB } from '../../src/db/database';
import { applyIntents, recordSeen } from '../../src/db/marks';
import { importBackup, importIds, readBackup } from '../../src/db/transfer';
import { toBackupJson } from '../../src/shared/backup/format';
import { MAX_IMPORT_BYTES } from '../../src/shared/backup/limits';
import { parseBackup } from '../../src/shared/backup/parse-backup';
import { paperIdFromLine, readIdList } from '../../src/shared/backup/parse-id-list';
import { readImport } from '../../src/shared/backup/read-import';
import { markPaper } from '../support/decisions';
import { LISTING_2024, readProps } from '../support/fixtures';

let db: PaperQueueDB;
beforeEach(() => {
  db = openDatabase(`import-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const listing = readProps(LISTING_2024).dailyPapers.map(({ paper }) => {
  const p = paper as typeof paper & { publishedAt: string; summary: string; upvotes: number };
  return {
    id: p.id,
    title: p.title,
    authors: p.authors.filter((a) => !a.hidden).map((a) => a.name),
    summary: p.summary,
    publishedAt: p.publishedAt,
    upvotes: p.upvotes,
  };
});

/** Every paper of the listing seen; some saved, read, tagged, pinned, with notes. */
async function fillDatabase(target: PaperQueueDB) {
  await recordSeen(target, listing, 1000);
  const ids = listing.map((p) => p.id);
  for (const [i, id] of ids.slice(0, 8).entries()) {
    await markPaper(target, { id, saved: true, read: i % 3 === 0 }, 2000 + i);
  }
  const annotation = {
    tags: ['llm', 'to-cite'],
    note: 'Quotes " and \\ and\nnew lines, =HYPERLINK("x") </script> עברית',
    pinned: true,
  };
  await applyIntents(target, { [ids[1] as string]: annotation }, 5000, 5000);
  await markPaper(target, { id: ids[9] as string, read: true }, 3000); // read, never saved
}

async function dump(target: PaperQueueDB) {
  return {
    papers: await target.papers.orderBy('id').toArray(),
    marks: await target.marks.orderBy('id').toArray(),
  };
}

describe('the JSON backup', () => {
  it('round-trips: export, clear, import gives the identical database (new versions)', async () => {
    await fillDatabase(db);
    const before = await dump(db);
    const text = toBackupJson(await readBackup(db, { kind: 'everything' }, 9000));
    await db.papers.clear();
    await db.marks.clear();
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const outcome = await importBackup(db, parsed.value, 20_000);
    const after = await dump(db);
    // Every paper, decision and decision time as it was; each mark a write of this import,
    // so with a version of its own database clock.
    const unversioned = (marks: { updatedAt: number }[]) =>
      marks.map(({ updatedAt: _version, ...rest }) => rest);
    expect(after.papers).toEqual(before.papers);
    expect(unversioned(after.marks)).toEqual(unversioned(before.marks));
    for (const mark of after.marks) expect(mark.updatedAt).toBe(20_000);
    expect(outcome.report).toEqual({ added: 9, updated: 4, unchanged: 0 });
    expect(Object.keys(outcome.changed)).toHaveLength(9);
    // Importing the same file again changes nothing.
    expect((await importBackup(db, parsed.value)).report).toEqual({
      added: 0,
      updated: 0,
      unchanged: listing.length,
    });
  });

  it('merges per paper and field: the later decision wins, nothing local is removed', async () => {
    const [a, b, c] = listing.map((p) => p.id) as [string, string, string];
    await markPaper(db, { id: a, saved: true }, 100);
    await markPaper(db, { id: b, saved: true }, 100);
    const text = toBackupJson(await readBackup(db, { kind: 'everything' }, 150));
    await markPaper(db, { id: a, read: true }, 200); // local is newer than the file
    await markPaper(db, { id: c, saved: true }, 200); // only local
    const file = JSON.parse(text);
    const markOfB = file.marks.find((m: { id: string }) => m.id === b);
    markOfB.note = 'from the other browser';
    markOfB.clock.note = 300; // decided later in the file than anything here
    const parsed = parseBackup(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error);
    const { report } = await importBackup(db, parsed.value);
    expect(report).toEqual({ added: 0, updated: 1, unchanged: 1 });
    expect(await db.marks.get(a)).toMatchObject({ readAt: 200 });
    expect(await db.marks.get(b)).toMatchObject({ note: 'from the other browser' });
    expect(await db.marks.get(c)).toMatchObject({ savedAt: 200 });
  });

  it('reads a version 1 backup, whose marks count as decided when they last changed', async () => {
    const [a, b] = listing.map((p) => p.id) as [string, string];
    await markPaper(db, { id: a, saved: true }, 100);
    await markPaper(db, { id: b, saved: true }, 500);
    const v1 = {
      format: 'paper-queue-backup',
      version: 1,
      exportedAt: new Date(0).toISOString(),
      papers: [],
      marks: [a, b].map((id) => ({
        id,
        savedAt: 0,
        readAt: 300,
        updatedAt: 300,
        pinnedAt: 0,
        tags: [],
        note: '',
      })),
    };
    const parsed = parseBackup(JSON.stringify(v1));
    if (!parsed.ok) throw new Error(parsed.error);
    await importBackup(db, parsed.value);
    // a: the file's removal (300) is later than our save (100); b: our save (500) is later.
    expect(await db.marks.get(a)).toMatchObject({ savedAt: 0, readAt: 300 });
    expect(await db.marks.get(b)).toMatchObject({ savedAt: 500, readAt: 300 });
  });
});

describe('a refused import', () => {
  let valid: string;
  beforeEach(async () => {
    await fillDatabase(db);
    valid = toBackupJson(await readBackup(db, { kind: 'everything' }, 9000));
  });

  const refusals: [string, (text: string) => string, RegExp][] = [
    ['truncated', (t) => t.slice(0, t.length / 2), /^Not valid JSON \(truncated or damaged\?\)/],
    ['empty', () => '', /^Not valid JSON/],
    ['garbled bytes', (t) => `\u0000\uFFFD${t.slice(3)}`, /^Not valid JSON/],
    ['another format', (t) => t.replace('paper-queue-backup', 'zotero'), /format is not/],
    [
      'a newer version',
      (t) => t.replace('"version": 3', '"version": 4'),
      /version 4 is not supported/,
    ],
    ['an array', () => '[]', /expected a JSON object/],
    [
      'a bad field deep inside',
      (t) => {
        const file = JSON.parse(t);
        file.marks[3].savedAt = 'yesterday';
        return JSON.stringify(file);
      },
      /^marks\[3\]\.savedAt: Not a timestamp$/,
    ],
    [
      'a bad paper id',
      (t) => {
        const file = JSON.parse(t);
        file.papers[2].id = '../../etc';
        return JSON.stringify(file);
      },
      /^papers\[2\]\.id: Not an arXiv id/,
    ],
    [
      'an unknown field',
      (t) => {
        const file = JSON.parse(t);
        file.marks[0].evil = true;
        return JSON.stringify(file);
      },
      /^marks\[0\]\.evil:/,
    ],
    [
      'a duplicate mark',
      (t) => {
        const file = JSON.parse(t);
        file.marks.push(file.marks[0]);
        return JSON.stringify(file);
      },
      /^marks\[9\]\.id: .* appears twice \(also at marks\[0\]\)$/,
    ],
    ['oversized', (t) => t + ' '.repeat(MAX_IMPORT_BYTES), /larger than 20 MB/],
  ];

  it.each(refusals)('refuses %s with a reason and changes nothing', async (_what, damage, why) => {
    const before = await dump(db);
    const parsed = parseBackup(damage(valid));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(why);
    expect(await dump(db)).toEqual(before);
  });
});

describe('a list of ids and links', () => {
  it('reads ids, arXiv and Hugging Face links; skips blanks and comments', () => {
    const text = [
      '# my list',
      '2407.21783',
      'arXiv:2407.21770v2',
      '',
      'https://huggingface.co/papers/2407.21705',
      'https://arxiv.org/abs/2407.21772v1',
      'https://arxiv.org/pdf/2407.21646v3.pdf  ',
      'http://www.arxiv.org/pdf/2407.21630',
      '2407.21783',
    ].join('\r\n');
    expect(readIdList(text)).toEqual({
      papers: [
        '2407.21783',
        '2407.21770',
        '2407.21705',
        '2407.21772',
        '2407.21646',
        '2407.21630',
      ].map((id) => ({ id })),
      skipped: 0,
      problems: [],
    });
    expect(paperIdFromLine('https://example.com/papers/2407.21783')).toBeNull();
    expect(paperIdFromLine('javascript:alert(1)')).toBeNull();
  });

  it('reports every bad line with its number, and keeps the good ones', () => {
    expect(readIdList('2407.21783\nhello\n\nhttps://huggingface.co/models/x')).toEqual({
      papers: [{ id: '2407.21783' }],
      skipped: 2,
      problems: [
        'line 2: not an arXiv id or paper link: "hello"',
        'line 4: not an arXiv id or paper link: "https://huggingface.co/models/x"',
      ],
    });
    expect(readImport('\n# nothing\n')).toMatchObject({ ok: false, error: /no arXiv id/ });
  });

  it('saves listed papers in one transaction, leaving saved ones alone', async () => {
    await markPaper(db, { id: '2407.21783', saved: true }, 100);
    const outcome = await importIds(db, ['2407.21783', '2407.21770'], 500);
    expect(outcome.report).toEqual({ added: 1, updated: 0, unchanged: 1 });
    expect(outcome.changed).toEqual({ '2407.21770': { saved: true, read: false, v: 500 } });
    expect(await db.marks.get('2407.21783')).toMatchObject({ savedAt: 100 });
    expect(await db.marks.get('2407.21770')).toMatchObject({ savedAt: 500, updatedAt: 500 });
  });
});
