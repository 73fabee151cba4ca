// Issue 19 (RealtimeKit part): the simulated RealtimeKit livestream behind the same route code an app
// deploys (createRealtimeKitRoute) — Cloudflare's paths and shapes, the fault switches the
// playground's buttons use (HLS not ready yet, stream ended by the provider, ERRORED, key refused),
// driven through the real client and REST adapter.
import { describe, expect, it } from 'vitest';
import { createRealtimeKitAdapter, createRealtimeKitClient } from '../../src/adapters/realtimekit/index.js';
import { createRealtimeKitRoute } from '../../src/server/index.js';
import { createRealtimeKitBackend } from '../../src/simulator/realtimekit/index.js';
import { createOnAirActions } from '../../src/store/createOnAirActions.js';
import { createOnAirStore } from '../../src/store/createOnAirStore.js';

const MEETING = 'bbb4b5b6-0000-4000-8000-00000000a001';
const BASE = '/api/realtimekit';

function setup(invokeMs = 40) {
  const backend = createRealtimeKitBackend({ invokeMs: 20, uploadMs: 20, livestreamInvokeMs: invokeMs });
  const route = createRealtimeKitRoute({ accountId: 'sim', appId: 'sim', apiToken: 'sim-token', basePath: BASE, authorize: () => true, fetch: backend.fetch });
  const bodies: string[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const answer = await route(new Request(new URL(String(input), 'http://app.local'), init));
    bodies.push(await answer.clone().text());
    return answer;
  }) as typeof globalThis.fetch;
  const client = createRealtimeKitClient({ baseUrl: BASE, fetch });
  const adapter = createRealtimeKitAdapter({ client, meetingId: MEETING, activePollMs: 15, idlePollMs: 60_000 });
  const store = createOnAirStore();
  store.addSlices(adapter.slices ?? []);
  const actions = createOnAirActions(store, adapter);
  const disconnect = adapter.connect((event) => store.dispatch(event));
  const status = () => store.state.getState().liveStreams.default?.status ?? (store.state.getState().liveStreamError ? 'error' : 'idle');
  const playbackUrl = () => store.state.getState().liveStreams.default?.playbackUrl;
  return { backend, client, adapter, store, actions, disconnect, status, playbackUrl, bodies };
}

describe('19: simulated RealtimeKit livestream through createRealtimeKitRoute', () => {
  it('19: INVOKED (HLS not ready: playback 404) → LIVE → stopped; Cloudflare\'s paths; no ingest key ever reaches the client', async () => {
    const t = setup();
    t.backend.delayNextLivestream(300);
    const started = t.actions.startLiveStream({});
    await expect.poll(() => t.playbackUrl(), { timeout: 15_000 }).toMatch(/^https:\/\/customer-onair-sim\.cloudflarestream\.com\/.+\/manifest\/video\.m3u8$/);
    expect(t.status()).toBe('starting');
    expect(t.backend.playback(t.playbackUrl()!)?.state).toBe('not-ready');
    await expect.poll(() => t.status(), { timeout: 15_000 }).toBe('live');
    await started;
    const url = t.playbackUrl()!;
    expect(t.backend.playback(url)?.state).toBe('live');
    await t.actions.stopLiveStream();
    await expect.poll(() => t.status(), { timeout: 15_000 }).toBe('idle');
    expect(t.backend.playback(url)?.state).toBe('ended');
    const paths = t.backend.requests.filter((r) => r.endpoint.startsWith('livestream')).map((r) => `${r.method} ${r.path}`);
    expect(paths).toContain(`POST /meetings/${MEETING}/livestreams`);
    expect(paths).toContain(`GET /meetings/${MEETING}/active-livestream`);
    expect(paths).toContain(`POST /meetings/${MEETING}/active-livestream/stop`);
    expect(t.bodies.join('\n')).not.toMatch(/stream_key|ingest_server|rtk-sim-ingest-key/);
    t.disconnect();
  });

  it('19: the provider ends the stream (IDLE) → ended; an ERRORED stream fails with a reason; the next start works', async () => {
    const t = setup();
    await t.actions.startLiveStream({});
    expect(t.status()).toBe('live');
    t.backend.endLivestream(MEETING);
    await expect.poll(() => t.status(), { timeout: 15_000 }).toBe('idle');

    await t.actions.startLiveStream({});
    t.backend.errorLivestream(MEETING);
    await expect.poll(() => t.status(), { timeout: 15_000 }).toBe('error');
    expect(t.store.state.getState().liveStreamError?.message).toBe('RealtimeKit reports that the live stream failed.');

    await t.actions.startLiveStream({});
    expect(t.status()).toBe('live');
    t.disconnect();
  });

  it('19: key refused — Cloudflare refuses the start (401 Authentication error): the start rejects with that reason and nothing runs', async () => {
    const t = setup();
    t.backend.failNext('unauthorized', { endpoint: 'livestream-start' });
    await expect(t.actions.startLiveStream({})).rejects.toThrow('Authentication error');
    expect(t.status()).toBe('error');
    expect(t.store.state.getState().liveStreamError?.message).toBe('Authentication error');
    // Usable again: the next start goes live.
    await t.actions.startLiveStream({});
    expect(t.status()).toBe('live');
    t.disconnect();
  });
});
