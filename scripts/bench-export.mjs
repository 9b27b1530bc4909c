#!/usr/bin/env node
// Times every exporter on 10,000 papers built from the saved listings' real papers (the
// Llama 3 paper with its 533 authors among them), and checks the budget: 200 ms per format.
// Prints a table and writes bench-results/export.json.
//   npm run bench:export            (or: node scripts/bench-export.mjs [count])
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const COUNT = Number(process.argv[2] ?? 10_000);
const BUDGET_MS = 200;
const RUNS = 11;

// The exporters are TypeScript: Vite's module runner loads them as the extension build does.
const load = async (path) => (await runnerImport(join(ROOT, path), { configFile: false })).module;
const { renderEntries, renderBackup } = await load('src/shared/export/render.ts');
const { buildBackup } = await load('src/shared/backup/format.ts');
const { EXPORT_FORMATS } = await load('src/shared/export/formats.ts');

const fixture = (name) => JSON.parse(readFileSync(join(ROOT, 'test/fixtures/hf', name), 'utf8'));
const real = [
  ...fixture('listing-2024-08-01.props.json').dailyPapers,
  ...fixture('trending-2026-10.props.json').dailyPapers,
].map(({ paper }) => paper);

/** COUNT papers: real metadata, unique ids, every fifth one read, some tags and notes. */
function makeEntries() {
  const start = Date.UTC(2025, 0, 1);
  return Array.from({ length: COUNT }, (_, i) => {
    const paper = real[i % real.length];
    return {
      id: `25${String(1 + (i % 12)).padStart(2, '0')}.${String(10000 + i).padStart(5, '0')}`,
      title: paper.title,
      authors: paper.authors.filter((a) => !a.hidden).map((a) => a.name),
      summary: paper.summary,
      publishedAt: paper.publishedAt,
      savedAt: start + i * 60_000,
      readAt: i % 5 === 0 ? start + i * 60_000 + 1 : 0,
      tags: i % 3 === 0 ? ['llm', 'to-read'] : [],
      note: i % 7 === 0 ? 'Compare with "the baseline", section 4; =SUM(A1)' : '',
    };
  });
}

const entries = makeEntries();
const backupInput = () => {
  const papers = entries.map(({ id, title, authors, summary, publishedAt }) => ({
    id,
    title,
    authors,
    summary,
    publishedAt,
    firstSeenAt: 1,
    lastSeenAt: 2,
  }));
  const marks = entries.map(({ id, savedAt, readAt, tags, note }) => ({
    id,
    savedAt,
    readAt,
    updatedAt: savedAt,
    pinnedAt: 0,
    tags: [...tags],
    note,
  }));
  return { papers, marks };
};
const { papers, marks } = backupInput();

const render = {
  ...Object.fromEntries(
    EXPORT_FORMATS.filter((f) => f !== 'json').map((f) => [f, () => renderEntries(f, entries)]),
  ),
  json: () => renderBackup(buildBackup(papers, marks, Date.now())),
};

const results = [];
for (const format of EXPORT_FORMATS) {
  const times = [];
  let bytes = 0;
  for (let run = 0; run < RUNS + 2; run++) {
    const t0 = performance.now();
    const text = render[format]();
    const ms = performance.now() - t0;
    if (run >= 2) times.push(ms); // two warm-up runs
    bytes = Buffer.byteLength(text);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  results.push({
    format,
    papers: COUNT,
    medianMs: +median.toFixed(1),
    minMs: +times[0].toFixed(1),
    maxMs: +times.at(-1).toFixed(1),
    megabytes: +(bytes / 1024 / 1024).toFixed(2),
    withinBudget: median <= BUDGET_MS,
  });
}

console.table(results);
// The machine may be shared: the minimum is the exporter's own cost, the median what it met.
const machineLoad = loadavg().map((n) => n.toFixed(2));
console.log(
  `Load average ${machineLoad.join(' ')} on ${cpus().length} CPUs; budget checked on the median.`,
);
const out = join(ROOT, 'bench-results', 'export.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      loadAverage: loadavg(),
      budgetMs: BUDGET_MS,
      runs: RUNS,
      results,
    },
    null,
    2,
  )}\n`,
);
console.log(`Wrote ${out}`);
if (results.some((r) => !r.withinBudget)) {
  console.error(
    `Over budget (${BUDGET_MS} ms median) for: ${results
      .filter((r) => !r.withinBudget)
      .map((r) => r.format)
      .join(', ')}`,
  );
  process.exitCode = 1;
}
