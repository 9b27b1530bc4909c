// Benchmark: the queue with 10,000 saved papers, in headless Chromium, on the built extension.
//
//   npm run bench:queue            (builds first)
//   node scripts/bench-queue.mjs   (uses dist/ as it is)
//
// Seeds the extension's own IndexedDB from one of its pages (page.evaluate with the plain
// IndexedDB API, after the page opened the database with the shipped schema), so no test
// code ships in the extension. Measures, in the page:
//   - popup first render: from the database opening to the first rows in the DOM
//     (performance marks set by src/ui/queue/timing.ts);
//   - each search keystroke: main-thread time from the input event to the re-rendered list;
//   - scrolling the library's full list: frame times while scrolling to row ~1,000.
// Prints a table and writes bench-results/queue.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { launchWithExtension } from '../test/support/launch-chromium.mjs';

const PAPERS = Number(process.env.BENCH_PAPERS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const QUERY = 'diffusion transformer';

const { context, extensionId, close } = await launchWithExtension({ headless: true });
const base = `chrome-extension://${extensionId}/src`;

async function openPage(path, viewport) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(`${base}/${path}`);
  return page;
}

/** Writes `count` papers and their marks straight into the extension's database. */
async function seed(count) {
  const page = await openPage('popup/index.html', { width: 420, height: 600 });
  await page.locator('main.popup').waitFor();
  await page.evaluate(async (n) => {
    let seed = 42;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    // A vocabulary shaped like English: a few topical words, thousands of rarer ones, and
    // Zipf-like use (the first words are by far the most common).
    const topical =
      'the of and a to in we is for that model language learning with on diffusion transformer vision agent reasoning scaling sparse attention retrieval video robot policy reward alignment benchmark multimodal token efficient graph neural speech audio generation context memory experts quantization distillation'.split(
        ' ',
      );
    const syllables =
      'ka ri to ne mu sa lo vi de pa an el or is un ex tra con pre ment ing ed'.split(' ');
    const words = [...topical];
    while (words.length < 6000) {
      const n = 2 + Math.floor(rand() * 3);
      words.push(
        Array.from({ length: n }, () => syllables[Math.floor(rand() * syllables.length)]).join(''),
      );
    }
    const pick = () => words[Math.floor(words.length * rand() ** 3)];
    const sentence = (len) => Array.from({ length: len }, pick).join(' ');
    const open = indexedDB.open('paper-queue');
    const db = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['papers', 'marks'], 'readwrite');
    const papers = tx.objectStore('papers');
    const marks = tx.objectStore('marks');
    const now = Date.now();
    for (let i = 0; i < n; i++) {
      const id = `24${String(1 + (i % 12)).padStart(2, '0')}.${String(10000 + i).padStart(5, '0')}`;
      const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 700) * 86_400_000);
      papers.put({
        id,
        title: `${sentence(4)} for ${sentence(3)} (${i})`,
        authors: Array.from({ length: 1 + Math.floor(rand() * 8) }, () => `${pick()} ${pick()}`),
        summary: sentence(150),
        publishedAt: day.toISOString(),
        upvotes: Math.floor(rand() * 300),
        numComments: Math.floor(rand() * 20),
        firstSeenAt: now - i * 60_000,
        lastSeenAt: now - i * 60_000,
      });
      const savedAt = now - i * 60_000;
      const readAt = rand() < 0.3 ? savedAt + 1000 : 0;
      // As schema v3 stores a mark: each decision with its time (src/db/records.ts).
      marks.put({
        id,
        savedAt,
        readAt,
        updatedAt: savedAt + 1000,
        pinnedAt: i < 3 ? savedAt : 0,
        tags: rand() < 0.2 ? [pick(), pick()] : [],
        note: rand() < 0.1 ? sentence(20) : '',
        clock: {
          savedAt,
          readAt: readAt || savedAt,
          pinnedAt: savedAt,
          tags: savedAt,
          note: savedAt,
        },
      });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, count);
  await page.close();
}

/** Opens the popup and reads how long the first rows took after the database opened. */
async function popupFirstRender() {
  const page = await openPage('popup/index.html', { width: 420, height: 600 });
  await page.locator('li[data-paper-id]').first().waitFor();
  const first = await page.evaluate(() => performance.now());
  // Then the whole library: the later measures need all of it.
  await page.locator('ul.queue[aria-busy="false"]').waitFor({ timeout: 60_000 });
  const whole = await page.evaluate(() => performance.now());
  const timing = await page.evaluate(() => {
    const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
    const open = mark('paper-queue:db-open');
    const rendered = mark('paper-queue:first-render');
    return {
      afterDbOpen: rendered - open,
      sinceNavigation: rendered,
      rows: document.querySelectorAll('li[data-paper-id]').length,
    };
  });
  return {
    page,
    timing: { ...timing, wholeLibraryWithin: whole - first + timing.sinceNavigation },
  };
}

/** Types QUERY one character at a time, then deletes it, timing each keystroke's work. */
async function searchKeystrokes(page) {
  return page.evaluate(async (query) => {
    const input = document.querySelector('input[type="search"]');
    const nextTask = () =>
      new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = resolve;
        channel.port2.postMessage(0);
      });
    const list = () => document.querySelector('ul.queue');
    const times = [];
    const complete = [];
    const key = async (value) => {
      const start = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // Preact renders in a microtask: the next task starts after the list is in the DOM.
      await nextTask();
      times.push(performance.now() - start);
      // The rest of the matches are found in later slices; wait for the last one.
      while (list()?.getAttribute('aria-busy') === 'true') await nextTask();
      complete.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 20));
    };
    input.focus();
    for (let i = 1; i <= query.length; i++) await key(query.slice(0, i));
    for (let i = query.length - 1; i >= 0; i--) await key(query.slice(0, i));
    return { times, complete };
  }, QUERY);
}

/** Marks the first unread row read and times until the list shows it (a full live re-read). */
async function markReadLatency(page) {
  const row = page.locator('li[data-paper-id]:not(.read)').first();
  const id = await row.getAttribute('data-paper-id');
  const item = page.locator(`li[data-paper-id="${id}"]`);
  const start = await page.evaluate((paper) => {
    document
      .querySelector(`li[data-paper-id="${paper}"] .item-actions button[aria-pressed="false"]`)
      ?.click();
    return performance.now();
  }, id);
  await item.getByRole('button', { name: 'Mark unread' }).waitFor({ timeout: 30_000 });
  const end = await page.evaluate(() => performance.now());
  await item.getByRole('button', { name: 'Mark unread' }).click();
  await item.getByRole('button', { name: 'Mark read' }).waitFor({ timeout: 30_000 });
  return end - start;
}

/** Scrolls the library's full list for ~4 s and records the gap between frames. */
async function scrollLibrary() {
  const page = await openPage('library/index.html', { width: 1280, height: 900 });
  await page.locator('ul.queue[aria-busy="false"]').waitFor({ timeout: 60_000 });
  const result = await page.evaluate(async () => {
    const frames = [];
    let last = performance.now();
    const end = last + 4000;
    while (performance.now() < end) {
      window.scrollBy(0, 120);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    return { frames, rows: document.querySelectorAll('li[data-paper-id]').length };
  });
  await page.close();
  return result;
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    median: at(0.5),
    p95: at(0.95),
    max: sorted[sorted.length - 1],
    n: sorted.length,
  };
};
const round = (o) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v * 10) / 10]));

await seed(PAPERS);
const firstRenders = [];
const sinceNavigation = [];
const wholeLibrary = [];
const keystrokes = [];
const keystrokesComplete = [];
const markReads = [];
let rows = 0;
for (let run = 0; run < RUNS; run++) {
  const { page, timing } = await popupFirstRender();
  firstRenders.push(timing.afterDbOpen);
  sinceNavigation.push(timing.sinceNavigation);
  wholeLibrary.push(timing.wholeLibraryWithin);
  rows = timing.rows;
  if (run > 0) {
    // Run 0 warms up.
    const { times, complete } = await searchKeystrokes(page);
    keystrokes.push(...times);
    keystrokesComplete.push(...complete);
    markReads.push(await markReadLatency(page));
  }
  await page.close();
}
const scroll = await scrollLibrary();

const cpuModel = cpus()[0]?.model ?? 'unknown';
const results = {
  date: new Date().toISOString(),
  machine: {
    nproc: cpus().length,
    cpu: cpuModel,
    chromium: context.browser()?.version(),
    // The machine may be shared: a busy one makes every figure worse (1-minute load average).
    loadAverage: loadavg()[0],
  },
  papers: PAPERS,
  popupFirstRenderAfterDbOpenMs: round(stats(firstRenders)),
  popupFirstRenderSinceNavigationMs: round(stats(sinceNavigation)),
  popupRowsAtFirstRender: rows,
  popupWholeLibraryLoadedSinceNavigationMs: round(stats(wholeLibrary)),
  searchKeystrokeMs: round(stats(keystrokes)),
  searchKeystrokeUntilAllMatchesMs: round(stats(keystrokesComplete)),
  markReadUntilShownMs: round(stats(markReads)),
  libraryScrollFrameMs: round(stats(scroll.frames)),
  libraryRowsAfterScroll: scroll.rows,
  budgets: { firstRenderMs: 100, keystrokeMs: 16 },
};
await close();

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/queue.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `Paper Queue, ${PAPERS.toLocaleString('en')} saved papers — ${cpuModel}, ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}`,
);
console.table({
  'popup first render after DB open (ms)': results.popupFirstRenderAfterDbOpenMs,
  'popup first render since navigation (ms)': results.popupFirstRenderSinceNavigationMs,
  'popup whole library loaded, upper bound (ms)': results.popupWholeLibraryLoadedSinceNavigationMs,
  'search keystroke, main thread (ms)': results.searchKeystrokeMs,
  'search keystroke, until all matches (ms)': results.searchKeystrokeUntilAllMatchesMs,
  'mark read, until the list shows it (ms)': results.markReadUntilShownMs,
  'library scroll, frame interval (ms)': results.libraryScrollFrameMs,
});
console.log(
  `Rows in the DOM: popup at first render ${rows}; library after scrolling ${scroll.rows}`,
);
console.log('Wrote bench-results/queue.json');
