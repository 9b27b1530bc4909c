/**
 * Sends one request to the background and unwraps its reply. Used by content scripts and
 * extension pages alike; reads only the message table's rules (messages.ts), never the
 * validators, so it stays small. A request the stopped (or restarting) background did not
 * answer is resent by `sendWithRetry` — after a lost reply only where the table says a
 * resend is safe.
 */
import browser from 'webextension-polyfill';
import { MESSAGES, type Reply, type RequestOf, type RequestType, type Responses } from './messages';
import { sendWithRetry } from './retrying-send';

export class BackgroundError extends Error {
  override name = 'BackgroundError';
}

/** The message the polyfill's missing reply becomes, so the retry can recognise it. */
const NO_ANSWER = 'The extension did not answer. Try again.';

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
    { repeatable: MESSAGES[request.type as T].resend },
  );
  if (!reply.ok) throw new BackgroundError(reply.error);
  return reply.data;
}
