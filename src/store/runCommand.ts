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
  /** The optimistic dispatch, made once before the call. */
  readonly begin?: (() => void) | undefined;
  /**
   * How the store state confirms the command; read once before `begin` too (`done` then means there
   * is nothing to do: it resolves at once without a call). Without it, the provider's answer to the
   * call settles the command.
   */
  readonly outcome?: ((state: OnAirState) => CommandOutcome) | undefined;
  /**
   * When the caller's promise settles: `outcome` (default) when the store confirms it; `request`
   * when the provider accepted the call — the runner still waits for the outcome (and its timeout)
   * before it frees the slot.
   */
  readonly settle?: 'outcome' | 'request' | undefined;
  /** The error the store shows when `outcome` says `failed`. */
  readonly failure?: ((state: OnAirState) => OnAirError | undefined) | undefined;
  /** Dispatches the rollback after a refused call (`cause` is what the call threw) or a timeout. */
  readonly rollback?: ((error: OnAirError, cause?: unknown) => void) | undefined;
  /** How long the whole command (the call and the confirming state) may take; `0` or `Infinity` waits forever. Default 30 s. */
  readonly timeoutMs?: number | undefined;
  /** What the caller's promise rejects with. Default an `OnAirCommandError` (give `reject` to a command without `command`). */
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

/** The readable message of a refused call (`"The provider refused the request."` when it has none). */
function messageOf(cause: unknown): string {
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
      spec.reject ? spec.reject(failure, cause) : new OnAirCommandError(failure, command as OnAirCommand);
    if (!spec.call) {
      return Promise.reject(rejection(error('not-supported', 'This meeting provider cannot do that.')));
    }
    const call = spec.call;
    const outcome = spec.outcome;
    if (outcome?.(state.getState()) === 'done') return Promise.resolve();

    let resolveCaller: () => void = () => {};
    let rejectCaller: (reason: unknown) => void = () => {};
    const promise = new Promise<void>((resolve, reject) => {
      resolveCaller = resolve;
      rejectCaller = reject;
    });
    /** 0: open; 1: the caller has its answer, the runner still waits; 2: finished. */
    let phase = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: () => void = () => {};

    /** Answers the caller once; unless `keep`, also frees the slot and stops waiting. */
    const finish = (failure?: OnAirError, cause?: unknown, keep?: boolean): void => {
      if (phase > 1) return;
      if (phase < 1) {
        if (failure) rejectCaller(rejection(failure, cause));
        else resolveCaller();
      }
      phase = keep ? 1 : 2;
      if (keep) return;
      clearTimeout(timer);
      unsubscribe();
      open.delete(slot);
    };
    const check = (current: OnAirState): void => {
      const result = outcome?.(current);
      if (result === 'done') finish();
      else if (result === 'failed') finish(spec.failure?.(current) ?? error('failed', 'The request failed.'));
    };
    const cancel = (): void => finish(error('cancelled', 'The meeting view closed before the provider answered.'));
    open.set(slot, { promise, cancel });

    spec.begin?.();
    if (outcome) unsubscribe = state.subscribe(check);
    const timeoutMs = spec.timeoutMs ?? 30_000;
    if (timeoutMs > 0 && timeoutMs < Infinity) {
      timer = setTimeout(
        () => {
          // Every change of the state has been checked: the command still waits.
          const failure = error('timeout', 'The meeting provider did not answer in time. Try again.');
          // Finished first: the rollback's own state change must not read as a confirmation.
          finish(failure);
          spec.rollback?.(failure);
        },
        Math.min(timeoutMs, MAX_TIMER_MS),
      );
    }

    // A call that throws at once counts as a refusal too.
    new Promise<void>((resolve) => resolve(call())).then(
      () => {
        if (phase > 1) return;
        if (!outcome) return finish();
        if (spec.settle === 'request') finish(undefined, undefined, true);
        check(state.getState());
      },
      (cause: unknown) => {
        if (phase > 1) return;
        const failure = error('request-failed', messageOf(cause));
        finish(failure, cause);
        spec.rollback?.(failure, cause);
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
