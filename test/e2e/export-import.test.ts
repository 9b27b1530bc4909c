// Export from the popup lands as a real download with the right name and content; importing
// a file fills the queue (and the background fetches the imported papers' authors from the
// API, served here from the recorded listing); a bad file is refused with the reason.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionDiagnostics } from '../support/chrome-extensions-page.mjs';
import {
  controlsOf,
  eventually,
  saveButton,
  useExtensionSession,
} from '../support/extension-session';
import { LISTING_2024, readProps } from '../support/fixtures';

const LLAMA = '2407.21783';
const AVATAR = '2407.21686';
const IMPORTED = ['2407.21770', '2407.21705'];

/** `/api/papers/<id>` answers built from the saved listing's island (the same paper objects). */
const api = Object.fromEntries(
  readProps(LISTING_2024)
    .dailyPapers.filter(({ paper }) => IMPORTED.includes(paper.id))
    .map(({ paper }) => [`/api/papers/${paper.id}`, () => JSON.stringify(paper)]),
);

const downloadDir = mkdtempSync(join(tmpdir(), 'paper-queue-downloads-'));
afterAll(() => rmSync(downloadDir, { recursive: true, force: true }));
const session = useExtensionSession({ pages: api, downloadsDir: downloadDir });
beforeAll(async () => {
  // Background downloads are invisible to page.waitForEvent('download'), and Playwright's
  // own download handling (GUID names in a temporary folder) would hide the file name: give
  // this browser context back Chromium's normal behaviour, into the profile's folder above.
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  const { targetInfo } = await cdp.send('Target.getTargetInfo');
  await cdp.send('Browser.setDownloadBehavior', {
    behavior: 'default',
    browserContextId: targetInfo.browserContextId,
  });
  await page.close();
});

async function openTransfer(): Promise<Page> {
  const popup = await session.openPopup();
  await popup.getByText('Export / Import').click();
  return popup;
}

describe('export from the popup', () => {
  it('downloads a BibTeX file of the saved papers, named after scope and date', async () => {
    const page = await session.openSite('/papers/date/2024-08-01');
    for (const id of [LLAMA, AVATAR]) {
      await saveButton(controlsOf(page, id)).click();
      await eventually(
        async () =>
          expect(await saveButton(controlsOf(page, id)).first().getAttribute('aria-pressed')).toBe(
            'true',
          ),
        3000,
      );
    }
    const popup = await openTransfer();
    await popup.getByLabel('Papers to export').selectOption('saved');
    await popup.getByLabel('Export format').selectOption('bibtex');
    await popup.getByRole('button', { name: 'Download' }).click();
    const status = popup.getByRole('status');
    await eventually(
      async () => expect(await status.textContent()).toMatch(/Downloading .*\(2 papers\)/),
      5000,
    );
    const name = /Downloading (\S+)/.exec((await status.textContent()) ?? '')?.[1] ?? '';
    expect(name).toMatch(/^paper-queue-saved-\d{4}-\d{2}-\d{2}\.bib$/);

    await eventually(async () => expect(readdirSync(downloadDir)).toContain(name), 10_000);
    const text = readFileSync(join(downloadDir, name), 'utf8');
    expect(text).toContain('@misc{dubey2024llama,\n  title = {{The Llama 3 Herd of Models}},');
    expect(text).toContain('@misc{moon2024expressive,');
    expect(text).toContain('author = {Gyeongsik Moon and Takaaki Shiratori and Shunsuke Saito},');

    // The browser's own record of the download agrees.
    const items = await session.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          downloads: {
            search: (q: object) => Promise<{ filename: string; state: string; mime: string }[]>;
          };
        };
      };
      return chrome.downloads.search({});
    });
    expect(items).toContainEqual(
      expect.objectContaining({
        filename: join(downloadDir, name),
        state: 'complete',
      }),
    );
    await popup.close();
    await page.close();
  });

  it('copies a Markdown checklist to the clipboard', async () => {
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const popup = await openTransfer();
    await popup.getByRole('button', { name: 'Copy' }).click();
    await eventually(
      async () => expect(await popup.getByRole('status').textContent()).toMatch(/^Copied 2 papers/),
      5000,
    );
    const copied = await popup.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(
      `- [ ] [The Llama 3 Herd of Models](https://huggingface.co/papers/${LLAMA})`,
    );
    await popup.close();
  });
});

describe('import from the popup', () => {
  it('imports a list file; the popup lists the papers, with titles fetched from the API', async () => {
    const popup = await openTransfer();
    const list = `# two papers\n${IMPORTED[0]}\nhttps://huggingface.co/papers/${IMPORTED[1]}\n`;
    await popup.locator('input[type=file]').setInputFiles({
      name: 'reading-list.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(list),
    });
    await eventually(
      async () =>
        expect(await popup.getByRole('status').textContent()).toBe(
          'List imported: 2 added, 0 updated, 0 unchanged.',
        ),
      5000,
    );
    for (const id of IMPORTED) {
      await eventually(
        async () => expect(await popup.locator(`li[data-paper-id="${id}"]`).count()).toBe(1),
        3000,
      );
    }
    const title = readProps(LISTING_2024)
      .dailyPapers.find((d) => d.paper.id === IMPORTED[0])
      ?.paper.title.replace(/\s+/g, ' ');
    await eventually(
      async () =>
        expect(await popup.locator(`li[data-paper-id="${IMPORTED[0]}"] .title`).textContent()).toBe(
          title,
        ),
      10_000,
    );
    await popup.close();
  });

  it('refuses a truncated backup with the reason and changes nothing', async () => {
    const popup = await openTransfer();
    const before = await popup.getByRole('listitem').count();
    await popup.locator('input[type=file]').setInputFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "paper-queue-backup", "version": 1, "papers": [{"id"'),
    });
    await eventually(
      async () =>
        expect(await popup.getByRole('alert').textContent()).toMatch(
          /^Nothing was imported\. Not valid JSON \(truncated or damaged\?\)/,
        ),
      5000,
    );
    expect(await popup.getByRole('listitem').count()).toBe(before);
    await popup.close();
  });

  it('downloads a JSON backup that imports back with nothing to change', async () => {
    const popup = await openTransfer();
    await popup.getByLabel('Papers to export').selectOption('everything');
    await popup.getByLabel('Export format').selectOption('json');
    await popup.getByRole('button', { name: 'Download' }).click();
    await eventually(
      async () => expect(await popup.getByRole('status').textContent()).toMatch(/^Downloading/),
      5000,
    );
    const name = /Downloading (\S+)/.exec(
      (await popup.getByRole('status').textContent()) ?? '',
    )?.[1];
    expect(name).toMatch(/^paper-queue-everything-\d{4}-\d{2}-\d{2}\.json$/);
    await eventually(async () => expect(readdirSync(downloadDir)).toContain(name), 10_000);
    const text = readFileSync(join(downloadDir, name as string), 'utf8');
    const backup = JSON.parse(text);
    expect(backup).toMatchObject({ format: 'paper-queue-backup', version: 3 });
    expect(backup.marks.map((m: { id: string }) => m.id).sort()).toEqual(
      [AVATAR, ...IMPORTED, LLAMA].sort(),
    );
    await popup.locator('input[type=file]').setInputFiles({
      name: name as string,
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await eventually(
      async () =>
        expect(
          await popup.locator('section[aria-label="Import"] [role=status]').textContent(),
        ).toMatch(/^Backup imported: 0 added, 0 updated, \d+ unchanged\.$/),
      5000,
    );
    await popup.close();
  });

  it('takes a backup on request and lists it', async () => {
    const popup = await openTransfer();
    await popup.getByRole('button', { name: 'Back up now' }).click();
    await eventually(
      async () =>
        expect(await popup.locator('.snapshots li').first().textContent()).toMatch(
          /By you \(Back up now\) · 4 papers/,
        ),
      5000,
    );
    await popup.close();
  });

  it('left no runtime error behind', async () => {
    const diagnostics = await extensionDiagnostics(session.context, 'Paper Queue');
    expect(diagnostics.runtimeErrors).toEqual([]);
  });
});
