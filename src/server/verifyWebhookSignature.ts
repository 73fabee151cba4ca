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

const keyCache = new Map<string, Promise<CryptoKey | undefined>>();

/**
 * Imports a PEM public key (`BEGIN PUBLIC KEY` or PKCS#1 `BEGIN RSA PUBLIC KEY`, literal `\n`
 * escapes tolerated) for RSA-SHA256 verification. Resolves `undefined` for anything else.
 */
function importPublicKey(pem: string): Promise<CryptoKey | undefined> {
  let cached = keyCache.get(pem);
  if (!cached) {
    cached = (async () => {
      const text = pem.replace(/\\n/g, '\n');
      const match = /-----BEGIN (RSA )?PUBLIC KEY-----([\s\S]*?)-----END \1?PUBLIC KEY-----/.exec(text);
      const der = match ? base64ToBytes(match[2]!) : undefined;
      if (!match || !der) return undefined;
      const spki = match[1] ? pkcs1ToSpki(der) : der;
      try {
        return await crypto.subtle.importKey('spki', spki as BufferSource, RSA, false, ['verify']);
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

async function verifyRsaSha256(rawBody: string | ArrayBuffer | Uint8Array, header: string | null | undefined, publicKeyPem: string): Promise<boolean> {
  if (typeof header !== 'string' || typeof publicKeyPem !== 'string') return false;
  const signature = base64ToBytes(header.trim());
  if (!signature) return false;
  const key = await importPublicKey(publicKeyPem);
  if (!key) return false;
  try {
    return await crypto.subtle.verify(RSA, key, signature as BufferSource, bodyBytes(rawBody) as BufferSource);
  } catch {
    return false;
  }
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
 * A provider key that is pinned, or fetched once and cached (`ttlMs`); a signature that fails
 * against a cached key older than `minRefetchMs` refetches once (key rotation). Internal to the relay.
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
  const doFetch: KeyFetch | undefined = options.fetch ?? (typeof fetch === 'function' ? (url, init) => fetch(url, init) : undefined);
  let cached: { pem: string; at: number } | undefined;
  let inflight: Promise<string | undefined> | undefined;

  async function load(): Promise<string | undefined> {
    if (!doFetch) return undefined;
    inflight ??= (async () => {
      try {
        const response = await doFetch(options.keyUrl ?? source.keyUrl, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
        if (!response.ok) return undefined;
        const pem = pemOfDocument(await response.text());
        if (pem) cached = { pem, at: now() };
        return pem;
      } catch {
        return undefined;
      } finally {
        inflight = undefined;
      }
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
