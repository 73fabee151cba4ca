/**
 * Returns the URL when it is an absolute `http:` or `https:` URL without credentials, otherwise
 * `undefined`. Use it before rendering any link that came from a provider: `javascript:`, `data:`,
 * relative and malformed URLs are refused, and so is a URL with a user name or password
 * (`https://user@host/…`, `https://a:b@host/…`), which can disguise where the link goes.
 *
 * @example
 * ```ts
 * safeHttpUrl('https://cdn.example.com/r.mp4'); // "https://cdn.example.com/r.mp4"
 * safeHttpUrl('javascript:alert(1)'); // undefined
 * safeHttpUrl('https://cdn.example.com@evil.example/r.mp4'); // undefined
 * ```
 *
 * @public
 */
export function safeHttpUrl(url: unknown): string | undefined {
  if (typeof url !== 'string' || url.length === 0) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  // `https://@host/` parses with an empty user name but still carries an `@` before the host.
  const authority = url.slice(url.indexOf('//') + 2).split(/[/?#\\]/, 1)[0] ?? '';
  if (authority.includes('@')) return undefined;
  return parsed.href;
}

/** The largest distance from the epoch, in ms, that a JavaScript `Date` can hold (±100 000 000 days). */
export const MAX_DATE_MS = 8.64e15;

/**
 * `true` when an expiry time (ISO string, epoch ms, or `Date`) has passed or falls within
 * `marginMs` of `now`. A missing expiry never expires; an unreadable one — not a date, an empty
 * string, a time outside the JavaScript `Date` range — counts as expired.
 *
 * @example
 * ```ts
 * import { isExpired } from 'onair-react';
 *
 * const now = Date.parse('2025-01-01T12:00:00Z');
 * isExpired('2025-01-01T12:00:30Z', now); // false
 * isExpired('2025-01-01T12:00:30Z', now, 60_000); // true: within the one-minute margin
 * isExpired(null, now); // false: no expiry
 * isExpired('not-a-date', now); // true: unreadable
 * ```
 *
 * @public
 */
export function isExpired(
  expiry: string | number | Date | null | undefined,
  now: number,
  marginMs = 0,
): boolean {
  if (expiry === null || expiry === undefined) return false;
  const time = expiry instanceof Date ? expiry.getTime() : typeof expiry === 'number' ? expiry : Date.parse(expiry);
  if (!Number.isFinite(time) || Math.abs(time) > MAX_DATE_MS) return true;
  return time - marginMs <= now;
}
