// @vitest-environment happy-dom
// A click's reply can be older news than a change notice from another tab: the card must end
// showing what the database holds, not the stale reply.
import { afterEach, describe, expect, it } from 'vitest';
import { startContentApp } from '../../src/content/content-app';
import { HOST_ATTRIBUTE } from '../../src/content/controls';
import type { PaperState } from '../../src/shared/model';
import { fakeBackground } from '../support/fake-background';
import { LISTING_2024, readFixture, readProps } from '../support/fixtures';

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
const hostOf = (id: string) =>
  document.querySelector<HTMLElement>(`[${HOST_ATTRIBUTE}="${id}"]`) as HTMLElement;
const button = (id: string, which: 0 | 1) =>
  hostOf(id).shadowRoot?.querySelectorAll('button')[which] as HTMLButtonElement;
const shown = (id: string) => ({
  saved: button(id, 0).getAttribute('aria-pressed') === 'true',
  read: button(id, 1).getAttribute('aria-pressed') === 'true',
});

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('a reply that crosses a change notice', () => {
  it('settles on the database state, and keeps showing the click while it is on its way', async () => {
    (window as unknown as { happyDOM: { setURL: (u: string) => void } }).happyDOM.setURL(
      'https://huggingface.co/papers',
    );
    const doc = new DOMParser().parseFromString(readFixture(LISTING_2024), 'text/html');
    document.body.replaceWith(document.importNode(doc.body, true));
    const id = readProps(LISTING_2024).dailyPapers[0]?.paper.id as string;
    const bg = fakeBackground();
    let release: (state: PaperState) => void = () => {};
    const send = bg.deps.send;
    bg.deps.send = (request) =>
      request.type === 'paper.mark'
        ? (new Promise((resolve) => {
            release = resolve as never;
          }) as never)
        : send(request);
    stop = startContentApp(window, bg.deps).stop;
    await settle();

    button(id, 0).click(); // Save: on its way
    await settle();
    expect(shown(id)).toEqual({ saved: true, read: false });
    // Another tab marked it read after our save committed; its notice arrives first.
    bg.states[id] = { saved: true, read: true };
    bg.push({ [id]: { saved: true, read: true } });
    expect(shown(id)).toEqual({ saved: true, read: false });
    // Then our reply, describing the database at our commit: older news.
    release({ saved: true, read: false });
    await settle();
    expect(shown(id)).toEqual({ saved: true, read: true });
    expect(bg.requests.at(-1)).toEqual({ type: 'papers.states', ids: [id] });
  });
});
