import type { OnAirCommand, OnAirError, RecordingStatus } from '../core/model.js';
import { ownValue } from '../core/records.js';
import { isRecordingOn, isSettled } from '../core/status.js';
import { OnAirCommandError } from './createOnAirActions.js';
import type { OnAirStore } from './createOnAirStore.js';

/** The commands of a participant recording. */
export type ParticipantRecordingCommand = Extract<OnAirCommand, 'start-recording' | 'stop-recording'>;

const TIMEOUT_MESSAGES = {
  'start-recording': 'The meeting provider did not confirm the start in time (no recording webhook arrived). Try again.',
  'stop-recording': 'The meeting provider did not confirm the stop in time (no recording webhook arrived). The recording may still run: try again.',
} as const;

function codeOf(error: unknown): string {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status > 0 ? `http-${status}` : 'request-failed';
}

/**
 * @internal Runs one participant-recording command through the store's command runner: a second
 * call while one is on its way returns the same promise; a start while the recording is on, or a
 * stop while it is not, does nothing; the promise resolves when the provider accepted the request,
 * and the runner keeps waiting for the provider's first answer (any `participant-recording` event
 * for the participant): if none arrives within `timeoutMs` the state rolls back with `timeout`; a
 * refused request rolls the state back and rejects with an {@link OnAirCommandError}.
 *
 * @example
 * ```ts
 * await runParticipantRecordingCommand(store, 'p1', 'start-recording', () => adapter.startParticipantRecording!('p1'), 30_000);
 * ```
 */
export function runParticipantRecordingCommand(
  store: OnAirStore,
  participantId: string,
  command: ParticipantRecordingCommand,
  call: (() => Promise<void>) | undefined,
  timeoutMs: number,
): Promise<void> {
  const status = (): RecordingStatus | undefined => ownValue(store.state.getState().participantRecordings, participantId)?.status;
  const request = (error?: OnAirError): void =>
    store.dispatch({ type: 'participant-recording-request', participantId, command, at: error?.at ?? Date.now(), error });
  /** The runner's errors, told in participant-recording words (and a refused HTTP call by its status). */
  const told = (error: OnAirError, cause?: unknown): OnAirError =>
    error.code === 'not-supported'
      ? { ...error, message: 'This meeting provider cannot record one participant.' }
      : error.code === 'timeout'
        ? { ...error, message: TIMEOUT_MESSAGES[command] }
        : error.code === 'request-failed'
          ? { ...error, code: codeOf(cause) }
          : error;
  let began = false;
  return store.commands.run({
    key: ['participant', command, participantId],
    command,
    call,
    begin: () => {
      began = true;
      request();
    },
    settle: 'request',
    outcome: (state) => {
      if (!began) {
        // Nothing to do: a start while the recording is on, a stop while it is not.
        const current = status();
        const idle = command === 'start-recording' ? current !== undefined && isRecordingOn(current) : current === undefined || isSettled(current) || current === 'stopping';
        return idle ? 'done' : 'waiting';
      }
      // Any answer of the provider (a webhook for the participant) clears the request's mark.
      return ownValue(state.participantRecordings, participantId)?.pending === command ? 'waiting' : 'done';
    },
    rollback: (error, cause) => request(told(error, cause)),
    timeoutMs,
    reject: (error, cause) => new OnAirCommandError(told(error, cause), command),
  });
}
