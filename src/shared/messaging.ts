/**
 * Sends one request to the background and unwraps its reply. Used by content scripts and
 * extension pages alike; imports the protocol's types only, so it stays small.
 */
import browser from 'webextension-polyfill';
import type { Reply, RequestOf, RequestType, Responses } from './protocol';

export class BackgroundError extends Error {
  override name = 'BackgroundError';
}

export async function sendRequest<T extends RequestType>(
  request: RequestOf<T>,
): Promise<Responses[T]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<Responses[T]> | undefined;
  if (!reply || typeof reply !== 'object') {
    throw new BackgroundError('The extension did not answer. Try again.');
  }
  if (!reply.ok) throw new BackgroundError(reply.error);
  return reply.data;
}
