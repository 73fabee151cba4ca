// Issue 17, items 8 and 10: event streams that always tell a browser to come back, and that never keep
// a socket or a room for a reader that is gone or does not read.
import { once } from 'node:events';
import { createServer, get as httpGet, Agent, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createRedisRelayBackend, createWebhookRelay, toNodeHandler, type RelayBackend, type WebhookRelay } from '../../src/server/index.js';
import { startRedisServer, type RedisProcess } from './support/redisServer.js';

const SECRET = 'relay-secret-0123456789abcdef';
const cleanup: Array<() => unknown> = [];

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function relayOf(options: Partial<Parameters<typeof createWebhookRelay>[0]> = {}): WebhookRelay {
  const relay = createWebhookRelay({ secret: SECRET, authorize: () => true, heartbeatMs: 600_000, ...options });
  cleanup.push(() => relay.close());
  return relay;
}

const eventsRequest = (roomId: string, init: RequestInit & { query?: string } = {}): Request =>
  new Request(`http://relay.test/events?roomId=${encodeURIComponent(roomId)}${init.query ?? ''}`, init);

/** Reads an SSE body until `until` matches the text so far (or the end); gives the text and whether the stream ended. */
async function readSse(response: Response, until?: RegExp): Promise<{ text: string; ended: boolean; reader: ReadableStreamDefaultReader<Uint8Array> }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text, ended: true, reader };
    text += decoder.decode(value, { stream: true });
    if (until?.test(text)) return { text, ended: false, reader };
  }
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A stream told to come back: 200, an event stream, a retry of at least `minRetry`, `event: unavailable` naming why, then the end. */
async function expectComeBack(response: Response, reason: string, minRetry: number): Promise<void> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const { text, ended } = await readSse(response);
  expect(ended).toBe(true);
  const retry = Number(/^retry: (\d+)$/m.exec(text)?.[1]);
  expect(retry).toBeGreaterThanOrEqual(minRetry);
  expect(retry).toBeLessThanOrEqual(minRetry * 1.5);
  expect(text).toContain(`event: unavailable\ndata: {"reason":"${reason}"}\n\n`);
  expect(text).not.toMatch(/^id:/m); // the browser's Last-Event-ID stays what it last received
}

describe('17.8: the event stream answers passing trouble with 200 + retry, never a status that stops EventSource', () => {
  it('17.8: a closed relay answers 200 text/event-stream with a retry and the end of the stream', async () => {
    const relay = relayOf({ retryMs: 1_000 });
    await relay.close();
    await expectComeBack(await relay.handleEvents(eventsRequest('room-a')), 'closing', 1_000);
  });

  it('17.8: close() ends open streams with a retry (browsers reconnect to the next process)', async () => {
    const relay = relayOf({ retryMs: 1_500 });
    await relay.publish('room-a', { data: { meetingId: 'room-a', n: 1 } });
    const open = await readSse(await relay.handleEvents(eventsRequest('room-a')), /"n":1/);
    const closing = relay.close();
    let rest = '';
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await open.reader.read();
      if (done) break;
      rest += decoder.decode(value, { stream: true });
    }
    await closing;
    expect(rest).toMatch(/^retry: (1[5-9]\d\d|2[0-2]\d\d)$/m);
    expect(rest).toContain('event: unavailable\ndata: {"reason":"closing"}');
    expect(relay.stats().subscribers).toBe(0);
  });

  it('17.8: a backend that cannot open the room (storage down) gets 200 + retry, not 503', async () => {
    const down: RelayBackend = {
      append: () => Promise.reject(new Error('down')),
      open: () => Promise.reject(new Error('down')),
      stats: () => ({ rooms: 0, bufferedBytes: 0 }),
      close: async () => {},
    };
    const relay = relayOf({ backend: down, retryMs: 2_000 });
    await expectComeBack(await relay.handleEvents(eventsRequest('room-a')), 'unavailable', 2_000);
    expect(relay.stats().subscribers).toBe(0);
  });

  it('17.8: an authorize that throws (the session store is down) is passing too; one that says no is still 403', async () => {
    let mode: 'throw' | 'no' = 'throw';
    const relay = relayOf({
      authorize: () => {
        if (mode === 'throw') throw new Error('session store unreachable');
        return false;
      },
    });
    await expectComeBack(await relay.handleEvents(eventsRequest('room-a')), 'unavailable', 2_000);
    mode = 'no';
    expect((await relay.handleEvents(eventsRequest('room-a'))).status).toBe(403);
  });

  it('17.8: Redis stopped → a new stream gets 200 + retry; Redis back → the stream opens', async () => {
    const binary = inject('redisServerPath');
    expect(binary, 'redis-server is needed (node scripts/ensure.mjs --redis)').not.toBe('');
    const redis: RedisProcess = await startRedisServer(binary);
    cleanup.push(() => redis.stop());
    const relay = relayOf({ backend: createRedisRelayBackend({ url: redis.url, commandTimeoutMs: 10_000 }), retryMs: 1_000 });
    await relay.publish('room-r', { data: { meetingId: 'room-r', n: 1 } });
    await redis.stop();
    await expectComeBack(await relay.handleEvents(eventsRequest('room-r')), 'unavailable', 1_000);
    expect(relay.stats()).toMatchObject({ rooms: 0, subscribers: 0 }); // 17.10: the failed open keeps no room
    await redis.start();
    let opened: Awaited<ReturnType<typeof readSse>> | undefined;
    await until(async () => {
      const response = await relay.handleEvents(eventsRequest('room-r'));
      const read = await readSse(response, /: connected/);
      if (read.ended) return false;
      opened = read;
      return true;
    }, 'the stream to open once Redis is back');
    await relay.publish('room-r', { data: { meetingId: 'room-r', n: 2 } });
    const decoder = new TextDecoder();
    let text = opened!.text;
    while (!text.includes('"n":2')) text += decoder.decode((await opened!.reader.read()).value);
    await opened!.reader.cancel();
    // A real redis-server started and stopped on a loaded machine: generous limits (the deadline of a
    // command was 500 ms and failed the first publish on a busy CI run).
  }, 180_000);

  it('17.8: a new EventSource resumes through the lastEventId query parameter (it cannot send the header)', async () => {
    const relay = relayOf();
    const first = await relay.publish('room-q', { data: { meetingId: 'room-q', n: 1 } });
    await relay.publish('room-q', { data: { meetingId: 'room-q', n: 2 } });
    const resumed = await readSse(await relay.handleEvents(eventsRequest('room-q', { query: `&lastEventId=${encodeURIComponent(first)}` })), /"n":2/);
    expect(resumed.text).not.toContain('"n":1');
    expect(resumed.text).not.toContain('event: reset');
    await resumed.reader.cancel();
    // The header, when the browser sends one, is newer than the query parameter: it wins.
    const second = await relay.publish('room-q', { data: { meetingId: 'room-q', n: 3 } });
    const both = await readSse(
      await relay.handleEvents(eventsRequest('room-q', { query: `&lastEventId=${encodeURIComponent(first)}`, headers: { 'last-event-id': second } })),
      /: connected/,
    );
    await relay.publish('room-q', { data: { meetingId: 'room-q', n: 4 } });
    const decoder = new TextDecoder();
    let text = both.text;
    while (!text.includes('"n":4')) text += decoder.decode((await both.reader.read()).value);
    expect(text).not.toMatch(/"n":[23]/);
    await both.reader.cancel();
  });
});

/** A node:http server for `handler` through toNodeHandler on loopback, counting its open sockets. */
async function serve(handler: (request: Request) => Promise<Response>): Promise<{ server: Server; port: number; sockets: () => number }> {
  const server = createServer(toNodeHandler(handler));
  const open = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  });
  server.listen({ port: 0, host: '127.0.0.1', backlog: 2_048 });
  await once(server, 'listening');
  cleanup.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { server, port: (server.address() as AddressInfo).port, sockets: () => open.size };
}

/** Forces full garbage collections (the Request objects of departed connections go). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  for (let i = 0; i < 3; i += 1) gc();
}

describe('17.10: readers that never read, caps, rooms and departed browsers', () => {
  it('17.10: 200 subscribers that never read are dropped and their sockets closed (server-side sockets → 0)', async () => {
    const relay = relayOf({ maxQueuedBytes: 64 * 1024, replayLimit: 1 });
    const { port, sockets } = await serve((request) => relay.handleEvents(request));
    const readers: Socket[] = [];
    cleanup.push(() => {
      for (const socket of readers) socket.destroy();
    });
    for (let i = 0; i < 200; i += 1) {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => {});
      socket.write(`GET /events?roomId=stalled HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\n\r\n`);
      socket.pause(); // never reads: the kernel buffers fill, then the relay's queue
      readers.push(socket);
    }
    await until(() => relay.stats().subscribers === 200, '200 subscribers');
    expect(sockets()).toBe(200);
    const pad = 'x'.repeat(60_000);
    for (let n = 0; relay.stats().dropped < 200; n += 1) {
      if (n > 20_000) throw new Error(`only ${relay.stats().dropped} dropped after ${n} webhooks`);
      await relay.publish('stalled', { data: { meetingId: 'stalled', n, pad } });
      await new Promise((r) => setImmediate(r));
    }
    expect(relay.stats().subscribers).toBe(0);
    await until(() => sockets() === 0, 'the dropped subscribers’ sockets to close');
  }, 120_000);

  it('17.10: close() does not wait for a reader that stopped reading: its socket is closed', async () => {
    const relay = relayOf({ maxQueuedBytes: 64 * 1024 * 1024, replayLimit: 1 });
    const { port, sockets } = await serve((request) => relay.handleEvents(request));
    const stalled = connect(port, '127.0.0.1');
    stalled.on('error', () => {});
    cleanup.push(() => stalled.destroy());
    stalled.write(`GET /events?roomId=stalled HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    stalled.pause();
    await until(() => relay.stats().subscribers === 1, 'the subscriber');
    // 12 MiB: more than the kernel buffers of a loopback connection take; the rest waits in the relay.
    const pad = 'x'.repeat(60_000);
    for (let n = 0; n < 200; n += 1) {
      await relay.publish('stalled', { data: { meetingId: 'stalled', n, pad } });
      await new Promise((r) => setImmediate(r));
    }
    expect(relay.stats().dropped).toBe(0);
    await relay.close();
    await until(() => sockets() === 0, 'the stalled reader’s socket to close after close()');
  });

  it('17.10: connections per room and per relay are capped; the one refused is told to come back later (200 + a long retry)', async () => {
    const relay = relayOf({ maxConnectionsPerRoom: 2, maxConnections: 3, busyRetryMs: 20_000 });
    const a1 = await readSse(await relay.handleEvents(eventsRequest('room-a')), /: connected/);
    const a2 = await readSse(await relay.handleEvents(eventsRequest('room-a')), /: connected/);
    await expectComeBack(await relay.handleEvents(eventsRequest('room-a')), 'room-full', 20_000);
    const b1 = await readSse(await relay.handleEvents(eventsRequest('room-b')), /: connected/);
    await expectComeBack(await relay.handleEvents(eventsRequest('room-c')), 'relay-full', 20_000);
    expect(relay.stats()).toMatchObject({ subscribers: 3, busy: 2 });
    await a1.reader.cancel();
    expect(relay.stats().subscribers).toBe(2);
    const a3 = await readSse(await relay.handleEvents(eventsRequest('room-a')), /: connected/);
    expect(a3.ended).toBe(false);
    for (const open of [a2, b1, a3]) await open.reader.cancel();
    expect(relay.stats().subscribers).toBe(0);
  });

  it('17.10: a room only subscriptions opened is freed when its last subscriber leaves; a room with history stays', async () => {
    const relay = relayOf();
    const ids = ['__proto__', 'constructor', 'empty-room'];
    const open = await Promise.all(ids.map(async (id) => readSse(await relay.handleEvents(eventsRequest(id)), /: connected/)));
    expect(relay.stats().rooms).toBe(3);
    for (const stream of open) await stream.reader.cancel();
    expect(relay.stats()).toMatchObject({ rooms: 0, subscribers: 0 });
    await relay.publish('kept', { data: { meetingId: 'kept' } });
    const watcher = await readSse(await relay.handleEvents(eventsRequest('kept')), /: connected/);
    await watcher.reader.cancel();
    expect(relay.stats().rooms).toBe(1); // its history is replayed to the next browser
  });

  it('17.10: 2,000 departed browsers are all noticed, even after their Request objects were collected (counts → 0)', async () => {
    const relay = relayOf();
    const { port, sockets } = await serve((request) => relay.handleEvents(request));
    const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
    cleanup.push(() => agent.destroy());
    const open = (i: number): Promise<Socket> =>
      new Promise<Socket>((resolve, reject) => {
        const request = httpGet({ host: '127.0.0.1', port, path: `/events?roomId=room-${i % 40}`, agent }, (response) => {
          response.on('data', () => {});
          resolve(response.socket);
        });
        request.on('error', reject);
      });
    // 200 connecting at a time (a loaded machine's accept queue), each tried again if refused.
    const browsers: Socket[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 200 }, async () => {
        while (next < 2_000) {
          const i = next++;
          for (let attempt = 1; ; attempt += 1) {
            try {
              browsers.push(await open(i));
              break;
            } catch (error) {
              if (attempt === 5) throw error;
            }
          }
        }
      }),
    );
    await until(() => relay.stats().subscribers === 2_000, '2,000 subscribers', 120_000);
    collectGarbage();
    for (const socket of browsers) socket.destroy();
    await until(() => sockets() === 0, 'the server to see every socket close', 120_000);
    collectGarbage();
    await until(() => relay.stats().subscribers === 0, `every departure to be noticed (${relay.stats().subscribers} still counted)`, 60_000);
    expect(relay.stats().rooms).toBe(0);
  }, 240_000);
});
