import { afterEach, describe, expect, it } from 'vitest';
import { sendRequest } from '../../src/shared/messaging';
import { classifySendFailure, sendWithRetry } from '../../src/shared/retrying-send';
import { fakeBrowser } from '../support/fake-browser';

const GONE = 'Could not establish connection. Receiving end does not exist.';
const PORT_CLOSED = 'The message port closed before a response was received.';
const INVALIDATED = 'Extension context invalidated.';

/** A background that is away for the first `away` messages, then applies each one. */
function fakeBackground(away: number, failure = GONE) {
  const applied: unknown[] = [];
  let calls = 0;
  const send = async (message: unknown) => {
    calls++;
    if (calls <= away) {
      // A lost reply means the write happened before the worker stopped.
      if (failure === PORT_CLOSED) applied.push(message);
      throw new Error(failure);
    }
    applied.push(message);
    return { ok: true, data: { saved: true, read: false } };
  };
  return { send, applied, calls: () => calls };
}

const slept: number[] = [];
const sleep = async (ms: number) => void slept.push(ms);
afterEach(() => {
  slept.length = 0;
});

describe('classifySendFailure', () => {
  it.each([
    [GONE, 'not-delivered'],
    [PORT_CLOSED, 'reply-lost'],
    ['The extension did not answer. Try again.', 'reply-lost'],
    [INVALIDATED, 'other'],
    ['Storage is full: nothing was changed.', 'other'],
  ])('%s → %s', (message, kind) => {
    expect(classifySendFailure(new Error(message))).toBe(kind);
  });
});

describe('sendWithRetry', () => {
  it('resends after the worker was gone, with growing waits, and succeeds once', async () => {
    const bg = fakeBackground(3);
    const reply = await sendWithRetry(() => bg.send({ id: 'a' }), { repeatable: true, sleep });
    expect(reply.ok).toBe(true);
    expect(bg.calls()).toBe(4);
    expect(bg.applied).toHaveLength(1);
    expect(slept).toEqual([50, 150, 400]);
  });

  it('gives up after the last delay and reports the original error', async () => {
    const bg = fakeBackground(99);
    await expect(
      sendWithRetry(() => bg.send({}), { repeatable: true, sleep, delays: [1, 2] }),
    ).rejects.toThrow(GONE);
    expect(bg.calls()).toBe(3);
  });

  it('never retries a dead extension context or an error reply', async () => {
    for (const message of [INVALIDATED, 'ImportError: bad file']) {
      const bg = fakeBackground(1, message);
      await expect(sendWithRetry(() => bg.send({}), { repeatable: true, sleep })).rejects.toThrow(
        message,
      );
      expect(bg.calls()).toBe(1);
    }
  });

  it('resends a lost reply only for a repeatable request', async () => {
    const once = fakeBackground(1, PORT_CLOSED);
    await expect(
      sendWithRetry(() => once.send({}), { repeatable: false, sleep }),
    ).rejects.toThrow();
    expect(once.applied).toHaveLength(1);

    const repeatable = fakeBackground(1, PORT_CLOSED);
    await sendWithRetry(() => repeatable.send({}), { repeatable: true, sleep });
    expect(repeatable.calls()).toBe(2);
  });
});

describe('sendRequest', () => {
  const original = fakeBrowser.runtime.sendMessage;
  afterEach(() => {
    fakeBrowser.runtime.sendMessage = original;
  });

  it('retries a mark the stopped worker did not receive and returns its reply', async () => {
    const bg = fakeBackground(2);
    fakeBrowser.runtime.sendMessage = bg.send;
    const state = await sendRequest({ type: 'paper.mark', id: '2407.21783', at: 1, saved: true });
    expect(state).toEqual({ saved: true, read: false });
    expect(bg.applied).toEqual([{ type: 'paper.mark', id: '2407.21783', at: 1, saved: true }]);
  });

  it('treats a missing reply (the polyfill’s closed port) as lost and resends a mark', async () => {
    let calls = 0;
    fakeBrowser.runtime.sendMessage = async () =>
      ++calls === 1 ? undefined : { ok: true, data: { saved: true, read: false } };
    await sendRequest({ type: 'paper.mark', id: '2407.21783', at: 1, saved: true });
    expect(calls).toBe(2);
  });

  it('does not resend a snapshot whose reply was lost (it could be taken twice)', async () => {
    let calls = 0;
    fakeBrowser.runtime.sendMessage = async () => {
      calls++;
      return undefined;
    };
    await expect(sendRequest({ type: 'snapshots.take' })).rejects.toThrow(/did not answer/);
    expect(calls).toBe(1);
  });
});
