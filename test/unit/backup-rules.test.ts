// Mute and highlight rules in the JSON backup (format version 3): they go out with the
// export, come back with the import (joining the rules already there), and a malformed rule
// refuses the whole import with its field and reason, changing nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleMessage, type RouterContext } from '../../src/background/router';
import { openDatabase, type PaperQueueDB } from '../../src/db/database';
import { NO_RULES, type Rules } from '../../src/shared/rules';
import { markPaper } from '../support/decisions';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const fromPopup = { id: ID, url: `chrome-extension://${ID}/src/popup/index.html` };
const NOW = new Date(2026, 10, 25, 12).getTime();

let db: PaperQueueDB;
let stored: Rules;
let ctx: RouterContext;
beforeEach(() => {
  db = openDatabase(`backup-rules-${crypto.randomUUID()}`);
  stored = { ...NO_RULES };
  ctx = {
    db: () => db,
    extensionId: ID,
    extensionOrigin: `chrome-extension://${ID}/`,
    announce: async () => {},
    now: () => NOW,
    rules: {
      load: async () => stored,
      save: async (rules) => {
        stored = rules;
      },
    },
  };
});
afterEach(() => db.delete());

async function exportJson(): Promise<string> {
  const reply = await handleMessage(
    { type: 'transfer.export', scope: { kind: 'everything' }, format: 'json', deliver: 'text' },
    fromPopup,
    ctx,
  );
  if (!reply.ok) throw new Error(reply.error);
  return (reply.data as { text: string }).text;
}

const importText = (text: string) =>
  handleMessage({ type: 'transfer.import', text }, fromPopup, ctx);

describe('rules in the JSON backup', () => {
  it('round-trip: exported with the papers, brought back by the import', async () => {
    await markPaper(db, { id: '2407.21783', saved: true }, 1);
    const rules: Rules = {
      ...NO_RULES,
      mutedWords: ['diffusion', 'two words'],
      highlightedAuthors: ['Yann LeCun'],
      minUpvotes: 5,
    };
    stored = rules;
    const text = await exportJson();
    expect(JSON.parse(text)).toMatchObject({ version: 3, rules });
    stored = { ...NO_RULES };
    const reply = await importText(text);
    expect(reply).toMatchObject({ ok: true, data: { report: { rulesAdded: 4 } } });
    expect(stored).toEqual(rules);
    // Again: nothing new.
    expect(await importText(text)).toMatchObject({ ok: true, data: { report: { rulesAdded: 0 } } });
  });

  it('join the rules already there, never replace them', async () => {
    stored = { ...NO_RULES, mutedWords: ['survey'], highlightedAuthors: ['Ada Lovelace'] };
    const backup = {
      format: 'paper-queue-backup',
      version: 3,
      exportedAt: new Date(NOW).toISOString(),
      papers: [],
      marks: [],
      rules: { ...NO_RULES, mutedWords: ['Survey', 'benchmark'], minUpvotes: 3 },
    };
    expect(await importText(JSON.stringify(backup))).toMatchObject({ ok: true });
    expect(stored).toEqual({
      ...NO_RULES,
      mutedWords: ['survey', 'benchmark'],
      highlightedAuthors: ['Ada Lovelace'],
      minUpvotes: 3,
    });
  });

  it.each([
    ['an empty phrase', { mutedWords: ['ok', ''] }, /rules\.mutedWords\[1\]: An empty phrase/],
    ['a negative number', { minUpvotes: -4 }, /rules\.minUpvotes: Negative/],
    [
      'a 10 KB word list',
      { highlightedWords: Array.from({ length: 240 }, (_, i) => `a-rather-long-word-${i}`) },
      /rules\.highlightedWords: Longer than 4,000 characters/,
    ],
  ])('refuse a backup with %s, saying where, and change nothing', async (_name, bad, reason) => {
    await markPaper(db, { id: '2407.21770', saved: true }, 1);
    const before = await db.marks.toArray();
    stored = { ...NO_RULES, mutedWords: ['keep'] };
    const backup = {
      format: 'paper-queue-backup',
      version: 3,
      exportedAt: new Date(NOW).toISOString(),
      papers: [],
      marks: [],
      rules: { ...NO_RULES, ...bad },
    };
    const reply = await importText(JSON.stringify(backup));
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(reason) });
    expect(await db.marks.toArray()).toEqual(before);
    expect(await db.snapshots.count()).toBe(0);
    expect(stored).toEqual({ ...NO_RULES, mutedWords: ['keep'] });
  });

  it('refuse rules that would not fit together with yours, changing nothing', async () => {
    stored = {
      ...NO_RULES,
      mutedWords: Array.from({ length: 200 }, (_, i) => `local${i}`),
    };
    const backup = {
      format: 'paper-queue-backup',
      version: 3,
      exportedAt: new Date(NOW).toISOString(),
      papers: [],
      marks: [],
      rules: { ...NO_RULES, mutedWords: Array.from({ length: 100 }, (_, i) => `theirs${i}`) },
    };
    const reply = await importText(JSON.stringify(backup));
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/do not fit/) });
    expect(stored.mutedWords).toHaveLength(200);
  });

  it('still read version 2 backups, which have none', async () => {
    const v2 = {
      format: 'paper-queue-backup',
      version: 2,
      exportedAt: new Date(NOW).toISOString(),
      papers: [],
      marks: [],
    };
    expect(await importText(JSON.stringify(v2))).toMatchObject({ ok: true });
  });
});
