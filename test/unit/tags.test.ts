import { describe, expect, it } from 'vitest';
import {
  currentTag,
  MAX_TAG_LENGTH,
  MAX_TAGS_PER_PAPER,
  normalizeTags,
  parseTagInput,
  splitTagInput,
  tagInputProblem,
  tagLabel,
} from '../../src/shared/tags';

describe('tags', () => {
  it('are trimmed, lower-cased and unique, in the order first given', () => {
    expect(normalizeTags([' Vision ', 'ml', 'vision', '', 'RL'])).toEqual(['vision', 'ml', 'rl']);
  });

  it('keep the spaces inside them (runs of spaces become one)', () => {
    expect(normalizeTags(['Reinforcement Learning'])).toEqual(['reinforcement learning']);
    expect(normalizeTags(['to  read', 'to read'])).toEqual(['to read']);
    // Tags stored by older versions keep their hyphen: nothing rewrites them.
    expect(normalizeTags(['to-read'])).toEqual(['to-read']);
  });

  it('drop a leading #, so #rl and rl are one tag', () => {
    expect(normalizeTags(['#rl', 'rl', '##Vision', '# agents'])).toEqual([
      'rl',
      'vision',
      'agents',
    ]);
    expect(normalizeTags(['#', ' # '])).toEqual([]);
    // Only a leading one: a # inside is part of the tag.
    expect(normalizeTags(['c#'])).toEqual(['c#']);
  });

  it('are cut to the limits only by the background, as a last guard', () => {
    expect(normalizeTags(['x'.repeat(100)])[0]).toHaveLength(MAX_TAG_LENGTH);
    // A cut never leaves a trailing space.
    expect(normalizeTags([`${'a'.repeat(MAX_TAG_LENGTH - 1)} b`])[0]).toBe(
      'a'.repeat(MAX_TAG_LENGTH - 1),
    );
    const many = Array.from({ length: 30 }, (_, i) => `t${i}`);
    expect(normalizeTags(many)).toHaveLength(MAX_TAGS_PER_PAPER);
  });
});

describe('typed tags', () => {
  it('are separated by commas; spaces stay inside a tag', () => {
    expect(parseTagInput('ml, Reinforcement  Learning,,#rl')).toEqual([
      'ml',
      'reinforcement learning',
      'rl',
    ]);
    expect(parseTagInput('   ')).toEqual([]);
    expect(parseTagInput(' , ,')).toEqual([]);
  });

  it('are not cut: a tag or a list over the limit is a problem, said in words', () => {
    const long = 'a very long tag that goes on and on past forty characters';
    expect(splitTagInput(`ml, ${long}`)).toEqual(['ml', long]);
    expect(tagInputProblem(`ml, ${long}`)).toBe(
      `The tag “a very long tag that…” has ${long.length} characters; a tag can have at most 40.`,
    );
    expect(tagInputProblem('x'.repeat(MAX_TAG_LENGTH))).toBeNull();
    const many = Array.from({ length: 21 }, (_, i) => `t${i}`).join(', ');
    expect(tagInputProblem(many)).toBe('That is 21 tags; a paper can have at most 20.');
    // Duplicates count once.
    expect(tagInputProblem(`${'ml, '.repeat(30)}rl`)).toBeNull();
  });

  it('name the tag being typed: the text after the last comma', () => {
    expect(currentTag('ml, Reinf')).toBe('reinf');
    expect(currentTag('ml,')).toBe('');
    expect(currentTag('#Vis')).toBe('vis');
  });

  it('are shown with one #, whatever was stored', () => {
    expect(tagLabel('rl')).toBe('#rl');
    expect(tagLabel('#rl')).toBe('#rl');
    expect(tagLabel('reinforcement learning')).toBe('#reinforcement learning');
  });
});
