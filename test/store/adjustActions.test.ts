import { describe, expect, it } from 'vitest';
import { noCapabilities, type LiveStreamEndpointsOptions, type OnAirAdapter, type UpdateLayoutOptions } from '../../src/core/adapter.js';
import { createOnAirActions, OnAirCommandError } from '../../src/store/createOnAirActions.js';
import { createOnAirStore } from '../../src/store/createOnAirStore.js';

function setup(overrides: Partial<OnAirAdapter> = {}) {
  const calls: { method: string; options: unknown }[] = [];
  const adapter: OnAirAdapter = {
    provider: 'fake',
    capabilities: { ...noCapabilities, startLiveStream: true, stopLiveStream: true, updateLiveStream: true, liveStreamEndpoints: true, updateRecording: true },
    connect: () => () => {},
    updateRecording: async (options: UpdateLayoutOptions) => {
      calls.push({ method: 'updateRecording', options });
    },
    updateLiveStream: async (options: UpdateLayoutOptions) => {
      calls.push({ method: 'updateLiveStream', options });
    },
    addLiveStreamEndpoints: async (options: LiveStreamEndpointsOptions) => {
      calls.push({ method: 'addLiveStreamEndpoints', options });
    },
    removeLiveStreamEndpoints: async (options: LiveStreamEndpointsOptions) => {
      calls.push({ method: 'removeLiveStreamEndpoints', options });
    },
    ...overrides,
  };
  const store = createOnAirStore();
  const actions = createOnAirActions(store, adapter);
  return { store, actions, calls };
}

describe('createOnAirActions — layout and endpoint commands', () => {
  it('aims at the stream the UI shows and forwards the provider-named instance', async () => {
    const { store, actions, calls } = setup();
    store.dispatch({ type: 'live-stream-started', at: 1, instanceId: 'daily-7' });
    await actions.addLiveStreamEndpoints({ endpoints: ['youtube'] });
    await actions.removeLiveStreamEndpoints({ endpoints: ['youtube'] });
    await actions.updateLiveStream({ layout: { preset: 'portrait' } });
    expect(calls).toEqual([
      { method: 'addLiveStreamEndpoints', options: { endpoints: ['youtube'], instanceId: 'daily-7' } },
      { method: 'removeLiveStreamEndpoints', options: { endpoints: ['youtube'], instanceId: 'daily-7' } },
      { method: 'updateLiveStream', options: { layout: { preset: 'portrait' }, instanceId: 'daily-7' } },
    ]);
  });

  it('drops the per-endpoint state of removed endpoints once the provider accepted the removal', async () => {
    const { store, actions } = setup();
    store.dispatch({ type: 'live-stream-started', at: 1, instanceId: 'l1' });
    store.dispatch({ type: 'live-stream-updated', at: 2, instanceId: 'l1', state: 'interrupted', endpoint: 'youtube' });
    store.dispatch({ type: 'live-stream-updated', at: 3, instanceId: 'l1', state: 'connected', endpoint: 'twitch' });
    expect(store.state.getState().liveStreams.l1?.status).toBe('live');
    await actions.removeLiveStreamEndpoints({ endpoints: ['twitch'] });
    expect(Object.keys(store.state.getState().liveStreams.l1?.endpoints ?? {})).toEqual(['youtube']);
    // The one endpoint left is interrupted: so is the stream.
    expect(store.state.getState().liveStreams.l1?.status).toBe('interrupted');
  });

  it('sends one request for a double click, and a new one after it settled', async () => {
    let release: () => void = () => {};
    const { actions, calls } = setup({
      updateRecording: (options) => {
        calls.push({ method: 'updateRecording', options });
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    });
    const first = actions.updateRecording({ layout: { preset: 'default' } });
    const second = actions.updateRecording({ layout: { preset: 'default' } });
    expect(second).toBe(first);
    release();
    await first;
    void actions.updateRecording({ layout: { preset: 'default' } });
    expect(calls.filter((c) => c.method === 'updateRecording')).toHaveLength(2);
    release();
  });

  it('rejects with a readable OnAirCommandError, then lets the next click send again', async () => {
    let fail = true;
    const { actions } = setup({
      addLiveStreamEndpoints: async () => {
        if (fail) throw new Error('Daily could not add the endpoints.');
      },
    });
    const error = await actions.addLiveStreamEndpoints({ endpoints: ['yt'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OnAirCommandError);
    expect(error).toMatchObject({ command: 'add-live-stream-endpoints', code: 'request-failed', message: 'Daily could not add the endpoints.' });
    fail = false;
    await expect(actions.addLiveStreamEndpoints({ endpoints: ['yt'] })).resolves.toBeUndefined();
  });

  it('says "not supported" when the adapter has no such command', async () => {
    const { actions } = setup({ updateLiveStream: undefined });
    await expect(actions.updateLiveStream({ layout: {} })).rejects.toMatchObject({ code: 'not-supported', command: 'update-live-stream' });
  });
});
