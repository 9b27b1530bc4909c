// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { driftMessage, hasDrifted } from '../../src/shared/page-status';
import { distinctIds, findCardCopies } from '../../src/site/huggingface/cards';
import { listingIslandProps, parseListingProps } from '../../src/site/huggingface/island';
import { assessRecognition } from '../../src/site/huggingface/recognition';
import { LISTING_2024, readFixture, TRENDING_2026 } from '../support/fixtures';

/** What the content script would conclude about a page. */
function recognize(html: string) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const copies = findCardCopies(doc);
  const island = parseListingProps(listingIslandProps(doc)).size;
  const scanned = assessRecognition(doc, distinctIds(copies).length, island);
  // The content script names the articles it decorated; the count must not change by it.
  const decorated = new Set(copies.map((copy) => copy.article));
  expect(assessRecognition(doc, distinctIds(copies).length, island, decorated)).toEqual(scanned);
  return scanned;
}

describe('the drift alarm', () => {
  it.each([LISTING_2024, TRENDING_2026])('stays quiet on the saved page %s', (fixture) => {
    const result = recognize(readFixture(fixture));
    expect(result.recognized).toBeGreaterThan(0);
    expect(hasDrifted(result)).toBe(false);
  });

  it('counts cards whose titles moved out of h3 (a layout change)', () => {
    const changed = readFixture(LISTING_2024).replace(/<(\/?)h3\b/g, '<$1h2');
    const result = recognize(changed);
    expect(result).toEqual({ recognized: 0, expected: 13 });
    expect(driftMessage(result)).toBe(
      'Recognized 0 of 13 papers on this page — the page layout may have changed',
    );
  });

  it('falls back to the island’s entries when the page has no article cards any more', () => {
    const changed = readFixture(TRENDING_2026).replace(/<(\/?)article\b/g, '<$1section');
    expect(recognize(changed)).toEqual({ recognized: 0, expected: 6 });
  });

  it('does not count island entries the page filtered out (search)', () => {
    const html = readFixture(LISTING_2024);
    const firstArticle = html.indexOf('<article');
    const secondArticle = html.indexOf('<article', firstArticle + 1);
    const listEnd = html.lastIndexOf('</article>') + '</article>'.length;
    const filtered = html.slice(0, secondArticle) + html.slice(listEnd);
    expect(recognize(filtered)).toEqual({ recognized: 1, expected: 1 });
  });
});
