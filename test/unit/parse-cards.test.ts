// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  distinctIds,
  findCardCopies,
  headingsOf,
  listOf,
  walkCards,
} from '../../src/site/huggingface/cards';
import { LISTING_2024, readFixture, readProps, TRENDING_2026 } from '../support/fixtures';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe.each([
  ['2024 daily listing', LISTING_2024, 1],
  ['2026 trending listing', TRENDING_2026, 2],
])('findCardCopies on the saved %s', (_name, fixture, copiesPerCard) => {
  const doc = parse(readFixture(fixture));
  const copies = findCardCopies(doc);
  const props = readProps(fixture);

  it('finds one paper per dailyPapers entry, in page order', () => {
    expect(distinctIds(copies)).toEqual(props.dailyPapers.map((entry) => entry.paper.id));
  });

  it(`finds ${copiesPerCard} copy/copies of every card, each in its article`, () => {
    expect(copies).toHaveLength(props.dailyPapers.length * copiesPerCard);
    for (const copy of copies) {
      expect(copy.heading.tagName).toBe('H3');
      expect(copy.article.tagName).toBe('ARTICLE');
      expect(copy.article.contains(copy.heading)).toBe(true);
    }
  });

  it('reads each title as the island JSON has it', () => {
    const titles = new Map(props.dailyPapers.map((e) => [e.paper.id, e.paper.title]));
    for (const copy of copies) {
      expect(copy.title).toBe(titles.get(copy.id)?.replace(/\s+/g, ' ').trim());
    }
  });
});

describe('findCardCopies on markup that is not a card', () => {
  it('ignores links that are not papers, and paper links outside a card heading', () => {
    const doc = parse(`
      <article><h3><a href="/papers/date/2024-08-01">Previous day</a></h3></article>
      <article><h3><a href="/papers/week/2024-W31">This week</a></h3></article>
      <article><h3><a href="/papers/trending">Trending</a></h3></article>
      <article><h3><a href="/papers/month/2024-08">Month</a></h3></article>
      <article><a href="/papers/2407.21783#community">5 comments</a></article>
      <article><a href="/login?next=%2Fpapers%2F2407.21783">94</a></article>
      <div><h3><a href="/papers/2407.21783">Not in an article</a></h3></div>
      <article><h3><a href="/papers/not-an-id">Broken</a></h3></article>`);
    expect(findCardCopies(doc)).toEqual([]);
  });

  it('reads a hostile title as plain text', () => {
    const doc = parse(
      `<article><h3><a href="/papers/2501.00001">&lt;img src=x onerror=alert(1)&gt; "quotes" &amp; {braces}</a></h3></article>`,
    );
    const [copy] = findCardCopies(doc);
    expect(copy?.id).toBe('2501.00001');
    expect(copy?.title).toBe('<img src=x onerror=alert(1)> "quotes" & {braces}');
  });

  it('finds the card when the root is the title link itself', () => {
    const doc = parse(`<article><h3><a href="/papers/2501.00001v2">T</a></h3></article>`);
    const link = doc.querySelector('a');
    expect(link && findCardCopies(link).map((c) => c.id)).toEqual(['2501.00001']);
  });
});

describe('walking a page that is being parsed (walkCards)', () => {
  // Cards as the two layouts nest them: the 2024 one in a bare div each, the 2026 one
  // straight in the grid with two title copies per card.
  const card = (doc: Document, wrapped: boolean) => {
    const article = doc.createElement('article');
    for (let copy = 0; copy < (wrapped ? 1 : 2); copy++) {
      const heading = article
        .appendChild(doc.createElement('div'))
        .appendChild(doc.createElement('h3'));
      heading.appendChild(doc.createElement('a'));
    }
    if (!wrapped) return article;
    const wrapper = doc.createElement('div');
    wrapper.append(article);
    return wrapper;
  };
  const setUp = (wrapped: boolean) => {
    const doc = document.implementation.createHTMLDocument('parsed');
    const grid = doc.body.appendChild(doc.createElement('div'));
    doc.body.append(doc.createElement('footer'));
    const add = (n: number) => {
      for (let i = 0; i < n; i++) grid.append(card(doc, wrapped));
    };
    return { doc, add, cards: doc.getElementsByTagName('article') };
  };

  for (const wrapped of [true, false]) {
    it(`gives the cards after the last walk, everything again when its last card left (${wrapped ? '2024' : '2026'} nesting)`, () => {
      const { doc, add, cards } = setUp(wrapped);
      const walk = walkCards(doc);
      const again = walkCards(doc, true);
      expect(walk()).toEqual([]);
      add(3);
      expect(walk()).toEqual([...cards]);
      expect(again()).toEqual([...cards]);
      add(2);
      expect(walk()).toEqual([cards[3], cards[4]]);
      // The last card of the walk before comes again: the parser may have been inside it.
      expect(again()).toEqual([cards[2], cards[3], cards[4]]);
      expect(walk()).toEqual([]);
      expect(again()).toEqual([cards[4]]);
      // Its last card left the page: everything again.
      cards[4]?.remove();
      expect(walk()).toEqual([...cards]);
      expect(walk()).toHaveLength(0);
      add(1);
      expect(walk()).toEqual([cards[4]]);
    });
  }

  it("gives a partly parsed last card's headings again with the new ones", () => {
    const { doc, add, cards } = setUp(false);
    const headings = headingsOf(walkCards(doc, true));
    add(1);
    const last = cards[0] as Element;
    last.replaceChildren(last.firstElementChild as Element); // only its first copy so far
    expect(headings()).toHaveLength(1);
    last.append(card(doc, false).firstElementChild as Element); // the parser goes on in it
    add(1);
    expect(headings()).toEqual([...doc.getElementsByTagName('h3')]);
    expect(headings()).toHaveLength(2);
  });

  it('finds every card of the saved pages, in order, walking on from the first', () => {
    for (const fixture of [LISTING_2024, TRENDING_2026]) {
      const doc = parse(readFixture(fixture));
      const cards = [...doc.getElementsByTagName('article')];
      expect(cards.length).toBeGreaterThan(1);
      // The page as it was when only its first card was parsed: the rest taken out...
      const places = cards.slice(1).map((card) => [card.parentNode, card.nextSibling] as const);
      for (const card of cards.slice(1)) card.remove();
      const walk = walkCards(doc);
      expect(walk()).toEqual(cards.slice(0, 1));
      // ...and put back where they were, as the parser would go on.
      // (last first: a card's next sibling may be the card after it)
      for (let i = places.length - 1; i >= 0; i--) {
        const [parent, next] = places[i] ?? [null, null];
        parent?.insertBefore(cards[i + 1] as Element, next);
      }
      expect(walk()).toEqual(cards.slice(1));
    }
  });
});

describe('the list of the saved 2024 listing (each card in a bare div of its own)', () => {
  const html = readFixture(LISTING_2024);
  const grid = (card: Element) => card.closest('div.grid');

  it('is the grid, for the whole page', () => {
    const doc = parse(html);
    const cards = doc.getElementsByTagName('article');
    expect(cards.length).toBeGreaterThan(1);
    expect(listOf(cards[0] as Element)).toBe(grid(cards[0] as Element));
  });

  it('is the grid while only the first card is parsed, so the bar room never moves', () => {
    // The page as the parser has it partway: cut just after the first card's wrapper.
    const closed = html.indexOf('</article>');
    const end = html.indexOf('</div>', closed) + '</div>'.length;
    const doc = parse(html.slice(0, end));
    const cards = doc.getElementsByTagName('article');
    expect(cards).toHaveLength(1);
    expect(listOf(cards[0] as Element)).toBe(grid(cards[0] as Element));
  });
});
