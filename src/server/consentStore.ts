// The contract between the consent ledger and where its records are kept (Postgres, PGlite, memory),
// and the chain rule both sides compute. Web Crypto only (Node 20+, Workers, Deno, Bun).

/**
 * One stored link of a meeting's consent chain, as a {@link ConsentStore} keeps it.
 *
 * @public
 */
export interface ConsentStoreRow {
  readonly meetingId: string;
  /** Position in the meeting's chain: 1, 2, 3 … without gaps. */
  readonly seq: number;
  /** When the ledger recorded it (ISO 8601, the server's clock); also inside `body`. */
  readonly recordedAt: string;
  readonly idempotencyKey: string | undefined;
  /** The record's canonical serialization (what the hash covers). */
  readonly body: string;
  /** The previous link's `hash` (64 zeros for the first). */
  readonly prevHash: string;
  /** `sha256(prevHash + "\n" + body)`, lower-case hex. */
  readonly hash: string;
}

/**
 * Where a {@link ConsentLedger} keeps its records: `createPostgresConsentStore({ client })` (pg or
 * PGlite) or `createMemoryConsentStore()` (tests, demos). A store of your own must append
 * atomically per meeting: read the meeting's last hash, link the new row with
 * {@link consentChainHash}, and never let two appends take the same `seq`.
 *
 * @example
 * ```ts
 * import { createConsentLedger, createMemoryConsentStore, type ConsentStore } from 'onair-react/server';
 *
 * const store: ConsentStore = createMemoryConsentStore();
 * const ledger = createConsentLedger({ store });
 * ```
 *
 * @public
 */
export interface ConsentStore {
  /**
   * Appends `body` as the next link of `meetingId`'s chain — or, when a row with the same
   * `idempotencyKey` exists in that meeting, returns it unchanged with `created: false`.
   */
  append(entry: {
    readonly meetingId: string;
    readonly idempotencyKey: string | undefined;
    readonly recordedAt: string;
    readonly body: string;
  }): Promise<{ readonly row: ConsentStoreRow; readonly created: boolean }>;
  /** The meeting's rows in chain order, optionally only those recorded in `[from, to)` (ISO 8601). */
  list(query: { readonly meetingId: string; readonly from?: string | undefined; readonly to?: string | undefined }): Promise<readonly ConsentStoreRow[]>;
  /** The meeting's last link as the store last wrote it (catches rows deleted from the end), or `undefined`. */
  head(meetingId: string): Promise<{ readonly seq: number; readonly hash: string } | undefined>;
}

/**
 * The `prevHash` of a chain's first record: 64 zeros.
 *
 * @example
 * ```ts
 * import { CONSENT_GENESIS_HASH } from 'onair-react/server';
 *
 * CONSENT_GENESIS_HASH.length; // 64
 * ```
 *
 * @public
 */
export const CONSENT_GENESIS_HASH = '0'.repeat(64);

/**
 * Node's synchronous SHA-256 when the runtime offers it (`process.getBuiltinModule`, Node 20.16+):
 * verifying 100,000 records is then hashing-bound in microseconds, not a Web Crypto round trip per
 * record. Elsewhere (Workers, Deno, browsers) Web Crypto. Both give the same hex.
 */
const nodeHash: ((text: string) => string) | undefined = (() => {
  try {
    const proc = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }).process;
    const nodeCrypto = proc?.getBuiltinModule?.('node:crypto') as
      | { createHash(algorithm: string): { update(text: string, encoding: 'utf8'): { digest(encoding: 'hex'): string } } }
      | undefined;
    return nodeCrypto ? (text: string) => nodeCrypto.createHash('sha256').update(text, 'utf8').digest('hex') : undefined;
  } catch {
    return undefined;
  }
})();

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * The chain rule: `sha256(prevHash + "\n" + body)` over UTF-8, as lower-case hex. The Postgres
 * store computes the same in SQL (`encode(sha256(convert_to(prev || E'\n' || body, 'UTF8')), 'hex')`).
 *
 * @example
 * ```ts
 * import { CONSENT_GENESIS_HASH, consentChainHash } from 'onair-react/server';
 *
 * const first = await consentChainHash(CONSENT_GENESIS_HASH, '{"v":1}');
 * ```
 *
 * @public
 */
export async function consentChainHash(prevHash: string, body: string): Promise<string> {
  const text = `${prevHash}\n${body}`;
  if (nodeHash) return nodeHash(text);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hex = '';
  for (const byte of digest) hex += HEX[byte];
  return hex;
}
