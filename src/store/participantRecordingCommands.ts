import type { OnAirCommand, OnAirError } from '../core/model.js';
import { ownValue } from '../core/records.js';
import { isRecordingOn, isSettled } from '../core/status.js';
import { OnAirCommandError } from './createOnAirActions.js';
import type { OnAirStore } from './createOnAirStore.js';

/** The commands of a participant recording. */
export type ParticipantRecordingCommand = Extract<OnAirCommand, 'start-recording' | 'stop-recording'>;

/**
 * @internal Per-store bookkeeping of participant-recording commands on their way: the promise of
 * each command (so a double click sends one request) and, per participant, the cancel of the timer
 * that waits for the provider's answer. It lives on the store instance (one meeting), never in a
 * module.
 */
export interface ParticipantCommandSlots {
  readonly inflight: Map<string, Promise<void>>;
  readonly waiting: Map<string, () => void>;
}

/** @internal Empty slots for a new store. */
export function createParticipantCommandSlots(): ParticipantCommandSlots {
  return { inflight: new Map(), waiting: new Map() };
}

const TIMEOUT_MESSAGES = {
  'start-recording': 'The meeting provider did not confirm the start in time (no recording webhook arrived). Try again.',
  'stop-recording': 'The meeting provider did not confirm the stop in time (no recording webhook arrived). The recording may still run: try again.',
} as const;

/**
 * Waits for the provider's answer to `command`: any `participant-recording` event for the
 * participant (or a failed request) clears the request's `pending` mark. If it is still there after
 * `timeoutMs`, the request fails with `timeout` and the reducer rolls the state back.
 */
function awaitAnswer(store: OnAirStore, participantId: string, command: ParticipantRecordingCommand, timeoutMs: number): void {
  const waiting = store.participantCommands.waiting;
  waiting.get(participantId)?.();
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) return;
  const pending = (): boolean => ownValue(store.state.getState().participantRecordings, participantId)?.pending === command;
  let unsubscribe: () => void = () => {};
  const cancel = (): void => {
    clearTimeout(timer);
    unsubscribe();
    if (waiting.get(participantId) === cancel) waiting.delete(participantId);
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
  waiting.set(participantId, cancel);
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
 * @internal Runs one participant-recording command: a second call while one is on its way returns
 * the same promise; a start while the recording is on, or a stop while it is not, does nothing; a
 * provider that never answers fails with `timeout` after `timeoutMs`; a refused request rolls the
 * state back and rejects with an {@link OnAirCommandError}.
 */
export function runParticipantRecordingCommand(
  store: OnAirStore,
  participantId: string,
  command: ParticipantRecordingCommand,
  call: (() => Promise<void>) | undefined,
  timeoutMs: number,
): Promise<void> {
  const inflight = store.participantCommands.inflight;
  const key = `${command}\u0000${participantId}`;
  const existing = inflight.get(key);
  if (existing) return existing;
  const now = Date.now();
  if (!call) {
    return Promise.reject(new OnAirCommandError({ code: 'not-supported', message: 'This meeting provider cannot record one participant.', command, at: now }, command));
  }
  const current = ownValue(store.state.getState().participantRecordings, participantId)?.status;
  if (command === 'start-recording' && current !== undefined && isRecordingOn(current)) return Promise.resolve();
  if (command === 'stop-recording' && (current === undefined || isSettled(current) || current === 'stopping')) return Promise.resolve();
  store.dispatch({ type: 'participant-recording-request', participantId, command, at: now });
  awaitAnswer(store, participantId, command, timeoutMs);
  const promise = (async () => {
    try {
      await call();
    } catch (cause) {
      const error: OnAirError = { code: codeOf(cause), message: messageOf(cause), command, at: Date.now() };
      store.dispatch({ type: 'participant-recording-request', participantId, command, error, at: error.at });
      throw new OnAirCommandError(error, command);
    } finally {
      inflight.delete(key);
    }
  })();
  inflight.set(key, promise);
  return promise;
}
