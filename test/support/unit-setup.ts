// A real IndexedDB implementation for Dexie under Node: fake-indexeddb, in memory.
import 'fake-indexeddb/auto';

// The build constant of src/content/diagnostics.ts (vite.config.ts defines it): off, as in
// the shipped builds. A test of the hooks turns it on with vi.stubGlobal.
Object.assign(globalThis, { __PAPER_QUEUE_TEST_HOOKS__: false });
