#!/usr/bin/env node
// `npm run bench`: how much the content script costs a listing page, in headless Chromium
// with the built extension (dist/), on pages of 100, 1,000 and 2,000 cards made from the real
// 2026 card markup. A benchmark, not a test: it prints a table, writes
// bench-results/content.json, and marks each figure against its target.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromium } from 'playwright-core';
import { listingPage, makePapers } from '../test/support/card-factory.mjs';
import { serveHuggingFace } from '../test/support/huggingface-routes.mjs';
import { chromePath, launchWithExtension } from '../test/support/launch-chromium.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,2000').split(',').map(Number);
// BENCH_LOAD_RUNS=0 skips the page-load comparison (the slow part) for a quick decorate check.
const LOAD_RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 5);
const TARGETS = { decorate1000Ms: 50, messagesPerBatch: 2, loadOverhead: 1.05 };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** Pages keyed by path: an empty listing to insert into, and full listings to load. */
const pages = { '/papers/date/2026-01-01': listingPage([]) };
const pagePath = (n) => `/papers/week/2026-W${String((n / 100) % 53).padStart(2, '0')}`;
for (const n of SIZES) pages[pagePath(n)] = listingPage(makePapers(n, 1, '2611'));

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

/**
 * Switching Show all / Dim read / Hide read on a page of n cards, every paper read (the worst
 * case: each switch shows or hides every card). Measures the click handler alone, and the
 * handler plus the style and layout it causes (forced at once), median of several switches.
 */
async function measureModeSwitch(context, n, siteRule = false) {
  const page = await context.newPage();
  await page.goto(`https://huggingface.co${pagePath(n)}`);
  // The list's real class `*:[content-visibility:auto]` means this rule in Hugging Face's CSS
  // (which the saved page does not include): offscreen cards skip layout.
  if (siteRule) {
    await page.addStyleTag({
      content: '.\\*\\:\\[content-visibility\\:auto\\] > * { content-visibility: auto; }',
    });
  }
  await page.waitForFunction(
    (expected) => document.querySelectorAll('[data-paper-queue-id]').length >= expected,
    n * 2,
    { timeout: 120_000 },
  );
  const result = await page.evaluate(async () => {
    const bar = () => document.querySelector('[data-paper-queue-ui="bar"]')?.shadowRoot;
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    while (!bar()) await frame();
    bar().querySelector('button[aria-label="Mark all on this page as read"]').click();
    await new Promise((r) => setTimeout(r, 1500));
    const handler = [];
    const withLayout = [];
    for (const mode of ['show', 'dim', 'hide', 'show', 'hide', 'dim', 'show', 'hide']) {
      await frame();
      const button = bar().querySelector(`button[data-mode="${mode}"]`);
      const t0 = performance.now();
      button.click();
      const t1 = performance.now();
      void document.body.offsetHeight; // style + layout now, inside the measurement
      const t2 = performance.now();
      handler.push(t1 - t0);
      withLayout.push(t2 - t0);
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return { switchHandlerMs: median(handler), switchWithLayoutMs: median(withLayout) };
  });
  await page.close();
  return result;
}

/** Main-thread task time of loading a page until it settles (CDP Performance metrics). */
async function measureLoad(context, path) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`https://huggingface.co${path}`, { waitUntil: 'load' });
  await page.waitForTimeout(800); // let document_idle scripts and their batches finish
  const { metrics } = await cdp.send('Performance.getMetrics');
  await page.close();
  return metrics.find((m) => m.name === 'TaskDuration').value * 1000;
}

const { context: withExt, close } = await launchWithExtension();
await serveHuggingFace(withExt, { pages });
const bareDir = (await import('node:fs')).mkdtempSync('/tmp/paper-queue-bare-');
const bare = await chromium.launchPersistentContext(bareDir, {
  executablePath: chromePath(),
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--host-resolver-rules=MAP * ~NOTFOUND',
  ],
});
await serveHuggingFace(bare, { pages });

const rows = [];
for (const n of SIZES) {
  await measureInsertion(withExt, n); // warm-up
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await measureInsertion(withExt, n));
  const loadsExt = [];
  const loadsBare = [];
  for (let i = 0; i < LOAD_RUNS; i++) {
    loadsBare.push(await measureLoad(bare, pagePath(n)));
    loadsExt.push(await measureLoad(withExt, pagePath(n)));
  }
  const modeSwitch = await measureModeSwitch(withExt, n);
  const onSiteCss = await measureModeSwitch(withExt, n, true);
  modeSwitch.switchWithLayoutSiteCssMs = onSiteCss.switchWithLayoutMs;
  rows.push({
    cards: n,
    ...modeSwitch,
    decoratedMs: median(runs.map((r) => r.decoratedMs)),
    batchMs: median(runs.map((r) => r.batchMs)),
    messages: Math.max(...runs.map((r) => r.messages)),
    longTasks: Math.max(...runs.map((r) => r.longTasks)),
    longestTaskMs: median(runs.map((r) => r.longestTaskMs)),
    loadBareMs: median(loadsBare),
    loadWithExtensionMs: median(loadsExt),
    loadOverhead: LOAD_RUNS > 0 ? median(loadsExt) / median(loadsBare) : Number.NaN,
  });
}
await close();
await bare.close();

const round = (x) => Math.round(x * 100) / 100;
console.table(
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]))),
);
const r1000 = rows.find((r) => r.cards === 1000);
const checks = {
  'decorate 1,000 cards (batch main-thread ms) ≤ 50': r1000.batchMs <= TARGETS.decorate1000Ms,
  'messages per batch ≤ 2': rows.every((r) => r.messages <= TARGETS.messagesPerBatch),
  'page-load overhead ≤ 1.05×': rows.every((r) => r.loadOverhead <= TARGETS.loadOverhead),
  'hide/dim/show switch on 1,000 cards ≤ 16 ms (handler)': r1000.switchHandlerMs <= 16,
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
