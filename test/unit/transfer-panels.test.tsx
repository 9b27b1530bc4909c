// @vitest-environment happy-dom
// The export and import panels: what they send, and what they say.
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { sendRequest } from '../../src/shared/messaging';
import { ExportPanel } from '../../src/ui/transfer/ExportPanel';
import { describeImport, ImportPanel } from '../../src/ui/transfer/ImportPanel';

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const root = () => document.body.appendChild(document.createElement('div'));
afterEach(() => {
  document.body.innerHTML = '';
});

function fakeSend(answer: unknown) {
  const sent: unknown[] = [];
  const send = (async (request: unknown) => {
    sent.push(request);
    if (answer instanceof Error) throw answer;
    return answer;
  }) as typeof sendRequest;
  return { send, sent };
}

const button = (host: HTMLElement, name: string) =>
  [...host.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;

describe('ExportPanel', () => {
  it('sends the chosen scope and format, and copies the text it gets back', async () => {
    const { send, sent } = fakeSend({
      filename: 'paper-queue-tag-llm-2026-11-25.bib',
      count: 3,
      text: '@misc{…}',
    });
    const copied: string[] = [];
    const host = root();
    render(
      <ExportPanel send={send} tags={['llm']} copy={async (t) => void copied.push(t)} />,
      host,
    );
    const [scope, format] = [...host.querySelectorAll('select')] as HTMLSelectElement[];
    (scope as HTMLSelectElement).value = 'tag:llm';
    scope?.dispatchEvent(new Event('change'));
    (format as HTMLSelectElement).value = 'bibtex';
    format?.dispatchEvent(new Event('change'));
    await settle();
    button(host, 'Copy').click();
    await settle();
    expect(sent).toEqual([
      {
        type: 'transfer.export',
        scope: { kind: 'tag', tag: 'llm' },
        format: 'bibtex',
        deliver: 'text',
        // A job the page follows (progress, Cancel): src/ui/transfer/use-job.ts.
        job: expect.any(String),
      },
    ]);
    expect(copied).toEqual(['@misc{…}']);
    expect(host.querySelector('[role=status]')?.textContent).toBe('Copied 3 papers as BibTeX.');
  });

  it('says there is nothing to export instead of sending for an empty file', async () => {
    const { send, sent } = fakeSend({ filename: 'x.md', count: 0, text: '' });
    const sizes: Record<string, number> = { queue: 0, saved: 2 };
    const host = root();
    render(
      <ExportPanel send={send} tags={[]} countScope={async (s) => sizes[s.kind] ?? 0} />,
      host,
    );
    await settle();
    expect(host.textContent).toContain('Nothing to export: no saved paper is waiting to be read.');
    expect(button(host, 'Download').disabled).toBe(true);
    expect(button(host, 'Copy').disabled).toBe(true);

    const [scope] = [...host.querySelectorAll('select')] as HTMLSelectElement[];
    (scope as HTMLSelectElement).value = 'saved';
    scope?.dispatchEvent(new Event('change'));
    await settle();
    expect(host.textContent).toContain('2 papers to export.');
    // Emptied meanwhile (removed in another window): counted again at the click, not sent.
    sizes.saved = 0;
    button(host, 'Download').click();
    await settle();
    expect(sent).toEqual([]);
    expect(host.querySelector('[role=status]')?.textContent).toBe(
      'Nothing to export: you have no saved papers yet.',
    );
  });

  it('copies nothing when the background finds nothing after all', async () => {
    const { send } = fakeSend({ filename: 'x.md', count: 0, text: '' });
    const copied: string[] = [];
    const host = root();
    render(<ExportPanel send={send} tags={[]} copy={async (t) => void copied.push(t)} />, host);
    button(host, 'Copy').click();
    await settle();
    expect(copied).toEqual([]);
    expect(host.querySelector('[role=status]')?.textContent).toBe(
      'Nothing to export: no saved paper is waiting to be read.',
    );
  });

  it('shows why an export failed', async () => {
    const { send } = fakeSend(new Error('Storage is full'));
    const host = root();
    render(<ExportPanel send={send} tags={[]} />, host);
    button(host, 'Download').click();
    await settle();
    expect(host.querySelector('[role=alert]')?.textContent).toBe('Storage is full');
  });
});

describe('ImportPanel', () => {
  it('imports pasted text and reports what changed', async () => {
    const { send, sent } = fakeSend({
      kind: 'list',
      report: { added: 2, updated: 0, unchanged: 1 },
    });
    const host = root();
    render(<ImportPanel send={send} />, host);
    const area = host.querySelector('textarea') as HTMLTextAreaElement;
    area.value = '2407.21783\n2407.21770';
    area.dispatchEvent(new Event('input'));
    await settle();
    button(host, 'Import pasted text').click();
    await settle();
    expect(sent).toEqual([
      { type: 'transfer.import', text: '2407.21783\n2407.21770', job: expect.any(String) },
    ]);
    expect(host.querySelector('[role=status]')?.textContent).toBe(
      'List imported: 2 added, 0 updated, 1 unchanged.',
    );
  });

  const paste = async (host: HTMLElement, text: string) => {
    const area = host.querySelector('textarea') as HTMLTextAreaElement;
    area.value = text;
    area.dispatchEvent(new Event('input'));
    await settle();
    button(host, 'Import pasted text').click();
    await settle();
  };

  it('previews a list with bad lines; Cancel sends nothing, Import sends skipInvalid', async () => {
    const { send, sent } = fakeSend({
      kind: 'list',
      report: { added: 2, updated: 0, unchanged: 0, skipped: 1 },
    });
    const host = root();
    render(<ImportPanel send={send} />, host);
    const text = '2407.21783\nnot a paper\n2407.21770';
    await paste(host, text);
    expect(sent).toEqual([]);
    const preview = host.querySelector('fieldset[aria-label="Import preview"]');
    expect(preview?.querySelector('p')?.textContent).toBe(
      'Found 2 papers (list); 1 line will be skipped:',
    );
    expect([...(preview?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      'line 2: not an arXiv id or paper link: "not a paper"',
    ]);
    expect(document.activeElement?.textContent).toBe('Import 2 papers');

    button(host, 'Cancel').click();
    await settle();
    expect(sent).toEqual([]);
    expect(host.querySelector('fieldset')).toBeNull();
    expect(host.querySelector('[role=status]')?.textContent).toBe('Nothing was imported.');

    await paste(host, text);
    button(host, 'Import 2 papers').click();
    await settle();
    expect(sent).toEqual([
      { type: 'transfer.import', text, skipInvalid: true, job: expect.any(String) },
    ]);
    expect(host.querySelector('fieldset')).toBeNull();
    expect(host.querySelector('[role=status]')?.textContent).toBe(
      'List imported: 2 added, 0 updated, 0 unchanged, 1 skipped.',
    );
  });

  it('lists the first five problems and counts the rest', async () => {
    const { send } = fakeSend({ kind: 'list', report: { added: 1, updated: 0, unchanged: 0 } });
    const host = root();
    render(<ImportPanel send={send} />, host);
    await paste(host, ['2407.21783', 'a', 'b', 'c', 'd', 'e', 'f', 'g'].join('\n'));
    const items = [...host.querySelectorAll('fieldset li')].map((li) => li.textContent);
    expect(items).toHaveLength(6);
    expect(items.at(-1)).toBe('and 2 more');
  });

  it('sends a file without bad entries at once, and never sends a binary one', async () => {
    const { send, sent } = fakeSend({
      kind: 'bibtex',
      report: { added: 1, updated: 0, unchanged: 0 },
    });
    const host = root();
    render(<ImportPanel send={send} />, host);
    const input = host.querySelector('input[type=file]') as HTMLInputElement;
    const choose = async (file: File) => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change'));
      await settle();
    };
    const bib = '@misc{k,\n  eprint = {2407.21783},\n  archivePrefix = {arXiv},\n}\n';
    await choose(new File([bib], 'refs.bib'));
    expect(sent).toEqual([{ type: 'transfer.import', text: bib, job: expect.any(String) }]);
    expect(host.querySelector('[role=status]')?.textContent).toBe(
      'BibTeX imported: 1 added, 0 updated, 0 unchanged.',
    );

    const pdf = new Uint8Array([...Buffer.from('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0, 1, 2]);
    await choose(new File([pdf], 'paper.pdf'));
    expect(sent).toHaveLength(1);
    expect(host.querySelector('[role=alert]')?.textContent).toBe(
      'This file is not text Paper Queue can read (it looks like a PDF). Nothing was imported.',
    );
  });

  it('describes a restore with what it removed', () => {
    expect(
      describeImport({
        kind: 'snapshot',
        report: { added: 0, updated: 1, unchanged: 4, removed: 2 },
      }),
    ).toBe('Restored: 0 added, 1 updated, 4 unchanged, 2 removed.');
  });
});
