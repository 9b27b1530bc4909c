// @vitest-environment happy-dom
// Long transfers as a page shows them: a progress bar with counts once a job takes over half a
// second, Cancel that stops it, and exports built in the page itself where it delivers them.
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../src/shared/jobs';
import type { sendRequest } from '../../src/shared/messaging';
import type { TextFile } from '../../src/shared/transfer-types';
import { ExportPanel } from '../../src/ui/transfer/ExportPanel';
import { ImportPanel } from '../../src/ui/transfer/ImportPanel';
import { SHOW_AFTER_MS } from '../../src/ui/transfer/use-job';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const root = () => document.body.appendChild(document.createElement('div'));
afterEach(() => {
  document.body.innerHTML = '';
});
const button = (host: HTMLElement, name: string) =>
  [...host.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;

describe('an export built in the page', () => {
  it('is built and saved here, with no message to the background', async () => {
    const sent: unknown[] = [];
    const send = (async (request: unknown) => void sent.push(request)) as typeof sendRequest;
    const saved: TextFile[] = [];
    const host = root();
    render(
      <ExportPanel
        send={send}
        tags={[]}
        exportHere={async (_scope, format) => ({
          filename: `paper-queue-queue.${format}`,
          mime: 'text/csv',
          text: 'id\n2407.21783',
          count: 1,
        })}
        downloadHere={async (file) => void saved.push(file)}
      />,
      host,
    );
    button(host, 'Download').click();
    await wait(20);
    expect(sent).toEqual([]);
    expect(saved.map((f) => f.filename)).toEqual(['paper-queue-queue.markdown']);
    expect(host.querySelector('[role=status]')?.textContent).toMatch(/Downloading .* \(1 paper\)/);
  });

  it('shows how far it got after half a second, and Cancel stops it with nothing made', async () => {
    const send = (async () => undefined) as unknown as typeof sendRequest;
    const saved: TextFile[] = [];
    const host = root();
    render(
      <ExportPanel
        send={send}
        tags={[]}
        exportHere={async (_scope, _format, job: Job) => {
          for (let done = 0; done <= 50_000; done += 2000) {
            job.check();
            job.report('Reading papers', done, 50_000);
            await wait(60);
          }
          return { filename: 'x.md', mime: 'text/markdown', text: '', count: 50_000 };
        }}
        downloadHere={async (file) => void saved.push(file)}
      />,
      host,
    );
    button(host, 'Download').click();
    await wait(SHOW_AFTER_MS / 2);
    expect(host.querySelector('progress')).toBeNull();
    await wait(SHOW_AFTER_MS);
    const bar = host.querySelector('progress') as HTMLProgressElement;
    expect(bar.getAttribute('aria-label')).toBe('Export progress');
    expect(Number(bar.getAttribute('max'))).toBe(50_000);
    expect(host.querySelector('[role=status]')?.textContent).toMatch(
      /^Reading papers: \d{1,2},\d{3} of 50,000$/,
    );
    button(host, 'Cancel').click();
    await wait(150);
    expect(host.querySelector('progress')).toBeNull();
    expect(host.querySelector('[role=alert]')?.textContent).toBe(
      'Export cancelled: no file was made.',
    );
    expect(saved).toEqual([]);
  });
});

describe('an import the background runs', () => {
  it('sends a job id, and Cancel asks the background to stop it', async () => {
    const sent: { type: string; job?: string }[] = [];
    let finish: (value: unknown) => void = () => {};
    const send = (async (request: { type: string; job?: string }) => {
      sent.push(request);
      if (request.type === 'transfer.import') {
        return new Promise((_resolve, reject) => {
          finish = () => reject(new Error('Import cancelled: nothing was imported.'));
        });
      }
      finish(null);
      return { cancelled: true };
    }) as unknown as typeof sendRequest;
    const host = root();
    render(<ImportPanel send={send} />, host);
    const area = host.querySelector('textarea') as HTMLTextAreaElement;
    area.value = '2407.21783';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await wait(0);
    button(host, 'Import pasted text').click();
    await wait(SHOW_AFTER_MS + 100);
    expect(host.querySelector('progress')).not.toBeNull();
    button(host, 'Cancel').click();
    await wait(20);
    const [importing, cancel] = sent;
    expect(cancel).toEqual({ type: 'job.cancel', job: importing?.job });
    expect(host.querySelector('[role=alert]')?.textContent).toBe(
      'Import cancelled: nothing was imported.',
    );
  });
});
