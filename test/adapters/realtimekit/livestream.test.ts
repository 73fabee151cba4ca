// Issue 19 (RealtimeKit part): the meeting's livestream through REST — the client's start / active
// read / stop against Cloudflare's own answer shapes (test/fixtures/realtimekit/livestream-*.json,
// README there), and the REST adapter's live state from the active read.
import { describe, expect, it } from 'vitest';
import { createRealtimeKitAdapter, createRealtimeKitClient, isRealtimeKitError } from '../../../src/adapters/realtimekit/index.js';
import type { OnAirEvent } from '../../../src/core/events.js';
import { createOnAirActions } from '../../../src/store/createOnAirActions.js';
import { createOnAirStore } from '../../../src/store/createOnAirStore.js';
import startFixture from '../../fixtures/realtimekit/livestream-start.json' with { type: 'json' };
import liveFixture from '../../fixtures/realtimekit/livestream-active-live.json' with { type: 'json' };
import erroredFixture from '../../fixtures/realtimekit/livestream-active-errored.json' with { type: 'json' };
import idleFixture from '../../fixtures/realtimekit/livestream-active-idle.json' with { type: 'json' };
import noneFixture from '../../fixtures/realtimekit/livestream-active-none.json' with { type: 'json' };
import stopFixture from '../../fixtures/realtimekit/livestream-stop.json' with { type: 'json' };
import cloudflareError from '../../fixtures/realtimekit/error-cloudflare.json' with { type: 'json' };

const MEETING = 'bbb4b5b6-0000-4000-8000-00000000a001';
const BASE = 'http://app.local/api/realtimekit';

interface Call {
  readonly method: string;
  readonly url: string;
  readonly body: string | undefined;
}

/** A network that answers from a script: `answer(call)` per request, every call recorded. */
function network(answer: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const call = { method: request.method, url: request.url, body: request.method === 'GET' ? undefined : await request.text() };
    calls.push(call);
    return answer(call);
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

const json = (body: unknown, status = 200) => Response.json(body, { status });

describe('19: createRealtimeKitClient — livestream', () => {
  it('19: startLivestream posts Cloudflare\'s body to /meetings/{id}/livestreams and reads the answer without its ingest key', async () => {
    const net = network(() => json(startFixture));
    const client = createRealtimeKitClient({ baseUrl: `${BASE}/`, fetch: net.fetch });
    const stream = await client.startLivestream(MEETING, { name: 'All-hands', video_config: { width: 1280, height: 720 } });
    expect(net.calls).toEqual([
      { method: 'POST', url: `${BASE}/meetings/${MEETING}/livestreams`, body: JSON.stringify({ name: 'All-hands', video_config: { width: 1280, height: 720 } }) },
    ]);
    expect(stream).toEqual({
      id: startFixture.data.id,
      status: 'INVOKED',
      playbackUrl: startFixture.data.playback_url,
      meetingId: undefined,
      name: undefined,
      errorMessage: undefined,
    });
    expect(JSON.stringify(stream)).not.toContain(startFixture.data.stream_key);
    expect(JSON.stringify(stream)).not.toContain('rtmps://');
  });

  it('19: getActiveLivestream reads LIVE / ERRORED / IDLE, and a 404 is "none" (null)', async () => {
    const answers = [liveFixture, erroredFixture, idleFixture];
    const net = network(() => (answers.length > 0 ? json(answers.shift()) : json(noneFixture, 404)));
    const client = createRealtimeKitClient({ baseUrl: BASE, fetch: net.fetch });
    const live = await client.getActiveLivestream(MEETING);
    expect(live).toMatchObject({ status: 'LIVE', playbackUrl: liveFixture.data.playback_url, meetingId: MEETING, name: 'All-hands' });
    expect(JSON.stringify(live)).not.toContain(liveFixture.data.stream_key);
    expect((await client.getActiveLivestream(MEETING))?.status).toBe('ERRORED');
    expect((await client.getActiveLivestream(MEETING))?.status).toBe('IDLE');
    expect(await client.getActiveLivestream(MEETING)).toBeNull();
    expect(net.calls.every((c) => c.method === 'GET' && c.url === `${BASE}/meetings/${MEETING}/active-livestream`)).toBe(true);
  });

  it('19: stopLivestream posts to /meetings/{id}/active-livestream/stop and gives RealtimeKit\'s message', async () => {
    const net = network(() => json(stopFixture));
    const client = createRealtimeKitClient({ baseUrl: BASE, fetch: net.fetch });
    await expect(client.stopLivestream(MEETING)).resolves.toEqual({ message: 'Livestream stopped' });
    expect(net.calls).toEqual([{ method: 'POST', url: `${BASE}/meetings/${MEETING}/active-livestream/stop`, body: '{}' }]);
  });

  it('19: a refused start rejects with Cloudflare\'s reason; a playback URL that is not http(s) is dropped; an unknown status reads as undefined', async () => {
    const refused = network(() => json(cloudflareError, 401));
    const client = createRealtimeKitClient({ baseUrl: BASE, fetch: refused.fetch });
    const error = await client.startLivestream(MEETING).catch((e: unknown) => e);
    expect(isRealtimeKitError(error) && error.status).toBe(401);
    expect((error as Error).message).toBe(cloudflareError.errors[0]!.message);

    const hostile = network(() => json({ success: true, data: { id: 'x', status: 'BROADCASTING', playback_url: 'javascript:alert(1)' } }));
    const other = createRealtimeKitClient({ baseUrl: BASE, fetch: hostile.fetch });
    expect(await other.getActiveLivestream(MEETING)).toMatchObject({ status: undefined, playbackUrl: undefined });
  });

  it('19: hostile meeting ids stay one path segment', async () => {
    const net = network(() => json(noneFixture, 404));
    const client = createRealtimeKitClient({ baseUrl: BASE, fetch: net.fetch });
    for (const id of ['__proto__', 'constructor', '../recordings', 'a/b?c#d']) await client.getActiveLivestream(id);
    expect(net.calls.map((c) => new URL(c.url).pathname)).toEqual([
      '/api/realtimekit/meetings/__proto__/active-livestream',
      '/api/realtimekit/meetings/constructor/active-livestream',
      '/api/realtimekit/meetings/..%2Frecordings/active-livestream',
      '/api/realtimekit/meetings/a%2Fb%3Fc%23d/active-livestream',
    ]);
  });
});

/** The REST adapter over a scripted livestream (recordings: none run). */
function restSetup(meetingId = MEETING) {
  let active: { status: number; body: unknown } = { status: 404, body: noneFixture };
  let startAnswer: { status: number; body: unknown } = { status: 200, body: startFixture };
  const net = network((call) => {
    const path = new URL(call.url).pathname;
    if (path.endsWith('/recordings')) return json({ success: true, data: [], paging: { total_count: 0, start_offset: 0, end_offset: 0 } });
    if (path.endsWith('/livestreams')) {
      // Started: the active read names the new (INVOKED) stream.
      if (startAnswer.status === 200) active = { status: 200, body: startAnswer.body };
      return json(startAnswer.body, startAnswer.status);
    }
    if (path.endsWith('/active-livestream/stop')) {
      active = { status: 404, body: noneFixture };
      return json(stopFixture);
    }
    if (path.endsWith('/active-livestream')) return json(active.body, active.status);
    return json(noneFixture, 404);
  });
  const client = createRealtimeKitClient({ baseUrl: BASE, fetch: net.fetch });
  const adapter = createRealtimeKitAdapter({ client, meetingId, activePollMs: 10, idlePollMs: 20 });
  const store = createOnAirStore();
  store.addSlices(adapter.slices ?? []);
  const actions = createOnAirActions(store, adapter);
  const events: OnAirEvent[] = [];
  const disconnect = adapter.connect((event) => {
    events.push(event);
    store.dispatch(event);
  });
  const session = () => store.state.getState().liveStreams.default;
  const status = () => session()?.status ?? (store.state.getState().liveStreamError ? 'error' : 'idle');
  const liveReads = () => net.calls.filter((c) => c.url.endsWith('/active-livestream')).length;
  return {
    net,
    adapter,
    store,
    actions,
    events,
    disconnect,
    session,
    status,
    liveReads,
    setActive: (body: unknown, code = 200) => {
      active = { status: code, body };
    },
    refuseStart: (body: unknown, code: number) => {
      startAnswer = { status: code, body };
    },
  };
}

describe('19: createRealtimeKitAdapter (REST) — livestream', () => {
  it('19: capabilities are truthful — start/stop the livestream, no destination URL', () => {
    const { adapter, disconnect } = restSetup();
    disconnect();
    expect(adapter.capabilities).toMatchObject({ startLiveStream: true, stopLiveStream: true, liveStreamUrl: false });
    // A recordings-only source cannot go live.
    const recordingsOnly = createRealtimeKitAdapter({
      client: { scope: 'x', getActiveRecording: async () => null, startRecording: async () => null, controlRecording: async () => null },
      meetingId: MEETING,
    });
    expect(recordingsOnly.capabilities).toMatchObject({ startLiveStream: false, stopLiveStream: false });
  });

  it('19: `livestream: false` — a recordings-only page reads no livestream and shows no live controls', async () => {
    const net = network((call) =>
      call.url.includes('/recordings') ? json({ success: true, data: [], paging: { total_count: 0, start_offset: 0, end_offset: 0 } }) : json(noneFixture, 404),
    );
    const client = createRealtimeKitClient({ baseUrl: BASE, fetch: net.fetch });
    const adapter = createRealtimeKitAdapter({ client, meetingId: MEETING, livestream: false, idlePollMs: 10 });
    expect(adapter.capabilities).toMatchObject({ startLiveStream: false, stopLiveStream: false });
    const disconnect = adapter.connect(() => {});
    await expect.poll(() => net.calls.length, { timeout: 15_000 }).toBeGreaterThan(3);
    disconnect();
    expect(net.calls.filter((c) => c.url.includes('livestream'))).toEqual([]);
  });

  it('19: start → INVOKED is starting (with its playback URL) → LIVE is live → stop → 404 is idle; idle is not polled', async () => {
    const t = restSetup();
    await expect.poll(() => t.liveReads(), { timeout: 15_000 }).toBe(1);
    const start = t.actions.startLiveStream({});
    await expect.poll(() => t.status(), { timeout: 15_000 }).toBe('starting');
    await expect.poll(() => t.session()?.playbackUrl, { timeout: 15_000 }).toBe(startFixture.data.playback_url);
    t.setActive(liveFixture);
    await expect.poll(() => t.status(), { timeout: 15_000 }).toBe('live');
    await start;
    await t.actions.stopLiveStream();
    await expect.poll(() => t.status(), { timeout: 15_000 }).toBe('idle');
    expect(t.events.some((e) => e.type === 'live-stream-stopped')).toBe(true);
    // Idle again: the livestream is no longer read (recordings polls go on).
    const reads = t.liveReads();
    await expect.poll(() => t.net.calls.filter((c) => c.url.includes('/recordings')).length, { timeout: 15_000 }).toBeGreaterThan(10);
    expect(t.liveReads()).toBe(reads);
    t.disconnect();
  });

  it('19: ERRORED after a start fails the stream with a reason; IDLE after live is ended (stopped)', async () => {
    const t = restSetup();
    void t.actions.startLiveStream({}).catch(() => {});
    await expect.poll(() => t.session()?.playbackUrl, { timeout: 15_000 }).toBe(startFixture.data.playback_url);
    t.setActive(erroredFixture);
    await expect.poll(() => t.status(), { timeout: 15_000 }).toBe('error');
    expect(t.store.state.getState().liveStreamError?.message).toBe('RealtimeKit reports that the live stream failed.');

    t.setActive(liveFixture);
    t.refuseStart(startFixture, 200);
    await t.adapter.refresh?.();
    await expect.poll(() => t.status(), { timeout: 15_000 }).toBe('live');
    const stopsBefore = t.events.filter((e) => e.type === 'live-stream-stopped').length;
    t.setActive(idleFixture);
    await expect.poll(() => t.status(), { timeout: 15_000 }).toBe('idle');
    expect(t.events.filter((e) => e.type === 'live-stream-stopped').length).toBe(stopsBefore + 1);
    t.disconnect();
  });

  it('19: a late joiner sees a running stream as live (seeded, with its playback URL)', async () => {
    const t = restSetup();
    t.disconnect();
    t.setActive(liveFixture);
    const events: OnAirEvent[] = [];
    const store = createOnAirStore();
    store.addSlices(t.adapter.slices ?? []);
    const disconnect = t.adapter.connect((e) => {
      events.push(e);
      store.dispatch(e);
    });
    await expect.poll(() => store.state.getState().liveStreams.default?.status, { timeout: 15_000 }).toBe('live');
    expect(store.state.getState().liveStreams.default?.playbackUrl).toBe(liveFixture.data.playback_url);
    expect(events.some((e) => e.type === 'live-stream-started')).toBe(false);
    disconnect();
  });

  it('19: a start refused upstream (4xx) leaves the controls usable with the reason', async () => {
    const t = restSetup();
    t.refuseStart(cloudflareError, 403);
    await expect(t.actions.startLiveStream({})).rejects.toThrow(cloudflareError.errors[0]!.message);
    expect(t.status()).toBe('error');
    expect(t.session()).toBeUndefined();
    expect(t.store.state.getState().liveStreamError?.message).toBe(cloudflareError.errors[0]!.message);
    t.disconnect();
  });

  it('19: hostile meeting ids (`__proto__`, `constructor`) go live safely', async () => {
    for (const id of ['__proto__', 'constructor']) {
      const t = restSetup(id);
      t.setActive(liveFixture);
      await t.adapter.refresh?.();
      await expect.poll(() => t.status(), { timeout: 15_000 }).toBe('live');
      expect(t.net.calls.some((c) => c.url === `${BASE}/meetings/${id}/active-livestream`)).toBe(true);
      t.disconnect();
    }
  });
});

describe('19: createRealtimeKitAdapter (meeting SDK) — livestream states from the simulated 2.0.2 meeting', () => {
  async function sdkSetup() {
    const { createRealtimeKitMeeting } = await import('../../../src/simulator/realtimekit/index.js');
    const sim = createRealtimeKitMeeting({ delayMs: 10 });
    const adapter = createRealtimeKitAdapter({ meeting: sim.meeting });
    const store = createOnAirStore();
    store.addSlices(adapter.slices ?? []);
    const actions = createOnAirActions(store, adapter);
    const disconnect = adapter.connect((event) => store.dispatch(event));
    const status = () => store.state.getState().liveStreams.default?.status ?? (store.state.getState().liveStreamError ? 'error' : 'idle');
    return { sim, adapter, store, actions, disconnect, status };
  }

  it('19: HLS not ready yet — the SDK says LIVESTREAMING while the playback URL is not playable; then it plays', async () => {
    const t = await sdkSetup();
    t.sim.delayNextPlayback(200);
    await t.actions.startLiveStream({});
    expect(t.status()).toBe('live');
    expect(t.store.state.getState().liveStreams.default?.playbackUrl).toMatch(/^https:/);
    expect(t.sim.playback()?.state).toBe('not-ready');
    await expect.poll(() => t.sim.playback()?.state, { timeout: 15_000 }).toBe('live');
    t.disconnect();
  });

  it('19: ended by the provider, and an errored stream (which 2.0.2 reports as IDLE, without a reason), both end the stream', async () => {
    const t = await sdkSetup();
    await t.actions.startLiveStream({});
    t.sim.endedByProvider();
    expect(t.status()).toBe('idle');
    expect(t.sim.playback()?.state).toBe('ended');
    await t.actions.startLiveStream({});
    t.sim.erroredByProvider();
    expect(t.status()).toBe('idle');
    t.disconnect();
  });

  it('19: key refused — a manual-ingestion stream waits for the encoder, whose key is refused: an error with a reason, never live', async () => {
    const t = await sdkSetup();
    const started = t.actions.startLiveStream({ providerOptions: { manualIngestion: true } }).catch((e: unknown) => e);
    await expect.poll(() => t.sim.meeting.livestream.state, { timeout: 15_000 }).toBe('WAITING_ON_MANUAL_INGESTION');
    expect(t.status()).toBe('starting');
    expect(t.sim.meeting.livestream.ingestionCredentials?.streamKey).toBeTruthy();
    t.sim.refuseIngestion();
    await expect.poll(() => t.status(), { timeout: 15_000 }).toBe('error');
    expect(t.store.state.getState().liveStreamError?.message).toBe('The live stream ended before it went live.');
    expect(await started).toBeInstanceOf(Error);

    // The encoder connects on the next try: live.
    const again = t.actions.startLiveStream({ providerOptions: { manualIngestion: true } });
    await expect.poll(() => t.sim.meeting.livestream.state, { timeout: 15_000 }).toBe('WAITING_ON_MANUAL_INGESTION');
    t.sim.ingestionConnected();
    await again;
    expect(t.status()).toBe('live');
    t.disconnect();
  });
});

describe('19: createRealtimeKitAdapter (REST) — an app\'s own client', () => {
  it('19: a playback URL that is not http(s) never reaches the state, whatever client the app gives', async () => {
    let reads = 0;
    const adapter = createRealtimeKitAdapter({
      client: {
        scope: 'own',
        getActiveRecording: async () => null,
        startRecording: async () => null,
        controlRecording: async () => null,
        getActiveLivestream: async () => {
          reads += 1;
          return { id: 'l1', status: 'LIVE', playbackUrl: 'javascript:alert(1)', meetingId: MEETING, name: undefined, errorMessage: undefined };
        },
      },
      meetingId: MEETING,
      activePollMs: 10,
    });
    const store = createOnAirStore();
    store.addSlices(adapter.slices ?? []);
    const disconnect = adapter.connect((event) => store.dispatch(event));
    await expect.poll(() => store.state.getState().liveStreams.default?.status, { timeout: 15_000 }).toBe('live');
    await expect.poll(() => reads, { timeout: 15_000 }).toBeGreaterThan(2);
    expect(store.state.getState().liveStreams.default?.playbackUrl).toBeUndefined();
    disconnect();
  });
});

describe('19: createRealtimeKitAdapter (REST) — livestream webhooks', () => {
  it('19: an idle meeting is not polled for its livestream, but a livestreaming.statusUpdate webhook of it reads the stream at once', async () => {
    const webhook = (await import('../../fixtures/realtimekit-webhooks/livestreaming-status-update.json', { with: { type: 'json' } })).default;
    let active: unknown = null;
    let liveReads = 0;
    let push: (payload: unknown) => void = () => {};
    const adapter = createRealtimeKitAdapter({
      client: {
        scope: 'own',
        getActiveRecording: async () => null,
        startRecording: async () => null,
        controlRecording: async () => null,
        getActiveLivestream: async () => {
          liveReads += 1;
          return active as null;
        },
      },
      meetingId: webhook.meeting.id,
      activePollMs: 10,
      idlePollMs: 10,
      events: (listener) => {
        push = listener;
        return () => {};
      },
    });
    const store = createOnAirStore();
    store.addSlices(adapter.slices ?? []);
    const disconnect = adapter.connect((event) => store.dispatch(event));
    await expect.poll(() => liveReads, { timeout: 15_000 }).toBe(1);
    // Idle: recordings polls go on, the livestream is not read again.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(liveReads).toBe(1);
    // Another host goes live; RealtimeKit's webhook arrives through the relay (its envelope).
    active = { id: webhook.streamId, status: 'LIVE', playbackUrl: webhook.playbackUrl, meetingId: webhook.meeting.id, name: undefined, errorMessage: undefined };
    push({ at: Date.now(), webhook: { ...webhook, meeting: { ...webhook.meeting, id: 'another-meeting' } } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(liveReads).toBe(1);
    push({ at: Date.now(), webhook });
    await expect.poll(() => store.state.getState().liveStreams.default?.status, { timeout: 15_000 }).toBe('live');
    expect(store.state.getState().liveStreams.default?.playbackUrl).toBe(webhook.playbackUrl);
    disconnect();
  });
});
