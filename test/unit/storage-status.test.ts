import { describe, expect, it } from 'vitest';
import { describeCounts } from '../../src/library/StorageStatus';
import { safetyOf } from '../../src/library/storage-facts';

describe('Your data, in words', () => {
  const counts = { papers: 13, saved: 4, savedRead: 1, readOnly: 2, tagged: 2, pinned: 1 };

  it('counts papers the way a reader thinks of them', () => {
    expect(describeCounts(counts)).toBe(
      'You have 4 saved papers: 3 still to read, 1 read. 2 have tags, 1 is pinned.',
    );
    expect(describeCounts({ ...counts, saved: 1, savedRead: 0, tagged: 0, pinned: 0 })).toBe(
      'You have 1 saved paper: 1 still to read, 0 read.',
    );
    expect(describeCounts({ ...counts, saved: 0 })).toBe('You have no saved papers yet.');
  });

  it('calls Chromium with unlimitedStorage safe even when persist() said no', () => {
    expect(safetyOf('refused', true)).toBe('exempt');
    expect(safetyOf('granted', true)).toBe('persistent');
    expect(safetyOf('granted', false)).toBe('persistent');
    expect(safetyOf('refused', false)).toBe('at-risk');
    expect(safetyOf('unsupported', false)).toBe('unknown');
    expect(safetyOf('checking', true)).toBe('checking');
  });
});
