// @vitest-environment happy-dom
// A click's reply can be older news than a change notice from another tab: the card must end
// showing what the database holds, not the stale reply — decided by the versions every state
// carries, without asking the background again.
import { afterEach, describe, expect, it } from 'vitest';
import { startContentApp } from '../../src/content/content-app';
import { HOST_ATTRIBUTE } from '../../src/content/controls';
import type { MarkState } from '../../src/shared/model';
import { fakeBackground } from '../support/fake-background';
import { LISTING_2024, readFixture, readProps } from '../support/fixtures';
import { userClick } from '../support/user-events';

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
    let release: (state: MarkState) => void = () => {};
    const send = bg.deps.send;
    bg.deps.send = (request) =>
      request.type === 'paper.mark'
        ? (new Promise((resolve) => {
            release = resolve as never;
          }) as never)
        : send(request);
    stop = startContentApp(window, bg.deps).stop;
    await settle();

    userClick(button(id, 0)); // Save: on its way
    await settle();
    expect(shown(id)).toEqual({ saved: true, read: false });
    // Our save committed as version 1; another tab marked it read after (version 2), and
    // that notice arrives first, while our click is still on its way.
    bg.push({ [id]: { saved: true, read: true, v: 2 } });
    expect(shown(id)).toEqual({ saved: true, read: false });
    // Then our reply, describing the database at our commit: older news.
    const asked = bg.requests.length;
    release({ saved: true, read: false, v: 1 });
    await settle();
    expect(shown(id)).toEqual({ saved: true, read: true });
    expect(bg.requests).toHaveLength(asked);
  });

  it('ignores a notice older than what the card already shows', async () => {
    (window as unknown as { happyDOM: { setURL: (u: string) => void } }).happyDOM.setURL(
      'https://huggingface.co/papers',
    );
    const doc = new DOMParser().parseFromString(readFixture(LISTING_2024), 'text/html');
    document.body.replaceWith(document.importNode(doc.body, true));
    const id = readProps(LISTING_2024).dailyPapers[1]?.paper.id as string;
    const bg = fakeBackground();
    stop = startContentApp(window, bg.deps).stop;
    await settle();
    bg.push({ [id]: { saved: true, read: true, v: 7 } });
    bg.push({ [id]: { saved: false, read: false, v: 5 } });
    expect(shown(id)).toEqual({ saved: true, read: true });
    bg.push({ [id]: { saved: true, read: true, v: 7 } }); // its own reply and notice: the same news
    expect(shown(id)).toEqual({ saved: true, read: true });
    bg.push({ [id]: { saved: false, read: true, v: 8 } });
    expect(shown(id)).toEqual({ saved: false, read: true });
  });
});
