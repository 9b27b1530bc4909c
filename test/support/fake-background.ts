// A stand-in background and storage.local for content-script unit tests. It keeps states with
// versions (one clock, as the database does), publishes them as mark-index shards in its
// storage.local (the real encoding), applies outbox entries when asked (`outbox.flush`),
// validates every request with the real schemas, records them, and lets a test make "another
// tab changed this" changes or put the background to sleep.
import type { AppDeps } from '../../src/content/content-app';
import type { StorageChanges } from '../../src/content/content-deps';
import { encodeShard, shardKey, shardOf } from '../../src/shared/mark-index';
import type { Request, Responses } from '../../src/shared/messages';
import type { MarkState, PaperState, StateMap } from '../../src/shared/model';
import { isOutboxKey, type OutboxEntry } from '../../src/shared/outbox';
import type { PageStatus } from '../../src/shared/page-status';
import { parseOutboxEntry, parseRequest } from '../../src/shared/protocol';
import { addSeen, readSeenRecord, SEEN_KEY } from '../../src/shared/seen';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../src/shared/settings';

const UNMARKED: MarkState = { saved: false, read: false, v: 0 };

export function fakeBackground(initial: Record<string, PaperState> = {}) {
  let version = 0;
  const states: StateMap = {};
  const storage: Record<string, unknown> = { [SETTINGS_KEY]: { ...DEFAULT_SETTINGS } };
  const storageListeners = new Set<(changes: StorageChanges) => void>();
  const requests: Request[] = [];
  /** Every outbox entry the background applied, in order. */
  const drained: OutboxEntry[] = [];
  const warnings: string[] = [];
  let statusOf: () => PageStatus = () => {
    throw new Error('no status responder');
  };
  let alive = true;
  let asleep = false;
  /** The reason the next drain refuses its entries with (a full disk), if any. */
  let refuseWith: string | null = null;

  /** storage.local.set, with its onChanged event a moment later (as the browser delivers it). */
  const setStorage = (items: Record<string, unknown>) => {
    const changes: StorageChanges = {};
    for (const [key, value] of Object.entries(items)) {
      storage[key] = structuredClone(value);
      changes[key] = { newValue: structuredClone(value) };
    }
    queueMicrotask(() => {
      for (const listener of storageListeners) listener(changes);
    });
  };
  const removeStorage = (keys: string[]) => {
    const changes: StorageChanges = {};
    for (const key of keys) {
      if (!(key in storage)) continue;
      delete storage[key];
      changes[key] = {};
    }
    queueMicrotask(() => {
      for (const listener of storageListeners) listener(changes);
    });
  };

  /** The index shards of these papers, rewritten from `states` as the background does. */
  const publish = (ids: Iterable<string>) => {
    const shards = new Set([...ids].map(shardOf));
    const items: Record<string, unknown> = {};
    for (const shard of shards) {
      const inShard = Object.entries(states).filter(([id]) => shardOf(id) === shard);
      items[shardKey(shard)] = encodeShard(shard, inShard, version);
    }
    setStorage(items);
  };
  const write = (id: string, state: PaperState): MarkState => {
    states[id] = { saved: state.saved, read: state.read, v: ++version };
    return states[id] as MarkState;
  };
  for (const [id, state] of Object.entries(initial)) write(id, state);
  publish(Object.keys(states));

  /** Applies every outbox entry, publishes, then removes them (the real drain's order). */
  const drain = () => {
    const keys = Object.keys(storage).filter(isOutboxKey);
    const applied: string[] = [];
    let touched: string[] = [];
    for (const key of keys) {
      const parsed = parseOutboxEntry(storage[key]);
      if (!parsed.ok) throw new Error(parsed.error);
      if (parsed.entry.failed) continue;
      if (refuseWith) {
        setStorage({ [key]: { ...parsed.entry, failed: refuseWith } });
        continue;
      }
      for (const [id, wanted] of Object.entries(parsed.entry.marks)) {
        write(id, { ...(states[id] ?? UNMARKED), ...wanted });
      }
      touched = [...touched, ...Object.keys(parsed.entry.marks)];
      applied.push(key);
      drained.push(parsed.entry as OutboxEntry);
    }
    if (touched.length > 0) publish(touched);
    removeStorage(applied);
    const failed = keys.length - applied.length;
    refuseWith = null;
    return { applied: applied.length, failed };
  };

  const answer = (request: Request): Responses[Request['type']] => {
    const pick = (ids: string[]) =>
      Object.fromEntries(ids.map((id) => [id, states[id] ?? UNMARKED]));
    switch (request.type) {
      case 'papers.seen':
        return pick(request.papers.map((p) => p.id));
      case 'papers.states':
        return pick(request.ids);
      case 'paper.opened':
        return states[request.id] ?? UNMARKED;
      case 'outbox.flush':
        return drain();
      case 'tab.showing':
        return request.id ? (states[request.id] ?? UNMARKED) : null;
      case 'papers.viewed': {
        const record = addSeen(readSeenRecord(storage[SEEN_KEY]), request.ids, Date.now());
        setStorage({ [SEEN_KEY]: record });
        return { recorded: request.ids.length };
      }
      default:
        throw new Error(`The content script never sends ${request.type}`);
    }
  };

  const deps: AppDeps = {
    // Every request is checked against the real schemas first, as the background does.
    send: async (request) => {
      const parsed = parseRequest(structuredClone(request));
      if (!parsed.ok) throw new Error(parsed.error);
      requests.push(request as Request);
      if (asleep) throw new Error('Could not establish connection. Receiving end does not exist.');
      return answer(request as Request) as never;
    },
    isContextAlive: () => alive,
    answerStatus: (status) => {
      statusOf = status;
    },
    warn: (message) => warnings.push(message),
    saveHideMode: (hideMode) => {
      const settings = { ...(storage[SETTINGS_KEY] as Settings), hideMode };
      setStorage({ [SETTINGS_KEY]: settings });
    },
    readStorage: async () => structuredClone(storage),
    watchStorage: (listener, signal) => {
      storageListeners.add(listener);
      signal.addEventListener('abort', () => storageListeners.delete(listener));
    },
    writeStorage: async (items) => setStorage(items),
    removeStorage: async (keys) => removeStorage(keys),
    runId: 'test-run',
  };
  return {
    deps,
    states,
    storage,
    requests,
    drained,
    warnings,
    /** Another context changed these papers: written, then published in the index. */
    change: (changes: Record<string, PaperState>) => {
      const written: StateMap = {};
      for (const [id, state] of Object.entries(changes)) written[id] = write(id, state);
      publish(Object.keys(changes));
      return written;
    },
    /** Outbox entries waiting (the background asleep, or not asked yet). */
    outbox: () =>
      Object.entries(storage)
        .filter(([key]) => isOutboxKey(key))
        .map(([, value]) => value as OutboxEntry),
    /** The background stops answering (a stopped worker); `wake` applies what waited. */
    sleep: () => {
      asleep = true;
    },
    wake: () => {
      asleep = false;
      return drain();
    },
    /** The next drain refuses what it finds, with this reason. */
    refuseNext: (reason: string) => {
      refuseWith = reason;
    },
    /** Raw storage writes, as another context's would arrive. */
    setStorage,
    status: () => statusOf(),
    kill: () => {
      alive = false;
    },
    settings: () => storage[SETTINGS_KEY] as Settings,
    setSettings: (next: Partial<Settings>) => {
      setStorage({ [SETTINGS_KEY]: { ...(storage[SETTINGS_KEY] as Settings), ...next } });
    },
  };
}
