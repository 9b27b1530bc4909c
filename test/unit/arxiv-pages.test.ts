// @vitest-environment happy-dom
// The arXiv and alphaXiv adapters on every saved page (test/fixtures/arxiv/).

import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PaperMetaSchema } from '../../src/shared/protocol';
import { alphaxivPage, alphaxivTitle } from '../../src/site/alphaxiv/page';
import { findAbsTitle, readAbsMeta } from '../../src/site/arxiv/abs-page';
import {
  entryCardOf,
  entryTitleLink,
  findEntries,
  listingRecognition,
  pagingCount,
} from '../../src/site/arxiv/listing';
import { arxivPage } from '../../src/site/arxiv/page';
import { authorName, citationDate } from '../../src/site/arxiv/text';
import { pageAdapterFor } from '../../src/site/index';
import { readFixture } from '../support/fixtures';

const parse = (name: string) => new DOMParser().parseFromString(readFixture(name), 'text/html');

/** Every saved abstract page, with what its meta tags must give. */
const ABS_PAGES = [
  {
    file: 'arxiv/abs-2401.02954.html',
    url: 'https://arxiv.org/abs/2401.02954',
    id: '2401.02954',
    title: 'DeepSeek LLM: Scaling Open-Source Language Models with Longtermism',
    // 88 citation_author tags: the group "DeepSeek-AI", a stray ":", then 86 people.
    authors: 87,
    first: ['DeepSeek-AI', 'Xiao Bi', 'Deli Chen'],
    publishedAt: '2024-01-05T00:00:00.000Z',
    summary: /^The rapid development of open-source large language models/,
  },
  {
    file: 'arxiv/abs-1706.03762v7.html',
    url: 'https://arxiv.org/abs/1706.03762',
    id: '1706.03762',
    title: 'Attention Is All You Need',
    authors: 8,
    first: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'],
    publishedAt: '2017-06-12T00:00:00.000Z',
    summary: /^The dominant sequence transduction models/,
  },
  {
    file: 'arxiv/abs-2402.07939v1.annotated.html',
    url: 'https://arxiv.org/abs/2402.07939v1',
    id: '2402.07939',
    title: 'UFO: A UI-Focused Agent for Windows OS Interaction',
    authors: 12,
    first: ['Chaoyun Zhang', 'Liqun Li', 'Shilin He'],
    publishedAt: '2024-02-08T00:00:00.000Z',
    summary: /^We introduce UFO/,
  },
  {
    file: 'arxiv/abs-2106.09608v2-2021.html',
    url: 'https://arxiv.org/abs/2106.09608',
    id: '2106.09608',
    title: 'Learning Knowledge Graph-based World Models of Textual Environments',
    authors: 2,
    first: ['Prithviraj Ammanabrolu', 'Mark O. Riedl'],
    publishedAt: '2021-06-17T00:00:00.000Z',
    summary: /^World models improve a learning agent's ability/,
  },
];

describe.each(ABS_PAGES)('the abstract page $file', (page) => {
  const doc = parse(page.file);

  it('is a paper page of its versionless id', () => {
    const adapter = pageAdapterFor(doc, page.url);
    expect(adapter?.kind).toBe('paper');
    expect(adapter?.paperId).toBe(page.id);
  });

  it('reads title, authors (First Last), date and abstract from the citation meta tags', () => {
    const meta = readAbsMeta(doc, page.id);
    expect(meta?.title).toBe(page.title);
    expect(meta?.authors).toHaveLength(page.authors);
    expect(meta?.authors?.slice(0, page.first.length)).toEqual(page.first);
    expect(meta?.publishedAt).toBe(page.publishedAt);
    expect(meta?.summary).toMatch(page.summary);
    // What the background accepts, unchanged.
    expect(v.safeParse(PaperMetaSchema, meta).success).toBe(true);
  });

  it('puts the controls after the title heading, whose text is the title without "Title:"', () => {
    const [copy, ...more] = findAbsTitle(doc, page.id);
    expect(more).toEqual([]);
    expect(copy?.heading.matches('h1.title')).toBe(true);
    expect(copy?.title).toBe(page.title);
  });

  it('describes only its own paper, and the adapter says the same', () => {
    const adapter = arxivPage(doc, page.url);
    const copies = adapter?.findCopies(doc) ?? [];
    expect(copies.map((c) => c.id)).toEqual([page.id]);
    expect(adapter?.describe(copies).get(page.id)).toEqual(readAbsMeta(doc, page.id));
    expect(adapter?.paperMeta?.()).toEqual(readAbsMeta(doc, page.id));
    expect(readAbsMeta(doc, '2301.00001')).toBeNull();
  });
});

describe('an abstract page with less to read', () => {
  it('falls back to the heading and the abstract block when the meta tags are gone', () => {
    const doc = parse('arxiv/abs-1706.03762v7.html');
    for (const meta of doc.querySelectorAll('meta[name^="citation_"]')) meta.remove();
    const meta = readAbsMeta(doc, '1706.03762');
    expect(meta?.title).toBe('Attention Is All You Need');
    expect(meta?.authors).toBeUndefined();
    expect(meta?.summary).toMatch(/^The dominant sequence transduction models/);
  });

  it('finds no heading in a batch that does not hold it, nor on a page without one', () => {
    const doc = parse('arxiv/abs-1706.03762v7.html');
    const elsewhere = doc.querySelector('.metatable') as Element;
    expect(findAbsTitle(elsewhere, '1706.03762')).toEqual([]);
    doc.querySelector('h1.title')?.remove();
    expect(findAbsTitle(doc, '1706.03762')).toEqual([]);
    // The drift alarm: the URL says one paper, none got controls.
    expect(arxivPage(doc, 'https://arxiv.org/abs/1706.03762')?.recognition(0, new Set())).toEqual({
      recognized: 0,
      expected: 1,
    });
  });
});

describe('authorName and citationDate', () => {
  it('turns "Last, First" around and keeps what has no comma', () => {
    expect(authorName('Vaswani, Ashish')).toBe('Ashish Vaswani');
    expect(authorName('Riedl, Mark O.')).toBe('Mark O. Riedl');
    expect(authorName('  DeepSeek-AI ')).toBe('DeepSeek-AI');
    expect(authorName('Smith, Jr., John')).toBe('Smith, Jr., John');
    expect(authorName(':')).toBeNull();
    expect(authorName('')).toBeNull();
  });

  it('reads YYYY/MM/DD only', () => {
    expect(citationDate('2024/01/05')).toBe('2024-01-05T00:00:00.000Z');
    expect(citationDate('2024-01-05')).toBeUndefined();
    expect(citationDate('2024/13/45')).toBeUndefined();
    expect(citationDate(undefined)).toBeUndefined();
  });
});

/** Both saved listings, with what must be read from them. */
const LISTINGS = [
  {
    file: 'arxiv/list-cs.CL-recent-2026-07-27.html',
    url: 'https://arxiv.org/list/cs.CL/recent',
    entries: 50,
    first: {
      id: '2607.22529',
      title: 'Skill Self-Play: Pushing the Frontier of LLM Capability with Co-Evolving Skills',
      authors: ['Siyuan Huang', 'Pengyu Cheng', 'Haotian Liu'],
    },
    lastId: '2607.21540',
  },
  {
    file: 'arxiv/list-cs-2301-show3.reformatted.html',
    url: 'https://arxiv.org/list/cs/2301?skip=0&show=3',
    entries: 3,
    first: {
      id: '2301.00001',
      title: 'NFTrig',
      authors: ['Jordan Thompson', 'Ryan Benac', 'Kidus Olana'],
    },
    lastId: '2301.00003',
  },
];

describe.each(LISTINGS)('the listing $file', (listing) => {
  const doc = parse(listing.file);
  const adapter = arxivPage(doc, listing.url);
  const copies = findEntries(doc);

  it('is a listing', () => {
    expect(adapter?.kind).toBe('listing');
  });

  it('finds every entry once, in order, with its dd as the card and its title block as heading', () => {
    expect(copies).toHaveLength(listing.entries);
    expect(new Set(copies.map((c) => c.id)).size).toBe(listing.entries);
    expect(copies[0]?.id).toBe(listing.first.id);
    expect(copies.at(-1)?.id).toBe(listing.lastId);
    for (const copy of copies) {
      expect(copy.article.tagName).toBe('DD');
      expect(copy.article.previousElementSibling?.tagName).toBe('DT');
      expect(copy.heading.classList.contains('list-title')).toBe(true);
      expect(copy.article.contains(copy.heading)).toBe(true);
    }
  });

  it('reads title and authors of every entry, all valid for the background', () => {
    const described = adapter?.describe(copies) ?? new Map();
    expect(described.size).toBe(listing.entries);
    const first = described.get(listing.first.id);
    expect(first?.title).toBe(listing.first.title);
    expect(first?.authors?.slice(0, 3)).toEqual(listing.first.authors);
    for (const meta of described.values()) {
      expect(meta.title).not.toMatch(/^Title:/);
      expect(meta.authors?.length).toBeGreaterThan(0);
      expect(v.safeParse(PaperMetaSchema, meta).success).toBe(true);
    }
  });

  it('finds an entry from its dt, its dd or its title block alone (a batch of the parser)', () => {
    const [copy] = copies;
    const dd = copy?.article as Element;
    const dt = dd.previousElementSibling as Element;
    for (const scope of [dt, dd]) {
      expect(findEntries(scope).map((c) => c.id)).toEqual([listing.first.id]);
    }
    expect(entryCardOf(copy?.heading as Element)).toBe(dd);
    expect(entryCardOf(dt)).toBeNull();
    expect(entryTitleLink(dd)?.getAttribute('href')).toBe(`/abs/${listing.first.id}`);
  });

  it('places the bar at the top of the list, inside its dl', () => {
    const anchor = adapter?.barAnchor(copies[0]?.article as Element);
    expect(anchor?.parentElement?.tagName).toBe('DL');
    expect(anchor?.previousElementSibling).toBeNull();
  });

  it('expects every entry: the dts and the paging line agree', () => {
    expect(pagingCount(doc)).toBe(listing.entries);
    expect(listingRecognition(doc, listing.entries)).toEqual({
      recognized: listing.entries,
      expected: listing.entries,
    });
  });
});

describe('listing drift', () => {
  it('counts entries whose abstract link changed as expected but not recognized', () => {
    const doc = parse('arxiv/list-cs.CL-recent-2026-07-27.html');
    const links = doc.querySelectorAll('dt a[title="Abstract"]');
    for (const link of [...links].slice(0, 5)) link.setAttribute('href', '/paper?id=x');
    expect(findEntries(doc)).toHaveLength(45);
    expect(listingRecognition(doc, 45)).toEqual({ recognized: 45, expected: 50 });
  });

  it('still expects the paging line’s entries when the dt/dd markup is gone', () => {
    const doc = parse('arxiv/list-cs.CL-recent-2026-07-27.html');
    for (const old of doc.querySelectorAll('dt, dd')) {
      const div = doc.createElement('div');
      div.append(...old.childNodes);
      old.replaceWith(div);
    }
    expect(findEntries(doc)).toEqual([]);
    expect(listingRecognition(doc, 0)).toEqual({ recognized: 0, expected: 50 });
  });

  it('skips an entry whose dd has not arrived yet (the parser is still on its dt)', () => {
    const doc = parse('arxiv/list-cs-2301-show3.reformatted.html');
    const dds = doc.querySelectorAll('dd');
    dds[2]?.remove();
    expect(findEntries(doc).map((c) => c.id)).toEqual(['2301.00001', '2301.00002']);
  });
});

describe('the alphaXiv excerpt', () => {
  const url = 'https://www.alphaxiv.org/abs/2301.12345';

  it('knows the paper from the URL and the title from the document title', () => {
    const doc = parse('arxiv/alphaxiv-abs-2301.12345.EXCERPT.html');
    const adapter = pageAdapterFor(doc, url);
    expect(adapter?.kind).toBe('paper');
    expect(adapter?.paperId).toBe('2301.12345');
    expect(alphaxivTitle(doc)).toBe('Chemotactic motility-induced phase separation');
    expect(adapter?.paperMeta?.()).toEqual({
      id: '2301.12345',
      title: 'Chemotactic motility-induced phase separation',
    });
  });

  it('has no heading there, so no controls, and the drift alarm says 0 of 1', () => {
    const doc = parse('arxiv/alphaxiv-abs-2301.12345.EXCERPT.html');
    const adapter = alphaxivPage(doc, url);
    expect(adapter?.findCopies(doc)).toEqual([]);
    expect(adapter?.recognition(0, new Set())).toEqual({ recognized: 0, expected: 1 });
  });

  it('puts the controls after an h1 that shows exactly the title, and no other', () => {
    const doc = parse('arxiv/alphaxiv-abs-2301.12345.EXCERPT.html');
    doc.body.insertAdjacentHTML(
      'beforeend',
      '<main><h1>alphaXiv</h1><div><h1> Chemotactic  motility-induced phase separation </h1></div></main>',
    );
    const adapter = alphaxivPage(doc, url);
    const copies = adapter?.findCopies(doc) ?? [];
    expect(copies).toHaveLength(1);
    expect(copies[0]?.heading.parentElement?.tagName).toBe('DIV');
    expect(adapter?.describe(copies).get('2301.12345')?.title).toBe(
      'Chemotactic motility-induced phase separation',
    );
  });

  it('is no paper page at a UUID address or without the alphaXiv title', () => {
    const doc = parse('arxiv/alphaxiv-abs-2301.12345.EXCERPT.html');
    expect(
      pageAdapterFor(doc, 'https://www.alphaxiv.org/abs/0185fbae-2888-7197-8590-e777925799e8'),
    ).toBeNull();
    doc.title = 'Something else';
    expect(alphaxivPage(doc, url)?.paperMeta?.()).toBeNull();
  });
});
