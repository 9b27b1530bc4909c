// One paper, one identity on every site: the arXiv id without its version.
import { describe, expect, it } from 'vitest';
import { alphaxivPaperId } from '../../src/site/alphaxiv/urls';
import { arxivPageKind, paperIdFromAbsHref, paperIdFromAbsPath } from '../../src/site/arxiv/urls';
import { optionalSiteOf } from '../../src/site/optional-sites';
import { isPaperId, normalizePaperId } from '../../src/site/paper-id';
import { idFromValue as paperIdFromLink } from '../../src/site/paper-links';

describe('normalizePaperId', () => {
  it.each([
    ['2401.02954', '2401.02954'],
    ['2401.02954v2', '2401.02954'],
    ['2401.02954v12', '2401.02954'],
    ['1706.03762v7', '1706.03762'],
    ['0704.0001', '0704.0001'],
    ['hep-th/9901001', 'hep-th/9901001'],
    ['hep-th/9901001v3', 'hep-th/9901001'],
    ['math.GT/0309136', 'math.GT/0309136'],
    ['  2401.02954v1 ', '2401.02954'],
  ])('%s is %s', (raw, id) => {
    expect(normalizePaperId(raw)).toBe(id);
    expect(isPaperId(id)).toBe(true);
  });

  it.each(['2401.029', '2401.029541', '24010.2954', 'hep-th/990100', 'HEP-TH/9901001', '', 'v2'])(
    '%s is no arXiv id',
    (raw) => {
      expect(normalizePaperId(raw)).toBeNull();
    },
  );

  it('calls a versioned id no canonical id', () => {
    expect(isPaperId('2401.02954v2')).toBe(false);
  });
});

describe('paperIdFromLink: every site names the same paper', () => {
  it.each([
    'arXiv:2401.02954v3',
    'https://huggingface.co/papers/2401.02954',
    'https://arxiv.org/abs/2401.02954',
    'https://arxiv.org/abs/2401.02954v3',
    'https://arxiv.org/pdf/2401.02954',
    'https://arxiv.org/pdf/2401.02954v3',
    'https://arxiv.org/pdf/2401.02954v3.pdf',
    'https://www.arxiv.org/abs/2401.02954v1',
    'https://www.alphaxiv.org/abs/2401.02954',
    'https://www.alphaxiv.org/abs/2401.02954v2',
    'https://alphaxiv.org/abs/2401.02954',
  ])('%s is 2401.02954', (link) => {
    expect(paperIdFromLink(link)).toBe('2401.02954');
  });

  it('reads old-style ids from arXiv links, with or without a version', () => {
    expect(paperIdFromLink('https://arxiv.org/abs/hep-th/9901001v2')).toBe('hep-th/9901001');
    expect(paperIdFromLink('https://arxiv.org/pdf/hep-th/9901001')).toBe('hep-th/9901001');
  });

  it('knows no alphaXiv page by its internal UUID', () => {
    expect(
      paperIdFromLink('https://www.alphaxiv.org/abs/0185fbae-2888-7197-8590-e777925799e8'),
    ).toBeNull();
  });
});

describe('arXiv URLs', () => {
  it.each([
    ['https://arxiv.org/abs/2401.02954', '2401.02954'],
    ['https://arxiv.org/abs/2402.07939v1', '2402.07939'],
    ['https://arxiv.org/abs/hep-th/9901001', 'hep-th/9901001'],
    ['https://arxiv.org/abs/hep-th/9901001v2/', 'hep-th/9901001'],
    ['https://arxiv.org/abs/1706.03762?context=cs', '1706.03762'],
  ])('%s is the abstract page of %s', (url, id) => {
    expect(arxivPageKind(url)).toEqual({ kind: 'paper', id });
  });

  it.each([
    'https://arxiv.org/list/cs.CL/new',
    'https://arxiv.org/list/cs.CL/recent',
    'https://arxiv.org/list/cs.CL/recent?skip=50&show=50',
    'https://arxiv.org/list/cs/pastweek?show=25',
    'https://arxiv.org/list/cs/2301?skip=0&show=3',
    'https://arxiv.org/list/hep-th/new',
    'https://arxiv.org/list/math.AG/2401/',
  ])('%s is a listing', (url) => {
    expect(arxivPageKind(url)).toEqual({ kind: 'listing' });
  });

  it.each([
    'https://arxiv.org/',
    'https://arxiv.org/abs/not-an-id',
    'https://arxiv.org/pdf/2401.02954',
    'https://arxiv.org/list/cs.CL',
    'https://arxiv.org/list/cs.CL/new/extra',
    'https://arxiv.org/search/?query=llm',
    'https://export.arxiv.org/abs/2401.02954',
    'https://huggingface.co/papers/2401.02954',
    'not a url',
  ])('%s gets no controls', (url) => {
    expect(arxivPageKind(url)).toEqual({ kind: 'other' });
  });

  it('reads the id of a listing’s abstract link', () => {
    expect(paperIdFromAbsHref('/abs/2607.22529')).toBe('2607.22529');
    expect(paperIdFromAbsHref('/abs/2607.22529v2')).toBe('2607.22529');
    expect(paperIdFromAbsHref('https://arxiv.org/abs/hep-th/9901001')).toBe('hep-th/9901001');
    expect(paperIdFromAbsHref('https://example.com/abs/2607.22529')).toBeNull();
    expect(paperIdFromAbsHref('/pdf/2607.22529')).toBeNull();
    expect(paperIdFromAbsPath('/abs/%E0%A4%A')).toBeNull();
  });
});

describe('alphaXiv URLs', () => {
  it.each([
    ['https://www.alphaxiv.org/abs/2301.12345', '2301.12345'],
    ['https://www.alphaxiv.org/abs/2301.12345v1', '2301.12345'],
    ['https://alphaxiv.org/abs/2301.12345', '2301.12345'],
  ])('%s is paper %s', (url, id) => {
    expect(alphaxivPaperId(url)).toBe(id);
  });

  it.each([
    'https://www.alphaxiv.org/',
    'https://www.alphaxiv.org/explore',
    'https://www.alphaxiv.org/abs/0185fbae-2888-7197-8590-e777925799e8',
    'https://www.alphaxiv.org/overview/2301.12345',
    'https://evil.alphaxiv.org.example.com/abs/2301.12345',
    'https://arxiv.org/abs/2301.12345',
  ])('%s is no paper page we know', (url) => {
    expect(alphaxivPaperId(url)).toBeNull();
  });
});

describe('optionalSiteOf', () => {
  it('names the site a page is on by its exact origin', () => {
    expect(optionalSiteOf('https://arxiv.org/abs/2401.02954')?.key).toBe('arxiv');
    expect(optionalSiteOf('https://www.alphaxiv.org/abs/2401.02954')?.key).toBe('alphaxiv');
    expect(optionalSiteOf('https://alphaxiv.org/')?.key).toBe('alphaxiv');
    for (const url of [
      'https://huggingface.co/papers',
      'http://arxiv.org/abs/2401.02954',
      'https://arxiv.org.evil.com/abs/2401.02954',
      'https://export.arxiv.org/abs/2401.02954',
      undefined,
      'nonsense',
    ]) {
      expect(optionalSiteOf(url)).toBeNull();
    }
  });
});
