// Rasterizes icons/*.svg into public/icons/icon-<size>.png, and the toolbar's per-tab state
// icons (icons/state-*.svg, a paper page's saved / read look) into state-<name>-<16|32>.png,
// with Debian's Chromium (or CHROME_PATH). Run `node scripts/draw-icons.mjs` after editing an
// SVG; the PNGs are committed.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromePath } from '../test/support/launch-chromium.mjs';

const ROOT = join(import.meta.dirname, '..');
/** The small sizes get their own pixel-grid drawing; scaling the large one down blurs it. */
const SOURCES = { 16: 'icon-small.svg', 32: 'icon-small.svg', 48: 'icon.svg', 128: 'icon.svg' };
/** The toolbar shows these on a paper's page (src/background/tab-papers.ts): 16 and 32 px. */
const STATES = ['saved', 'read', 'saved-read'];
const DRAWINGS = [
  ...Object.entries(SOURCES).map(([size, source]) => [size, source, `icon-${size}.png`]),
  ...STATES.flatMap((state) =>
    [16, 32].map((size) => [size, `state-${state}.svg`, `state-${state}-${size}.png`]),
  ),
];

const browser = await chromium.launch({ executablePath: chromePath(), args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const [size, source, name] of DRAWINGS) {
    const svg = await readFile(join(ROOT, 'icons', source), 'utf8');
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setViewportSize({ width: Number(size), height: Number(size) });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}</style>` +
        `<img src="${src}" width="${size}" height="${size}" style="display:block">`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    const out = join(ROOT, 'public', 'icons', name);
    await page.screenshot({ path: out, omitBackground: true });
    console.log(`wrote ${out}`);
  }
} finally {
  await browser.close();
}
