/**
 * Runs tasks one after another per key (a paper id), so two quick clicks on one card reach
 * the background in the order they were made, even when the first waits for a stopped worker
 * to come back. Tells whether a finished task is still the latest for its key: only that one's
 * reply may change what the card shows.
 */
export interface PerKeyQueue {
  run<T>(key: string, task: () => Promise<T>): { done: Promise<T>; isLatest: () => boolean };
}

export function createPerKeyQueue(): PerKeyQueue {
  const tails = new Map<string, Promise<unknown>>();
  const latest = new Map<string, number>();
  let counter = 0;
  return {
    run(key, task) {
      const ticket = ++counter;
      latest.set(key, ticket);
      const previous = tails.get(key) ?? Promise.resolve();
      const done = previous.then(task, task);
      const tail = done.then(
        () => {},
        () => {},
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return { done, isLatest: () => latest.get(key) === ticket };
    },
  };
}
