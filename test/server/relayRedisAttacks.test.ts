// The relay attacked (issue 17), on Redis: replays across relay instances, a room with a large
// history, and a relay started while Redis is down. A real redis-server (the unit project's global
// one, or one this file starts and stops itself).
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRedisRelayBackend, createWebhookRelay, type WebhookRelay, type WebhookRelayOptions } from '../../src/server/index.js';
import rtkRecording from '../fixtures/realtimekit-webhooks/recording-status-update.json';
import stopped from '../fixtures/videosdk/participant-recording-stopped.json';
import { startRelayServer } from './support/nodeServer.js';
import { freePort, startRedisServer } from './support/redisServer.js';
import { openSse, type SseClient } from './support/sseClient.js';

const redisUrl = inject('redisUrl');
const redisServerPath = inject('redisServerPath');
const NO_REDIS = 'No redis-server binary: run `node scripts/ensure.mjs --redis` (installs Debian\u2019s redis-server as root) or set REDIS_SERVER_PATH.';
const SECRET = 'redis-attack-secret-0123456789';

const vendor = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = vendor.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const signBody = (body: string) => sign('sha256', Buffer.from(body), vendor.privateKey).toString('base64');

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
}, 60_000);
beforeAll(() => {
  if (!redisUrl || !redisServerPath) throw new Error(NO_REDIS);
});

const uniqueRoom = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}`;

async function relayOn(url: string, options: Partial<WebhookRelayOptions> = {}, commandTimeoutMs = 2_000) {
  const relay: WebhookRelay = createWebhookRelay({
    authorize: () => true,
    heartbeatMs: 60_000,
    backend: createRedisRelayBackend({ url, commandTimeoutMs }),
    ...options,
  } as WebhookRelayOptions);
  const http = await startRelayServer(relay, { port: await freePort() });
  cleanup.push(() => http.close(), () => relay.close());
  return {
    relay,
    origin: http.origin,
    async subscribe(roomId: string): Promise<SseClient> {
      const client = await openSse(`${http.origin}/events?roomId=${encodeURIComponent(roomId)}`);
      cleanup.push(() => client.close());
      return client;
    },
    post(body: string, headers: Record<string, string> = {}, query = ''): Promise<Response> {
      return fetch(`${http.origin}/webhook${query}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(20_000) });
    },
  };
}

const webhooksOf = (client: SseClient) => client.messages.filter((m) => m.event === undefined).map((m) => JSON.parse(m.data).webhook as Record<string, unknown>);

describe('17.5: replays across relay processes on one Redis', () => {
  it('17.5: one signed webhook POSTed to two relay instances (in turn, then at once) is stored and delivered once', async () => {
    const a = await relayOn(redisUrl, { signature: { provider: 'videosdk', publicKey: pem } });
    const b = await relayOn(redisUrl, { signature: { provider: 'videosdk', publicKey: pem } });
    const room = uniqueRoom('dedupe');
    const onA = await a.subscribe(room);
    const onB = await b.subscribe(room);
    const body = JSON.stringify({ ...stopped, data: { ...stopped.data, meetingId: room } });
    const headers = { 'videosdk-signature': signBody(body) };
    const statuses = [(await a.post(body, headers)).status, (await b.post(body, headers)).status, (await a.post(body, headers)).status];
    expect(statuses).toEqual([204, 200, 200]);
    // Another delivery, posted to both at the same moment: exactly one of them stores it.
    const second = JSON.stringify({ ...stopped, data: { ...stopped.data, meetingId: room, participantId: 'second' } });
    const both = await Promise.all([a.post(second, { 'videosdk-signature': signBody(second) }), b.post(second, { 'videosdk-signature': signBody(second) })]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 204]);
    await onA.waitFor((m) => m.length === 2, 30_000);
    await onB.waitFor((m) => m.length === 2, 30_000);
    await new Promise((r) => setTimeout(r, 300));
    for (const sub of [onA, onB]) expect(webhooksOf(sub).map((w) => (w.data as { participantId: string }).participantId)).toEqual([stopped.data.participantId, 'second']);
    expect(a.relay.stats().duplicates + b.relay.stats().duplicates).toBe(3);
  }, 60_000);
});

describe('17.9: a room with a large history on Redis', () => {
  it('17.9: 120 RealtimeKit webhooks with ~2.5 KB presigned URLs: a new browser gets the newest (not 0) and is not dropped', async () => {
    const app = await relayOn(redisUrl, { secret: SECRET });
    const room = uniqueRoom('history');
    const url = (n: number) => `https://bucket.r2.cloudflarestorage.com/${room}/rec-${n}.mp4?X-Amz-Signature=${'ab'.repeat(1_150)}`;
    for (let n = 0; n < 120; n += 1) {
      await app.relay.publish(room, { ...rtkRecording, recording: { ...rtkRecording.recording, id: `rec-${n}`, downloadUrl: url(n) }, meeting: { ...rtkRecording.meeting, id: room } });
    }
    const fresh = await app.subscribe(room);
    expect(fresh.status).toBe(200);
    await fresh.waitFor((m) => m.some((x) => x.data.includes('"rec-119"')), 30_000);
    const ids = webhooksOf(fresh).map((w) => (w.recording as { id: string }).id);
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.at(-1)).toBe('rec-119');
    await app.relay.publish(room, { ...rtkRecording, recording: { ...rtkRecording.recording, id: 'rec-120' }, meeting: { ...rtkRecording.meeting, id: room } });
    await fresh.waitFor((m) => m.some((x) => x.data.includes('"rec-120"')), 30_000);
    expect(app.relay.stats().dropped).toBe(0);
  }, 60_000);
});

describe('17.11: a Redis relay started while Redis is down', () => {
  it('17.11: close() returns although Redis never came up (the SIGTERM → relay.close() pattern)', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const relay = createWebhookRelay({ secret: SECRET, authorize: () => true, backend: createRedisRelayBackend({ url, commandTimeoutMs: 500 }) });
    await expect(relay.publish('never', { data: { meetingId: 'never' } })).rejects.toThrow(/in time/);
    const closing = relay.close().then(() => 'closed');
    expect(await Promise.race([closing, new Promise((r) => setTimeout(() => r('still closing'), 15_000))])).toBe('closed');
  }, 30_000);

  it('17.11: answers webhooks 503 and subscribers at once instead of hanging; when Redis is up the retry is appended, and the answered-503 webhook never is', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    // Dedupe off: a webhook appended late would show as a second copy.
    const app = await relayOn(url, { secret: SECRET, dedupeWindowMs: 0 }, 1_000);
    const room = uniqueRoom('down');
    const body = JSON.stringify({ ...stopped, data: { ...stopped.data, meetingId: room } });
    const first = await app.post(body, {}, `?token=${SECRET}`);
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).not.toBeNull();
    // A browser is answered too (a transient answer: 503, or 200 with a retry and an end) — not left hanging.
    const events = await fetch(`${app.origin}/events?roomId=${room}`, { signal: AbortSignal.timeout(20_000) });
    const eventsText = await events.text();
    expect(events.status === 503 || (events.status === 200 && /retry:/.test(eventsText))).toBe(true);
    expect(eventsText).not.toContain('participant-recording-stopped');

    const redis = await startRedisServer(redisServerPath, port);
    cleanup.push(() => redis.stop());
    // The provider retries until it is accepted.
    const deadline = Date.now() + 60_000;
    let status = 0;
    while (status !== 204 && Date.now() < deadline) {
      status = (await app.post(body, {}, `?token=${SECRET}`)).status;
      if (status !== 204) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(204);
    const sub = await app.subscribe(room);
    await sub.waitFor((m) => m.length >= 1, 30_000);
    // Past the first attempt's deadline several times over: still one copy in the room's stream.
    await new Promise((r) => setTimeout(r, 2_500));
    const { createClient } = await import('redis');
    const admin = createClient({ url });
    admin.on('error', () => {});
    await admin.connect();
    cleanup.push(() => admin.destroy());
    expect(await admin.sendCommand(['XLEN', `onair:relay:s:${room}`])).toBe(1);
    expect(sub.messages.filter((m) => m.event === undefined)).toHaveLength(1);
  }, 120_000);
});
