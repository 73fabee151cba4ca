import { request as httpRequest, type IncomingMessage } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVideoSdkClient } from '../../src/adapters/videosdk/index.js';
import { constantTimeEqual, createWebhookRelay, type WebhookRelay } from '../../src/server/index.js';
import { createVideoSdkSimulator } from '../../src/simulator/videosdk/index.js';
import started from '../fixtures/videosdk/participant-recording-started.json';
import stopped from '../fixtures/videosdk/participant-recording-stopped.json';
import { startRelayServer, type RelayServer } from './support/nodeServer.js';
import { openSse, type SseClient } from './support/sseClient.js';

const SECRET = 'relay-secret-0123456789abcdef';
const ROOM = 'jvsg-8rjn-j304';
const OTHER = 'zzzz-yyyy-xxxx';

let relay: WebhookRelay;
let http: RelayServer;
const clients: SseClient[] = [];

async function subscribe(roomId: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const client = await openSse(`${http.origin}/events?roomId=${encodeURIComponent(roomId)}`, { authorization: 'Bearer member', ...headers });
  clients.push(client);
  return client;
}

function postWebhook(body: unknown, token: string | null = SECRET): Promise<Response> {
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  return fetch(`${http.origin}/webhook${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

const forRoom = (webhook: typeof started, roomId: string, participantId = 'abcd') => ({
  ...webhook,
  data: { ...webhook.data, meetingId: roomId, participantId },
});

const payloads = (client: SseClient) => client.messages.map((m) => JSON.parse(m.data) as { at: number; webhook: { webhookType: string; data: { participantId: string } } });

beforeEach(async () => {
  relay = createWebhookRelay({
    secret: SECRET,
    // The app's check: a bearer "member" may join any room but "forbidden-room".
    authorize: (request, roomId) => request.headers.get('authorization') === 'Bearer member' && roomId !== 'forbidden-room',
    heartbeatMs: 50,
    maxQueuedBytes: 64 * 1024,
  });
  http = await startRelayServer(relay);
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  relay.close();
  await http.close();
});

describe('webhook relay over real HTTP on loopback', () => {
  it('relays a webhook with the right secret to the SSE subscribers of its room', async () => {
    const sub = await subscribe(ROOM);
    expect(sub.status).toBe(200);
    const response = await postWebhook(stopped);
    expect(response.status).toBe(204);
    await sub.waitFor((m) => m.length === 1);
    const [message] = payloads(sub);
    expect(message!.webhook).toEqual(stopped);
    expect(typeof message!.at).toBe('number');
    expect(sub.messages[0]!.id).toMatch(/^[a-z0-9]+-1$/);
  });

  it('rejects a wrong or missing secret with 401 and relays nothing', async () => {
    const sub = await subscribe(ROOM);
    expect((await postWebhook(started, 'relay-secret-0123456789abcdeX')).status).toBe(401);
    expect((await postWebhook(started, null)).status).toBe(401);
    expect((await postWebhook(started, '')).status).toBe(401);
    expect((await postWebhook(started)).status).toBe(204);
    await sub.waitFor((m) => m.length >= 1);
    expect(sub.messages).toHaveLength(1);
    expect(relay.stats().rejected).toBe(3);
  });

  it('keeps rooms isolated: another room’s subscriber sees nothing of this room', async () => {
    const mine = await subscribe(ROOM);
    const theirs = await subscribe(OTHER);
    await postWebhook(forRoom(started, ROOM, 'ada'));
    await postWebhook(forRoom(started, OTHER, 'bob'));
    await mine.waitFor((m) => m.length === 1);
    await theirs.waitFor((m) => m.length === 1);
    expect(payloads(mine).map((p) => p.webhook.data.participantId)).toEqual(['ada']);
    expect(payloads(theirs).map((p) => p.webhook.data.participantId)).toEqual(['bob']);
  });

  it('answers 403 to a subscriber the app does not authorize, 400 without a room', async () => {
    expect((await subscribe(ROOM, { authorization: 'Bearer stranger' })).status).toBe(403);
    expect((await subscribe('forbidden-room')).status).toBe(403);
    const noRoom = await fetch(`${http.origin}/events`, { headers: { authorization: 'Bearer member' } });
    expect(noRoom.status).toBe(400);
    expect(relay.stats().subscribers).toBe(0);
  });

  it('replays what a reconnecting client missed (Last-Event-ID), and the history to a new one', async () => {
    const first = await subscribe(ROOM);
    await postWebhook(forRoom(started, ROOM, 'ada'));
    await first.waitFor((m) => m.length === 1);
    const lastId = first.messages[0]!.id!;
    first.close();

    await postWebhook(forRoom(stopped as unknown as typeof started, ROOM, 'ada'));
    await postWebhook(forRoom(started, ROOM, 'bob'));

    const again = await subscribe(ROOM, { 'last-event-id': lastId });
    await again.waitFor((m) => m.length === 2);
    expect(payloads(again).map((p) => `${p.webhook.webhookType}:${p.webhook.data.participantId}`)).toEqual([
      'participant-recording-stopped:ada',
      'participant-recording-started:bob',
    ]);

    const fresh = await subscribe(ROOM);
    await fresh.waitFor((m) => m.length === 3);
    expect(payloads(fresh).map((p) => p.webhook.data.participantId)).toEqual(['ada', 'ada', 'bob']);
  });

  it('a stalled client does not block another: the fast one gets everything, the stalled one is dropped', async () => {
    // The stalled client opens the stream and never reads it.
    let stalled: IncomingMessage | undefined;
    await new Promise<void>((resolve) => {
      const req = httpRequest(`${http.origin}/events?roomId=${ROOM}`, { headers: { authorization: 'Bearer member' } }, (res) => {
        stalled = res;
        res.pause();
        resolve();
      });
      req.end();
    });
    const fast = await subscribe(ROOM);
    await expect.poll(() => relay.stats().subscribers, { timeout: 15_000 }).toBe(2);

    const padding = 'x'.repeat(16 * 1024);
    let sent = 0;
    while (relay.stats().dropped === 0 && sent < 2000) {
      relay.publish(ROOM, { ...forRoom(started, ROOM, `p${sent}`), padding });
      sent += 1;
      if (sent % 4 === 0) await new Promise((r) => setImmediate(r));
    }
    expect(relay.stats().dropped).toBe(1);
    relay.publish(ROOM, forRoom(started, ROOM, 'last'));
    sent += 1;
    await fast.waitFor((m) => m.length === sent, 10_000);
    expect(payloads(fast).at(-1)!.webhook.data.participantId).toBe('last');
    expect(relay.stats().subscribers).toBe(1);
    stalled?.destroy();
  }, 20_000);

  it('sends heartbeats and rejects bodies that are too large, not JSON, or name no room', async () => {
    const sub = await subscribe(ROOM);
    // A heartbeat is due every 50 ms: waited for until one came, not counted in a fixed window.
    await expect.poll(() => sub.comments.filter((c) => c === 'ping').length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    expect((await postWebhook({ webhookType: 'x', data: { meetingId: ROOM, blob: 'y'.repeat(70 * 1024) } })).status).toBe(413);
    const notJson = await fetch(`${http.origin}/webhook?token=${SECRET}`, { method: 'POST', body: '{nope' });
    expect(notJson.status).toBe(400);
    expect((await postWebhook({ webhookType: 'participant-recording-started', data: { participantId: 'a' } })).status).toBe(400);
    expect((await fetch(`${http.origin}/webhook?token=${SECRET}`)).status).toBe(405);
    expect(sub.messages).toHaveLength(0);
  });
});

describe('the secret stays on the server: the backend adds webhookUrl (simulator playing it)', () => {
  it('a browser start without webhookUrl ends up as webhooks that pass the relay’s secret check', async () => {
    const bodies: unknown[] = [];
    const posted: Array<Promise<number>> = [];
    const sim = createVideoSdkSimulator({
      roomId: ROOM,
      participants: [{ id: 'ada', name: 'Ada' }],
      delays: { starting: 5, started: 5, stopping: 5, stopped: 5 },
      webhookUrl: `${http.origin}/webhook?token=${SECRET}`,
      postWebhook: (url, webhook) => {
        const done = fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(webhook) }).then((r) => r.status);
        posted.push(done);
        return done;
      },
    });
    // The browser's client: the app's backend route as baseUrl, no webhookUrl, no secret.
    const browserClient = createVideoSdkClient({
      baseUrl: '/api/videosdk',
      getToken: () => 'app-session',
      fetch: async (input, init) => {
        bodies.push(JSON.parse(String(init?.body)));
        return sim.fetch(input, init);
      },
    });
    const sub = await subscribe(ROOM);
    await browserClient.startParticipantRecording({ roomId: ROOM, participantId: 'ada' });
    await sub.waitFor((m) => m.length === 2);
    await browserClient.stopParticipantRecording({ roomId: ROOM, participantId: 'ada' });
    await sub.waitFor((m) => m.length === 4);
    expect(bodies[0]).not.toHaveProperty('webhookUrl');
    expect(JSON.stringify(bodies)).not.toContain(SECRET);
    expect(await Promise.all(posted)).toEqual([204, 204, 204, 204]);
    expect(payloads(sub).map((p) => p.webhook.webhookType)).toEqual([
      'participant-recording-starting',
      'participant-recording-started',
      'participant-recording-stopping',
      'participant-recording-stopped',
    ]);
    sim.close();
  });

  it('the backend’s webhookUrl wins over one a browser sends', async () => {
    const urls: string[] = [];
    const sim = createVideoSdkSimulator({ delays: { starting: 1, started: 1, stopping: 1, stopped: 1 }, webhookUrl: 'https://backend.example/hook?token=server-only', postWebhook: (url) => urls.push(url) });
    const client = createVideoSdkClient({ baseUrl: '/api/videosdk', getToken: () => 't', fetch: sim.fetch });
    await client.startParticipantRecording({ roomId: sim.roomId, participantId: 'ada', webhookUrl: 'https://attacker.example/hook' });
    // Both webhooks of the start (starting, started) were posted: waited for, not timed.
    await expect.poll(() => urls.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    expect(new Set(urls)).toEqual(new Set(['https://backend.example/hook?token=server-only']));
    sim.close();
  });
});

describe('relay configuration', () => {
  it('compares secrets by value', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', 'a')).toBe(false);
  });

  it('refuses a short secret and accepts rotated ones', async () => {
    expect(() => createWebhookRelay({ secret: 'short', authorize: () => true })).toThrow(/16 characters/);
    const rotating = createWebhookRelay({ secret: ['old-secret-0123456789', 'new-secret-0123456789'], authorize: () => true });
    // A body of its own per post: a repeat of one relayed body would be a duplicate (200).
    const post = (token: string) =>
      rotating.handleWebhook(new Request(`http://relay/webhook?token=${token}`, { method: 'POST', body: JSON.stringify({ ...started, data: { ...started.data, participantId: token } }) }));
    expect((await post('old-secret-0123456789')).status).toBe(204);
    expect((await post('new-secret-0123456789')).status).toBe(204);
    expect((await post('other-secret-012345678')).status).toBe(401);
    rotating.close();
  });
});
