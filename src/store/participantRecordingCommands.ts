import type { OnAirCommand, OnAirError, RecordingStatus } from '../core/model.js';
import { ownValue } from '../core/records.js';
import { isRecordingOn, isSettled } from '../core/status.js';
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
 * refused request rolls the state back and rejects with an `OnAirCommandError`.
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
  return store.commands.run({
    key: ['participant', command, participantId],
    command,
    call,
    unsupportedMessage: 'This meeting provider cannot record one participant.',
    skip: () => {
      const current = status();
      if (command === 'start-recording') return current !== undefined && isRecordingOn(current);
      return current === undefined || isSettled(current) || current === 'stopping';
    },
    begin: () => request(),
    settle: 'request',
    // Any answer of the provider (a webhook for the participant) clears the request's mark.
    outcome: (state) => (ownValue(state.participantRecordings, participantId)?.pending === command ? 'waiting' : 'done'),
    rollback: (error) => request(error),
    timeoutMs,
    timeoutMessage: TIMEOUT_MESSAGES[command],
    requestCode: codeOf,
  });
}
