import { useCallback, useMemo } from 'react';
import { useStore } from 'zustand';
import type { OnAirError, ParticipantRecording, RecordingFile, RecordingStatus } from '../core/model.js';
import { ownValue } from '../core/records.js';
import { effectiveRole, type ControlUnavailableReason } from '../core/selectors.js';
import { isRecordingOn, isSettled, isUnderway } from '../core/status.js';
import { runParticipantRecordingCommand, type ParticipantRecordingCommand } from '../store/participantRecordingCommands.js';
import { useOnAirContext } from './OnAirContext.js';
import { PARTICIPANT_RECORDING_SLICES, useSlices } from './useSlices.js';

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
  /** `true` from `starting` to `stopping` (`isUnderway` of `onair-react`'s status words): the participant is being, or about to be, recorded. */
  readonly isUnderway: boolean;
  /**
   * Same as {@link UseParticipantRecordingResult.isUnderway}.
   *
   * @deprecated Use `isUnderway`. Here it meant "starting, recording or stopping", while
   * `useRecording().isRecording` means "recording or paused"; the new name says which.
   */
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
   * How long a start or stop (its request and then the provider's first webhook) may take before it gives up: the state
   * goes back (start → `error`, stop → `recording`) with an `error` of code `timeout`, and the
   * controls are usable again. Default 30 000 ms (like `OnAirProvider`'s `commandTimeoutMs`);
   * `0` or `Infinity` waits forever. Once a webhook arrived, the provider's webhooks lead.
   */
  readonly timeoutMs?: number | undefined;
}

const NO_FILES: readonly RecordingFile[] = Object.freeze([]);
const DEFAULT_TIMEOUT_MS = 30_000;

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
  useSlices(store, PARTICIPANT_RECORDING_SLICES);
  const timeoutMs = options.timeoutMs ?? commandTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const recording = useStore(store.state, (s) => ownValue(s.participantRecordings, participantId));
  const name = useStore(store.state, (s) => ownValue(s.participantNames, participantId));
  const providerRole = useStore(store.state, (s) => s.providerRole);

  const run = useCallback(
    (command: ParticipantRecordingCommand, call: (() => Promise<void>) | undefined): Promise<void> =>
      runParticipantRecordingCommand(store, participantId, command, call, timeoutMs),
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
      isUnderway: isUnderway(status),
      isRecording: isUnderway(status),
      files: recording?.files ?? NO_FILES,
      error: recording?.error,
      name,
      startedAt: recording?.startedAt,
      can: {
        start: reason === undefined && isSettled(status),
        stop: reason === undefined && isRecordingOn(status),
        reason,
      },
      recording,
      start,
      stop,
    };
  }, [participantId, recording, name, capabilities, adapter, role, providerRole, start, stop]);
}
