// Any JSON sent as a message is refused with a reason (changing nothing) or has exactly its
// documented effect; the router never throws.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMessage, type RouterContext } from '../../../src/background/router';
import { openDatabase, type PaperQueueDB } from '../../../src/db/database';

const RUNS = 1000;
const ID = 'abcdefghijklmnopabcdefghijklmnop';
const fromPage = { id: ID, url: 'https://huggingface.co/papers', tab: {} };
const fromPopup = { id: ID, url: `chrome-extension://${ID}/src/popup/index.html` };

let db: PaperQueueDB;
/**
 * Decision times: each accepted decision is the latest one (a later decision wins, so an
 * older one would rightly change nothing). Generated messages carry `at: NOW` where a real
 * sender puts its clock; a broken message may have lost or retyped it.
 */
const NOW = 'now';
let clock = 1_000_000;
const ctx: RouterContext = {
  now: () => clock + 1_000,
  db: () => db,
  extensionId: ID,
  extensionOrigin: `chrome-extension://${ID}/`,
  announce: async () => {},
  markReadOnOpen: async () => false,
  download: async () => {},
};
beforeAll(() => {
  db = openDatabase(`router-property-${crypto.randomUUID()}`);
});
afterAll(() => db.delete());

const goodId = fc.constantFrom('2407.21783', '2408.00001', '2501.12345', '2312.99999');
const ids = fc.oneof(goodId, fc.constantFrom('2407.2178', 'x', '', '2407.21783v2x'));
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), ids, fc.boolean());
const wanted = fc.record({ saved: fc.boolean(), read: fc.boolean() }, { requiredKeys: [] });
const paper = fc.record({ id: goodId, title: fc.string({ minLength: 1, maxLength: 30 }) });
/** Well-formed messages of every kind a page may send… */
const validMessage = fc.oneof(
  fc.record({ type: fc.constant('papers.seen'), papers: fc.array(paper, { maxLength: 3 }) }),
  fc.record({ type: fc.constant('papers.states'), ids: fc.array(goodId, { maxLength: 3 }) }),
  fc.tuple(goodId, wanted, fc.option(paper, { nil: undefined })).map(([id, w, p]) => ({
    type: 'paper.mark',
    id,
    at: NOW,
    ...w,
    ...(p ? { paper: { ...p, id } } : {}),
  })),
  fc.record({
    type: fc.constant('papers.set'),
    at: fc.constant(NOW),
    marks: fc.dictionary(goodId, wanted),
  }),
  fc.record({ type: fc.constant('paper.opened'), id: goodId }),
  fc.record({
    type: fc.constant('paper.annotate'),
    id: goodId,
    at: fc.constant(NOW),
    note: fc.string({ maxLength: 20 }),
    pinned: fc.boolean(),
  }),
  fc.record({ type: fc.constant('snapshots.list') }),
);
/** …the same, broken in one place: a field dropped, retyped or added… */
const brokenMessage = fc
  .tuple(validMessage, fc.nat(), fc.constantFrom('drop', 'retype', 'add'), anyValue)
  .map(([message, pick, how, value]) => {
    const copy: Record<string, unknown> = { ...message };
    const keys = Object.keys(copy);
    const key = keys[pick % keys.length] ?? 'type';
    if (how === 'drop') delete copy[key];
    else if (how === 'retype') copy[key] = value;
    else copy.unexpected = value;
    return copy;
  });
const nearMessage = fc.oneof(validMessage, brokenMessage);
/** …and anything at all. */
const message = fc.oneof(nearMessage, fc.jsonValue({ maxDepth: 4 }), fc.anything());

async function dump() {
  return JSON.stringify([await db.papers.toArray(), await db.marks.toArray()]);
}

let tried = 0;
let refused = 0;
describe('the router under arbitrary messages', () => {
  it('never throws; a refusal has a reason and changes nothing; a mark has its effect', async () => {
    await fc.assert(
      fc.asyncProperty(message, fc.boolean(), async (generated, page) => {
        clock += 10;
        const raw =
          typeof generated === 'object' && generated !== null && 'at' in generated
            ? { ...generated, at: generated.at === NOW ? clock : generated.at }
            : generated;
        const before = await dump();
        tried++;
        const reply = await handleMessage(raw, page ? fromPage : fromPopup, ctx);
        expect(typeof reply.ok).toBe('boolean');
        if (!reply.ok) {
          expect(reply.error).toMatch(/\S/);
          expect(await dump()).toBe(before);
          refused++;
          return;
        }
        const request = raw as { type: string; id: string; saved?: boolean; read?: boolean };
        if (request.type === 'paper.mark') {
          const mark = await db.marks.get(request.id);
          if (request.saved !== undefined) expect((mark?.savedAt ?? 0) > 0).toBe(request.saved);
          if (request.read !== undefined) expect((mark?.readAt ?? 0) > 0).toBe(request.read);
        }
        if (request.type === 'papers.set') {
          const marks = (raw as { marks: Record<string, { saved?: boolean; read?: boolean }> })
            .marks;
          for (const [id, wanted] of Object.entries(marks)) {
            const mark = await db.marks.get(id);
            if (wanted.saved !== undefined) expect((mark?.savedAt ?? 0) > 0).toBe(wanted.saved);
            if (wanted.read !== undefined) expect((mark?.readAt ?? 0) > 0).toBe(wanted.read);
          }
        }
      }),
      { numRuns: RUNS, seed: 8 },
    );
    // The generator must reach both sides of the boundary, or the property says little.
    expect(tried).toBeGreaterThanOrEqual(RUNS);
    expect(refused).toBeGreaterThan(RUNS / 4);
    expect(tried - refused).toBeGreaterThan(RUNS / 20);
    console.info(
      `router property: ${tried} messages, ${refused} refused, ${tried - refused} applied`,
    );
  }, 60_000);
});
