const digitFormats = new Map<string, Intl.NumberFormat>();

/** Whole numbers in a locale's digits, without grouping; `minimumIntegerDigits` 1 or 2. */
function digits(locale: string, min: 1 | 2): Intl.NumberFormat {
  const key = `${locale}|${min}`;
  let format = digitFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumIntegerDigits: min, useGrouping: false, maximumFractionDigits: 0 });
    digitFormats.set(key, format);
  }
  return format;
}

/**
 * Formats elapsed milliseconds as `mm:ss`, or `h:mm:ss` from one hour on. Negative or
 * non-finite input counts as zero. With a `locale`, the numbers are written in that locale's
 * digits through `Intl.NumberFormat` (Arabic-Indic digits for `ar-EG`, say).
 *
 * @example
 * ```ts
 * formatElapsed(65_000); // "01:05"
 * formatElapsed(3_723_000); // "1:02:03"
 * formatElapsed(65_000, 'ar-EG'); // "٠١:٠٥"
 * ```
 *
 * @public
 */
export function formatElapsed(ms: number, locale?: string): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number): string => (locale ? digits(locale, 2).format(n) : String(n).padStart(2, '0'));
  const one = (n: number): string => (locale ? digits(locale, 1).format(n) : String(n));
  return hours > 0 ? `${one(hours)}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`;
}

/**
 * A spoken form of an elapsed time for assistive technology, e.g. "1 hour, 2 minutes, 3 seconds",
 * using `Intl.NumberFormat` units in the given locale.
 *
 * @example
 * ```tsx
 * import { formatElapsed, formatElapsedLong } from 'onair-react';
 *
 * formatElapsedLong(3_723_000, 'en'); // "1 hour, 2 minutes, 3 seconds"
 * <time aria-label={formatElapsedLong(65_000, 'en')}>{formatElapsed(65_000)}</time>;
 * ```
 *
 * @public
 */
export function formatElapsedLong(ms: number, locale?: string): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const parts: string[] = [];
  const unit = (value: number, name: 'hour' | 'minute' | 'second'): string =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) parts.push(unit(hours, 'hour'));
  if (minutes > 0) parts.push(unit(minutes, 'minute'));
  if (seconds > 0 || parts.length === 0) parts.push(unit(seconds, 'second'));
  return parts.join(', ');
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/**
 * Formats a byte count with `Intl.NumberFormat` (decimal units: 1 kB = 1000 bytes).
 * Returns an empty string for a missing, negative or non-finite size.
 *
 * @example
 * ```ts
 * formatBytes(1_500_000, 'en'); // "1.5 MB"
 * ```
 *
 * @public
 */
export function formatBytes(bytes: number | null | undefined, locale?: string): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '';
  let value = bytes;
  let index = 0;
  while (value >= 1000 && index < BYTE_UNITS.length - 1) {
    value /= 1000;
    index += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: BYTE_UNITS[index],
    unitDisplay: 'short',
    maximumFractionDigits: index === 0 ? 0 : 1,
  }).format(value);
}

/**
 * @internal Text with the stream key of every RTMP(S) URL in it masked (scheme, host and app path
 * stay): a provider's message may quote the URL it was given.
 */
export function maskStreamKeys(text: string): string {
  return text.replace(/(rtmps?:\/\/[^\s/]+\/[^\s/]+)\/[^\s)"'\]]+/gi, '$1/•••');
}
