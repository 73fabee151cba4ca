import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createRealtimeKitAdapter, createRealtimeKitClient } from '../../../src/adapters/realtimekit/index.js';
import { onAirKeys } from '../../../src/core/queryKeys.js';
import { invalidateForEvent } from '../../../src/query/invalidation.js';
import { activeRecordingOptions } from '../../../src/query/recordingQueries.js';
import type { RecordingAsset } from '../../../src/core/recordings.js';
import type { OnAirEvent } from '../../../src/core/events.js';
import { createOnAirActions } from '../../../src/store/createOnAirActions.js';
import { createOnAirStore } from '../../../src/store/createOnAirStore.js';
import { createRealtimeKitBackend } from '../../../src/simulator/realtimekit/index.js';

const MEETING = 'bbb4b5b6-0000-4000-8000-00000000a001';
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Node 20's msw/node cannot intercept fetch here (TOOLCHAIN.md); the simulator's own `fetch` is the network.
function setup() {
  const backend = createRealtimeKitBackend({ invokeMs: 30, uploadMs: 30 });
  const client = createRealtimeKitClient({ baseUrl: 'http://app.local/api/rtk', fetch: backend.fetch });
  const adapter = createRealtimeKitAdapter({ client, meetingId: MEETING, activePollMs: 15, idlePollMs: 15 });
  const store = createOnAirStore();
  const events: OnAirEvent[] = [];
  const disconnect = adapter.connect((event) => {
    events.push(event);
    store.dispatch(event);
  });
  return { backend, adapter, store, events, disconnect, status: () => store.state.getState().recordings.default?.status ?? 'idle' };
}

describe('createRealtimeKitAdapter', () => {
  it('polls an idle meeting without 404s: the list answers "none running" with 200', async () => {
    const { backend, disconnect } = setup();
    const readsOf = () => backend.requests.filter((r) => r.endpoint === 'list' || r.endpoint === 'active');
    // The first read and an idle poll (polled for, not slept for: a loaded machine is slower).
    await expect.poll(() => readsOf().length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    disconnect();
    const reads = readsOf();
    expect(reads.filter((r) => r.endpoint === 'active')).toEqual([]);
    const list = new URLSearchParams(reads[0]!.path.split('?')[1]);
    expect(list.get('meeting_id')).toBe(MEETING);
    expect(list.getAll('status').sort()).toEqual(['INVOKED', 'PAUSED', 'RECORDING']);
  });

  it('refreshes at once on a pushed recording.statusUpdate of its meeting (relay webhooks), not on others; polling stays the fallback', async () => {
    const backend = createRealtimeKitBackend({ invokeMs: 0 });
    let requests = 0;
    const client = createRealtimeKitClient({
      baseUrl: 'http://app.local/api/rtk',
      fetch: (input, init) => {
        requests += 1;
        return backend.fetch(input, init);
      },
    });
    let push: (webhook: unknown) => void = () => {};
    let unsubscribed = false;
    const adapter = createRealtimeKitAdapter({
      client,
      meetingId: MEETING,
      idlePollMs: 60_000,
      activePollMs: 60_000,
      events: (listener) => {
        push = listener;
        return () => {
          unsubscribed = true;
        };
      },
    });
    const store = createOnAirStore();
    const until = async (condition: () => boolean) => {
      for (const started = Date.now(); !condition(); await wait(5)) if (Date.now() - started > 30_000) throw new Error('condition not met in 30 s');
    };
    let seeded = false;
    const disconnect = adapter.connect((e) => {
      seeded = true;
      store.dispatch(e);
    });
    await until(() => requests > 0);
    await wait(50);
    const afterFirstPoll = requests;
    // Someone else starts a recording; no poll is due for a minute.
    const other = createRealtimeKitClient({ baseUrl: 'http://app.local/api/rtk', fetch: backend.fetch });
    await other.startRecording({ meetingId: MEETING });
    const webhook = { event: 'recording.statusUpdate', recording: { id: 'r1', status: 'RECORDING', meetingId: MEETING }, meeting: { id: MEETING } };
    push({ at: 1, webhook: { ...webhook, meeting: { id: 'another-meeting' }, recording: { id: 'r2', status: 'RECORDING', meetingId: 'another-meeting' } } });
    push(JSON.stringify({ at: 2, webhook: { event: 'meeting.participantJoined', meeting: { id: MEETING } } }));
    await wait(30);
    expect(requests).toBe(afterFirstPoll);
    expect(store.state.getState().recordings.default).toBeUndefined();
    push({ at: 3, webhook });
    await until(() => store.state.getState().recordings.default?.status === 'recording');
    expect(requests).toBeGreaterThan(afterFirstPoll);
    expect(seeded).toBe(true);
    disconnect();
    expect(unsubscribed).toBe(true);
  });


  it('drives the live state from start through pause, resume and stop, one event per change', async () => {
    const { adapter, events, status, disconnect } = setup();
    await adapter.startRecording!();
    expect(status()).toBe('starting');
    await expect.poll(status, { timeout: 15_000 }).toBe('recording');
    await adapter.pauseRecording!();
    expect(status()).toBe('paused');
    await adapter.resumeRecording!();
    expect(status()).toBe('recording');
    await adapter.stopRecording!();
    expect(status()).toBe('idle');
    await wait(60);
    disconnect();
    expect(events.map((e) => e.type).filter((type) => type !== 'active-recording-read')).toEqual([
      'recording-starting',
      'recording-started',
      'recording-paused',
      'recording-resumed',
      'recording-stopped',
    ]);
    // Each change follows the read it came from, which names this source and meeting.
    const index = (type: string) => events.findIndex((e) => e.type === type);
    for (const [type, recording] of [
      ['recording-paused', 'paused'],
      ['recording-resumed', 'recording'],
      ['recording-stopped', null],
    ] as const) {
      const before = events[index(type) - 1];
      expect(before).toMatchObject({ type: 'active-recording-read', scope: 'realtimekit:http://app.local/api/rtk', meetingId: MEETING });
      expect(before?.type === 'active-recording-read' ? (before.recording?.status ?? null) : 'no read').toBe(recording);
    }
  });

  it('follows start and stop answers without `data` through the active recording (Cloudflare’s `data?:`)', async () => {
    const { backend, adapter, events, status, disconnect } = setup();
    backend.omitDataNext(2);
    await adapter.startRecording!();
    await expect.poll(status, { timeout: 15_000 }).toBe('recording');
    await adapter.stopRecording!();
    await expect.poll(status, { timeout: 15_000 }).toBe('idle');
    disconnect();
    expect(events.map((e) => e.type)).toContain('recording-started');
    expect(events.filter((e) => e.type !== 'active-recording-read').at(-1)?.type).toBe('recording-stopped');
  });

  it('a start whose request hangs times out and frees its slot: the next click sends a new request', async () => {
    const backend = createRealtimeKitBackend({ invokeMs: 10 });
    let starts = 0;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (String(input).endsWith('/recordings') && init?.method === 'POST') {
        starts += 1;
        // The first answer's headers arrive, its body never ends (a stuck proxy).
        if (starts === 1) return new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"success":')) }), { status: 200 });
      }
      return backend.fetch(input, init);
    };
    // Only the hanging start has a short deadline; every other request gets a long one, so a loaded
    // machine does not time out the second start (it must succeed).
    const hasty = createRealtimeKitClient({ baseUrl: 'http://app.local/api/rtk', timeoutMs: 100, fetch });
    const patient = createRealtimeKitClient({ baseUrl: 'http://app.local/api/rtk', timeoutMs: 30_000, fetch });
    const client: typeof patient = { ...patient, startRecording: (...args) => (starts === 0 ? hasty : patient).startRecording(...args) };
    const adapter = createRealtimeKitAdapter({ client, meetingId: MEETING, activePollMs: 15, idlePollMs: 0 });
    const store = createOnAirStore();
    const disconnect = adapter.connect((event) => store.dispatch(event));
    await wait(30);
    const actions = createOnAirActions(store, adapter, { commandTimeoutMs: 30_000 });
    const first = await actions.startRecording().then(
      () => 'done',
      (error: Error) => error.message,
    );
    expect(first).toMatch(/did not answer within/);
    await actions.startRecording();
    expect(starts).toBe(2);
    await expect.poll(() => store.state.getState().recordings.default?.status, { timeout: 15_000 }).toBe('recording');
    actions.dispose();
    disconnect();
  });

  it('seeds a recording someone else already runs, and sees it stop', async () => {
    const backend = createRealtimeKitBackend({ invokeMs: 0 });
    const client = createRealtimeKitClient({ baseUrl: 'http://app.local/api/rtk', fetch: backend.fetch });
    await client.startRecording({ meetingId: MEETING });
    const adapter = createRealtimeKitAdapter({ client, meetingId: MEETING, activePollMs: 10 });
    const store = createOnAirStore();
    const disconnect = adapter.connect((e) => store.dispatch(e));
    await expect.poll(() => store.state.getState().recordings.default?.status, { timeout: 15_000 }).toBe('recording');
    backend.endMeeting(MEETING);
    await expect.poll(() => store.state.getState().recordings.default, { timeout: 15_000 }).toBeUndefined();
    disconnect();
  });

  it('reports an ERRORED recording as a recording error', async () => {
    const { backend, adapter, store, disconnect } = setup();
    backend.errorNextRecording();
    await adapter.startRecording!();
    await expect.poll(() => store.state.getState().recordingError?.code, { timeout: 15_000 }).toBe('recording-errored');
    disconnect();
  });

  it('rejects stop when nothing runs, with a readable reason', async () => {
    const { adapter, disconnect } = setup();
    await expect(adapter.stopRecording!()).rejects.toThrow('No recording runs in this meeting.');
    disconnect();
  });

  describe('a command answer wins over a poll in flight', () => {
    /**
     * A client whose active-recording answers read the server at once but arrive `delayMs` later;
     * `polling()` resolves when one is under way and holds that one until `release()` (so it arrives
     * after the pause's answer however slow the machine, not after a fixed delay that could be shorter).
     */
    function slowActive(delayMs: number) {
      const backend = createRealtimeKitBackend({ invokeMs: 0 });
      const client = createRealtimeKitClient({ baseUrl: 'http://app.local/api/rtk', fetch: backend.fetch });
      let onRead: (() => void) | undefined;
      let release: () => void = () => {};
      /** Holds an answer read now: until `release()` when a test waits for it (`polling()`), else `delayMs`. */
      const late = async <T,>(answer: T): Promise<T> => {
        const caught = onRead;
        onRead = undefined;
        if (caught) {
          const hold = new Promise<void>((resolve) => (release = resolve));
          caught();
          await hold;
        } else {
          await wait(delayMs);
        }
        return answer;
      };
      // The adapter polls through the running list (18.2) and the active endpoint: both answer late.
      const slow = {
        ...client,
        getActiveRecording: async (id: string): Promise<RecordingAsset | null> => late(await client.getActiveRecording(id)),
        listRecordings: async (...args: Parameters<typeof client.listRecordings>) => late(await client.listRecordings(...args)),
      };
      const polling = () => new Promise<void>((resolve) => (onRead = resolve));
      return { client: slow, polling, release: () => release(), direct: client };
    }

    it('an older poll answer arriving after a pause neither resumes nor announces a resume', async () => {
      const { client, polling, release } = slowActive(40);
      const adapter = createRealtimeKitAdapter({ client, meetingId: MEETING, activePollMs: 5, idlePollMs: 5 });
      const store = createOnAirStore();
      const events: OnAirEvent[] = [];
      const disconnect = adapter.connect((event) => {
        events.push(event);
        store.dispatch(event);
      });
      await adapter.startRecording!();
      await expect.poll(() => store.state.getState().recordings.default?.status, { interval: 5, timeout: 15_000 }).toBe('recording');
      // A poll has read "recording" and is on its way back when the pause answers.
      await polling();
      await adapter.pauseRecording!();
      expect(store.state.getState().recordings.default?.status).toBe('paused');
      const afterPause = events.length;
      // Now the older poll answer arrives; then nothing more may happen.
      release();
      await wait(120);
      disconnect();
      // Later polls report what they read — paused, never the older "recording" — and change nothing.
      const later = events.slice(afterPause);
      expect(later.filter((e) => e.type !== 'active-recording-read')).toEqual([]);
      expect(later.map((e) => (e.type === 'active-recording-read' ? e.recording?.status : e.type)).filter((s) => s !== 'paused')).toEqual([]);
      expect(store.state.getState().recordings.default?.status).toBe('paused');
    });

    it('reports the answer, and the query layer keeps it over a fetch of it in flight (no QueryClient in the adapter)', async () => {
      const { client, direct } = slowActive(40);
      const adapter = createRealtimeKitAdapter({ client, meetingId: MEETING, activePollMs: 5, idlePollMs: 5 });
      // Wired as OnAirProvider wires its `recordings` source: store events → the query layer.
      const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      const key = onAirKeys.activeRecording(client.scope, MEETING);
      const store = createOnAirStore();
      const events: string[] = [];
      store.subscribeEvents((event) => invalidateForEvent(queryClient, client.scope, event));
      const disconnect = adapter.connect((event) => {
        events.push(event.type);
        store.dispatch(event);
      });
      await adapter.startRecording!();
      expect(['invoked', 'recording']).toContain(queryClient.getQueryData<RecordingAsset | null>(key)?.status);
      await expect.poll(() => store.state.getState().recordings.default?.status, { interval: 5, timeout: 15_000 }).toBe('recording');
      // useActiveRecording's own fetch (same source scope, same key) reads "recording" and is on its
      // way back when the pause answers.
      let hookRead: () => void = () => {};
      const reading = new Promise<void>((resolve) => (hookRead = resolve));
      let release: () => void = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      const hookSource = {
        ...direct,
        async getActiveRecording(id: string): Promise<RecordingAsset | null> {
          const answer = await direct.getActiveRecording(id);
          hookRead();
          await released;
          return answer;
        },
      };
      // (The adapter keeps the entry fresh: asked with `staleTime: 0`, as a refetch on focus would.)
      const hookFetch = queryClient.fetchQuery({ ...activeRecordingOptions(hookSource, MEETING), staleTime: 0 }).catch(() => undefined);
      await reading;
      await adapter.pauseRecording!();
      expect(queryClient.getQueryData<RecordingAsset | null>(key)?.status).toBe('paused');
      // The older answer lands now (before any later poll of the adapter could hide it): it was cancelled.
      release();
      await hookFetch;
      expect(queryClient.getQueryData<RecordingAsset | null>(key)?.status).toBe('paused');
      const afterPause = events.filter((type) => type !== 'active-recording-read').length;
      await wait(120);
      disconnect();
      expect(queryClient.getQueryData<RecordingAsset | null>(key)?.status).toBe('paused');
      expect(events.filter((type) => type !== 'active-recording-read').slice(afterPause)).toEqual([]);
      expect(store.state.getState().recordings.default?.status).toBe('paused');
      queryClient.clear();
    });
  });
});

describe('18.2: several recordings of one meeting (allow_multiple_recordings)', () => {
  it('18.2: polls the running list newest first with room for every one, and tracks each running recording', async () => {
    const backend = createRealtimeKitBackend({ invokeMs: 0, uploadMs: 30 });
    const client = createRealtimeKitClient({ baseUrl: 'http://app.local/api/rtk', fetch: backend.fetch });
    const started = async () => (await client.startRecording({ meetingId: MEETING, providerOptions: { allow_multiple_recordings: true } }))!.id;
    const first = await started();
    const second = await started();
    const adapter = createRealtimeKitAdapter({ client, meetingId: MEETING, activePollMs: 15, idlePollMs: 15 });
    const store = createOnAirStore();
    const disconnect = adapter.connect((event) => store.dispatch(event));
    const running = () =>
      Object.values(store.state.getState().recordings)
        .filter((r) => r.status === 'recording')
        .map((r) => r.recordingId)
        .sort();
    await expect.poll(running, { timeout: 15_000 }).toEqual([first, second].sort());
    const list = backend.requests.find((r) => r.endpoint === 'list')!;
    const query = new URLSearchParams(list.path.split('?')[1]);
    expect(query.get('sort_order')).toBe('DESC');
    expect(Number(query.get('per_page'))).toBeGreaterThanOrEqual(10);

    // A third starts elsewhere: it appears; one of them stops elsewhere: only it goes.
    const third = await started();
    await expect.poll(running, { timeout: 15_000 }).toEqual([first, second, third].sort());
    await client.controlRecording(second, 'stop');
    await expect.poll(running, { timeout: 15_000 }).toEqual([first, third].sort());

    // Stopping one of them from here stops that one.
    const actions = createOnAirActions(store, adapter);
    const instanceOf = (id: string) => Object.values(store.state.getState().recordings).find((r) => r.recordingId === id)!.instanceId;
    await actions.stopRecording({ instanceId: instanceOf(third) });
    await expect.poll(running, { timeout: 15_000 }).toEqual([first]);
    disconnect();
  });
});

describe('createRealtimeKitAdapter: "Check again" (21)', () => {
  it('21: refresh() reads the active recording now, without waiting for the next poll', async () => {
    const backend = createRealtimeKitBackend({ invokeMs: 0 });
    const client = createRealtimeKitClient({ baseUrl: 'http://app.local/api/rtk', fetch: backend.fetch });
    const adapter = createRealtimeKitAdapter({ client, meetingId: MEETING, idlePollMs: 600_000, activePollMs: 600_000 });
    const store = createOnAirStore();
    const disconnect = adapter.connect((event) => store.dispatch(event));
    const reads = () => backend.requests.filter((r) => r.endpoint === 'list' || r.endpoint === 'active').length;
    await expect.poll(reads, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    // Started on the provider's side (another browser, the app's backend): no poll is due for minutes.
    await client.startRecording!({ meetingId: MEETING });
    const recordingNow = () => Object.values(store.state.getState().recordings).some((s) => s.status === 'recording' || s.status === 'starting');
    expect(recordingNow()).toBe(false);
    await adapter.refresh?.();
    await expect.poll(recordingNow, { timeout: 15_000 }).toBe(true);
    disconnect();
  });
});
