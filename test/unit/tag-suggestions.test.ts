import { describe, expect, it } from 'vitest';
import { noteLengthText, tagFieldText } from '../../src/ui/queue/AnnotationEditor';
import { isLongNote } from '../../src/ui/queue/NoteText';
import { acceptSuggestion, suggestTags } from '../../src/ui/queue/tag-suggestions';

const KNOWN = ['reinforcement learning', 'rl', 'agents', 'to-read', 'surveys', 'deep rl'];

describe('tag suggestions', () => {
  it('offer known tags for the tag being typed, those starting with it first', () => {
    // Starts with r; a word starts with r; r somewhere inside.
    expect(suggestTags('r', KNOWN)).toEqual([
      'reinforcement learning',
      'rl',
      'to-read',
      'deep rl',
      'surveys',
    ]);
    expect(suggestTags('agents, re', KNOWN)).toEqual(['reinforcement learning', 'to-read']);
    expect(suggestTags('Surv', KNOWN)).toEqual(['surveys']);
    expect(suggestTags('#ag', KNOWN)).toEqual(['agents']);
  });

  it('leave out tags already in the field, and the exact tag typed', () => {
    expect(suggestTags('rl, r', KNOWN)).toEqual([
      'reinforcement learning',
      'to-read',
      'deep rl',
      'surveys',
    ]);
    expect(suggestTags('rl', KNOWN)).toEqual(['deep rl']);
  });

  it('offer nothing until something is typed, unless all are asked for', () => {
    expect(suggestTags('agents, ', KNOWN)).toEqual([]);
    expect(suggestTags('agents, ', KNOWN, true)).toEqual([
      'reinforcement learning',
      'rl',
      'to-read',
      'surveys',
      'deep rl',
    ]);
  });

  it('replace the tag being typed, ready for the next', () => {
    expect(acceptSuggestion('agents, reinf', 'reinforcement learning')).toBe(
      'agents, reinforcement learning, ',
    );
    expect(acceptSuggestion('ag', 'agents')).toBe('agents, ');
  });
});

describe('limits in the note editor', () => {
  it('say nothing far from the note limit, count near it, and refuse past it', () => {
    expect(noteLengthText(8999)).toBeNull();
    expect(noteLengthText(9000)).toEqual({ text: '9,000 of 10,000 characters.', over: false });
    expect(noteLengthText(12_345)).toEqual({
      text: '12,345 of 10,000 characters: 2,345 too many to save.',
      over: true,
    });
  });

  it('count a tag near its limit, and say why a field cannot be saved', () => {
    expect(tagFieldText('ml, short')).toBeNull();
    expect(tagFieldText(`ml, ${'x'.repeat(32)}`)).toEqual({
      text: 'This tag: 32 of 40 characters.',
      over: false,
    });
    expect(tagFieldText('x'.repeat(41))?.over).toBe(true);
  });

  it('fold notes that are long or have many lines', () => {
    expect(isLongNote('short')).toBe(false);
    expect(isLongNote('x'.repeat(281))).toBe(true);
    expect(isLongNote('a\nb\nc\nd\ne')).toBe(true);
  });
});
