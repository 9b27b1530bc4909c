/**
 * What browser sync tells the library (kept by the background in storage.local): when
 * something last left and arrived, which other devices it knows, how much of storage.sync
 * this device's decisions take, and how many of its papers did not fit.
 */
export const SYNC_STATUS_KEY = 'paperQueue.sync.status';
/** This device's sync id, made at install (storage.local: it must not travel itself). */
export const SYNC_DEVICE_KEY = 'paperQueue.sync.device';

export interface SyncStatus {
  device: string;
  /** When this device last wrote its decisions (ms). */
  lastSent?: number;
  /** When decisions from another device last changed something here (ms). */
  lastReceived?: number;
  /** The last device merged: how many decisions it told, how many papers changed, how long. */
  lastMerge?: { decisions: number; changed: number; ms: number };
  /** The other devices in storage.sync: what each told, or why it was not read. */
  devices: SyncDevice[];
  /** Bytes of storage.sync this device's keys take, and all devices' together. */
  ownBytes: number;
  totalBytes: number;
  /** This device's decisions in its keys. */
  decisions: number;
  /** Papers whose decisions did not fit (the oldest read, unsaved ones first). */
  unsynced: number;
  /** The last failure, in words, until the next success. */
  error?: string;
}

export type SyncDevice =
  | { id: string; decisions: number; writtenAt: number; problem?: undefined }
  | { id: string; problem: string; decisions?: undefined; writtenAt?: undefined };

export function parseSyncStatus(raw: unknown): SyncStatus | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const s = raw as Partial<SyncStatus>;
  return typeof s.device === 'string' && Array.isArray(s.devices) ? (s as SyncStatus) : null;
}

/** A new device id: ten base-36 characters (sync keys are `pq.<device>…`). */
export function newDeviceId(random: () => number = Math.random): string {
  let id = '';
  for (let i = 0; i < 10; i++) id += Math.floor(random() * 36).toString(36);
  return id;
}
