// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_BATCHES_PER_TASK,
  WHOLE_PAGE,
  watchAddedElements,
} from '../../src/content/dom-watcher';

const frame = () => new Promise((resolve) => setTimeout(resolve, 40));

let controller = new AbortController();
afterEach(() => {
  controller.abort();
  controller = new AbortController();
  document.body.replaceChildren();
});

describe('the DOM watcher', () => {
  it('hands over what a task added in one batch, at the end of that task', async () => {
    const batches: string[][] = [];
    watchAddedElements(
      document.body,
      (added) => void batches.push((added ?? []).map((e) => e.id)),
      controller.signal,
    );
    const frames = vi.spyOn(window, 'requestAnimationFrame');
    try {
      for (const id of ['a', 'b', 'c']) {
        const el = document.createElement('div');
        el.id = id;
        document.body.append(el);
      }
      // The observer's callback, right after the task: no frame waited for (one painted in
      // between would show the cards bare).
      await new Promise<void>((resolve) => queueMicrotask(resolve));
      await Promise.resolve();
      expect(batches).toEqual([['a', 'b', 'c']]);
      expect(frames).not.toHaveBeenCalled();
    } finally {
      frames.mockRestore();
    }
  });

  it('does not see what a batch itself adds, and loses nothing the page added before', async () => {
    const batches: string[][] = [];
    const watcher = watchAddedElements(
      document.body,
      (added) => {
        batches.push((added ?? []).map((e) => e.id));
        // What decorating does: elements of our own, anywhere in the page.
        for (const el of added ?? [])
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

  it('lets the page paint when a page script answers every batch with a change of its own', async () => {
    let batches = 0;
    watchAddedElements(
      document.body,
      (added) => {
        batches++;
        // Decorating: something of ours in what the page added.
        for (const el of added ?? []) el.append(document.createElement('span'));
      },
      controller.signal,
    );
    // The page's script: whatever we put into its markup, it renders that part again.
    const page = new MutationObserver((records) => {
      if (records.some((r) => [...r.addedNodes].some((n) => (n as Element).localName === 'span')))
        document.body.append(document.createElement('div'));
    });
    page.observe(document.body, { childList: true, subtree: true });
    try {
      document.body.append(document.createElement('div'));
      // Without a limit this chain of microtasks would never end, and this task never come.
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(batches).toBe(MAX_BATCHES_PER_TASK);
      // It goes on, a few batches a frame, and stops with the session.
      await frame();
      expect(batches).toBeGreaterThan(MAX_BATCHES_PER_TASK);
    } finally {
      page.disconnect();
    }
  });

  it('stops when its signal aborts', async () => {
    const batches: (Element[] | null)[] = [];
    watchAddedElements(document.body, (added) => void batches.push(added), controller.signal);
    controller.abort();
    document.body.append(document.createElement('div'));
    await frame();
    expect(batches).toEqual([]);
  });

  it('past `enough` added elements, asks for a walk of the whole page instead', async () => {
    const batches: (string[] | null)[] = [];
    watchAddedElements(
      document.body,
      (added) => void batches.push(added === WHOLE_PAGE ? WHOLE_PAGE : added.map((e) => e.id)),
      controller.signal,
      3,
    );
    for (let i = 0; i < 5; i++) document.body.append(document.createElement('div'));
    await frame();
    expect(batches).toEqual([WHOLE_PAGE]);
  });

  it('while the document is parsed, walks after each parser task that added something, asking for no frame', async () => {
    // A document still "loading", as at document_start; the parser's work is played by hand.
    const doc = document.implementation.createHTMLDocument('parsing');
    let readyState: DocumentReadyState = 'loading';
    Object.defineProperty(doc, 'readyState', { get: () => readyState });
    const frames = vi.spyOn(window, 'requestAnimationFrame');
    const batches: { added: string[] | null; removedSome: boolean }[] = [];
    try {
      watchAddedElements(
        doc.documentElement,
        (added, removedSome) =>
          void batches.push({
            added: added === WHOLE_PAGE ? WHOLE_PAGE : added.map((e) => e.id),
            removedSome,
          }),
        controller.signal,
      );
      // The parser inserts at the end of the chain of last children: a walk follows.
      const list = Object.assign(doc.createElement('div'), { id: 'list' });
      doc.body.append(list);
      await frame();
      expect(batches).toEqual([{ added: WHOLE_PAGE, removedSome: false }]);
      // Deeper now: the new end of the chain is watched too.
      batches.length = 0;
      const card = Object.assign(doc.createElement('article'), { id: 'card' });
      list.append(card);
      await frame();
      card.append(doc.createElement('h3'));
      await frame();
      expect(batches).toEqual([
        { added: WHOLE_PAGE, removedSome: false },
        { added: WHOLE_PAGE, removedSome: false },
      ]);
      // A page script appends after the insertion point: the parser still goes on in the list.
      batches.length = 0;
      doc.body.append(doc.createElement('aside'));
      await frame();
      list.append(doc.createElement('article'));
      await frame();
      expect(batches).toHaveLength(2);
      // Nothing parsed, nothing done: no walk, and never a frame asked for while parsing.
      batches.length = 0;
      await frame();
      await frame();
      expect(batches).toEqual([]);
      expect(frames).not.toHaveBeenCalled();

      // Parsing ends: one last walk now, then the observer hands over what is added.
      readyState = 'interactive';
      doc.dispatchEvent(new Event('readystatechange'));
      expect(batches).toEqual([{ added: WHOLE_PAGE, removedSome: true }]);
      batches.length = 0;
      await frame();
      await frame();
      expect(batches).toEqual([]); // no more walks once parsed
      doc.body.append(Object.assign(doc.createElement('p'), { id: 'later' }));
      await frame();
      expect(batches).toEqual([{ added: ['later'], removedSome: false }]);
    } finally {
      frames.mockRestore();
    }
  });
});
