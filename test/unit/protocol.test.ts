import { describe, expect, it } from 'vitest';
import { MAX_PAPERS_PER_MESSAGE } from '../../src/shared/limits';
import { parseRequest } from '../../src/shared/protocol';

const paper = { id: '2407.21783', title: 'The Llama 3 Herd of Models' };

describe('parseRequest accepts every documented message', () => {
  it.each([
    { type: 'papers.seen', papers: [paper, { ...paper, id: '2408.00001', authors: ['A B'] }] },
    { type: 'papers.states', ids: ['2407.21783', 'hep-th/9901001'] },
    { type: 'paper.mark', at: 5, id: '2407.21783', saved: true },
    { type: 'paper.mark', at: 5, id: '2407.21783', read: false, paper },
    { type: 'paper.mark', at: 5, id: '2407.21783', saved: true, read: true },
    {
      type: 'paper.annotate',
      at: 5,
      id: '2407.21783',
      note: 'Read §3',
      tags: ['ml'],
      pinned: true,
    },
    { type: 'paper.annotate', at: 5, id: '2407.21783', tags: [] },
    {
      type: 'papers.set',
      at: 5,
      marks: { '2407.21783': { read: true }, '2408.00001': { saved: false } },
    },
    { type: 'papers.tag', at: 5, ids: ['2407.21783'], add: ['ml'], remove: ['old'] },
    {
      type: 'marks.restore',
      at: 5,
      marks: [{ id: '2407.21783', savedAt: 1, readAt: 0, pinnedAt: 0, tags: ['ml'], note: '' }],
    },
  ])('%o', (message) => {
    expect(parseRequest(message)).toEqual({ ok: true, request: message });
  });
});

describe('parseRequest refuses malformed messages and says why', () => {
  it.each([
    [null, /Invalid message/],
    ['papers.seen', /Invalid message/],
    [{}, /Invalid message.*type/],
    [{ type: 'papers.drop' }, /Invalid message.*type/],
    [{ type: 'papers.states' }, /at ids/],
    [{ type: 'papers.states', ids: ['../../etc'] }, /at ids\.0: Not an arXiv id/],
    [{ type: 'papers.states', ids: [123] }, /at ids\.0/],
    [{ type: 'papers.states', ids: [], extra: 1 }, /extra/],
    [{ type: 'paper.mark', at: 5, id: '2407.21783' }, /Sets neither saved nor read/],
    [{ type: 'paper.mark', at: 5, id: '2407.21783', saved: 'yes' }, /at saved/],
    [{ type: 'paper.annotate', at: 5, id: '2407.21783' }, /Sets neither note, tags nor pinned/],
    [{ type: 'paper.annotate', at: 5, id: '2407.21783', note: 'x'.repeat(10001) }, /at note/],
    [{ type: 'paper.annotate', at: 5, id: '2407.21783', tags: [''] }, /at tags\.0: Empty tag/],
    [{ type: 'papers.mark', ids: ['2407.21783'], read: true }, /Invalid message.*type/],
    [{ type: 'papers.set', at: 5, marks: { 'not-an-id': { read: true } } }, /Not an arXiv id/],
    [{ type: 'papers.tag', at: 5, ids: ['2407.21783'], add: [] }, /Adds and removes no tag/],
    [{ type: 'marks.restore', at: 5, marks: [{ id: '2407.21783', savedAt: -1 }] }, /at marks\.0/],
    [
      {
        type: 'paper.mark',
        at: 5,
        id: '2407.21783',
        saved: true,
        paper: { ...paper, id: '2408.00001' },
      },
      /Carries metadata of another paper/,
    ],
    [{ type: 'paper.mark', id: '2407.21783', saved: true }, /at at/],
    [{ type: 'papers.set', at: -1, marks: {} }, /at at/],
    [{ type: 'papers.seen', papers: [{ ...paper, title: '' }] }, /at papers\.0\.title: Empty/],
    [{ type: 'papers.seen', papers: [{ ...paper, thumbnail: 'javascript:x' }] }, /thumbnail/],
    [{ type: 'papers.seen', papers: [{ ...paper, upvotes: -1 }] }, /upvotes/],
    [{ type: 'papers.seen', papers: [{ ...paper, title: 'x'.repeat(1001) }] }, /Longer than 1000/],
    [{ type: 'papers.seen', papers: [{ ...paper, publishedAt: 'yesterday' }] }, /Not a date/],
  ])('%o', (message, error) => {
    const result = parseRequest(message);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(error);
  });

  it('refuses a batch larger than the protocol allows', () => {
    const ids = Array.from({ length: MAX_PAPERS_PER_MESSAGE + 1 }, () => '2407.21783');
    expect(parseRequest({ type: 'papers.states', ids }).ok).toBe(false);
  });
});
