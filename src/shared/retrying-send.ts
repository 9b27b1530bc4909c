/**
 * Retries a message that was lost because the background was not there to answer it: Chrome
 * stops an idle service worker, and a message sent while it stops (or restarts) fails with
 * "Receiving end does not exist" or a port that closed without a reply. Waking it is the
 * browser's job; a short wait and a resend is ours.
 *
 * Safe because every write carries the intended value, never "flip": delivering it twice has
 * the effect of delivering it once. A dead extension context ("Extension context
 * invalidated") is never retried: that script is orphaned and must stop, not knock again.
 */

/** Waits between attempts, in milliseconds: about 1.6 s in all before giving up. */
export const RETRY_DELAYS_MS: readonly number[] = [50, 150, 400, 1000];

/** The background never got the message: resending cannot apply it twice. */
const NOT_DELIVERED = /Could not establish connection|Receiving end does not exist/i;
/** The background may have got it but its reply was lost with the worker. */
const REPLY_LOST = /message port closed before a response|did not answer|message channel closed/i;

export type SendFailure = 'not-delivered' | 'reply-lost' | 'other';

export function classifySendFailure(error: unknown): SendFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (NOT_DELIVERED.test(message)) return 'not-delivered';
  if (REPLY_LOST.test(message)) return 'reply-lost';
  return 'other';
}

export interface RetryOptions {
  /** Whether the request may be sent again when its reply was lost (it is idempotent). */
  repeatable: boolean;
  delays?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Calls `attempt` until it succeeds, fails for another reason, or the delays run out. */
export async function sendWithRetry<T>(
  attempt: () => Promise<T>,
  { repeatable, delays = RETRY_DELAYS_MS, sleep = wait }: RetryOptions,
): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const failure = classifySendFailure(error);
      const retryable = failure === 'not-delivered' || (failure === 'reply-lost' && repeatable);
      const delay = delays[tries];
      if (!retryable || delay === undefined) throw error;
      await sleep(delay);
    }
  }
}
