// A simulated browser sync service (Chrome Sync, Firefox Sync as storage.sync sees them), for
// the sync engine's tests. Each device has its own copy of the area: a write lands there at
// once (with storage.sync's quotas enforced) and reaches the other devices later, key by
// key, in any order, possibly twice; for each key the service keeps the latest write, and a
// copy never goes back to an older value of a key than one it holds (as the real services
// converge). A device offline neither sends nor hears until it is back.
import type { SyncArea } from '../../src/background/sync/engine';
import { itemsBytes, SYNC_QUOTA } from '../../src/shared/sync-format';

interface Write {
  key: string;
  /** Order of the write at the service (the latest wins). */
  seq: number;
  /** undefined: removed. */
  value: unknown;
}

interface Delivery extends Write {
  to: string;
}

/** What a device's copy holds for a key, with the write it came from. */
type Held = Map<string, { seq: number; value: unknown }>;

export class SyncService {
  private seq = 0;
  private readonly copies = new Map<string, Held>();
  /** The service's own copy: the latest write of every key it has heard. */
  private readonly server: Held = new Map();
  private readonly offline = new Set<string>();
  /** Writes of an offline device, not yet at the service. */
  private readonly outgoing = new Map<string, Write[]>();
  readonly pending: Delivery[] = [];
  /** Per device: when its writes happened (ms), for the write-rate limit. */
  private readonly writeTimes = new Map<string, number[]>();
  /** Per device: the next writes fail with this message. */
  private readonly failures = new Map<string, string[]>();
  /** Told when a delivery changed a device's copy (storage.onChanged 'sync'). */
  onDelivered: (device: string) => void = () => {};

  constructor(
    private readonly clock: () => number = Date.now,
    /** storage.sync's MAX_WRITE_OPERATIONS_PER_MINUTE in Chrome. */
    private readonly writesPerMinute = 120,
  ) {}

  /** The storage.sync area as device `device` sees it (a new one starts with the service's). */
  area(device: string): SyncArea {
    if (!this.copies.has(device)) this.copies.set(device, new Map(this.server));
    return {
      get: async () => this.snapshot(device),
      set: async (items) => this.write(device, Object.entries(items)),
      remove: async (keys) =>
        this.write(
          device,
          keys.map((key) => [key, undefined]),
        ),
    };
  }

  /** The device's copy as plain items. */
  snapshot(device: string): Record<string, unknown> {
    const items: Record<string, unknown> = {};
    for (const [key, held] of this.copies.get(device) ?? []) {
      if (held.value !== undefined) items[key] = structuredClone(held.value);
    }
    return items;
  }

  /** The next write of `device` fails with `message` (a quota, a rate limit, a disk). */
  failNextWrite(device: string, message: string): void {
    this.failures.set(device, [...(this.failures.get(device) ?? []), message]);
  }

  setOnline(device: string, online: boolean): void {
    if (online) {
      this.offline.delete(device);
      for (const write of this.outgoing.get(device) ?? []) this.publish(device, write);
      this.outgoing.delete(device);
    } else this.offline.add(device);
  }

  isOnline(device: string): boolean {
    return !this.offline.has(device);
  }

  /**
   * Delivers up to `count` pending writes to online devices, picked by `pick` (an index into
   * the deliverable ones); with `duplicate`, a delivered write stays pending to come again.
   */
  deliver(count: number, pick: (n: number) => number, duplicate: () => boolean = () => false) {
    for (let i = 0; i < count; i++) {
      const deliverable = this.pending.filter((d) => !this.offline.has(d.to));
      if (deliverable.length === 0) return;
      const delivery = deliverable[pick(deliverable.length) % deliverable.length] as Delivery;
      if (!duplicate()) this.pending.splice(this.pending.indexOf(delivery), 1);
      this.apply(delivery);
    }
  }

  /** Delivers everything pending to online devices, in order. */
  deliverAll(): void {
    while (true) {
      const next = this.pending.findIndex((d) => !this.offline.has(d.to));
      if (next < 0) return;
      const [delivery] = this.pending.splice(next, 1);
      this.apply(delivery as Delivery);
    }
  }

  private apply(delivery: Delivery): void {
    const copy = this.copies.get(delivery.to) as Held;
    const held = copy.get(delivery.key);
    if (held && held.seq >= delivery.seq) return; // older than what it holds, or heard
    copy.set(delivery.key, { seq: delivery.seq, value: delivery.value });
    this.onDelivered(delivery.to);
  }

  private write(device: string, entries: [string, unknown][]): void {
    const failure = this.failures.get(device)?.shift();
    if (failure) throw new Error(failure);
    const now = this.clock();
    const times = (this.writeTimes.get(device) ?? []).filter((t) => t > now - 60_000);
    if (times.length >= this.writesPerMinute) {
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    }
    const copy = this.copies.get(device) as Held;
    const after = this.snapshot(device);
    for (const [key, value] of entries) {
      if (value === undefined) delete after[key];
      else after[key] = value;
      if (value !== undefined && itemsBytes({ [key]: value }) > SYNC_QUOTA.perItem) {
        throw new Error('This request exceeds the QUOTA_BYTES_PER_ITEM quota.');
      }
    }
    if (itemsBytes(after) > SYNC_QUOTA.bytes) {
      throw new Error('This request exceeds the QUOTA_BYTES quota.');
    }
    if (Object.keys(after).length > SYNC_QUOTA.items) {
      throw new Error('This request exceeds the MAX_ITEMS quota.');
    }
    this.writeTimes.set(device, [...times, now]);
    for (const [key, value] of entries) {
      const write: Write = { key, seq: ++this.seq, value: structuredClone(value) };
      copy.set(key, { seq: write.seq, value: write.value });
      if (this.offline.has(device)) {
        this.outgoing.set(device, [...(this.outgoing.get(device) ?? []), write]);
      } else this.publish(device, write);
    }
  }

  private publish(from: string, write: Write): void {
    const held = this.server.get(write.key);
    if (!held || held.seq < write.seq)
      this.server.set(write.key, { seq: write.seq, value: write.value });
    for (const to of this.copies.keys()) {
      if (to !== from) this.pending.push({ ...write, to });
    }
  }
}
