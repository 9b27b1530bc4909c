import { describe, expect, it } from 'vitest';
import { createPerKeyQueue } from '../../src/content/per-key-queue';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe('createPerKeyQueue', () => {
  it('runs one key’s tasks in order, even when the first is slow or fails', async () => {
    const queue = createPerKeyQueue();
    const order: string[] = [];
    const slow = deferred();
    const first = queue.run('a', async () => {
      await slow.promise;
      order.push('a1');
      throw new Error('worker gone');
    });
    const second = queue.run('a', async () => void order.push('a2'));
    const other = queue.run('b', async () => void order.push('b1'));
    await other.done;
    expect(order).toEqual(['b1']);
    slow.resolve();
    await expect(first.done).rejects.toThrow('worker gone');
    await second.done;
    expect(order).toEqual(['b1', 'a1', 'a2']);
    expect(first.isLatest()).toBe(false);
    expect(second.isLatest()).toBe(true);
    expect(other.isLatest()).toBe(true);
  });
});
