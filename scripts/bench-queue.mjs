// Benchmark: the queue at the whole corpus, in headless Chromium, on the built extension.
//
//   npm run bench:queue                           (builds first; 10,000 papers)
//   BENCH_PAPERS=50000 npm run bench:queue        (the whole Daily Papers corpus)
//   node scripts/bench-queue.mjs                  (uses dist/ as it is)
//
// Two browsers in one run, one with 20 saved papers and one with BENCH_PAPERS (metadata and
// marks as the extension stores them), so the large library is judged against the small one
// on the same machine at the same moment: their popups are opened in turn. Each database is
// seeded from one of the extension's pages (page.evaluate with the plain IndexedDB API, after
// the page opened it with the shipped schema), so no test code ships in the extension; then
// the background is restarted and its start-up work (today's snapshot, the mark index) is
// waited for, as on a day the user already opened it. Measures, in the page:
//   - popup first row since navigation, and after the database opened (performance marks
//     set by src/ui/queue/timing.ts), and when the whole library has streamed in;
//   - each search keystroke: main-thread time to the re-rendered list, and until all matches;
//   - mark read, until the list shows it;
//   - the library's first row, and scrolling its full list (frame times);
//   - at the large size: every export format of everything (`transfer.export` as text), and
//     an import of BENCH_PAPERS ids not yet saved, with the progress the page was shown.
// Prints a table and writes bench-results/queue.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../test/support/launch-chromium.mjs';

const PAPERS = Number(process.env.BENCH_PAPERS ?? 10_000);
const SMALL = 20;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const QUERY = 'diffusion transformer';
const FORMATS = ['markdown', 'bibtex', 'ris', 'csl-json', 'csv', 'json'];
const BUDGETS = {
  firstRowMs: 150,
  firstRowRatio: 1.35,
  markReadMs: 50,
  searchCompleteMs: 50,
  exportMs: 1000,
};

/** Where the exports land (removed at the end). */
const downloadsDir = mkdtempSync(join(tmpdir(), 'paper-queue-bench-downloads-'));

/** One browser with `count` saved papers, its background settled. */
async function startLibrary(count) {
  const browser = await launchWithExtension({ headless: true, downloadsDir });
  const base = `chrome-extension://${browser.extensionId}/src`;
  const open = async (path, viewport) => {
    const page = await browser.context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(`${base}/${path}`);
    return page;
  };
  await seed(open, count);
  await settle(browser, open);
  return { ...browser, base, open };
}

/** Writes `count` papers and their marks straight into the extension's database. */
async function seed(open, count) {
  const page = await open('popup/index.html', { width: 420, height: 600 });
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
    const opened = indexedDB.open('paper-queue');
    const db = await new Promise((resolve, reject) => {
      opened.onsuccess = () => resolve(opened.result);
      opened.onerror = () => reject(opened.error);
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

/**
 * Restarts the background, as the browser does after it idled, and waits for what it does on
 * starting with this library: today's snapshot and the mark index. The measures then see the
 * extension as on any later opening that day, not its once-a-day work.
 */
async function settle(browser, open) {
  const page = await open('popup/index.html', { width: 420, height: 600 });
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.waitForTimeout(500);
  const start = Date.now();
  for (;;) {
    const done = await page.evaluate(async () => {
      const reply = await chrome.runtime.sendMessage({ type: 'snapshots.list' });
      const index = (await chrome.storage.local.get('paperQueue.index'))['paperQueue.index'];
      return reply.ok && reply.data.some((s) => s.reason === 'daily') && index?.v > 0;
    });
    if (done) break;
    if (Date.now() - start > 180_000) throw new Error('The background did not settle in 3 min');
    await page.waitForTimeout(500);
  }
  await page.waitForTimeout(1000);
  await page.close();
}

/** Opens the popup: its first row since navigation and after the database opened. */
async function popupFirstRender(library) {
  const page = await library.open('popup/index.html', { width: 420, height: 600 });
  await page.locator('li[data-paper-id]').first().waitFor({ timeout: 60_000 });
  const timing = await page.evaluate(() => {
    const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
    return {
      afterDbOpen: mark('paper-queue:first-render') - mark('paper-queue:db-open'),
      sinceNavigation: mark('paper-queue:first-render'),
      rows: document.querySelectorAll('li[data-paper-id]').length,
    };
  });
  // Then the whole library: counts, search and sort need all of it.
  await page.locator('ul.queue[aria-busy="false"]').waitFor({ timeout: 120_000 });
  const whole = await page.evaluate(() => performance.now());
  return { page, timing: { ...timing, wholeLibrary: whole } };
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

/** Marks the first unread row read with its own button; time until the list shows it. */
async function markReadLatency(page) {
  const id = await page
    .locator('li[data-paper-id]:not(.read)')
    .first()
    .getAttribute('data-paper-id');
  const item = page.locator(`li[data-paper-id="${id}"]`);
  const elapsed = await page.evaluate(
    (paper) =>
      new Promise((resolve) => {
        const row = () => document.querySelector(`li[data-paper-id="${paper}"]`);
        const start = performance.now();
        const shows = () =>
          row()?.querySelector('.item-actions button[aria-pressed="true"]')?.textContent ===
          'Mark unread';
        new MutationObserver((_, observer) => {
          if (!shows()) return;
          observer.disconnect();
          resolve(performance.now() - start);
        }).observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
        row()?.querySelector('.item-actions button[aria-pressed="false"]')?.click();
      }),
    id,
  );
  // Back as it was, for the next run.
  await item.getByRole('button', { name: 'Mark unread' }).click();
  await item.getByRole('button', { name: 'Mark read' }).waitFor({ timeout: 30_000 });
  return elapsed;
}

/** The library's first row, then ~4 s of scrolling its full list (gaps between frames). */
async function libraryRun(library) {
  const page = await library.open('library/index.html', { width: 1280, height: 900 });
  await page.locator('li[data-paper-id]').first().waitFor({ timeout: 60_000 });
  const firstRow = await page.evaluate(
    () => performance.getEntriesByName('paper-queue:first-render')[0]?.startTime ?? Number.NaN,
  );
  await page.locator('ul.queue[aria-busy="false"]').waitFor({ timeout: 120_000 });
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
  return { firstRow, ...result };
}

/**
 * Every format of everything, as a user exports it: the library's Export panel, Download,
 * from the click until the panel says the file is on its way (the library streamed in first).
 */
async function exports(library) {
  const page = await library.open('library/index.html', { width: 1280, height: 900 });
  await page.locator('ul.queue[aria-busy="false"]').waitFor({ timeout: 120_000 });
  const panel = page.locator('section[aria-label="Export"]');
  await panel.getByLabel('Papers to export').selectOption('everything');
  const times = {};
  for (const format of FORMATS) {
    await panel.getByLabel('Export format').selectOption(format);
    times[format] = [];
    for (let run = 0; run < 3; run++) {
      const { ms, text } = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const section = document.querySelector('section[aria-label="Export"]');
            const button = [...section.querySelectorAll('button')].find(
              (b) => b.textContent === 'Download',
            );
            const start = performance.now();
            const done = () => {
              const status = section.querySelector('.transfer-status:not(.job-progress *)');
              const text = status?.textContent ?? '';
              if (
                /^Downloading|cancelled|Nothing|larger|Error/i.test(text) ||
                section.querySelector('[role="alert"]')
              ) {
                observer.disconnect();
                resolve({ ms: performance.now() - start, text });
              }
            };
            const observer = new MutationObserver(done);
            observer.observe(section, { subtree: true, childList: true, characterData: true });
            button.click();
          }),
      );
      if (!/^Downloading/.test(text) || !text.includes(PAPERS.toLocaleString('en'))) {
        throw new Error(`${format}: ${text}`);
      }
      times[format].push(ms);
      await page.waitForTimeout(300);
    }
  }
  await page.close();
  return times;
}

/** Imports PAPERS ids not saved yet (a pasted list), noting the progress the page was told. */
async function importIds(library) {
  const page = await library.open('popup/index.html', { width: 420, height: 600 });
  await page.locator('main.popup').waitFor();
  const result = await page.evaluate(async (n) => {
    const ids = Array.from(
      { length: n },
      (_, i) => `25${String(1 + (i % 12)).padStart(2, '0')}.${String(10000 + i).padStart(5, '0')}`,
    );
    const progress = [];
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area !== 'session') return;
      for (const [key, change] of Object.entries(changes)) {
        if (key.startsWith('paperQueue.job.') && change.newValue) progress.push(change.newValue);
      }
    });
    const job = `bench-${Date.now()}`;
    const start = performance.now();
    const reply = await chrome.runtime.sendMessage({
      type: 'transfer.import',
      text: ids.join('\n'),
      job,
    });
    const ms = performance.now() - start;
    if (!reply.ok) throw new Error(reply.error);
    return {
      ms,
      report: reply.data.report,
      updates: progress.length,
      last: progress.at(-1) ?? null,
    };
  }, PAPERS);
  await page.close();
  return result;
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1], n: sorted.length };
};
const round = (o) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v * 10) / 10]));
const median = (values) => stats(values).median;

const libraries = { small: await startLibrary(SMALL), large: await startLibrary(PAPERS) };
const measured = {};
for (const size of Object.keys(libraries)) {
  measured[size] = {
    sinceNavigation: [],
    afterDbOpen: [],
    whole: [],
    keystrokes: [],
    complete: [],
    markRead: [],
    rows: 0,
  };
}
// The popups of both sizes in turn, so a busy moment of the machine costs both alike.
for (let run = 0; run < RUNS; run++) {
  for (const [size, library] of Object.entries(libraries)) {
    const m = measured[size];
    const { page, timing } = await popupFirstRender(library);
    m.sinceNavigation.push(timing.sinceNavigation);
    m.afterDbOpen.push(timing.afterDbOpen);
    m.whole.push(timing.wholeLibrary);
    m.rows = timing.rows;
    if (run > 0) {
      // Run 0 warms up.
      const { times, complete } = await searchKeystrokes(page);
      m.keystrokes.push(...times);
      m.complete.push(...complete);
      m.markRead.push(await markReadLatency(page));
    }
    await page.close();
  }
}
const library = {};
for (const [size, lib] of Object.entries(libraries)) library[size] = await libraryRun(lib);
const exportTimes = await exports(libraries.large);
const imported = await importIds(libraries.large);

const cpuModel = cpus()[0]?.model ?? 'unknown';
const sizeResults = (size) => {
  const m = measured[size];
  return {
    popupFirstRowSinceNavigationMs: round(stats(m.sinceNavigation)),
    popupFirstRowAfterDbOpenMs: round(stats(m.afterDbOpen)),
    popupRowsAtFirstRender: m.rows,
    popupWholeLibrarySinceNavigationMs: round(stats(m.whole)),
    searchKeystrokeMs: round(stats(m.keystrokes)),
    searchKeystrokeUntilAllMatchesMs: round(stats(m.complete)),
    markReadUntilShownMs: round(stats(m.markRead)),
    libraryFirstRowSinceNavigationMs: Math.round(library[size].firstRow),
    libraryScrollFrameMs: round(stats(library[size].frames)),
    libraryRowsAfterScroll: library[size].rows,
  };
};
const results = {
  date: new Date().toISOString(),
  machine: {
    nproc: cpus().length,
    cpu: cpuModel,
    chromium: libraries.large.context.browser()?.version(),
    // The machine may be shared: a busy one makes every figure worse (1-minute load average).
    loadAverage: loadavg()[0],
  },
  papers: { small: SMALL, large: PAPERS },
  small: sizeResults('small'),
  large: sizeResults('large'),
  firstRowRatio:
    Math.round(
      (median(measured.large.sinceNavigation) / median(measured.small.sinceNavigation)) * 100,
    ) / 100,
  exportEverythingMs: Object.fromEntries(
    Object.entries(exportTimes).map(([format, times]) => [format, Math.round(median(times))]),
  ),
  importIds: {
    papers: PAPERS,
    ms: Math.round(imported.ms),
    report: imported.report,
    progressUpdates: imported.updates,
    lastProgress: imported.last,
  },
  budgets: BUDGETS,
};
for (const lib of Object.values(libraries)) await lib.close();
rmSync(downloadsDir, { recursive: true, force: true });

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/queue.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `Paper Queue, ${SMALL} and ${PAPERS.toLocaleString('en')} saved papers — ${cpuModel}, ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}`,
);
const row = (label, key) => ({
  [`${label} @ ${SMALL}`]: results.small[key],
  [`${label} @ ${PAPERS.toLocaleString('en')}`]: results.large[key],
});
console.table({
  ...row('popup first row since navigation (ms)', 'popupFirstRowSinceNavigationMs'),
  ...row('popup first row after DB open (ms)', 'popupFirstRowAfterDbOpenMs'),
  ...row('popup whole library streamed in (ms)', 'popupWholeLibrarySinceNavigationMs'),
  ...row('search keystroke, main thread (ms)', 'searchKeystrokeMs'),
  ...row('search keystroke, until all matches (ms)', 'searchKeystrokeUntilAllMatchesMs'),
  ...row('mark read, until the list shows it (ms)', 'markReadUntilShownMs'),
  ...row('library scroll, frame interval (ms)', 'libraryScrollFrameMs'),
});
console.log(
  `First row: ${PAPERS.toLocaleString('en')} papers / ${SMALL} papers = ${results.firstRowRatio}× (budget ${BUDGETS.firstRowRatio}×, and ≤ ${BUDGETS.firstRowMs} ms)`,
);
console.log(
  `Library first row: ${results.small.libraryFirstRowSinceNavigationMs} ms @ ${SMALL}, ${results.large.libraryFirstRowSinceNavigationMs} ms @ ${PAPERS.toLocaleString('en')}`,
);
console.log('Export of everything, median of 3 (ms):', results.exportEverythingMs);
console.log(
  `Import of ${PAPERS.toLocaleString('en')} ids: ${results.importIds.ms} ms, ${imported.updates} progress updates`,
  imported.report,
);
console.log('Wrote bench-results/queue.json');
