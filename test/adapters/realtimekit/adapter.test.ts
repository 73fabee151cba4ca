import { describe, expect, it } from 'vitest';
import { createRealtimeKitAdapter, createRealtimeKitClient } from '../../../src/adapters/realtimekit/index.js';
import type { OnAirEvent } from '../../../src/core/events.js';
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
  it('drives the live state from start through pause, resume and stop, one event per change', async () => {
    const { adapter, events, status, disconnect } = setup();
    await adapter.startRecording!();
    expect(status()).toBe('starting');
    await wait(80);
    expect(status()).toBe('recording');
    await adapter.pauseRecording!();
    expect(status()).toBe('paused');
    await adapter.resumeRecording!();
    expect(status()).toBe('recording');
    await adapter.stopRecording!();
    expect(status()).toBe('idle');
    await wait(60);
    disconnect();
    expect(events.map((e) => e.type)).toEqual(['recording-starting', 'recording-started', 'recording-paused', 'recording-resumed', 'recording-stopped']);
  });

  it('seeds a recording someone else already runs, and sees it stop', async () => {
    const backend = createRealtimeKitBackend({ invokeMs: 0 });
    const client = createRealtimeKitClient({ baseUrl: 'http://app.local/api/rtk', fetch: backend.fetch });
    await client.startRecording({ meetingId: MEETING });
    const adapter = createRealtimeKitAdapter({ client, meetingId: MEETING, activePollMs: 10 });
    const store = createOnAirStore();
    const disconnect = adapter.connect((e) => store.dispatch(e));
    await wait(30);
    expect(store.state.getState().recordings.default?.status).toBe('recording');
    backend.endMeeting(MEETING);
    await wait(40);
    expect(store.state.getState().recordings.default).toBeUndefined();
    disconnect();
  });

  it('reports an ERRORED recording as a recording error', async () => {
    const { backend, adapter, store, disconnect } = setup();
    backend.errorNextRecording();
    await adapter.startRecording!();
    await wait(80);
    disconnect();
    expect(store.state.getState().recordingError?.code).toBe('recording-errored');
  });

  it('rejects stop when nothing runs, with a readable reason', async () => {
    const { adapter, disconnect } = setup();
    await expect(adapter.stopRecording!()).rejects.toThrow('No recording runs in this meeting.');
    disconnect();
  });
});
