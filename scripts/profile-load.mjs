#!/usr/bin/env node
// Where the content script's time goes while a listing loads: a CPU profile of one load of
// n generated cards (default 1,000) in headless Chromium with the test build, summed by
// function for the extension's own scripts. `node scripts/profile-load.mjs [n] [loads]`;
// EXT=dir loads another build than dist-test/ (a variant built with `--outDir`, to compare).
import { mkdirSync, writeFileSync } from 'node:fs';
import { listingPage, makePapers } from '../test/support/card-factory.mjs';
import { serveHuggingFace } from '../test/support/huggingface-routes.mjs';
import { launchWithExtension } from '../test/support/launch-chromium.mjs';

const n = Number(process.argv[2] ?? 1000);
const loads = Number(process.argv[3] ?? 3);
const path = '/papers/week/2026-W10';
const { context, close } = await launchWithExtension({
  extensionDir: process.env.EXT ?? 'dist-test',
});
await serveHuggingFace(context, {
  pages: { [path]: listingPage(makePapers(n, 1, '2611')), '/between': '<!doctype html><p>x' },
  styled: true,
});
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const byFunction = new Map();
let total = 0;
for (let i = 0; i < loads; i++) {
  await page.goto('https://huggingface.co/between');
  await cdp.send('Profiler.start');
  await page.goto(`https://huggingface.co${path}`, { waitUntil: 'load', timeout: 180_000 });
  await page.waitForTimeout(2000);
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node);
  const dt = new Map();
  for (let s = 0; s < profile.samples.length; s++) {
    const id = profile.samples[s];
    dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[s] ?? 0) / 1000);
  }
  for (const [id, ms] of dt) {
    const { callFrame } = byId.get(id);
    const ours = callFrame.url.startsWith('chrome-extension://');
    const key = ours
      ? `${callFrame.functionName || '(anon)'} ${callFrame.url.split('/').pop()}:${callFrame.lineNumber}`
      : `[page] ${callFrame.functionName || callFrame.url.split('/').pop() || '(native)'}`;
    if (ours) total += ms;
    // A native call is charged to the extension function that made it, if one did.
    const caller = !ours && !callFrame.url ? parentOf.get(id)?.callFrame : undefined;
    if (caller?.url.startsWith('chrome-extension://')) {
      total += ms;
      const by = `  ↳ from ${caller.functionName || '(anon)'}:${caller.lineNumber}`;
      byFunction.set(key + by, (byFunction.get(key + by) ?? 0) + ms);
      continue;
    }
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  }
}
const rows = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 40);
for (const [key, ms] of rows) console.log(`${(ms / loads).toFixed(1).padStart(8)} ms  ${key}`);
console.log(`extension JS self time per load: ${(total / loads).toFixed(1)} ms`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/profile-load.json', JSON.stringify(rows, null, 1));
await close();
