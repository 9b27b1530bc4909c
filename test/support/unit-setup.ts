// A real IndexedDB implementation for Dexie under Node: fake-indexeddb, in memory.
import 'fake-indexeddb/auto';
