/**
 * Webhook signature checks for VideoSDK (`videosdk-signature`) and Cloudflare RealtimeKit
 * (`rtk-signature`): a base64 RSASSA-PKCS1-v1_5 / SHA-256 signature over the raw request body,
 * verified with the provider's public key. Web Crypto (`crypto.subtle`) only, so the same code runs
 * on Node 20+, Workers, Deno and Bun.
 */

/**
 * The providers whose signed webhooks the relay verifies.
 *
 * @public
 */
export type WebhookSignatureProvider = 'videosdk' | 'realtimekit';

/**
 * Where each provider publishes its webhook signing key, and the header carrying the signature
 * (VideoSDK: videosdk-live/videosdk-docs, webhook-verification.md; RealtimeKit: Cloudflare's
 * RealtimeKit webhooks page).
 *
 * @example
 * ```ts
 * import { WEBHOOK_SIGNATURE_SOURCES } from 'onair-react/server';
 * const { header, keyUrl } = WEBHOOK_SIGNATURE_SOURCES.realtimekit; // 'rtk-signature', '…/.well-known/webhooks.json'
 * ```
 *
 * @public
 */
export const WEBHOOK_SIGNATURE_SOURCES = {
  videosdk: { header: 'videosdk-signature', keyUrl: 'https://api.videosdk.live/v2/public/rsa-public-key' },
  realtimekit: { header: 'rtk-signature', keyUrl: 'https://api.realtime.cloudflare.com/.well-known/webhooks.json' },
} as const satisfies Record<WebhookSignatureProvider, { header: string; keyUrl: string }>;

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

function base64ToBytes(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '');
  if (clean.length === 0 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(clean)) return undefined;
  try {
    const binary = atob(clean.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let n = length; n > 0; n >>= 8) bytes.unshift(n & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

/** Wraps a PKCS#1 `RSAPublicKey` in a SubjectPublicKeyInfo (Web Crypto imports only the latter). */
function pkcs1ToSpki(pkcs1: Uint8Array): Uint8Array {
  // SEQUENCE { SEQUENCE { OID 1.2.840.113549.1.1.1, NULL }, BIT STRING { 0 unused bits, RSAPublicKey } }
  const algorithm = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
  const bitString = [0x03, ...derLength(pkcs1.length + 1), 0x00];
  const inner = algorithm.length + bitString.length + pkcs1.length;
  const head = [0x30, ...derLength(inner), ...algorithm, ...bitString];
  const out = new Uint8Array(head.length + pkcs1.length);
  out.set(head, 0);
  out.set(pkcs1, head.length);
  return out;
}

/** The algorithm OIDs a pasted key may carry (DER content bytes, hex), to say what was given. */
const OID_NAMES = new Map<string, string>([
  ['2a864886f70d010101', 'RSA'],
  ['2a864886f70d01010a', 'RSA-PSS'],
  ['2a8648ce3d0201', 'EC'],
  ['2b656e', 'X25519'],
  ['2b6570', 'Ed25519'],
  ['2b6571', 'Ed448'],
  ['2a8648ce380401', 'DSA'],
]);

/** One DER element at `at`: tag, where its content starts and ends (undefined when malformed). */
function derElement(der: Uint8Array, at: number): { tag: number; start: number; end: number } | undefined {
  const tag = der[at];
  let length = der[at + 1];
  if (tag === undefined || length === undefined) return undefined;
  let start = at + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) return undefined;
    length = 0;
    for (let i = 0; i < count; i += 1) {
      const byte = der[start + i];
      if (byte === undefined) return undefined;
      length = length * 256 + byte;
    }
    start += count;
  }
  const end = start + length;
  return end <= der.length ? { tag, start, end } : undefined;
}

/** The algorithm of a SubjectPublicKeyInfo (`SEQUENCE { SEQUENCE { OID, … }, BIT STRING }`), as a name or `unknown`. */
function spkiAlgorithm(der: Uint8Array): string | undefined {
  const outer = derElement(der, 0);
  if (!outer || outer.tag !== 0x30) return undefined;
  const algorithm = derElement(der, outer.start);
  if (!algorithm || algorithm.tag !== 0x30) return undefined;
  const oid = derElement(der, algorithm.start);
  if (!oid || oid.tag !== 0x06) return undefined;
  const bits = derElement(der, algorithm.end);
  if (!bits || bits.tag !== 0x03) return undefined;
  const hex = Array.from(der.subarray(oid.start, oid.end), (b) => b.toString(16).padStart(2, '0')).join('');
  return OID_NAMES.get(hex) ?? 'unknown';
}

/** A PKCS#1 `RSAPublicKey` is `SEQUENCE { INTEGER modulus, INTEGER exponent }`. */
function isPkcs1RsaPublicKey(der: Uint8Array): boolean {
  const outer = derElement(der, 0);
  if (!outer || outer.tag !== 0x30 || outer.end !== der.length) return false;
  const modulus = derElement(der, outer.start);
  if (!modulus || modulus.tag !== 0x02) return false;
  const exponent = derElement(der, modulus.end);
  return exponent !== undefined && exponent.tag === 0x02 && exponent.end === outer.end;
}

const PEM = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;

/** The DER of an RSA public key PEM (SPKI, or PKCS#1 wrapped as SPKI), or what the text is instead. */
function rsaPublicKeyDer(value: unknown): { spki: Uint8Array } | { problem: string } {
  const expected =
    'expected the provider\u2019s RSA public key as PEM text: "-----BEGIN PUBLIC KEY-----" (SPKI) or "-----BEGIN RSA PUBLIC KEY-----" (PKCS#1)';
  if (typeof value !== 'string') {
    const what =
      value === null ? 'null'
      : typeof value === 'object' && value !== null && 'kty' in value ? `a JWK object (kty ${JSON.stringify((value as { kty: unknown }).kty)})`
      : typeof value === 'object' ? 'an object'
      : `a ${typeof value}`;
    return { problem: `is ${what}; ${expected}` };
  }
  const text = value.replace(/\\n/g, '\n').trim();
  if (text.startsWith('{')) {
    let kty: unknown;
    try {
      kty = (JSON.parse(text) as { kty?: unknown }).kty;
    } catch {
      // not JSON either
    }
    if (kty !== undefined) return { problem: `is a JWK (JSON, kty ${JSON.stringify(kty)}); ${expected} (export the JWK as SPKI PEM)` };
  }
  const match = PEM.exec(text);
  if (!match) return { problem: `is not PEM text (no "-----BEGIN …-----" block); ${expected}` };
  const label = match[1]!;
  const der = base64ToBytes(match[2]!);
  if (/PRIVATE KEY/.test(label)) return { problem: `is a private key ("BEGIN ${label}"): never give the relay a private key; ${expected}` };
  if (/CERTIFICATE/.test(label)) return { problem: `is a certificate ("BEGIN ${label}"); ${expected} (take the key out of it: openssl x509 -pubkey -noout)` };
  if (!der) return { problem: `is a "BEGIN ${label}" block whose body is not base64; ${expected}` };
  if (label === 'RSA PUBLIC KEY') {
    return isPkcs1RsaPublicKey(der) ? { spki: pkcs1ToSpki(der) } : { problem: `is a "BEGIN RSA PUBLIC KEY" block that is not a PKCS#1 RSA key; ${expected}` };
  }
  if (label === 'PUBLIC KEY') {
    const algorithm = spkiAlgorithm(der);
    if (algorithm === 'RSA') return { spki: der };
    if (algorithm === undefined) return { problem: `is a "BEGIN PUBLIC KEY" block that is not a SubjectPublicKeyInfo; ${expected}` };
    return { problem: `is ${algorithm === 'unknown' ? 'a public key of an unknown algorithm' : `an ${algorithm} public key`} (SPKI); ${expected} (RSASSA-PKCS1-v1_5 / SHA-256)` };
  }
  return { problem: `is a "BEGIN ${label}" block; ${expected}` };
}

/**
 * Says what is wrong with a pinned `publicKey` (an EC key, a private key, a JWK, a certificate …),
 * or `undefined` when it is an RSA public key PEM. Internal to the relay (checked at creation).
 */
export function publicKeyProblem(value: unknown): string | undefined {
  const result = rsaPublicKeyDer(value);
  return 'problem' in result ? result.problem : undefined;
}

/** node:crypto where the runtime has it (Node ≥ 20.16, Deno, Bun): a synchronous verify, several times cheaper than Web Crypto's job round trip. */
interface NodeCryptoLike {
  createPublicKey(key: { key: Uint8Array; format: 'der'; type: 'spki' }): unknown;
  verify(algorithm: string, data: Uint8Array, key: unknown, signature: Uint8Array): boolean;
  createHash(algorithm: 'sha256'): { update(data: Uint8Array): { digest(encoding: 'hex'): string } };
}
const nodeCrypto: NodeCryptoLike | undefined = (() => {
  try {
    const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
    const module = typeof get === 'function' ? (get('node:crypto') as NodeCryptoLike | undefined) : undefined;
    return typeof module?.verify === 'function' && typeof module.createPublicKey === 'function' ? module : undefined;
  } catch {
    return undefined;
  }
})();

/** SHA-256 of `bytes` as hex (node:crypto where there is one, else Web Crypto). Internal to the relay (the dedupe id of a body). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  if (nodeCrypto && typeof nodeCrypto.createHash === 'function') return nodeCrypto.createHash('sha256').update(bytes).digest('hex');
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** An imported key, once per PEM: a node:crypto KeyObject, else a Web Crypto key. */
type VerifyKey = { readonly node: unknown } | { readonly web: CryptoKey };

const keyCache = new Map<string, Promise<VerifyKey | undefined>>();

/**
 * Imports a PEM public key (`BEGIN PUBLIC KEY` or PKCS#1 `BEGIN RSA PUBLIC KEY`, literal `\n`
 * escapes tolerated) for RSA-SHA256 verification, once per PEM. Resolves `undefined` for anything else.
 */
function importPublicKey(pem: string): Promise<VerifyKey | undefined> {
  let cached = keyCache.get(pem);
  if (!cached) {
    cached = (async (): Promise<VerifyKey | undefined> => {
      const der = rsaPublicKeyDer(pem);
      if (!('spki' in der)) return undefined;
      if (nodeCrypto) {
        try {
          return { node: nodeCrypto.createPublicKey({ key: der.spki, format: 'der', type: 'spki' }) };
        } catch {
          // fall through to Web Crypto
        }
      }
      try {
        return { web: await crypto.subtle.importKey('spki', der.spki as BufferSource, RSA, false, ['verify']) };
      } catch {
        return undefined;
      }
    })();
    if (keyCache.size > 16) keyCache.clear();
    keyCache.set(pem, cached);
  }
  return cached;
}

/** Raw body as bytes: a string is taken as UTF-8 (the bytes the provider sent, if it was read as text). */
function bodyBytes(rawBody: string | ArrayBuffer | Uint8Array): Uint8Array {
  if (typeof rawBody === 'string') return new TextEncoder().encode(rawBody);
  return rawBody instanceof Uint8Array ? rawBody : new Uint8Array(rawBody);
}

async function verifyWithKey(key: VerifyKey, rawBody: string | ArrayBuffer | Uint8Array, signature: Uint8Array): Promise<boolean> {
  try {
    if ('node' in key) return nodeCrypto!.verify('sha256', bodyBytes(rawBody), key.node, signature);
    return await crypto.subtle.verify(RSA, key.web, signature as BufferSource, bodyBytes(rawBody) as BufferSource);
  } catch {
    return false;
  }
}

async function verifyRsaSha256(rawBody: string | ArrayBuffer | Uint8Array, header: string | null | undefined, publicKeyPem: string): Promise<boolean> {
  if (typeof header !== 'string' || typeof publicKeyPem !== 'string') return false;
  const signature = base64ToBytes(header.trim());
  if (!signature) return false;
  const key = await importPublicKey(publicKeyPem);
  if (!key) return false;
  return verifyWithKey(key, rawBody, signature);
}

/**
 * Checks a VideoSDK webhook: `header` is the `videosdk-signature` request header (base64 RSA-SHA256),
 * `rawBody` the request body exactly as received (never re-encoded JSON), `publicKeyPem` VideoSDK's
 * key from `https://api.videosdk.live/v2/public/rsa-public-key`. Never throws: anything malformed is `false`.
 *
 * @example
 * ```ts
 * import { verifyVideoSdkSignature } from 'onair-react/server';
 *
 * export async function POST(request: Request): Promise<Response> {
 *   const raw = new Uint8Array(await request.arrayBuffer());
 *   const ok = await verifyVideoSdkSignature(raw, request.headers.get('videosdk-signature'), process.env.VIDEOSDK_WEBHOOK_PUBLIC_KEY!);
 *   if (!ok) return new Response('Unauthorized', { status: 401 });
 *   const webhook = JSON.parse(new TextDecoder().decode(raw));
 *   // …
 *   return new Response(null, { status: 204 });
 * }
 * ```
 *
 * @public
 */
export function verifyVideoSdkSignature(rawBody: string | ArrayBuffer | Uint8Array, header: string | null | undefined, publicKeyPem: string): Promise<boolean> {
  return verifyRsaSha256(rawBody, header, publicKeyPem);
}

/**
 * Checks a Cloudflare RealtimeKit webhook: `header` is the `rtk-signature` request header (base64
 * RSA-SHA256 over the raw body), `publicKeyPem` the key Cloudflare publishes at
 * `https://api.realtime.cloudflare.com/.well-known/webhooks.json` (`data.publicKey`). Never throws.
 *
 * @example
 * ```ts
 * import { verifyRealtimeKitSignature } from 'onair-react/server';
 *
 * const raw = await request.text();
 * if (!(await verifyRealtimeKitSignature(raw, request.headers.get('rtk-signature'), pinnedPem))) {
 *   return new Response('Unauthorized', { status: 401 });
 * }
 * ```
 *
 * @public
 */
export function verifyRealtimeKitSignature(rawBody: string | ArrayBuffer | Uint8Array, header: string | null | undefined, publicKeyPem: string): Promise<boolean> {
  return verifyRsaSha256(rawBody, header, publicKeyPem);
}

/**
 * The `fetch` the key source uses (the global one fits).
 *
 * @public
 */
export type KeyFetch = (url: string, init?: { signal?: AbortSignal; headers?: Record<string, string> }) => Promise<Response>;

/** Reads the PEM from a key document: VideoSDK `{ publicKey }`, RealtimeKit `{ data: { publicKey } }`, or bare PEM text. */
function pemOfDocument(text: string): string | undefined {
  if (text.includes('-----BEGIN')) {
    try {
      const json = JSON.parse(text) as { publicKey?: unknown; data?: { publicKey?: unknown } };
      const pem = json.publicKey ?? json.data?.publicKey;
      if (typeof pem === 'string') return pem;
    } catch {
      return text;
    }
  }
  return undefined;
}

/**
 * A provider key that is pinned (checked here: an RSA public key PEM, else a `TypeError` that says
 * what was given), or fetched and cached (`ttlMs`); a signature that fails against a cached key
 * older than `minRefetchMs` refetches once (key rotation). Fetches are single-flight, and after a
 * failed one no other is made before a backoff (1 s, doubling to 60 s): while the key URL is down,
 * anonymous requests cost no fetch each. Internal to the relay.
 */
export function createSignatureVerifier(options: {
  readonly provider: WebhookSignatureProvider;
  readonly publicKey?: string | undefined;
  readonly fetch?: KeyFetch | undefined;
  readonly keyUrl?: string | undefined;
  readonly ttlMs?: number | undefined;
  readonly now?: (() => number) | undefined;
}): { readonly header: string; verify(rawBody: Uint8Array, header: string | null): Promise<boolean> } {
  const source = WEBHOOK_SIGNATURE_SOURCES[options.provider];
  if (!source) throw new TypeError(`createWebhookRelay: signature.provider must be 'videosdk' or 'realtimekit'.`);
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  const minRefetchMs = 60 * 1000;
  const pinned = options.publicKey;
  if (pinned !== undefined) {
    const problem = publicKeyProblem(pinned);
    if (problem) throw new TypeError(`createWebhookRelay: signature.publicKey ${problem}.`);
  }
  const doFetch: KeyFetch | undefined = options.fetch ?? (typeof fetch === 'function' ? (url, init) => fetch(url, init) : undefined);
  let cached: { pem: string; at: number } | undefined;
  let inflight: Promise<string | undefined> | undefined;
  let failures = 0;
  let retryAt = 0;

  async function load(): Promise<string | undefined> {
    if (!doFetch) return undefined;
    if (inflight) return inflight;
    if (failures > 0 && now() < retryAt) return undefined;
    inflight = (async () => {
      let pem: string | undefined;
      try {
        const response = await doFetch(options.keyUrl ?? source.keyUrl, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
        if (response.ok) {
          const found = pemOfDocument(await response.text());
          if (found && !publicKeyProblem(found)) pem = found;
        }
      } catch {
        pem = undefined;
      }
      if (pem) {
        failures = 0;
        cached = { pem, at: now() };
      } else {
        failures += 1;
        retryAt = now() + Math.min(60_000, 1_000 * 2 ** (failures - 1));
      }
      inflight = undefined;
      return pem;
    })();
    return inflight;
  }

  return {
    header: source.header,
    async verify(rawBody, header) {
      if (!header) return false;
      if (pinned !== undefined) return verifyRsaSha256(rawBody, header, pinned);
      if (!cached || now() - cached.at > ttlMs) await load();
      if (!cached) throw new Error('onair relay: the provider\u2019s webhook public key could not be fetched');
      if (await verifyRsaSha256(rawBody, header, cached.pem)) return true;
      if (now() - cached.at < minRefetchMs) return false;
      const previous = cached.pem;
      const fresh = await load();
      return fresh !== undefined && fresh !== previous && verifyRsaSha256(rawBody, header, fresh);
    },
  };
}
