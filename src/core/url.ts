/**
 * Returns the URL when it is an absolute `http:` or `https:` URL, otherwise `undefined`.
 * Use it before rendering any link that came from a provider: `javascript:`, `data:`,
 * relative and malformed URLs are refused.
 *
 * @example
 * ```ts
 * safeHttpUrl('https://cdn.example.com/r.mp4'); // "https://cdn.example.com/r.mp4"
 * safeHttpUrl('javascript:alert(1)'); // undefined
 * ```
 */
export function safeHttpUrl(url: unknown): string | undefined {
  if (typeof url !== 'string' || url.length === 0) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
}

/**
 * `true` when an expiry time (ISO string, epoch ms, or `Date`) has passed or falls within
 * `marginMs` of `now`. A missing expiry never expires; an unreadable one counts as expired.
 *
 * @example
 * ```ts
 * import { isExpired } from 'onair-react';
 *
 * const now = Date.parse('2025-01-01T12:00:00Z');
 * isExpired('2025-01-01T12:00:30Z', now); // false
 * isExpired('2025-01-01T12:00:30Z', now, 60_000); // true: within the one-minute margin
 * isExpired(null, now); // false: no expiry
 * ```
 */
export function isExpired(
  expiry: string | number | Date | null | undefined,
  now: number,
  marginMs = 0,
): boolean {
  if (expiry === null || expiry === undefined) return false;
  const time = expiry instanceof Date ? expiry.getTime() : typeof expiry === 'number' ? expiry : Date.parse(expiry);
  if (!Number.isFinite(time)) return true;
  return time - marginMs <= now;
}
