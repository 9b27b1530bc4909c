/**
 * The storage failures a user can meet, turned into words they can act on, and an open that
 * does not wait forever behind an older connection. IndexedDB reports a full disk as
 * QuotaExceededError (often wrapped in the AbortError of the transaction it killed), an
 * upgrade held up by another connection only as a `blocked` event (the open request just
 * waits), and a refused database as a failed open.
 */
import type { Dexie } from 'dexie';

export class UpgradeBlockedError extends Error {
  override name = 'UpgradeBlockedError';
  constructor() {
    super(
      'Paper Queue was updated and is waiting for its older pages to close: close the other Paper Queue popups and library tabs (or restart the browser). Nothing was changed.',
    );
  }
}

/** The database did not open: whatever the browser said is kept as `inner`. */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
  constructor(readonly inner: unknown) {
    super(inner instanceof Error ? inner.message.split('\n')[0] : String(inner));
  }
}

const blockedUpgrades = new WeakSet<Dexie>();

/** Remembers that `db`'s upgrade is waiting for another connection, until it opens. */
export function trackBlockedUpgrade(db: Dexie): void {
  db.on('blocked', () => void blockedUpgrades.add(db));
  db.on('ready', () => void blockedUpgrades.delete(db), true);
}

/**
 * Opens `db`, or fails with UpgradeBlockedError while its upgrade is blocked, instead of
 * leaving the caller (a click, the popup) waiting without a word. The open itself keeps
 * waiting and completes once the older connection closes.
 */
export function openOrExplain(db: Dexie, pollMs = 50): Promise<void> {
  // Closed on purpose (not by a versionchange): leave it so; its users get the error.
  if (db.isOpen() || db.hasBeenClosed()) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (blockedUpgrades.has(db)) {
        clearInterval(timer);
        reject(new UpgradeBlockedError());
      }
    }, pollMs);
    db.open().then(
      () => {
        clearInterval(timer);
        resolve();
      },
      (error: unknown) => {
        clearInterval(timer);
        reject(new StorageUnavailableError(error));
      },
    );
  });
}

function namesOf(error: unknown): string[] {
  const names: string[] = [];
  for (let e = error as { name?: unknown; inner?: unknown } | undefined; e; e = e.inner as never) {
    if (typeof e.name === 'string') names.push(e.name);
    if (names.length > 5) break;
  }
  return names;
}

/** A storage failure in words for the user, or undefined when it is not one. */
export function describeStorageFault(error: unknown): string | undefined {
  const names = namesOf(error);
  if (names.includes('QuotaExceededError')) {
    return 'Storage is full: nothing was changed. Free some disk space, then try again.';
  }
  if (names.includes('UpgradeBlockedError')) return (error as Error).message;
  if (names.includes('VersionError')) {
    return 'The database was made by a newer Paper Queue: update the extension. Nothing was changed.';
  }
  if (names.includes('StorageUnavailableError') || names.includes('MissingAPIError')) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return `Storage unavailable: Paper Queue could not open its database (${detail}). Nothing was changed.`;
  }
  return undefined;
}
