import { describe, expect, it } from 'vitest';
import { senderProblem } from '../../src/background/sender';

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
