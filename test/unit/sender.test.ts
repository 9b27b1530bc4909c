import { describe, expect, it } from 'vitest';
import { senderProblem, senderSite } from '../../src/background/sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const check = (sender: Parameters<typeof senderProblem>[0]) => senderProblem(sender, ID, ORIGIN);

describe('senderProblem', () => {
  it('accepts this extension’s pages and its content scripts on huggingface.co', () => {
    expect(check({ id: ID, url: `${ORIGIN}src/popup/index.html` })).toBeNull();
    expect(check({ id: ID, url: 'https://huggingface.co/papers', tab: {} })).toBeNull();
    expect(check({ id: ID, tab: { url: 'https://huggingface.co/papers/2407.21783' } })).toBeNull();
  });

  it('refuses other extensions', () => {
    expect(check({ id: 'other', url: `${ORIGIN}x.html` })).toMatch(/another extension/);
    expect(check({ url: 'https://huggingface.co/papers', tab: {} })).toMatch(/another extension/);
  });

  it('refuses content scripts on other sites, and look-alike hosts', () => {
    for (const url of [
      'https://example.com/papers',
      'http://huggingface.co/papers',
      'https://huggingface.co.evil.com/papers',
      'https://evil.com/?https://huggingface.co',
    ]) {
      expect(check({ id: ID, url, tab: {} })).toMatch(/other than huggingface\.co/);
    }
  });

  it('refuses a site URL that claims no tab (not a content script)', () => {
    expect(check({ id: ID, url: 'https://huggingface.co/papers' })).toMatch(/huggingface/);
  });
});

describe('senderProblem on the sites a user turns on', () => {
  it('lets content scripts on arxiv.org and alphaxiv.org through to the grant check', () => {
    for (const url of [
      'https://arxiv.org/abs/2401.02954',
      'https://arxiv.org/list/cs.CL/recent',
      'https://www.alphaxiv.org/abs/2401.02954',
    ]) {
      expect(check({ id: ID, url, tab: {} })).toBeNull();
      expect(senderSite({ id: ID, url, tab: {} }, ORIGIN)?.url).toBe(url);
    }
  });

  it('refuses their look-alikes, and never asks the grant of huggingface.co or our pages', () => {
    for (const url of [
      'http://arxiv.org/abs/2401.02954',
      'https://arxiv.org.evil.com/abs/2401.02954',
      'https://export.arxiv.org/abs/2401.02954',
      'https://alphaxiv.org.evil.com/abs/1',
    ]) {
      expect(check({ id: ID, url, tab: {} })).toMatch(/other than huggingface\.co, arxiv\.org/);
    }
    expect(
      senderSite({ id: ID, url: 'https://huggingface.co/papers', tab: {} }, ORIGIN),
    ).toBeNull();
    expect(senderSite({ id: ID, url: `${ORIGIN}src/popup/index.html` }, ORIGIN)).toBeNull();
  });
});
