/**
 * An in-memory stand-in for `webextension-polyfill` in unit tests (the real one refuses to
 * load outside an extension). It behaves like the real APIs where tests rely on it:
 * storage.local round-trips through structuredClone and fires storage.onChanged with
 * old/new values. Tests may replace `runtime.sendMessage` and read what was recorded.
 */
type Listener<A extends unknown[]> = (...args: A) => unknown;

function event<A extends unknown[]>() {
  const listeners = new Set<Listener<A>>();
  return {
    addListener: (l: Listener<A>) => void listeners.add(l),
    removeListener: (l: Listener<A>) => void listeners.delete(l),
    hasListener: (l: Listener<A>) => listeners.has(l),
    emit: (...args: A) => [...listeners].map((l) => l(...args)),
    clear: () => listeners.clear(),
  };
}

type StorageChange = { oldValue?: unknown; newValue?: unknown };
let store: Record<string, unknown> = {};
const onChanged = event<[Record<string, StorageChange>, string]>();

function pick(keys?: string | string[] | Record<string, unknown> | null) {
  if (keys === undefined || keys === null) return structuredClone(store);
  const names = typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
  const defaults = typeof keys === 'object' && !Array.isArray(keys) ? keys : {};
  const out: Record<string, unknown> = {};
  for (const name of names) {
    if (name in store) out[name] = structuredClone(store[name]);
    else if (name in defaults) out[name] = defaults[name];
  }
  return out;
}

export const fakeBrowser = {
  runtime: {
    id: 'fake-extension-id',
    getURL: (path: string) => `chrome-extension://fake-extension-id/${path.replace(/^\//, '')}`,
    sendMessage: async (_message: unknown): Promise<unknown> => {
      throw new Error('runtime.sendMessage is not set up in this test');
    },
    onMessage: event<[unknown, unknown]>(),
    onInstalled: event<[unknown]>(),
    onStartup: event<[]>(),
  },
  storage: {
    local: {
      get: async (keys?: string | string[] | Record<string, unknown> | null) => pick(keys),
      set: async (items: Record<string, unknown>) => {
        const changes: Record<string, StorageChange> = {};
        for (const [key, value] of Object.entries(items)) {
          changes[key] = { oldValue: store[key], newValue: structuredClone(value) };
          store[key] = structuredClone(value);
        }
        onChanged.emit(changes, 'local');
      },
      remove: async (keys: string | string[]) => {
        for (const key of typeof keys === 'string' ? [keys] : keys) delete store[key];
      },
      clear: async () => {
        store = {};
      },
    },
    onChanged,
  },
  tabs: {
    created: [] as { url?: string }[],
    create: async (props: { url?: string }) => {
      fakeBrowser.tabs.created.push(props);
      return { id: fakeBrowser.tabs.created.length, ...props };
    },
  },
  action: {
    badge: { text: '', color: '' },
    setBadgeText: async ({ text }: { text: string }) => {
      fakeBrowser.action.badge.text = text;
    },
    setBadgeBackgroundColor: async ({ color }: { color: string }) => {
      fakeBrowser.action.badge.color = color;
    },
  },
  /** Forgets everything stored and every listener (call between tests). */
  reset() {
    store = {};
    onChanged.clear();
    fakeBrowser.tabs.created = [];
    fakeBrowser.action.badge = { text: '', color: '' };
  },
};

export default fakeBrowser;
