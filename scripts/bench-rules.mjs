#!/usr/bin/env node
// `npm run bench:rules` (part of `npm run bench`): what mute and highlight rules cost the
// content script, in headless Chromium with the test build (dist-test/: its counters on
// `<html data-paper-queue-stats>` time each decorating batch), on a 1,000-card listing made
// from the real 2026 card markup, styled like the site (test/fixtures/site.css).
//
//   - The decorating batch of 1,000 inserted cards, with 200 rules (150 muted words, 50
//     highlighted authors; 10 % of the cards muted) and without, in turn: the batch with the
//     island already read (what rules add: judging), and the batch that reads it first (with
//     rules, the island's metadata is read in the batch instead of at the idle moment after).
//   - The page start with the largest rule lists the settings allow (5 lists of 4,000
//     characters: the content script reads them at document_start and compiles them once)
//     against none: main-thread time of loading a 100-card page, in turn, 15 rounds.
// Prints a table and writes bench-results/rules.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { cardsHtml, islandProps, listingPage } from '../test/support/card-factory.mjs';
import { serveHuggingFace } from '../test/support/huggingface-routes.mjs';
import { launchWithExtension } from '../test/support/launch-chromium.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const LOAD_ROUNDS = Number(process.env.BENCH_LOAD_ROUNDS ?? 15);
const CARDS = 1000;
const BUDGET_MS = 5;

const TOPICS =
  'agents diffusion retrieval robotics speech vision reasoning alignment quantization video graph audio memory scaling safety benchmark tokenizer distillation planning compression'.split(
    ' ',
  );
/** Papers with a topic word in their title (the summary is the real card's, the same for all). */
const papers = (count, prefix) =>
  Array.from({ length: count }, (_, i) => ({
    id: `${prefix}.${String(10000 + i)}`,
    title: `A study of ${TOPICS[i % TOPICS.length]} number ${i}`,
    author: `Author Number${i % 97}`,
  }));
const first = papers(CARDS, '2612');
const second = papers(CARDS, '2611');
const escapeHtml = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** An empty listing whose island describes both sets of papers (the site's props). */
const emptyWithIsland = listingPage([]).replace(
  /(data-target="DailyPapers" data-props=")[^"]*(")/,
  (_m, a, b) => `${a}${escapeHtml(islandProps([...first, ...second]))}${b}`,
);

// 200 rules: words a title or the real summary may hold but mostly does not (two topics do:
// 10 % of the cards are muted), and authors of which none wrote these papers.
const mutedWords = [
  'robotics',
  'quantization',
  ...Array.from({ length: 148 }, (_, i) => `${TOPICS[i % TOPICS.length]}${i}x`),
];
const highlightedAuthors = Array.from({ length: 50 }, (_, i) => `Someone Else${i}`);
const RULES = {
  mutedWords,
  highlightedWords: [],
  mutedAuthors: [],
  highlightedAuthors,
  mutedOrganizations: [],
  minUpvotes: 0,
};
/** The largest rule lists the settings take (5 × 4,000 characters). */
const fill = (prefix) => {
  const terms = [];
  let length = 0;
  for (let i = 0; length + 16 < 4000; i++) {
    const term = `${prefix} term ${i}`;
    terms.push(term);
    length += term.length + 1;
  }
  return terms.slice(0, 250);
};
const BIGGEST = {
  mutedWords: fill('muted'),
  highlightedWords: fill('highlighted'),
  mutedAuthors: fill('author'),
  highlightedAuthors: fill('followed'),
  mutedOrganizations: fill('lab'),
  minUpvotes: 0,
};

const pages = {
  '/papers/date/2026-12-01': emptyWithIsland,
  '/papers/week/2026-W49': listingPage(papers(100, '2610')),
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const { context, worker, close } = await launchWithExtension({ extensionDir: 'dist-test' });
await serveHuggingFace(context, { pages, styled: true });

async function setRules(rules) {
  await worker.evaluate(async (r) => {
    const key = 'paperQueue.settings';
    const current = (await chrome.storage.local.get(key))[key] ?? {};
    await chrome.storage.local.set({ [key]: { ...current, hideMode: 'hide', rules: r } });
  }, rules);
}

/** Inserts `html` into the listing and resolves with the batch's time once every copy has controls. */
async function insert(page, html, expected) {
  return page.evaluate(
    ({ html, expected }) =>
      new Promise((resolve) => {
        const stats = () =>
          JSON.parse(document.documentElement.getAttribute('data-paper-queue-stats'));
        const start = document.querySelectorAll('[data-paper-queue-id]').length;
        const observer = new MutationObserver(() => {
          if (document.querySelectorAll('[data-paper-queue-id]').length - start < expected) return;
          observer.disconnect();
          setTimeout(
            () =>
              resolve({
                batchMs: stats().lastBatchMs,
                muted: document.querySelectorAll('[data-paper-queue-muted]').length,
              }),
            200,
          );
        });
        observer.observe(document.documentElement, { childList: true, subtree: true });
        const list =
          document.querySelector('article')?.parentElement ?? document.querySelector('.grid');
        list.insertAdjacentHTML('beforeend', html);
      }),
    { html, expected },
  );
}

/**
 * Two fresh pages: on one, 1,000 cards inserted at once (with rules, that batch reads the
 * island); on the other, one card first (which reads it), then the 1,000.
 */
async function insertions() {
  const open = async () => {
    const page = await context.newPage();
    await page.goto('https://huggingface.co/papers/date/2026-12-01');
    await page.waitForFunction(() =>
      document.documentElement.hasAttribute('data-paper-queue-stats'),
    );
    await page.waitForTimeout(300);
    return page;
  };
  let page = await open();
  const withParse = await insert(page, cardsHtml(first), CARDS * 2);
  await page.close();
  page = await open();
  await insert(page, cardsHtml(second.slice(0, 1)), 2);
  await page.waitForTimeout(300);
  const islandRead = await insert(page, cardsHtml(first), CARDS * 2);
  await page.close();
  return { withParse, islandRead };
}

const runs = { none: [], rules: [] };
for (let round = 0; round <= ROUNDS; round++) {
  for (const kind of ['none', 'rules']) {
    await setRules(kind === 'rules' ? RULES : {});
    const result = await insertions();
    if (round > 0) runs[kind].push(result); // round 0 warms up
  }
}
const mutedShown = runs.rules[0]?.islandRead.muted ?? 0;

/** Main-thread CPU time of loading a page in a fresh tab until it settles. */
async function loadTime(path) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const thread = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value *
    1000;
  const before = await thread();
  await page.goto(`https://huggingface.co${path}`, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  const ms = (await thread()) - before;
  await page.close();
  return ms;
}
const loads = { none: [], biggest: [] };
for (let round = 0; round <= LOAD_ROUNDS; round++) {
  for (const kind of round % 2 ? ['none', 'biggest'] : ['biggest', 'none']) {
    await setRules(kind === 'biggest' ? BIGGEST : {});
    const ms = await loadTime('/papers/week/2026-W49');
    if (round > 0) loads[kind].push(ms);
  }
}
await close();

const batch = (kind, which) => median(runs[kind].map((r) => r[which].batchMs));
const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, loadAverage: loadavg()[0] },
  cards: CARDS,
  rules: 200,
  mutedOfInserted: mutedShown,
  batchIslandReadMs: { none: batch('none', 'islandRead'), rules: batch('rules', 'islandRead') },
  batchReadingIslandMs: { none: batch('none', 'withParse'), rules: batch('rules', 'withParse') },
  addedByRulesMs: batch('rules', 'islandRead') - batch('none', 'islandRead'),
  addedWithIslandReadMs: batch('rules', 'withParse') - batch('none', 'withParse'),
  pageLoad100CardsMs: { none: median(loads.none), biggestRules: median(loads.biggest) },
  biggestRulesChars: Object.values(BIGGEST)
    .filter(Array.isArray)
    .reduce((n, list) => n + list.join('\n').length, 0),
  budgetMs: BUDGET_MS,
};
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/rules.json', `${JSON.stringify(results, null, 2)}\n`);
const r = (x) => Math.round(x * 10) / 10;
console.log(
  `Rules on a ${CARDS}-card page — ${results.machine.cpu}, ${results.machine.cpus} cores, load ${results.machine.loadAverage.toFixed(1)}`,
);
console.table({
  'batch, island already read (ms)': {
    'no rules': r(results.batchIslandReadMs.none),
    '200 rules': r(results.batchIslandReadMs.rules),
    added: r(results.addedByRulesMs),
  },
  'batch that reads the island (ms)': {
    'no rules': r(results.batchReadingIslandMs.none),
    '200 rules': r(results.batchReadingIslandMs.rules),
    added: r(results.addedWithIslandReadMs),
  },
  'page load, 100 cards, main thread (ms)': {
    'no rules': r(results.pageLoad100CardsMs.none),
    [`largest rules (${results.biggestRulesChars.toLocaleString('en')} chars)`]: r(
      results.pageLoad100CardsMs.biggestRules,
    ),
    added: r(results.pageLoad100CardsMs.biggestRules - results.pageLoad100CardsMs.none),
  },
});
console.log(
  `${results.addedByRulesMs <= BUDGET_MS ? 'meets ' : 'MISSES'}  200 rules add ≤ ${BUDGET_MS} ms to the 1,000-card batch (${mutedShown} of ${CARDS} inserted cards muted)`,
);
console.log('Wrote bench-results/rules.json');
