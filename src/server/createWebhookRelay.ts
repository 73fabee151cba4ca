/**
 * The webhook relay: receives VideoSDK webhooks (or any provider's JSON webhooks that name a room)
 * and streams them as Server-Sent Events to the browsers of that room. Web-standard `Request` /
 * `Response` / `ReadableStream` only — Node 20+, Deno, Bun, edge runtimes, and any framework that
 * speaks them. No dependency, no React.
 */

import { createMemoryRelayBackend, type RelayBackend, type RelayDedupe, type RelayEvent, type RelaySink } from './relayBackend.js';
import { createSignatureVerifier, sha256Hex, type KeyFetch, type WebhookSignatureProvider } from './verifyWebhookSignature.js';

/**
 * Verification of the provider's webhook signature (see {@link WebhookRelayOptions.signature}).
 *
 * @public
 */
export interface WebhookSignatureOptions {
  /** `videosdk` checks `videosdk-signature`, `realtimekit` checks `rtk-signature` (both base64 RSA-SHA256 over the raw body). */
  readonly provider: WebhookSignatureProvider;
  /**
   * The provider's RSA public key as PEM text (`BEGIN PUBLIC KEY`, SPKI, or `BEGIN RSA PUBLIC KEY`,
   * PKCS#1), pinned. Anything else — an EC or Ed25519 key, a private key, a JWK, a certificate — is
   * refused when the relay is created (a `TypeError` that names what was given). Without
   * it the key is fetched from the provider (VideoSDK `/v2/public/rsa-public-key`, RealtimeKit
   * `/.well-known/webhooks.json`) through `fetch`, cached for an hour and refetched once when a
   * signature fails against it (key rotation). While it cannot be fetched, webhooks get 503 (retried).
   */
  readonly publicKey?: string | undefined;
  /** The `fetch` that loads the key (tests, proxies). Default: the global `fetch`. */
  readonly fetch?: KeyFetch | undefined;
}

/**
 * Options of {@link createWebhookRelay}.
 *
 * @public
 */
export interface WebhookRelayOptions {
  /**
   * Decides whether a browser may subscribe to a room: check the app's session cookie or token on
   * `request` and the participant's membership of `roomId`. `false` answers 403.
   */
  readonly authorize: (request: Request, roomId: string) => boolean | Promise<boolean>;
  /**
   * Verify the provider's signature on every webhook before anything of it is parsed or relayed
   * (401 otherwise). With it, `secret` is optional.
   */
  readonly signature?: WebhookSignatureOptions | undefined;
  /**
   * A shared secret the webhook URL must carry as its `token` query parameter (the URL you pass as
   * `webhookUrl`). Required without `signature`; with it, an optional second check. Use a long
   * random value (at least 16 characters); pass an array to rotate. Only the app's backend adds that
   * URL to start requests: in a browser anyone in the meeting could read it.
   */
  readonly secret?: string | readonly string[] | undefined;
  /**
   * Where rooms' event logs live and how events reach every process. Default: this process's
   * memory (`createMemoryRelayBackend` with `replayLimit`, `maxBufferedBytes`, `roomTtlMs`). Several
   * processes: `createRedisRelayBackend`. `close()` closes it.
   */
  readonly backend?: RelayBackend | undefined;
  /** Name of the query parameter carrying the secret on the webhook URL. Default `token`. */
  readonly secretParam?: string | undefined;
  /** Which room a subscriber asks for. Default: the `roomId` query parameter. */
  readonly roomOfRequest?: ((request: Request) => string | null | undefined) | undefined;
  /**
   * Which room a webhook belongs to. Default: VideoSDK `data.meetingId ?? data.roomId`, RealtimeKit
   * `meeting.id ?? meetingId ?? recording.meetingId`.
   */
  readonly roomOfWebhook?: ((webhook: unknown) => string | null | undefined) | undefined;
  /** Webhooks kept per room for replay (default backend). Default 200. */
  readonly replayLimit?: number | undefined;
  /** Ceiling of all rooms' replay logs together (default backend). Default 32 MiB. */
  readonly maxBufferedBytes?: number | undefined;
  /**
   * Bytes a subscriber may have queued (not yet taken by its connection) before the relay drops it.
   * A dropped browser reconnects by itself and catches up through `Last-Event-ID`. Default 256 KiB.
   */
  readonly maxQueuedBytes?: number | undefined;
  /** Interval of SSE comment heartbeats (keeps proxies from closing idle streams). Default 15 000 ms. */
  readonly heartbeatMs?: number | undefined;
  /**
   * Reconnect delay suggested to `EventSource` (`retry:`). Default 2 000 ms. Also the delay sent when
   * the stream ends for a passing reason (`close()`, the backend unavailable, `authorize` threw):
   * then with up to 50 % random extra, so browsers do not all come back at once.
   */
  readonly retryMs?: number | undefined;
  /**
   * Event streams of one room this process keeps open. One more is answered `200` with
   * `event: unavailable` (reason `room-full`), `retry: busyRetryMs` and the end of the stream,
   * so `EventSource` tries again later instead of failing for good (as any non-200 answer makes it).
   * Default 1 000.
   */
  readonly maxConnectionsPerRoom?: number | undefined;
  /** Event streams this process keeps open, all rooms together; beyond it as above (`relay-full`). Default 10 000. */
  readonly maxConnections?: number | undefined;
  /** Reconnect delay sent to a browser refused by `maxConnectionsPerRoom` / `maxConnections` (plus up to 50 % random). Default 30 000 ms. */
  readonly busyRetryMs?: number | undefined;
  /** A room without subscribers forgets its history after this long (default backend). Default 6 h. */
  readonly roomTtlMs?: number | undefined;
  /**
   * How long a delivery counts as already relayed (a provider's retry, a replayed request). A repeat
   * is answered 200 and neither stored nor relayed — across processes with the Redis backend. It is
   * recognised by the provider's delivery id where it sends one (RealtimeKit `rtk-uuid`: any
   * earlier delivery within the window), and by a SHA-256 of the raw body equal to the room's
   * previous webhook's (VideoSDK sends no delivery id; the same body after other webhooks of the
   * room is a new delivery — a participant's recording restarted in the same session repeats its
   * `starting`/`started` bodies byte for byte). Default 10 min; `0` turns it off.
   */
  readonly dedupeWindowMs?: number | undefined;
  /** Largest webhook body accepted. Default 64 KiB. */
  readonly maxBodyBytes?: number | undefined;
  /** Deepest JSON nesting accepted in a webhook body (400 beyond). Default 32. */
  readonly maxJsonDepth?: number | undefined;
  /** A webhook body not fully received after this long is cut off (408). Default 10 000 ms. */
  readonly bodyTimeoutMs?: number | undefined;
  /** Clock, for tests. */
  readonly now?: (() => number) | undefined;
}

/**
 * Counters for monitoring and the benchmark.
 *
 * @public
 */
export interface WebhookRelayStats {
  readonly rooms: number;
  /** SSE subscribers connected to this process. */
  readonly subscribers: number;
  readonly received: number;
  readonly delivered: number;
  /** Subscribers closed because they fell behind (their connection is closed too). */
  readonly dropped: number;
  /** Event streams answered "come back later" (`event: unavailable`) because of `maxConnectionsPerRoom` or `maxConnections`. */
  readonly busy: number;
  /** Webhooks refused: wrong token or signature (401). */
  readonly rejected: number;
  /** Webhooks answered 200 as repeats of one already relayed within the dedupe window. */
  readonly duplicates: number;
  /** Subscribers told to refetch (`reset`) because they asked for events no longer kept. */
  readonly resets: number;
  /** Bytes of replay logs held in this process. */
  readonly bufferedBytes: number;
}

/**
 * What {@link createWebhookRelay} returns.
 *
 * @public
 */
export interface WebhookRelay {
  /**
   * `POST` endpoint for the provider: 204 when relayed; 200 when a repeat of a delivery already
   * relayed (not relayed again); 401 wrong/missing token or signature; 400 bad
   * body, too deep, or no room; 405; 408 body too slow; 413 too large; 503 when the key or the
   * backend is unavailable, or the relay is closed (the provider retries).
   */
  handleWebhook(request: Request): Promise<Response>;
  /**
   * `GET` endpoint for `EventSource`: an SSE stream of the room's webhooks; 400 without room; 403 when
   * `authorize` says no. Whatever should pass — the relay closing or closed, the backend unavailable,
   * `authorize` throwing, a connection cap reached — is answered `200 text/event-stream` with a
   * `retry:` field, an `event: unavailable` whose data names the reason (`closing`, `unavailable`,
   * `room-full` or `relay-full`) and the end of the stream: `EventSource` then reconnects by itself, where any
   * other status would stop it for good. Resumes after the `Last-Event-ID` header, or the
   * `lastEventId` query parameter when there is no header (a new `EventSource` cannot send it).
   */
  handleEvents(request: Request): Promise<Response>;
  /** Relays a webhook without HTTP (tests, the simulator, a queue consumer). Resolves with the event id; rejects after `close()`. */
  publish(roomId: string, webhook: unknown): Promise<string>;
  stats(): WebhookRelayStats;
  /**
   * Ends every stream with a `retry:` (browsers reconnect — to the next process, behind a load
   * balancer), answers new ones the same way, stops the timers and closes the backend (its
   * connections too). Call it on `SIGTERM`.
   */
  close(): Promise<void>;
}

interface Subscriber {
  readonly controller: ReadableStreamDefaultController<Uint8Array>;
  readonly roomId: string;
  closed: boolean;
  unsubscribe?: (() => void) | undefined;
}

/** Why a stream is told to come back later. */
type ComeBackReason = 'closing' | 'unavailable' | 'room-full' | 'relay-full';

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
} as const;

const encoder = new TextEncoder();

/**
 * Compares two strings in time that depends only on their lengths (not on where they differ).
 * Web-standard (no `node:crypto`), so it runs on edge runtimes too.
 *
 * @example
 * ```ts
 * import { constantTimeEqual } from 'onair-react/server';
 *
 * function isAuthorized(request: Request, expectedToken: string): boolean {
 *   const given = new URL(request.url).searchParams.get('token') ?? '';
 *   return constantTimeEqual(given, expectedToken);
 * }
 * ```
 *
 * @public
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  const length = Math.max(x.length, y.length);
  let diff = x.length ^ y.length;
  for (let i = 0; i < length; i += 1) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

const nonEmpty = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);
const objectOf = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** VideoSDK `data.meetingId ?? data.roomId`; RealtimeKit `meeting.id ?? meetingId ?? recording.meetingId`. */
function defaultRoomOfWebhook(webhook: unknown): string | undefined {
  const body = objectOf(webhook);
  if (!body) return undefined;
  const data = objectOf(body.data);
  return (
    nonEmpty(data?.meetingId) ??
    nonEmpty(data?.roomId) ??
    nonEmpty(objectOf(body.meeting)?.id) ??
    nonEmpty(body.meetingId) ??
    nonEmpty(objectOf(body.recording)?.meetingId)
  );
}

/** Field names that carry a stream key or the ingest address it goes with (any case, `_` or `-` or none). */
const KEY_FIELD = /^(stream|ingest|rtmps?|srt|publish)[_-]?(key|keys|server|url|urls|address|endpoint|config)$|^rtmp[_-]?out[_-]?config$/i;
/** A URL of an ingest protocol: its path usually ends with the stream key. */
const INGEST_URL = /^\s*(rtmps?|rtmpt|rtmpe|rtmpte|srt):\/\//i;
/** Cheap test on the JSON text: nothing to look for in most webhooks. */
const KEYISH = /stream[_-]?(key|server|url|address|endpoint|config)|ingest|rtmp|srt|publish[_-]?(key|server|url|address|endpoint|config)/i;

/** A copy without stream keys: drops `KEY_FIELD` fields and ingest URLs (rtmp://, srt://) at any depth. */
function withoutKeys(value: unknown, depth = 0): unknown {
  if (depth > 64 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.filter((item) => !(typeof item === 'string' && INGEST_URL.test(item))).map((item) => withoutKeys(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    if (KEY_FIELD.test(name) || (typeof item === 'string' && INGEST_URL.test(item))) continue;
    out[name] = withoutKeys(item, depth + 1);
  }
  return out;
}

/**
 * The SSE `data` of a webhook, stream keys removed whatever the provider or the relay's options:
 * RealtimeKit `livestreaming.statusUpdate` carries `streamKey` and `ingestServer`; a VideoSDK or
 * custom payload may carry `outputs[{ url: "rtmp://…", streamKey }]`.
 */
function eventData(at: number, webhook: unknown): string {
  const data = JSON.stringify({ at, webhook });
  return KEYISH.test(data) ? JSON.stringify({ at, webhook: withoutKeys(webhook) }) : data;
}

const text = (status: number, body: string, headers: Record<string, string> = {}): Response =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers } });

type BodyResult = { ok: true; bytes: Uint8Array } | { ok: false; status: 408 | 413 };

/** Reads the body up to `limit` bytes and within `timeoutMs` (a trickling sender is cut off). */
async function readLimited(request: Request, limit: number, timeoutMs: number): Promise<BodyResult> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return { ok: false, status: 413 };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), deadline]);
      if (next === 'timeout') {
        reader.cancel().catch(() => {});
        return { ok: false, status: 408 };
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > limit) {
        reader.cancel().catch(() => {});
        return { ok: false, status: 413 };
      }
      chunks.push(next.value);
    }
  } finally {
    clearTimeout(timer);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes: all };
}

/** The deepest `[`/`{` nesting of JSON text (outside strings), without parsing it. */
function jsonDepth(source: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < source.length; i += 1) {
    const c = source.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > max) max = depth;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return max;
}

/**
 * Creates a relay. Mount `handleWebhook` where the provider posts (VideoSDK: the `webhookUrl` your
 * backend adds to starts; RealtimeKit: the URL registered with its Webhooks API) and `handleEvents`
 * where the browsers' `EventSource` connects (`/videosdk/events?roomId=…`).
 *
 * With `signature`, a webhook is relayed only when the provider's RSA-SHA256 signature over the raw
 * body verifies (401 otherwise, before anything is parsed). Each SSE message is
 * `{"at": <receipt time, epoch ms>, "webhook": <the body as sent>}` with an `id:` (per room). A
 * subscriber first gets the room's recent webhooks (or, reconnecting with `Last-Event-ID`, only those
 * it missed — or an `event: reset` when those are no longer kept, telling it to refetch), then live
 * ones. Fan-out never waits for a connection: a subscriber whose unsent data exceeds
 * `maxQueuedBytes` is closed and catches up when it reconnects.
 *
 * One process keeps its rooms in memory (the default backend, with a memory ceiling); several
 * processes share them through `backend: createRedisRelayBackend(…)`.
 *
 * @example
 * ```ts
 * import { createWebhookRelay } from 'onair-react/server';
 * const relay = createWebhookRelay({
 *   signature: { provider: 'videosdk' },              // verifies `videosdk-signature` with VideoSDK's key
 *   authorize: async (request, roomId) => (await sessionOf(request))?.rooms.includes(roomId) ?? false,
 * });
 * // Next.js route handlers, Hono, Remix, Deno.serve …
 * export const POST = (request: Request) => relay.handleWebhook(request);
 * export const GET = (request: Request) => relay.handleEvents(request);
 * ```
 *
 * @public
 */
export function createWebhookRelay(options: WebhookRelayOptions): WebhookRelay {
  const secretList = options.secret === undefined ? [] : typeof options.secret === 'string' ? [options.secret] : [...options.secret];
  const secrets = secretList.filter((s) => typeof s === 'string');
  if (!options.signature && secrets.length === 0) {
    throw new TypeError('createWebhookRelay: pass `signature: { provider }` (recommended) or a `secret` of at least 16 characters.');
  }
  if (secretList.length > 0 && (secrets.length !== secretList.length || secrets.some((s) => s.length < 16))) {
    throw new TypeError('createWebhookRelay: `secret` must be at least 16 characters (use a long random value).');
  }
  if (typeof options.authorize !== 'function') throw new TypeError('createWebhookRelay: `authorize(request, roomId)` is required.');
  const now = options.now ?? Date.now;
  const verifier = options.signature
    ? createSignatureVerifier({ provider: options.signature.provider, publicKey: options.signature.publicKey, fetch: options.signature.fetch, now })
    : undefined;
  const dedupeWindowMs = Math.max(0, options.dedupeWindowMs ?? 10 * 60 * 1000);
  const secretParam = options.secretParam ?? 'token';
  const maxQueuedBytes = Math.max(1024, options.maxQueuedBytes ?? 256 * 1024);
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const retryMs = options.retryMs ?? 2_000;
  const busyRetryMs = options.busyRetryMs ?? 30_000;
  const maxConnectionsPerRoom = Math.max(1, options.maxConnectionsPerRoom ?? 1_000);
  const maxConnections = Math.max(1, options.maxConnections ?? 10_000);
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const maxJsonDepth = options.maxJsonDepth ?? 32;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 10_000;
  const roomOfWebhook = options.roomOfWebhook ?? defaultRoomOfWebhook;
  const roomOfRequest = options.roomOfRequest ?? ((request: Request) => new URL(request.url).searchParams.get('roomId'));
  const backend =
    options.backend ??
    createMemoryRelayBackend({ replayLimit: options.replayLimit, maxBufferedBytes: options.maxBufferedBytes, roomTtlMs: options.roomTtlMs, now });
  const subscribers = new Set<Subscriber>();
  /** Open streams per room (a `Map`: room ids are any string, `__proto__` included). */
  const perRoom = new Map<string, number>();
  const counters = { received: 0, delivered: 0, dropped: 0, busy: 0, rejected: 0, duplicates: 0, resets: 0 };
  /** A new subscriber's replay is cut to the newest events that fit here (never past the bound that drops it). */
  const replayBudget = Math.floor(maxQueuedBytes / 2);
  let closed = false;
  const heartbeat = encoder.encode(': ping\n\n');
  /** One encoding per event, shared by every subscriber of this process. */
  const frames = new WeakMap<RelayEvent, Uint8Array>();
  const frameOf = (event: RelayEvent): Uint8Array => {
    let frame = frames.get(event);
    if (!frame) {
      frame = encoder.encode(`id: ${event.id}\ndata: ${event.data}\n\n`);
      frames.set(event, frame);
    }
    return frame;
  };

  /** `retry:` with up to 50 % random extra (a restart's browsers then come back spread out), an `unavailable` event naming why. */
  const comeBackFrame = (reason: ComeBackReason, delayMs: number): string =>
    `retry: ${Math.round(delayMs * (1 + Math.random() / 2))}\nevent: unavailable\ndata: {"reason":"${reason}"}\n\n`;

  /**
   * The answer to a stream that should be tried again later: `200 text/event-stream`, a `retry:` and
   * the end. `EventSource` fails for good on any other status (the HTML standard), so a 503 during a
   * deploy or an outage would leave the page without updates until reloaded.
   */
  const comeBack = (reason: ComeBackReason, delayMs = retryMs): Response =>
    new Response(comeBackFrame(reason, delayMs), {
      status: 200,
      headers: { ...SSE_HEADERS, 'retry-after': String(Math.ceil(delayMs / 1000)) },
    });

  function forgetSubscriber(subscriber: Subscriber): void {
    if (!subscribers.delete(subscriber)) return;
    const left = (perRoom.get(subscriber.roomId) ?? 1) - 1;
    if (left > 0) perRoom.set(subscriber.roomId, left);
    else perRoom.delete(subscriber.roomId);
  }

  /**
   * Ends a subscriber: unsubscribed from its room, its stream closed — or, with `reason`, errored, so
   * the server under it (`toNodeHandler`, Deno, Bun …) destroys the connection instead of waiting to
   * flush what a reader that does not read will never take.
   */
  function drop(subscriber: Subscriber, reason?: unknown, lastFrame?: string): void {
    if (subscriber.closed) return;
    subscriber.closed = true;
    forgetSubscriber(subscriber);
    subscriber.unsubscribe?.();
    try {
      if (reason !== undefined) subscriber.controller.error(reason);
      else {
        if (lastFrame !== undefined) subscriber.controller.enqueue(encoder.encode(lastFrame));
        subscriber.controller.close();
      }
    } catch {
      // already closed by the other side
    }
  }

  /** Enqueues without waiting; drops the subscriber when its unsent data passed the bound. */
  function send(subscriber: Subscriber, frame: Uint8Array): boolean {
    if (subscriber.closed) return false;
    try {
      subscriber.controller.enqueue(frame);
    } catch {
      drop(subscriber);
      return false;
    }
    if ((subscriber.controller.desiredSize ?? 0) < 0) {
      counters.dropped += 1;
      drop(subscriber, new Error('onair relay: subscriber too slow; reconnect to catch up'));
      return false;
    }
    return true;
  }

  const timer = setInterval(() => {
    for (const subscriber of [...subscribers]) send(subscriber, heartbeat);
  }, heartbeatMs);
  (timer as { unref?: () => void }).unref?.();

  /** Appends a webhook (keys removed); `null` when `dedupe` says it is a repeat. */
  async function append(roomId: string, webhook: unknown, dedupe?: RelayDedupe): Promise<string | null> {
    if (closed) throw new Error('onair relay: closed; publish refused');
    if (typeof roomId !== 'string' || roomId.length === 0) throw new TypeError('onair relay: publish needs a room id');
    return backend.append(roomId, eventData(now(), webhook), dedupe);
  }

  async function publish(roomId: string, webhook: unknown): Promise<string> {
    const id = await append(roomId, webhook);
    if (id === null) throw new Error('onair relay: the backend took a webhook published without dedupe ids for a repeat');
    return id;
  }

  /** What identifies one delivery: the provider's delivery id where it sends one, and a hash of the raw body. */
  async function dedupeOf(request: Request, bytes: Uint8Array): Promise<RelayDedupe | undefined> {
    if (dedupeWindowMs === 0) return undefined;
    const delivery = request.headers.get('rtk-uuid');
    const ids = delivery && delivery.length <= 200 ? [`rtk-uuid:${delivery}`] : [];
    return { ids, body: await sha256Hex(bytes), ttlMs: dedupeWindowMs };
  }

  /**
   * The sink of one subscriber. While the backend replays (until `live()`), frames are held; then
   * only the newest that fit `replayBudget` are sent — after an `event: reset` when a resuming
   * subscriber misses some — so a room whose history exceeds what a connection may queue can still
   * be joined (sending it all would drop the subscriber, which would reconnect and loop).
   */
  function subscriberSink(sub: Subscriber, resuming: boolean): { sink: RelaySink; live(): void } {
    let held: Array<{ reset: string | undefined } | { event: RelayEvent }> | undefined = [];
    const resetFrame = (latestId: string | undefined): Uint8Array => encoder.encode(`event: reset\nid: ${latestId ?? ''}\ndata: {"reason":"history-gone"}\n\n`);
    const deliver = (event: RelayEvent): void => {
      if (send(sub, frameOf(event))) counters.delivered += 1;
    };
    return {
      sink: {
        reset(latestId) {
          counters.resets += 1;
          if (held) held.push({ reset: latestId });
          else send(sub, resetFrame(latestId));
        },
        event(event) {
          if (held) held.push({ event });
          else deliver(event);
        },
      },
      live() {
        const items = held ?? [];
        held = undefined;
        const events = items.flatMap((item) => ('event' in item ? [item.event] : []));
        let first = events.length;
        let bytes = 0;
        while (first > 0 && bytes + frameOf(events[first - 1]!).byteLength <= replayBudget) bytes += frameOf(events[--first]!).byteLength;
        const reset = items.find((item): item is { reset: string | undefined } => 'reset' in item);
        if (reset) send(sub, resetFrame(reset.reset));
        else if (first > 0 && resuming) {
          counters.resets += 1;
          send(sub, resetFrame(events.at(-1)!.id));
        }
        for (const event of events.slice(first)) deliver(event);
      },
    };
  }

  function tokenMatches(candidate: string | null): boolean {
    if (secrets.length === 0) return true;
    if (candidate === null) return false;
    let ok = false;
    for (const secret of secrets) ok = constantTimeEqual(candidate, secret) || ok;
    return ok;
  }

  return {
    async handleWebhook(request) {
      if (request.method !== 'POST') return text(405, 'Method not allowed', { allow: 'POST' });
      if (closed) return text(503, 'Relay closed', { 'retry-after': '5' });
      if (!tokenMatches(new URL(request.url).searchParams.get(secretParam))) {
        counters.rejected += 1;
        return text(401, 'Unauthorized');
      }
      const signatureHeader = verifier ? request.headers.get(verifier.header) : null;
      if (verifier && !signatureHeader) {
        counters.rejected += 1;
        return text(401, 'Unauthorized: missing signature');
      }
      const body = await readLimited(request, maxBodyBytes, bodyTimeoutMs);
      if (!body.ok) return body.status === 413 ? text(413, 'Payload too large') : text(408, 'Request body too slow', { connection: 'close' });
      if (verifier) {
        let valid: boolean;
        try {
          valid = await verifier.verify(body.bytes, signatureHeader);
        } catch {
          return text(503, 'Signature key unavailable', { 'retry-after': '30' });
        }
        if (!valid) {
          counters.rejected += 1;
          return text(401, 'Unauthorized: bad signature');
        }
      }
      const source = new TextDecoder().decode(body.bytes);
      if (jsonDepth(source) > maxJsonDepth) return text(400, 'Body nested too deeply');
      let webhook: unknown;
      try {
        webhook = JSON.parse(source);
      } catch {
        return text(400, 'Body is not JSON');
      }
      const roomId = roomOfWebhook(webhook);
      if (typeof roomId !== 'string' || roomId.length === 0) return text(400, 'Webhook names no room');
      if (closed) return text(503, 'Relay closed', { 'retry-after': '5' });
      let id: string | null;
      try {
        id = await append(roomId, webhook, await dedupeOf(request, body.bytes));
      } catch {
        return text(503, 'Relay storage unavailable', { 'retry-after': '5' });
      }
      if (id === null) {
        counters.duplicates += 1;
        return text(200, 'Duplicate delivery: already relayed');
      }
      counters.received += 1;
      return new Response(null, { status: 204 });
    },

    async handleEvents(request) {
      if (request.method !== 'GET') return text(405, 'Method not allowed', { allow: 'GET' });
      const roomId = roomOfRequest(request);
      if (typeof roomId !== 'string' || roomId.length === 0) return text(400, 'roomId is required');
      if (closed) return comeBack('closing');
      let allowed: boolean;
      try {
        allowed = (await options.authorize(request, roomId)) === true;
      } catch {
        // The app's session store is down, most likely: passing. `false` is the answer that refuses.
        return comeBack('unavailable');
      }
      if (!allowed) return text(403, 'Forbidden');
      if (closed) return comeBack('closing');
      if (subscribers.size >= maxConnections) {
        counters.busy += 1;
        return comeBack('relay-full', busyRetryMs);
      }
      if ((perRoom.get(roomId) ?? 0) >= maxConnectionsPerRoom) {
        counters.busy += 1;
        return comeBack('room-full', busyRetryMs);
      }

      const lastEventId = request.headers.get('last-event-id') || new URL(request.url).searchParams.get('lastEventId') || undefined;
      let subscriber: Subscriber | undefined;
      const stream = new ReadableStream<Uint8Array>(
        {
          start(controller) {
            subscriber = { controller, roomId, closed: false };
            controller.enqueue(encoder.encode(`retry: ${retryMs}\n: connected\n\n`));
          },
          // The reader went away (the server cancels the body when the connection closes): noticed
          // here even when the `Request` and its abort signal were already collected.
          cancel() {
            if (subscriber) drop(subscriber);
          },
        },
        new ByteLengthQueuingStrategy({ highWaterMark: maxQueuedBytes }),
      );
      const sub = subscriber!;
      subscribers.add(sub);
      perRoom.set(roomId, (perRoom.get(roomId) ?? 0) + 1);
      try {
        const replay = subscriberSink(sub, Boolean(lastEventId));
        const unsubscribe = await backend.open(roomId, lastEventId || undefined, replay.sink);
        replay.live();
        if (sub.closed) unsubscribe();
        else sub.unsubscribe = unsubscribe;
      } catch {
        drop(sub);
        return comeBack(closed ? 'closing' : 'unavailable');
      }
      if (closed) drop(sub, undefined, comeBackFrame('closing', retryMs));
      // Where the runtime keeps the signal alive (most do), a departure is seen at once; `cancel()`
      // above is what does not depend on it.
      request.signal?.addEventListener('abort', () => drop(sub), { once: true });
      if (request.signal?.aborted) drop(sub);
      return new Response(stream, { status: 200, headers: SSE_HEADERS });
    },

    publish,

    stats() {
      const backendStats = backend.stats();
      return { rooms: backendStats.rooms, subscribers: subscribers.size, ...counters, bufferedBytes: backendStats.bufferedBytes };
    },

    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      // Each stream ends with a retry: the browsers come back (to the next process) on their own. A
      // subscriber with unsent data queued is not waited for (a reader that stopped reading would
      // hold the shutdown): its stream fails, its connection is cut, and it reconnects all the same.
      for (const subscriber of [...subscribers]) {
        if ((subscriber.controller.desiredSize ?? maxQueuedBytes) < maxQueuedBytes) drop(subscriber, new Error('onair relay: closed'));
        else drop(subscriber, undefined, comeBackFrame('closing', retryMs));
      }
      await backend.close();
    },
  };
}
