// One browser per test file (or describe block), started before its tests and closed after.
import { afterAll, beforeAll } from 'vitest';

/**
 * Registers beforeAll (starts the session) and afterAll (closes it) in the enclosing file or
 * describe block, and returns the session: an object that forwards every property to the
 * one started, so tests write `session.openSite(…)`. Using it before beforeAll has run (at
 * the top level of the file, while tests are being collected) throws.
 */
export function useSession<S extends { close: () => Promise<void> }>(start: () => Promise<S>): S {
  let live: S | undefined;
  beforeAll(async () => {
    live = await start();
  });
  afterAll(() => live?.close());
  return new Proxy({} as S, {
    get(_, key) {
      if (!live) {
        throw new Error(
          `session.${String(key)}: the browser starts in beforeAll; use it in a test`,
        );
      }
      return live[key as keyof S];
    },
  });
}
