// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { distinctIds, findCardCopies, listOf, walkOn } from '../../src/site/huggingface/cards';
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

describe('walking a page that is being parsed (walkOn)', () => {
  it('gives what came after the last walk, everything again when its last element left', () => {
    const doc = document.implementation.createHTMLDocument('parsed');
    const list = doc.body;
    const add = (n: number) => {
      for (let i = 0; i < n; i++) list.append(doc.createElement('h3'), doc.createElement('p'));
    };
    const headings = doc.getElementsByTagName('h3');
    const walk = walkOn(doc, 'h3', true);
    add(3);
    expect(walk()).toHaveLength(3);
    add(2);
    // The last one of the walk before again (a heading may have been parsed before its link).
    expect(walk()).toEqual([headings[2], headings[3], headings[4]]);
    expect(walk()).toEqual([headings[4]]);
    // Its last element left the page: everything again.
    headings[4]?.remove();
    expect(walk()).toHaveLength(4);
    const plain = walkOn(doc, 'p');
    expect(plain()).toHaveLength(5);
    add(1);
    expect(plain()).toHaveLength(1);
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
