// Importing what people have, through the popup: a Zotero-style BibTeX file with a book
// that has no arXiv id is previewed (Cancel imports nothing; Import imports the three papers
// with the titles the file gives, before the site is ever seen); a pasted list with bad
// lines is previewed and its good lines imported; a PDF gets one sentence, nothing else.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionDiagnostics } from '../support/chrome-extensions-page.mjs';
import { type ExtensionSession, eventually, startSession } from '../support/extension-session';
import { readFixture } from '../support/fixtures';

let session: ExtensionSession;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

async function openTransfer(): Promise<Page> {
  const popup = await session.openPopup();
  await popup.getByText('Export / Import').click();
  return popup;
}

const importStatus = (popup: Page) => popup.locator('section[aria-label="Import"] [role=status]');
const rows = (popup: Page) => popup.locator('li[data-paper-id]');

describe('importing other formats from the popup', () => {
  it('previews a BibTeX file with an entry it cannot import; Cancel, then Import', async () => {
    const popup = await openTransfer();
    const chooseFile = () =>
      popup.locator('input[type=file]').setInputFiles({
        name: 'My Library.bib',
        mimeType: 'application/x-bibtex',
        buffer: Buffer.from(readFixture('import/zotero-style.bib')),
      });
    await chooseFile();
    const preview = popup.getByRole('group', { name: 'Import preview' });
    await preview.waitFor();
    expect(await preview.locator('p').textContent()).toBe(
      'Found 3 papers (BibTeX); 1 entry will be skipped:',
    );
    expect(await preview.locator('li').allTextContents()).toEqual([
      'entry 3 (key goodfellow_deep_2016, line 30): no arXiv id',
    ]);
    // The choice has the focus, so the keyboard reaches it at once.
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Import 3 papers');

    await preview.getByRole('button', { name: 'Cancel' }).click();
    await eventually(
      async () => expect(await importStatus(popup).textContent()).toBe('Nothing was imported.'),
      3000,
    );
    expect(await preview.count()).toBe(0);
    expect(await rows(popup).count()).toBe(0);

    await chooseFile();
    await preview.getByRole('button', { name: 'Import 3 papers' }).click();
    await eventually(
      async () =>
        expect(await importStatus(popup).textContent()).toBe(
          'BibTeX imported: 3 added, 0 updated, 0 unchanged, 1 skipped.',
        ),
      5000,
    );
    // Titles come from the file: these papers were never seen on the site.
    for (const [id, title] of [
      ['2407.21783', 'The Llama 3 Herd of Models'],
      ['2407.21530', 'Data Contamination Report from the 2024 CONDA Shared Task'],
      ['1107.4612', 'A Model For Polarised Microwave Foreground Emission From Interstellar Dust'],
    ]) {
      await eventually(
        async () =>
          expect(await popup.locator(`li[data-paper-id="${id}"] .title`).textContent()).toBe(title),
        3000,
      );
    }
    expect(await rows(popup).count()).toBe(3);
    await popup.close();
  });

  it('previews a pasted list with bad lines and imports the good ones', async () => {
    const popup = await openTransfer();
    await popup
      .getByLabel('Paste a list or a backup')
      .fill('2407.21705\nnot a paper\nhttps://arxiv.org/abs/2407.21686v2\n2407.2178\n');
    await popup.getByRole('button', { name: 'Import pasted text' }).click();
    const preview = popup.getByRole('group', { name: 'Import preview' });
    await preview.waitFor();
    expect(await preview.locator('p').textContent()).toBe(
      'Found 2 papers (list); 2 lines will be skipped:',
    );
    expect(await preview.locator('li').allTextContents()).toEqual([
      'line 2: not an arXiv id or paper link: "not a paper"',
      'line 4: not an arXiv id or paper link: "2407.2178"',
    ]);
    await preview.getByRole('button', { name: 'Import 2 papers' }).click();
    await eventually(
      async () =>
        expect(await importStatus(popup).textContent()).toBe(
          'List imported: 2 added, 0 updated, 0 unchanged, 2 skipped.',
        ),
      5000,
    );
    for (const id of ['2407.21705', '2407.21686']) {
      await eventually(
        async () => expect(await popup.locator(`li[data-paper-id="${id}"]`).count()).toBe(1),
        3000,
      );
    }
    expect(await rows(popup).count()).toBe(5);
    await popup.close();
  });

  it('answers a PDF with one sentence and imports nothing', async () => {
    const popup = await openTransfer();
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.7\n%'),
      Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a]),
      Buffer.from('1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\nstream\n'),
      Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256)),
    ]);
    await popup.locator('input[type=file]').setInputFiles({
      name: '2407.21783v3.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    const alert = popup.locator('section[aria-label="Import"] [role=alert]');
    await eventually(
      async () =>
        expect(await alert.textContent()).toBe(
          'This file is not text Paper Queue can read (it looks like a PDF). Nothing was imported.',
        ),
      3000,
    );
    expect(await popup.getByRole('group', { name: 'Import preview' }).count()).toBe(0);
    expect(await rows(popup).count()).toBe(5);
    await popup.close();
  });

  it('left no runtime error behind', async () => {
    const diagnostics = await extensionDiagnostics(session.context, 'Paper Queue');
    expect(diagnostics.runtimeErrors).toEqual([]);
  });
});
