import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OnAirError, OnAirState } from '../../src/core/model.js';
import { createOnAirStore } from '../../src/store/createOnAirStore.js';
import { createCommandRunner, type CommandSpec } from '../../src/store/runCommand.js';

/** A provider call the test answers by hand, counting how often it was made. */
function deferredCall() {
  const answers: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  const call = vi.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        answers.push({ resolve, reject });
      }),
  );
  return { call, answers };
}

const recordingStatus = (state: OnAirState) => state.recordings.default?.status;

/** A start of the default recording, confirmed when the store shows it recording. */
function startSpec(store: ReturnType<typeof createOnAirStore>, call: CommandSpec['call'], rolledBack: OnAirError[], timeoutMs = 1_000): CommandSpec {
  return {
    key: ['start-recording', 'default'],
    command: 'start-recording',
    call,
    begin: () => store.dispatch({ type: 'recording-requested', command: 'start-recording', at: Date.now() }),
    outcome: (state) => (recordingStatus(state) === 'recording' ? 'done' : 'waiting'),
    rollback: (error) => {
      rolledBack.push(error);
      store.dispatch({ type: 'recording-request-failed', error, at: Date.now() });
    },
    timeoutMs,
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createCommandRunner', () => {
  it('sends one call for a double click and gives both clicks the same promise', async () => {
    const store = createOnAirStore();
    const runner = createCommandRunner(store.state);
    const { call, answers } = deferredCall();
    const first = runner.run(startSpec(store, call, []));
    const second = runner.run(startSpec(store, call, []));
    expect(second).toBe(first);
    expect(call).toHaveBeenCalledTimes(1);
    answers[0]!.resolve();
    store.dispatch({ type: 'recording-started', at: Date.now() });
    await expect(first).resolves.toBeUndefined();
    expect(runner.has(['start-recording', 'default'])).toBe(false);
  });

  it('times out over the whole command: the accepted request and the confirming event share one limit', async () => {
    vi.useFakeTimers();
    const store = createOnAirStore();
    const runner = createCommandRunner(store.state);
    const { call, answers } = deferredCall();
    const rolledBack: OnAirError[] = [];
    const result = runner.run(startSpec(store, call, rolledBack, 1_000));
    const settled = vi.fn();
    result.then(settled, settled);
    await vi.advanceTimersByTimeAsync(700);
    answers[0]!.resolve(); // the provider accepted after 700 ms; no event confirms it
    await vi.advanceTimersByTimeAsync(299);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).rejects.toMatchObject({ message: expect.stringMatching(/did not answer in time/) });
    expect(rolledBack.map((e) => e.code)).toEqual(['timeout']);
    expect(recordingStatus(store.state.getState())).not.toBe('starting');
    expect(runner.has(['start-recording', 'default'])).toBe(false);
  });

  it('times out a request the provider never answers', async () => {
    vi.useFakeTimers();
    const store = createOnAirStore();
    const runner = createCommandRunner(store.state);
    const rolledBack: OnAirError[] = [];
    const result = runner.run({ key: ['consent', 'local', 'true'], call: () => new Promise<void>(() => {}), rollback: (e) => rolledBack.push(e), timeoutMs: 500 });
    const caught = result.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(500);
    expect(await caught).toBeInstanceOf(Error);
    expect(rolledBack.map((e) => e.code)).toEqual(['timeout']);
  });

  it('rolls back and frees the slot when the provider refuses, so the next click sends again', async () => {
    const store = createOnAirStore();
    const runner = createCommandRunner(store.state);
    const { call, answers } = deferredCall();
    const rolledBack: OnAirError[] = [];
    const first = runner.run(startSpec(store, call, rolledBack));
    expect(recordingStatus(store.state.getState())).toBe('starting');
    answers[0]!.reject(new Error('insufficient permissions'));
    await expect(first).rejects.toMatchObject({ message: 'insufficient permissions' });
    expect(rolledBack).toMatchObject([{ code: 'request-failed', message: 'insufficient permissions', command: 'start-recording' }]);
    expect(recordingStatus(store.state.getState())).not.toBe('starting');
    expect(runner.has(['start-recording', 'default'])).toBe(false);

    const second = runner.run(startSpec(store, call, rolledBack));
    expect(second).not.toBe(first);
    expect(call).toHaveBeenCalledTimes(2);
    answers[1]!.resolve();
    store.dispatch({ type: 'recording-started', at: Date.now() });
    await expect(second).resolves.toBeUndefined();
  });

  it('settles at the request when asked, yet still rolls back if no event confirms in time', async () => {
    vi.useFakeTimers();
    const store = createOnAirStore();
    const runner = createCommandRunner(store.state);
    const rolledBack: OnAirError[] = [];
    const result = runner.run({ ...startSpec(store, async () => {}, rolledBack, 1_000), settle: 'request' });
    await expect(result).resolves.toBeUndefined();
    expect(runner.has(['start-recording', 'default'])).toBe(true);
    expect(runner.run({ ...startSpec(store, async () => {}, rolledBack, 1_000), settle: 'request' })).toBe(result);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(rolledBack.map((e) => e.code)).toEqual(['timeout']);
    expect(runner.has(['start-recording', 'default'])).toBe(false);
  });

  it('dispose cancels what is open: the promise rejects, no late timeout rolls back, the slot is free', async () => {
    vi.useFakeTimers();
    const store = createOnAirStore();
    const runner = createCommandRunner(store.state);
    const { call } = deferredCall();
    const rolledBack: OnAirError[] = [];
    const result = runner.run(startSpec(store, call, rolledBack, 1_000));
    const caught = result.catch((error: unknown) => error);
    runner.dispose();
    expect(await caught).toMatchObject({ message: expect.stringMatching(/closed before the provider answered/) });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(rolledBack).toEqual([]);
    expect(runner.has(['start-recording', 'default'])).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps keys apart whatever they are called, __proto__ and constructor included', async () => {
    const store = createOnAirStore();
    const runner = createCommandRunner(store.state);
    const calls: string[] = [];
    const spec = (id: string): CommandSpec => ({
      key: ['participant', 'start-recording', id],
      call: async () => {
        calls.push(id);
      },
    });
    await Promise.all(['__proto__', 'constructor', 'toString'].map((id) => runner.run(spec(id))));
    expect(calls).toEqual(['__proto__', 'constructor', 'toString']);
    expect(runner.has(['participant', 'start-recording', '__proto__'])).toBe(false);
  });

  it('rejects a command the provider cannot do with a readable reason, without a call or a slot', async () => {
    const store = createOnAirStore();
    const runner = createCommandRunner(store.state);
    await expect(runner.run({ key: ['x'], command: 'start-recording', call: undefined })).rejects.toMatchObject({
      name: 'OnAirCommandError',
      code: 'not-supported',
      command: 'start-recording',
      message: 'This meeting provider cannot do that.',
    });
    expect(runner.has(['x'])).toBe(false);
  });
});
