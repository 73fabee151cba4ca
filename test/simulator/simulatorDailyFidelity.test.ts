import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDailyAdapter } from '../../src/adapters/daily/index.js';
import type { OnAirEvent } from '../../src/core/events.js';
import { recordingIncludes, recordingStatusOf, selectLiveStreamSession, selectRecordingSession } from '../../src/core/selectors.js';
import { createSimulator, SIMULATED_PERMISSION_MESSAGE, type SimulatorOptions } from '../../src/simulator/index.js';
import { createOnAirActions } from '../../src/store/createOnAirActions.js';
import { createOnAirStore } from '../../src/store/createOnAirStore.js';

const DELAYS = { recordingStart: 100, recordingStop: 50, liveStart: 150, liveStop: 50, recordingUpload: 200 };

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
  return { sim, adapter, store, actions, events, state, recStatus, disconnect };
}

let m: ReturnType<typeof meeting> | undefined;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  m?.actions.dispose();
  m?.disconnect();
  m?.sim.dispose();
  m = undefined;
  vi.useRealTimers();
});

describe('simulated Daily — fidelity to daily-js', () => {
  it('refuses a non-owner whose canAdmin is only "participants", as Daily does', async () => {
    m = meeting({ localParticipant: { owner: false, canAdmin: ['participants'] } });
    await m.sim.daily.join();
    expect(m.state().providerRole).toBe('participant');
    const started = m.actions.startRecording().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(300);
    expect(await started).toMatchObject({ message: SIMULATED_PERMISSION_MESSAGE });
  });

  it('lets a non-owner with canAdmin "streaming" record', async () => {
    m = meeting({ localParticipant: { owner: false, canAdmin: ['streaming'] } });
    await m.sim.daily.join();
    expect(m.state().providerRole).toBe('moderator');
    const started = m.actions.startRecording();
    await vi.advanceTimersByTimeAsync(150);
    await started;
    expect(m.recStatus()).toBe('recording');
  });

  it('sends recording-upload-completed after a cloud recording stops (→ recording-uploaded)', async () => {
    m = meeting();
    await m.sim.daily.join();
    const started = m.actions.startRecording();
    await vi.advanceTimersByTimeAsync(150);
    await started;
    const stopped = m.actions.stopRecording();
    await vi.advanceTimersByTimeAsync(60);
    await stopped;
    expect(m.events.map((e) => e.type)).not.toContain('recording-uploaded');
    await vi.advanceTimersByTimeAsync(250);
    expect(m.events.map((e) => e.type)).toContain('recording-uploaded');
    expect(m.recStatus()).toBe('idle');
  });

  it('knows whether I am in a single-participant recording', async () => {
    m = meeting({ localParticipant: { id: 'me-1', name: 'Me' } });
    await m.sim.daily.join();
    const started = m.actions.startRecording({ providerOptions: { layout: { preset: 'single-participant', session_id: 'remote-ada' } } });
    await vi.advanceTimersByTimeAsync(150);
    await started;
    expect(recordingIncludes(selectRecordingSession(m.state()), m.state().localParticipantId)).toBe(false);
  });

  it('offers and answers layout updates and endpoint add/remove', async () => {
    m = meeting();
    await m.sim.daily.join();
    expect(m.adapter.capabilities).toMatchObject({ updateRecording: true, updateLiveStream: true, liveStreamEndpoints: true });
    const live = m.actions.startLiveStream({ endpoints: ['youtube'] });
    await vi.advanceTimersByTimeAsync(200);
    await live;
    await m.actions.addLiveStreamEndpoints({ endpoints: ['twitch'] });
    await vi.advanceTimersByTimeAsync(400);
    expect(Object.keys(selectLiveStreamSession(m.state())?.endpoints ?? {})).toEqual(['youtube', 'twitch']);
    await m.actions.updateLiveStream({ layout: { preset: 'portrait' } });
    await m.actions.removeLiveStreamEndpoints({ endpoints: ['twitch'] });
    expect(Object.keys(selectLiveStreamSession(m.state())?.endpoints ?? {})).toEqual(['youtube']);
    expect(selectLiveStreamSession(m.state())?.status).toBe('live');
  });

  it('keeps a participant whose session id is "__proto__" in participants()', async () => {
    m = meeting({ participants: [{ id: '__proto__', name: 'Proto' }, { id: 'constructor', name: 'Con' }] });
    await m.sim.daily.join();
    const all = m.sim.daily.participants();
    expect(Object.keys(all).sort()).toEqual(['__proto__', 'constructor', 'local']);
    expect(Object.getPrototypeOf(all)).toBe(Object.prototype);
    expect(Object.keys(m.state().participantNames).sort()).toEqual(['__proto__', 'constructor', 'local-you']);
  });
});
