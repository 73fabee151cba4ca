// Issue 19.2: a RealtimeKit meeting's livestream through createRealtimeKitRoute — Cloudflare's paths
// (`cloudflare` package resources/realtime-kit/livestreams), the same guard, authorize and allow-list
// as the recordings, and no ingest key in any answer.
import { afterEach, describe, expect, it } from 'vitest';
import { createRealtimeKitRoute, type RealtimeKitRouteTarget } from '../../src/server/index.js';
import startFixture from '../fixtures/realtimekit/livestream-start.json' with { type: 'json' };
import { rawRequest, recordingFetch, serveRoute, type RouteServer } from './support/routeServer.js';

const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
const APP = '14a396e7-ca44-4937-bf1f-050a69118543';
const BASE = '/api/realtimekit';
const UPSTREAM = `https://api.cloudflare.com/client/v4/accounts/${ACCOUNT}/realtime/kit/${APP}`;
const MEETING = 'bbb4b5b6-0000-4000-8000-00000000a001';
const OTHER = 'ccc4b5b6-0000-4000-8000-00000000c001';

let server: RouteServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(answer: () => Response = () => Response.json(startFixture)) {
  const upstream = recordingFetch(answer);
  const decisions: RealtimeKitRouteTarget[] = [];
  server = await serveRoute(
    createRealtimeKitRoute({
      accountId: ACCOUNT,
      appId: APP,
      apiToken: 'cf-api-token-Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQ',
      basePath: BASE,
      fetch: upstream.fetch,
      authorize: (request, target) => {
        decisions.push(target);
        return request.headers.get('cookie') === 'session=ada' && target.meetingId === MEETING;
      },
    }),
  );
  const origin = server.origin;
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    rawRequest(`${origin}${BASE}${path}`, {
      method,
      headers: { cookie: 'session=ada', ...(body === undefined ? {} : { 'content-type': 'application/json' }), origin, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { calls: upstream.calls, decisions, send };
}

describe('19.2: RealtimeKit livestream through the route', () => {
  it('19.2: start, read the active one and stop mirror Cloudflare; the ingest key never reaches the browser', async () => {
    const { calls, decisions, send } = await setup();
    const started = await send('POST', `/meetings/${MEETING}/livestreams`, { name: 'All-hands', video_config: { width: 1280, height: 720, fps: 60 }, rtmp_url: 'rtmp://evil' });
    expect(started.status).toBe(200);
    const answer = JSON.parse(started.body);
    expect(answer.data.playback_url).toBe(startFixture.data.playback_url);
    expect(answer.data.status).toBe('INVOKED');
    expect(started.body).not.toContain(startFixture.data.stream_key);
    expect(started.body).not.toContain('ingest_server');
    expect(calls[0]!.url).toBe(`${UPSTREAM}/meetings/${MEETING}/livestreams`);
    // Only the allow-listed fields of LivestreamStartLivestreamingAMeetingParams.
    expect(JSON.parse(calls[0]!.body)).toEqual({ name: 'All-hands', video_config: { width: 1280, height: 720 } });

    const active = await send('GET', `/meetings/${MEETING}/active-livestream`);
    expect(active.status).toBe(200);
    expect(active.body).not.toContain(startFixture.data.stream_key);
    expect(calls[1]!.url).toBe(`${UPSTREAM}/meetings/${MEETING}/active-livestream`);

    const stopped = await send('POST', `/meetings/${MEETING}/active-livestream/stop`, {});
    expect(stopped.status).toBe(200);
    expect(calls[2]!.url).toBe(`${UPSTREAM}/meetings/${MEETING}/active-livestream/stop`);
    expect(decisions.map((d) => [d.action, d.stage, d.meetingId])).toEqual([
      ['livestream-start', 'resource', MEETING],
      ['livestream-active', 'resource', MEETING],
      ['livestream-stop', 'resource', MEETING],
    ]);
  });

  it('19.2: another meeting is 403 and a cross-site start or stop is 403 before authorize; nothing upstream', async () => {
    const { calls, decisions, send } = await setup();
    expect((await send('POST', `/meetings/${OTHER}/livestreams`, {})).status).toBe(403);
    expect((await send('GET', `/meetings/${OTHER}/active-livestream`)).status).toBe(403);
    decisions.length = 0;
    for (const path of [`/meetings/${MEETING}/livestreams`, `/meetings/${MEETING}/active-livestream/stop`]) {
      expect((await send('POST', path, {}, { origin: 'https://evil.example' })).status).toBe(403);
      expect((await send('POST', path, {}, { 'content-type': 'text/plain' })).status).toBe(415);
    }
    expect(decisions).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('19.2: other paths under /meetings are 404 with nothing upstream (no meeting listing, no ids like __proto__ leaking)', async () => {
    const { calls, send } = await setup();
    expect((await send('GET', `/meetings/${MEETING}`)).status).toBe(404);
    expect((await send('GET', `/meetings/${MEETING}/livestreams`)).status).toBe(404);
    expect((await send('POST', `/meetings/${MEETING}/active-livestream/start`, {})).status).toBe(404);
    expect((await send('GET', `/meetings/${MEETING}/active-livestream/stop/x`)).status).toBe(404);
    expect(calls).toEqual([]);
  });

  it('19: "no active livestream" (Cloudflare 404) reaches the browser as 200 with data null — no console error on every page load; other failures stay', async () => {
    const { send } = await setup(() => Response.json({ success: false, errors: [{ code: 404, message: 'No active livestream found for this meeting' }] }, { status: 404 }));
    const none = await send('GET', `/meetings/${MEETING}/active-livestream`);
    expect(none.status).toBe(200);
    expect(JSON.parse(none.body)).toEqual({ success: true, data: null });
    // Only the read: a stop of nothing is still Cloudflare's 404.
    expect((await send('POST', `/meetings/${MEETING}/active-livestream/stop`, {})).status).toBe(404);
  });

  it('19: an upstream 500 on the active read is not turned into "none"', async () => {
    const { send } = await setup(() => Response.json({ success: false, errors: [{ code: 500, message: 'boom' }] }, { status: 500 }));
    expect((await send('GET', `/meetings/${MEETING}/active-livestream`)).status).not.toBe(200);
  });
});
