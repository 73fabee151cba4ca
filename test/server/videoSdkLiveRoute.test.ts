// Issue 19 items 2 and 3: VideoSDK's live-stream paths through createVideoSdkRoute (RTMP out with
// server-held destinations, HLS start/end and the active-HLS read), on a real loopback server with a
// fake VideoSDK that records every call. The browser names destination ids; keys never come back.
import { afterEach, describe, expect, it } from 'vitest';
import { createVideoSdkRoute, type VideoSdkRouteTarget } from '../../src/server/index.js';
import hlsFixture from '../fixtures/videosdk/hls-start.json' with { type: 'json' };
import { rawRequest, recordingFetch, serveRoute, type RouteServer } from './support/routeServer.js';

const BASE = '/api/videosdk';
const ROOM = 'abcd-efgh-ijkl';
const OTHER_ROOM = 'zzzz-yyyy-xxxx';
const YT_KEY = 'yt-key-abcd-1234-efgh-5678';
const TW_KEY = 'live_123456789_TwitchSecretKey';
const DESTINATIONS = [
  { id: 'youtube', name: 'YouTube', url: 'rtmp://a.rtmp.youtube.com/live2', streamKey: YT_KEY },
  { id: 'twitch', name: 'Twitch', url: 'rtmp://live.twitch.tv/app', streamKey: TW_KEY },
];

let server: RouteServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** VideoSDK, played back: echoes what it got (a careless upstream would echo keys), HLS from the fixture. */
function answer(request: Request): Promise<Response> | Response {
  const path = new URL(request.url).pathname;
  if (path === '/v2/hls/start' || path.endsWith('/active')) return Response.json(hlsFixture);
  return request.text().then((body) => Response.json({ message: `ok: ${body}`, received: JSON.parse(body || '{}') }));
}

async function setup() {
  const upstream = recordingFetch(answer);
  const decisions: VideoSdkRouteTarget[] = [];
  server = await serveRoute(
    createVideoSdkRoute({
      apiKey: 'b0d3c3a4-videosdk-api-key',
      secret: 'videosdk-project-secret-0123456789abcdef0123456789',
      basePath: BASE,
      destinations: DESTINATIONS,
      fetch: upstream.fetch,
      authorize: (request, target) => {
        decisions.push(target);
        return request.headers.get('cookie') === 'session=ada' && target.roomId === ROOM;
      },
    }),
  );
  const origin = server.origin;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    rawRequest(`${origin}${BASE}${path}`, {
      method: 'POST',
      headers: { cookie: 'session=ada', 'content-type': 'application/json', origin, ...headers },
      body: JSON.stringify(body),
    });
  const get = (path: string) => rawRequest(`${origin}${BASE}${path}`, { headers: { cookie: 'session=ada' } });
  return { calls: upstream.calls, decisions, post, get };
}

describe('19.2/19.3: VideoSDK RTMP out with server-held destinations', () => {
  it('19.3: the browser names destination ids; VideoSDK gets outputs [{url, streamKey}]; no key comes back', async () => {
    const { calls, decisions, post } = await setup();
    const response = await post('/v2/livestreams/start', { roomId: ROOM, destinations: ['youtube', 'twitch', 'youtube'] });
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('https://api.videosdk.live/v2/livestreams/start');
    expect(JSON.parse(calls[0]!.body)).toEqual({
      roomId: ROOM,
      outputs: [
        { url: 'rtmp://a.rtmp.youtube.com/live2', streamKey: YT_KEY },
        { url: 'rtmp://live.twitch.tv/app', streamKey: TW_KEY },
      ],
    });
    expect(decisions).toEqual([expect.objectContaining({ action: 'livestream-start', stage: 'resource', roomId: ROOM, destinationIds: ['youtube', 'twitch'] })]);
    // The upstream echoed the keys: the answer carries neither key nor ingest URL.
    expect(response.body).not.toContain(YT_KEY);
    expect(response.body).not.toContain(TW_KEY);
    expect(response.body).not.toContain('rtmp://');
    const end = await post('/v2/livestreams/end', { roomId: ROOM });
    expect(end.status).toBe(200);
    expect(calls[1]!.url).toBe('https://api.videosdk.live/v2/livestreams/end');
    expect(JSON.parse(calls[1]!.body)).toEqual({ roomId: ROOM });
  });

  it.each([
    ['outputs of its own', { roomId: ROOM, outputs: [{ url: 'rtmp://evil.example/live', streamKey: 'x' }] }],
    ['an unknown destination', { roomId: ROOM, destinations: ['mixer'] }],
    ['__proto__ as a destination', { roomId: ROOM, destinations: ['__proto__'] }],
    ['constructor as a destination', { roomId: ROOM, destinations: ['constructor'] }],
    ['no destinations', { roomId: ROOM }],
    ['no room', { destinations: ['youtube'] }],
  ])('19.3: a start with %s is refused (400) before authorize and before anything goes upstream', async (_, body) => {
    const { calls, decisions, post } = await setup();
    const response = await post('/v2/livestreams/start', body);
    expect(response.status).toBe(400);
    expect(response.body).not.toContain(YT_KEY);
    expect(calls).toEqual([]);
    expect(decisions).toEqual([]);
  });

  it('19.2: another room is 403 with nothing upstream; a cross-site start is 403 before authorize', async () => {
    const { calls, decisions, post } = await setup();
    expect((await post('/v2/livestreams/start', { roomId: OTHER_ROOM, destinations: ['youtube'] })).status).toBe(403);
    expect((await post('/v2/hls/start', { roomId: OTHER_ROOM })).status).toBe(403);
    expect(calls).toEqual([]);
    decisions.length = 0;
    for (const path of ['/v2/livestreams/start', '/v2/livestreams/end', '/v2/hls/start', '/v2/hls/end']) {
      const response = await post(path, { roomId: ROOM, destinations: ['youtube'] }, { origin: 'https://evil.example' });
      expect([path, response.status]).toEqual([path, 403]);
    }
    expect(decisions).toEqual([]);
    expect(calls).toEqual([]);
  });
});

describe('19.2: VideoSDK HLS through the route', () => {
  it('19.2: hls start and end mirror VideoSDK; the active read gives the playback URL; browser options are dropped', async () => {
    const { calls, decisions, post, get } = await setup();
    const started = await post('/v2/hls/start', { roomId: ROOM, templateUrl: 'https://evil.example/template', config: { quality: 'high' } });
    expect(started.status).toBe(200);
    expect(JSON.parse(calls[0]!.body)).toEqual({ roomId: ROOM });
    const active = await get(`/v2/hls/${ROOM}/active`);
    expect(active.status).toBe(200);
    expect(JSON.parse(active.body).playbackHlsUrl).toBe(hlsFixture.playbackHlsUrl);
    expect(calls[1]!.url).toBe(`https://api.videosdk.live/v2/hls/${ROOM}/active`);
    expect((await get(`/v2/hls/${OTHER_ROOM}/active`)).status).toBe(403);
    expect((await post('/v2/hls/end', { roomId: ROOM })).status).toBe(200);
    expect(calls.map((call) => `${call.method} ${new URL(call.url).pathname}`)).toEqual([
      'POST /v2/hls/start',
      `GET /v2/hls/${ROOM}/active`,
      'POST /v2/hls/end',
    ]);
    expect(decisions.map((d) => d.action)).toEqual(['hls-start', 'hls-active', 'hls-active', 'hls-end']);
  });

  it('19.2: other methods and paths under /v2/hls and /v2/livestreams are 404/405 and call nothing', async () => {
    const { calls, get, post } = await setup();
    expect((await get('/v2/livestreams/start')).status).toBe(404);
    expect((await get('/v2/hls')).status).toBe(404);
    expect((await post('/v2/hls/capture', { roomId: ROOM })).status).toBe(404);
    expect((await get(`/v2/hls/${ROOM}/active/x`)).status).toBe(404);
    expect(calls).toEqual([]);
  });
});

describe('19.2: the VideoSDK client through the route', () => {
  it('19.2: startLiveStream names ids, startHls/getActiveHls/stopHls/stopLiveStream reach the mirrored paths; the playback URL is checked', async () => {
    const { calls } = await setup();
    const { createVideoSdkClient } = await import('../../src/adapters/videosdk/index.js');
    // The browser's session cookie and Origin, as a same-origin page would send them.
    const withSession: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('cookie', 'session=ada');
      headers.set('origin', server!.origin);
      return fetch(input, { ...init, headers });
    };
    const client = createVideoSdkClient({ baseUrl: `${server!.origin}${BASE}`, getToken: async () => 'unused-by-the-route', fetch: withSession });
    await client.startLiveStream({ roomId: ROOM, destinations: ['twitch'] });
    expect(JSON.parse(calls[0]!.body)).toEqual({ roomId: ROOM, outputs: [{ url: 'rtmp://live.twitch.tv/app', streamKey: TW_KEY }] });
    await client.startHls({ roomId: ROOM });
    const active = await client.getActiveHls(ROOM);
    expect(active.playbackHlsUrl).toBe(hlsFixture.playbackHlsUrl);
    expect(active.livestreamUrl).toBe(hlsFixture.livestreamUrl);
    await client.stopHls({ roomId: ROOM });
    await client.stopLiveStream({ roomId: ROOM });
    expect(calls.map((call) => new URL(call.url).pathname)).toEqual([
      '/v2/livestreams/start',
      '/v2/hls/start',
      `/v2/hls/${ROOM}/active`,
      '/v2/hls/end',
      '/v2/livestreams/end',
    ]);
  });
});

describe('19: the server-held destinations, listed for the browser', () => {
  /** The README's authorize: strangers refused at the caller stage, members decided per room. */
  async function listing(destinations = DESTINATIONS) {
    const upstream = recordingFetch(answer);
    const decisions: VideoSdkRouteTarget[] = [];
    server = await serveRoute(
      createVideoSdkRoute({
        apiKey: 'b0d3c3a4-videosdk-api-key',
        secret: 'videosdk-project-secret-0123456789abcdef0123456789',
        basePath: BASE,
        destinations,
        fetch: upstream.fetch,
        authorize: (request, target) => {
          decisions.push(target);
          if (request.headers.get('cookie') !== 'session=ada') return false;
          return target.stage === 'caller' || target.roomId === ROOM;
        },
      }),
    );
    const at = `${server.origin}${BASE}/v2/livestreams/destinations`;
    return { calls: upstream.calls, decisions, at, origin: server.origin };
  }

  it('19: GET /v2/livestreams/destinations answers { data: [{ id, name }] } — no key, no URL anywhere in the body — after a caller-stage authorize, nothing upstream', async () => {
    const { calls, decisions, at } = await listing();
    const response = await rawRequest(at, { headers: { cookie: 'session=ada' } });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      data: [
        { id: 'youtube', name: 'YouTube' },
        { id: 'twitch', name: 'Twitch' },
      ],
    });
    for (const secret of [YT_KEY, TW_KEY, 'rtmp://', 'a.rtmp.youtube.com', 'live.twitch.tv', 'streamKey', '"url"']) expect(response.body).not.toContain(secret);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(decisions).toEqual([
      { action: 'livestream-destinations', stage: 'caller', roomId: undefined, participantId: undefined, recordingId: undefined },
    ]);
    // Nothing to ask VideoSDK: the list is the route's own.
    expect(calls).toEqual([]);
  });

  it('19: an anonymous caller (and a refused one) gets 403 and no name of any destination', async () => {
    const { calls, decisions, at } = await listing();
    for (const headers of [{}, { cookie: 'session=mallory' }] as Array<Record<string, string>>) {
      const response = await rawRequest(at, { headers });
      expect(response.status).toBe(403);
      expect(response.body).not.toContain('youtube');
      expect(response.body).not.toContain('YouTube');
      expect(response.body).not.toContain(YT_KEY);
    }
    expect(decisions.map((d) => [d.action, d.stage])).toEqual([
      ['livestream-destinations', 'caller'],
      ['livestream-destinations', 'caller'],
    ]);
    expect(calls).toEqual([]);
  });

  it('19: a cross-site GET is a read like the active-HLS read: it goes to authorize (a stranger gets 403) and no CORS header lets another site read it', async () => {
    const { decisions, at } = await listing();
    const stranger = await rawRequest(at, { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(stranger.status).toBe(403);
    const member = await rawRequest(at, { headers: { cookie: 'session=ada', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(member.status).toBe(200);
    expect(member.headers['access-control-allow-origin']).toBeUndefined();
    expect(member.body).not.toContain(YT_KEY);
    expect(decisions.map((d) => d.action)).toEqual(['livestream-destinations', 'livestream-destinations']);
  });

  it('19: a route with no destinations answers { data: [] }; POST on the list path is 404 and calls nothing', async () => {
    const { calls, decisions, at, origin } = await listing([]);
    const response = await rawRequest(at, { headers: { cookie: 'session=ada' } });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ data: [] });
    const posted = await rawRequest(at, { method: 'POST', headers: { cookie: 'session=ada', 'content-type': 'application/json', origin }, body: '{}' });
    expect(posted.status).toBe(404);
    expect(decisions).toHaveLength(1);
    expect(calls).toEqual([]);
  });

  it('19: the client lists them through the route (ids and names only) and goes live to what it listed', async () => {
    const { calls, origin } = await listing();
    const { createVideoSdkClient } = await import('../../src/adapters/videosdk/index.js');
    const withSession: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('cookie', 'session=ada');
      headers.set('origin', origin);
      return fetch(input, { ...init, headers });
    };
    const client = createVideoSdkClient({ baseUrl: `${origin}${BASE}`, getToken: () => 'unused-by-the-route', fetch: withSession });
    const listed = await client.listLiveStreamDestinations();
    expect(listed).toEqual([
      { id: 'youtube', name: 'YouTube' },
      { id: 'twitch', name: 'Twitch' },
    ]);
    await client.startLiveStream({ roomId: ROOM, destinations: listed.map((d) => d.id) });
    expect(JSON.parse(calls[0]!.body).outputs).toEqual([
      { url: 'rtmp://a.rtmp.youtube.com/live2', streamKey: YT_KEY },
      { url: 'rtmp://live.twitch.tv/app', streamKey: TW_KEY },
    ]);
  });
});
