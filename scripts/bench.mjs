#!/usr/bin/env node
// `npm run bench`: how much the content script costs a listing page, in headless Chromium
// with the test build (dist-test/: dist/ plus the counters of src/content/diagnostics.ts, on
// `<html data-paper-queue-stats>`, which time each batch and count its messages), on pages of
// 100, 1,000 and 2,000 cards made from the real 2026 card markup. A benchmark, not a test: it
// prints a table, writes bench-results/content.json, and marks each figure against its target.
//
// Pages come with test/fixtures/site.css, the demo's stand-in for the site's stylesheet: the
// saved markup has none, and unstyled it renders both copies of every card, their hidden
// popovers, and every offscreen card, which the live site never does. The 1,000-card page is
// also measured unstyled, as a worst case.
// "Main-thread work" is CPU time of the page's main thread (CDP ThreadTime): it counts style,
// layout and paint as well as scripts, and unlike wall-clock task time it does not grow when
// the machine is busy elsewhere.
//
// Page loads vary by ±8–13 % from one to the next (the same bare page, even with every
// browser process on one CPU), far more than the few per cent the extension adds, so the load
// comparison is built to keep bias out and to say how sure it is: one browser and one warm
// tab load the same page where the content script runs and, twice, where it does not, in
// rotating order (compareLoads); the table gives each ratio with a 95 % bootstrap interval,
// and the bare-against-bare ratio shows the bench's own bias and resolution. Every compared
// load is a first visit: no paper on the page marked (expectFirstVisit).
//
// Then first paint (scripts/bench-first-paint.mjs): layout shift added on a first and on a
// returning visit, read cards painted, DOMContentLoaded until every card has its controls,
// cards inserted later, and service-worker starts, on the saved 2024 and 2026 pages and on
// 1,000 generated cards.
//
// Everything is printed as one table, a row per figure and a column per page, with the
// target and whether it is met. `npm run bench -- --quick` measures the same with fewer
// rounds (about 10 minutes on the project's busy 2-core machine, against well over an hour)
// and writes bench-results/content-quick.json instead.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { listingPage, makePapers } from '../test/support/card-factory.mjs';
import { serveHuggingFace } from '../test/support/huggingface-routes.mjs';
import { BROWSER_ARGS, chromePath, launchWithExtension } from '../test/support/launch-chromium.mjs';
import { firstPaintRoutes, measureFirstPaint } from './bench-first-paint.mjs';
import { machine, median, round2, withInterval } from './bench-lib.mjs';
import {
  SCRIPT_ONLY_PREFIX,
  serializeFinishedPage,
  UI_FLOOR_PREFIX,
  writeFloorExtension,
} from './bench-ui-floor.mjs';

/**
 * `npm run bench -- --quick`: the same figures from fewer rounds (a few minutes instead of
 * about an hour); their intervals are wider, and say so.
 */
const QUICK = process.argv.includes('--quick');
const started = Date.now();
const progress = (what) =>
  console.error(`[${((Date.now() - started) / 60_000).toFixed(1)} min] ${what}`);

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,2000').split(',').map(Number);

// Rounds of loads per size (each round loads the page four times: see compareLoads).
// Fewer for bigger pages, which take longer; the small page's loads vary most, relative to
// the little the extension adds to them. BENCH_LOAD_RUNS=0 skips the page-load
// comparison (the slow part) for a quick decorate check.
const loadRuns = (n) =>
  process.env.BENCH_LOAD_RUNS !== undefined
    ? Number(process.env.BENCH_LOAD_RUNS)
    : n <= 100
      ? QUICK
        ? 4
        : 80
      : n <= 1000
        ? QUICK
          ? 2
          : 30
        : QUICK
          ? 2
          : 20;
const UNSTYLED_LOAD_RUNS = QUICK ? 1 : 10;
/** Insertions timed per size (after one warm-up). */
const INSERTIONS = QUICK ? 2 : 5;
/** Which parts run (BENCH_PARTS, comma-separated; all by default): to reproduce one part. */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'sizes,floor,firstpaint').split(','));
/** Rounds of the parse-observer floor (see compareObserverFloor). */
const FLOOR_RUNS = QUICK ? 2 : 10;
/** Loads of each kind per first-paint page (bare, first visit, returning visit). */
const FIRST_PAINT_ROUNDS = Number(process.env.BENCH_FIRST_PAINT_ROUNDS ?? (QUICK ? 2 : 10));
/** Cards inserted into a settled page, for each way of inserting them. */
const INSERT_TRIALS = QUICK ? 5 : 20;
const TARGETS = {
  decorate1000Ms: 50,
  messagesPerBatch: 2,
  loadOverhead: 1.05,
  switchMs: 16,
  addedShift: 0.01,
  readCardsPainted: 0,
  dclToControlsMs: 50,
  workerStartsBeforePaint: 0,
};

/** Where a measured tab waits between loads: the same site, so the same renderer process. */
const BETWEEN_LOADS = '/__bench__/between-loads';

/** Pages keyed by path: an empty listing to insert into, and full listings to load. */
const pages = {
  '/papers/date/2026-01-01': listingPage([]),
  [BETWEEN_LOADS]: '<!doctype html><title>Between loads</title>',
};
const weekPath = (n, unstyled) =>
  `week/2026-W${String((n / 100) % 53).padStart(2, '0')}${unstyled ? '?unstyled' : ''}`;
/** The listing of n cards, at a path the content script runs on. */
const pagePath = (n, unstyled = false) => `/papers/${weekPath(n, unstyled)}`;
/** The same listing at a path the content script does not match (`copy` names a second one). */
const barePath = (n, copy, unstyled = false) => `/__bench__/bare-${copy}/${weekPath(n, unstyled)}`;
/**
 * Where the mode switch is timed: its own papers, since it marks every one of them read. The
 * loaded pages' papers are never marked, so every load is a first visit, whatever ran before.
 */
const switchPath = (n, unstyled = false) =>
  `/papers/date/2026-03-${String(n / 100).padStart(2, '0')}${unstyled ? '?unstyled' : ''}`;
const WORST_CASE = 1000;
/** The finished listing of n cards (bench-ui-floor.mjs), captured from a decorated load. */
const uiFloorPath = (n) => `${UI_FLOOR_PREFIX}/${weekPath(n)}`;
/**
 * BENCH_FLOOR_SPLIT=1: two more loads a round split the floor. The bare listing where the
 * floor's empty content script runs with page.css (`platform`: what any extension that hides
 * cards before the first paint costs a page before it shows anything), and with the empty
 * script alone (`scriptOnly`: a content script world). The floor above them is the controls.
 */
const FLOOR_SPLIT = process.env.BENCH_FLOOR_SPLIT === '1';
const platformPath = (n) => `${UI_FLOOR_PREFIX}/platform/${weekPath(n)}`;
const scriptOnlyPath = (n) => `${SCRIPT_ONLY_PREFIX}/${weekPath(n)}`;
const finishedPages = new Map();
/** The bare listing again, where the floor's init script observes the parse. */
const observedPath = (n) => `/__bench__/observed/${weekPath(n)}`;
pages[observedPath(WORST_CASE)] = listingPage(makePapers(WORST_CASE, 1, '2611'));
pages[barePath(WORST_CASE, 'floor')] = pages[observedPath(WORST_CASE)];
for (const n of SIZES) {
  const html = listingPage(makePapers(n, 1, '2611'));
  const switchHtml = listingPage(makePapers(n, 1, '2610'));
  const variants = n === WORST_CASE ? [false, true] : [false];
  for (const unstyled of variants) {
    for (const path of [
      pagePath(n, unstyled),
      barePath(n, 'a', unstyled),
      barePath(n, 'b', unstyled),
    ])
      pages[path] = html;
    pages[switchPath(n, unstyled)] = switchHtml;
  }
  pages[uiFloorPath(n)] = () => finishedPages.get(n) ?? '<!doctype html><p>Not captured yet';
  pages[platformPath(n)] = html;
  pages[scriptOnlyPath(n)] = html;
}

/** CPU time of the page's main thread so far, in ms (CDP Performance metrics). */
async function threadTime(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ThreadTime').value * 1000;
}

/** Main-thread CPU time so far, and its script, style and layout parts, in ms (one read). */
async function workParts(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const ms = (name) => metrics.find((m) => m.name === name).value * 1000;
  return {
    thread: ms('ThreadTime'),
    script: ms('ScriptDuration'),
    style: ms('RecalcStyleDuration'),
    layout: ms('LayoutDuration'),
  };
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
            const batchMs = stats().lastBatchMs;
            setTimeout(() => {
              const window = longTasks.filter((t) => t.startTime + t.duration >= t0);
              const tasks = {
                longTasks: window.length,
                longestTaskMs: Math.max(0, ...window.map((t) => t.duration)),
              };
              // The batch's metadata goes in an idle moment (≤ 1 s later): count its messages
              // once that has passed and been answered.
              setTimeout(() => {
                resolve({
                  decoratedMs: t1 - t0,
                  batchMs,
                  messages: stats().messages - before,
                  ...tasks,
                });
              }, 1500);
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
 * Times switching to each mode of SWITCHES; three figures, medians: the handler alone; the
 * handler plus the style and layout it causes (forced at once); and all main-thread work it
 * causes until the page has rendered it (CPU time over 300 ms, minus the same window with
 * the same input and nothing switched).
 *
 * `timed(mode)` switches once and returns, as timed in the page, `{handler, withLayout}`;
 * `flip(mode)` switches without timing anything, and `flip(null)` gives the same input with
 * nothing switched (the idle window).
 */
async function timeSwitches(page, cdp, { timed, flip }) {
  const settled = async (mode) => {
    const before = await threadTime(cdp);
    await flip(mode);
    await page.waitForTimeout(300);
    return (await threadTime(cdp)) - before;
  };
  const handler = [];
  const withLayout = [];
  for (const mode of SWITCHES) {
    await page.waitForTimeout(100);
    const r = await timed(mode);
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

const BAR = '[data-paper-queue-ui="bar"]';

/**
 * The bar acts only on the user's own input (src/content/trusted.ts: a script's `click()` is
 * ignored), so the switch is pressed as a user would: its button focused, then Enter, a real
 * key press (CDP Input). The idle window presses Shift on the same focus, which does nothing.
 */
async function pressModeButton(page, mode) {
  await page.evaluate(
    ({ bar, mode }) =>
      document
        .querySelector(bar)
        .shadowRoot.querySelector(`button[data-mode="${mode ?? 'show'}"]`)
        .focus(),
    { bar: BAR, mode },
  );
  await page.keyboard.press(mode ? 'Enter' : 'Shift');
}

/**
 * One switch, timed in the page: from the click event reaching our shadow root (capture) to
 * the end of our handler (a listener on the button added after ours runs right after it), then
 * with style and layout forced.
 */
async function timedModeSwitch(page, mode) {
  await page.evaluate(
    ({ bar, mode }) => {
      const root = document.querySelector(bar).shadowRoot;
      const button = root.querySelector(`button[data-mode="${mode}"]`);
      let t0 = 0;
      const start = () => {
        t0 = performance.now();
      };
      root.addEventListener('click', start, { capture: true, once: true });
      button.addEventListener(
        'click',
        () => {
          const t1 = performance.now();
          void document.body.offsetHeight; // style + layout now, measured
          window.__pqSwitch = { handler: t1 - t0, withLayout: performance.now() - t0 };
        },
        { once: true },
      );
    },
    { bar: BAR, mode },
  );
  await pressModeButton(page, mode);
  return page.evaluate(() => window.__pqSwitch);
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
  // Every paper read: Mark all read, unless they are already (the unstyled copy of a page
  // shows the same papers as the styled one, so its button is disabled).
  const markAll = page.locator(BAR).getByRole('button', { name: 'Mark all read' });
  await page.waitForTimeout(500); // the bar's first render, one frame after hydration
  if (await markAll.isEnabled()) await markAll.click();
  // Every card read (shown at once from the outbox), and the background done with it.
  await page.waitForFunction(
    (expected) => document.querySelectorAll('article[data-paper-queue-read]').length >= expected,
    n,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(1500);
  const result = await timeSwitches(page, cdp, {
    timed: (mode) => timedModeSwitch(page, mode),
    flip: (mode) => pressModeButton(page, mode),
  });
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
        // Dimmed as page.css dims: a veil over the card, not an opacity on it.
        'html[data-floor="dim"] [data-floor-read] { position: relative; isolation: isolate; }' +
        'html[data-floor="dim"] [data-floor-read]::after { content: ""; position: absolute;' +
        ' inset: 0; background: rgb(255 255 255 / 0.55); pointer-events: none; }',
    );
    document.adoptedStyleSheets = [sheet];
    for (const card of document.getElementsByTagName('article')) {
      card.setAttribute('data-floor-read', '');
    }
  });
  await page.waitForTimeout(1500);
  const flipInPage = (mode, forceLayout) =>
    page.evaluate(
      ({ mode, forceLayout }) => {
        const t0 = performance.now();
        if (mode) document.documentElement.setAttribute('data-floor', mode);
        const t1 = performance.now();
        if (forceLayout) void document.body.offsetHeight;
        return { handler: t1 - t0, withLayout: performance.now() - t0 };
      },
      { mode, forceLayout },
    );
  const { switchMainThreadMs } = await timeSwitches(page, cdp, {
    timed: (mode) => flipInPage(mode, true),
    flip: (mode) => flipInPage(mode, false),
  });
  await page.close();
  return switchMainThreadMs;
}

/** A tab that loads the pages to compare, one after another (see the top of this file). */
async function openLoadTab(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

/** Main-thread CPU time of loading a page until it settles, in a warm tab. */
async function measureLoad({ page, cdp }, path) {
  await page.goto(`https://huggingface.co${BETWEEN_LOADS}`);
  const before = await workParts(cdp);
  await page.goto(`https://huggingface.co${path}`, { waitUntil: 'load', timeout: 180_000 });
  await page.waitForTimeout(2000); // document_idle scripts, their batches and the drift check
  const after = await workParts(cdp);
  const parts = Object.fromEntries(
    Object.entries(after).map(([name, ms]) => [name, ms - before[name]]),
  );
  // A new renderer process would restart the clock: never report that as a load.
  if (!(parts.thread > 0))
    throw new Error(`Load of ${path} measured ${parts.thread} ms: the tab changed process`);
  return parts;
}

/**
 * The loads compare a first visit: no paper on the page marked, so none hidden. Checked, since
 * a mark left by another measurement would add the cost of hiding cards to every load.
 */
async function expectFirstVisit(path, n) {
  const { page } = loadTab;
  await page.goto(`https://huggingface.co${path}`, { waitUntil: 'load', timeout: 180_000 });
  const marked = await page.evaluate(async (expected) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    while (document.querySelectorAll('[data-paper-queue-id]').length < expected) await frame();
    await new Promise((r) => setTimeout(r, 500)); // the background's answer
    return document.querySelectorAll('[data-paper-queue-read]').length;
  }, n * 2);
  if (marked > 0) throw new Error(`${marked} cards of ${path} are marked read: not a first visit`);
}

/**
 * Loads the same page at several paths in one browser, in rotating order each round: at its
 * listing path, where the content script runs (`ext`), and twice at a path it does not match
 * (`bare`, `bareAgain`). One browser and one tab, so every kind shares every flag, process
 * and cache, and the extension's background runs beside the page as it does for a reader.
 * The overhead is median(ext) over the median of all bare loads; bare against bare is the
 * bench's own bias and resolution: it should come out at 1.00, as narrow as the noise allows.
 * The styled page also loads as its floor (`floor`, bench-ui-floor.mjs): the page as our
 * script left it, served with the controls in its markup to an empty content script; with
 * BENCH_FLOOR_SPLIT, also as the floor's parts (`scriptOnly`, `platform`: FLOOR_SPLIT).
 */
async function compareLoads(n, runs, unstyled = false) {
  if (runs === 0) return { overhead: { value: Number.NaN } };
  const paths = {
    ext: pagePath(n, unstyled),
    bare: barePath(n, 'a', unstyled),
    bareAgain: barePath(n, 'b', unstyled),
  };
  await expectFirstVisit(paths.ext, n);
  // The styled page's floor: the page just decorated, with no script (bench-ui-floor.mjs).
  if (!unstyled) {
    const finished = await serializeFinishedPage(loadTab.page);
    if (finished.shadowRoots < n) {
      throw new Error(`The finished page of ${n} cards holds ${finished.shadowRoots} shadow roots`);
    }
    finishedPages.set(n, finished.html);
    paths.floor = uiFloorPath(n);
    if (FLOOR_SPLIT)
      Object.assign(paths, { platform: platformPath(n), scriptOnly: scriptOnlyPath(n) });
  }
  const kinds = Object.keys(paths);
  // Warm-up: each path once (quick: only the check's load of ours, which warms it too).
  if (!QUICK) for (const kind of kinds) await measureLoad(loadTab, paths[kind]);
  const rounds = [];
  for (let i = 0; i < runs; i++) {
    const round = {};
    for (let j = 0; j < kinds.length; j++) {
      const kind = kinds[(i + j) % kinds.length];
      round[kind] = await measureLoad(loadTab, paths[kind]);
    }
    rounds.push(round);
  }
  await loadTab.page.goto(`https://huggingface.co${BETWEEN_LOADS}`); // no big page left open
  const of = (rs, kinds, part = 'thread') => rs.flatMap((r) => kinds.map((k) => r[k][part]));
  const allBare = ['bare', 'bareAgain'];
  // The parts the browser times separately: where the extension's time goes.
  const added = (part) => median(of(rounds, ['ext'], part)) - median(of(rounds, allBare, part));
  /** A kind's median load over the bare loads', with its interval. */
  const overBare = (kind) =>
    withInterval(rounds, (rs) => median(of(rs, [kind])) / median(of(rs, allBare)));
  return {
    bareMs: median(of(rounds, allBare)),
    extMs: median(of(rounds, ['ext'])),
    overhead: overBare('ext'),
    bareVsBare: withInterval(
      rounds,
      (rs) => median(of(rs, ['bareAgain'])) / median(of(rs, ['bare'])),
    ),
    // Every load's main-thread ms, by round and kind: for another estimator than the table's.
    threadMsByRound: rounds.map((round) =>
      Object.fromEntries(
        Object.entries(round).map(([kind, parts]) => [kind, Math.round(parts.thread * 10) / 10]),
      ),
    ),
    addedScriptMs: added('script'),
    addedStyleMs: added('style'),
    addedLayoutMs: added('layout'),
    ...(paths.floor
      ? {
          floorMs: median(of(rounds, ['floor'])),
          floor: overBare('floor'),
          overFloor: withInterval(
            rounds,
            (rs) => median(of(rs, ['ext'])) / median(of(rs, ['floor'])),
          ),
        }
      : {}),
    ...(paths.platform
      ? { scriptOnly: overBare('scriptOnly'), platform: overBare('platform') }
      : {}),
    runs,
  };
}

/**
 * The browser's own price for watching a page from document_start, for reference: the bare
 * listing loaded, in the browser without the extension, with and without a MutationObserver
 * installed before the page is parsed (a page-world init script) that does with each record
 * what the content script's watcher does (keeps the added elements for the next batch).
 * Whatever else the content script does, observing the parse costs at least this.
 */
async function compareObserverFloor(context, n, runs) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.addInitScript(() => {
    if (!location.pathname.startsWith('/__bench__/observed/')) return;
    let pending = [];
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node.nodeType === 1) pending.push(node);
      }
      if (pending.length > 5000) pending = [];
    }).observe(document, { childList: true, subtree: true });
  });
  const tab = { page, cdp };
  const paths = { bare: barePath(n, 'floor'), observed: observedPath(n) };
  for (const path of Object.values(paths)) await measureLoad(tab, path); // warm-up
  const rounds = [];
  for (let i = 0; i < runs; i++) {
    const round = {};
    for (const kind of i % 2 ? ['observed', 'bare'] : ['bare', 'observed']) {
      round[kind] = await measureLoad(tab, paths[kind]);
    }
    rounds.push(round);
  }
  await page.close();
  const of = (rs, kind, part = 'thread') => rs.map((r) => r[kind][part]);
  return {
    overhead: withInterval(rounds, (rs) => median(of(rs, 'observed')) / median(of(rs, 'bare'))),
    addedScriptMs: median(of(rounds, 'observed', 'script')) - median(of(rounds, 'bare', 'script')),
    addedThreadMs: median(of(rounds, 'observed')) - median(of(rounds, 'bare')),
    runs,
  };
}

/** Chromium without the extension: the switch floor's browser. */
const launchBare = () =>
  chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'paper-queue-bare-')), {
    executablePath: chromePath(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: BROWSER_ARGS,
  });

const styled = (url) => url.search !== '?unstyled';
const loadAtStart = machine().loadAverage;
const {
  context: withExt,
  extensionId,
  close,
} = await launchWithExtension({
  extensionDir: 'dist-test',
  alsoLoad: [writeFloorExtension('dist-test/src/content/page.css')],
});
const bare = await launchBare();
for (const context of [withExt, bare]) {
  await serveHuggingFace(context, { pages: { ...pages, ...firstPaintRoutes() }, styled });
}
const loadTab = await openLoadTab(withExt);

const rows = [];
for (const n of PARTS.has('sizes') ? SIZES : []) {
  progress(`${n} cards: insertions`);
  await measureInsertion(withExt, n); // warm-up
  const runs = [];
  for (let i = 0; i < INSERTIONS; i++) runs.push(await measureInsertion(withExt, n));
  progress(`${n} cards: ${loadRuns(n)} rounds of loads`);
  const load = await compareLoads(n, loadRuns(n));
  progress(`${n} cards: mode switch`);
  const row = {
    cards: n,
    decoratedMs: median(runs.map((r) => r.decoratedMs)),
    batchMs: median(runs.map((r) => r.batchMs)),
    batchMsRange: `${Math.min(...runs.map((r) => r.batchMs))}–${Math.max(...runs.map((r) => r.batchMs))}`,
    insertions: runs.length,
    messages: Math.max(...runs.map((r) => r.messages)),
    longTasks: Math.max(...runs.map((r) => r.longTasks)),
    longestTaskMs: median(runs.map((r) => r.longestTaskMs)),
    ...(await measureModeSwitch(withExt, switchPath(n), n)),
    switchFloorMs: await measureSwitchFloor(bare, switchPath(n)),
    loadBareMs: load.bareMs,
    loadWithExtensionMs: load.extMs,
    loadOverhead: load.overhead.value,
    loadOverhead95: load.overhead.interval?.map(round2).join('–'),
    loadBareVsBare: load.bareVsBare?.value,
    loadBareVsBare95: load.bareVsBare?.interval.map(round2).join('–'),
    loadAddedScriptMs: load.addedScriptMs,
    loadAddedStyleMs: load.addedStyleMs,
    loadAddedLayoutMs: load.addedLayoutMs,
    loadFloorMs: load.floorMs,
    loadFloorOverhead: load.floor?.value,
    loadFloorOverhead95: load.floor?.interval.map(round2).join('–'),
    loadPlatformOverhead: load.platform?.value,
    loadPlatformOverhead95: load.platform?.interval.map(round2).join('–'),
    loadScriptOnlyOverhead: load.scriptOnly?.value,
    loadScriptOnlyOverhead95: load.scriptOnly?.interval.map(round2).join('–'),
    loadOverFloor: load.overFloor?.value,
    loadOverFloor95: load.overFloor?.interval.map(round2).join('–'),
    loadRuns: load.runs,
    loadThreadMsByRound: load.threadMsByRound,
  };
  if (n === WORST_CASE) {
    progress(`${n} cards, unstyled: mode switch and loads`);
    row.unstyledSwitchMainThreadMs = (
      await measureModeSwitch(withExt, switchPath(n, true), n)
    ).switchMainThreadMs;
    const unstyled = await compareLoads(n, Math.min(UNSTYLED_LOAD_RUNS, loadRuns(n)), true);
    row.unstyledLoadOverhead = unstyled.overhead.value;
    row.unstyledLoadRuns = unstyled.runs;
  }
  rows.push(row);
}
await loadTab.page.close();

let observerFloor = null;
if (PARTS.has('floor')) {
  progress(`${WORST_CASE} cards: the parse-observer floor, ${FLOOR_RUNS} rounds`);
  observerFloor = await compareObserverFloor(bare, WORST_CASE, FLOOR_RUNS);
}

const firstPaint =
  FIRST_PAINT_ROUNDS > 0 && PARTS.has('firstpaint')
    ? await measureFirstPaint({
        context: withExt,
        extensionId,
        blankPath: BETWEEN_LOADS,
        rounds: FIRST_PAINT_ROUNDS,
        insertTrials: INSERT_TRIALS,
        log: progress,
      })
    : null;
const chromiumVersion = withExt.browser()?.version();
await close();
await bare.close();

// One table: a row per figure, a column per page measured.
const fmt = (x, digits = 1) =>
  typeof x !== 'number' ? (x ?? '') : Number.isFinite(x) ? x.toFixed(digits) : '—';
const ms = (x) => (typeof x === 'number' && Number.isFinite(x) ? `${fmt(x)} ms` : '—');
const columns = {};
for (const r of rows) columns[r.cards] = r;
const sizeLabel = (n) => `${n.toLocaleString('en')} cards`;
const table = {};
const COLUMNS = [
  ...new Set([
    ...rows.map((r) => sizeLabel(r.cards)),
    ...(observerFloor || firstPaint ? [sizeLabel(WORST_CASE)] : []),
    ...(firstPaint ? ['2024 page', '2026 page'] : []),
  ]),
];
const figure = (name, values, target = '', met = '') => {
  // A part not run (BENCH_PARTS) measured nothing, so it meets nothing either.
  const measured = COLUMNS.some((column) => (values[column] ?? '') !== '');
  table[name] = {
    ...Object.fromEntries(COLUMNS.map((column) => [column, values[column] ?? ''])),
    target,
    met: met === '' ? '' : !measured ? 'not run' : met ? 'yes' : 'NO',
  };
};
const perSize = (pick) =>
  Object.fromEntries(rows.map((r) => [sizeLabel(r.cards), pick(r)]).filter(([, v]) => v !== ''));

const r1000 = rows.find((r) => r.cards === 1000);
figure(
  `Batch, median of ${INSERTIONS} insertions (range)`,
  perSize((r) => `${ms(r.batchMs)} (${r.batchMsRange})`),
  '≤ 50 ms at 1,000',
  r1000 ? r1000.batchMs <= TARGETS.decorate1000Ms : false,
);
figure(
  'Insertion → every copy decorated',
  perSize((r) => ms(r.decoratedMs)),
);
figure(
  'Messages per batch',
  perSize((r) => r.messages),
  `≤ ${TARGETS.messagesPerBatch}`,
  rows.every((r) => r.messages <= TARGETS.messagesPerBatch),
);
figure(
  'Long tasks in an insertion (longest, median)',
  perSize((r) => `${r.longTasks} (${ms(r.longestTaskMs)})`),
);
figure(
  'Hide/dim/show switch: handler / with style + layout',
  perSize((r) => `${ms(r.switchHandlerMs)} / ${ms(r.switchWithLayoutMs)}`),
);
figure(
  'Hide/dim/show switch, all main-thread work (floor: same switch without the extension)',
  perSize((r) => `${ms(r.switchMainThreadMs)} (${ms(r.switchFloorMs)})`),
  '≤ 16 ms at 1,000',
  r1000 ? r1000.switchMainThreadMs <= TARGETS.switchMs : false,
);
figure(
  'Page load main-thread time, bare → with the extension (first visit)',
  perSize((r) => `${ms(r.loadBareMs)} → ${ms(r.loadWithExtensionMs)}`),
);
figure(
  'Page-load overhead (95 % interval) [rounds]',
  perSize((r) => `${fmt(r.loadOverhead, 2)}× (${r.loadOverhead95 ?? '—'}) [${r.loadRuns}]`),
  `≤ ${TARGETS.loadOverhead}×`,
  rows.every((r) => r.loadOverhead <= TARGETS.loadOverhead),
);
figure(
  'Bare vs bare (95 % interval): the bench’s own bias and resolution',
  perSize((r) => `${fmt(r.loadBareVsBare, 2)}× (${r.loadBareVsBare95 ?? '—'})`),
);
figure(
  'Added script / style / layout',
  perSize(
    (r) =>
      `${fmt(r.loadAddedScriptMs, 0)} / ${fmt(r.loadAddedStyleMs, 0)} / ${fmt(r.loadAddedLayoutMs, 0)} ms`,
  ),
);
figure(
  'Floor: the finished page, no script (controls in its HTML; an empty content script + page.css): its overhead (95 %); ours over it',
  perSize((r) =>
    r.loadFloorOverhead === undefined
      ? ''
      : `${fmt(r.loadFloorOverhead, 2)}× (${r.loadFloorOverhead95}); ${fmt(r.loadOverFloor, 2)}× (${r.loadOverFloor95})`,
  ),
);
if (FLOOR_SPLIT) {
  figure(
    'The floor split (BENCH_FLOOR_SPLIT), the bare page with an empty content script / and page.css: overhead (95 %)',
    perSize((r) =>
      r.loadPlatformOverhead === undefined
        ? ''
        : `${fmt(r.loadScriptOnlyOverhead, 2)}× (${r.loadScriptOnlyOverhead95}) / ${fmt(r.loadPlatformOverhead, 2)}× (${r.loadPlatformOverhead95})`,
    ),
  );
}
figure(
  'Unstyled page (worst case): load overhead [rounds]; switch work',
  perSize((r) =>
    r.unstyledLoadOverhead === undefined
      ? ''
      : `${fmt(r.unstyledLoadOverhead, 2)}× [${r.unstyledLoadRuns}]; ${ms(r.unstyledSwitchMainThreadMs)}`,
  ),
);

if (observerFloor) {
  figure(
    'Floor: a MutationObserver over the parse, no extension: load overhead (95 %) [rounds]; added script',
    {
      [sizeLabel(WORST_CASE)]:
        `${fmt(observerFloor.overhead.value, 2)}× (${observerFloor.overhead.interval.map(round2).join('–')}) [${observerFloor.runs}]; ${fmt(observerFloor.addedScriptMs, 0)} ms`,
    },
  );
}

// A part that did not run (BENCH_PARTS, BENCH_SIZES) gives no verdict on its figures.
const checks = {};
if (r1000) {
  checks['decorate 1,000 cards (batch main-thread ms) ≤ 50'] =
    r1000.batchMs <= TARGETS.decorate1000Ms;
}
if (rows.length > 0) {
  checks['messages per batch ≤ 2'] = rows.every((r) => r.messages <= TARGETS.messagesPerBatch);
}
if (rows.some((r) => r.loadRuns > 0)) {
  checks['page-load overhead ≤ 1.05× (main-thread time)'] = rows.every(
    (r) => r.loadOverhead <= TARGETS.loadOverhead,
  );
}
if (r1000) {
  checks['hide/dim/show switch on 1,000 cards ≤ 16 ms (all main-thread work)'] =
    r1000.switchMainThreadMs <= TARGETS.switchMs;
}

if (firstPaint) {
  const fp = firstPaint.pages;
  const perPage = (pick) => Object.fromEntries(Object.entries(fp).map(([k, v]) => [k, pick(v)]));
  const shiftCell = (v) => `${fmt(v.addedShiftMax, 4)} (median ${fmt(v.addedShiftMedian, 4)})`;
  const maxAdded = (visit) => Math.max(...Object.values(fp).map((v) => v[visit].addedShiftMax));
  figure(
    `Layout shift added, first visit: max of ${firstPaint.rounds} loads (median)`,
    perPage((v) => shiftCell(v.first)),
    `≤ ${TARGETS.addedShift}`,
    maxAdded('first') <= TARGETS.addedShift,
  );
  figure(
    `Layout shift added, returning visit (30 % read, Hide): max (median)`,
    perPage((v) => shiftCell(v.returning)),
    `≤ ${TARGETS.addedShift}`,
    maxAdded('returning') <= TARGETS.addedShift,
  );
  figure(
    'Layout shift, whole page: bare / first visit / returning visit (medians)',
    perPage(
      (v) =>
        `${fmt(v.bare.shiftMedian, 4)} / ${fmt(v.first.shiftMedian, 4)} / ${fmt(v.returning.shiftMedian, 4)}`,
    ),
  );
  const painted = Object.values(fp).reduce((sum, v) => sum + v.returning.readCardsPainted, 0);
  figure(
    'Read cards painted, returning visit (all loads; unread seen displayed, min; read hidden, min)',
    perPage(
      (v) =>
        `${v.returning.readCardsPainted} of ${v.read} read × ${v.returning.loads} (${v.returning.unreadSeenDisplayedMin} of ${v.returning.unread} unread seen; ${v.returning.readHiddenMin} hidden)`,
    ),
    '0',
    painted === TARGETS.readCardsPainted,
  );
  const big = fp['1,000 cards'];
  const dclCell = (v) =>
    `${ms(v.first.dclToControlsMedianMs)} / ${ms(v.returning.dclToControlsMedianMs)} (max ${ms(Math.max(v.first.dclToControlsMaxMs, v.returning.dclToControlsMaxMs))})${v.first.everyCopyDecorated && v.returning.everyCopyDecorated ? '' : ' NOT EVERY COPY'}`;
  const dclMax = Math.max(big.first.dclToControlsMaxMs, big.returning.dclToControlsMaxMs);
  figure(
    'DOMContentLoaded → every card copy has controls: first / returning visit, medians (max)',
    perPage(dclCell),
    '≤ 50 ms at 1,000',
    big.first.everyCopyDecorated &&
      big.returning.everyCopyDecorated &&
      dclMax <= TARGETS.dclToControlsMs,
  );
  figure(
    'Hydration batch, main thread: first / returning visit (medians)',
    perPage(
      (v) => `${ms(v.first.hydrationBatchMedianMs)} / ${ms(v.returning.hydrationBatchMedianMs)}`,
    ),
  );
  const { task, frame } = firstPaint.inserted;
  figure(
    'Card inserted later in a task: controls in the first frame that paints it',
    { '1,000 cards': `${task.withControlsInFirstFrame} of ${task.trials}` },
    'all',
    task.withControlsInFirstFrame === task.trials,
  );
  figure(
    'Card inserted later in an animation-frame callback: controls in the first frame that paints it',
    { '1,000 cards': `${frame.withControlsInFirstFrame} of ${frame.trials}` },
    'all',
    frame.withControlsInFirstFrame === frame.trials,
  );
  const startsBefore = Object.values(fp).reduce(
    (sum, v) => sum + v.returning.workerStartsBeforeFcp,
    0,
  );
  figure(
    'Worker starts per returning load (warm index, worker stopped first): before first paint / in all',
    perPage(
      (v) =>
        `${v.returning.workerStartsBeforeFcp} / ${v.returning.workerStartsTotal} in ${v.returning.loads} loads`,
    ),
    '0 before first paint',
    startsBefore === TARGETS.workerStartsBeforePaint,
  );
  figure(
    'Worker start − first contentful paint: median (earliest)',
    perPage(
      (v) =>
        `${ms(v.returning.workerStartMinusFcpMedianMs)} (${ms(v.returning.workerStartMinusFcpMinMs)})`,
    ),
  );
  figure(
    'First contentful paint: bare / first / returning visit (medians)',
    perPage(
      (v) =>
        `${ms(v.bare.fcpMedianMs)} / ${ms(v.first.fcpMedianMs)} / ${ms(v.returning.fcpMedianMs)}`,
    ),
  );
  figure(
    'Content script’s first storage.local read applied, after navigation start: first / returning (medians)',
    perPage((v) => `${ms(v.first.indexAppliedMedianMs)} / ${ms(v.returning.indexAppliedMedianMs)}`),
  );
  Object.assign(checks, {
    'layout shift added ≤ 0.01 (first and returning visit, every page)':
      maxAdded('first') <= TARGETS.addedShift && maxAdded('returning') <= TARGETS.addedShift,
    'read cards painted on a returning visit: 0': painted === 0,
    '1,000 cards: every card decorated ≤ 50 ms after DOMContentLoaded':
      big.first.everyCopyDecorated &&
      big.returning.everyCopyDecorated &&
      dclMax <= TARGETS.dclToControlsMs,
    'card inserted later (in a task): controls in the first frame that paints it':
      task.withControlsInFirstFrame === task.trials,
    'card inserted later (in an animation-frame callback): controls in the first frame that paints it':
      frame.withControlsInFirstFrame === frame.trials,
    'worker starts before first paint (warm index): 0': startsBefore === 0,
  });
}

const loadAtEnd = machine().loadAverage;
console.log(
  `\nPaper Queue content script${QUICK ? ' (quick: fewer rounds, wider intervals)' : ''} — ${machine().cpus} cores, ${machine().cpu}, Chromium ${chromiumVersion}; load average ${loadAtStart[0]} at the start, ${loadAtEnd[0]} at the end; ${((Date.now() - started) / 60_000).toFixed(1)} min`,
);
console.table(table);
for (const [what, ok] of Object.entries(checks))
  console.log(`${ok ? 'meets ' : 'MISSES'}  ${what}`);
mkdirSync('bench-results', { recursive: true });
const file = QUICK ? 'bench-results/content-quick.json' : 'bench-results/content.json';
writeFileSync(
  file,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      quick: QUICK,
      machine: machine({ chromium: chromiumVersion, loadAtStart, loadAtEnd }),
      minutes: (Date.now() - started) / 60_000,
      rows,
      observerFloor,
      firstPaint,
      table,
      checks,
    },
    null,
    2,
  ),
);
console.log(`Written to ${file}`);
