// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { watchAddedElements } from '../../src/content/dom-watcher';

const frame = () => new Promise((resolve) => setTimeout(resolve, 40));

let controller = new AbortController();
afterEach(() => {
  controller.abort();
  controller = new AbortController();
  document.body.replaceChildren();
});

describe('the DOM watcher', () => {
  it('hands over what the page added, once per frame, in one batch', async () => {
    const batches: string[][] = [];
    watchAddedElements(
      document.body,
      (added) => void batches.push(added.map((e) => e.id)),
      controller.signal,
    );
    for (const id of ['a', 'b', 'c']) {
      const el = document.createElement('div');
      el.id = id;
      document.body.append(el);
    }
    await frame();
    expect(batches).toEqual([['a', 'b', 'c']]);
  });

  it('does not see what a batch itself adds, and loses nothing the page added before', async () => {
    const batches: string[][] = [];
    const watcher = watchAddedElements(
      document.body,
      (added) => {
        batches.push(added.map((e) => e.id));
        // What decorating does: elements of our own, anywhere in the page.
        for (const el of added)
          el.append(Object.assign(document.createElement('span'), { id: `${el.id}-ours` }));
      },
      controller.signal,
    );
    const page = document.createElement('div');
    page.id = 'page';
    document.body.append(page); // queued, not yet delivered to the observer
    const root = document.createElement('div');
    root.id = 'root';
    watcher.runNow([root]);
    await frame();
    await frame();
    expect(batches).toEqual([['root'], ['page']]);
    expect(document.getElementById('page-ours')).not.toBeNull();
  });

  it('stops when its signal aborts', async () => {
    const batches: Element[][] = [];
    watchAddedElements(document.body, (added) => void batches.push(added), controller.signal);
    controller.abort();
    document.body.append(document.createElement('div'));
    await frame();
    expect(batches).toEqual([]);
  });
});
