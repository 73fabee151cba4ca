// createRealtimeKitRoute on a real loopback http server (through toNodeHandler), with the browser
// client in front and the simulated RealtimeKit backend behind an injected fetch. The simulator's
// answers are cut to what Cloudflare's own types promise (`cloudflareShaped`): only list items name
// their meeting; a recording's session names it (`GET /sessions/{id}` → `associated_id`).
import { afterEach, describe, expect, it } from 'vitest';
import { createRealtimeKitClient, isRealtimeKitError } from '../../src/adapters/realtimekit/index.js';
import { createRealtimeKitRoute, type RealtimeKitRouteOptions, type RealtimeKitRouteTarget } from '../../src/server/index.js';
import { createRealtimeKitBackend, type RealtimeKitBackend } from '../../src/simulator/realtimekit/index.js';
import details from '../fixtures/realtimekit/recording-details.json' with { type: 'json' };
import { cloudflareShaped } from './support/cloudflareShaped.js';
import { rawRequest, recordingFetch, serveRoute, type RouteServer, type UpstreamCall } from './support/routeServer.js';

const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
const APP = '14a396e7-ca44-4937-bf1f-050a69118543';
const TOKEN = 'cf-api-token-Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQ';
const BASE = '/api/realtimekit';
const UPSTREAM = `https://api.cloudflare.com/client/v4/accounts/${ACCOUNT}/realtime/kit/${APP}`;
const MEETING = 'bbb4b5b6-0000-4000-8000-00000000a001';
const OTHER_MEETING = 'ccc4b5b6-0000-4000-8000-00000000c001';

let server: RouteServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Setup {
  readonly backend: RealtimeKitBackend;
  readonly calls: UpstreamCall[];
  readonly decisions: RealtimeKitRouteTarget[];
  readonly origin: string;
}

/** The route on loopback; `authorize` allows everything but `deny` (and records every decision). */
async function setup(
  options: {
    deny?: (target: RealtimeKitRouteTarget) => boolean;
    answer?: (request: Request, backend: RealtimeKitBackend) => Response | Promise<Response>;
    maxBodyBytes?: number;
    route?: Partial<RealtimeKitRouteOptions>;
  } = {},
): Promise<Setup> {
  const backend = createRealtimeKitBackend({ invokeMs: 0, uploadMs: 0 });
  const decisions: RealtimeKitRouteTarget[] = [];
  const shaped = cloudflareShaped(backend);
  const upstream = recordingFetch((request) => (options.answer ? options.answer(request, backend) : shaped(request)));
  const route = createRealtimeKitRoute({
    accountId: ACCOUNT,
    appId: APP,
    apiToken: TOKEN,
    basePath: BASE,
    fetch: upstream.fetch,
    maxBodyBytes: options.maxBodyBytes,
    ...options.route,
    authorize: (request, target) => {
      decisions.push(target);
      return request.headers.get('x-app-session') === 'member' && !(options.deny?.(target) ?? false);
    },
  });
  server = await serveRoute(route);
  return { backend, calls: upstream.calls, decisions, origin: server.origin };
}

const clientFor = (origin: string) => createRealtimeKitClient({ baseUrl: `${origin}${BASE}`, headers: { 'x-app-session': 'member' } });

describe('createRealtimeKitRoute', () => {
  it('serves the unchanged browser client: all six endpoints reach Cloudflare with the token added', async () => {
    const { backend, calls, decisions, origin } = await setup();
    backend.seed({ count: 3, meetingId: MEETING });
    const client = clientFor(origin);

    const page = await client.listRecordings({ meetingId: MEETING, page: 1, perPage: 2, status: ['ready'] });
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(3);
    const started = (await client.startRecording({ meetingId: MEETING }))!;
    expect(['invoked', 'recording']).toContain(started.status);
    expect((await client.getActiveRecording(MEETING))?.id).toBe(started.id);
    expect((await client.getRecording(started.id)).id).toBe(started.id);
    expect((await client.pauseRecording(started.id))?.status).toBe('paused');
    expect((await client.resumeRecording(started.id))?.status).toBe('recording');
    expect((await client.stopRecording(started.id))?.status).toBe('ready');
    const track = (await client.startTrackRecording({ meetingId: MEETING, userIds: ['u1'] }))!;
    expect(track.id).not.toBe(started.id);

    // Upstream: the real paths under the account and app, the token as a bearer, the list filters as
    // sent — and one call per action: the start's answer told the route which meeting the recording is in.
    expect(calls.map((c) => `${c.method} ${c.url.replace(UPSTREAM, '')}`)).toEqual([
      'GET /recordings?meeting_id=bbb4b5b6-0000-4000-8000-00000000a001&page_no=1&per_page=2&status=UPLOADED',
      'POST /recordings',
      `GET /recordings/active-recording/${MEETING}`,
      `GET /recordings/${started.id}`,
      `PUT /recordings/${started.id}`,
      `PUT /recordings/${started.id}`,
      `PUT /recordings/${started.id}`,
      'POST /recordings/track',
    ]);
    for (const call of calls) expect(call.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.parse(calls.at(-1)!.body)).toEqual({ meeting_id: MEETING, user_ids: ['u1'] });
    // authorize saw the meeting of every call, once, from the query, the body, the path or the start's answer.
    expect(decisions.map((d) => [d.action, d.stage, d.meetingId])).toEqual([
      ['list', 'resource', MEETING],
      ['start', 'resource', MEETING],
      ['active', 'resource', MEETING],
      ['details', 'resource', MEETING],
      ['pause', 'resource', MEETING],
      ['resume', 'resource', MEETING],
      ['stop', 'resource', MEETING],
      ['startTrack', 'resource', MEETING],
    ]);
  });

  it.each([
    ['POST', '/recordings/abc'],
    ['PUT', '/recordings'],
    ['GET', '/recordings/track'],
    ['PUT', '/recordings/track'],
    ['GET', '/recordings/active-recording'],
    ['GET', '/recordings/active-recording/m/x'],
    ['POST', '/recordings/active-recording/m'],
    ['GET', '/recordings/'],
    ['GET', '/recordings/abc/extra'],
    ['GET', '/recordings/%2e%2e'],
    ['GET', '/recordings/.%2E'],
    ['PUT', '/recordings/%2e'],
    ['GET', '/recordings/%E0%A4%A'],
    ['GET', '/meetings'],
    ['GET', '/sessions/abc'],
    ['GET', '/livestreams'],
    ['GET', ''],
  ])('answers 404 to %s {basePath}%s and calls nothing', async (method, path) => {
    const { calls, decisions, origin } = await setup();
    const response = await rawRequest(`${origin}${BASE}${path}`, {
      method,
      headers: { 'x-app-session': 'member', 'content-type': 'application/json' },
      body: method === 'GET' || method === 'HEAD' ? undefined : '{"action":"stop","meeting_id":"m"}',
    });
    expect(response.status).toBe(404);
    expect(calls).toEqual([]);
    expect(decisions).toEqual([]);
  });

  it('answers 404 outside basePath and to paths that climb out of it', async () => {
    const { calls, origin } = await setup();
    for (const path of ['/api/realtimekitx/recordings', '/api/other/recordings', `${BASE}/../realtimekit2/recordings`, '/recordings']) {
      expect((await rawRequest(`${origin}${path}`, { headers: { 'x-app-session': 'member' } })).status).toBe(404);
    }
    expect(calls).toEqual([]);
  });

  it('forwards ids such as __proto__, constructor and ones with a slash as one encoded segment', async () => {
    const { calls, origin } = await setup();
    const client = clientFor(origin);
    for (const id of ['__proto__', 'constructor', 'a/b', 'toString']) {
      const error = await client.getRecording(id).catch((e: unknown) => e);
      expect(isRealtimeKitError(error) && error.status).toBe(404);
    }
    expect(calls.map((c) => c.url.replace(UPSTREAM, ''))).toEqual([
      '/recordings/__proto__',
      '/recordings/constructor',
      '/recordings/a%2Fb',
      '/recordings/toString',
    ]);
  });

  it('answers 403 when authorize says no, before anything is started, changed or shown', async () => {
    const { backend, calls, decisions, origin } = await setup({ deny: (t) => t.meetingId === OTHER_MEETING });
    const [theirs] = backend.seed({ count: 1, meetingId: OTHER_MEETING });
    const client = clientFor(origin);
    const denied = async (promise: Promise<unknown>) => {
      const error = await promise.catch((e: unknown) => e);
      expect(isRealtimeKitError(error) && error.status).toBe(403);
    };
    await denied(client.listRecordings({ meetingId: OTHER_MEETING }));
    await denied(client.startRecording({ meetingId: OTHER_MEETING }));
    await denied(client.startTrackRecording({ meetingId: OTHER_MEETING }));
    await denied(client.getActiveRecording(OTHER_MEETING));
    await denied(client.getRecording(theirs!));
    await denied(client.stopRecording(theirs!));
    // Only the look-ups of the recording's meeting went upstream (for a caller who passed the first
    // stage): the recording, then its session; once learnt, the stop needed neither. No list, no start, no PUT.
    expect(calls.map((c) => `${c.method} ${c.url.replace(UPSTREAM, '').replace(/sessions\/.*/, 'sessions/…')}`)).toEqual([
      `GET /recordings/${theirs}`,
      'GET /sessions/…',
    ]);
    expect(decisions.map((d) => [d.action, d.stage])).toEqual([
      ['list', 'resource'],
      ['start', 'resource'],
      ['startTrack', 'resource'],
      ['active', 'resource'],
      ['details', 'caller'],
      ['details', 'resource'],
      ['stop', 'resource'],
    ]);
    expect(decisions.at(-1)!.meetingId).toBe(OTHER_MEETING);

    // A second meeting_id cannot ride along behind the authorized one.
    calls.length = 0;
    const smuggled = await fetch(`${origin}${BASE}/recordings?meeting_id=${MEETING}&meeting_id=${OTHER_MEETING}&status=UPLOADED&status=ERRORED`, {
      headers: { 'x-app-session': 'member' },
    });
    expect(smuggled.status).toBe(200);
    expect(calls.map((c) => c.url)).toEqual([`${UPSTREAM}/recordings?meeting_id=${MEETING}&status=UPLOADED&status=ERRORED`]);

    // No app session at all: 403 as well.
    const anonymous = await fetch(`${origin}${BASE}/recordings?meeting_id=${MEETING}`);
    expect(anonymous.status).toBe(403);
  });

  it('refuses a control action other than pause, resume, stop (400) and a body that is not a JSON object', async () => {
    const { calls, origin } = await setup();
    const put = (body: string) => fetch(`${origin}${BASE}/recordings/abc`, { method: 'PUT', headers: { 'x-app-session': 'member', 'content-type': 'application/json' }, body });
    expect((await put('{"action":"delete"}')).status).toBe(400);
    expect((await put('[1]')).status).toBe(400);
    expect((await put('not json')).status).toBe(400);
    expect((await put(`${'['.repeat(200)}${']'.repeat(200)}`)).status).toBe(400);
    expect(calls).toEqual([]);
  });

  it('never returns storage credentials or the token, whatever case or depth they come in', async () => {
    const hostile = {
      ...details,
      data: {
        ...details.data,
        storage_config: { ...details.data.storage_config, Secret_Key: 'S3-SECRET-KEY', SECRET: 'UPPER-SECRET', Password: 'sftp-pass', private_key: '-----BEGIN KEY-----' },
        nested: [{ deeper: { secret_key: 'deep-secret', note: `echo ${TOKEN}` } }],
      },
    };
    const { backend, origin } = await setup({
      answer: (request, b) => (new URL(request.url).pathname.endsWith('/recordings/97440c6a-140b-40a9-9499-b23fd7a3868a') ? Response.json(hostile) : b.handle(request)),
      route: { startOptions: (body, { allowed }) => ({ ...allowed, realtimekit_bucket_config: body.realtimekit_bucket_config }) },
    });
    // A recording in the app's own bucket: the simulator answers with its storage_config, secrets included.
    const own = (await clientFor(origin).startRecording({ meetingId: MEETING, providerOptions: { realtimekit_bucket_config: { enabled: false } } }))!;
    expect(backend.requests.at(-1)?.endpoint).toBe('start');

    const texts = [
      await (await fetch(`${origin}${BASE}/recordings/97440c6a-140b-40a9-9499-b23fd7a3868a`, { headers: { 'x-app-session': 'member' } })).text(),
      await (await fetch(`${origin}${BASE}/recordings/${own.id}`, { headers: { 'x-app-session': 'member' } })).text(),
      await (await fetch(`${origin}${BASE}/recordings?meeting_id=${MEETING}`, { headers: { 'x-app-session': 'member' } })).text(),
    ];
    for (const text of texts) {
      for (const secret of ['AKIA', 'write-only-secret', 'simulated-secret', 'S3-SECRET-KEY', 'UPPER-SECRET', 'sftp-pass', 'BEGIN KEY', 'deep-secret', TOKEN]) {
        expect(text).not.toContain(secret);
      }
    }
    const body = JSON.parse(texts[0]!) as { data: { storage_config: Record<string, unknown>; nested: unknown } };
    expect(body.data.storage_config).toEqual({ type: 'aws', bucket: 'acme-recordings', region: 'us-east-1', path: 'meetings/' });
    expect(body.data.nested).toEqual([{ deeper: { note: '[redacted]' } }]);
    expect(JSON.parse(texts[1]!).data.storage_config).toEqual({ type: 'aws', bucket: 'acme-recordings', region: 'eu-central-1', path: 'meetings/' });
  });

  it('drops credentials a browser sends in a start body; prepareBody can add the server’s own', async () => {
    const backend = createRealtimeKitBackend({ invokeMs: 0, uploadMs: 0 });
    const upstream = recordingFetch((request) => backend.handle(request));
    server = await serveRoute(
      createRealtimeKitRoute({
        accountId: ACCOUNT,
        appId: APP,
        apiToken: TOKEN,
        basePath: BASE,
        fetch: upstream.fetch,
        authorize: () => true,
        prepareBody: (body) => ({ ...body, storage_config: { ...(body.storage_config as object), secret: 'server-side-secret' } }),
      }),
    );
    const response = await fetch(`${server.origin}${BASE}/recordings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ meeting_id: MEETING, storage_config: { type: 'aws', bucket: 'theirs', access_key: 'BROWSER-KEY', SECRET: 'browser-secret' } }),
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(upstream.calls[0]!.body)).toEqual({ meeting_id: MEETING, storage_config: { type: 'aws', bucket: 'theirs', secret: 'server-side-secret' } });
  });

  it('forwards no hop-by-hop header, cookie or browser Authorization upstream, and none back', async () => {
    const { calls, origin } = await setup({
      answer: () =>
        new Response(JSON.stringify({ success: true, data: [], paging: { total_count: 0, start_offset: 0, end_offset: 0 } }), {
          headers: {
            'content-type': 'application/json',
            'set-cookie': '__cf_bm=tracking; Path=/; HttpOnly',
            'keep-alive': 'timeout=99',
            'proxy-authenticate': 'Basic',
            trailer: 'x-checksum',
            'x-upstream-debug': 'internal',
            'cf-ray': '8f00-FRA',
          },
        }),
    });
    const response = await rawRequest(`${origin}${BASE}/recordings?meeting_id=${MEETING}&page_no=1&debug=1&api_token=x`, {
      headers: {
        'x-app-session': 'member',
        connection: 'keep-alive, x-hop',
        'x-hop': 'hop-value',
        'keep-alive': 'timeout=5',
        te: 'trailers',
        'proxy-authorization': 'Basic cHJveHk6cHJveHk=',
        cookie: 'session=app-cookie',
        authorization: 'Bearer browser-token',
        'x-forwarded-for': '203.0.113.9',
      },
    });
    expect(response.status).toBe(200);
    const sent = calls[0]!;
    expect(Object.keys(sent.headers).sort()).toEqual(['accept', 'authorization']);
    expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
    // Undocumented query parameters are dropped too.
    expect(sent.url).toBe(`${UPSTREAM}/recordings?meeting_id=${MEETING}&page_no=1`);
    for (const name of ['set-cookie', 'proxy-authenticate', 'trailer', 'x-upstream-debug', 'cf-ray']) {
      expect(response.headers[name]).toBeUndefined();
    }
    // Node's own server sets its Keep-Alive; Cloudflare's never passes.
    expect(response.headers['keep-alive']).not.toBe('timeout=99');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('caps the request body: 413 by Content-Length and for a chunked body that grows past the cap', async () => {
    const { calls, decisions, origin } = await setup({ maxBodyBytes: 1024 });
    const big = JSON.stringify({ meeting_id: MEETING, file_name_prefix: 'x'.repeat(2000) });
    const declared = await rawRequest(`${origin}${BASE}/recordings`, { method: 'POST', headers: { 'x-app-session': 'member', 'content-type': 'application/json' }, body: big });
    expect(declared.status).toBe(413);
    const chunked = await rawRequest(`${origin}${BASE}/recordings`, {
      method: 'POST',
      headers: { 'x-app-session': 'member', 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      chunks: [big.slice(0, 600), big.slice(600, 1200)],
      body: big.slice(1200),
    });
    expect(chunked.status).toBe(413);
    expect(calls).toEqual([]);
    expect(decisions).toEqual([]);
    // Just under the cap passes.
    const small = await rawRequest(`${origin}${BASE}/recordings`, {
      method: 'POST',
      headers: { 'x-app-session': 'member', 'content-type': 'application/json' },
      body: JSON.stringify({ meeting_id: MEETING, file_name_prefix: 'x'.repeat(900) }),
    });
    expect(small.status).toBe(200);
  });

  it('answers 502 with a readable message when Cloudflare is unreachable or answers something that is not JSON', async () => {
    let mode: 'down' | 'html' = 'down';
    const { origin } = await setup({ answer: () => (mode === 'down' ? Response.error() : new Response('<html>Bad gateway</html>', { status: 502 })) });
    const client = clientFor(origin);
    const down = await client.listRecordings({ meetingId: MEETING }).catch((e: unknown) => e);
    expect(isRealtimeKitError(down) && [down.status, down.message]).toEqual([502, 'RealtimeKit could not be reached.']);
    mode = 'html';
    const html = await client.listRecordings({ meetingId: MEETING }).catch((e: unknown) => e);
    expect(isRealtimeKitError(html) && html.status).toBe(502);
    expect(isRealtimeKitError(html) && html.message).toContain('not JSON');
  });

  it('refuses to start without credentials or basePath', () => {
    const base = { accountId: ACCOUNT, appId: APP, apiToken: TOKEN, basePath: BASE, authorize: () => true };
    expect(() => createRealtimeKitRoute({ ...base, apiToken: '' })).toThrow(/apiToken/);
    expect(() => createRealtimeKitRoute({ ...base, basePath: 'api' })).toThrow(/basePath/);
  });
});
