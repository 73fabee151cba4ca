// The relay attacked (issue 17): stream keys, replays, wrong pinned keys, a key URL that is down, a
// room whose history is larger than a connection may queue. Real loopback servers, real RSA keys.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookRelay, type WebhookRelay, type WebhookRelayOptions } from '../../src/server/index.js';
import rtkLive from '../fixtures/realtimekit-webhooks/livestreaming-status-update.json';
import rtkRecording from '../fixtures/realtimekit-webhooks/recording-status-update.json';
import started from '../fixtures/videosdk/participant-recording-started.json';
import stopped from '../fixtures/videosdk/participant-recording-stopped.json';
import { startRelayServer, type RelayServer } from './support/nodeServer.js';
import { freePort } from './support/redisServer.js';
import { openSse, type SseClient } from './support/sseClient.js';

const SECRET = 'attack-secret-0123456789abcdef';

function keyPair(type: 'rsa' | 'ec' | 'ed25519' = 'rsa'): { publicKey: KeyObject; privateKey: KeyObject; pem: string } {
  const pair =
    type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 })
    : type === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
    : generateKeyPairSync('ed25519');
  return { ...pair, pem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}
const vendor = keyPair();
const signBody = (body: string, key: KeyObject = vendor.privateKey) => sign('sha256', Buffer.from(body), key).toString('base64');

const running: Array<{ relay: WebhookRelay; http: RelayServer; clients: SseClient[] }> = [];
afterEach(async () => {
  for (const { relay, http, clients } of running.splice(0)) {
    for (const client of clients) client.close();
    await relay.close();
    await http.close();
  }
});

async function serve(options: Partial<WebhookRelayOptions>) {
  const relay = createWebhookRelay({ authorize: () => true, heartbeatMs: 60_000, ...options } as WebhookRelayOptions);
  const http = await startRelayServer(relay, { port: await freePort() });
  const clients: SseClient[] = [];
  running.push({ relay, http, clients });
  return {
    relay,
    async subscribe(roomId: string, lastEventId?: string): Promise<SseClient> {
      const client = await openSse(`${http.origin}/events?roomId=${encodeURIComponent(roomId)}`, lastEventId ? { 'last-event-id': lastEventId } : {});
      clients.push(client);
      return client;
    },
    post(body: string, headers: Record<string, string> = {}, query = ''): Promise<Response> {
      return fetch(`${http.origin}/webhook${query}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    },
  };
}

const webhooksOf = (client: SseClient) => client.messages.filter((m) => m.event === undefined).map((m) => JSON.parse(m.data).webhook as Record<string, unknown>);
const settle = () => new Promise((r) => setTimeout(r, 150));

describe('17.4: stream keys never reach a browser', () => {
  const liveRoom = rtkLive.meeting.id;
  const live = JSON.stringify(rtkLive);

  it.each([
    ['secret only (no signature option)', { secret: SECRET }, {}, `?token=${SECRET}`],
    ['RealtimeKit signature', { signature: { provider: 'realtimekit', publicKey: vendor.pem } }, { 'rtk-signature': signBody(live) }, ''],
    ['VideoSDK signature (a RealtimeKit body through the wrong relay)', { signature: { provider: 'videosdk', publicKey: vendor.pem } }, { 'videosdk-signature': signBody(live) }, ''],
  ] as const)('17.4: a RealtimeKit livestreaming.statusUpdate loses streamKey and ingestServer — %s', async (_name, options, headers, query) => {
    const app = await serve(options as Partial<WebhookRelayOptions>);
    const sub = await app.subscribe(liveRoom);
    expect((await app.post(live, headers, query)).status).toBe(204);
    await sub.waitFor((m) => m.length === 1);
    const [relayed] = webhooksOf(sub);
    expect(relayed).not.toHaveProperty('streamKey');
    expect(relayed).not.toHaveProperty('ingestServer');
    expect(relayed).toMatchObject({ event: 'livestreaming.statusUpdate', status: 'LIVE', playbackUrl: rtkLive.playbackUrl, meeting: { id: liveRoom } });
    const raw = sub.messages.map((m) => m.data).join('\n');
    expect(raw).not.toContain(rtkLive.streamKey);
    expect(raw).not.toContain(rtkLive.ingestServer);
  });

  it('17.4: VideoSDK or custom payloads lose stream keys and RTMP/SRT URLs at any depth (secret-only relay, and publish())', async () => {
    const app = await serve({ secret: SECRET });
    const room = started.data.meetingId;
    const sub = await app.subscribe(room);
    // VideoSDK's livestream start takes outputs [{ url, streamKey }]; a payload echoing them must not leak.
    const echoed = {
      webhookType: 'livestream-started',
      data: {
        meetingId: room,
        sessionId: started.data.sessionId,
        outputs: [{ url: 'rtmp://a.rtmp.youtube.com/live2/abcd-efgh-ijkl', streamKey: 'abcd-efgh-ijkl' }],
        config: { stream_key: 'sk_live_123', rtmpUrl: 'rtmps://live-api-s.facebook.com:443/rtmp/FB-123', srt: ['srt://ingest.example:9000?streamid=secret-srt'] },
        downstreamUrl: 'https://cdn.videosdk.live/meetings-hls/b8a770ef/index.m3u8',
      },
    };
    expect((await app.post(JSON.stringify(echoed), {}, `?token=${SECRET}`)).status).toBe(204);
    await app.relay.publish(room, { ...rtkLive, meeting: { id: room } });
    await sub.waitFor((m) => m.length === 2);
    const raw = sub.messages.map((m) => m.data).join('\n');
    for (const secret of ['abcd-efgh-ijkl', 'sk_live_123', 'FB-123', 'secret-srt', 'stream-key', 'rtmps://example.com/live']) expect(raw).not.toContain(secret);
    const [first] = webhooksOf(sub);
    expect(first).toEqual({
      webhookType: 'livestream-started',
      data: { meetingId: room, sessionId: started.data.sessionId, outputs: [{}], config: { srt: [] }, downstreamUrl: echoed.data.downstreamUrl },
    });
  });
});

describe('17.5: replays are not delivered again', () => {
  it('17.5: one signed VideoSDK webhook POSTed three times reaches the browser once; the repeats get 200', async () => {
    const app = await serve({ signature: { provider: 'videosdk', publicKey: vendor.pem } });
    const sub = await app.subscribe(stopped.data.meetingId);
    const raw = JSON.stringify(stopped);
    const headers = { 'videosdk-signature': signBody(raw) };
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await app.post(raw, headers)).status);
    expect(statuses).toEqual([204, 200, 200]);
    // A different webhook still goes through.
    const next = JSON.stringify({ ...started, data: { ...started.data, participantId: 'other' } });
    expect((await app.post(next, { 'videosdk-signature': signBody(next) })).status).toBe(204);
    await sub.waitFor((m) => m.length === 2);
    await settle();
    expect(webhooksOf(sub).map((w) => w.webhookType)).toEqual(['participant-recording-stopped', 'participant-recording-started']);
    expect(app.relay.stats()).toMatchObject({ received: 2, duplicates: 2 });
    // A browser joining later gets it once from the history too.
    const late = await app.subscribe(stopped.data.meetingId);
    await late.waitFor((m) => m.length === 2);
    await settle();
    expect(late.messages).toHaveLength(2);
  });

  it('17.5: two RealtimeKit POSTs of one delivery (same rtk-webhook-id and rtk-uuid) are stored once; another delivery to the same webhook is not mistaken for it', async () => {
    const app = await serve({ signature: { provider: 'realtimekit', publicKey: vendor.pem } });
    const room = rtkRecording.meeting.id;
    const body = JSON.stringify(rtkRecording);
    const delivery = { 'rtk-signature': signBody(body), 'rtk-webhook-id': 'wh-0d1f069d', 'rtk-uuid': 'a3f0c7a2-1d4e-4a43-9b8e-5b7b2f1d9c01' };
    expect((await app.post(body, delivery)).status).toBe(204);
    expect((await app.post(body, delivery)).status).toBe(200);
    // The same delivery id with another signed body is a repeat of that delivery too.
    const uploading = JSON.stringify({ ...rtkRecording, recording: { ...rtkRecording.recording, status: 'UPLOADING' } });
    expect((await app.post(uploading, { ...delivery, 'rtk-signature': signBody(uploading) })).status).toBe(200);
    // Another delivery from the same registered webhook (rtk-webhook-id names the webhook, rtk-uuid the delivery).
    expect((await app.post(uploading, { ...delivery, 'rtk-signature': signBody(uploading), 'rtk-uuid': 'b7a1e2d3-0000-4000-8000-000000000002' })).status).toBe(204);
    const sub = await app.subscribe(room);
    await sub.waitFor((m) => m.length === 2);
    await settle();
    expect(webhooksOf(sub).map((w) => (w.recording as { status: string }).status)).toEqual(['UPLOADED', 'UPLOADING']);
  });

  it('17.5: a VideoSDK participant recording restarted in the same session (byte-identical starting/started bodies) reaches the browser in full; a retry right after is still a repeat', async () => {
    const app = await serve({ signature: { provider: 'videosdk', publicKey: vendor.pem } });
    const room = started.data.meetingId;
    const sub = await app.subscribe(room);
    const kind = (type: string, extra: object = {}) => JSON.stringify({ webhookType: `participant-recording-${type}`, data: { ...started.data, ...extra } });
    const sequence = [kind('starting'), kind('started'), kind('stopping'), kind('stopped', { fileDetails: [{ filePath: '/a.webm', fileUrl: 'https://cdn.example/a.webm' }] }), kind('starting'), kind('started')];
    const statuses = [];
    for (const body of sequence) statuses.push((await app.post(body, { 'videosdk-signature': signBody(body) })).status);
    expect(statuses).toEqual([204, 204, 204, 204, 204, 204]);
    expect((await app.post(sequence[5]!, { 'videosdk-signature': signBody(sequence[5]!) })).status).toBe(200);
    await sub.waitFor((m) => m.length === 6);
    await settle();
    expect(webhooksOf(sub).map((w) => w.webhookType)).toEqual(sequence.map((body) => JSON.parse(body).webhookType));
  });

  it('17.5: the window is bounded — the same body after it is relayed again; dedupeWindowMs: 0 turns it off', async () => {
    let time = Date.parse('2026-12-07T10:00:00Z');
    const app = await serve({ secret: SECRET, dedupeWindowMs: 60_000, now: () => time });
    const raw = JSON.stringify(started);
    const post = () => app.post(raw, {}, `?token=${SECRET}`).then((r) => r.status);
    expect(await post()).toBe(204);
    time += 59_000;
    expect(await post()).toBe(200);
    time += 2_000;
    expect(await post()).toBe(204);
    const off = await serve({ secret: SECRET, dedupeWindowMs: 0 });
    const again = () => off.post(raw, {}, `?token=${SECRET}`).then((r) => r.status);
    expect([await again(), await again()]).toEqual([204, 204]);
  });
});

describe('17.6: a wrong pinned publicKey is refused when the relay is created', () => {
  const rsaPrivate = vendor.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const rsaPkcs1Private = vendor.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const ec = keyPair('ec');
  const ed = keyPair('ed25519');
  const jwk = vendor.publicKey.export({ format: 'jwk' });
  // A self-signed certificate's PEM shape (the relay reads the label, never trusts the content).
  const certificate = `-----BEGIN CERTIFICATE-----\n${Buffer.from('not really a certificate').toString('base64')}\n-----END CERTIFICATE-----\n`;
  const create = (publicKey: unknown) => () =>
    createWebhookRelay({ authorize: () => true, signature: { provider: 'videosdk', publicKey: publicKey as string } });

  it.each([
    ['an EC public key', ec.pem, /EC public key.*expected.*RSA public key.*BEGIN PUBLIC KEY/],
    ['an Ed25519 public key', ed.pem, /Ed25519 public key/],
    ['an RSA private key (PKCS#8)', rsaPrivate, /private key \("BEGIN PRIVATE KEY"\)/],
    ['an RSA private key (PKCS#1)', rsaPkcs1Private, /private key \("BEGIN RSA PRIVATE KEY"\)/],
    ['an EC private key', ec.privateKey.export({ type: 'sec1', format: 'pem' }).toString(), /private key \("BEGIN EC PRIVATE KEY"\)/],
    ['a JWK object', jwk, /JWK object \(kty "RSA"\)/],
    ['a JWK as JSON text', JSON.stringify(jwk), /JWK \(JSON, kty "RSA"\)/],
    ['a certificate', certificate, /certificate.*openssl x509 -pubkey/],
    ['bare base64 (no PEM armour)', vendor.pem.replace(/-----[^-]+-----/g, '').trim(), /not PEM text/],
    ['an empty string', '', /not PEM text/],
  ])('17.6: %s is refused with what was given and what is expected', (_name, value, message) => {
    expect(create(value)).toThrow(TypeError);
    expect(create(value)).toThrow(message);
    expect(create(value)).toThrow(/expected the provider\u2019s RSA public key as PEM/);
  });

  it('17.6: an RSA public key is accepted as SPKI, PKCS#1 or with literal \\n escapes, and verifies', async () => {
    const pkcs1 = vendor.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    for (const publicKey of [vendor.pem, pkcs1, vendor.pem.replace(/\n/g, '\\n')]) {
      const app = await serve({ signature: { provider: 'videosdk', publicKey } });
      const body = JSON.stringify({ ...started, data: { ...started.data, participantId: publicKey.slice(30, 40) } });
      expect((await app.post(body, { 'videosdk-signature': signBody(body) })).status).toBe(204);
    }
  });
});

describe('17.7: the provider key URL is fetched single-flight and backs off while it is down', () => {
  it('17.7: 40 concurrent and 40 sequential anonymous requests while the key URL is down cost one fetch; after the backoff one more; when it is back, webhooks pass', async () => {
    let time = Date.parse('2026-12-07T10:00:00Z');
    const calls: string[] = [];
    let up = false;
    let release: () => void = () => {};
    let gate: Promise<void> = Promise.resolve();
    const app = await serve({
      now: () => time,
      signature: {
        provider: 'videosdk',
        fetch: async (url) => {
          calls.push(url);
          await gate;
          return up ? Response.json({ publicKey: vendor.pem }) : new Response('bad gateway', { status: 502 });
        },
      },
    });
    const raw = JSON.stringify(stopped);
    const anonymous = { 'videosdk-signature': Buffer.from('forged by anyone').toString('base64') };
    // Concurrent: the fetch is held open until all 40 requests wait on it.
    gate = new Promise((resolve) => (release = resolve));
    const concurrent = Array.from({ length: 40 }, () => app.post(raw, anonymous));
    await expect.poll(() => calls.length, { timeout: 30_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    release();
    expect((await Promise.all(concurrent)).map((r) => r.status)).toEqual(Array(40).fill(503));
    expect(calls).toHaveLength(1);
    // Sequential, inside the backoff: no fetch at all.
    for (let i = 0; i < 40; i += 1) expect((await app.post(raw, anonymous)).status).toBe(503);
    expect(calls).toHaveLength(1);
    // After the backoff: one more try (still down), then the next backoff is longer.
    time += 1_500;
    for (let i = 0; i < 10; i += 1) expect((await app.post(raw, anonymous)).status).toBe(503);
    expect(calls).toHaveLength(2);
    time += 1_500;
    for (let i = 0; i < 10; i += 1) expect((await app.post(raw, anonymous)).status).toBe(503);
    expect(calls).toHaveLength(2);
    // Back up: after the (2 s) backoff the key is fetched once and used from then on.
    up = true;
    time += 1_000;
    expect((await app.post(raw, { 'videosdk-signature': signBody(raw) })).status).toBe(204);
    expect((await app.post(raw, anonymous)).status).toBe(401);
    expect(calls).toHaveLength(3);
  });
});

describe('17.9: a room with more history than a connection may queue can be joined', () => {
  /** A RealtimeKit recording.statusUpdate with realistic presigned download URLs (~2.5 KB). */
  function presigned(n: number, room: string) {
    const signature = (seed: number) => Buffer.from(Array.from({ length: 420 }, (_, i) => (seed * 31 + i * 7) % 256)).toString('hex');
    const url = (file: string, seed: number) =>
      `https://rtk-recordings.example-bucket.r2.cloudflarestorage.com/${room}/${file}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261207%2Fauto%2Fs3%2Faws4_request&X-Amz-Date=20261207T100000Z&X-Amz-Expires=604800&X-Amz-SignedHeaders=host&X-Amz-Signature=${signature(seed)}`;
    return {
      ...rtkRecording,
      recording: { ...rtkRecording.recording, id: `rec-${n}`, recordingId: `rec-${n}`, downloadUrl: url(`rec-${n}.mp4`, n), audioDownloadUrl: url(`rec-${n}.mp3`, n + 1) },
      meeting: { ...rtkRecording.meeting, id: room },
    };
  }

  it('17.9: 120 RealtimeKit webhooks with ~2.5 KB presigned URLs: a new browser gets the newest events (not 0) and stays connected; a resuming one gets a reset and the newest', async () => {
    const app = await serve({ secret: SECRET, replayLimit: 200 });
    const room = 'bbb8940e-history';
    const ids: string[] = [];
    for (let n = 0; n < 120; n += 1) ids.push(await app.relay.publish(room, presigned(n, room)));
    const size = JSON.stringify(presigned(0, room)).length;
    expect(size).toBeGreaterThan(2_400);
    expect(size * 120).toBeGreaterThan(256 * 1024);

    const fresh = await app.subscribe(room);
    expect(fresh.status).toBe(200);
    await fresh.waitFor((m) => m.length > 0 && (webhooksOf(fresh).at(-1)?.recording as { id: string } | undefined)?.id === 'rec-119');
    const got = webhooksOf(fresh).map((w) => Number((w.recording as { id: string }).id.slice(4)));
    expect(got.length).toBeGreaterThan(10);
    expect(got).toEqual(Array.from({ length: got.length }, (_, i) => 120 - got.length + i)); // the newest, in order
    // It was not dropped (no loop): a live event still reaches the same connection.
    await app.relay.publish(room, presigned(120, room));
    await fresh.waitFor((m) => m.some((x) => x.data.includes('"rec-120"')));
    const endedEarly = await Promise.race([fresh.ended.then(() => true), new Promise((r) => setTimeout(() => r(false), 200))]);
    expect(endedEarly).toBe(false);
    expect(app.relay.stats().dropped).toBe(0);

    // Resuming from the first event: more missed than fits → reset to the newest, then the newest events.
    const resuming = await app.subscribe(room, ids[0]);
    await resuming.waitFor((m) => m.some((x) => x.data.includes('"rec-120"')));
    expect(resuming.messages[0]).toMatchObject({ event: 'reset' });
    expect(app.relay.stats().dropped).toBe(0);
    // Resuming from a recent event: exactly what was missed, no reset.
    const recent = await app.subscribe(room, ids[117]);
    await recent.waitFor((m) => m.length === 3);
    await settle();
    expect(recent.messages.map((m) => m.event)).toEqual([undefined, undefined, undefined]);
    expect(webhooksOf(recent).map((w) => (w.recording as { id: string }).id)).toEqual(['rec-118', 'rec-119', 'rec-120']);
  });
});
