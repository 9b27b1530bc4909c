// Fetching authors from the paper API, politely: recorded payloads, an injected fetch and a
// fake clock. 429 with Retry-After, 503, offline, at most two requests at a time.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MetadataFetcher } from '../../src/background/metadata/metadata-fetcher';
import { retryAfterMs } from '../../src/background/metadata/retry-after';
import { openDatabase, type PaperQueueDB } from '../../src/db/database';
import { savedPapersWithoutAuthors, storeFetchedPaper } from '../../src/db/enrichment';
import { recordSeen } from '../../src/db/marks';
import type { FetchedPaper } from '../../src/shared/model';
import { readApiPaper } from '../../src/site/huggingface/api';
import { markPaper } from '../support/decisions';
import { LISTING_2024, readFixture, readProps } from '../support/fixtures';

/** An `/api/papers/<id>` body built from the saved listing's island (the same fields). */
function apiBody(id: string): unknown {
  const item = readProps(LISTING_2024).dailyPapers.find((d) => d.paper.id === id);
  if (item) return item.paper;
  const recorded = JSON.parse(readFixture('hf/api-daily_papers-item-2024-10-25.json'));
  if (recorded.paper.id === id) return recorded.paper;
  throw new Error(`no fixture for ${id}`);
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

function fakeClock() {
  const clock = { t: 1_000_000, slept: [] as number[] };
  return {
    clock,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      clock.t += ms;
    },
  };
}

describe('readApiPaper', () => {
  it('reads authors (not hidden ones), summary, date and title from a recorded payload', () => {
    const paper = readApiPaper('2407.21781', apiBody('2407.21781'));
    expect(paper?.authors).toHaveLength(5); // 6 listed, one hidden
    const recorded = readApiPaper('2410.17243', apiBody('2410.17243'));
    expect(recorded).toMatchObject({
      id: '2410.17243',
      title: 'Breaking the Memory Barrier: Near Infinite Batch Size Scaling for Contrastive Loss',
      publishedAt: '2024-10-22T17:59:30.000Z',
    });
    expect(recorded?.authors.slice(0, 2)).toEqual(['Zesen Cheng', 'Hang Zhang']);
    expect(readApiPaper('2407.21783', apiBody('2407.21686'))).toBeNull(); // another paper
    expect(readApiPaper('2407.21783', '<html>')).toBeNull();
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('120', 0)).toBe(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', Date.UTC(2015, 9, 21, 7, 27))).toBe(
      60_000,
    );
    expect(retryAfterMs('soon', 0)).toBeNull();
    expect(retryAfterMs(null, 0)).toBeNull();
  });
});

describe('MetadataFetcher', () => {
  let stored: FetchedPaper[];
  beforeEach(() => {
    stored = [];
  });
  const store = async (paper: FetchedPaper) => {
    stored.push(paper);
  };

  it('never has more than two requests in flight', async () => {
    const { now, sleep } = fakeClock();
    let inFlight = 0;
    let most = 0;
    const ids = ['2407.21783', '2407.21705', '2407.21770', '2407.21646', '2407.21772'];
    const fetcher = new MetadataFetcher({
      now,
      sleep,
      store,
      fetch: async (url) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return json(apiBody(url.split('/').pop() as string));
      },
    });
    fetcher.enqueue(ids);
    fetcher.enqueue(ids); // queued twice: fetched once
    await fetcher.idle();
    expect(most).toBe(2);
    expect(stored.map((p) => p.id).sort()).toEqual([...ids].sort());
    expect(stored.find((p) => p.id === '2407.21783')?.authors).toHaveLength(533);
  });

  it('waits as long as a 429 Retry-After says, pausing the whole queue', async () => {
    const { clock, now, sleep } = fakeClock();
    const calls: [string, number][] = [];
    let limited = false;
    const fetcher = new MetadataFetcher({
      now,
      sleep,
      store,
      fetch: async (url) => {
        const id = url.split('/').pop() as string;
        calls.push([id, clock.t]);
        if (!limited) {
          limited = true;
          return new Response('slow down', { status: 429, headers: { 'retry-after': '30' } });
        }
        return json(apiBody(id));
      },
      concurrency: 1,
    });
    fetcher.enqueue(['2407.21783', '2407.21705']);
    await fetcher.idle();
    expect(calls).toEqual([
      ['2407.21783', 1_000_000],
      ['2407.21783', 1_030_000],
      ['2407.21705', 1_030_000],
    ]);
    expect(clock.slept).toEqual([30_000]);
    expect(stored).toHaveLength(2);
  });

  it('backs off exponentially on 503 and gives up after the last attempt', async () => {
    const { clock, now, sleep } = fakeClock();
    const fetcher = new MetadataFetcher({
      now,
      sleep,
      store,
      fetch: async () => new Response('down', { status: 503 }),
      backoffMs: 1000,
      maxAttempts: 4,
    });
    fetcher.enqueue(['2407.21783']);
    await fetcher.idle();
    expect(clock.slept).toEqual([1000, 2000, 4000]);
    expect(fetcher.outcomes.get('2407.21783')).toBe('gave-up');
    expect(stored).toEqual([]);
  });

  it('retries later when offline (fetch rejects), then succeeds once back online', async () => {
    const { clock, now, sleep } = fakeClock();
    let online = false;
    const fetcher = new MetadataFetcher({
      now,
      sleep: async (ms) => {
        await sleep(ms);
        online = clock.slept.length >= 2;
      },
      store,
      fetch: async (url) => {
        if (!online) throw new TypeError('Failed to fetch');
        return json(apiBody(url.split('/').pop() as string));
      },
      offlineMs: 60_000,
    });
    fetcher.enqueue(['2407.21686']);
    await fetcher.idle();
    expect(clock.slept).toEqual([60_000, 120_000]);
    expect(fetcher.outcomes.get('2407.21686')).toBe('stored');
  });

  it('leaves a paper the API does not know', async () => {
    const { now, sleep } = fakeClock();
    const fetcher = new MetadataFetcher({
      now,
      sleep,
      store,
      fetch: async () => new Response('Not found', { status: 404 }),
    });
    fetcher.enqueue(['2407.21783']);
    await fetcher.idle();
    expect(fetcher.outcomes.get('2407.21783')).toBe('not-found');
  });
});

describe('storing what the API said', () => {
  let db: PaperQueueDB;
  beforeEach(() => {
    db = openDatabase(`enrich-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  it('finds saved papers without authors and fills in metadata, never marks', async () => {
    await recordSeen(db, [{ id: '2407.21783', title: 'The Llama 3 Herd of Models' }], 10);
    await recordSeen(db, [{ id: '2407.21686', title: 'Avatar', authors: ['G. Moon'] }], 10);
    await markPaper(db, { id: '2407.21783', saved: true }, 20);
    await markPaper(db, { id: '2407.21686', saved: true }, 20);
    await markPaper(db, { id: '2410.17243', saved: true, read: true }, 30); // never seen
    expect((await savedPapersWithoutAuthors(db)).sort()).toEqual(['2407.21783', '2410.17243']);
    const marksBefore = await db.marks.toArray();
    for (const id of ['2407.21783', '2410.17243', '2407.21686']) {
      await storeFetchedPaper(db, readApiPaper(id, apiBody(id)) as FetchedPaper, 99);
    }
    expect(await db.marks.toArray()).toEqual(marksBefore);
    expect(await db.papers.get('2407.21783')).toMatchObject({
      title: 'The Llama 3 Herd of Models',
      publishedAt: '2024-07-31T17:54:27.000Z',
      firstSeenAt: 10,
      lastSeenAt: 10,
    });
    expect((await db.papers.get('2407.21783'))?.authors).toHaveLength(533);
    expect(await db.papers.get('2410.17243')).toMatchObject({
      title: 'Breaking the Memory Barrier: Near Infinite Batch Size Scaling for Contrastive Loss',
      firstSeenAt: 99,
    });
    expect((await db.papers.get('2407.21686'))?.authors).toEqual(['G. Moon']); // known: kept
    expect(await savedPapersWithoutAuthors(db)).toEqual([]);
  });
});
