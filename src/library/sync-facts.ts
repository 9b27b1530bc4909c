/**
 * What the library's Sync section says, in words, from the status the background keeps
 * (shared/sync-status.ts). Pure, so every sentence is tested.
 */

import { SYNC_QUOTA } from '../shared/sync-format';
import type { SyncStatus } from '../shared/sync-status';
import { plural } from '../ui/queue/format';

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago", or a date. */
export function ago(then: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${plural(hours, 'hour')} ago`;
  const days = Math.round(hours / 24);
  if (days < 30) return `${plural(days, 'day')} ago`;
  return `on ${new Date(then).toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric' })}`;
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export interface SyncFacts {
  /** When something last left and arrived. */
  traffic: string[];
  /** The other browsers, each in a sentence (a problem said as such). */
  devices: string[];
  /** How much of the browser's sync space is used. */
  space: string;
  /** What did not fit, or the last failure: things the user should know. */
  warnings: string[];
}

export function describeSync(status: SyncStatus | null, now: number): SyncFacts {
  if (!status) {
    return {
      traffic: ['Nothing has been sent or received yet.'],
      devices: [],
      space: '',
      warnings: [],
    };
  }
  const traffic = [
    status.lastSent
      ? `Last sent ${ago(status.lastSent, now)}: ${plural(status.decisions, 'decision')} from this browser.`
      : 'Nothing sent from this browser yet.',
    status.lastReceived
      ? `Last received ${ago(status.lastReceived, now)}.`
      : 'Nothing received from another browser yet.',
  ];
  const devices = status.devices.map((device) =>
    device.problem === undefined
      ? `A browser (${device.id}): ${plural(device.decisions, 'decision')}, written ${ago(device.writtenAt, now)}.`
      : `A browser (${device.id}) whose data was not read: ${device.problem}. Nothing of it was merged; it is ignored until it writes again.`,
  );
  const space = `${kilobytes(status.totalBytes || status.ownBytes)} of the ${kilobytes(SYNC_QUOTA.bytes)} your browser syncs for an extension are used (this browser: ${kilobytes(status.ownBytes)}).`;
  const warnings: string[] = [];
  if (status.unsynced > 0) {
    warnings.push(
      `${plural(status.unsynced, 'paper')} stay on this browser only: the sync space is full, and the oldest papers read and not saved are left out first. Nothing is removed here.`,
    );
  }
  if (status.error) warnings.push(`The last write failed (${status.error}); it is tried again.`);
  return { traffic, devices, space, warnings };
}
