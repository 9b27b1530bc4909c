// The content script's mark store (src/content/mark-store.ts): the mark index, replies and the
// outbox, ordered by version, so the same news heard twice is heard once and late news never
// overwrites newer news; decisions show at once and stay shown until the background has them.
import { describe, expect, it } from 'vitest';
import { MarkStore, type StorageChange } from '../../src/content/mark-store';
import { encodeShard, shardKey } from '../../src/shared/mark-index';
import type { PaperState } from '../../src/shared/model';
import type { OutboxEntry } from '../../src/shared/outbox';

const A = '2407.21783';
const B = '2407.21770';
const SAVED = { saved: true, read: false };
const READ = { saved: false, read: true };
const BOTH = { saved: true, read: true };

const shard = (states: [string, PaperState][], v: number) => ({
  [shardKey('2407')]: encodeShard('2407', states, v),
});
const changes = (items: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }])) as Record<
    string,
    StorageChange
  >;

const PAGE = 'https://huggingface.co/papers';

function store() {
  const written: [string, OutboxEntry][] = [];
  const removed: string[] = [];
  let flushed = 0;
  let n = 0;
  const s = new MarkStore({
    writeOutbox: async (key, entry) => void written.push([key, entry]),
    removeOutbox: async (key) => void removed.push(key),
    flush: async () => {
      flushed++;
    },
    nextOutboxKey: () => `paperQueue.outbox.t.${++n}`,
    pageUrl: () => PAGE,
    clock: () => 1000 + n,
  });
  const heard: string[][] = [];
  s.subscribe((ids) => heard.push([...ids]), new AbortController().signal);
  return { s, written, removed, heard, flushed: () => flushed };
}

describe('the mark store', () => {
  it('is ready once loaded, and knows every paper the index marks', () => {
    const { s } = store();
    expect(s.isReady()).toBe(false);
    s.load(shard([[A, SAVED]], 5));
    expect(s.isReady()).toBe(true);
    expect(s.shown(A)).toEqual(SAVED);
    expect(s.shown(B)).toEqual({ saved: false, read: false });
  });

  it('takes a newer shard, ignores an older one, and tells only the papers that changed', () => {
    const { s, heard } = store();
    s.load(shard([[A, SAVED]], 5));
    s.storageChanged(
      changes(
        shard(
          [
            [A, BOTH],
            [B, READ],
          ],
          7,
        ),
      ),
    );
    expect(heard.map((ids) => [...ids].sort())).toEqual([[B, A].sort()]);
    s.storageChanged(changes(shard([[A, SAVED]], 6))); // older news, arriving late
    expect(s.shown(A)).toEqual(BOTH);
    s.storageChanged(changes(shard([[B, READ]], 8))); // A unmarked since
    expect(s.shown(A)).toEqual({ saved: false, read: false });
    expect(heard.at(-1)).toEqual([A]);
  });

  it('orders replies and shards by one clock', () => {
    const { s } = store();
    s.load(shard([[A, SAVED]], 5));
    s.receive({ [A]: { ...BOTH, v: 4 } }); // older than the shard: ignored
    expect(s.shown(A)).toEqual(SAVED);
    s.receive({ [A]: { ...BOTH, v: 9 } }); // newer: shown
    expect(s.shown(A)).toEqual(BOTH);
    s.storageChanged(changes(shard([[A, SAVED]], 8))); // a shard older than the reply
    expect(s.shown(A)).toEqual(BOTH);
    s.storageChanged(changes(shard([[A, READ]], 10)));
    expect(s.shown(A)).toEqual(READ);
  });

  it('ignores a damaged shard instead of forgetting what it knows', () => {
    const { s } = store();
    s.load(shard([[A, SAVED]], 5));
    s.storageChanged(changes({ [shardKey('2407')]: { v: 9, marks: '21783x' } }));
    s.storageChanged(changes({ [shardKey('2407')]: 'garbage' }));
    expect(s.shown(A)).toEqual(SAVED);
  });

  it('shows a decision at once, writes it to the outbox with its time, and wakes the background', async () => {
    const { s, written, heard, flushed } = store();
    s.load({});
    const done = s.decide({ [A]: { saved: true } });
    expect(s.shown(A)).toEqual(SAVED);
    expect(heard).toEqual([[A]]);
    await Promise.resolve();
    expect(written).toEqual([
      ['paperQueue.outbox.t.1', { at: 1001, marks: { [A]: { saved: true } }, page: PAGE }],
    ]);
    await new Promise((r) => setTimeout(r));
    expect(flushed()).toBe(1);
    // The background applied it: the shard shows it, then the entry goes.
    s.storageChanged(changes(shard([[A, SAVED]], 12)));
    s.storageChanged({ 'paperQueue.outbox.t.1': {} });
    await done;
    expect(s.shown(A)).toEqual(SAVED);
  });

  it('shows other tabs’ decisions still in the outbox, and drops them once applied', () => {
    const { s } = store();
    s.load({});
    s.storageChanged(
      changes({
        'paperQueue.outbox.other.1': { at: 5, page: PAGE, marks: { [B]: { read: true } } },
      }),
    );
    expect(s.shown(B)).toEqual(READ);
    s.storageChanged({ 'paperQueue.outbox.other.1': {} });
    expect(s.shown(B)).toEqual({ saved: false, read: false });
  });

  it('reverts a decision the background could not write, with the reason', async () => {
    const { s, removed } = store();
    s.load({});
    const done = s.decide({ [A]: { read: true } });
    expect(s.shown(A)).toEqual(READ);
    s.storageChanged(
      changes({
        'paperQueue.outbox.t.1': {
          at: 1001,
          marks: { [A]: { read: true } },
          page: PAGE,
          failed: 'Storage is full',
        },
      }),
    );
    await expect(done).rejects.toThrow('Storage is full');
    expect(s.shown(A)).toEqual({ saved: false, read: false });
    expect(removed).toEqual(['paperQueue.outbox.t.1']);
  });

  it('applies decisions waiting in the outbox in the order they were made', () => {
    const { s } = store();
    s.load({
      ...shard([[A, SAVED]], 5),
      'paperQueue.outbox.x.2': { at: 20, page: PAGE, marks: { [A]: { saved: false } } },
      'paperQueue.outbox.x.1': { at: 10, page: PAGE, marks: { [A]: { saved: true, read: true } } },
    });
    expect(s.shown(A)).toEqual({ saved: false, read: true });
  });
});
