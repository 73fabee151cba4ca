// One relay process on a loopback port, on the Redis backend (ONAIR_REDIS_URL) or in memory
// (multi-process tests and bench).
// Bundled by ./relayWorkers.ts and forked; talks to its parent over IPC.
import { createMemoryRelayBackend, createRedisRelayBackend, createWebhookRelay } from '../../../src/server/index.js';
import { startRelayServer } from './nodeServer.js';

const env = process.env;

/** An ioredis client as an app would make one: no offline queue, no resending after a reconnect, its own error listener, connected by the backend. */
async function ioredisClient(url: string) {
  const { Redis } = await import('ioredis');
  const client = new Redis(url, { enableOfflineQueue: false, autoResendUnfulfilledCommands: false, lazyConnect: true, retryStrategy: (times) => Math.min(50 * 2 ** times, 1_000) });
  client.on('error', () => {});
  return client;
}

const relay = createWebhookRelay({
  secret: env.ONAIR_RELAY_SECRET!,
  authorize: () => true,
  heartbeatMs: Number(env.ONAIR_HEARTBEAT_MS ?? 1_000),
  maxQueuedBytes: Number(env.ONAIR_MAX_QUEUED ?? 1024 * 1024),
  backend: env.ONAIR_REDIS_URL
    ? createRedisRelayBackend({
        ...(env.ONAIR_REDIS_CLIENT === 'ioredis' ? { client: await ioredisClient(env.ONAIR_REDIS_URL) } : { url: env.ONAIR_REDIS_URL }),
        replayLimit: Number(env.ONAIR_REPLAY_LIMIT ?? 1_000),
        commandTimeoutMs: 2_000,
      })
    : createMemoryRelayBackend({ replayLimit: Number(env.ONAIR_REPLAY_LIMIT ?? 1_000) }),
});
const server = await startRelayServer(relay);
process.send!({ type: 'ready', origin: server.origin });
process.on('message', (message: unknown) => {
  if (message === 'stats') {
    (globalThis as { gc?: () => void }).gc?.();
    process.send!({ type: 'stats', stats: relay.stats(), memory: process.memoryUsage() });
  } else if (message === 'close') {
    void relay.close().then(() => server.close()).then(() => process.exit(0));
  }
});
