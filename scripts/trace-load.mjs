#!/usr/bin/env node
// Where a listing load's main-thread time goes, with the extension and without: a Chromium
// trace of each load (test build), self time summed per trace event on the page's main
// thread, bare and extension loads side by side. It shows what the bench's "added script /
// style / layout" cannot: garbage collection, parser yields, frames, paint.
// `node scripts/trace-load.mjs [n] [loads]` (default 1,000 cards, 2 loads of each kind);
// `--after-load` counts only what runs after the load event (the 2 s the bench also waits);
// EXT=dir loads another build than dist-test/.
import { listingPage, makePapers } from '../test/support/card-factory.mjs';
import { serveHuggingFace } from '../test/support/huggingface-routes.mjs';
import { launchWithExtension } from '../test/support/launch-chromium.mjs';

const n = Number(process.argv[2] ?? 1000);
const loads = Number(process.argv[3] ?? 2);
const AFTER_LOAD = process.argv.includes('--after-load');
const html = listingPage(makePapers(n, 1, '2611'));
const paths = { ext: '/papers/week/2026-W10', bare: '/__bench__/bare/papers/week/2026-W10' };
const { context, close } = await launchWithExtension({
  extensionDir: process.env.EXT ?? 'dist-test',
});
await serveHuggingFace(context, {
  pages: { [paths.ext]: html, [paths.bare]: html, '/between': '<!doctype html><p>x' },
  styled: true,
});
const page = await context.newPage();
const cdp = await context.newCDPSession(page);

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'blink',
  'loading',
  'toplevel',
].join(',');

async function traceLoad(path) {
  await page.goto('https://huggingface.co/between');
  const events = [];
  const onData = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await page.goto(`https://huggingface.co${path}`, { waitUntil: 'load', timeout: 180_000 });
  await page.waitForTimeout(2000);
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', onData);
  return selfTimes(events);
}

/** Self time (ms) per event name on the main thread of the renderer that loaded the page. */
function selfTimes(events) {
  const main = events.find(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && hasWork(events, e),
  );
  // The page's load event (devtools.timeline's MarkLoad), for --after-load.
  const loadAt = AFTER_LOAD
    ? (events.find((e) => e.name === 'MarkLoad' && e.pid === main.pid)?.ts ?? 0)
    : 0;
  const own = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur)
    .filter((e) => e.ts >= loadAt)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  for (const event of own) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= event.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) parent.childTime = (parent.childTime ?? 0) + event.dur;
    stack.push(event);
  }
  for (const event of own) {
    const ms = (event.dur - (event.childTime ?? 0)) / 1000;
    const was = self.get(event.name) ?? { ms: 0, count: 0 };
    self.set(event.name, { ms: was.ms + ms, count: was.count + 1 });
  }
  return self;
}

/** The renderer main thread that parsed the page (several renderers run: pick the busy one). */
function hasWork(events, thread) {
  return events.some(
    (e) => e.pid === thread.pid && e.tid === thread.tid && e.name === 'ParseHTML' && e.dur > 0,
  );
}

const totals = { ext: new Map(), bare: new Map() };
for (let i = 0; i < loads; i++) {
  for (const kind of i % 2 ? ['bare', 'ext'] : ['ext', 'bare']) {
    for (const [name, { ms, count }] of await traceLoad(paths[kind])) {
      const was = totals[kind].get(name) ?? { ms: 0, count: 0 };
      totals[kind].set(name, { ms: was.ms + ms / loads, count: was.count + count / loads });
    }
  }
}
await close();

const names = [...new Set([...totals.ext.keys(), ...totals.bare.keys()])];
const rows = names
  .map((name) => {
    const none = { ms: 0, count: 0 };
    const ext = totals.ext.get(name) ?? none;
    const bare = totals.bare.get(name) ?? none;
    return {
      name,
      bare: `${bare.ms.toFixed(1)} (${Math.round(bare.count)}×)`,
      ext: `${ext.ms.toFixed(1)} (${Math.round(ext.count)}×)`,
      added: ext.ms - bare.ms,
    };
  })
  .sort((a, b) => Math.abs(b.added) - Math.abs(a.added))
  .slice(0, 25)
  .map((row) => ({ ...row, added: row.added.toFixed(1) }));
const sum = (map) => [...map.values()].reduce((a, b) => a + b.ms, 0);
console.log(`${n} cards, ${loads} loads of each kind, main-thread self time per load (ms)`);
console.table(rows);
console.log(
  `total: bare ${sum(totals.bare).toFixed(0)} ms, with the extension ${sum(totals.ext).toFixed(0)} ms`,
);
