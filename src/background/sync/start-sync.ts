/**
 * Wires browser sync to the browser: the device id (made once, kept in storage.local), the
 * on/off setting, storage.sync, and the status the library shows. Turning sync off takes
 * this device's keys out of storage.sync (its decisions stay here, and on the devices that
 * already have them).
 */
import browser from 'webextension-polyfill';
import type { PaperQueueDB } from '../../db/database';
import type { StateMap } from '../../shared/model';
import { loadSettings } from '../../shared/settings';
import { parseSyncKey } from '../../shared/sync-format';
import {
  newDeviceId,
  parseSyncStatus,
  SYNC_DEVICE_KEY,
  SYNC_STATUS_KEY,
  type SyncStatus,
} from '../../shared/sync-status';
import { SyncEngine } from './engine';
import { SyncScheduler } from './scheduler';

async function deviceId(): Promise<string> {
  const stored = (await browser.storage.local.get(SYNC_DEVICE_KEY))[SYNC_DEVICE_KEY];
  if (typeof stored === 'string' && /^[a-z0-9]{4,32}$/.test(stored)) return stored;
  const id = newDeviceId();
  await browser.storage.local.set({ [SYNC_DEVICE_KEY]: id });
  return id;
}

export function startSync(options: {
  db: () => PaperQueueDB;
  announce: (changed: StateMap) => Promise<void>;
  fetchMetadata: (ids: string[]) => void;
}): SyncScheduler {
  let engine: Promise<SyncEngine> | undefined;
  const makeEngine = async () => {
    const device = await deviceId();
    const status = parseSyncStatus(
      (await browser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY],
    );
    return new SyncEngine(
      {
        db: options.db,
        area: browser.storage.sync,
        device,
        saveStatus: (next: SyncStatus) => browser.storage.local.set({ [SYNC_STATUS_KEY]: next }),
        announce: options.announce,
        fetchMetadata: options.fetchMetadata,
        now: Date.now,
      },
      status,
    );
  };
  const scheduler = new SyncScheduler({
    engine: async () => {
      if (!(await loadSettings()).sync) return null;
      engine ??= makeEngine();
      return engine;
    },
    now: Date.now,
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
    warn: (message) => console.warn(message),
  });
  return scheduler;
}

/** Takes this device's keys out of storage.sync (sync turned off). */
export async function leaveSync(): Promise<void> {
  const device = await deviceId();
  const keys = Object.keys(await browser.storage.sync.get(null)).filter(
    (key) => parseSyncKey(key)?.device === device,
  );
  if (keys.length > 0) await browser.storage.sync.remove(keys);
}
