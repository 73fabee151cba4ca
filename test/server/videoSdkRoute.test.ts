// createVideoSdkRoute on a real loopback http server (through toNodeHandler): the unchanged browser
// client starts and stops through it, the minted token is verified with jose, the secret and the
// relay's webhook URL never come back.
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { createVideoSdkClient, isVideoSdkError } from '../../src/adapters/videosdk/index.js';
import { createVideoSdkRoute, signVideoSdkToken, type VideoSdkRouteTarget } from '../../src/server/index.js';
import { createVideoSdkSimulator, type VideoSdkSimulator } from '../../src/simulator/videosdk/index.js';
import recordingFixture from './fixtures/videosdk-participant-recording.json' with { type: 'json' };
import { rawRequest, recordingFetch, serveRoute, type RouteServer, type UpstreamCall } from './support/routeServer.js';

const API_KEY = 'b0d3c3a4-videosdk-api-key';
const SECRET = 'videosdk-project-secret-0123456789abcdef0123456789';
const RELAY_SECRET = 'relay-token-fedcba9876543210';
const WEBHOOK_URL = `https://app.example/api/videosdk/webhook?provider=videosdk&token=${RELAY_SECRET}`;
const BASE = '/api/videosdk';
const ROOM = 'sim-room-0001';
const OTHER_ROOM = 'zzzz-yyyy-xxxx';

let server: RouteServer | undefined;
let sim: VideoSdkSimulator | undefined;

afterEach(async () => {
  sim?.close();
  sim = undefined;
  await server?.close();
  server = undefined;
});

interface Setup {
  readonly calls: UpstreamCall[];
  readonly decisions: VideoSdkRouteTarget[];
  readonly origin: string;
  readonly posted: string[];
}

async function setup(options: { answer?: (request: Request) => Response | Promise<Response>; maxBodyBytes?: number } = {}): Promise<Setup> {
  const posted: string[] = [];
  sim = createVideoSdkSimulator({ delays: { starting: 1, started: 1, stopping: 1, stopped: 1 }, postWebhook: (url) => posted.push(url) });
  const simulator = sim;
  const decisions: VideoSdkRouteTarget[] = [];
  const upstream = recordingFetch(async (request) => {
    if (options.answer) return options.answer(request);
    // The simulator plays VideoSDK for start/stop; it must get a token VideoSDK would accept.
    await jwtVerify(request.headers.get('authorization') ?? '', new TextEncoder().encode(SECRET), { algorithms: ['HS256'] });
    return simulator.handle(request);
  });
  const route = createVideoSdkRoute({
    apiKey: API_KEY,
    secret: SECRET,
    basePath: BASE,
    webhookUrl: WEBHOOK_URL,
    fetch: upstream.fetch,
    maxBodyBytes: options.maxBodyBytes,
    authorize: (request, target) => {
      decisions.push(target);
      return request.headers.get('authorization') === 'app-session-member' && target.roomId !== OTHER_ROOM;
    },
  });
  server = await serveRoute(route);
  return { calls: upstream.calls, decisions, origin: server.origin, posted };
}

/** The unchanged browser client; its token is the app's own session token, which the route reads and never forwards. */
const clientFor = (origin: string) => createVideoSdkClient({ baseUrl: `${origin}${BASE}`, getToken: () => 'app-session-member' });

describe('createVideoSdkRoute', () => {
  it('serves the unchanged browser client: start and stop reach VideoSDK with a minted token and the relay’s webhookUrl', async () => {
    const { calls, decisions, origin, posted } = await setup();
    const client = clientFor(origin);
    const started = await client.startParticipantRecording({ roomId: ROOM, participantId: 'ada', fileFormat: 'mp4' });
    expect(started.message).toBe('participant recording started successfully');
    await expect.poll(() => sim!.sent.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await client.stopParticipantRecording({ roomId: ROOM, participantId: 'ada' });
    await expect.poll(() => posted.length, { timeout: 30_000 }).toBe(4);
    // VideoSDK posts the webhooks to the relay URL the route added, secret included.
    expect(new Set(posted)).toEqual(new Set([WEBHOOK_URL]));

    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST https://api.videosdk.live/v2/recordings/participant/start',
      'POST https://api.videosdk.live/v2/recordings/participant/stop',
    ]);
    expect(JSON.parse(calls[0]!.body)).toEqual({ roomId: ROOM, participantId: 'ada', fileFormat: 'mp4', webhookUrl: WEBHOOK_URL });
    expect(JSON.parse(calls[1]!.body)).toEqual({ roomId: ROOM, participantId: 'ada' });
    expect(decisions.map((d) => [d.action, d.roomId, d.participantId])).toEqual([
      ['start', ROOM, 'ada'],
      ['stop', ROOM, 'ada'],
    ]);

    // The token: raw (no Bearer), HS256 with the secret, the claims VideoSDK's v2 REST APIs require, short-lived.
    for (const call of calls) {
      const token = call.headers.authorization!;
      expect(token).not.toMatch(/^Bearer /i);
      expect(token).not.toBe('app-session-member');
      expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
      const { payload } = await jwtVerify(token, new TextEncoder().encode(SECRET), { algorithms: ['HS256'] });
      expect(payload).toMatchObject({ apikey: API_KEY, permissions: ['allow_join', 'allow_mod'], version: 2, roles: ['crawler'] });
      expect(payload.exp! - payload.iat!).toBe(60);
      expect(Math.abs(payload.iat! - Date.now() / 1000)).toBeLessThan(120);
    }
    // A token signed with another secret is not what the route sends.
    await expect(jwtVerify(calls[0]!.headers.authorization!, new TextEncoder().encode('another-secret'))).rejects.toThrow();
  });

  it('refuses a webhookUrl sent by the browser (400) and forwards nothing', async () => {
    const { calls, decisions, origin } = await setup();
    const error = await clientFor(origin)
      .startParticipantRecording({ roomId: ROOM, participantId: 'ada', webhookUrl: 'https://attacker.example/hook' })
      .catch((e: unknown) => e);
    expect(isVideoSdkError(error) && [error.status, error.message]).toEqual([400, 'webhookUrl is set by the server, not by the browser.']);
    expect(calls).toEqual([]);
    expect(decisions).toEqual([]);
  });

  it('answers 403 when authorize says no, for start, stop, list and a recording of another room', async () => {
    const fixture = { ...recordingFixture, roomId: OTHER_ROOM };
    const { calls, decisions, origin } = await setup({ answer: () => Response.json(fixture) });
    const client = clientFor(origin);
    for (const call of [
      client.startParticipantRecording({ roomId: OTHER_ROOM, participantId: 'ada' }),
      client.stopParticipantRecording({ roomId: OTHER_ROOM, participantId: 'ada' }),
    ]) {
      const error = await call.catch((e: unknown) => e);
      expect(isVideoSdkError(error) && error.status).toBe(403);
    }
    const headers = { authorization: 'app-session-member' };
    expect((await fetch(`${origin}${BASE}/v2/recordings/participant?roomId=${OTHER_ROOM}`, { headers })).status).toBe(403);
    const details = await fetch(`${origin}${BASE}/v2/recordings/participant/${fixture.id}`, { headers });
    expect(details.status).toBe(403);
    expect(await details.text()).not.toContain(fixture.files[0]!.fileUrl);
    // Only the look-up of the recording's room went upstream, after the caller passed the first stage.
    expect(calls.map((c) => `${c.method} ${new URL(c.url).pathname}`)).toEqual([`GET /v2/recordings/participant/${fixture.id}`]);
    expect(decisions.map((d) => [d.action, d.stage, d.roomId])).toEqual([
      ['start', 'resource', OTHER_ROOM],
      ['stop', 'resource', OTHER_ROOM],
      ['list', 'resource', OTHER_ROOM],
      ['details', 'caller', undefined],
      ['details', 'resource', OTHER_ROOM],
    ]);
    // Without the app's session: 403.
    expect((await fetch(`${origin}${BASE}/v2/recordings/participant?roomId=${ROOM}`)).status).toBe(403);
  });

  it('forwards list (roomId, page, perPage) and get, and never returns the secret, a token or the webhook URL', async () => {
    let seenToken = '';
    const hostile = (request: Request) => {
      seenToken = request.headers.get('authorization') ?? '';
      const recording = { ...recordingFixture, webhook: { ...recordingFixture.webhook, url: WEBHOOK_URL }, echo: { token: seenToken, secret: SECRET, note: `signed with ${SECRET}` } };
      const path = new URL(request.url).pathname;
      return Response.json(path.endsWith('/participant') ? { data: [recording], pageInfo: { currentPage: 1, perPage: 5, lastPage: 1, total: 1 } } : recording);
    };
    const { calls, decisions, origin } = await setup({ answer: hostile });
    const headers = { authorization: 'app-session-member' };
    const list = await fetch(`${origin}${BASE}/v2/recordings/participant?roomId=${recordingFixture.roomId}&page=2&perPage=5&token=x&apikey=y`, { headers });
    expect(list.status).toBe(200);
    const one = await fetch(`${origin}${BASE}/v2/recordings/participant/${recordingFixture.id}`, { headers });
    expect(one.status).toBe(200);
    expect(calls.map((c) => c.url)).toEqual([
      `https://api.videosdk.live/v2/recordings/participant?roomId=${recordingFixture.roomId}&page=2&perPage=5`,
      `https://api.videosdk.live/v2/recordings/participant/${recordingFixture.id}`,
    ]);
    // The list named the recording's room: the details call is decided once, on it.
    expect(decisions.map((d) => [d.action, d.stage, d.roomId, d.recordingId])).toEqual([
      ['list', 'resource', recordingFixture.roomId, undefined],
      ['details', 'resource', recordingFixture.roomId, recordingFixture.id],
    ]);
    const texts = [await list.text(), await one.text()];
    for (const text of texts) {
      expect(text).toContain(recordingFixture.files[0]!.fileUrl);
      for (const secret of [SECRET, RELAY_SECRET, WEBHOOK_URL, seenToken]) expect(text).not.toContain(secret);
    }
    const body = JSON.parse(texts[1]!) as { webhook: { url: string }; echo: Record<string, unknown> };
    expect(body.webhook.url).toBe('[redacted]');
    expect(body.echo).toEqual({ token: '[redacted]', note: '[redacted]' });
  });

  it('mirrors only the four participant-recording endpoints: everything else is 404 and calls nothing', async () => {
    const { calls, decisions, origin } = await setup();
    const cases: Array<[string, string]> = [
      ['GET', '/v2/recordings/participant/start/x'],
      ['GET', '/v2/recordings/participant/start/'],
      ['POST', '/v2/recordings/participant'],
      ['POST', '/v2/recordings/participant/other'],
      ['GET', '/v2/recordings/participant/%2e%2e'],
      ['POST', '/v2/rooms'],
      ['POST', '/v2/recordings/start'],
      ['GET', '/v2/sessions'],
      ['GET', '/v1/recordings/participant'],
    ];
    for (const [method, path] of cases) {
      const response = await rawRequest(`${origin}${BASE}${path}`, {
        method,
        headers: { authorization: 'app-session-member', 'content-type': 'application/json' },
        body: method === 'GET' ? undefined : JSON.stringify({ roomId: ROOM, participantId: 'ada' }),
      });
      expect([method, path, response.status]).toEqual([method, path, 404]);
    }
    expect(calls).toEqual([]);
    expect(decisions).toEqual([]);
  });

  it('forwards no browser header upstream, caps the body (413) and requires roomId and participantId (400)', async () => {
    const { calls, origin } = await setup({ maxBodyBytes: 512, answer: () => Response.json({ message: 'ok' }) });
    const ok = await rawRequest(`${origin}${BASE}/v2/recordings/participant/stop`, {
      method: 'POST',
      headers: {
        authorization: 'app-session-member',
        cookie: 'session=1',
        connection: 'keep-alive, x-hop',
        'x-hop': '1',
        'proxy-authorization': 'Basic eA==',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ roomId: ROOM, participantId: 'ada', webhookUrl: 'ignored on stop' }),
    });
    expect(ok.status).toBe(200);
    expect(Object.keys(calls[0]!.headers).sort()).toEqual(['accept', 'authorization', 'content-type']);
    expect(JSON.parse(calls[0]!.body)).toEqual({ roomId: ROOM, participantId: 'ada' });

    const big = await rawRequest(`${origin}${BASE}/v2/recordings/participant/start`, {
      method: 'POST',
      headers: { authorization: 'app-session-member', 'content-type': 'application/json' },
      body: JSON.stringify({ roomId: ROOM, participantId: 'ada', bucketDirPath: 'x'.repeat(1000) }),
    });
    expect(big.status).toBe(413);
    const missing = await rawRequest(`${origin}${BASE}/v2/recordings/participant/start`, {
      method: 'POST',
      headers: { authorization: 'app-session-member', 'content-type': 'application/json' },
      body: JSON.stringify({ roomId: ROOM }),
    });
    expect(missing.status).toBe(400);
    expect(calls).toHaveLength(1);
  });

  it('passes VideoSDK’s refusals on with their message, and 502 when it cannot be reached', async () => {
    let down = false;
    const { origin } = await setup({
      answer: () => (down ? Response.error() : new Response('Participant not found in room', { status: 400 })),
    });
    const client = clientFor(origin);
    const refused = await client.startParticipantRecording({ roomId: ROOM, participantId: 'nobody' }).catch((e: unknown) => e);
    expect(isVideoSdkError(refused) && [refused.status, refused.message]).toEqual([400, 'Participant not found in room']);
    down = true;
    const unreachable = await client.stopParticipantRecording({ roomId: ROOM, participantId: 'ada' }).catch((e: unknown) => e);
    expect(isVideoSdkError(unreachable) && [unreachable.status, unreachable.message]).toEqual([502, 'VideoSDK could not be reached.']);
  });

  it('signVideoSdkToken takes permissions and a lifetime', async () => {
    const token = await signVideoSdkToken({ apiKey: API_KEY, secret: SECRET, permissions: ['allow_join'], ttlSeconds: 300 });
    const { payload } = await jwtVerify(token, new TextEncoder().encode(SECRET));
    expect(payload.permissions).toEqual(['allow_join']);
    expect(payload.exp! - payload.iat!).toBe(300);
  });
});
