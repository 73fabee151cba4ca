/**
 * The relay across several processes: each room's log is a Redis Stream (`XADD … MAXLEN ~`, a TTL
 * per room), every process publishes what it receives on the room's channel and delivers what any
 * process received to its own subscribers. Event ids are the stream's ids, per room.
 */
import type { RelayBackend, RelayDedupe, RelayEvent, RelaySink } from './relayBackend.js';

/**
 * The part of a node-redis (`redis` ≥ 5) client the backend uses — the real client fits. It must
 * have an `error` listener of the app's (node-redis throws unhandled `error` events) and should be
 * created with `disableOfflineQueue: true`, so a webhook arriving while Redis is away gets 503 at
 * once instead of being queued and appended twice after the provider's retry.
 *
 * @public
 */
export interface RedisClientLike {
  sendCommand(args: string[]): Promise<unknown>;
  /** A second connection for pub/sub (the backend connects, owns and closes it). */
  duplicate(): RedisClientLike;
  connect(): Promise<unknown>;
  subscribe(channel: string, listener: (message: string, channel: string) => void): Promise<unknown>;
  unsubscribe(channel: string, listener?: (message: string, channel: string) => void): Promise<unknown>;
  on(event: 'ready' | 'error', listener: (...args: never[]) => void): unknown;
  readonly isOpen?: boolean | undefined;
  destroy?(): void;
  close?(): Promise<unknown>;
  quit?(): Promise<unknown>;
}

/**
 * The part of an ioredis (5 or 6) client the backend uses — the real client fits, taken as it is.
 * Create it with `enableOfflineQueue: false` (a webhook arriving while Redis is away gets 503 at
 * once) and `autoResendUnfulfilledCommands: false` (an append cut off by a drop is not sent again
 * after the provider's retry was appended: no event twice); the backend refuses a client without
 * them. Give it an `error` listener of the app's. A `lazyConnect` client is connected by the
 * backend; its pub/sub connection is a `duplicate()` the backend owns and closes.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { createRedisRelayBackend } from 'onair-react/server';
 *
 * const client = new Redis(process.env.REDIS_URL!, { enableOfflineQueue: false, autoResendUnfulfilledCommands: false, lazyConnect: true });
 * client.on('error', (error) => console.warn('redis', error.message));
 * const backend = createRedisRelayBackend({ client });
 * ```
 *
 * @public
 */
export interface IoRedisClientLike {
  call(command: string, ...args: string[]): Promise<unknown>;
  duplicate(): IoRedisClientLike;
  connect(): Promise<unknown>;
  subscribe(channel: string): Promise<unknown>;
  unsubscribe(channel: string): Promise<unknown>;
  on(event: 'message', listener: (channel: string, message: string) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'ready', listener: () => void): unknown;
  /** `wait` (lazyConnect, not connected yet), `connecting`, `ready` … */
  readonly status: string;
  /** The options it was created with: both must be `false` (checked when the backend is created). */
  readonly options: { readonly enableOfflineQueue?: boolean | undefined; readonly autoResendUnfulfilledCommands?: boolean | undefined };
  disconnect(): void;
}

/** ioredis speaks the same commands with another call shape: `call(name, …args)`, one `message` event per connection. */
function isIoRedis(client: RedisClientLike | IoRedisClientLike): client is IoRedisClientLike {
  return typeof (client as IoRedisClientLike).call === 'function' && typeof (client as IoRedisClientLike).status === 'string';
}

const noop = (): void => {};

/** An ioredis client seen through the node-redis shape the backend is written against. */
function fromIoRedis(client: IoRedisClientLike): RedisClientLike {
  const listeners = new Map<string, Set<(message: string, channel: string) => void>>();
  let routed = false;
  return {
    sendCommand: ([name, ...args]) => client.call(name!, ...args),
    duplicate: () => fromIoRedis(client.duplicate()),
    // An ioredis client connects by itself unless created with `lazyConnect` (status `wait`). A
    // first connect that fails is retried by ioredis (its retryStrategy); until then commands fail
    // at once (no offline queue) and webhooks get 503, as with node-redis.
    connect: () => (client.status === 'wait' ? client.connect().then(noop, noop) : Promise.resolve()),
    async subscribe(channel, listener) {
      if (!routed) {
        routed = true;
        client.on('message', (from: string, message: string) => {
          for (const each of [...(listeners.get(from) ?? [])]) each(message, from);
        });
      }
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      if (set.size === 1) await client.subscribe(channel);
    },
    async unsubscribe(channel, listener) {
      const set = listeners.get(channel);
      if (listener) set?.delete(listener);
      if (set && set.size > 0 && listener) return;
      listeners.delete(channel);
      await client.unsubscribe(channel);
    },
    // The backend listens to `ready` (no arguments) and `error` (one), as node-redis emits them.
    on: (event, listener) => client.on(event as 'ready', listener as () => void),
    get isOpen() {
      return client.status === 'ready';
    },
    destroy: () => client.disconnect(),
  };
}

/**
 * Options of {@link createRedisRelayBackend}: a Redis URL (the backend creates and closes the clients) or a connected client of the app's.
 *
 * @public
 */
export type RedisRelayBackendOptions = (
  | { readonly url: string; readonly client?: undefined }
  | { readonly client: RedisClientLike | IoRedisClientLike; readonly url?: undefined }
) & {
  /** Prefix of the streams' keys and channels. Default `onair:relay:`. */
  readonly prefix?: string | undefined;
  /** Approximate number of events kept per room (`XADD MAXLEN ~`). Default 200. */
  readonly replayLimit?: number | undefined;
  /** A room's stream expires this long after its last event. Default 6 h. */
  readonly roomTtlMs?: number | undefined;
  /**
   * A Redis command that takes longer fails (the webhook gets 503 and is retried) — waiting for the
   * connection included: a relay started while Redis is down answers within it too, and a command
   * that missed it is never sent afterwards. Default 5 000 ms.
   */
  readonly commandTimeoutMs?: number | undefined;
};

interface LocalRoom {
  readonly id: string;
  readonly sinks: Set<RelaySink>;
  /** Id of the last event this process delivered for the room (`undefined` until known). */
  cursor: string | undefined;
  chain: Promise<void>;
  subscribed: boolean;
  pending: number;
  readonly onMessage: (message: string) => void;
}

// Dedupe check, XADD and PUBLISH in one step. A repeat returns 0 and appends nothing: a delivery id
// seen within its window (KEYS[3…], set with PX ARGV[5]) or the body hash of the room's previous
// append (KEYS[2] = ARGV[6]). In one step, the check holds across processes, and an append that
// Redis ran after its caller gave up (and answered 503) still stops the provider's retry. The
// message carries the previous last id so a receiver can tell a gap (then it reads the stream) from
// the next event (then it delivers the message as it is).
const APPEND = `if ARGV[6] ~= '' and redis.call('GET', KEYS[2]) == ARGV[6] then return 0 end
for i = 3, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then return 0 end
end
for i = 3, #KEYS do redis.call('SET', KEYS[i], '1', 'PX', ARGV[5]) end
if ARGV[6] ~= '' then redis.call('SET', KEYS[2], ARGV[6], 'PX', ARGV[5]) else redis.call('DEL', KEYS[2]) end
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
local prev = '0-0'
if last[1] then prev = last[1][1] end
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'd', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PUBLISH', ARGV[4], prev .. ' ' .. id .. ' ' .. ARGV[2])
return id`;

const STREAM_ID = /^(\d{1,20})-(\d{1,20})$/;

/** Orders two stream ids (`ms-seq`). */
function compareIds(a: string, b: string): number {
  const x = STREAM_ID.exec(a);
  const y = STREAM_ID.exec(b);
  if (!x || !y) return a < b ? -1 : a > b ? 1 : 0;
  const ms = BigInt(x[1]!) - BigInt(y[1]!);
  if (ms !== 0n) return ms < 0n ? -1 : 1;
  const seq = BigInt(x[2]!) - BigInt(y[2]!);
  return seq === 0n ? 0 : seq < 0n ? -1 : 1;
}

/** Entries of an XRANGE / XREVRANGE reply (`[[id, [field, value, …]], …]`) as events. */
function entriesOf(reply: unknown): RelayEvent[] {
  if (!Array.isArray(reply)) return [];
  const events: RelayEvent[] = [];
  for (const entry of reply) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Array.isArray(entry[1])) continue;
    const fields = entry[1] as unknown[];
    const at = fields.indexOf('d');
    const data = at >= 0 ? fields[at + 1] : undefined;
    if (typeof data === 'string') events.push({ id: entry[0], data });
  }
  return events;
}

/** Loads node-redis only when a URL is given (apps that pass a client, or use no Redis, never load it). */
async function clientFromUrl(url: string): Promise<RedisClientLike> {
  const name = 'redis';
  const redis = (await import(/* @vite-ignore */ name)) as { createClient(options: unknown): RedisClientLike };
  return redis.createClient({
    url,
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 1_000) },
  });
}

/**
 * The Redis relay backend, for a relay that runs in several processes behind a load balancer:
 * webhooks posted to any process reach the subscribers of every process, and a browser that
 * reconnects to another process resumes from its `Last-Event-ID` — exactly what it missed, in
 * order, once. While Redis is away, webhooks get 503 (the provider retries) and subscribers stay
 * connected; when it is back, what they missed is read from the stream. `relay.close()` closes the
 * connections the backend opened (a client you pass stays yours).
 *
 * Needs the optional peer dependency `redis` (node-redis 5 or 6) when created from a URL. A client
 * of the app's may be node-redis or ioredis ({@link IoRedisClientLike}), passed as `{ client }`.
 *
 * @example
 * ```ts
 * import { createRedisRelayBackend, createWebhookRelay } from 'onair-react/server';
 *
 * const relay = createWebhookRelay({
 *   signature: { provider: 'videosdk' },
 *   authorize: async (request, roomId) => (await sessionOf(request))?.rooms.includes(roomId) ?? false,
 *   backend: createRedisRelayBackend({ url: process.env.REDIS_URL! }),
 * });
 * ```
 *
 * @public
 */
export function createRedisRelayBackend(options: RedisRelayBackendOptions): RelayBackend {
  const prefix = options.prefix ?? 'onair:relay:';
  const replayLimit = Math.max(1, Math.floor(options.replayLimit ?? 200));
  const roomTtlMs = Math.max(1_000, Math.floor(options.roomTtlMs ?? 6 * 60 * 60 * 1000));
  const timeoutMs = options.commandTimeoutMs ?? 5_000;
  const owned = options.url !== undefined;
  const io = options.client !== undefined && isIoRedis(options.client);
  if (io) {
    const { enableOfflineQueue, autoResendUnfulfilledCommands } = (options.client as IoRedisClientLike).options;
    if (enableOfflineQueue !== false || autoResendUnfulfilledCommands !== false) {
      throw new TypeError(
        'createRedisRelayBackend: an ioredis client must be created with { enableOfflineQueue: false, autoResendUnfulfilledCommands: false } ' +
          '(else a webhook cut off by a Redis drop is appended twice); pass client.duplicate({ enableOfflineQueue: false, autoResendUnfulfilledCommands: false }).',
      );
    }
  }
  const given = io ? fromIoRedis(options.client as IoRedisClientLike) : (options.client as RedisClientLike | undefined);
  if (!owned && (typeof given?.sendCommand !== 'function' || typeof given.duplicate !== 'function')) {
    throw new TypeError('createRedisRelayBackend: pass { url }, or a node-redis or ioredis client as { client }.');
  }
  const rooms = new Map<string, LocalRoom>();
  let closed = false;
  const streamKey = (roomId: string): string => `${prefix}s:${roomId}`;
  const dedupeKey = (id: string): string => `${prefix}d:${id}`;
  const lastBodyKey = (roomId: string): string => `${prefix}b:${roomId}`;
  const channelOf = (roomId: string): string => `${prefix}c:${roomId}`;

  // Two steps: making the clients (loading node-redis for a URL: local work, awaited without a
  // deadline) and connecting them (the network: every call waits for it at most `timeoutMs`).
  const clients = (async () => {
    const command = owned ? await clientFromUrl(options.url) : given!;
    const subscriber = command.duplicate();
    const swallow = (): void => {};
    if (owned) command.on('error', swallow);
    subscriber.on('error', swallow);
    let readyOnce = false;
    subscriber.on('ready', () => {
      // After a reconnect node-redis subscribes again; what was published meanwhile is read from the streams.
      if (readyOnce) for (const room of rooms.values()) if (room.sinks.size > 0) enqueue(room, () => catchUp(room));
      readyOnce = true;
    });
    return { command, subscriber };
  })();
  const connections = clients.then(async ({ command, subscriber }) => {
    // An app's node-redis client is connected by the app; an ioredis one created with `lazyConnect` is connected here.
    await Promise.all([owned || io ? command.connect() : undefined, subscriber.connect()]);
    return { command, subscriber };
  });
  clients.catch(() => {});
  connections.catch(() => {});

  /**
   * `work` with one deadline (`timeoutMs`) over waiting for the connections and the command (the
   * clients made first, without it: loading node-redis is not Redis being away). `work`
   * is called only if the connections are there in time: a command that missed its deadline is
   * never sent later (its webhook was answered 503; the provider's retry is the one to append).
   */
  async function withDeadline<T>(work: (opened: { command: RedisClientLike; subscriber: RedisClientLike }) => Promise<T>): Promise<T> {
    if (closed) throw new Error('onair relay: Redis backend closed');
    await clients;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let late = false;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        late = true;
        reject(new Error('onair relay: Redis did not answer in time'));
      }, timeoutMs);
    });
    try {
      return await Promise.race([
        connections.then((opened) => {
          if (late || closed) throw new Error('onair relay: Redis did not answer in time');
          return work(opened);
        }),
        deadline,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  function run(args: string[]): Promise<unknown> {
    return withDeadline(({ command }) => command.sendCommand(args));
  }

  function enqueue<T>(room: LocalRoom, step: () => Promise<T>): Promise<T> {
    const result = room.chain.then(step);
    room.chain = result.then(
      () => {},
      () => {},
    );
    return result;
  }

  function deliver(room: LocalRoom, event: RelayEvent): void {
    room.cursor = event.id;
    for (const sink of [...room.sinks]) sink.event(event);
  }

  async function catchUp(room: LocalRoom): Promise<void> {
    if (room.cursor === undefined) return;
    const missed = entriesOf(await run(['XRANGE', streamKey(room.id), `(${room.cursor}`, '+']));
    for (const event of missed) if (compareIds(event.id, room.cursor) > 0) deliver(room, event);
  }

  function roomFor(roomId: string): LocalRoom {
    let room = rooms.get(roomId);
    if (!room) {
      const created: LocalRoom = {
        id: roomId,
        sinks: new Set(),
        cursor: undefined,
        chain: Promise.resolve(),
        subscribed: false,
        pending: 0,
        onMessage: (message) => {
          const first = message.indexOf(' ');
          const second = message.indexOf(' ', first + 1);
          if (first < 0 || second < 0) return;
          const prev = message.slice(0, first);
          const event: RelayEvent = { id: message.slice(first + 1, second), data: message.slice(second + 1) };
          void enqueue(created, async () => {
            // Not yet known: the open step in the queue reads the stream, this event included.
            if (created.cursor === undefined || compareIds(event.id, created.cursor) <= 0) return;
            if (prev === created.cursor) deliver(created, event);
            else await catchUp(created);
          }).catch(() => {});
        },
      };
      room = created;
      rooms.set(roomId, room);
    }
    return room;
  }

  /** Forgets a room without local subscribers (and leaves its channel). */
  function release(room: LocalRoom): void {
    if (room.sinks.size > 0 || room.pending > 0) return;
    if (!room.subscribed) {
      if (rooms.get(room.id) === room) rooms.delete(room.id);
      return;
    }
    void enqueue(room, async () => {
      if (room.sinks.size > 0 || room.pending > 0 || !room.subscribed || closed) return;
      room.subscribed = false;
      if (rooms.get(room.id) === room) rooms.delete(room.id);
      const { subscriber } = await connections;
      await subscriber.unsubscribe(channelOf(room.id), room.onMessage);
    }).catch(() => {});
  }

  async function lastIdOf(roomId: string): Promise<string> {
    const [last] = entriesOf(await run(['XREVRANGE', streamKey(roomId), '+', '-', 'COUNT', '1']));
    return last?.id ?? '0-0';
  }

  /**
   * Whether a subscriber resuming after `lastId` would miss events the stream no longer has: Redis
   * trimmed one newer than it (`max-deleted-entry-id`), or the stream never held it (an id older
   * than the first entry of a stream that was never trimmed: another life of the room, before its
   * TTL or a Redis without persistence restarted).
   */
  async function historyGone(roomId: string, lastId: string): Promise<boolean> {
    let reply: unknown;
    try {
      reply = await run(['XINFO', 'STREAM', streamKey(roomId)]);
    } catch (error) {
      if (/no such key/i.test(String(error))) return true;
      throw error;
    }
    // RESP2 gives a flat [name, value, …] array; RESP3 clients a Map or a plain object.
    const field = (name: string): unknown => {
      if (Array.isArray(reply)) {
        const at = reply.indexOf(name);
        return at >= 0 ? reply[at + 1] : undefined;
      }
      if (reply instanceof Map) return reply.get(name);
      return typeof reply === 'object' && reply !== null ? (reply as Record<string, unknown>)[name] : undefined;
    };
    const maxDeleted = field('max-deleted-entry-id');
    if (typeof maxDeleted === 'string' && maxDeleted !== '0-0') return compareIds(lastId, maxDeleted) < 0;
    const first = field('first-entry');
    const firstId = Array.isArray(first) && typeof first[0] === 'string' ? first[0] : undefined;
    return firstId !== undefined && compareIds(lastId, firstId) < 0;
  }

  return {
    async append(roomId, data, dedupe?: RelayDedupe) {
      const on = dedupe !== undefined && dedupe.ttlMs > 0;
      const ids = on ? dedupe.ids.map(dedupeKey) : [];
      const body = on ? (dedupe.body ?? '') : '';
      const ttl = String(Math.max(1, Math.floor(dedupe?.ttlMs ?? 1)));
      const keys = [streamKey(roomId), lastBodyKey(roomId), ...ids];
      const reply = await run(['EVAL', APPEND, String(keys.length), ...keys, String(replayLimit), data, String(roomTtlMs), channelOf(roomId), ttl, body]);
      if (reply === 0 || reply === '0') return null;
      if (typeof reply !== 'string') throw new Error('onair relay: unexpected Redis reply to XADD');
      return reply;
    },

    async open(roomId, lastEventId, sink) {
      if (closed) throw new Error('onair relay: Redis backend closed');
      const room = roomFor(roomId);
      room.pending += 1;
      try {
        await enqueue(room, async () => {
          if (!room.subscribed) {
            await withDeadline(({ subscriber }) => subscriber.subscribe(channelOf(roomId), room.onMessage));
            room.subscribed = true;
            room.cursor = undefined;
          }
          room.cursor ??= await lastIdOf(roomId);
          const latest = room.cursor;
          const history = async (): Promise<RelayEvent[]> =>
            latest === '0-0' ? [] : entriesOf(await run(['XREVRANGE', streamKey(roomId), latest, '-', 'COUNT', String(replayLimit)])).reverse();
          let events: RelayEvent[];
          if (lastEventId === undefined) {
            events = await history();
          } else if (!STREAM_ID.test(lastEventId) || compareIds(lastEventId, latest) > 0 || (await historyGone(roomId, lastEventId))) {
            sink.reset(latest === '0-0' ? undefined : latest);
            events = await history();
          } else {
            events = compareIds(lastEventId, latest) === 0 ? [] : entriesOf(await run(['XRANGE', streamKey(roomId), `(${lastEventId}`, latest]));
          }
          for (const event of events) sink.event(event);
          room.sinks.add(sink);
        });
      } catch (error) {
        room.pending -= 1;
        // Redis away: a room nobody else waits on is not kept (nor subscribed) for this failed open.
        release(room);
        throw error;
      }
      room.pending -= 1;
      return () => {
        room.sinks.delete(sink);
        release(room);
      };
    },

    stats() {
      return { rooms: rooms.size, bufferedBytes: 0 };
    },

    async close() {
      if (closed) return;
      closed = true;
      rooms.clear();
      // The clients, connected or not: a relay whose Redis never came up closes too.
      let opened: { command: RedisClientLike; subscriber: RedisClientLike } | undefined;
      try {
        opened = await clients;
      } catch {
        return;
      }
      const end = (client: RedisClientLike): void => {
        try {
          if (client.destroy) client.destroy();
          else void client.quit?.().catch(() => {});
        } catch {
          // already closed
        }
      };
      end(opened.subscriber);
      if (owned) end(opened.command);
    },
  };
}
