/**
 * Sends one request to the background and unwraps its reply. Used by content scripts and
 * extension pages alike; imports the protocol's types only, so it stays small. A request the
 * stopped (or restarting) background did not answer is resent by `sendWithRetry`.
 */
import browser from 'webextension-polyfill';
import type { Reply, RequestOf, RequestType, Responses } from './protocol';
import { sendWithRetry } from './retrying-send';

export class BackgroundError extends Error {
  override name = 'BackgroundError';
}

/** The message the polyfill's missing reply becomes, so the retry can recognise it. */
const NO_ANSWER = 'The extension did not answer. Try again.';

/**
 * Requests whose second delivery would do something twice (a second download, snapshot or
 * pre-import snapshot): resent only when they surely never arrived. Every other request
 * states its intended result, so a resend is harmless.
 */
const NOT_REPEATABLE: ReadonlySet<RequestType> = new Set([
  'transfer.export',
  'transfer.import',
  'snapshots.take',
  'snapshots.restore',
]);

export async function sendRequest<T extends RequestType>(
  request: RequestOf<T>,
): Promise<Responses[T]> {
  const reply = await sendWithRetry(
    async () => {
      // The polyfill turns "port closed before a response" into `undefined`.
      const answer = (await browser.runtime.sendMessage(request)) as
        | Reply<Responses[T]>
        | undefined;
      if (!answer || typeof answer !== 'object') throw new BackgroundError(NO_ANSWER);
      return answer;
    },
    { repeatable: !NOT_REPEATABLE.has(request.type) },
  );
  if (!reply.ok) throw new BackgroundError(reply.error);
  return reply.data;
}
