// The relay across processes on Redis: real relay processes on loopback ports, a real redis-server
// (started by test/setup/redisGlobalSetup.ts; the fault test starts its own to stop and restart it).
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRedisRelayBackend, createWebhookRelay } from '../../src/server/index.js';
import { startRedisServer, type RedisProcess } from './support/redisServer.js';
import { buildRelayWorker, startRelayWorkers, type RelayWorker } from './support/relayWorkers.js';
import { openSse, type SseClient } from './support/sseClient.js';

const SECRET = 'redis-relay-secret-0123456789';
const redisUrl = inject('redisUrl');
const redisServerPath = inject('redisServerPath');
const NO_REDIS = 'No redis-server binary: run `node scripts/ensure.mjs --redis` (installs Debian\u2019s redis-server as root) or set REDIS_SERVER_PATH.';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

beforeAll(async () => {
  if (!redisUrl) throw new Error(NO_REDIS);
  await buildRelayWorker();
}, 120_000);

const uniqueRoom = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}`;
const webhook = (roomId: string, n: number) => ({ webhookType: 'participant-recording-started', data: { meetingId: roomId, participantId: `p${n}` } });
const numbers = (client: SseClient) => client.messages.filter((m) => m.event === undefined).map((m) => Number(JSON.parse(m.data).webhook.data.participantId.slice(1)));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** The Redis client the relay processes use: node-redis from the URL, or an ioredis client of the app's. */
type ClientKind = 'node-redis' | 'ioredis';

async function workers(count: number, url = redisUrl, client: ClientKind = 'node-redis'): Promise<RelayWorker[]> {
  const started = await startRelayWorkers(count, { ONAIR_REDIS_URL: url, ONAIR_RELAY_SECRET: SECRET, ONAIR_REDIS_CLIENT: client });
  cleanup.push(() => Promise.all(started.map((w) => w.close())));
  return started;
}

async function subscribe(origin: string, roomId: string, lastEventId?: string): Promise<SseClient> {
  const client = await openSse(`${origin}/events?roomId=${encodeURIComponent(roomId)}`, lastEventId ? { 'last-event-id': lastEventId } : {});
  cleanup.push(() => client.close());
  return client;
}

/**
 * Posts like a provider: retries on 5xx or a refused connection (on the next origin) until 204 — or
 * 200, a repeat of a delivery that was stored although its answer was lost (Redis ran the append
 * after the relay had given up): the provider stops there, and it is not stored twice.
 */
async function deliver(origins: () => readonly string[], start: number, roomId: string, n: number): Promise<number> {
  const deadline = Date.now() + 90_000;
  let attempts = 0;
  for (let i = start; ; i += 1) {
    const list = origins();
    const origin = list[i % list.length]!;
    attempts += 1;
    try {
      const response = await fetch(`${origin}/webhook?token=${SECRET}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(webhook(roomId, n)) });
      if (response.status === 204 || response.status === 200) return attempts;
      expect(response.status).toBe(503);
    } catch {
      // the process is gone: the next one
    }
    if (Date.now() > deadline) throw new Error(`webhook ${n} not accepted within 90 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each<ClientKind>(['node-redis', 'ioredis'])('relay on Redis (%s client), several processes', (client) => {
  it('delivers a webhook posted to any process to the subscribers of every process, in one order, rooms isolated', async () => {
    const [a, b, c] = await workers(3, redisUrl, client);
    const room = uniqueRoom('shared');
    const other = uniqueRoom('other');
    const onA = await subscribe(a!.origin, room);
    const onB = await subscribe(b!.origin, room);
    const otherOnC = await subscribe(c!.origin, other);
    const origins = [a!.origin, b!.origin, c!.origin];
    for (let n = 0; n < 9; n += 1) await deliver(() => origins, n, room, n);
    for (let n = 100; n < 103; n += 1) await deliver(() => origins, n, other, n);
    await onA.waitFor((m) => m.length === 9, 30_000);
    await onB.waitFor((m) => m.length === 9, 30_000);
    await otherOnC.waitFor((m) => m.length === 3, 30_000);
    expect(numbers(onA)).toEqual(range(0, 9));
    expect(onB.messages.map((m) => m.id)).toEqual(onA.messages.map((m) => m.id));
    expect(numbers(otherOnC)).toEqual([100, 101, 102]);
    expect(onA.messages.every((m) => /^\d+-\d+$/.test(m.id ?? ''))).toBe(true);
  }, 120_000);

  it('a subscriber that moves to another process resumes with Last-Event-ID: what it missed, in order, once', async () => {
    const [a, b, c] = await workers(3, redisUrl, client);
    const room = uniqueRoom('moving');
    const first = await subscribe(a!.origin, room);
    const origins = [a!.origin, b!.origin, c!.origin];
    for (let n = 0; n < 4; n += 1) await deliver(() => origins, n, room, n);
    await first.waitFor((m) => m.length === 4, 30_000);
    const lastId = first.messages.at(-1)!.id!;
    first.close();
    for (let n = 4; n < 10; n += 1) await deliver(() => origins, n, room, n);
    const moved = await subscribe(c!.origin, room, lastId);
    await moved.waitFor((m) => m.length === 6, 30_000);
    await deliver(() => origins, 0, room, 10);
    await moved.waitFor((m) => m.length === 7, 30_000);
    expect(numbers(moved)).toEqual(range(4, 11));
    expect(moved.messages.some((m) => m.event === 'reset')).toBe(false);
    // An id older than the stream keeps (or not from this stream) gets the explicit reset.
    const stale = await subscribe(b!.origin, room, '1-0');
    await stale.waitFor((m) => m.length >= 1, 30_000);
    expect(stale.messages[0]!.event).toBe('reset');
  }, 120_000);

  it('keeps subscribers connected while Redis is stopped and restarted during a burst: 503 meanwhile, no accepted webhook lost, none twice', async () => {
    if (!redisServerPath) throw new Error(NO_REDIS);
    const own: RedisProcess = await startRedisServer(redisServerPath);
    cleanup.push(() => own.stop());
    const [a, b, c] = await workers(3, own.url, client);
    const room = uniqueRoom('fault');
    const onB = await subscribe(b!.origin, room);
    const onC = await subscribe(c!.origin, room);
    const origins = [a!.origin, b!.origin, c!.origin];
    let refused = 0;
    const total = 60;
    // The burst holds its 16th webhook until Redis is down, so some of it meets the outage however
    // fast or slow the machine (a free-running burst could end before the stop on a fast one, or
    // the stop come after it on a slow one).
    let redisDown: () => void = () => {};
    const down = new Promise<void>((resolve) => (redisDown = resolve));
    const burst = (async () => {
      for (let n = 0; n < total; n += 1) {
        if (n === 15) await down;
        refused += (await deliver(() => origins, n, room, n)) - 1;
      }
    })();
    await onB.waitFor((m) => m.length >= 15, 60_000);
    await own.stop();
    redisDown();
    await new Promise((r) => setTimeout(r, 1_500));
    await own.start();
    await burst;
    await onB.waitFor((m) => m.length >= total, 60_000);
    await onC.waitFor((m) => m.length >= total, 60_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(refused).toBeGreaterThan(0); // webhooks were answered 503 while Redis was away
    expect(numbers(onB)).toEqual(range(0, total));
    expect(numbers(onC)).toEqual(range(0, total));
    // The same connections throughout: nothing ended them.
    const endedEarly = await Promise.race([onB.ended.then(() => true), new Promise((r) => setTimeout(() => r(false), 10))]);
    expect(endedEarly).toBe(false);
  }, 180_000);
});

describe('relay on Redis with an ioredis client of the app', () => {
  it('refuses a client that would queue or resend commands (an event appended twice), with a message that says how to make one', async () => {
    const { Redis } = await import('ioredis');
    const lazy = { lazyConnect: true } as const;
    const plain = new Redis(redisUrl, lazy);
    const resending = new Redis(redisUrl, { ...lazy, enableOfflineQueue: false });
    cleanup.push(() => plain.disconnect(), () => resending.disconnect());
    for (const client of [plain, resending]) {
      expect(() => createRedisRelayBackend({ client })).toThrow(/enableOfflineQueue: false, autoResendUnfulfilledCommands: false/);
    }
    const fit = plain.duplicate({ enableOfflineQueue: false, autoResendUnfulfilledCommands: false });
    fit.on('error', () => {});
    const relay = createWebhookRelay({ secret: SECRET, authorize: () => true, backend: createRedisRelayBackend({ client: fit }) });
    cleanup.push(() => fit.disconnect(), () => relay.close());
    const room = uniqueRoom('ioredis');
    await relay.publish(room, webhook(room, 1));
    // The backend connected the lazy client itself and appended to the room's stream.
    expect(fit.status).toBe('ready');
    expect(await fit.call('XLEN', `onair:relay:s:${room}`)).toBe(1);
  }, 60_000);
});

describe('relay on Redis, several processes', () => {
  it('when one process is killed during a burst, its subscribers reconnect elsewhere and catch up', async () => {
    const [a, b, c] = await workers(3);
    const room = uniqueRoom('crash');
    let alive = [a!.origin, b!.origin, c!.origin];
    // Three subscribers on A; each follows the stream and reconnects to B or C with Last-Event-ID.
    const seen: number[][] = [[], [], []];
    let onA = 0;
    const followers = seen.map(async (got, index) => {
      let origin = a!.origin;
      let lastId: string | undefined;
      for (;;) {
        const client = await subscribe(origin, room, lastId).catch(() => undefined);
        if (client && client.status === 200) {
          if (origin === a!.origin) onA += 1;
          let taken = 0;
          const take = () => {
            for (const m of client.messages.slice(taken)) {
              if (m.event === undefined) got.push(Number(JSON.parse(m.data).webhook.data.participantId.slice(1)));
              lastId = m.id;
            }
            taken = client.messages.length;
          };
          const finished = client.waitFor((m) => (take(), got.length >= 40 || m.length < 0), 120_000).then(() => true);
          const dropped = client.ended.then(() => (take(), false));
          if (await Promise.race([finished, dropped])) return;
        }
        origin = alive[(index + 1) % alive.length]!;
        await new Promise((r) => setTimeout(r, 100));
      }
    });
    // All three follow A before the burst (counted, not timed), so the kill really moves them.
    await expect.poll(() => onA, { timeout: 60_000 }).toBe(3);
    for (let n = 0; n < 40; n += 1) {
      if (n === 15) {
        await a!.kill();
        alive = [b!.origin, c!.origin];
      }
      await deliver(() => alive, n, room, n);
    }
    await Promise.all(followers);
    for (const got of seen) expect(got).toEqual(range(0, 40));
  }, 180_000);

  it('relay.close() releases the backend’s Redis connections', async () => {
    const { createClient } = await import('redis');
    const admin = createClient({ url: redisUrl });
    admin.on('error', () => {});
    await admin.connect();
    cleanup.push(() => admin.destroy());
    const clients = async () => String(await admin.sendCommand(['CLIENT', 'LIST'])).trim().split('\n').length;
    const before = await clients();
    const relay = createWebhookRelay({ secret: SECRET, authorize: () => true, backend: createRedisRelayBackend({ url: redisUrl }) });
    const room = uniqueRoom('close');
    await relay.publish(room, webhook(room, 1));
    const during = await clients();
    expect(during).toBe(before + 2);
    await relay.close();
    const deadline = Date.now() + 30_000;
    while ((await clients()) !== before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await clients()).toBe(before);
    await expect(relay.publish(room, webhook(room, 2))).rejects.toThrow(/closed/);
  }, 60_000);
});

