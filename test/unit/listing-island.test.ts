// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { listingIslandProps, parseListingProps } from '../../src/site/huggingface/island';
import { LISTING_2024, readFixture, readProps, TRENDING_2026 } from '../support/fixtures';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe.each([
  ['2024', LISTING_2024],
  ['2026', TRENDING_2026],
])('the DailyPapers island of the saved %s page', (_name, fixture) => {
  const text = listingIslandProps(parse(readFixture(fixture)));
  const byId = parseListingProps(text);
  const props = readProps(fixture);

  it('describes every paper of the page, keyed by its id', () => {
    expect([...byId.keys()]).toEqual(props.dailyPapers.map((e) => e.paper.id));
  });

  it('keeps each paper with its own title and visible authors', () => {
    for (const { paper } of props.dailyPapers) {
      const meta = byId.get(paper.id);
      expect(meta?.title).toBe(paper.title.replace(/\s+/g, ' ').trim());
      expect(meta?.authors).toEqual(paper.authors.filter((a) => !a.hidden).map((a) => a.name));
    }
  });
});

describe('parseListingProps', () => {
  it('reads the fields the queue and exports use (2026 entry)', () => {
    const byId = parseListingProps(JSON.stringify(readProps(TRENDING_2026)));
    expect(byId.get('2609.20519')).toMatchObject({
      id: '2609.20519',
      title: 'SoL-Pi: Recursively Scaling Auto-Research Loops for Efficient Agent Harness',
      publishedAt: '2026-09-17T00:00:00.000Z',
      upvotes: 139,
      githubRepo: 'https://github.com/NVlabs/SoL-Pi',
      organization: 'NVIDIA',
    });
  });

  it('reads the thumbnail and comment count (2024 entry)', () => {
    const byId = parseListingProps(JSON.stringify(readProps(LISTING_2024)));
    expect(byId.get('2407.21783')).toMatchObject({
      numComments: 5,
      thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2407.21783.png',
    });
  });

  it('answers nothing, without throwing, for missing or broken props', () => {
    expect(parseListingProps(null).size).toBe(0);
    expect(parseListingProps('{"dailyPapers": [').size).toBe(0);
    expect(parseListingProps('{"dailyPapers": 5}').size).toBe(0);
    expect(parseListingProps('[1,2,3]').size).toBe(0);
  });

  it('skips entries without a valid id instead of guessing, and drops wrong-typed fields', () => {
    const byId = parseListingProps(
      JSON.stringify({
        dailyPapers: [
          { paper: { title: 'No id' } },
          { paper: { id: 'javascript:alert(1)', title: 'Bad id' } },
          null,
          {
            paper: {
              id: '2501.00001',
              title: 'Good',
              upvotes: '12',
              authors: [{ name: 'A' }, { name: 'Hidden', hidden: true }, { name: 7 }],
              githubRepo: 'javascript:alert(1)',
            },
          },
        ],
      }),
    );
    expect([...byId.keys()]).toEqual(['2501.00001']);
    expect(byId.get('2501.00001')).toEqual({ id: '2501.00001', title: 'Good', authors: ['A'] });
  });
});
