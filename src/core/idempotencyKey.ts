// One key per consent answer, reused on every retry, so the ledger keeps the answer once.

/**
 * A fresh idempotency key for one answer.
 *
 * @example
 * ```ts
 * import { newIdempotencyKey } from 'onair-react/advanced';
 *
 * const key = newIdempotencyKey(); // "5f0c…" (a UUID where the browser has one)
 * ```
 *
 * @beta
 */
export function newIdempotencyKey(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}
