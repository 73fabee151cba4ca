import { useCallback, useMemo } from 'react';
import { useStore } from 'zustand';
import type { OnAirCommand, OnAirError, ParticipantRecording, RecordingFile, RecordingStatus } from '../core/model.js';
import { ownValue } from '../core/records.js';
import { effectiveRole, type ControlUnavailableReason } from '../core/selectors.js';
import { OnAirCommandError } from '../store/createOnAirActions.js';
import type { OnAirStore } from '../store/createOnAirStore.js';
import { useOnAirContext } from './OnAirContext.js';

/**
 * What the local participant may do with one participant's recording right now.
 *
 * @public
 */
export interface ParticipantRecordingPermissions {
  readonly start: boolean;
  readonly stop: boolean;
  /** Why recording this participant is not possible, when it is not. */
  readonly reason?: ControlUnavailableReason | undefined;
}

/**
 * What {@link useParticipantRecording} returns.
 *
 * @public
 */
export interface UseParticipantRecordingResult {
  readonly participantId: string;
  /** `idle` (never recorded, or stopped — `files` then hold the result), `starting`, `recording`, `stopping`, `error`. */
  readonly status: RecordingStatus;
  /** `true` from `starting` to `stopping`: the participant is (about to be) recorded. */
  readonly isRecording: boolean;
  /** Files of the last finished recording, as the provider sent them. Link only `safeHttpUrl(file.url)`. */
  readonly files: readonly RecordingFile[];
  readonly error: OnAirError | undefined;
  /** Display name, when the adapter knows the participant. */
  readonly name: string | undefined;
  readonly startedAt: number | undefined;
  readonly can: ParticipantRecordingPermissions;
  /** The whole record, for advanced use. */
  readonly recording: ParticipantRecording | undefined;
  /**
   * Starts recording this participant. Resolves when the provider accepted (progress arrives as
   * events); rejects with an `OnAirCommandError` (also shown in `error`). A second call while one
   * is on its way returns the same promise: a double click sends one start.
   */
  start(options?: Readonly<Record<string, unknown>>): Promise<void>;
  /** Stops recording this participant. */
  stop(): Promise<void>;
}

/**
 * Options of {@link useParticipantRecording}.
 *
 * @public
 */
export interface UseParticipantRecordingOptions {
  /**
   * How long a start or stop waits for the provider's first webhook before it gives up: the state
   * goes back (start → `error`, stop → `recording`) with an `error` of code `timeout`, and the
   * controls are usable again. Default 30 000 ms (like `OnAirProvider`'s `commandTimeoutMs`);
   * `0` or `Infinity` waits forever. Once a webhook arrived, the provider's webhooks lead.
   */
  readonly timeoutMs?: number | undefined;
}

const NO_FILES: readonly RecordingFile[] = Object.freeze([]);
const DEFAULT_TIMEOUT_MS = 30_000;
/** Commands on their way, per store (a store is one meeting). */
const inflightByStore = new WeakMap<OnAirStore, Map<string, Promise<void>>>();
/** Per store and participant: cancels the timer waiting for the provider's answer. */
const waitingByStore = new WeakMap<OnAirStore, Map<string, () => void>>();

const TIMEOUT_MESSAGES = {
  'start-recording': 'The meeting provider did not confirm the start in time (no recording webhook arrived). Try again.',
  'stop-recording': 'The meeting provider did not confirm the stop in time (no recording webhook arrived). The recording may still run: try again.',
} as const;

/**
 * Waits for the provider's answer to `command`: any `participant-recording` event for the
 * participant (or a failed request) clears the request's `pending` mark. If it is still there after
 * `timeoutMs`, the request fails with `timeout` and the reducer rolls the state back.
 */
function awaitAnswer(store: OnAirStore, participantId: string, command: keyof typeof TIMEOUT_MESSAGES, timeoutMs: number): void {
  let waiting = waitingByStore.get(store);
  if (!waiting) {
    waiting = new Map();
    waitingByStore.set(store, waiting);
  }
  waiting.get(participantId)?.();
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) return;
  const map = waiting;
  const pending = (): boolean => ownValue(store.state.getState().participantRecordings, participantId)?.pending === command;
  let unsubscribe: () => void = () => {};
  const cancel = (): void => {
    clearTimeout(timer);
    unsubscribe();
    if (map.get(participantId) === cancel) map.delete(participantId);
  };
  const timer = setTimeout(
    () => {
      cancel();
      if (!pending()) return;
      const at = Date.now();
      store.dispatch({ type: 'participant-recording-request', participantId, command, at, error: { code: 'timeout', message: TIMEOUT_MESSAGES[command], command, at } });
    },
    Math.min(timeoutMs, 2 ** 31 - 1),
  );
  unsubscribe = store.state.subscribe(() => {
    if (!pending()) cancel();
  });
  map.set(participantId, cancel);
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'The provider refused the request.';
}

function codeOf(error: unknown): string {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status > 0 ? `http-${status}` : 'request-failed';
}

/**
 * One participant's individual recording (VideoSDK participant recording): its status, the files
 * it produced, the last error, and the actions. Moderators start and stop it; anyone can read it.
 * A start or stop that no webhook answers within `options.timeoutMs` (else `OnAirProvider commandTimeoutMs`, else 30 s) fails with `timeout`.
 *
 * @example
 * ```tsx
 * function RecordTile({ id }: { id: string }) {
 *   const { status, start, stop, can, error } = useParticipantRecording(id);
 *   return (
 *     <>
 *       <button disabled={!can.start && !can.stop} onClick={() => (status === 'recording' ? stop() : start()).catch(() => {})}>
 *         {status === 'recording' ? 'Stop' : 'Record'}
 *       </button>
 *       {error && <p role="alert">{error.message}</p>}
 *     </>
 *   );
 * }
 * ```
 *
 * @public
 */
export function useParticipantRecording(participantId: string, options: UseParticipantRecordingOptions = {}): UseParticipantRecordingResult {
  const { store, adapter, capabilities, role, commandTimeoutMs } = useOnAirContext();
  const timeoutMs = options.timeoutMs ?? commandTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const recording = useStore(store.state, (s) => ownValue(s.participantRecordings, participantId));
  const name = useStore(store.state, (s) => ownValue(s.participantNames, participantId));
  const providerRole = useStore(store.state, (s) => s.providerRole);

  const run = useCallback(
    (command: Extract<OnAirCommand, 'start-recording' | 'stop-recording'>, call: (() => Promise<void>) | undefined): Promise<void> => {
      let inflight = inflightByStore.get(store);
      if (!inflight) {
        inflight = new Map();
        inflightByStore.set(store, inflight);
      }
      const key = `${command}\u0000${participantId}`;
      const existing = inflight.get(key);
      if (existing) return existing;
      const now = Date.now();
      if (!call) {
        return Promise.reject(new OnAirCommandError({ code: 'not-supported', message: 'This meeting provider cannot record one participant.', command, at: now }, command));
      }
      const current = ownValue(store.state.getState().participantRecordings, participantId)?.status;
      if (command === 'start-recording' && (current === 'starting' || current === 'recording')) return Promise.resolve();
      if (command === 'stop-recording' && (current === undefined || current === 'idle' || current === 'error' || current === 'stopping')) {
        return Promise.resolve();
      }
      store.dispatch({ type: 'participant-recording-request', participantId, command, at: now });
      awaitAnswer(store, participantId, command, timeoutMs);
      const map = inflight;
      const promise = (async () => {
        try {
          await call();
        } catch (cause) {
          const error: OnAirError = { code: codeOf(cause), message: messageOf(cause), command, at: Date.now() };
          store.dispatch({ type: 'participant-recording-request', participantId, command, error, at: error.at });
          throw new OnAirCommandError(error, command);
        } finally {
          map.delete(key);
        }
      })();
      map.set(key, promise);
      return promise;
    },
    [store, participantId, timeoutMs],
  );

  const start = useCallback(
    (options?: Readonly<Record<string, unknown>>) =>
      run('start-recording', adapter?.startParticipantRecording && (() => adapter.startParticipantRecording!(participantId, options))),
    [run, adapter, participantId],
  );
  const stop = useCallback(
    () => run('stop-recording', adapter?.stopParticipantRecording && (() => adapter.stopParticipantRecording!(participantId))),
    [run, adapter, participantId],
  );

  return useMemo(() => {
    const status = recording?.status ?? 'idle';
    const supported = Boolean(capabilities?.participantRecording && adapter?.startParticipantRecording);
    const allowed = effectiveRole(role, providerRole) !== 'participant';
    const reason: ControlUnavailableReason | undefined = !adapter ? 'no-adapter' : !supported ? 'not-supported' : !allowed ? 'not-allowed' : undefined;
    return {
      participantId,
      status,
      isRecording: status === 'starting' || status === 'recording' || status === 'stopping',
      files: recording?.files ?? NO_FILES,
      error: recording?.error,
      name,
      startedAt: recording?.startedAt,
      can: {
        start: reason === undefined && (status === 'idle' || status === 'error'),
        stop: reason === undefined && (status === 'recording' || status === 'starting'),
        reason,
      },
      recording,
      start,
      stop,
    };
  }, [participantId, recording, name, capabilities, adapter, role, providerRole, start, stop]);
}
