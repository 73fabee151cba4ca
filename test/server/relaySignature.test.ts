// Signed webhooks (VideoSDK `videosdk-signature`, RealtimeKit `rtk-signature`) through the relay on a
// real loopback server. The tests sign with an RSA key pair they generate (Web Crypto).
import { createPublicKey } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookRelay, verifyRealtimeKitSignature, verifyVideoSdkSignature, type WebhookRelay } from '../../src/server/index.js';
import rtkLive from '../fixtures/realtimekit-webhooks/livestreaming-status-update.json';
import rtkRecording from '../fixtures/realtimekit-webhooks/recording-status-update.json';
import stopped from '../fixtures/videosdk/participant-recording-stopped.json';
import { startRelayServer, type RelayServer } from './support/nodeServer.js';
import { openSse, type SseClient } from './support/sseClient.js';

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

interface Signer {
  readonly pem: string;
  sign(body: string | Uint8Array): Promise<string>;
}

async function signer(): Promise<Signer> {
  const pair = await crypto.subtle.generateKey({ ...RSA, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }, true, ['sign', 'verify']);
  const spki = Buffer.from(await crypto.subtle.exportKey('spki', pair.publicKey)).toString('base64');
  const pem = `-----BEGIN PUBLIC KEY-----\n${spki.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
  return {
    pem,
    async sign(body) {
      const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
      return Buffer.from(await crypto.subtle.sign(RSA, pair.privateKey, bytes as BufferSource)).toString('base64');
    },
  };
}

let vendor: Signer;
let stranger: Signer;
beforeAll(async () => {
  [vendor, stranger] = await Promise.all([signer(), signer()]);
});

const running: Array<{ relay: WebhookRelay; http: RelayServer; clients: SseClient[] }> = [];
afterEach(async () => {
  for (const { relay, http, clients } of running.splice(0)) {
    for (const client of clients) client.close();
    await relay.close();
    await http.close();
  }
});

async function serve(options: Parameters<typeof createWebhookRelay>[0]) {
  const relay = createWebhookRelay(options);
  const http = await startRelayServer(relay);
  const clients: SseClient[] = [];
  running.push({ relay, http, clients });
  return {
    relay,
    async subscribe(roomId: string): Promise<SseClient> {
      const client = await openSse(`${http.origin}/events?roomId=${encodeURIComponent(roomId)}`);
      clients.push(client);
      return client;
    },
    post(body: string, headers: Record<string, string>, query = ''): Promise<Response> {
      return fetch(`${http.origin}/webhook${query}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    },
  };
}

const ROOM = stopped.data.meetingId;

describe('VideoSDK signed webhooks', () => {
  it('relays a webhook whose videosdk-signature verifies; a wrong key, a changed byte, a missing header and re-encoded JSON get 401 and relay nothing', async () => {
    const app = await serve({ signature: { provider: 'videosdk', publicKey: vendor.pem }, authorize: () => true });
    const sub = await app.subscribe(ROOM);
    // The raw body as VideoSDK might send it: not the bytes JSON.stringify would produce.
    const raw = JSON.stringify(stopped, null, 1);
    const good = await vendor.sign(raw);

    const forged = [
      await app.post(raw, { 'videosdk-signature': await stranger.sign(raw) }), // wrong key
      await app.post(raw.replace('"participantId": "', '"participantId": "X'), { 'videosdk-signature': good }), // changed byte
      await app.post(raw, {}), // missing header
      await app.post(JSON.stringify(JSON.parse(raw)), { 'videosdk-signature': good }), // re-encoded JSON: other bytes
      await app.post(raw, { 'videosdk-signature': 'not base64 at all!' }),
      await app.post(raw, { 'rtk-signature': good }), // the other provider's header
    ];
    expect(forged.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(app.relay.stats().rejected).toBe(6);

    expect((await app.post(raw, { 'videosdk-signature': good })).status).toBe(204);
    await sub.waitFor((m) => m.length >= 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(sub.messages).toHaveLength(1);
    expect(JSON.parse(sub.messages[0]!.data).webhook).toEqual(stopped);
    expect(app.relay.stats().received).toBe(1);
  });

  it('fetches VideoSDK’s key once from /v2/public/rsa-public-key through the injected fetch (PKCS#1 PEM), and answers 503 while it cannot', async () => {
    const pkcs1 = createPublicKey(vendor.pem).export({ type: 'pkcs1', format: 'pem' }).toString();
    expect(pkcs1).toContain('BEGIN RSA PUBLIC KEY');
    const calls: string[] = [];
    let up = false;
    let time = Date.parse('2026-12-07T10:00:00Z');
    const app = await serve({
      authorize: () => true,
      now: () => time,
      signature: {
        provider: 'videosdk',
        fetch: async (url) => {
          calls.push(url);
          return up ? Response.json({ publicKey: pkcs1 }) : new Response('down', { status: 502 });
        },
      },
    });
    const raw = JSON.stringify(stopped);
    const other = JSON.stringify({ ...stopped, data: { ...stopped.data, participantId: 'other' } });
    const headers = { 'videosdk-signature': await vendor.sign(raw) };
    expect((await app.post(raw, headers)).status).toBe(503);
    up = true;
    time += 1_000; // past the backoff after the failed fetch
    expect((await app.post(raw, headers)).status).toBe(204);
    expect((await app.post(other, { 'videosdk-signature': await vendor.sign(other) })).status).toBe(204);
    expect((await app.post(raw, { 'videosdk-signature': await stranger.sign(raw) })).status).toBe(401);
    expect(calls).toEqual(['https://api.videosdk.live/v2/public/rsa-public-key', 'https://api.videosdk.live/v2/public/rsa-public-key']);
  });

  it('keeps the URL token as an optional second check', async () => {
    const app = await serve({ signature: { provider: 'videosdk', publicKey: vendor.pem }, secret: 'second-check-0123456789', authorize: () => true });
    const raw = JSON.stringify(stopped);
    const headers = { 'videosdk-signature': await vendor.sign(raw) };
    expect((await app.post(raw, headers, '?token=wrong-token-0123456789')).status).toBe(401);
    expect((await app.post(raw, headers, '?token=second-check-0123456789')).status).toBe(204);
  });
});

describe('RealtimeKit signed webhooks', () => {
  it('verifies rtk-signature with the key from /.well-known/webhooks.json, relays recording.statusUpdate to meeting.id, strips the stream key', async () => {
    const calls: string[] = [];
    const app = await serve({
      authorize: () => true,
      signature: {
        provider: 'realtimekit',
        fetch: async (url) => {
          calls.push(url);
          return Response.json({ success: true, data: { publicKey: vendor.pem }, message: '' });
        },
      },
    });
    const meeting = rtkRecording.meeting.id;
    const sub = await app.subscribe(meeting);
    const recording = JSON.stringify(rtkRecording);
    const live = JSON.stringify(rtkLive);
    expect((await app.post(recording, { 'rtk-signature': await stranger.sign(recording) })).status).toBe(401);
    expect((await app.post(recording, { 'rtk-signature': await vendor.sign(recording) })).status).toBe(204);
    expect((await app.post(live, { 'rtk-signature': await vendor.sign(live) })).status).toBe(204);
    await sub.waitFor((m) => m.length === 2);
    const [first, second] = sub.messages.map((m) => JSON.parse(m.data).webhook);
    expect(first).toEqual(rtkRecording);
    expect(second.event).toBe('livestreaming.statusUpdate');
    expect(second).not.toHaveProperty('streamKey');
    expect(second).not.toHaveProperty('ingestServer');
    expect(sub.messages.map((m) => m.data).join('')).not.toContain('stream-key');
    expect(calls).toEqual(['https://api.realtime.cloudflare.com/.well-known/webhooks.json']);
  });
});

describe('verifyVideoSdkSignature / verifyRealtimeKitSignature', () => {
  it('verify raw bytes or text, and say false (never throw) for anything malformed', async () => {
    const raw = JSON.stringify(rtkRecording);
    const signature = await vendor.sign(raw);
    expect(await verifyVideoSdkSignature(raw, signature, vendor.pem)).toBe(true);
    expect(await verifyRealtimeKitSignature(new TextEncoder().encode(raw), signature, vendor.pem)).toBe(true);
    expect(await verifyRealtimeKitSignature(raw, signature, stranger.pem)).toBe(false);
    expect(await verifyRealtimeKitSignature(`${raw} `, signature, vendor.pem)).toBe(false);
    expect(await verifyVideoSdkSignature(raw, null, vendor.pem)).toBe(false);
    expect(await verifyVideoSdkSignature(raw, '', vendor.pem)).toBe(false);
    expect(await verifyVideoSdkSignature(raw, signature, 'not a pem')).toBe(false);
    expect(await verifyVideoSdkSignature(raw, signature, '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----')).toBe(false);
    // A PEM pasted from JSON with literal "\n" escapes still works.
    expect(await verifyVideoSdkSignature(raw, signature, vendor.pem.replace(/\n/g, '\\n'))).toBe(true);
  });

  it('needs a signature or a secret', () => {
    expect(() => createWebhookRelay({ authorize: () => true })).toThrow(/signature/);
    const relay = createWebhookRelay({ authorize: () => true, signature: { provider: 'realtimekit', publicKey: vendor.pem } });
    void relay.close();
  });
});
