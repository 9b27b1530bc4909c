#!/usr/bin/env node
// `npm run bench`: how much the content script costs a listing page, in headless Chromium
// with the built extension (dist/), on pages of 100, 1,000 and 2,000 cards made from the real
// 2026 card markup. A benchmark, not a test: it prints a table, writes
// bench-results/content.json, and marks each figure against its target.
//
// Pages come with test/fixtures/site.css, the demo's stand-in for the site's stylesheet: the
// saved markup has none, and unstyled it renders both copies of every card, their hidden
// popovers, and every offscreen card, which the live site never does. The 1,000-card page is
// also measured unstyled, as a worst case.
// "Main-thread work" is CPU time of the page's main thread (CDP ThreadTime): it counts style,
// layout and paint as well as scripts, and unlike wall-clock task time it does not grow when
// the machine is busy elsewhere.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromium } from 'playwright-core';
import { listingPage, makePapers } from '../test/support/card-factory.mjs';
import { serveHuggingFace } from '../test/support/huggingface-routes.mjs';
import { chromePath, launchWithExtension } from '../test/support/launch-chromium.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,2000').split(',').map(Number);
// BENCH_LOAD_RUNS=0 skips the page-load comparison (the slow part) for a quick decorate check.
const LOAD_RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 7);
const TARGETS = { decorate1000Ms: 50, messagesPerBatch: 2, loadOverhead: 1.05, switchMs: 16 };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** Pages keyed by path: an empty listing to insert into, and full listings to load. */
const pages = { '/papers/date/2026-01-01': listingPage([]) };
const pagePath = (n, unstyled = false) =>
  `/papers/week/2026-W${String((n / 100) % 53).padStart(2, '0')}${unstyled ? '?unstyled' : ''}`;
for (const n of SIZES) pages[pagePath(n)] = listingPage(makePapers(n, 1, '2611'));
const WORST_CASE = 1000;
if (SIZES.includes(WORST_CASE)) {
  pages[pagePath(WORST_CASE, true)] = listingPage(makePapers(WORST_CASE, 1, '2611'));
}

/** CPU time of the page's main thread so far, in ms (CDP Performance metrics). */
async function threadTime(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ThreadTime').value * 1000;
}

/** Inserts n cards into the empty listing; measures until every copy has controls. */
async function measureInsertion(context, n) {
  const page = await context.newPage();
  await page.goto('https://huggingface.co/papers/date/2026-01-01');
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-paper-queue-stats'));
  const { cardsHtml } = await import('../test/support/card-factory.mjs');
  const html = cardsHtml(makePapers(n, 1, '2612'));
  const result = await page.evaluate(
    ({ html, expected }) =>
      new Promise((resolve) => {
        const stats = () =>
          JSON.parse(document.documentElement.getAttribute('data-paper-queue-stats'));
        const before = stats().messages;
        const longTasks = [];
        new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({
          type: 'longtask',
        });
        let seen = 0;
        let t0 = 0;
        new MutationObserver((records) => {
          for (const r of records)
            for (const node of r.addedNodes)
              if (node.nodeType === 1 && node.hasAttribute('data-paper-queue-id')) seen++;
          if (seen === expected) {
            const t1 = performance.now();
            setTimeout(() => {
              const window = longTasks.filter((t) => t.startTime + t.duration >= t0);
              resolve({
                decoratedMs: t1 - t0,
                batchMs: stats().lastBatchMs,
                messages: stats().messages - before,
                longTasks: window.length,
                longestTaskMs: Math.max(0, ...window.map((t) => t.duration)),
              });
            }, 300);
          }
        }).observe(document.documentElement, { childList: true, subtree: true });
        const list =
          document.querySelector('article')?.parentElement ?? document.querySelector('.grid');
        list.insertAdjacentHTML('beforeend', html);
        t0 = performance.now();
      }),
    { html, expected: n * 2 },
  );
  await page.close();
  return result;
}

const SWITCHES = ['show', 'dim', 'hide', 'show', 'hide', 'dim', 'show', 'hide'];

/**
 * Times `flip(mode)` (run in the page) over SWITCHES; three figures, medians: the flip alone;
 * the flip plus the style and layout it causes (forced at once); and all main-thread work it
 * causes until the page has rendered it (CPU time over 300 ms, minus the same window without
 * a flip).
 */
async function timeSwitches(page, cdp, flip) {
  const run = (mode, forceLayout) =>
    page.evaluate(
      ({ flip, mode, forceLayout }) => {
        const t0 = performance.now();
        if (mode) new Function('mode', flip)(mode);
        const t1 = performance.now();
        if (forceLayout) void document.body.offsetHeight; // style + layout now, measured
        return { handler: t1 - t0, withLayout: performance.now() - t0 };
      },
      { flip, mode, forceLayout },
    );
  const settled = async (mode) => {
    const before = await threadTime(cdp);
    await run(mode, false);
    await page.waitForTimeout(300);
    return (await threadTime(cdp)) - before;
  };
  const handler = [];
  const withLayout = [];
  for (const mode of SWITCHES) {
    await page.waitForTimeout(100);
    const r = await run(mode, true);
    handler.push(r.handler);
    withLayout.push(r.withLayout);
  }
  const work = [];
  const idle = [];
  for (const mode of SWITCHES) {
    idle.push(await settled(null));
    work.push(await settled(mode));
  }
  return {
    switchHandlerMs: median(handler),
    switchWithLayoutMs: median(withLayout),
    switchMainThreadMs: Math.max(0, median(work) - median(idle)),
  };
}

async function openMeasured(context, path) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`https://huggingface.co${path}`);
  return { page, cdp };
}

/**
 * Switching Show all / Dim read / Hide read with the bar's buttons on a page of n cards,
 * every paper read (the worst case: each switch shows or hides every card).
 */
async function measureModeSwitch(context, path, n) {
  const { page, cdp } = await openMeasured(context, path);
  await page.waitForFunction(
    (expected) => document.querySelectorAll('[data-paper-queue-id]').length >= expected,
    n * 2,
    { timeout: 120_000 },
  );
  await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const bar = () => document.querySelector('[data-paper-queue-ui="bar"]')?.shadowRoot;
    while (!bar()) await frame();
    bar().querySelector('button[aria-label="Mark all on this page as read"]').click();
  });
  await page.waitForTimeout(1500);
  const result = await timeSwitches(
    page,
    cdp,
    `document.querySelector('[data-paper-queue-ui="bar"]').shadowRoot
      .querySelector('button[data-mode="' + mode + '"]').click();`,
  );
  await page.close();
  return result;
}

/**
 * The browser's own share, for reference: the same page without the extension, every card
 * marked read by hand and one attribute on <html> switching a stylesheet like ours. Whatever
 * the extension did, showing or hiding every card costs at least this.
 */
async function measureSwitchFloor(context, path) {
  const { page, cdp } = await openMeasured(context, path);
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      'html[data-floor="hide"] [data-floor-read] { display: none !important; }' +
        'html[data-floor="dim"] [data-floor-read] { opacity: 0.45; }',
    );
    document.adoptedStyleSheets = [sheet];
    for (const card of document.getElementsByTagName('article')) {
      card.setAttribute('data-floor-read', '');
    }
  });
  await page.waitForTimeout(1500);
  const { switchMainThreadMs } = await timeSwitches(
    page,
    cdp,
    `document.documentElement.setAttribute('data-floor', mode);`,
  );
  await page.close();
  return switchMainThreadMs;
}

/** Main-thread CPU time of loading a page until it settles. */
async function measureLoad(context, path) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await threadTime(cdp);
  await page.goto(`https://huggingface.co${path}`, { waitUntil: 'load' });
  await page.waitForTimeout(2000); // document_idle scripts, their batches and the drift check
  const spent = (await threadTime(cdp)) - before;
  await page.close();
  return spent;
}

/** Median main-thread time of loading `path` bare and with the extension, runs interleaved. */
async function compareLoads(path) {
  const bareRuns = [];
  const extRuns = [];
  for (let i = 0; i < LOAD_RUNS; i++) {
    bareRuns.push(await measureLoad(bare, path));
    extRuns.push(await measureLoad(withExt, path));
  }
  const bareMs = median(bareRuns);
  const extMs = median(extRuns);
  return { bareMs, extMs, overhead: LOAD_RUNS > 0 ? extMs / bareMs : Number.NaN };
}

const { context: withExt, close } = await launchWithExtension();
const styled = (url) => url.search !== '?unstyled';
await serveHuggingFace(withExt, { pages, styled });
const bareDir = (await import('node:fs')).mkdtempSync('/tmp/paper-queue-bare-');
const bare = await chromium.launchPersistentContext(bareDir, {
  executablePath: chromePath(),
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--host-resolver-rules=MAP * ~NOTFOUND',
  ],
});
await serveHuggingFace(bare, { pages, styled });

const rows = [];
for (const n of SIZES) {
  await measureInsertion(withExt, n); // warm-up
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await measureInsertion(withExt, n));
  const load = await compareLoads(pagePath(n));
  const row = {
    cards: n,
    decoratedMs: median(runs.map((r) => r.decoratedMs)),
    batchMs: median(runs.map((r) => r.batchMs)),
    batchMsRange: `${Math.min(...runs.map((r) => r.batchMs))}–${Math.max(...runs.map((r) => r.batchMs))}`,
    messages: Math.max(...runs.map((r) => r.messages)),
    longTasks: Math.max(...runs.map((r) => r.longTasks)),
    longestTaskMs: median(runs.map((r) => r.longestTaskMs)),
    ...(await measureModeSwitch(withExt, pagePath(n), n)),
    switchFloorMs: await measureSwitchFloor(bare, pagePath(n)),
    loadBareMs: load.bareMs,
    loadWithExtensionMs: load.extMs,
    loadOverhead: load.overhead,
  };
  if (n === WORST_CASE) {
    const unstyled = pagePath(n, true);
    row.unstyledSwitchMainThreadMs = (
      await measureModeSwitch(withExt, unstyled, n)
    ).switchMainThreadMs;
    row.unstyledLoadOverhead = (await compareLoads(unstyled)).overhead;
  }
  rows.push(row);
}
await close();
await bare.close();

const round = (x) => (typeof x === 'number' ? Math.round(x * 100) / 100 : x);
console.table(
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]))),
);
const r1000 = rows.find((r) => r.cards === 1000);
const checks = {
  'decorate 1,000 cards (batch main-thread ms) ≤ 50': r1000.batchMs <= TARGETS.decorate1000Ms,
  'messages per batch ≤ 2': rows.every((r) => r.messages <= TARGETS.messagesPerBatch),
  'page-load overhead ≤ 1.05× (main-thread time)': rows.every(
    (r) => r.loadOverhead <= TARGETS.loadOverhead,
  ),
  'hide/dim/show switch on 1,000 cards ≤ 16 ms (all main-thread work)':
    r1000.switchMainThreadMs <= TARGETS.switchMs,
};
for (const [what, ok] of Object.entries(checks))
  console.log(`${ok ? 'meets ' : 'MISSES'}  ${what}`);
const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  node: process.version,
  chromium: withExt.browser()?.version(),
};
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/content.json',
  JSON.stringify({ date: new Date().toISOString(), machine, rows, checks }, null, 2),
);
console.log('Written to bench-results/content.json', machine);
