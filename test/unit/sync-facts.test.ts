// What the library's Sync section says (src/library/sync-facts.ts), sentence by sentence.
import { describe, expect, it } from 'vitest';
import { ago, describeSync } from '../../src/library/sync-facts';
import type { SyncStatus } from '../../src/shared/sync-status';

const NOW = Date.UTC(2026, 11, 2, 12);
const status: SyncStatus = {
  device: 'laptop0001',
  lastSent: NOW - 2 * 60_000,
  lastReceived: NOW - 3 * 3_600_000,
  devices: [
    { id: 'desktop001', decisions: 1234, writtenAt: NOW - 2 * 86_400_000 },
    { id: 'edited0001', problem: 'items that do not match their header' },
  ],
  ownBytes: 20_480,
  totalBytes: 51_200,
  decisions: 4321,
  unsynced: 0,
};

describe('the Sync section in words', () => {
  it('says when things left and arrived, each other browser, and the space used', () => {
    const facts = describeSync(status, NOW);
    expect(facts.traffic).toEqual([
      'Last sent 2 minutes ago: 4,321 decisions from this browser.',
      'Last received 3 hours ago.',
    ]);
    expect(facts.devices).toEqual([
      'A browser (desktop001): 1,234 decisions, written 2 days ago.',
      'A browser (edited0001) whose data was not read: items that do not match their header. Nothing of it was merged; it is ignored until it writes again.',
    ]);
    expect(facts.space).toBe(
      '50.0 KB of the 100.0 KB your browser syncs for an extension are used (this browser: 20.0 KB).',
    );
    expect(facts.warnings).toEqual([]);
  });

  it('says what stays behind when the space is full, and the last failure', () => {
    const facts = describeSync(
      { ...status, unsynced: 812, error: 'storage.sync refused: QUOTA_BYTES quota exceeded' },
      NOW,
    );
    expect(facts.warnings).toEqual([
      '812 papers stay on this browser only: the sync space is full, and the oldest papers read and not saved are left out first. Nothing is removed here.',
      'The last write failed (storage.sync refused: QUOTA_BYTES quota exceeded); it is tried again.',
    ]);
  });

  it('says nothing happened yet before the first exchange', () => {
    expect(describeSync(null, NOW).traffic).toEqual(['Nothing has been sent or received yet.']);
    expect(
      describeSync({ ...status, lastSent: undefined, lastReceived: undefined }, NOW).traffic,
    ).toEqual([
      'Nothing sent from this browser yet.',
      'Nothing received from another browser yet.',
    ]);
  });

  it('tells times the way people say them', () => {
    expect(ago(NOW - 10_000, NOW)).toBe('just now');
    expect(ago(NOW - 60_000, NOW)).toBe('1 minute ago');
    expect(ago(NOW - 25 * 3_600_000, NOW)).toBe('1 day ago');
    expect(ago(NOW - 45 * 86_400_000, NOW)).toMatch(/^on Oct 18, 2026$/);
  });
});
