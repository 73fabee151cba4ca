import { http, HttpResponse } from 'msw';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RealtimeKitError } from '../../../src/adapters/realtimekit/index.js';
import { createRealtimeKitClient, isRealtimeKitError } from '../../../src/adapters/realtimekit/index.js';
import { createRealtimeKitBackend, realtimeKitHandlers, type RealtimeKitBackend } from '../../../src/simulator/realtimekit/index.js';
import { installMswHandlers, startMswWorker } from '../../../stories/support/mswWorker.js';
import details from '../../fixtures/realtimekit/recording-details.json' with { type: 'json' };
import cloudflareError from '../../fixtures/realtimekit/error-cloudflare.json' with { type: 'json' };

const BASE = '/api/rtk-client-test';
const MEETING = 'bbb4b5b6-0000-4000-8000-00000000a001';
let backend: RealtimeKitBackend;

beforeAll(async () => {
  await startMswWorker();
});

async function serve(setup: (b: RealtimeKitBackend) => void = () => {}) {
  backend = createRealtimeKitBackend({ invokeMs: 20, uploadMs: 20 });
  setup(backend);
  await installMswHandlers(realtimeKitHandlers(backend, { baseUrl: BASE, http }));
  return createRealtimeKitClient({ baseUrl: `${BASE}/`, timeoutMs: 20_000 });
}

async function failure(promise: Promise<unknown>): Promise<RealtimeKitError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isRealtimeKitError(error)).toBe(true);
  return error as RealtimeKitError;
}

afterEach(async () => {
  await installMswHandlers([]);
});

describe('createRealtimeKitClient through MSW', () => {
  it('lists with filters and paging on the real path and query names', async () => {
    const client = await serve((b) => b.seed({ count: 12, meetingId: MEETING }));
    const page = await client.listRecordings({ meetingId: MEETING, page: 2, perPage: 5, status: ['ready', 'failed'], sortOrder: 'desc', search: 'sync' });
    expect(page.total).toBe(12);
    expect(page.items).toHaveLength(5);
    expect(page.items[0]!.fileName).toBe('weekly-sync-0007.mp4');
    const path = backend.requests.at(-1)!.path;
    expect(path).toContain('/recordings?');
    const params = new URLSearchParams(path.split('?')[1]);
    // Cloudflare's array format: repeated `status=…&status=…` (its SDK uses qs `arrayFormat: 'repeat'`).
    expect(params.getAll('status')).toEqual(['ERRORED', 'UPLOADED']);
    params.delete('status');
    expect(Object.fromEntries(params)).toEqual({
      page_no: '2',
      per_page: '5',
      meeting_id: MEETING,
      search: 'sync',
      sort_by: 'invokedTime',
      sort_order: 'DESC',
    });
  });

  it('filters by several statuses as repeated status parameters', async () => {
    const client = await serve((b) => b.seed({ count: 12, meetingId: MEETING, failEvery: 3 }));
    const both = await client.listRecordings({ meetingId: MEETING, perPage: 50, status: ['ready', 'failed'] });
    expect(both.total).toBe(12);
    const failed = await client.listRecordings({ meetingId: MEETING, perPage: 50, status: ['failed'] });
    expect(failed.total).toBe(4);
    expect(failed.items.every((item) => item.status === 'failed')).toBe(true);
    expect(backend.requests.at(-2)!.path).toMatch(/[?&]status=ERRORED&status=UPLOADED(&|$)/);
  });

  it('starts, pauses, resumes and stops with PUT actions, and fetches details and the active recording', async () => {
    const client = await serve();
    expect(await client.getActiveRecording(MEETING)).toBeNull();
    const started = (await client.startRecording({ meetingId: MEETING, providerOptions: { max_seconds: 600, storage_config: { type: 'aws', bucket: 'b', secret: 'nope', access_key: 'nope' } } }))!;
    expect(started.status).toBe('invoked');
    await new Promise((r) => setTimeout(r, 40));
    expect((await client.getActiveRecording(MEETING))?.status).toBe('recording');
    expect((await client.pauseRecording(started.id))!.status).toBe('paused');
    expect((await client.resumeRecording(started.id))!.status).toBe('recording');
    expect((await client.stopRecording(started.id))!.status).toBe('uploading');
    await new Promise((r) => setTimeout(r, 40));
    const done = await client.getRecording(started.id);
    expect(done.status).toBe('ready');
    expect(done.downloads.map((d) => d.kind)).toEqual(['video', 'audio']);
    expect(done.stopReason?.reason).toBe('API_CALL');
    expect(backend.requests.filter((r) => r.endpoint === 'control').map((r) => r.method)).toEqual(['PUT', 'PUT', 'PUT']);
  });

  it('does not send storage secrets from the browser', async () => {
    let body: Record<string, unknown> = {};
    await installMswHandlers([
      http.post(`${BASE}/recordings`, async ({ request }) => {
        body = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json(details);
      }),
    ]);
    const client = createRealtimeKitClient({ baseUrl: BASE });
    await client.startRecording({ meetingId: MEETING, providerOptions: { storage_config: { type: 'aws', bucket: 'b', secret: 's', access_key: 'k', password: 'p', private_key: 'x' } } });
    expect(body).toEqual({ meeting_id: MEETING, storage_config: { type: 'aws', bucket: 'b' } });
  });

  it('starts a track recording and reads its layer list', async () => {
    const client = await serve();
    const track = (await client.startTrackRecording({ meetingId: MEETING, userIds: ['user-123'] }))!;
    expect(track.status).toBe('invoked');
    expect(backend.requests.at(-1)).toMatchObject({ method: 'POST', path: '/recordings/track' });
  });

  it.each([
    ['server-error', 500, 'Internal server error', 500],
    ['unauthorized', 401, 'Authentication error', 10000],
    ['forbidden', 403, 'You are not allowed to manage recordings of this meeting', 403],
  ] as const)('turns a %s answer into a typed error', async (fault, status, message, code) => {
    const client = await serve((b) => b.failNext(fault, { endpoint: 'list' }));
    const error = await failure(client.listRecordings({}));
    expect(error).toMatchObject({ kind: 'http', status, message, code, provider: 'realtimekit', request: 'GET /recordings' });
  });

  it('reads Cloudflare’s errors[] envelope', async () => {
    await installMswHandlers([http.get(`${BASE}/recordings/:id`, () => HttpResponse.json(cloudflareError, { status: 401 }))]);
    const error = await failure(createRealtimeKitClient({ baseUrl: BASE }).getRecording('x'));
    expect(error).toMatchObject({ status: 401, code: 10000, message: 'Authentication error' });
  });

  it('a 200 with success:false is an error too', async () => {
    await installMswHandlers([http.get(`${BASE}/recordings/:id`, () => HttpResponse.json({ success: false, error: { code: 409, message: 'Busy' } }))]);
    const error = await failure(createRealtimeKitClient({ baseUrl: BASE }).getRecording('x'));
    expect(error).toMatchObject({ kind: 'http', code: 409, message: 'Busy' });
  });

  it('a malformed body is a readable invalid-response error', async () => {
    const client = await serve((b) => b.failNext('malformed-json', { endpoint: 'list' }));
    const error = await failure(client.listRecordings({}));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toBe('The recordings service sent an answer that could not be read.');
    expect((error.cause as Error).message).toMatch(/not JSON/);
  });

  it('a wrong type: a readable message for people, the field in `cause` for developers', async () => {
    const client = await serve((b) => b.failNext('wrong-type', { endpoint: 'details' }));
    const error = await failure(client.getRecording('x'));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toBe('The recordings service sent an answer in an unexpected format.');
    expect((error.cause as Error).message).toMatch(/data\.id/);
  });

  it('times out', async () => {
    await serve((b) => b.failNext('timeout', { endpoint: 'list' }));
    // Its own short limit: the other tests get a long one, so a loaded machine does not time them out.
    const client = createRealtimeKitClient({ baseUrl: `${BASE}/`, timeoutMs: 300 });
    const error = await failure(client.listRecordings({}));
    expect(error.kind).toBe('timeout');
  });

  it('aborts with the caller’s signal', async () => {
    const client = await serve((b) => b.failNext('timeout', { endpoint: 'list' }));
    const controller = new AbortController();
    const pending = client.listRecordings({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect((await failure(pending)).kind).toBe('aborted');
  });

  it('a network failure is a network error', async () => {
    const client = await serve((b) => b.failNext('network', { endpoint: 'active' }));
    expect((await failure(client.getActiveRecording(MEETING))).kind).toBe('network');
  });

  it('an HTML 404 from a misconfigured route is an error, not "no active recording"', async () => {
    await installMswHandlers([http.get(`${BASE}/recordings/active-recording/:id`, () => new HttpResponse('<h1>Not found</h1>', { status: 404 }))]);
    const error = await failure(createRealtimeKitClient({ baseUrl: BASE }).getActiveRecording(MEETING));
    expect(error).toMatchObject({ status: 404, kind: 'http' });
  });
});
