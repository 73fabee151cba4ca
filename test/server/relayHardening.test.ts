// Relay hardening on a real loopback server: memory ceiling, per-room ids, `reset` for a too-old
// Last-Event-ID, nesting limit, read deadline for trickling bodies, publish after close.
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookRelay, type WebhookRelay } from '../../src/server/index.js';
import { startRelayServer, type RelayServer } from './support/nodeServer.js';
import { openSse, type SseClient } from './support/sseClient.js';

const SECRET = 'hardening-secret-0123456789';
const running: Array<{ relay: WebhookRelay; http: RelayServer; clients: SseClient[] }> = [];

afterEach(async () => {
  for (const { relay, http, clients } of running.splice(0)) {
    for (const client of clients) client.close();
    await relay.close();
    await http.close();
  }
});

async function serve(options: Partial<Parameters<typeof createWebhookRelay>[0]> = {}) {
  const relay = createWebhookRelay({ secret: SECRET, authorize: () => true, heartbeatMs: 60_000, ...options });
  const http = await startRelayServer(relay);
  const clients: SseClient[] = [];
  running.push({ relay, http, clients });
  return {
    relay,
    http,
    async subscribe(roomId: string, lastEventId?: string): Promise<SseClient> {
      const client = await openSse(`${http.origin}/events?roomId=${encodeURIComponent(roomId)}`, lastEventId === undefined ? {} : { 'last-event-id': lastEventId });
      clients.push(client);
      return client;
    },
    post(body: string): Promise<Response> {
      return fetch(`${http.origin}/webhook?token=${SECRET}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    },
  };
}

const webhook = (roomId: string, n: number, padding = '') => ({ webhookType: 'participant-recording-started', data: { meetingId: roomId, participantId: `p${n}`, padding } });
const participants = (client: SseClient) => client.messages.filter((m) => m.event === undefined).map((m) => JSON.parse(m.data).webhook.data.participantId as string);

describe('relay hardening', () => {
  it('keeps all rooms together under the memory ceiling, dropping idle rooms first and keeping a watched room’s history', async () => {
    const ceiling = 256 * 1024;
    const app = await serve({ maxBufferedBytes: ceiling, replayLimit: 50 });
    const watcher = await app.subscribe('watched');
    const first = await app.relay.publish('watched', webhook('watched', 0, 'w'.repeat(2000)));
    for (let i = 1; i <= 5; i += 1) await app.relay.publish('watched', webhook('watched', i, 'w'.repeat(2000)));
    // 400 idle rooms × 4 KiB events: far past the ceiling.
    for (let room = 0; room < 400; room += 1) await app.relay.publish(`idle-${room}`, webhook(`idle-${room}`, room, 'x'.repeat(4000)));
    const stats = app.relay.stats();
    expect(stats.bufferedBytes).toBeLessThanOrEqual(ceiling);
    expect(stats.rooms).toBeLessThan(100);
    await watcher.waitFor((m) => m.length === 6);
    // The watched room kept its log: a reconnect after its first event resumes without a reset.
    const again = await app.subscribe('watched', first);
    await again.waitFor((m) => m.length === 5);
    expect(again.messages.some((m) => m.event === 'reset')).toBe(false);
    expect(participants(again)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    // An evicted idle room's id is answered with a reset.
    const evicted = await app.subscribe('idle-0', `${'x'.repeat(8)}-1`);
    await evicted.waitFor((m) => m.length >= 1);
    expect(evicted.messages[0]!.event).toBe('reset');
  });

  it('numbers events per room: another room’s traffic leaves no gap in my ids', async () => {
    const app = await serve();
    const ids = [
      await app.relay.publish('a', webhook('a', 1)),
      await app.relay.publish('b', webhook('b', 1)),
      await app.relay.publish('b', webhook('b', 2)),
      await app.relay.publish('a', webhook('a', 2)),
    ];
    const seq = (id: string) => Number(id.slice(id.lastIndexOf('-') + 1));
    expect(ids.map(seq)).toEqual([1, 1, 2, 2]);
    expect(ids[0]!.split('-')[0]).not.toBe(ids[1]!.split('-')[0]);
  });

  it('answers a Last-Event-ID older than the buffer with an explicit reset, then the history it has', async () => {
    const app = await serve({ replayLimit: 3 });
    const ids: string[] = [];
    for (let i = 1; i <= 6; i += 1) ids.push(await app.relay.publish('room', webhook('room', i)));
    const tooOld = await app.subscribe('room', ids[0]);
    await tooOld.waitFor((m) => m.length === 4);
    expect(tooOld.messages[0]).toMatchObject({ event: 'reset', id: ids[5] });
    expect(participants(tooOld)).toEqual(['p4', 'p5', 'p6']);
    // Just inside the buffer: exactly what was missed, no reset.
    const recent = await app.subscribe('room', ids[2]);
    await recent.waitFor((m) => m.length === 3);
    expect(recent.messages.map((m) => m.event)).toEqual([undefined, undefined, undefined]);
    expect(participants(recent)).toEqual(['p4', 'p5', 'p6']);
    // Garbage or another life's id: reset.
    const garbage = await app.subscribe('room', 'constructor');
    await garbage.waitFor((m) => m.length >= 1);
    expect(garbage.messages[0]!.event).toBe('reset');
    expect(app.relay.stats().resets).toBe(2);
  });

  it('refuses bodies nested deeper than the limit with 400 and relays nothing', async () => {
    const app = await serve({ maxJsonDepth: 16 });
    const sub = await app.subscribe('deep');
    const nest = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const deep = `{"data":{"meetingId":"deep","x":${nest(5000)}}}`;
    expect((await app.post(deep)).status).toBe(400);
    // Brackets inside strings do not count.
    const fine = JSON.stringify({ data: { meetingId: 'deep', note: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[', x: JSON.parse(nest(10)) } });
    expect((await app.post(fine)).status).toBe(204);
    await sub.waitFor((m) => m.length === 1);
    expect(app.relay.stats().received).toBe(1);
  });

  it('cuts a trickling body off after the read deadline (408)', async () => {
    const app = await serve({ bodyTimeoutMs: 300 });
    const started = Date.now();
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${app.http.origin}/webhook?token=${SECRET}`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '1000' } }, (res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
      });
      req.on('error', reject);
      req.write('{"data":{"meetingId":"slow"');
      // …and never the rest: one more byte now and then, slower than the deadline allows.
      const drip = setInterval(() => req.write(' '), 100);
      req.on('close', () => clearInterval(drip));
      setTimeout(() => clearInterval(drip), 5_000);
    });
    expect(status).toBe(408);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(app.relay.stats().received).toBe(0);
  });

  it('refuses publish after close', async () => {
    const relay = createWebhookRelay({ secret: SECRET, authorize: () => true });
    await relay.publish('r', webhook('r', 1));
    await relay.close();
    await expect(relay.publish('r', webhook('r', 2))).rejects.toThrow(/closed/);
    const response = await relay.handleWebhook(new Request(`http://relay/webhook?token=${SECRET}`, { method: 'POST', body: JSON.stringify(webhook('r', 3)) }));
    expect(response.status).toBe(503);
  });
});
