#!/usr/bin/env node
// `npm run bench:index`: the mark index (src/shared/mark-index.ts) with 50,000 marks in the
// database, in headless Chromium with the test build. A benchmark, not a test: it prints a
// table and writes bench-results/index.json. `-- --quick` takes fewer rounds.
//
// What it measures, and where:
//   - the index's size in storage.local (JSON and what Chrome's getBytesInUse counts);
//   - the background's own code writing it (src/background/mark-index.ts: rebuildIndex, and
//     syncIndex after one change), timed in an extension page this script adds to a copy of
//     the test build (scripts/bench-index-harness.ts): the same database and storage.local as
//     the worker, so the same work; the storage.local calls are timed apart;
//   - the same through the real service worker: a `paper.mark` message from that page, until
//     its reply (written, index synced, badge set) and until the page hears the index change;
//   - what a listing page pays for it at document_start, on a page of 1,000 cards (30 % of
//     them read, among the 50,000): a `storage.local.get(null)` run in the content script's
//     own world (CDP Runtime.evaluate in the extension's isolated world of that tab, sent as
//     soon as the browser reports the world created, so beside the content script's own read);
//     the content script's own read, at most the time from the page's first script (run
//     before the content script) to the moment the read was applied (it then sets the
//     read-filter mode on <html>, which the page sees; decoding the index is inside this);
//     and read cards painted (the ResizeObserver method of bench-first-paint.mjs). Loaded
//     first with only the page's own marks in the index, then with all 50,000;
//   - for comparison, the badge's count, which the background also runs after every change;
//   - for reference, `storage.local.get(null)` and decoding every shard in the extension page.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { listingPage, makePapers } from '../test/support/card-factory.mjs';
import { serveHuggingFace } from '../test/support/huggingface-routes.mjs';
import { launchWithExtension } from '../test/support/launch-chromium.mjs';
import { loadMeasured } from './bench-first-paint.mjs';
import { machine, median } from './bench-lib.mjs';

const QUICK = process.argv.includes('--quick');
const MARKS = Number(process.env.BENCH_MARKS ?? 50_000);
const ROUNDS = QUICK ? 3 : 9;
const LOADS = QUICK ? 3 : 8;
const TARGETS = { readCardsPainted: 0 };

// A copy of the test build with the harness page in it (never shipped; removed after).
const extensionDir = mkdtempSync(join(tmpdir(), 'paper-queue-bench-index-'));
cpSync('dist-test', extensionDir, { recursive: true });
await build({
  configFile: false,
  logLevel: 'warn',
  define: { __PAPER_QUEUE_TEST_HOOKS__: 'false' },
  build: {
    outDir: extensionDir,
    emptyOutDir: false,
    target: 'es2022',
    lib: {
      entry: 'scripts/bench-index-harness.ts',
      formats: ['iife'],
      name: 'benchIndexHarness',
      fileName: () => 'bench-index.js',
    },
  },
});
writeFileSync(
  join(extensionDir, 'bench-index.html'),
  '<!doctype html><meta charset="utf-8"><title>bench-index</title><script src="bench-index.js"></script>',
);

// The listing loaded: 1,000 cards whose papers are among the marks, a third of them read.
const PAGE_PATH = '/papers/date/2026-06-01';
const pagePapers = makePapers(1000, 1, '2606');
const pageRead = pagePapers
  .filter((_, i) => i % 3 === 1)
  .map((p) => ({ id: p.id, saved: false, read: true }));
const BLANK = '/__bench__/blank';

/** The other marks: spread over four years of monthly shards, mostly read, some saved. */
function otherMarks(count) {
  const months = [];
  for (let y = 23; y <= 26; y++)
    for (let m = 1; m <= 12; m++) months.push(`${y}${String(m).padStart(2, '0')}`);
  return Array.from({ length: count }, (_, i) => {
    const kind = i % 4; // saved / read / both / read
    return {
      id: `${months[i % months.length]}.${String(10_000 + Math.floor(i / months.length)).padStart(5, '0')}`,
      saved: kind === 0 || kind === 2,
      read: kind !== 0,
    };
  });
}

const started = Date.now();
const progress = (what) =>
  console.error(`[${((Date.now() - started) / 60_000).toFixed(1)} min] ${what}`);
const loadAtStart = machine().loadAverage;

const { context, extensionId, close } = await launchWithExtension({ extensionDir });
await serveHuggingFace(context, {
  pages: { [PAGE_PATH]: listingPage(pagePapers), [BLANK]: '<!doctype html><title>Blank</title>' },
  styled: true,
});
const harness = await context.newPage();
await harness.goto(`chrome-extension://${extensionId}/bench-index.html`);
await harness.waitForFunction(() => document.title === 'bench-index ready');
const call = (name, ...args) =>
  harness.evaluate(({ name, args }) => globalThis.benchIndex[name](...args), { name, args });

const summary = (xs) => ({
  median: median(xs),
  min: Math.min(...xs),
  max: Math.max(...xs),
  n: xs.length,
});

/**
 * Loads the listing `LOADS` times and reads, in the content script's own world, how long a
 * storage.local.get(null) takes there at document_start; and, from the page, when the
 * content script's own read was applied and whether any read card was painted.
 */
async function loadListing() {
  const loads = [];
  for (let i = 0; i < LOADS; i++) {
    const load = await loadMeasured(context, PAGE_PATH, {
      beforeGoto: async (page) => {
        const cdp = await context.newCDPSession(page);
        const world = {};
        cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
          if (c.name !== 'Paper Queue' || c.auxData?.type !== 'isolated' || world.createdWall)
            return;
          world.createdWall = Date.now();
          world.read = cdp.send('Runtime.evaluate', {
            contextId: c.id,
            awaitPromise: true,
            returnByValue: true,
            expression: `(async () => {
              const applied = document.documentElement.hasAttribute('data-paper-queue-mode');
              const t0 = performance.now();
              const items = await chrome.storage.local.get(null);
              const ms = performance.now() - t0;
              return { ms, issuedAt: t0, keys: Object.keys(items).length, ownReadAppliedBefore: applied };
            })()`,
          });
        });
        await cdp.send('Runtime.enable');
        return {
          after: async () => {
            const { result } = (await world.read) ?? {};
            await cdp.detach();
            return { world: { createdWall: world.createdWall, ...result?.value } };
          },
        };
      },
    });
    loads.push(load);
  }
  const readIds = new Set(pageRead.map((m) => m.id));
  return {
    worldGetMs: summary(loads.map((l) => l.world.ms)),
    worldGetIssuedAfterNavigationMs: summary(loads.map((l) => l.world.issuedAt)),
    ownReadAppliedBeforeWorldGet: loads.filter((l) => l.world.ownReadAppliedBefore).length,
    // The content script's own read cannot be timed from outside its world; the page's clock
    // bounds it: the script starts once <html> exists, after the page's first script (an
    // init script, run before <html> exists: checked, `contentScriptBeforeFirstPageScript`
    // counts the loads where it was not), so its read, decoding included, took at most the
    // time from that script to the read applied.
    ownReadAtMostMs: summary(loads.map((l) => l.modeAt - l.initAt)),
    ownReadAfterResponseStartMs: summary(loads.map((l) => l.modeAt - l.responseStart)),
    contentScriptBeforeFirstPageScript: loads.filter((l) => l.runBeforeInit).length,
    ownReadAppliedAfterNavigationMs: summary(loads.map((l) => l.modeAt)),
    fcpMs: summary(loads.map((l) => l.fcp)),
    appliedBeforeFcp: loads.filter((l) => l.modeAt < l.fcp).length,
    readCardsPainted: loads.reduce(
      (sum, l) => sum + l.displayed.filter((id) => readIds.has(id)).length,
      0,
    ),
    readHiddenMin: Math.min(...loads.map((l) => l.readHidden)),
    loads: loads.length,
  };
}

// 1. Only the page's own marks (a third of its papers read), as on a returning visit.
progress('the page’s own marks');
await call('seed', pageRead);
await call('rebuild');
const small = { size: await call('size'), listing: await loadListing() };

// 2. All of them.
progress(`${MARKS.toLocaleString('en')} marks`);
const seeded = await call('seed', otherMarks(MARKS - pageRead.length));
const rebuilds = [];
for (let i = 0; i < ROUNDS; i++) rebuilds.push(await call('rebuild'));
const size = await call('size');
progress('one change');
const changes = [];
for (let i = 0; i < ROUNDS; i++) changes.push(await call('oneChange', '2301.10000', i % 2 === 0));
const badges = [];
for (let i = 0; i < ROUNDS; i++) badges.push(await call('badgeCount'));
const reads = [];
for (let i = 0; i < ROUNDS; i++) reads.push(await call('readAll'));
progress('through the worker');
const workerOne = [];
const workerRebuild = [];
for (let i = 0; i < ROUNDS; i++) {
  workerOne.push(await call('throughWorker', '2302.10000', i % 2 === 0, false));
  workerRebuild.push(await call('throughWorker', '2303.10000', i % 2 === 0, true));
}
progress('listing loads');
const big = { listing: await loadListing() };
await harness.close();
const chromium = context.browser()?.version();
await close();
rmSync(extensionDir, { recursive: true, force: true });

const pick = (rows, key) => summary(rows.map((r) => r[key]));
const results = {
  date: new Date().toISOString(),
  quick: QUICK,
  machine: machine({ chromium, loadAtStart, loadAtEnd: machine().loadAverage }),
  marks: seeded.count,
  seedMs: seeded.ms,
  index: size,
  rebuild: {
    totalMs: pick(rebuilds, 'ms'),
    storageSetMs: pick(rebuilds, 'set'),
    storageGetMs: pick(rebuilds, 'get'),
    setBytes: rebuilds[0].setBytes,
    shards: rebuilds[0].shards,
  },
  oneChange: {
    databaseWriteMs: pick(changes, 'writeMs'),
    syncMs: pick(changes, 'syncMs'),
    storageSetMs: pick(changes, 'set'),
    setBytes: changes[0].setBytes,
    shards: changes[0].shards,
  },
  badgeCountMs: pick(badges, 'ms'),
  extensionPageRead: {
    getMs: pick(reads, 'getMs'),
    decodeMs: pick(reads, 'decodeMs'),
    marks: reads[0].marks,
  },
  worker: {
    oneChange: { replyMs: pick(workerOne, 'replyMs'), heardMs: pick(workerOne, 'heardMs') },
    rebuild: { replyMs: pick(workerRebuild, 'replyMs'), heardMs: pick(workerRebuild, 'heardMs') },
  },
  listing: {
    pageMarksOnly: { marks: pageRead.length, index: small.size, ...small.listing },
    allMarks: big.listing,
  },
};

const ms = (s) => `${s.median.toFixed(1)} ms (${s.min.toFixed(1)}–${s.max.toFixed(1)}, n ${s.n})`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const { pageMarksOnly, allMarks } = results.listing;
const rows = {
  'Index size in storage.local (getBytesInUse; JSON)': [
    `${kb(size.bytesInUse)}; ${kb(size.jsonBytes)} in ${size.shards} shards (largest ${kb(size.largestShardBytes)})`,
    `${pageRead.length} marks: ${kb(small.size.bytesInUse)}`,
  ],
  'Full rebuild, background code (of which storage.local.set)': [
    `${ms(results.rebuild.totalMs)} (set ${ms(results.rebuild.storageSetMs)})`,
    `${kb(results.rebuild.setBytes)} written`,
  ],
  'One change: database write; index sync (of which set)': [
    `${ms(results.oneChange.databaseWriteMs)}; ${ms(results.oneChange.syncMs)} (set ${ms(results.oneChange.storageSetMs)})`,
    `${results.oneChange.shards} shard, ${kb(results.oneChange.setBytes)} written`,
  ],
  'Badge count after every change, background code (for comparison)': [
    ms(results.badgeCountMs),
    'countUnreadSaved: the reply waits for it too',
  ],
  'Through the worker, one change: reply; index change heard': [
    `${ms(results.worker.oneChange.replyMs)}; ${ms(results.worker.oneChange.heardMs)}`,
    'paper.mark from an extension page',
  ],
  'Through the worker, full rebuild: reply; index heard': [
    `${ms(results.worker.rebuild.replyMs)}; ${ms(results.worker.rebuild.heardMs)}`,
    'index version removed first',
  ],
  'Content script’s world: storage.local.get(null) at document_start': [
    `${ms(allMarks.worldGetMs)}`,
    `${pageRead.length} marks only: ${ms(pageMarksOnly.worldGetMs)}`,
  ],
  'Content script’s own read, decoding included: at most': [
    ms(allMarks.ownReadAtMostMs),
    `${pageRead.length} marks only: ${ms(pageMarksOnly.ownReadAtMostMs)} (the page’s first script → read applied; script first in ${allMarks.contentScriptBeforeFirstPageScript + pageMarksOnly.contentScriptBeforeFirstPageScript} of ${allMarks.loads + pageMarksOnly.loads} loads)`,
  ],
  'Own read applied, after navigation start; before first paint': [
    `${ms(allMarks.ownReadAppliedAfterNavigationMs)}; ${allMarks.appliedBeforeFcp} of ${allMarks.loads} before FCP (${ms(allMarks.fcpMs)})`,
    `${pageRead.length} marks only: ${ms(pageMarksOnly.ownReadAppliedAfterNavigationMs)}; ${pageMarksOnly.appliedBeforeFcp} of ${pageMarksOnly.loads}`,
  ],
  'Read cards painted on the 1,000-card page (all loads)': [
    `${allMarks.readCardsPainted} (of ${pageRead.length} read × ${allMarks.loads})`,
    `${pageRead.length} marks only: ${pageMarksOnly.readCardsPainted}`,
  ],
  'Extension page (stand-in): storage.local.get(null); decode every shard': [
    `${ms(results.extensionPageRead.getMs)}; ${ms(results.extensionPageRead.decodeMs)}`,
    `${results.extensionPageRead.marks} marks decoded`,
  ],
};
console.log(
  `\nPaper Queue mark index, ${results.marks.toLocaleString('en')} marks${QUICK ? ' (quick)' : ''} — ${machine().cpus} cores, ${machine().cpu}, Chromium ${chromium}; load average ${loadAtStart[0]} at the start, ${machine().loadAverage[0]} at the end`,
);
console.table(
  Object.fromEntries(Object.entries(rows).map(([k, [value, note]]) => [k, { value, note }])),
);
const painted = allMarks.readCardsPainted + pageMarksOnly.readCardsPainted;
console.log(
  `${painted === TARGETS.readCardsPainted ? 'meets ' : 'MISSES'}  read cards painted with ${results.marks.toLocaleString('en')} marks in the index: 0`,
);
mkdirSync('bench-results', { recursive: true });
const file = QUICK ? 'bench-results/index-quick.json' : 'bench-results/index.json';
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`Written to ${file}`);
