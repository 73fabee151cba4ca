import { describe, expect, it } from 'vitest';
import { readExpiry, readTimestamp } from '../../src/core/recordings.js';
import { isExpired, safeHttpUrl } from '../../src/core/url.js';

describe('safeHttpUrl: a URL with credentials is never a link', () => {
  it.each([
    'https://a@b.example/r.mp4',
    'https://user:pass@cdn.example/r.mp4',
    'https://cdn.example.com@evil.example/r.mp4',
    'https://:@evil.example/r.mp4',
    'https://@evil.example/r.mp4',
    'http://a%40b@evil.example/',
  ])('refuses %s', (url) => {
    expect(safeHttpUrl(url)).toBeUndefined();
  });

  it('keeps plain http(s) URLs, including an @ after the host', () => {
    expect(safeHttpUrl('https://cdn.example/r.mp4')).toBe('https://cdn.example/r.mp4');
    expect(safeHttpUrl('https://cdn.example/users/@ada/r.mp4?by=a@b')).toBe('https://cdn.example/users/@ada/r.mp4?by=a@b');
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
  });
});

describe('expiry and timestamps', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('counts unreadable and out-of-range expiries as expired', () => {
    expect(isExpired('not-a-date', now)).toBe(true);
    expect(isExpired('', now)).toBe(true);
    expect(isExpired(9e15, now)).toBe(true);
    expect(isExpired(Number.POSITIVE_INFINITY, now)).toBe(true);
    expect(isExpired(now + 60_000, now)).toBe(false);
  });

  it('reads epoch seconds and milliseconds alike, and digit strings', () => {
    expect(readTimestamp(1_767_225_600)).toBe(now);
    expect(readTimestamp(1_767_225_600_000)).toBe(now);
    expect(readTimestamp('1767225600')).toBe(now);
    expect(readTimestamp('2026-01-01T00:00:00Z')).toBe(now);
  });

  it('ignores times outside the JavaScript Date range', () => {
    expect(readTimestamp(1e20)).toBeNull();
    expect(readTimestamp('+275760-09-14T00:00:00.000Z')).toBeNull();
    expect(readTimestamp('not-a-date')).toBeNull();
    expect(readTimestamp('')).toBeNull();
    expect(readTimestamp({})).toBeNull();
  });

  it('reads a missing expiry as none and an unreadable one as already expired', () => {
    expect(readExpiry(undefined)).toBeNull();
    expect(readExpiry(null)).toBeNull();
    expect(readExpiry('not-a-date')).toBe(0);
    expect(readExpiry('')).toBe(0);
    expect(readExpiry(1e20)).toBe(0);
    expect(isExpired(readExpiry('not-a-date'), now)).toBe(true);
  });
});
