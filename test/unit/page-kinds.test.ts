// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findPaperTitle, readPaperPageMeta } from '../../src/site/huggingface/paper-page';
import { pageKindOf } from '../../src/site/huggingface/urls';
import { paperPageHtml } from '../support/fixtures';

describe('pageKindOf', () => {
  it.each([
    'https://huggingface.co/papers',
    'https://huggingface.co/papers/',
    'https://huggingface.co/papers/trending',
    'https://huggingface.co/papers/date/2024-08-01',
    'https://huggingface.co/papers/week/2026-W39',
    'https://huggingface.co/papers/month/2026-09',
    'https://huggingface.co/papers?q=diffusion',
    'https://huggingface.co/papers?date=2024-08-01',
  ])('%s is a listing', (url) => {
    expect(pageKindOf(url)).toEqual({ kind: 'listing' });
  });

  it('recognizes a paper page by its arXiv id', () => {
    expect(pageKindOf('https://huggingface.co/papers/2407.21783')).toEqual({
      kind: 'paper',
      id: '2407.21783',
    });
    expect(pageKindOf('https://huggingface.co/papers/2407.21783#community')).toEqual({
      kind: 'paper',
      id: '2407.21783',
    });
  });

  it.each([
    'https://huggingface.co/models',
    'https://huggingface.co/papers/not-a-paper',
    'https://huggingface.co/papers/date/2024-08-01/extra',
    'https://example.com/papers',
    'not a url at all ::',
  ])('%s gets no controls', (url) => {
    expect(pageKindOf(url)).toEqual({ kind: 'other' });
  });
});

describe('the paper page', () => {
  const doc = new DOMParser().parseFromString(paperPageHtml(), 'text/html');

  it('finds the title heading of the paper', () => {
    const [copy] = findPaperTitle(doc, '2602.23229');
    expect(copy?.heading.tagName).toBe('H1');
    expect(copy?.title).toBe('Large Multimodal Models as General In-Context Classifiers');
  });

  it('reads the paper’s metadata from its island, and only for that paper', () => {
    expect(readPaperPageMeta(doc, '2602.23229')).toMatchObject({
      title: 'Large Multimodal Models as General In-Context Classifiers',
      authors: [
        'Marco Garosi',
        'Matteo Farina',
        'Alessandro Conti',
        'Massimiliano Mancini',
        'Elisa Ricci',
      ],
    });
    expect(readPaperPageMeta(doc, '2407.21783')).toBeNull();
  });
});
