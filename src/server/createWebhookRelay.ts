/**
 * The webhook relay: receives VideoSDK webhooks (or any provider's JSON webhooks that name a room)
 * and streams them as Server-Sent Events to the browsers of that room. Web-standard `Request` /
 * `Response` / `ReadableStream` only — Node 20+, Deno, Bun, edge runtimes, and any framework that
 * speaks them. No dependency, no React.
 */

/** Options of {@link createWebhookRelay}. */
export interface WebhookRelayOptions {
  /**
   * The shared secret VideoSDK must present, as the `token` query parameter of the webhook URL
   * you pass as `webhookUrl` (VideoSDK cannot add headers to its webhooks). Use a long random
   * value (at least 16 characters); pass an array to rotate (old and new both accepted). Only the
   * app's backend adds that URL to start requests: in a browser anyone in the meeting could read it
   * and forge webhooks (`createVideoSdkClient` refuses it there).
   */
  readonly secret: string | readonly string[];
  /**
   * Decides whether a browser may subscribe to a room: check the app's session cookie or token on
   * `request` and the participant's membership of `roomId`. `false` answers 403.
   */
  readonly authorize: (request: Request, roomId: string) => boolean | Promise<boolean>;
  /** Name of the query parameter carrying the secret on the webhook URL. Default `token`. */
  readonly secretParam?: string | undefined;
  /** Which room a subscriber asks for. Default: the `roomId` query parameter. */
  readonly roomOfRequest?: ((request: Request) => string | null | undefined) | undefined;
  /** Which room a webhook belongs to. Default: `data.meetingId ?? data.roomId` (VideoSDK). */
  readonly roomOfWebhook?: ((webhook: unknown) => string | null | undefined) | undefined;
  /** Webhooks kept per room for replay to reconnecting and new subscribers. Default 200. */
  readonly replayLimit?: number | undefined;
  /**
   * Bytes a subscriber may have queued (not yet taken by its connection) before the relay drops it.
   * A dropped browser reconnects by itself and catches up through `Last-Event-ID`. Default 256 KiB.
   */
  readonly maxQueuedBytes?: number | undefined;
  /** Interval of SSE comment heartbeats (keeps proxies from closing idle streams). Default 15 000 ms. */
  readonly heartbeatMs?: number | undefined;
  /** Reconnect delay suggested to `EventSource` (`retry:`). Default 2 000 ms. */
  readonly retryMs?: number | undefined;
  /** A room without subscribers forgets its history after this long. Default 6 h. */
  readonly roomTtlMs?: number | undefined;
  /** Largest webhook body accepted. Default 64 KiB. */
  readonly maxBodyBytes?: number | undefined;
  /** Clock, for tests. */
  readonly now?: (() => number) | undefined;
}

/** Counters for monitoring and the benchmark. */
export interface WebhookRelayStats {
  readonly rooms: number;
  readonly subscribers: number;
  readonly received: number;
  readonly delivered: number;
  /** Subscribers closed because they fell behind. */
  readonly dropped: number;
  readonly rejected: number;
}

/** What {@link createWebhookRelay} returns. */
export interface WebhookRelay {
  /** `POST` endpoint for VideoSDK: 204 when relayed; 401 wrong/missing secret; 400 bad body or no room; 405; 413. */
  handleWebhook(request: Request): Promise<Response>;
  /** `GET` endpoint for `EventSource`: an SSE stream of the room's webhooks; 400 without room; 403 when `authorize` says no. */
  handleEvents(request: Request): Promise<Response>;
  /** Relays a webhook without HTTP (tests, the simulator, a queue consumer). Returns the event id. */
  publish(roomId: string, webhook: unknown): string;
  stats(): WebhookRelayStats;
  /** Ends every stream and stops the timers. */
  close(): void;
}

interface Entry {
  readonly seq: number;
  /** The encoded SSE frame. */
  readonly frame: Uint8Array;
}

interface Subscriber {
  readonly controller: ReadableStreamDefaultController<Uint8Array>;
  closed: boolean;
}

interface Room {
  readonly entries: Entry[];
  readonly subscribers: Set<Subscriber>;
  lastActivity: number;
}

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
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  const length = Math.max(x.length, y.length);
  let diff = x.length ^ y.length;
  for (let i = 0; i < length; i += 1) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

function defaultRoomOfWebhook(webhook: unknown): string | undefined {
  if (typeof webhook !== 'object' || webhook === null) return undefined;
  const data = (webhook as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return undefined;
  const { meetingId, roomId } = data as { meetingId?: unknown; roomId?: unknown };
  if (typeof meetingId === 'string' && meetingId) return meetingId;
  if (typeof roomId === 'string' && roomId) return roomId;
  return undefined;
}

const text = (status: number, body: string, headers: Record<string, string> = {}): Response =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers } });

async function readLimited(request: Request, limit: number): Promise<string | undefined> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return undefined;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

/**
 * Creates a relay. Mount `handleWebhook` where VideoSDK posts (the app's backend route that starts
 * recordings gives VideoSDK `https://your.app/videosdk/webhook?token=SECRET` as `webhookUrl` — never
 * the browser) and `handleEvents` where the browsers' `EventSource` connects (`/videosdk/events?roomId=…`).
 *
 * Each SSE message is `{"at": <receipt time, epoch ms>, "webhook": <the body as VideoSDK sent it>}`
 * with an `id:`. A subscriber first gets the room's recent webhooks (or, reconnecting with
 * `Last-Event-ID`, only those it missed), then live ones. Rooms are isolated. Fan-out never waits
 * for a connection: a subscriber whose unsent data exceeds `maxQueuedBytes` is closed and catches
 * up when it reconnects.
 *
 * One relay instance keeps its state in memory: run one instance, or put a shared pub/sub in front
 * of `publish` when you scale out.
 *
 * @example
 * ```ts
 * import { createWebhookRelay } from 'onair-react/server';
 * const relay = createWebhookRelay({
 *   secret: process.env.VIDEOSDK_WEBHOOK_SECRET!,
 *   authorize: async (request, roomId) => (await sessionOf(request))?.rooms.includes(roomId) ?? false,
 * });
 * // Next.js route handlers, Hono, Remix, Deno.serve …
 * export const POST = (request: Request) => relay.handleWebhook(request);
 * export const GET = (request: Request) => relay.handleEvents(request);
 * ```
 */
export function createWebhookRelay(options: WebhookRelayOptions): WebhookRelay {
  const secrets = (typeof options.secret === 'string' ? [options.secret] : [...options.secret]).filter((s) => typeof s === 'string');
  if (secrets.length === 0 || secrets.some((s) => s.length < 16)) {
    throw new TypeError('createWebhookRelay: `secret` must be at least 16 characters (use a long random value).');
  }
  if (typeof options.authorize !== 'function') throw new TypeError('createWebhookRelay: `authorize(request, roomId)` is required.');
  const secretParam = options.secretParam ?? 'token';
  const replayLimit = Math.max(0, options.replayLimit ?? 200);
  const maxQueuedBytes = Math.max(1024, options.maxQueuedBytes ?? 256 * 1024);
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const retryMs = options.retryMs ?? 2_000;
  const roomTtlMs = options.roomTtlMs ?? 6 * 60 * 60 * 1000;
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const now = options.now ?? Date.now;
  const roomOfWebhook = options.roomOfWebhook ?? defaultRoomOfWebhook;
  const roomOfRequest = options.roomOfRequest ?? ((request: Request) => new URL(request.url).searchParams.get('roomId'));
  /** Distinguishes this instance's event ids from a previous one's (after a restart all history is replayed). */
  const epoch = Math.random().toString(36).slice(2, 10);
  const rooms = new Map<string, Room>();
  const counters = { received: 0, delivered: 0, dropped: 0, rejected: 0 };
  let seq = 0;
  let closed = false;
  const heartbeat = encoder.encode(': ping\n\n');

  function roomFor(id: string): Room {
    let room = rooms.get(id);
    if (!room) {
      room = { entries: [], subscribers: new Set(), lastActivity: now() };
      rooms.set(id, room);
    }
    return room;
  }

  function drop(room: Room | undefined, subscriber: Subscriber, reason?: unknown): void {
    if (subscriber.closed) return;
    subscriber.closed = true;
    room?.subscribers.delete(subscriber);
    try {
      if (reason === undefined) subscriber.controller.close();
      else subscriber.controller.error(reason);
    } catch {
      // already closed by the other side
    }
  }

  /** Enqueues without waiting; drops the subscriber when its unsent data passed the bound. */
  function send(room: Room | undefined, subscriber: Subscriber, frame: Uint8Array): boolean {
    if (subscriber.closed) return false;
    try {
      subscriber.controller.enqueue(frame);
    } catch {
      drop(room, subscriber);
      return false;
    }
    if ((subscriber.controller.desiredSize ?? 0) < 0) {
      counters.dropped += 1;
      drop(room, subscriber, new Error('onair relay: subscriber too slow; reconnect to catch up'));
      return false;
    }
    return true;
  }

  const timer = setInterval(() => {
    const time = now();
    for (const [id, room] of rooms) {
      for (const subscriber of [...room.subscribers]) send(room, subscriber, heartbeat);
      if (room.subscribers.size === 0 && time - room.lastActivity > roomTtlMs) rooms.delete(id);
    }
  }, heartbeatMs);
  (timer as { unref?: () => void }).unref?.();

  function publish(roomId: string, webhook: unknown): string {
    const room = roomFor(roomId);
    seq += 1;
    const id = `${epoch}-${seq}`;
    const at = now();
    room.lastActivity = at;
    const frame = encoder.encode(`id: ${id}\ndata: ${JSON.stringify({ at, webhook })}\n\n`);
    room.entries.push({ seq, frame });
    if (room.entries.length > replayLimit) room.entries.splice(0, room.entries.length - replayLimit);
    for (const subscriber of [...room.subscribers]) {
      if (send(room, subscriber, frame)) counters.delivered += 1;
    }
    return id;
  }

  function secretMatches(candidate: string | null): boolean {
    if (candidate === null) return false;
    let ok = false;
    for (const secret of secrets) ok = constantTimeEqual(candidate, secret) || ok;
    return ok;
  }

  return {
    async handleWebhook(request) {
      if (request.method !== 'POST') return text(405, 'Method not allowed', { allow: 'POST' });
      if (!secretMatches(new URL(request.url).searchParams.get(secretParam))) {
        counters.rejected += 1;
        return text(401, 'Unauthorized');
      }
      const body = await readLimited(request, maxBodyBytes);
      if (body === undefined) return text(413, 'Payload too large');
      let webhook: unknown;
      try {
        webhook = JSON.parse(body);
      } catch {
        return text(400, 'Body is not JSON');
      }
      const roomId = roomOfWebhook(webhook);
      if (typeof roomId !== 'string' || roomId.length === 0) return text(400, 'Webhook names no room');
      if (closed) return text(503, 'Relay closed');
      counters.received += 1;
      publish(roomId, webhook);
      return new Response(null, { status: 204 });
    },

    async handleEvents(request) {
      if (request.method !== 'GET') return text(405, 'Method not allowed', { allow: 'GET' });
      const roomId = roomOfRequest(request);
      if (typeof roomId !== 'string' || roomId.length === 0) return text(400, 'roomId is required');
      let allowed: boolean;
      try {
        allowed = (await options.authorize(request, roomId)) === true;
      } catch {
        allowed = false;
      }
      if (!allowed) return text(403, 'Forbidden');
      if (closed) return text(503, 'Relay closed');

      const lastEventId = request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('lastEventId');
      const [lastEpoch, lastSeqText] = (lastEventId ?? '').split('-');
      const lastSeq = lastEpoch === epoch ? Number(lastSeqText) : Number.NaN;

      const room = roomFor(roomId);
      let subscriber: Subscriber | undefined;
      const stream = new ReadableStream<Uint8Array>(
        {
          start(controller) {
            subscriber = { controller, closed: false };
            controller.enqueue(encoder.encode(`retry: ${retryMs}\n: connected\n\n`));
            // Replay: what the subscriber missed, or the room's recent history for a new one.
            for (const entry of room.entries) {
              if (Number.isFinite(lastSeq) && entry.seq <= lastSeq) continue;
              controller.enqueue(entry.frame);
            }
            room.subscribers.add(subscriber);
            room.lastActivity = now();
          },
          cancel() {
            if (subscriber) {
              subscriber.closed = true;
              room.subscribers.delete(subscriber);
            }
          },
        },
        new ByteLengthQueuingStrategy({ highWaterMark: maxQueuedBytes }),
      );
      request.signal?.addEventListener('abort', () => subscriber && drop(room, subscriber), { once: true });
      return new Response(stream, {
        status: 200,
        headers: {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        },
      });
    },

    publish,

    stats() {
      let subscribers = 0;
      for (const room of rooms.values()) subscribers += room.subscribers.size;
      return { rooms: rooms.size, subscribers, ...counters };
    },

    close() {
      closed = true;
      clearInterval(timer);
      for (const room of rooms.values()) for (const subscriber of [...room.subscribers]) drop(room, subscriber);
      rooms.clear();
    },
  };
}
