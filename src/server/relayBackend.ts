/**
 * Where the webhook relay keeps each room's event log and how events reach every subscriber: in
 * this process's memory ({@link createMemoryRelayBackend}, the default) or in Redis
 * (`createRedisRelayBackend`, for several processes).
 */

/**
 * One relayed event: its id (per room, increasing) and its SSE `data` (JSON text).
 *
 * @public
 */
export interface RelayEvent {
  readonly id: string;
  readonly data: string;
}

/**
 * What a backend calls for one subscriber, in order: maybe `reset`, then replayed and live events.
 *
 * @public
 */
export interface RelaySink {
  /**
   * The subscriber asked to resume after an event the backend no longer has (older than what it
   * keeps, from another relay generation, or of a room it forgot): it must refetch. `latestId` is
   * the room's newest event id, if any.
   */
  reset(latestId: string | undefined): void;
  /** An event: first the replay (after `lastEventId`, or the room's recent history), then live ones. Never twice, never out of order. */
  event(event: RelayEvent): void;
}

/**
 * Counters a backend reports (the relay adds them to its stats).
 *
 * @public
 */
export interface RelayBackendStats {
  /** Rooms with a log in this process (the memory backend) or with local subscribers (Redis). */
  readonly rooms: number;
  /** Bytes of event logs held in this process. */
  readonly bufferedBytes: number;
}

/**
 * Deduplication of one append (see {@link RelayBackend.append}): the provider's delivery ids, a hash
 * of the body, and how long they count.
 *
 * @example
 * ```ts
 * import { createMemoryRelayBackend, type RelayDedupe } from 'onair-react/server';
 *
 * const backend = createMemoryRelayBackend();
 * const dedupe: RelayDedupe = { ids: [`queue-message:${message.id}`], ttlMs: 10 * 60 * 1000 };
 * const id = await backend.append(roomId, JSON.stringify({ at: Date.now(), webhook: message.body }), dedupe);
 * if (id === null) console.info('already relayed', message.id);
 * ```
 *
 * @public
 */
export interface RelayDedupe {
  /** Delivery ids (RealtimeKit `rtk-uuid`): if any was seen within `ttlMs`, in any room, the append is a repeat. */
  readonly ids: readonly string[];
  /**
   * A hash of the body: the append is a repeat when the room's previous append, within `ttlMs`,
   * had the same. Only the previous one: the same body after other events of the room is a new
   * delivery (VideoSDK sends no delivery id, and a participant's recording restarted in the same
   * session repeats its `starting`/`started` bodies byte for byte).
   */
  readonly body?: string | undefined;
  /** How long ids and the body hash count, in ms. */
  readonly ttlMs: number;
}

/**
 * The storage and fan-out of the webhook relay. Implement it to put the relay on another engine;
 * `createMemoryRelayBackend` and `createRedisRelayBackend` are the two shipped.
 *
 * @example
 * ```ts
 * import { createMemoryRelayBackend, createWebhookRelay, type RelayBackend } from 'onair-react/server';
 *
 * const backend: RelayBackend = createMemoryRelayBackend({ maxBufferedBytes: 16 * 1024 * 1024 });
 * const relay = createWebhookRelay({ secret: process.env.RELAY_SECRET!, authorize: () => true, backend });
 * ```
 *
 * @public
 */
export interface RelayBackend {
  /**
   * Appends `data` to the room's log and delivers it to the room's subscribers everywhere; resolves
   * with its id. With `dedupe`, resolves `null` without appending when one of its ids was seen
   * within its window (checked and recorded in the same step as the append, across every process
   * that shares the backend). Rejects when it cannot (the relay answers 503); a rejected append
   * records no id.
   */
  append(roomId: string, data: string, dedupe?: RelayDedupe): Promise<string | null>;
  /** Subscribes `sink` to a room, resuming after `lastEventId` (or from the recent history); resolves with the unsubscribe. */
  open(roomId: string, lastEventId: string | undefined, sink: RelaySink): Promise<() => void>;
  stats(): RelayBackendStats;
  /** Releases timers and connections. */
  close(): Promise<void>;
}

/**
 * Options of {@link createMemoryRelayBackend}.
 *
 * @public
 */
export interface MemoryRelayBackendOptions {
  /** Events kept per room for replay. Default 200. */
  readonly replayLimit?: number | undefined;
  /**
   * Ceiling for all rooms' logs together, in bytes (UTF-16 text plus a per-event and per-room
   * overhead). Past it, rooms without subscribers go first (least recently active first), then the
   * oldest events of the largest rooms. Default 32 MiB.
   */
  readonly maxBufferedBytes?: number | undefined;
  /** A room without subscribers forgets its history after this long. Default 6 h. */
  readonly roomTtlMs?: number | undefined;
  /** Delivery ids remembered for deduplication at most (the oldest go first). Default 100 000. */
  readonly maxDedupeIds?: number | undefined;
  /** Clock, for tests. */
  readonly now?: (() => number) | undefined;
}

interface Entry {
  readonly seq: number;
  readonly event: RelayEvent;
  readonly bytes: number;
}

interface Room {
  readonly id: string;
  /** Random per room life: an id from before the room was forgotten (or from another process) is recognised as such. */
  readonly token: string;
  readonly entries: Entry[];
  readonly sinks: Set<RelaySink>;
  /** Next sequence number of this room. */
  seq: number;
  bytes: number;
  lastActivity: number;
  /** Body hash of the previous append and until when it counts (see {@link RelayDedupe.body}). */
  lastBody: string | undefined;
  lastBodyUntil: number;
}

const EVENT_OVERHEAD = 96;
const ROOM_OVERHEAD = 512;

/**
 * The in-memory relay backend (the default): one process, event ids per room (`<room life>-<n>`:
 * an id from before a restart, or from before the room was forgotten, is answered with `reset`),
 * and a memory ceiling for all rooms together.
 *
 * @example
 * ```ts
 * import { createMemoryRelayBackend, createWebhookRelay } from 'onair-react/server';
 *
 * const relay = createWebhookRelay({
 *   secret: process.env.RELAY_SECRET!,
 *   authorize: () => true,
 *   backend: createMemoryRelayBackend({ replayLimit: 100, maxBufferedBytes: 8 * 1024 * 1024 }),
 * });
 * ```
 *
 * @public
 */
export function createMemoryRelayBackend(options: MemoryRelayBackendOptions = {}): RelayBackend {
  const replayLimit = Math.max(0, Math.floor(options.replayLimit ?? 200));
  const maxBufferedBytes = Math.max(64 * 1024, options.maxBufferedBytes ?? 32 * 1024 * 1024);
  const roomTtlMs = options.roomTtlMs ?? 6 * 60 * 60 * 1000;
  const now = options.now ?? Date.now;
  const token = (): string => Math.random().toString(36).slice(2, 10);
  const rooms = new Map<string, Room>();
  const maxDedupeIds = Math.max(1, Math.floor(options.maxDedupeIds ?? 100_000));
  /** Delivery id → when it is forgotten; insertion order is expiry order for one window, close enough for several. */
  const seen = new Map<string, number>();
  let total = 0;
  let closed = false;

  /** Whether `dedupe` names a repeat (an id remembered, or the room's previous body); if not, remembers them. */
  function duplicate(roomId: string, dedupe: RelayDedupe | undefined): boolean {
    const time = now();
    const room = rooms.get(roomId);
    if (dedupe?.body !== undefined && room?.lastBody === dedupe.body && room.lastBodyUntil > time) return true;
    if (!dedupe || dedupe.ids.length === 0) return false;
    for (const [id, until] of seen) {
      if (until > time && seen.size <= maxDedupeIds) break;
      seen.delete(id);
    }
    for (const id of dedupe.ids) {
      const until = seen.get(id);
      if (until !== undefined && until > time) return true;
    }
    for (const id of dedupe.ids) {
      seen.delete(id);
      seen.set(id, time + dedupe.ttlMs);
    }
    while (seen.size > maxDedupeIds) seen.delete(seen.keys().next().value as string);
    return false;
  }

  const sweep = setInterval(() => {
    const time = now();
    for (const room of [...rooms.values()]) if (room.sinks.size === 0 && time - room.lastActivity > roomTtlMs) forget(room);
  }, Math.min(roomTtlMs, 60_000));
  (sweep as { unref?: () => void }).unref?.();

  function forget(room: Room): void {
    rooms.delete(room.id);
    total -= room.bytes + ROOM_OVERHEAD;
  }

  function roomFor(id: string): Room {
    let room = rooms.get(id);
    if (!room) {
      room = { id, token: token(), entries: [], sinks: new Set(), seq: 0, bytes: 0, lastActivity: now(), lastBody: undefined, lastBodyUntil: 0 };
      rooms.set(id, room);
      total += ROOM_OVERHEAD;
    }
    return room;
  }

  function shift(room: Room): void {
    const entry = room.entries.shift();
    if (!entry) return;
    room.bytes -= entry.bytes;
    total -= entry.bytes;
  }

  /** Back under the ceiling: idle rooms first (down to 90 % so the next events don't evict again), then the largest logs. */
  function enforce(current: Room): void {
    if (total <= maxBufferedBytes) return;
    const idle = [...rooms.values()].filter((r) => r !== current && r.sinks.size === 0).sort((a, b) => a.lastActivity - b.lastActivity);
    for (const room of idle) {
      if (total <= maxBufferedBytes * 0.9) break;
      forget(room);
    }
    while (total > maxBufferedBytes) {
      let largest: Room | undefined;
      for (const room of rooms.values()) if (room.entries.length > 0 && (!largest || room.bytes > largest.bytes)) largest = room;
      if (!largest) break;
      shift(largest);
    }
  }

  const seqOf = (room: Room | undefined, id: string | undefined): number | undefined => {
    if (id === undefined) return undefined;
    const cut = id.lastIndexOf('-');
    if (!room || cut <= 0 || id.slice(0, cut) !== room.token) return Number.NaN;
    const seq = Number(id.slice(cut + 1));
    return Number.isSafeInteger(seq) && seq >= 0 ? seq : Number.NaN;
  };

  return {
    async append(roomId, data, dedupe) {
      if (closed) throw new Error('onair relay: backend closed');
      if (duplicate(roomId, dedupe)) return null;
      const room = roomFor(roomId);
      room.lastBody = dedupe?.body;
      room.lastBodyUntil = now() + (dedupe?.ttlMs ?? 0);
      room.seq += 1;
      room.lastActivity = now();
      const event: RelayEvent = { id: `${room.token}-${room.seq}`, data };
      const bytes = EVENT_OVERHEAD + 2 * (data.length + event.id.length);
      if (replayLimit > 0) {
        room.entries.push({ seq: room.seq, event, bytes });
        room.bytes += bytes;
        total += bytes;
        while (room.entries.length > replayLimit) shift(room);
        enforce(room);
      }
      for (const sink of [...room.sinks]) sink.event(event);
      return event.id;
    },

    async open(roomId, lastEventId, sink) {
      if (closed) throw new Error('onair relay: backend closed');
      const existing = rooms.get(roomId);
      const lastSeq = seqOf(existing, lastEventId);
      const room = existing ?? roomFor(roomId);
      room.lastActivity = now();
      if (lastSeq === undefined) {
        for (const entry of room.entries) sink.event(entry.event);
      } else {
        const firstKept = room.entries[0]?.seq ?? room.seq + 1;
        const gone = Number.isNaN(lastSeq) || lastSeq > room.seq || lastSeq < firstKept - 1;
        if (gone) {
          sink.reset(room.seq > 0 ? `${room.token}-${room.seq}` : undefined);
          for (const entry of room.entries) sink.event(entry.event);
        } else {
          for (const entry of room.entries) if (entry.seq > lastSeq) sink.event(entry.event);
        }
      }
      room.sinks.add(sink);
      return () => {
        room.sinks.delete(sink);
        room.lastActivity = now();
        // A room only subscribers ever opened (no event yet) goes with its last subscriber: ids from
        // outside may be anything, and a room per id asked for would otherwise stay for `roomTtlMs`.
        if (room.sinks.size === 0 && room.seq === 0 && rooms.get(room.id) === room) forget(room);
      };
    },

    stats() {
      return { rooms: rooms.size, bufferedBytes: Math.max(0, total) };
    },

    async close() {
      closed = true;
      clearInterval(sweep);
      rooms.clear();
      seen.clear();
      total = 0;
    },
  };
}
