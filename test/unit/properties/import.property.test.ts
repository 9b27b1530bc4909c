// A truncated backup never changes anything; a garbled one is refused with nothing changed,
// or, where the damage left a valid file, imported in one piece. The router never throws.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMessage, type RouterContext } from '../../../src/background/router';
import { openDatabase, type PaperQueueDB } from '../../../src/db/database';
import { recordSeen } from '../../../src/db/marks';
import { readBackup } from '../../../src/db/transfer';
import { toBackupJson } from '../../../src/shared/backup/format';
import { markPaper } from '../../support/decisions';
import { LISTING_2024, readProps } from '../../support/fixtures';

const RUNS = 300;
const ID = 'abcdefghijklmnopabcdefghijklmnop';
const fromPopup = { id: ID, url: `chrome-extension://${ID}/src/popup/index.html` };

let source: PaperQueueDB;
let target: PaperQueueDB;
let backupText = '';
let idListText = '';
const ctx: RouterContext = {
  db: () => target,
  extensionId: ID,
  extensionOrigin: `chrome-extension://${ID}/`,
  announce: async () => {},
};

const papers = readProps(LISTING_2024).dailyPapers.map(({ paper }) => ({
  id: paper.id,
  title: paper.title,
  authors: paper.authors.map((a) => a.name),
}));

beforeAll(async () => {
  source = openDatabase(`import-source-${crypto.randomUUID()}`);
  target = openDatabase(`import-target-${crypto.randomUUID()}`);
  await recordSeen(source, papers, 1000);
  for (const [i, { id }] of papers.entries()) {
    await markPaper(source, { id, saved: i % 2 === 0, read: i % 3 === 0 }, 2000 + i);
  }
  backupText = toBackupJson(await readBackup(source, { kind: 'everything' }, 3000));
  idListText = papers.map((p) => `https://huggingface.co/papers/${p.id}`).join('\n');
  // The user's own data, which a bad file must leave alone.
  await recordSeen(target, papers.slice(0, 3), 500);
  await markPaper(target, { id: papers[0]?.id as string, saved: true }, 600);
});
afterAll(async () => {
  await source.delete();
  await target.delete();
});

async function dump() {
  return JSON.stringify([
    await target.papers.toArray(),
    await target.marks.toArray(),
    await target.snapshots.count(),
  ]);
}
const importing = (text: string) =>
  handleMessage({ type: 'transfer.import', text }, fromPopup, ctx);

describe('importing damaged files', () => {
  it(`refuses every truncated backup and changes nothing (${RUNS} cuts)`, async () => {
    const before = await dump();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: backupText.length - 2 }), async (cut) => {
        const reply = await importing(backupText.slice(0, cut));
        expect(reply).toEqual({ ok: false, error: expect.stringMatching(/\S/) });
        expect(await dump()).toBe(before);
      }),
      { numRuns: RUNS, seed: 8 },
    );
  });

  it('refuses an id list cut inside its last id and changes nothing', async () => {
    const before = await dump();
    const lastLine = idListText.lastIndexOf('\n') + 1;
    const lastId = idListText.lastIndexOf('/') + 1;
    for (let cut = lastLine + 1; cut < lastId + 9; cut++) {
      expect((await importing(idListText.slice(0, cut))).ok).toBe(false);
    }
    expect(await dump()).toBe(before);
  });

  it(`refuses a garbled backup with nothing changed, or imports it whole (${RUNS} runs)`, async () => {
    let refused = 0;
    const edit = fc.record({
      at: fc.nat(),
      how: fc.constantFrom('delete', 'insert', 'replace'),
      char: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', '\u0000', 'x', '9', ' '),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 5 }), async (edits) => {
        let text = backupText;
        for (const { at, how, char } of edits) {
          const i = at % text.length;
          const rest = text.slice(how === 'insert' ? i : i + 1);
          text = text.slice(0, i) + (how === 'delete' ? '' : char) + rest;
        }
        const before = await dump();
        const beforeMarks = await target.marks.count();
        const reply = await importing(text);
        if (!reply.ok) {
          refused++;
          expect(reply.error).toMatch(/\S/);
          expect(await dump()).toBe(before);
          return;
        }
        // Accepted: it was still a valid backup, merged whole (nothing deleted).
        expect(await target.marks.count()).toBeGreaterThanOrEqual(beforeMarks);
      }),
      { numRuns: RUNS, seed: 8 },
    );
    expect(refused).toBeGreaterThan(RUNS / 2);
    console.info(`import property: ${RUNS} garbled backups, ${refused} refused`);
  });
});
