import { describe, expect, it } from 'vitest';
import { MAX_TAG_LENGTH, normalizeTags, parseTagInput } from '../../src/shared/tags';

describe('tags', () => {
  it('are trimmed, lower-cased and unique, in the order first given', () => {
    expect(normalizeTags([' Vision ', 'ml', 'vision', '', 'RL'])).toEqual(['vision', 'ml', 'rl']);
  });

  it('join inner spaces with a hyphen and are cut to the longest allowed', () => {
    expect(normalizeTags(['to  read'])).toEqual(['to-read']);
    expect(normalizeTags(['x'.repeat(100)])[0]).toHaveLength(MAX_TAG_LENGTH);
  });

  it('are typed separated by commas or spaces', () => {
    expect(parseTagInput('ml, Vision  rl,,')).toEqual(['ml', 'vision', 'rl']);
    expect(parseTagInput('   ')).toEqual([]);
  });
});
