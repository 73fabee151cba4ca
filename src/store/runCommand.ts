import type { OnAirCommand, OnAirError, OnAirState } from '../core/model.js';
import type { StoreApi } from 'zustand/vanilla';
import { OnAirCommandError } from './createOnAirActions.js';

/**
 * @internal What the store says about a command on its way: confirmed, failed, or still open.
 */
export type CommandOutcome = 'done' | 'failed' | 'waiting';

/**
 * @internal One command, described for {@link CommandRunner.run}: which slot it takes, the
 * provider call, the optimistic dispatch, how the store confirms it, and how it rolls back.
 */
export interface CommandSpec {
  /** The slot: a second `run` with the same key while the first is open returns the first promise. */
  readonly key: readonly string[];
  /** The command named in errors (`OnAirError.command`). */
  readonly command?: OnAirCommand | undefined;
  /** The provider call; `undefined` when the provider cannot do it (rejects with `not-supported`). */
  readonly call: (() => Promise<void> | void) | undefined;
  /** The readable reason when `call` is missing. */
  readonly unsupportedMessage?: string | undefined;
  /** `true` when there is nothing to do (resolves at once). Without it, an `outcome` of `done` before the start skips. */
  readonly skip?: ((state: OnAirState) => boolean) | undefined;
  /** The optimistic dispatch, made once before the call. */
  readonly begin?: (() => void) | undefined;
  /** How the store state confirms the command. Without it, the provider's answer to the call settles it. */
  readonly outcome?: ((state: OnAirState) => CommandOutcome) | undefined;
  /**
   * When the caller's promise settles: `outcome` (default) when the store confirms it; `request`
   * when the provider accepted the call — the runner still waits for the outcome (and its timeout)
   * before it frees the slot.
   */
  readonly settle?: 'outcome' | 'request' | undefined;
  /** The error the store shows when `outcome` says `failed`. */
  readonly failure?: ((state: OnAirState) => OnAirError | undefined) | undefined;
  /** Dispatches the rollback after a refused call or a timeout. */
  readonly rollback?: ((error: OnAirError) => void) | undefined;
  /** How long the whole command (the call and the confirming state) may take; `0` or `Infinity` waits forever. Default 30 s. */
  readonly timeoutMs?: number | undefined;
  /** The readable reason of a timeout. */
  readonly timeoutMessage?: string | undefined;
  /** The error code of a refused call. Default `request-failed`. */
  readonly requestCode?: ((cause: unknown) => string) | undefined;
  /** What the caller's promise rejects with. Default an `OnAirCommandError` (an `Error` without a `command`). */
  readonly reject?: ((error: OnAirError, cause: unknown) => unknown) | undefined;
}

/**
 * @internal The one place where commands of a meeting live: one slot per key (a double click sends
 * one request), one timeout over the whole command, confirmation by the store's state, rollback on a
 * refused call or a timeout, the slot freed on every end, and `dispose` cancelling what is open.
 */
export interface CommandRunner {
  run(spec: CommandSpec): Promise<void>;
  /** `true` while a command holds the slot `key`. */
  has(key: readonly string[]): boolean;
  /** Cancels every open command (their promises reject with `cancelled`); the runner stays usable. */
  dispose(): void;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/** @internal The readable message of a refused call. */
export function messageOf(cause: unknown): string {
  if (cause instanceof Error && cause.message) return cause.message;
  if (typeof cause === 'string' && cause) return cause;
  return 'The provider refused the request.';
}

/**
 * @internal Creates the command runner of one store.
 *
 * @example
 * ```ts
 * const runner = createCommandRunner(store.state);
 * await runner.run({
 *   key: ['start-recording', 'default'],
 *   command: 'start-recording',
 *   call: () => adapter.startRecording?.(),
 *   outcome: (state) => (state.recordings.default?.status === 'recording' ? 'done' : 'waiting'),
 * });
 * ```
 */
export function createCommandRunner(state: StoreApi<OnAirState>): CommandRunner {
  const open = new Map<string, { readonly promise: Promise<void>; readonly cancel: () => void }>();
  const slotOf = (key: readonly string[]): string => key.join('\u0000');

  function run(spec: CommandSpec): Promise<void> {
    const slot = slotOf(spec.key);
    const existing = open.get(slot);
    if (existing) return existing.promise;
    const command = spec.command;
    const error = (code: string, message: string): OnAirError => ({ code, message, command, at: Date.now() });
    const rejection = (failure: OnAirError, cause?: unknown): unknown =>
      spec.reject ? spec.reject(failure, cause) : command ? new OnAirCommandError(failure, command) : new Error(failure.message);
    if (!spec.call) {
      return Promise.reject(rejection(error('not-supported', spec.unsupportedMessage ?? 'This meeting provider cannot do that.')));
    }
    const call = spec.call;
    const outcome = spec.outcome;
    const before = state.getState();
    if (spec.skip ? spec.skip(before) : outcome?.(before) === 'done') return Promise.resolve();

    let resolveCaller: () => void = () => {};
    let rejectCaller: (reason: unknown) => void = () => {};
    const promise = new Promise<void>((resolve, reject) => {
      resolveCaller = resolve;
      rejectCaller = reject;
    });
    let callerSettled = false;
    let finished = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: () => void = () => {};

    const answerCaller = (failure?: OnAirError, cause?: unknown): void => {
      if (callerSettled) return;
      callerSettled = true;
      if (failure) rejectCaller(rejection(failure, cause));
      else resolveCaller();
    };
    const finish = (failure?: OnAirError, cause?: unknown): void => {
      if (finished) return;
      finished = true;
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe();
      open.delete(slot);
      answerCaller(failure, cause);
    };
    const check = (current: OnAirState): void => {
      if (!outcome || finished) return;
      const result = outcome(current);
      if (result === 'done') finish();
      else if (result === 'failed') finish(spec.failure?.(current) ?? error('failed', 'The request failed.'));
    };
    const cancel = (): void => finish(error('cancelled', 'The meeting view closed before the provider answered.'));
    open.set(slot, { promise, cancel });

    spec.begin?.();
    if (outcome) unsubscribe = state.subscribe(check);
    const timeoutMs = spec.timeoutMs ?? 30_000;
    if (Number.isFinite(timeoutMs) && timeoutMs > 0) {
      timer = setTimeout(
        () => {
          // Every change of the state has been checked: the command still waits.
          const failure = error('timeout', spec.timeoutMessage ?? 'The meeting provider did not answer in time. Try again.');
          // Finished first: the rollback's own state change must not read as a confirmation.
          finish(failure);
          spec.rollback?.(failure);
        },
        Math.min(timeoutMs, MAX_TIMER_MS),
      );
    }

    let answer: Promise<void> | void;
    try {
      answer = call();
    } catch (cause) {
      answer = Promise.reject(cause);
    }
    Promise.resolve(answer).then(
      () => {
        if (finished) return;
        if (!outcome) return finish();
        if (spec.settle === 'request') answerCaller();
        check(state.getState());
      },
      (cause: unknown) => {
        if (finished) return;
        const failure = error(spec.requestCode?.(cause) ?? 'request-failed', messageOf(cause));
        finish(failure, cause);
        spec.rollback?.(failure);
      },
    );
    return promise;
  }

  return {
    run,
    has: (key) => open.has(slotOf(key)),
    dispose() {
      for (const entry of [...open.values()]) entry.cancel();
    },
  };
}
