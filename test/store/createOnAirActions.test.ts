import { afterEach, describe, expect, it, vi } from 'vitest';
import { noCapabilities, type OnAirAdapter, type OnAirEventSink } from '../../src/core/adapter.js';
import { recordingStatusOf, selectRecordingSession } from '../../src/core/selectors.js';
import { createOnAirActions, OnAirCommandError } from '../../src/store/createOnAirActions.js';
import { createOnAirStore } from '../../src/store/createOnAirStore.js';

/** A provider stand-in: records calls; the test decides what the provider answers. */
function fakeProvider(overrides: Partial<OnAirAdapter> = {}) {
  let sink: OnAirEventSink = () => {};
  const calls: string[] = [];
  const adapter: OnAirAdapter = {
    provider: 'fake',
    capabilities: { ...noCapabilities, startRecording: true, stopRecording: true, pauseRecording: true, resumeRecording: true },
    connect(next) {
      sink = next;
      return () => {};
    },
    startRecording: async () => {
      calls.push('start');
    },
    stopRecording: async () => {
      calls.push('stop');
    },
    pauseRecording: async () => {
      calls.push('pause');
    },
    ...overrides,
  };
  const store = createOnAirStore();
  adapter.connect((e) => store.dispatch(e));
  return { adapter, store, calls, emit: (e: Parameters<OnAirEventSink>[0]) => sink(e) };
}

const status = (store: ReturnType<typeof createOnAirStore>) => {
  const s = store.state.getState();
  return recordingStatusOf(selectRecordingSession(s), s.recordingError);
};

afterEach(() => {
  vi.useRealTimers();
});

describe('createOnAirActions', () => {
  it('sends one start for a double click and resolves when the provider confirms', async () => {
    const p = fakeProvider();
    const actions = createOnAirActions(p.store, p.adapter);
    const first = actions.startRecording();
    const second = actions.startRecording();
    expect(second).toBe(first);
    expect(status(p.store)).toBe('starting');
    await Promise.resolve();
    expect(p.calls).toEqual(['start']);
    p.emit({ type: 'recording-started', at: Date.now(), instanceId: 'uuid', recordingId: 'r' });
    await expect(first).resolves.toBeUndefined();
    expect(status(p.store)).toBe('recording');
  });

  it('rejects with the provider reason and leaves a usable error state', async () => {
    const p = fakeProvider();
    const actions = createOnAirActions(p.store, p.adapter);
    const pending = actions.startRecording();
    p.emit({ type: 'recording-error', at: Date.now(), error: { code: 'recording-error', message: 'Room has recording disabled', at: 0 } });
    await expect(pending).rejects.toThrow('Room has recording disabled');
    expect(status(p.store)).toBe('error');
    const retry = actions.startRecording();
    expect(status(p.store)).toBe('starting');
    p.emit({ type: 'recording-started', at: Date.now() });
    await expect(retry).resolves.toBeUndefined();
  });

  it('rejects a failed start even while another instance records', async () => {
    const p = fakeProvider();
    const actions = createOnAirActions(p.store, p.adapter);
    p.emit({ type: 'recording-started', at: 1, instanceId: 'other', recordingId: 'r-other' });
    const pending = actions.startRecording();
    p.emit({ type: 'recording-error', at: Date.now(), error: { code: 'recording-error', message: 'quota exceeded', at: 0 } });
    await expect(pending).rejects.toThrow('quota exceeded');
  });

  it('turns a thrown provider call into a readable error', async () => {
    const p = fakeProvider({
      startRecording: () => {
        throw new Error('not in a call');
      },
    });
    const actions = createOnAirActions(p.store, p.adapter);
    const error = await actions.startRecording().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OnAirCommandError);
    expect((error as OnAirCommandError).message).toBe('not in a call');
    expect((error as OnAirCommandError).command).toBe('start-recording');
    expect(p.store.state.getState().recordingError?.message).toBe('not in a call');
  });

  it('gives up after the timeout with a message and a usable state', async () => {
    vi.useFakeTimers();
    const p = fakeProvider();
    const actions = createOnAirActions(p.store, p.adapter, { commandTimeoutMs: 1000 });
    const pending = actions.startRecording().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1001);
    const error = (await pending) as OnAirCommandError;
    expect(error.code).toBe('timeout');
    expect(status(p.store)).toBe('error');
  });

  it('a failed stop returns to recording with the reason', async () => {
    const p = fakeProvider({ stopRecording: () => Promise.reject(new Error('socket closed')) });
    const actions = createOnAirActions(p.store, p.adapter);
    p.emit({ type: 'recording-started', at: 1, recordingId: 'r' });
    await expect(actions.stopRecording()).rejects.toThrow('socket closed');
    const session = selectRecordingSession(p.store.state.getState());
    expect(session).toMatchObject({ status: 'recording', error: { message: 'socket closed' } });
  });

  it('stop resolves when the provider reports stopped', async () => {
    const p = fakeProvider();
    const actions = createOnAirActions(p.store, p.adapter);
    p.emit({ type: 'recording-started', at: 1, recordingId: 'r' });
    const stopping = actions.stopRecording();
    expect(status(p.store)).toBe('stopping');
    p.emit({ type: 'recording-stopped', at: 2 });
    await expect(stopping).resolves.toBeUndefined();
    expect(status(p.store)).toBe('idle');
  });

  it('pause resolves on the provider confirmation', async () => {
    const p = fakeProvider();
    const actions = createOnAirActions(p.store, p.adapter);
    p.emit({ type: 'recording-started', at: 1 });
    const pausing = actions.pauseRecording();
    p.emit({ type: 'recording-paused', at: 2 });
    await expect(pausing).resolves.toBeUndefined();
    expect(status(p.store)).toBe('paused');
  });

  it('rejects a command the adapter does not support without touching state', async () => {
    const p = fakeProvider({ startLiveStream: undefined });
    const actions = createOnAirActions(p.store, p.adapter);
    const before = p.store.state.getState();
    await expect(actions.startLiveStream({ rtmpUrl: 'rtmp://x' })).rejects.toMatchObject({ code: 'not-supported' });
    expect(p.store.state.getState()).toBe(before);
  });

  it('dispose rejects outstanding commands as cancelled', async () => {
    const p = fakeProvider();
    const actions = createOnAirActions(p.store, p.adapter);
    const pending = actions.startRecording();
    actions.dispose();
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('createOnAirStore', () => {
  it('keeps dispatching to other listeners when one throws', () => {
    const store = createOnAirStore();
    const seen: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    store.subscribeEvents(() => {
      throw new Error('app bug');
    });
    store.subscribeEvents((e) => seen.push(e.type));
    store.dispatch({ type: 'recording-started', at: 1 });
    expect(seen).toEqual(['recording-started']);
    expect(store.state.getState().recordings.default?.status).toBe('recording');
    spy.mockRestore();
  });

  it('does not notify state subscribers for an event that changes nothing', () => {
    const store = createOnAirStore();
    const listener = vi.fn();
    store.state.subscribe(listener);
    store.dispatch({ type: 'recording-stopped', at: 1 });
    store.dispatch({ type: 'recording-stopped', at: 2 });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
