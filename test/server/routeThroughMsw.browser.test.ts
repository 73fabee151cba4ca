// The playgrounds' path: in the browser, MSW hands each request to createRealtimeKitRoute (the code an
// app deploys), whose upstream fetch reaches the simulated RealtimeKit.
import { http } from 'msw';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRealtimeKitClient, isRealtimeKitError } from '../../src/adapters/realtimekit/index.js';
import { createRealtimeKitRoute } from '../../src/server/createRealtimeKitRoute.js';
import { createRealtimeKitBackend, realtimeKitHandlers, type RealtimeKitBackend } from '../../src/simulator/realtimekit/index.js';
import { installMswHandlers, startMswWorker } from '../../stories/support/mswWorker.js';

const BASE = '/api/rtk-through-route';
const MEETING = 'bbb4b5b6-0000-4000-8000-00000000a001';

beforeAll(async () => {
  await startMswWorker();
});

afterEach(async () => {
  await installMswHandlers([]);
});

async function serve(): Promise<RealtimeKitBackend> {
  const backend = createRealtimeKitBackend({ invokeMs: 0, uploadMs: 0 });
  await installMswHandlers(
    realtimeKitHandlers(backend, {
      baseUrl: BASE,
      http,
      through: (fetch) =>
        createRealtimeKitRoute({
          accountId: 'acc',
          appId: 'app',
          apiToken: 'simulated-token',
          basePath: BASE,
          authorize: (_request, { stage, meetingId }) => stage === 'caller' || meetingId === MEETING,
          // The app's bucket: the server lets this one start option through (17.3).
          startOptions: (body, { allowed }) => ({ ...allowed, realtimekit_bucket_config: body.realtimekit_bucket_config }),
          fetch,
        }),
    }),
  );
  return backend;
}

describe('realtimeKitHandlers through createRealtimeKitRoute', () => {
  it('serves the browser client with the route in front: lists, starts, stops; secrets scrubbed; authorize applies', async () => {
    const backend = await serve();
    backend.seed({ count: 3, meetingId: MEETING });
    const client = createRealtimeKitClient({ baseUrl: BASE, timeoutMs: 10_000 });
    expect((await client.listRecordings({ meetingId: MEETING })).total).toBe(3);
    const started = (await client.startRecording({ meetingId: MEETING, providerOptions: { realtimekit_bucket_config: { enabled: false } } }))!;
    expect((await client.stopRecording(started.id))?.id).toBe(started.id);
    // The route called the simulator on Cloudflare's path. `through` builds a route per request (it
    // tells a simulated network fault per request), so each starts with no known meetings: the stop
    // reads the recording first, for a caller `authorize` let through.
    expect(backend.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      'GET /recordings',
      'POST /recordings',
      `GET /recordings/${started.id}`,
      `PUT /recordings/${started.id}`,
    ]);
    const raw = await (await fetch(`${BASE}/recordings/${started.id}`)).text();
    expect(raw).toContain(started.id);
    expect(raw).not.toContain('simulated-secret');
    expect(raw).not.toContain('AKIA');
    const denied = await client.listRecordings({ meetingId: 'someone-else' }).catch((e: unknown) => e);
    expect(isRealtimeKitError(denied) && denied.status).toBe(403);
    const hidden = await fetch(`${BASE}/meetings`);
    expect(hidden.status).toBe(404);
  });

  it('keeps a simulated network fault a network error in the browser', async () => {
    const backend = await serve();
    backend.failNext('network', { endpoint: 'list' });
    const client = createRealtimeKitClient({ baseUrl: BASE, timeoutMs: 10_000 });
    const error = await client.listRecordings({ meetingId: MEETING }).catch((e: unknown) => e);
    expect(isRealtimeKitError(error) && error.kind).toBe('network');
  });
});
