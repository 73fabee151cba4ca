import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOnAirActions, OnAirCommandError } from '../../src/store/createOnAirActions.js';
import { createOnAirStore } from '../../src/store/createOnAirStore.js';
import { runParticipantRecordingCommand } from '../../src/store/participantRecordingCommands.js';

afterEach(() => {
  vi.useRealTimers();
});

const statusOf = (store: ReturnType<typeof createOnAirStore>, id: string) => store.state.getState().participantRecordings[id]?.status;

describe('participant-recording commands on the store’s command runner', () => {
  it('a request the provider never answers fails with timeout: the limit covers the request too', async () => {
    vi.useFakeTimers();
    const store = createOnAirStore();
    const call = vi.fn(() => new Promise<void>(() => {}));
    const result = runParticipantRecordingCommand(store, 'constructor', 'start-recording', call, 1_000);
    const caught = result.catch((error: unknown) => error);
    expect(statusOf(store, 'constructor')).toBe('starting');
    await vi.advanceTimersByTimeAsync(1_000);
    const error = await caught;
    expect(error).toBeInstanceOf(OnAirCommandError);
    expect(error).toMatchObject({ code: 'timeout', command: 'start-recording' });
    expect(statusOf(store, 'constructor')).toBe('error');
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('shares one runner with the meeting’s actions: disposing them stops the participant’s wait too', async () => {
    vi.useFakeTimers();
    const store = createOnAirStore();
    const actions = createOnAirActions(store, undefined);
    await runParticipantRecordingCommand(store, 'p1', 'start-recording', async () => {}, 1_000);
    expect(statusOf(store, 'p1')).toBe('starting');
    actions.dispose();
    await vi.advanceTimersByTimeAsync(5_000);
    // No late timeout turned the meeting that closed into an error.
    expect(statusOf(store, 'p1')).toBe('starting');
    expect(vi.getTimerCount()).toBe(0);
  });
});
