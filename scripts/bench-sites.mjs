#!/usr/bin/env node
// `npm run bench:sites` (and the end of `npm run bench`): what the content script costs an
// arXiv page, in headless Chromium with dist-test/ granted arXiv at install (the same kind of
// copy the end-to-end tests use, test/support/granted-build.mjs), on the saved pages served with a
// stand-in for arXiv's stylesheet (test/fixtures/arxiv-site.css) so the entries are on screen.
//
// Two figures, from the issue: how soon after DOMContentLoaded a 50-entry listing has all its
// controls (in animation frames, and ms), and the layout shift the extension adds. The shift is
// the same measure as for Hugging Face: a PerformanceObserver for `layout-shift` from the
// document's start, summing entries without recent input (CLS without session windows), for
// the same page loaded where the content script runs and at a path it does not match, in
// alternating order in one browser; the page itself may shift, so the difference is ours.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { grantedCopy } from '../test/support/granted-build.mjs';
import { serveHuggingFace } from '../test/support/huggingface-routes.mjs';
import { launchWithExtension } from '../test/support/launch-chromium.mjs';

const ROUNDS = Number(process.env.BENCH_SITES_ROUNDS ?? 20);
const TARGETS = { framesAfterDcl: 1, addedShift: 0.01 };
const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures');
const read = (name) => readFileSync(join(FIXTURES, name), 'utf8');

/** Each page at its own path (the content script runs) and a bare one (it does not). */
const PAGES = {
  listing: {
    html: read('arxiv/list-cs.CL-recent-2026-07-27.html'),
    ext: '/list/cs.CL/recent',
    bare: '/__bench__/list/cs.CL/recent',
    hosts: 50,
  },
  abstract: {
    html: read('arxiv/abs-1706.03762v7.html'),
    ext: '/abs/1706.03762',
    bare: '/__bench__/abs/1706.03762',
    hosts: 1,
  },
};

/** Runs in the page from its start: layout shifts, DOMContentLoaded, and when controls arrived. */
const PROBE = () => {
  const probe = {
    shift: 0,
    shifts: 0,
    dcl: 0,
    framesAtDcl: 0,
    frames: 0,
    decoratedAt: 0,
    framesAtDecorated: -1,
  };
  window.__probe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) {
        probe.shift += entry.value;
        probe.shifts++;
      }
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const tick = () => {
    probe.frames++;
    if (probe.frames < 600) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  document.addEventListener('DOMContentLoaded', () => {
    probe.dcl = performance.now();
    probe.framesAtDcl = probe.frames;
  });
  const wanted = Number(new URLSearchParams(location.search).get('hosts') ?? 0);
  new MutationObserver(() => {
    if (probe.decoratedAt || !wanted) return;
    if (document.querySelectorAll('[data-paper-queue-id]').length >= wanted) {
      probe.decoratedAt = performance.now();
      probe.framesAtDecorated = probe.frames;
    }
  }).observe(document, { childList: true, subtree: true });
};

const build = grantedCopy('dist-test');
const sitePages = { 'https://arxiv.org': {} };
for (const page of Object.values(PAGES)) {
  sitePages['https://arxiv.org'][page.ext] = page.html;
  sitePages['https://arxiv.org'][page.bare] = page.html;
}
const { context, close } = await launchWithExtension({ extensionDir: build.dir });
await serveHuggingFace(context, { sitePages, styled: true });
await context.addInitScript(PROBE);
const tab = await context.newPage();

async function load(path, hosts) {
  await tab.goto(`https://arxiv.org${path}?hosts=${hosts}`, { waitUntil: 'load' });
  // document_idle scripts, their batch, the background's answer and any repaint after it.
  await tab.waitForTimeout(1500);
  return tab.evaluate(() => ({ ...window.__probe }));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const rows = [];
for (const [name, page] of Object.entries(PAGES)) {
  await load(page.ext, page.hosts); // warm-up
  await load(page.bare, 0);
  const ext = [];
  const bare = [];
  for (let i = 0; i < ROUNDS; i++) {
    const order = i % 2 ? ['bare', 'ext'] : ['ext', 'bare'];
    for (const kind of order) {
      const result = await load(page[kind], kind === 'ext' ? page.hosts : 0);
      (kind === 'ext' ? ext : bare).push(result);
    }
  }
  const undecorated = ext.filter((r) => !r.decoratedAt).length;
  if (undecorated > 0) throw new Error(`${name}: ${undecorated} loads never got all controls`);
  const frames = ext.map((r) => r.framesAtDecorated - r.framesAtDcl);
  rows.push({
    page: name,
    entries: page.hosts,
    framesAfterDcl: median(frames),
    framesAfterDclMax: Math.max(...frames),
    msAfterDcl: median(ext.map((r) => r.decoratedAt - r.dcl)),
    shiftWithExtension: median(ext.map((r) => r.shift)),
    shiftBare: median(bare.map((r) => r.shift)),
    addedShift: median(ext.map((r) => r.shift)) - median(bare.map((r) => r.shift)),
    addedShiftMax: Math.max(...ext.map((r) => r.shift)) - Math.min(...bare.map((r) => r.shift)),
    rounds: ROUNDS,
  });
}
const chromium = context.browser()?.version();
await close();
build.remove();

const round = (x) => (typeof x === 'number' ? Math.round(x * 10000) / 10000 : x);
console.table(
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]))),
);
const listing = rows.find((r) => r.page === 'listing');
const checks = {
  'arXiv listing of 50 decorated within one frame of DOMContentLoaded (median)':
    listing?.framesAfterDcl <= TARGETS.framesAfterDcl,
  'layout shift added ≤ 0.01 (listing and abstract page, median)': rows.every(
    (r) => r.addedShift <= TARGETS.addedShift,
  ),
};
for (const [what, ok] of Object.entries(checks))
  console.log(`${ok ? 'meets ' : 'MISSES'}  ${what}`);
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, chromium };
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/sites.json',
  JSON.stringify({ date: new Date().toISOString(), machine, rows, checks }, null, 2),
);
console.log('Written to bench-results/sites.json', machine);
