// @vitest-environment happy-dom
// The shared queue view under happy-dom, on fake-indexeddb: what it says when storage fails.
import { Dexie } from 'dexie';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database';
import { QueueView } from '../../src/ui/queue/QueueView';

const send = async () => {
  throw new Error('not used');
};

afterEach(() => {
  render(null, document.body);
});

async function until(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('QueueView', () => {
  it('says plainly that storage is unavailable, and how to fix it', async () => {
    // What Firefox does with history set to "Never remember": every open fails.
    const real = Dexie.dependencies.indexedDB;
    Dexie.dependencies.indexedDB = {
      ...real,
      open: () => {
        throw new DOMException('A mutation operation was attempted', 'InvalidStateError');
      },
    } as IDBFactory;
    const db = openDatabase(`broken-${crypto.randomUUID()}`);
    Dexie.dependencies.indexedDB = real;
    render(<QueueView db={db} send={send as never} />, document.body);
    await until(() => document.querySelector('[role="alert"]') !== null);
    const alert = document.querySelector('[role="alert"]');
    expect(alert?.textContent).toMatch(/Storage unavailable/);
    expect(alert?.textContent).toMatch(/Remember history/);
  });

  it('shows the empty queue with a way to fill it', async () => {
    const db = openDatabase(`empty-${crypto.randomUUID()}`);
    render(<QueueView db={db} send={send as never} />, document.body);
    await until(() => document.body.textContent?.includes('Your queue is empty') ?? false);
    expect(document.body.textContent).toMatch(/Your queue is empty/);
    expect(document.querySelector('input[type="search"]')?.getAttribute('aria-label')).toBe(
      'Search saved papers',
    );
    await db.delete();
  });
});
