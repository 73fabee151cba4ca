import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDailyAdapter } from '../../src/adapters/daily/index.js';
import type { OnAirEvent } from '../../src/core/events.js';
import { liveStreamStatusOf, recordingStatusOf, selectLiveStreamSession, selectRecordingSession } from '../../src/core/selectors.js';
import {
  createSimulator,
  SIMULATED_DEFAULT_INSTANCE_ID,
  SIMULATED_PERMISSION_MESSAGE,
  type SimulatedDailyEvent,
  type SimulatorOptions,
} from '../../src/simulator/index.js';
import { createOnAirActions } from '../../src/store/createOnAirActions.js';
import { createOnAirStore } from '../../src/store/createOnAirStore.js';

const DELAYS = { recordingStart: 100, recordingStop: 50, liveStart: 150, liveStop: 50 };

/** The whole chain as an app wires it: simulator → Daily adapter → store + actions. */
function meeting(options: SimulatorOptions = {}) {
  const sim = createSimulator({ delays: DELAYS, ...options });
  const adapter = createDailyAdapter(sim.daily);
  const store = createOnAirStore();
  const events: OnAirEvent[] = [];
  store.subscribeEvents((e) => events.push(e));
  const disconnect = adapter.connect((e) => store.dispatch(e));
  const actions = createOnAirActions(store, adapter, { commandTimeoutMs: 5_000 });
  const state = () => store.state.getState();
  const recStatus = () => recordingStatusOf(selectRecordingSession(state()), state().recordingError);
  const liveStatus = () => liveStreamStatusOf(selectLiveStreamSession(state()), state().liveStreamError);
  return { sim, adapter, store, actions, events, state, recStatus, liveStatus, disconnect };
}

let m: ReturnType<typeof meeting>;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  m?.actions.dispose();
  m?.disconnect();
  m?.sim.dispose();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('simulator + Daily adapter + store', () => {
  it('knows the meeting on connect: local participant, role and names', () => {
    m = meeting();
    expect(m.state().localParticipantId).toBe('local-you');
    expect(m.state().providerRole).toBe('moderator');
    expect(m.state().participantNames).toEqual({ 'local-you': 'You', 'remote-ada': 'Ada', 'remote-grace': 'Grace' });
  });

  it('start → starting → recording → stop → stopping → idle', async () => {
    m = meeting();
    const started = m.actions.startRecording();
    expect(m.recStatus()).toBe('starting');
    await vi.advanceTimersByTimeAsync(DELAYS.recordingStart - 1);
    expect(m.recStatus()).toBe('starting');
    await vi.advanceTimersByTimeAsync(1);
    await expect(started).resolves.toBeUndefined();
    expect(m.recStatus()).toBe('recording');
    const session = selectRecordingSession(m.state());
    expect(session).toMatchObject({ instanceId: SIMULATED_DEFAULT_INSTANCE_ID, type: 'cloud', startedBy: 'local-you', layout: { preset: 'default' } });
    expect(session?.recordingId).toMatch(/^[0-9a-f-]{36}$/);

    // as useRecording().stop does: name the instance shown
    const stopped = m.actions.stopRecording({ instanceId: session?.instanceId });
    expect(m.recStatus()).toBe('stopping');
    await vi.advanceTimersByTimeAsync(DELAYS.recordingStop);
    await expect(stopped).resolves.toBeUndefined();
    expect(m.recStatus()).toBe('idle');
  });

  it('failNextStart: the start rejects with the message and the status shows the error', async () => {
    m = meeting();
    m.sim.faults.failNextStart('Recording quota exceeded.');
    const started = m.actions.startRecording();
    const outcome = expect(started).rejects.toThrow('Recording quota exceeded.');
    await vi.advanceTimersByTimeAsync(DELAYS.recordingStart);
    await outcome;
    expect(m.recStatus()).toBe('error');
    expect(m.state().recordingError?.message).toBe('Recording quota exceeded.');
    // only the next start fails
    const again = m.actions.startRecording();
    await vi.advanceTimersByTimeAsync(DELAYS.recordingStart);
    await expect(again).resolves.toBeUndefined();
    expect(m.recStatus()).toBe('recording');
  });

  it('failNextStart applies to a live stream too', async () => {
    m = meeting();
    m.sim.faults.failNextStart('RTMP server refused the stream key.');
    const started = m.actions.startLiveStream({ endpoints: ['youtube'] });
    const outcome = expect(started).rejects.toThrow('RTMP server refused the stream key.');
    await vi.advanceTimersByTimeAsync(DELAYS.liveStart);
    await outcome;
    expect(m.liveStatus()).toBe('error');
  });

  it('live stream to two endpoints: interruption and recovery per endpoint, then stop', async () => {
    m = meeting();
    const started = m.actions.startLiveStream({ endpoints: ['youtube', 'twitch'] });
    expect(m.liveStatus()).toBe('starting');
    await vi.advanceTimersByTimeAsync(DELAYS.liveStart);
    await started;
    expect(m.liveStatus()).toBe('live');
    const endpoints = () => selectLiveStreamSession(m.state())?.endpoints;
    expect(Object.keys(endpoints() ?? {}).sort()).toEqual(['twitch', 'youtube']);

    m.sim.faults.interruptLiveStream('youtube');
    expect(endpoints()?.youtube?.status).toBe('interrupted');
    expect(endpoints()?.twitch?.status).toBe('live');
    expect(m.liveStatus()).toBe('live');

    m.sim.faults.interruptLiveStream(); // every endpoint
    expect(m.liveStatus()).toBe('interrupted');

    m.sim.faults.recoverLiveStream('twitch');
    expect(m.liveStatus()).toBe('live');
    expect(endpoints()?.youtube?.status).toBe('interrupted');
    m.sim.faults.recoverLiveStream();
    expect(endpoints()?.youtube?.status).toBe('live');

    m.sim.faults.warnLiveStream('Upload bandwidth is low.');
    expect(selectLiveStreamSession(m.state())?.warning).toBe('Upload bandwidth is low.');

    const stopped = m.actions.stopLiveStream({ instanceId: selectLiveStreamSession(m.state())?.instanceId });
    await vi.advanceTimersByTimeAsync(DELAYS.liveStop);
    await stopped;
    expect(m.liveStatus()).toBe('idle');
  });

  it('a stream to an RTMP URL emits an update without endpoint, and interrupts as a whole', async () => {
    m = meeting();
    const started = m.actions.startLiveStream({ rtmpUrl: 'rtmps://live.example.com/app/KEY' });
    await vi.advanceTimersByTimeAsync(DELAYS.liveStart);
    await started;
    m.sim.faults.interruptLiveStream();
    expect(m.liveStatus()).toBe('interrupted');
    m.sim.faults.recoverLiveStream();
    expect(m.liveStatus()).toBe('live');
  });

  it('a second instance started by someone else runs next to ours and stops on its own', async () => {
    m = meeting();
    const started = m.actions.startRecording();
    await vi.advanceTimersByTimeAsync(DELAYS.recordingStart);
    await started;
    m.sim.faults.startSecondRecording();
    await vi.advanceTimersByTimeAsync(DELAYS.recordingStart);
    const ids = Object.keys(m.state().recordings);
    expect(ids).toHaveLength(2);
    const second = ids.find((id) => id !== SIMULATED_DEFAULT_INSTANCE_ID) as string;
    expect(m.state().recordings[second]).toMatchObject({ status: 'recording', startedBy: 'remote-grace' });

    m.sim.remote.stopRecording(second);
    await vi.advanceTimersByTimeAsync(DELAYS.recordingStop);
    expect(Object.keys(m.state().recordings)).toEqual([SIMULATED_DEFAULT_INSTANCE_ID]);
  });

  it('remote participants start and stop recordings and streams (by id or by name)', async () => {
    m = meeting();
    m.sim.remote.startRecording('Ada');
    await vi.advanceTimersByTimeAsync(DELAYS.recordingStart);
    expect(selectRecordingSession(m.state())).toMatchObject({ status: 'recording', startedBy: 'remote-ada' });
    m.sim.remote.startLiveStream('Ana Lima'); // unknown name: Ana joins the meeting
    expect(m.state().participantNames['remote-ana-lima']).toBe('Ana Lima');
    await vi.advanceTimersByTimeAsync(DELAYS.liveStart);
    expect(m.liveStatus()).toBe('live');
    m.sim.remote.stopRecording();
    m.sim.remote.stopLiveStream();
    await vi.advanceTimersByTimeAsync(Math.max(DELAYS.recordingStop, DELAYS.liveStop));
    expect(m.recStatus()).toBe('idle');
    expect(m.liveStatus()).toBe('idle');
  });

  it('stop while starting cancels the start: no recording-started ever arrives', async () => {
    m = meeting();
    void m.actions.startRecording().catch(() => {});
    await vi.advanceTimersByTimeAsync(DELAYS.recordingStart / 2);
    m.sim.daily.stopRecording();
    await vi.advanceTimersByTimeAsync(DELAYS.recordingStart * 2);
    expect(m.events.some((e) => e.type === 'recording-started')).toBe(false);
    expect(m.events.some((e) => e.type === 'recording-stopped')).toBe(true);
    expect(m.recStatus()).toBe('idle');
  });

  it('permission denied: role drops to participant, a start fails with the Daily-like message; allowed again → moderator', async () => {
    m = meeting();
    m.sim.faults.denyPermission();
    expect(m.state().providerRole).toBe('participant');
    expect(m.sim.daily.participants().local).toMatchObject({ owner: false, permissions: { canAdmin: false } });
    const started = m.actions.startRecording();
    const outcome = expect(started).rejects.toThrow(SIMULATED_PERMISSION_MESSAGE);
    await vi.advanceTimersByTimeAsync(DELAYS.recordingStart);
    await outcome;
    expect(m.recStatus()).toBe('error');
    m.sim.faults.denyPermission(false);
    expect(m.state().providerRole).toBe('moderator');
  });

  it('a start on an instance that already runs answers recording-error like Daily', async () => {
    m = meeting();
    const seen: SimulatedDailyEvent[] = [];
    m.sim.daily.on('recording-error', (e) => seen.push(e));
    m.sim.daily.startRecording({ instanceId: 'abc' });
    m.sim.daily.startRecording({ instanceId: 'abc' });
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([
      { action: 'recording-error', callClientId: expect.any(String), errorMsg: 'A recording is already in progress for this instance.', instanceId: 'abc' },
    ]);
  });

  it('malformed payloads are dropped with a warning and the store keeps working', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    m = meeting();
    const started = m.actions.startRecording();
    await vi.advanceTimersByTimeAsync(DELAYS.recordingStart);
    await started;
    const before = m.state();
    expect(() => m.sim.faults.emitMalformed()).not.toThrow();
    expect(m.state()).toBe(before);
    expect(warn).toHaveBeenCalledTimes(2);
    const stopped = m.actions.stopRecording({ instanceId: selectRecordingSession(m.state())?.instanceId });
    await vi.advanceTimersByTimeAsync(DELAYS.recordingStop);
    await stopped;
    expect(m.recStatus()).toBe('idle');
  });
});

describe('simulator on its own', () => {
  it('emits Daily-documented payload shapes', async () => {
    const sim = createSimulator({ delays: DELAYS });
    const seen: SimulatedDailyEvent[] = [];
    for (const name of ['recording-started', 'recording-stopped', 'live-streaming-started', 'live-streaming-updated', 'live-streaming-stopped']) {
      sim.daily.on(name, (e) => seen.push(e));
    }
    sim.daily.startRecording({ instanceId: 'r1', type: 'raw-tracks' });
    sim.daily.startLiveStreaming({ instanceId: 'l1', endpoints: [{ endpoint: 'youtube' }] });
    await vi.advanceTimersByTimeAsync(DELAYS.liveStart);
    sim.daily.stopRecording({ instanceId: 'r1' });
    sim.daily.stopLiveStreaming({ instanceId: 'l1' });
    await vi.advanceTimersByTimeAsync(DELAYS.liveStop);
    expect(seen.map((e) => e.action)).toEqual([
      'recording-started',
      'live-streaming-started',
      'live-streaming-updated',
      'recording-stopped',
      'live-streaming-stopped',
    ]);
    expect(seen[0]).toEqual({
      action: 'recording-started',
      callClientId: expect.any(String),
      instanceId: 'r1',
      recordingId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      startedBy: 'local-you',
      type: 'raw-tracks',
      layout: { preset: 'default' },
      local: false,
    });
    expect(seen[2]).toEqual({ action: 'live-streaming-updated', callClientId: expect.any(String), instanceId: 'l1', state: 'connected', endpoint: { endpoint: 'youtube' } });
    sim.dispose();
  });

  it('join() tells a late joiner what already runs; leave() emits left-meeting', async () => {
    const sim = createSimulator({ delays: DELAYS, joined: false });
    expect(sim.daily.meetingState()).toBe('new');
    expect(() => sim.daily.startRecording()).toThrow(/join/);
    sim.remote.startRecording();
    await vi.advanceTimersByTimeAsync(DELAYS.recordingStart);
    const adapter = createDailyAdapter(sim.daily);
    const store = createOnAirStore();
    adapter.connect((e) => store.dispatch(e));
    expect(store.state.getState().recordings).toEqual({});
    await sim.daily.join();
    expect(store.state.getState().localParticipantId).toBe('local-you');
    expect(store.state.getState().recordings[SIMULATED_DEFAULT_INSTANCE_ID]?.status).toBe('recording');
    await sim.daily.leave();
    expect(sim.daily.meetingState()).toBe('left-meeting');
    expect(store.state.getState().recordings).toEqual({});
    sim.dispose();
  });

  it('logs what it does, and dispose() clears timers and listeners', async () => {
    const sim = createSimulator({ delays: DELAYS });
    const lines: string[] = [];
    const off = sim.onLog((line) => lines.push(line.text));
    const seen: string[] = [];
    sim.daily.on('recording-started', (e) => seen.push(e.action));
    sim.daily.startRecording();
    expect(lines.at(-1)).toMatch(/You starts a cloud recording/);
    sim.dispose();
    await vi.advanceTimersByTimeAsync(DELAYS.recordingStart * 2);
    expect(seen).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    off();
  });

  it('setDelays changes later answers', async () => {
    const sim = createSimulator({ delays: DELAYS });
    sim.setDelays({ recordingStart: 1000 });
    const seen: string[] = [];
    sim.daily.on('recording-started', (e) => seen.push(e.action));
    sim.daily.startRecording();
    await vi.advanceTimersByTimeAsync(999);
    expect(seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toEqual(['recording-started']);
    sim.dispose();
  });
});

describe('known issue in createOnAirActions (lead: remove `.fails` once fixed)', () => {
  // A start without instanceId waits at the `default` key; Daily answers with its own instanceId and
  // the reducer moves the session there. `actions.stopRecording()` without an instance then looks
  // only at `default`, finds nothing, resolves at once and never calls the provider. The hooks pass
  // the shown session's id, so the UI path works; a direct call of the action does not.
  it('stopRecording() without instanceId stops the recording a start without instanceId began', async () => {
    m = meeting();
    const started = m.actions.startRecording();
    await vi.advanceTimersByTimeAsync(DELAYS.recordingStart);
    await started;
    const stopped = m.actions.stopRecording();
    await vi.advanceTimersByTimeAsync(DELAYS.recordingStop);
    await stopped;
    expect(m.recStatus()).toBe('idle');
  });
});
