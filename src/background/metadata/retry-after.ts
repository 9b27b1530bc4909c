/**
 * How long a 429 or 503 answer asks us to wait: HTTP's `Retry-After`, in seconds or as an HTTP
 * date. Null when the header is missing or unreadable.
 */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
