// The two provider routes attacked as a hostile page, an anonymous client and a browser choosing its
// own start options would (issue 17 items 1, 2, 3, 7; issue 18 items 1, 4, 5), on real loopback
// servers through toNodeHandler, with a fake upstream that records every call.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRealtimeKitClient } from '../../src/adapters/realtimekit/index.js';
import { createVideoSdkClient } from '../../src/adapters/videosdk/index.js';
import {
  createRealtimeKitRoute,
  createVideoSdkRoute,
  toNodeHandler,
  REALTIMEKIT_START_FIELDS,
  VIDEOSDK_START_FIELDS,
  type RealtimeKitRouteOptions,
  type RealtimeKitRouteTarget,
  type VideoSdkRouteOptions,
  type VideoSdkRouteTarget,
} from '../../src/server/index.js';
import { createRealtimeKitBackend, type RealtimeKitBackend } from '../../src/simulator/realtimekit/index.js';
import recordingFixture from './fixtures/videosdk-participant-recording.json' with { type: 'json' };
import { createOwnerCache } from '../../src/server/routeSupport.js';
import { cloudflareShaped } from './support/cloudflareShaped.js';
import { rawRequest, recordingFetch, serveRoute, type RouteServer, type UpstreamCall } from './support/routeServer.js';

const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
const APP = '14a396e7-ca44-4937-bf1f-050a69118543';
const TOKEN = 'cf-api-token-Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQ';
const RTK_BASE = '/api/realtimekit';
const UPSTREAM = `https://api.cloudflare.com/client/v4/accounts/${ACCOUNT}/realtime/kit/${APP}`;
const MEETING = 'bbb4b5b6-0000-4000-8000-00000000a001';
const OTHER_MEETING = 'ccc4b5b6-0000-4000-8000-00000000c001';

const API_KEY = 'b0d3c3a4-videosdk-api-key';
const SECRET = 'videosdk-project-secret-0123456789abcdef0123456789';
const WEBHOOK_URL = 'https://app.example/api/videosdk/webhook?token=relay-token-fedcba9876543210';
const VSDK_BASE = '/api/videosdk';
const ROOM = 'abcd-efgh-ijkl';

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (servers.length > 0) await servers.pop()!.close();
});

async function serve(handler: (request: Request) => Promise<Response>): Promise<RouteServer> {
  const server = await serveRoute(handler);
  servers.push(server);
  return server;
}

/** The app's sessions, by cookie: Ada may act in MEETING / ROOM only. */
const users: Record<string, { can(place: string | undefined): boolean }> = { 'session=ada': { can: (place) => place === MEETING || place === ROOM } };
const sessionOf = (request: Request) => (Object.prototype.hasOwnProperty.call(users, request.headers.get('cookie') ?? '') ? users[request.headers.get('cookie')!] : undefined);

/** The README's authorize example, verbatim in spirit: refuse strangers at the caller stage, then decide on the meeting. */
function readmeAuthorize(decisions: Array<RealtimeKitRouteTarget | VideoSdkRouteTarget>) {
  return async (request: Request, target: RealtimeKitRouteTarget | VideoSdkRouteTarget): Promise<boolean> => {
    decisions.push(target);
    const user = sessionOf(request);
    if (!user) return false;
    if (target.stage === 'caller') return true;
    const place = 'meetingId' in target ? target.meetingId : target.roomId;
    return !!place && user.can(place);
  };
}

interface Rtk {
  readonly backend: RealtimeKitBackend;
  readonly calls: UpstreamCall[];
  readonly decisions: RealtimeKitRouteTarget[];
  readonly origin: string;
  url(path: string): string;
}

async function rtk(options: { route?: Partial<RealtimeKitRouteOptions>; answer?: (request: Request) => Response | Promise<Response> } = {}): Promise<Rtk> {
  const backend = createRealtimeKitBackend({ invokeMs: 0, uploadMs: 0 });
  const upstream = recordingFetch(options.answer ?? cloudflareShaped(backend));
  const decisions: RealtimeKitRouteTarget[] = [];
  const server = await serve(
    createRealtimeKitRoute({
      accountId: ACCOUNT,
      appId: APP,
      apiToken: TOKEN,
      basePath: RTK_BASE,
      fetch: upstream.fetch,
      authorize: readmeAuthorize(decisions),
      ...options.route,
    }),
  );
  return { backend, calls: upstream.calls, decisions, origin: server.origin, url: (path) => `${server.origin}${RTK_BASE}${path}` };
}

interface Vsdk {
  readonly calls: UpstreamCall[];
  readonly decisions: VideoSdkRouteTarget[];
  readonly origin: string;
  url(path: string): string;
}

/** VideoSDK's answers: the fixture recording for details and lists, a sentence for start and stop. */
function videoSdkAnswer(request: Request): Response {
  const path = new URL(request.url).pathname;
  if (path.endsWith('/start')) return Response.json({ message: 'participant recording started successfully' });
  if (path.endsWith('/stop')) return Response.json({ message: 'participant recording stopped successfully' });
  if (path.endsWith('/participant')) return Response.json({ data: [{ ...recordingFixture, roomId: ROOM }], pageInfo: { currentPage: 1, perPage: 20, lastPage: 1, total: 1 } });
  return Response.json({ ...recordingFixture, roomId: ROOM });
}

async function vsdk(options: { route?: Partial<VideoSdkRouteOptions>; answer?: (request: Request) => Response | Promise<Response> } = {}): Promise<Vsdk> {
  const upstream = recordingFetch(options.answer ?? videoSdkAnswer);
  const decisions: VideoSdkRouteTarget[] = [];
  const server = await serve(
    createVideoSdkRoute({
      apiKey: API_KEY,
      secret: SECRET,
      basePath: VSDK_BASE,
      webhookUrl: WEBHOOK_URL,
      fetch: upstream.fetch,
      authorize: readmeAuthorize(decisions),
      ...options.route,
    }),
  );
  return { calls: upstream.calls, decisions, origin: server.origin, url: (path) => `${server.origin}${VSDK_BASE}${path}` };
}

const member = { cookie: 'session=ada' };
const json = { 'content-type': 'application/json' };

describe('17.1: state-changing requests from another site are refused before authorize, body or upstream', () => {
  /** One POST/PUT per route endpoint that changes something, with a valid body. */
  const targets = (r: Rtk, v: Vsdk) => [
    { name: 'RealtimeKit start', url: r.url('/recordings'), method: 'POST', body: JSON.stringify({ meeting_id: MEETING }) },
    { name: 'RealtimeKit track start', url: r.url('/recordings/track'), method: 'POST', body: JSON.stringify({ meeting_id: MEETING }) },
    { name: 'RealtimeKit stop', url: r.url('/recordings/rec-1'), method: 'PUT', body: JSON.stringify({ action: 'stop' }) },
    { name: 'VideoSDK start', url: v.url('/v2/recordings/participant/start'), method: 'POST', body: JSON.stringify({ roomId: ROOM, participantId: 'ada' }) },
    { name: 'VideoSDK stop', url: v.url('/v2/recordings/participant/stop'), method: 'POST', body: JSON.stringify({ roomId: ROOM, participantId: 'ada' }) },
    // Issue 19: the live-stream paths.
    { name: 'VideoSDK RTMP start', url: v.url('/v2/livestreams/start'), method: 'POST', body: JSON.stringify({ roomId: ROOM, destinations: ['youtube'] }) },
    { name: 'VideoSDK RTMP end', url: v.url('/v2/livestreams/end'), method: 'POST', body: JSON.stringify({ roomId: ROOM }) },
    { name: 'VideoSDK HLS start', url: v.url('/v2/hls/start'), method: 'POST', body: JSON.stringify({ roomId: ROOM }) },
    { name: 'VideoSDK HLS end', url: v.url('/v2/hls/end'), method: 'POST', body: JSON.stringify({ roomId: ROOM }) },
  ];

  it.each([
    ['text/plain', 415],
    ['application/x-www-form-urlencoded', 415],
    ['multipart/form-data; boundary=----x', 415],
    ['text/plain; charset=application/json', 415],
    [undefined, 415],
  ])('17.1: Content-Type %s is refused with %i on every state-changing endpoint', async (type, status) => {
    const r = await rtk();
    const v = await vsdk();
    for (const target of targets(r, v)) {
      const headers: Record<string, string> = { ...member, origin: new URL(target.url).origin };
      if (type !== undefined) headers['content-type'] = type;
      const response = await rawRequest(target.url, { method: target.method, headers, body: target.body });
      expect([target.name, response.status]).toEqual([target.name, status]);
    }
    expect(r.calls).toEqual([]);
    expect(v.calls).toEqual([]);
    expect(r.decisions).toEqual([]);
    expect(v.decisions).toEqual([]);
  });

  it.each([
    ['an evil Origin', { origin: 'https://evil.example' }],
    ['Origin: null (sandboxed frame, data: URL)', { origin: 'null' }],
    ['a look-alike Origin', { origin: 'http://127.0.0.1.evil.example' }],
    ['Sec-Fetch-Site: cross-site without Origin', { 'sec-fetch-site': 'cross-site' }],
  ])('17.1: %s is refused with 403; nothing upstream, authorize not called', async (_, extra) => {
    const r = await rtk();
    const v = await vsdk();
    for (const target of targets(r, v)) {
      const response = await rawRequest(target.url, { method: target.method, headers: { ...member, ...json, ...extra }, body: target.body });
      expect([target.name, response.status]).toEqual([target.name, 403]);
    }
    expect(r.calls).toEqual([]);
    expect(v.calls).toEqual([]);
    expect(r.decisions).toEqual([]);
    expect(v.decisions).toEqual([]);
  });

  it('17.1: the route’s own origin, Sec-Fetch-Site same-origin and a server-to-server call (no Origin) pass to authorize', async () => {
    const r = await rtk();
    const own = await rawRequest(r.url('/recordings'), { method: 'POST', headers: { ...member, ...json, origin: r.origin }, body: JSON.stringify({ meeting_id: MEETING }) });
    expect(own.status).toBe(200);
    const sameOrigin = await rawRequest(r.url('/recordings'), {
      method: 'POST',
      headers: { ...member, ...json, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ meeting_id: MEETING, allow_multiple_recordings: true }),
    });
    expect(sameOrigin.status).toBe(200);
    const server = await rawRequest(r.url('/recordings'), { method: 'POST', headers: { ...member, ...json }, body: JSON.stringify({ meeting_id: MEETING, allow_multiple_recordings: true }) });
    expect(server.status).toBe(200);
    // Reads are not state-changing: a cross-site GET still goes to authorize (and the browser's CORS keeps the answer from the page).
    const list = await rawRequest(r.url(`/recordings?meeting_id=${MEETING}`), { headers: { ...member, origin: 'https://evil.example' } });
    expect(list.status).toBe(200);
    expect(r.decisions.map((d) => d.action)).toEqual(['start', 'start', 'start', 'list']);
  });

  it('17.1: allowedOrigins as a list replaces the default; as a function it decides per origin', async () => {
    const listed = await rtk({ route: { allowedOrigins: ['https://app.example', 'https://admin.app.example:8443'] } });
    const post = (origin: string) =>
      rawRequest(listed.url('/recordings'), { method: 'POST', headers: { ...member, ...json, origin }, body: JSON.stringify({ meeting_id: MEETING, allow_multiple_recordings: true }) });
    expect((await post('https://app.example')).status).toBe(200);
    expect((await post('https://admin.app.example:8443')).status).toBe(200);
    expect((await post('https://admin.app.example')).status).toBe(403);
    expect((await post(listed.origin)).status).toBe(403);
    expect(listed.calls.filter((c) => c.method === 'POST')).toHaveLength(2);

    const seen: string[] = [];
    const decided = await vsdk({
      route: {
        allowedOrigins: (origin) => {
          seen.push(origin);
          return /^https:\/\/[a-z0-9-]+\.app\.example$/.test(origin);
        },
      },
    });
    const stop = (origin: string) =>
      rawRequest(decided.url('/v2/recordings/participant/stop'), { method: 'POST', headers: { ...member, ...json, origin }, body: JSON.stringify({ roomId: ROOM, participantId: 'ada' }) });
    expect((await stop('https://tenant-a.app.example')).status).toBe(200);
    expect((await stop('https://evil.example')).status).toBe(403);
    // `null` never reaches the function: an opaque origin is refused outright.
    expect((await stop('null')).status).toBe(403);
    expect(seen).toEqual(['https://tenant-a.app.example', 'https://evil.example']);
    expect(decided.calls).toHaveLength(1);

    expect(() => createVideoSdkRoute({ apiKey: API_KEY, secret: SECRET, basePath: VSDK_BASE, authorize: () => true, allowedOrigins: ['https://app.example/path'] })).toThrow(/not an origin/);
  });

  it('17.1: behind a proxy, toNodeHandler’s origin option makes the public origin the route’s own', async () => {
    const backend = createRealtimeKitBackend({ invokeMs: 0, uploadMs: 0 });
    const upstream = recordingFetch(cloudflareShaped(backend));
    const route = createRealtimeKitRoute({ accountId: ACCOUNT, appId: APP, apiToken: TOKEN, basePath: RTK_BASE, fetch: upstream.fetch, authorize: () => true });
    const server = createServer(toNodeHandler(route, { origin: 'https://app.example' }));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    servers.push({ close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))) });
    const at = `http://127.0.0.1:${(server.address() as AddressInfo).port}${RTK_BASE}/recordings`;
    const post = (origin: string) => rawRequest(at, { method: 'POST', headers: { ...json, origin }, body: JSON.stringify({ meeting_id: MEETING, allow_multiple_recordings: true }) });
    expect((await post('https://app.example')).status).toBe(200);
    expect((await post('http://app.example')).status).toBe(403);
  });
});

describe('17.2: nothing goes upstream before the caller is authorized', () => {
  it('17.2: 100 anonymous details and stop requests make 0 upstream calls and mint 0 tokens', async () => {
    const r = await rtk();
    const [recording] = r.backend.seed({ count: 1, meetingId: MEETING });
    const v = await vsdk();
    const sign = vi.spyOn(crypto.subtle, 'sign');
    const answers: number[] = [];
    for (let i = 0; i < 25; i += 1) {
      answers.push((await rawRequest(r.url(`/recordings/${recording}`), {})).status);
      answers.push((await rawRequest(r.url(`/recordings/${recording}`), { method: 'PUT', headers: json, body: '{"action":"stop"}' })).status);
      answers.push((await rawRequest(r.url(`/recordings/rec-${i}`), { method: 'PUT', headers: { ...json, cookie: 'session=mallory' }, body: '{"action":"pause"}' })).status);
      answers.push((await rawRequest(v.url(`/v2/recordings/participant/${recordingFixture.id}-${i}`), { headers: { cookie: 'session=nobody' } })).status);
    }
    expect(answers).toHaveLength(100);
    expect(new Set(answers)).toEqual(new Set([403]));
    expect(r.calls).toEqual([]);
    expect(v.calls).toEqual([]);
    expect(sign).not.toHaveBeenCalled();
    // authorize was asked about the caller only: no meeting or room was looked up for them.
    expect(new Set([...r.decisions, ...v.decisions].map((d) => d.stage))).toEqual(new Set(['caller']));

    // The same calls from a member go upstream (and a token is minted for VideoSDK).
    const mine = await rawRequest(v.url(`/v2/recordings/participant/${recordingFixture.id}`), { headers: member });
    expect(mine.status).toBe(200);
    expect(v.calls).toHaveLength(1);
    expect(sign).toHaveBeenCalledTimes(1);
  });

  it('17.2: a recording whose meeting is cached costs one upstream call — only the action — and one decision', async () => {
    const r = await rtk();
    const ids = r.backend.seed({ count: 2, meetingId: MEETING });
    const list = await rawRequest(r.url(`/recordings?meeting_id=${MEETING}`), { headers: member });
    expect(list.status).toBe(200);
    r.calls.length = 0;
    r.decisions.length = 0;
    const details = await rawRequest(r.url(`/recordings/${ids[0]}`), { headers: member });
    expect(details.status).toBe(200);
    expect(r.calls.map((c) => `${c.method} ${c.url.replace(UPSTREAM, '')}`)).toEqual([`GET /recordings/${ids[0]}`]);
    r.calls.length = 0;
    const stop = await rawRequest(r.url(`/recordings/${ids[1]}`), { method: 'PUT', headers: { ...member, ...json }, body: '{"action":"stop"}' });
    expect(stop.status).not.toBe(403);
    expect(r.calls.map((c) => `${c.method} ${c.url.replace(UPSTREAM, '')}`)).toEqual([`PUT /recordings/${ids[1]}`]);
    expect(r.decisions.map((d) => [d.action, d.stage, d.meetingId])).toEqual([
      ['details', 'resource', MEETING],
      ['stop', 'resource', MEETING],
    ]);

    const v = await vsdk();
    expect((await rawRequest(v.url(`/v2/recordings/participant?roomId=${ROOM}`), { headers: member })).status).toBe(200);
    v.calls.length = 0;
    v.decisions.length = 0;
    expect((await rawRequest(v.url(`/v2/recordings/participant/${recordingFixture.id}`), { headers: member })).status).toBe(200);
    expect(v.calls).toHaveLength(1);
    expect(v.decisions.map((d) => [d.stage, d.roomId])).toEqual([['resource', ROOM]]);
  });

  it('19: 100 anonymous reads of the destinations list answer 403 with no name, 0 upstream calls, 0 tokens minted; a member’s read mints none either', async () => {
    const key = 'yt-attack-key-0123456789';
    const v = await vsdk({ route: { destinations: [{ id: 'youtube', name: 'YouTube', url: 'rtmp://a.rtmp.youtube.com/live2', streamKey: key }] } });
    const sign = vi.spyOn(crypto.subtle, 'sign');
    const strangers: Array<Record<string, string>> = [{}, { cookie: 'session=nobody' }, { origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site', cookie: 'session=mallory' }];
    const answers: Array<{ status: number; body: string }> = [];
    for (let i = 0; i < 25; i += 1) for (const headers of strangers) answers.push(await rawRequest(v.url('/v2/livestreams/destinations'), { headers }));
    expect(answers).toHaveLength(100);
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([403]));
    expect(answers.some((a) => a.body.includes('YouTube') || a.body.includes('youtube') || a.body.includes(key))).toBe(false);
    expect(new Set(v.decisions.map((d) => `${d.action} ${d.stage} ${String(d.roomId)}`))).toEqual(new Set(['livestream-destinations caller undefined']));
    const mine = await rawRequest(v.url('/v2/livestreams/destinations'), { headers: member });
    expect(mine.status).toBe(200);
    expect(JSON.parse(mine.body)).toEqual({ data: [{ id: 'youtube', name: 'YouTube' }] });
    expect(mine.body).not.toContain(key);
    expect(mine.body).not.toContain('rtmp://');
    expect(v.calls).toEqual([]);
    expect(sign).not.toHaveBeenCalled();
  });

  it('17.2: a member of another meeting passes the caller stage, is refused on the meeting, and the route does not change it', async () => {
    const r = await rtk();
    const [theirs] = r.backend.seed({ count: 1, meetingId: OTHER_MEETING });
    const stop = await rawRequest(r.url(`/recordings/${theirs}`), { method: 'PUT', headers: { ...member, ...json }, body: '{"action":"stop"}' });
    expect(stop.status).toBe(403);
    expect(r.calls.every((c) => c.method === 'GET')).toBe(true);
    expect(r.decisions.map((d) => [d.stage, d.meetingId])).toEqual([
      ['caller', undefined],
      ['resource', OTHER_MEETING],
    ]);
    // Learnt once: the next try is refused without any upstream call.
    r.calls.length = 0;
    expect((await rawRequest(r.url(`/recordings/${theirs}`), { method: 'PUT', headers: { ...member, ...json }, body: '{"action":"stop"}' })).status).toBe(403);
    expect(r.calls).toEqual([]);
  });

  it('18.1: the README’s authorize example answers every call of the unchanged client, details and control included, on a fresh route', async () => {
    // One process starts the recording, another (a fresh route: empty cache) serves the rest — as
    // behind a load balancer. Cloudflare's details answer names no meeting; its session does.
    const backend = createRealtimeKitBackend({ invokeMs: 0, uploadMs: 0 });
    const shaped = cloudflareShaped(backend);
    const make = async () => {
      const upstream = recordingFetch(shaped);
      const decisions: RealtimeKitRouteTarget[] = [];
      const server = await serve(
        createRealtimeKitRoute({ accountId: ACCOUNT, appId: APP, apiToken: TOKEN, basePath: RTK_BASE, fetch: upstream.fetch, authorize: readmeAuthorize(decisions) }),
      );
      return { calls: upstream.calls, decisions, client: createRealtimeKitClient({ baseUrl: `${server.origin}${RTK_BASE}`, headers: member }) };
    };
    const a = await make();
    const started = (await a.client.startRecording({ meetingId: MEETING }))!;
    const b = await make();
    expect((await b.client.getRecording(started.id)).id).toBe(started.id);
    expect((await b.client.pauseRecording(started.id))?.status).toBe('paused');
    expect((await b.client.resumeRecording(started.id))?.status).toBe('recording');
    expect((await b.client.stopRecording(started.id))?.status).toBe('ready');
    // The first call learnt the meeting through the session; the rest were decided on it directly.
    expect(b.calls.map((c) => `${c.method} ${c.url.replace(UPSTREAM, '').replace(/sessions\/.*/, 'sessions/…')}`)).toEqual([
      `GET /recordings/${started.id}`,
      'GET /sessions/…',
      `PUT /recordings/${started.id}`,
      `PUT /recordings/${started.id}`,
      `PUT /recordings/${started.id}`,
    ]);
    expect(b.decisions.map((d) => [d.action, d.stage, d.meetingId])).toEqual([
      ['details', 'caller', undefined],
      ['details', 'resource', MEETING],
      ['pause', 'resource', MEETING],
      ['resume', 'resource', MEETING],
      ['stop', 'resource', MEETING],
    ]);
  });

  it('17.2: the recording → meeting cache is bounded, least recently used out first', () => {
    const cache = createOwnerCache(10_000);
    cache.set('__proto__', 'm-proto');
    for (let i = 0; i < 9_999; i += 1) cache.set(`rec-${i}`, `m-${i}`);
    expect(cache.get('__proto__')).toBe('m-proto'); // touched: now the most recent
    cache.set('rec-new', 'm-new');
    expect(cache.size).toBe(10_000);
    expect(cache.get('rec-0')).toBeUndefined(); // the least recently used went
    expect(cache.get('__proto__')).toBe('m-proto');
    expect(cache.get('constructor')).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('17.2: ids such as __proto__ and constructor are plain cache keys', async () => {
    const r = await rtk({
      answer: (request) => {
        const path = new URL(request.url).pathname;
        if (path.endsWith('/recordings')) {
          return Response.json({
            success: true,
            data: [
              { id: '__proto__', status: 'RECORDING', meeting: { id: MEETING } },
              { id: 'constructor', status: 'RECORDING', meeting: { id: OTHER_MEETING } },
            ],
            paging: { total_count: 2, start_offset: 0, end_offset: 1 },
          });
        }
        return Response.json({ success: true, data: { id: decodeURIComponent(path.split('/').at(-1)!), status: 'RECORDING', session_id: null } });
      },
    });
    expect((await rawRequest(r.url('/recordings'), { headers: member })).status).toBe(403); // app-wide list: the example wants a meeting
    r.decisions.length = 0;
    expect((await rawRequest(r.url(`/recordings?meeting_id=${MEETING}`), { headers: member })).status).toBe(200);
    expect((await rawRequest(r.url('/recordings/__proto__'), { headers: member })).status).toBe(200);
    expect((await rawRequest(r.url('/recordings/constructor'), { headers: member })).status).toBe(403);
    expect((await rawRequest(r.url('/recordings/toString'), { headers: member })).status).toBe(403);
    expect(r.decisions.map((d) => [d.recordingId, d.stage, d.meetingId])).toEqual([
      [undefined, 'resource', MEETING],
      ['__proto__', 'resource', MEETING],
      ['constructor', 'resource', OTHER_MEETING],
      ['toString', 'caller', undefined],
      ['toString', 'resource', undefined],
    ]);
  });
});

describe('17.3: a start forwards only the allow-listed options unless the app’s startOptions chooses more', () => {
  const start = (r: Rtk, body: Record<string, unknown>, path = '/recordings') =>
    rawRequest(r.url(path), { method: 'POST', headers: { ...member, ...json }, body: JSON.stringify(body) });

  it.each([
    ['rtmp_out_config to rtmp://attacker', { rtmp_out_config: { rtmp_url: 'rtmp://attacker.example/live/stolen' } }],
    ['a url to record instead of the meeting', { url: 'https://attacker.example/phish' }],
    ['an SFTP storage host', { storage_config: { type: 'sftp', host: 'attacker.example', port: 22, username: 'x', path: '/' } }],
    ['a watermark fetched from anywhere', { video_config: { watermark: { url: 'https://attacker.example/w.png' } } }],
    ['a bucket switch', { realtimekit_bucket_config: { enabled: false } }],
  ])('17.3: RealtimeKit start drops %s', async (_, extra) => {
    const r = await rtk();
    const response = await start(r, { meeting_id: MEETING, allow_multiple_recordings: true, ...extra });
    expect(response.status).toBe(200);
    expect(JSON.parse(r.calls[0]!.body)).toEqual({ meeting_id: MEETING, allow_multiple_recordings: true });
  });

  it('17.3: RealtimeKit allow-lists keep only well-typed kit fields; track layers keep only their documented fields', async () => {
    expect(REALTIMEKIT_START_FIELDS).toEqual(['meeting_id', 'allow_multiple_recordings']);
    const r = await rtk();
    await start(r, { meeting_id: MEETING, allow_multiple_recordings: 'yes', __proto__: { polluted: true } });
    expect(JSON.parse(r.calls[0]!.body)).toEqual({ meeting_id: MEETING });
    const track = await start(
      r,
      {
        meeting_id: MEETING,
        user_ids: ['u1', 'u2'],
        layers: { voices: { file_name_prefix: 'v', media_kind: 'audio', outputs: [{ storage_config: { type: 'sftp', host: 'attacker.example' } }] } },
        url: 'https://attacker.example',
      },
      '/recordings/track',
    );
    expect(track.status).toBe(200);
    expect(JSON.parse(r.calls[1]!.body)).toEqual({ meeting_id: MEETING, user_ids: ['u1', 'u2'], layers: { voices: { file_name_prefix: 'v', media_kind: 'audio' } } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('17.3: startOptions decides what more goes, with the allow-listed part and the target in hand; meeting_id stays the authorized one', async () => {
    const seen: Array<{ body: unknown; allowed: unknown; target: RealtimeKitRouteTarget }> = [];
    const r = await rtk({
      route: {
        startOptions: (body, { allowed, target }) => {
          seen.push({ body, allowed, target });
          return { ...allowed, meeting_id: OTHER_MEETING, rtmp_out_config: { rtmp_url: 'rtmp://ingest.app.example/live/server-chosen' } };
        },
      },
    });
    await start(r, { meeting_id: MEETING, url: 'https://attacker.example', storage_config: { type: 'aws', secret: 'from-browser' } });
    expect(JSON.parse(r.calls[0]!.body)).toEqual({ meeting_id: MEETING, rtmp_out_config: { rtmp_url: 'rtmp://ingest.app.example/live/server-chosen' } });
    expect(seen[0]!.allowed).toEqual({});
    // The hook sees what the browser sent, credentials already removed.
    expect(seen[0]!.body).toEqual({ meeting_id: MEETING, url: 'https://attacker.example', storage_config: { type: 'aws' } });
    expect(seen[0]!.target).toEqual({ action: 'start', stage: 'resource', meetingId: MEETING, recordingId: undefined });
    expect(() =>
      createRealtimeKitRoute({ accountId: ACCOUNT, appId: APP, apiToken: TOKEN, basePath: RTK_BASE, authorize: () => true, startOptions: (b) => b, prepareBody: (b) => b }),
    ).toThrow(/not both/);
  });

  it('17.3: VideoSDK start drops bucketDirPath ../../tenant-b and anything else unlisted; startOptions may set the server’s own', async () => {
    expect(VIDEOSDK_START_FIELDS).toEqual(['roomId', 'participantId', 'fileFormat', 'metadata']);
    const v = await vsdk();
    const body = { roomId: ROOM, participantId: 'ada', fileFormat: 'mp4', bucketDirPath: '../../tenant-b', dirPath: '../../tenant-b', autoDelete: true };
    const response = await rawRequest(v.url('/v2/recordings/participant/start'), { method: 'POST', headers: { ...member, ...json }, body: JSON.stringify(body) });
    expect(response.status).toBe(200);
    expect(JSON.parse(v.calls[0]!.body)).toEqual({ roomId: ROOM, participantId: 'ada', fileFormat: 'mp4', webhookUrl: WEBHOOK_URL });

    const chosen = await vsdk({
      route: { startOptions: (_, { allowed, target }) => ({ ...allowed, bucketDirPath: `rooms/${target.roomId}`, roomId: 'other', webhookUrl: 'https://attacker.example' }) },
    });
    await rawRequest(chosen.url('/v2/recordings/participant/start'), { method: 'POST', headers: { ...member, ...json }, body: JSON.stringify(body) });
    expect(JSON.parse(chosen.calls[0]!.body)).toEqual({ roomId: ROOM, participantId: 'ada', fileFormat: 'mp4', bucketDirPath: `rooms/${ROOM}`, webhookUrl: WEBHOOK_URL });
  });

  it('18.5: a VideoSDK start forwards metadata (a JSON object, within the body cap)', async () => {
    const v = await vsdk({ route: { maxBodyBytes: 2048 } });
    const post = (body: Record<string, unknown>) =>
      rawRequest(v.url('/v2/recordings/participant/start'), { method: 'POST', headers: { ...member, ...json }, body: JSON.stringify(body) });
    expect((await post({ roomId: ROOM, participantId: 'ada', metadata: { lesson: 'week-3', tags: ['math'] } })).status).toBe(200);
    expect(JSON.parse(v.calls[0]!.body)).toMatchObject({ metadata: { lesson: 'week-3', tags: ['math'] } });
    expect((await post({ roomId: ROOM, participantId: 'ada', metadata: 'not an object' })).status).toBe(200);
    expect(JSON.parse(v.calls[1]!.body)).not.toHaveProperty('metadata');
    expect((await post({ roomId: ROOM, participantId: 'ada', metadata: { blob: 'x'.repeat(4096) } })).status).toBe(413);
    expect(v.calls).toHaveLength(2);

    // The kit's own client sends it.
    const client = createVideoSdkClient({ baseUrl: `${v.origin}${VSDK_BASE}`, getToken: () => '', fetch: (input, init) => fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), ...member } }) });
    await client.startParticipantRecording({ roomId: ROOM, participantId: 'ada', metadata: { lesson: 'week-4' } });
    expect(JSON.parse(v.calls[2]!.body)).toMatchObject({ metadata: { lesson: 'week-4' } });
  });
});

describe('18.4: the VideoSDK list forwards participantId', () => {
  it('18.4: participantId reaches VideoSDK and authorize', async () => {
    const v = await vsdk();
    const response = await rawRequest(v.url(`/v2/recordings/participant?roomId=${ROOM}&participantId=ada&participantId=eve&page=1&perPage=5&apikey=x`), { headers: member });
    expect(response.status).toBe(200);
    expect(v.calls.map((c) => c.url)).toEqual([`https://api.videosdk.live/v2/recordings/participant?roomId=${ROOM}&participantId=ada&page=1&perPage=5`]);
    expect(v.decisions.map((d) => [d.action, d.roomId, d.participantId])).toEqual([['list', ROOM, 'ada']]);
  });
});

describe('17.7: answers that broke the routes', () => {
  it('17.7: a token the upstream echoes as a JSON key is redacted', async () => {
    const r = await rtk({
      answer: (request) =>
        Response.json({
          success: true,
          data: [],
          paging: { total_count: 0, start_offset: 0, end_offset: 0 },
          echo: { [TOKEN]: 'seen', [`Bearer ${TOKEN}`]: { nested: { [`x-${TOKEN}-y`]: 1 } }, headers: { authorization: request.headers.get('authorization') } },
        }),
    });
    const text = (await rawRequest(r.url(`/recordings?meeting_id=${MEETING}`), { headers: member })).body;
    expect(text).not.toContain(TOKEN);
    expect(JSON.parse(text).echo).toEqual({ '[redacted]': { nested: { '[redacted]': 1 } }, headers: { authorization: '[redacted]' } });

    const v = await vsdk({ answer: (request) => Response.json({ ...recordingFixture, roomId: ROOM, [request.headers.get('authorization')!]: true, [SECRET]: 1 }) });
    const vtext = (await rawRequest(v.url(`/v2/recordings/participant/${recordingFixture.id}`), { headers: member })).body;
    expect(vtext).not.toContain(SECRET);
    expect(vtext).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/); // no JWT
  });

  it('17.7: an upstream 204 becomes 200 with a JSON body the clients read', async () => {
    const r = await rtk({ answer: () => new Response(null, { status: 204 }) });
    const client = createRealtimeKitClient({ baseUrl: `${r.origin}${RTK_BASE}`, headers: member });
    await expect(client.startRecording({ meetingId: MEETING })).resolves.toBeNull();
    const raw = await rawRequest(r.url('/recordings'), { method: 'POST', headers: { ...member, ...json }, body: JSON.stringify({ meeting_id: MEETING }) });
    expect([raw.status, JSON.parse(raw.body)]).toEqual([200, { success: true }]);

    const v = await vsdk({ answer: () => new Response(null, { status: 204 }) });
    const stop = await rawRequest(v.url('/v2/recordings/participant/stop'), { method: 'POST', headers: { ...member, ...json }, body: JSON.stringify({ roomId: ROOM, participantId: 'ada' }) });
    expect([stop.status, JSON.parse(stop.body)]).toEqual([200, {}]);
    // An empty refusal keeps its status.
    const refused = await vsdk({ answer: () => new Response(null, { status: 404 }) });
    const missing = await rawRequest(refused.url('/v2/recordings/participant/stop'), { method: 'POST', headers: { ...member, ...json }, body: JSON.stringify({ roomId: ROOM, participantId: 'ada' }) });
    expect(missing.status).toBe(404);
  });

  it.each([['TRACE'], ['DELETE'], ['PATCH'], ['OPTIONS'], ['HEAD']])('17.7: %s gets 405 with an Allow header, never 500, and calls nothing', async (method) => {
    const r = await rtk();
    const v = await vsdk();
    const a = await rawRequest(r.url('/recordings/abc'), { method, headers: member });
    const b = await rawRequest(v.url('/v2/recordings/participant/abc'), { method, headers: member });
    expect([a.status, b.status]).toEqual([405, 405]);
    for (const allow of [a.headers.allow, b.headers.allow]) expect(allow).toMatch(/GET/);
    if (method !== 'TRACE') {
      expect(a.headers.allow).toBe('GET, POST, PUT');
      expect(b.headers.allow).toBe('GET, POST');
    }
    expect(r.calls).toEqual([]);
    expect(v.calls).toEqual([]);
    expect(r.decisions).toEqual([]);
  });
});
