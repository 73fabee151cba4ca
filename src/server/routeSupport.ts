// Helpers shared by the provider routes (createRealtimeKitRoute, createVideoSdkRoute): bounded body
// reads, JSON answers, secret scrubbing and path matching. Web-standard only (Request, Response,
// ReadableStream, TextDecoder), so the routes run in Node 20+, Workers, Deno and Bun.

/** Why a body could not be read. */
export type BodyFailure = 'too-large' | 'unreadable';

/**
 * Reads at most `maxBytes` of `body` (a request's or an upstream answer's). Refuses early on a
 * `Content-Length` above the cap and stops reading as soon as the cap is passed, so a large or
 * endless body costs at most `maxBytes` of memory.
 */
export async function readLimited(
  source: { readonly body: ReadableStream<Uint8Array> | null; readonly headers: Headers },
  maxBytes: number,
): Promise<{ readonly text: string } | { readonly failure: BodyFailure }> {
  const declared = source.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    await source.body?.cancel().catch(() => {});
    return { failure: 'too-large' };
  }
  if (!source.body) return { text: '' };
  const reader = source.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return { failure: 'too-large' };
      }
      chunks.push(value);
    }
  } catch {
    return { failure: 'unreadable' };
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { failure: 'unreadable' };
  }
}

/** Statuses whose answer has no body (a `Response` with a body and one of them throws). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** A JSON answer that no cache keeps (it may carry signed download links). A null-body status (204 …) is sent without a body. */
export function jsonResponse(body: unknown, status = 200): Response {
  const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (NULL_BODY_STATUSES.has(status)) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body), { status, headers });
}

/**
 * A 405 answer naming the methods the route serves (`Allow`), in the route's own error shape:
 * `fail` builds the body, this sets the header.
 */
export function methodNotAllowed(allow: readonly string[], fail: (status: number, message: string) => Response): Response {
  const answer = fail(405, 'Method not allowed');
  const headers = new Headers(answer.headers);
  headers.set('allow', allow.join(', '));
  return new Response(answer.body, { status: 405, headers });
}

/**
 * What an `authorize` call decides on. `'caller'`: who is asking, only — the route does not know yet
 * which meeting or room the recording belongs to, and reads it from the provider only if the answer
 * is `true`. `'resource'`: the meeting or room is known (or as known as it gets) — may this caller
 * do this to it?
 *
 * @example
 * ```ts
 * const authorize = async (request: Request, { stage, meetingId }: { stage: RouteAuthorizeStage; meetingId: string | undefined }) => {
 *   const user = await sessionOf(request);
 *   if (!user) return false;
 *   if (stage === 'caller') return true;
 *   return !!meetingId && user.can(meetingId);
 * };
 * ```
 *
 * @public
 */
export type RouteAuthorizeStage = 'caller' | 'resource';

/**
 * The meeting (or room) each recording belongs to, learnt from the provider's own answers (lists,
 * starts, details), so a later details/stop call asks `authorize` once and reads the provider once.
 * A recording never changes meeting, so an entry stays true for the recording's life; the cache is
 * bounded (least recently used out first). A `Map`: an id such as `__proto__` is a plain key.
 */
export interface OwnerCache {
  get(recordingId: string): string | undefined;
  set(recordingId: string, owner: string): void;
  readonly size: number;
}

/** An {@link OwnerCache} of at most `max` entries. */
export function createOwnerCache(max = 10_000): OwnerCache {
  const entries = new Map<string, string>();
  return {
    get(recordingId) {
      const owner = entries.get(recordingId);
      if (owner !== undefined) {
        // Touch: most recently used last.
        entries.delete(recordingId);
        entries.set(recordingId, owner);
      }
      return owner;
    },
    set(recordingId, owner) {
      if (recordingId === '' || owner === '') return;
      entries.delete(recordingId);
      entries.set(recordingId, owner);
      while (entries.size > max) entries.delete(entries.keys().next().value!);
    },
    get size() {
      return entries.size;
    },
  };
}

/** Parses JSON, refusing documents nested deeper than `maxDepth` (they are not recordings). */
export function parseJson(text: string, maxDepth = 64): { readonly ok: true; readonly value: unknown } | { readonly ok: false } {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i += 1; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth += 1;
      if (depth > maxDepth) return { ok: false };
    } else if (c === 125 || c === 93) depth -= 1;
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property of a parsed JSON object (never one from the prototype chain: ids may be `__proto__`). */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Names of storage and account credentials, compared without case, `_` or `-`. */
const SECRET_KEY_NAMES = new Set(['secret', 'secretkey', 'secretaccesskey', 'accesskey', 'accesskeyid', 'password', 'privatekey', 'apitoken', 'apisecret']);

/** Whether `key` names a credential (`secret`, `Secret_Key`, `access_key`, `password`, `private_key` …). */
export function isSecretKeyName(key: string): boolean {
  return SECRET_KEY_NAMES.has(key.toLowerCase().replace(/[_-]/g, ''));
}

/**
 * A copy of a parsed JSON value without any property named like a credential (at any depth) and
 * with every string — value **or key** — that contains one of `sensitive` replaced by
 * `"[redacted]"`. Objects are built with `Object.fromEntries`, so a `__proto__` key stays a plain
 * property.
 */
export function scrub(value: unknown, sensitive: readonly string[]): unknown {
  const needles = sensitive.filter((s) => s.length >= 6);
  const clean = (text: string): string => (needles.some((n) => text.includes(n)) ? '[redacted]' : text);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return clean(v);
    if (Array.isArray(v)) return v.map(walk);
    if (isRecord(v)) {
      return Object.fromEntries(
        Object.entries(v)
          .filter(([key]) => !isSecretKeyName(key))
          .map(([key, inner]) => [clean(key), walk(inner)]),
      );
    }
    return v;
  };
  return walk(value);
}

/**
 * The part of `pathname` after `basePath` (`''` when it is `basePath` itself), or `undefined` when
 * the request is not under it. `basePath` is a path such as `/api/realtimekit` (trailing `/` ignored).
 */
export function pathUnder(pathname: string, basePath: string): string | undefined {
  const base = basePath.replace(/\/+$/, '');
  if (base === '') return pathname;
  if (pathname === base) return '';
  return pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : undefined;
}

/**
 * Decodes one path segment into an id, or `undefined` when it is empty, malformed, or a dot
 * segment (`.`/`..`, which would climb the upstream path once re-encoded).
 */
export function segmentId(segment: string): string | undefined {
  let id: string;
  try {
    id = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  if (id === '' || id === '.' || id === '..') return undefined;
  return id;
}

/** Normalizes `basePath` at creation: a string starting with `/` (or empty), no trailing `/`. */
export function checkBasePath(name: string, basePath: unknown): string {
  if (typeof basePath !== 'string' || (basePath !== '' && !basePath.startsWith('/'))) {
    throw new TypeError(`${name}: \`basePath\` must be a path such as "/api/realtimekit" (or "" for the root).`);
  }
  return basePath.replace(/\/+$/, '');
}

/** A signal that aborts when `request` is aborted or after `ms`; `timedOut()` tells which. */
export function deadline(signal: AbortSignal, ms: number): { readonly signal: AbortSignal; readonly timedOut: () => boolean; readonly clear: () => void } {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('upstream timeout'));
  }, ms);
  const onAbort = (): void => controller.abort(signal.reason);
  if (signal.aborted) controller.abort(signal.reason);
  else signal.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    clear: () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    },
  };
}

/** What {@link callUpstream} needs: the provider's URL and headers, and the route's limits. */
export interface UpstreamCall {
  /** The provider's name in error messages ("RealtimeKit", "VideoSDK"). */
  readonly service: string;
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body?: Record<string, unknown> | undefined;
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** The browser's request signal: the upstream call stops when the browser goes away. */
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  /** The error answer for the browser, in the route's own shape. */
  readonly fail: (status: number, message: string) => Response;
}

/**
 * One call to a provider's API, with no redirect followed, a deadline over headers and body, and
 * a cap on the answer's size: its status (502 when out of range) and text, or the error answer
 * for the browser (504 on the deadline, 502 when unreachable, too large or unreadable).
 */
export async function callUpstream(call: UpstreamCall): Promise<{ readonly status: number; readonly text: string } | Response> {
  const { service, fail } = call;
  const headers = call.headers;
  if (call.body !== undefined) headers.set('content-type', 'application/json');
  const limit = deadline(call.signal, call.timeoutMs);
  try {
    let answer: Response;
    try {
      answer = await (call.fetch ?? globalThis.fetch)(call.url, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: limit.signal,
        redirect: 'manual',
      });
      if (answer.type === 'error') throw new TypeError('network error');
    } catch {
      return limit.timedOut() ? fail(504, `${service} did not answer in time.`) : fail(502, `${service} could not be reached.`);
    }
    const read = await readLimited(answer, call.maxResponseBytes);
    if ('failure' in read) {
      if (limit.timedOut()) return fail(504, `${service} did not answer in time.`);
      return fail(502, read.failure === 'too-large' ? `${service} sent an answer larger than this route accepts.` : `${service} sent an unreadable answer.`);
    }
    return { status: answer.status >= 200 && answer.status < 600 ? answer.status : 502, text: read.text };
  } finally {
    limit.clear();
  }
}

/** The request's JSON object body, read within `maxBodyBytes` (413) and a sane depth (400), or the error answer. */
export async function readJsonBody(
  request: Request,
  maxBodyBytes: number,
  fail: (status: number, message: string) => Response,
): Promise<Record<string, unknown> | Response> {
  const read = await readLimited(request, maxBodyBytes);
  if ('failure' in read) return read.failure === 'too-large' ? fail(413, `The request body is larger than ${maxBodyBytes} bytes.`) : fail(400, 'The request body could not be read.');
  const parsed = parseJson(read.text, 16);
  if (!parsed.ok || !isRecord(parsed.value)) return fail(400, 'The request body must be a JSON object.');
  return parsed.value;
}

/**
 * Which browser origins may send state-changing requests to a route: a list of origins
 * (`https://app.example`), or a function deciding for one. Absent: only the request's own origin.
 *
 * @example
 * ```ts
 * const list: AllowedOrigins = ['https://app.example', 'https://admin.app.example'];
 * const tenants: AllowedOrigins = (origin) => /^https:\/\/[a-z0-9-]+\.app\.example$/.test(origin);
 * ```
 *
 * @public
 */
export type AllowedOrigins = readonly string[] | ((origin: string, request: Request) => boolean);

/** The serialized origin of `url` (`https://app.example:8443`), or `undefined` when it has none. */
function originOfUrl(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** Checks `allowedOrigins` at creation (`name` for the message) and returns a normalized form. */
export function checkAllowedOrigins(name: string, allowed: unknown): AllowedOrigins | undefined {
  if (allowed === undefined) return undefined;
  if (typeof allowed === 'function') return allowed as AllowedOrigins;
  if (!Array.isArray(allowed)) throw new TypeError(`${name}: \`allowedOrigins\` must be a list of origins such as ["https://app.example"] or a function.`);
  return allowed.map((entry: unknown) => {
    const origin = typeof entry === 'string' ? originOfUrl(entry) : undefined;
    if (origin === undefined || origin !== (entry as string).replace(/\/+$/, '')) {
      throw new TypeError(`${name}: \`allowedOrigins\` entry ${JSON.stringify(entry)} is not an origin (scheme://host[:port], no path).`);
    }
    return origin;
  });
}

/**
 * Refuses a state-changing request a page on another site could send with the victim's cookies —
 * before `authorize`, before any body read and before anything goes upstream:
 * - 415 unless its `Content-Type` is `application/json` (an HTML form or a `no-cors` fetch can only
 *   send `text/plain`, `application/x-www-form-urlencoded` or `multipart/form-data`);
 * - 403 when its `Origin` is not allowed (default: the request's own origin), or, with no `Origin`,
 *   when `Sec-Fetch-Site` says `cross-site`. A request with neither (a server-to-server call, curl)
 *   is not a browser's and passes to `authorize`.
 *
 * Returns `undefined` when the request may go on, or the error answer.
 */
export function refuseCrossSite(
  request: Request,
  allowed: AllowedOrigins | undefined,
  fail: (status: number, message: string) => Response,
): Response | undefined {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return fail(415, 'State-changing requests must be sent as application/json.');
  const origin = request.headers.get('origin');
  if (origin === null) {
    const site = (request.headers.get('sec-fetch-site') ?? '').toLowerCase();
    return site === 'cross-site' ? fail(403, 'Cross-site requests are refused.') : undefined;
  }
  const own = originOfUrl(request.url);
  let ok: boolean;
  if (allowed === undefined) ok = own !== undefined && origin === own;
  else if (typeof allowed === 'function') ok = origin !== 'null' && allowed(origin, request) === true;
  else ok = allowed.includes(origin);
  return ok ? undefined : fail(403, `Requests from ${origin === 'null' ? 'an opaque origin' : 'this origin'} are refused.`);
}
