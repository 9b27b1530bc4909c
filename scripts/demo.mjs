#!/usr/bin/env node
// `npm run demo`: opens Chromium with the built extension (dist/) on the saved Hugging Face
// pages, served offline as https://huggingface.co/papers. Needs no account and no network.
//
//   npm run demo                                   a browser window to try it in
//   npm run demo -- --headless --screenshot DIR    PNGs of the decorated page, the popup and the
//                                                  library, in light and dark (*-dark.png)
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serveHuggingFace } from '../test/support/huggingface-routes.mjs';
import { launchWithExtension } from '../test/support/launch-chromium.mjs';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
  },
});

let headless = values.headless;
let shots = values.screenshot;
if (
  !headless &&
  process.platform === 'linux' &&
  !process.env.DISPLAY &&
  !process.env.WAYLAND_DISPLAY
) {
  shots ??= 'artifacts/demo';
  headless = true;
  console.log(`No display here: running headless and saving screenshots to ${shots}/ instead.`);
}

const { context, extensionId, close } = await launchWithExtension({
  headless,
  viewport: { width: 1280, height: 900 },
});
await serveHuggingFace(context, { styled: true });

const page = context.pages()[0] ?? (await context.newPage());
await page.goto('https://huggingface.co/papers');
await page.locator('[data-paper-queue-id]').first().waitFor();
console.log('Paper Queue is loaded on https://huggingface.co/papers (served from test/fixtures).');
console.log(`Popup: chrome-extension://${extensionId}/src/popup/index.html`);
console.log('More saved pages: /papers/trending, /papers/date/2024-08-01');

if (shots) {
  const dir = resolve(shots);
  mkdirSync(dir, { recursive: true });
  const controls = (id) => page.locator(`[data-paper-queue-id="${id}"]`).first();
  // Show both states: one paper saved, one saved and read.
  await controls('2609.20519').getByRole('button', { name: /save/i }).click();
  await controls('2609.08977').getByRole('button', { name: /save/i }).click();
  await controls('2609.08977').getByRole('button', { name: /read/i }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(dir, 'page.png') });

  const older = await context.newPage();
  await older.goto('https://huggingface.co/papers/date/2024-08-01');
  await older.locator('[data-paper-queue-id]').first().waitFor();
  await older
    .locator('[data-paper-queue-id="2407.21783"]')
    .getByRole('button', { name: /save/i })
    .click();
  await older.waitForTimeout(300);
  await older.screenshot({ path: join(dir, 'page-2024.png') });

  // A few more saved papers, with tags and a long note, so the queue pages show them.
  for (const id of ['2407.21770', '2407.21705', '2407.21772', '2407.21646']) {
    await older
      .locator(`[data-paper-queue-id="${id}"]`)
      .getByRole('button', { name: /save/i })
      .click();
  }
  await older.waitForTimeout(300);
  // The listing in the site's dark mode (its html.dark class), with the toast and a read card.
  await older.evaluate(() => document.documentElement.classList.add('dark'));
  await older
    .locator('[data-paper-queue-id="2407.21770"]')
    .getByRole('button', { name: /read/i })
    .click();
  await older.waitForTimeout(300);
  await older.screenshot({ path: join(dir, 'page-2024-dark.png') });

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 580 });
  await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
  await popup.getByRole('listitem').first().waitFor();
  await popup.evaluate(async () => {
    const send = (message) => globalThis.chrome.runtime.sendMessage(message);
    await send({
      type: 'paper.annotate',
      at: Date.now(),
      id: '2407.21783',
      tags: ['llm', 'to read'],
    });
    await send({
      type: 'paper.annotate',
      at: Date.now(),
      id: '2407.21705',
      tags: ['video', 'diffusion'],
    });
    await send({
      type: 'paper.annotate',
      at: Date.now(),
      id: '2407.21772',
      tags: ['safety', 'llm'],
      note: 'Compare the moderation categories with the Llama Guard taxonomy. '.repeat(8),
    });
  });
  await popup.waitForTimeout(500);
  await popup.screenshot({ path: join(dir, 'popup.png') });
  await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.screenshot({ path: join(dir, 'popup-dark.png') });
  await popup.emulateMedia({ colorScheme: 'light' });
  await popup.getByRole('button', { name: 'Export / Import' }).click();
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: join(dir, 'popup-export.png') });

  const library = await context.newPage();
  await library.setViewportSize({ width: 1280, height: 1000 });
  await library.goto(`chrome-extension://${extensionId}/src/library/index.html`);
  await library.getByRole('listitem').first().waitFor();
  await library.waitForTimeout(500);
  await library.screenshot({ path: join(dir, 'library.png') });
  await library.emulateMedia({ colorScheme: 'dark' });
  await library.screenshot({ path: join(dir, 'library-dark.png') });
  console.log(
    `Screenshots in ${dir}: page.png, page-2024.png, page-2024-dark.png, popup.png, popup-dark.png, popup-export.png, library.png, library-dark.png`,
  );
  await close();
} else {
  console.log('Close the browser window to end the demo.');
  context.on('close', () => process.exit(0));
}
