import { useCallback, useMemo } from 'react';
import { useStore } from 'zustand';
import type { InstanceOptions, StartRecordingOptions, UpdateLayoutOptions } from '../core/adapter.js';
import type { OnAirError, RecordingSession, RecordingStatus, RecordingType } from '../core/model.js';
import { ownValue } from '../core/records.js';
import { isRecordingRunning } from '../core/status.js';
import {
  effectiveRole,
  recordingIncludes,
  recordingPermissions,
  recordingStatusOf,
  selectRecordingSession,
  type RecordingPermissions,
} from '../core/selectors.js';
import { useOnAirContext } from './OnAirContext.js';
import { RECORDING_SLICES, useSlices } from './useSlices.js';

/**
 * Options of {@link useRecording}.
 *
 * @public
 */
export interface UseRecordingOptions {
  /** Follow one instance (Daily multi-instance); without it, the most relevant open recording. */
  readonly instanceId?: string | undefined;
}

/**
 * What {@link useRecording} returns.
 *
 * @public
 */
export interface UseRecordingResult {
  readonly status: RecordingStatus;
  /** `true` while the recording runs or is paused (`recording` or `paused`; not while `starting` or `stopping`). */
  readonly isRecording: boolean;
  readonly instanceId: string | undefined;
  readonly recordingId: string | undefined;
  readonly type: RecordingType | undefined;
  /** Epoch ms the recording started (provider time where given). */
  readonly startedAt: number | undefined;
  readonly startedBy: string | undefined;
  /** Display name of who started it, when the adapter knows the participant. */
  readonly startedByName: string | undefined;
  /** Epoch ms the current pause began. */
  readonly pausedAt: number | undefined;
  /** Milliseconds spent in earlier pauses. */
  readonly pausedMs: number;
  /** The last error: of this session (a failed stop), or the failure that ended the last one. */
  readonly error: OnAirError | undefined;
  /**
   * Whether the local participant is in this recording: `true` / `false` where the provider's
   * layout selects participants (Daily `single-participant` or `layout.participants`), `'unknown'`
   * where it does not say (default grids, custom compositions, raw tracks, other providers, or the
   * local participant not known yet), `false` when nothing is being recorded. Treat `'unknown'` as
   * "you may be recorded".
   */
  readonly includesMe: boolean | 'unknown';
  /** What this participant may do now. */
  readonly can: RecordingPermissions;
  /** The whole session object, for advanced use. */
  readonly session: RecordingSession | undefined;
  /** All open recording sessions (several with Daily multi-instance). */
  readonly sessions: readonly RecordingSession[];
  /** Starts a recording. Resolves when the provider confirms; rejects with the reason (also shown in `error`). */
  start(options?: StartRecordingOptions): Promise<void>;
  /** Stops the recording (this instance). A second call while stopping returns the same promise. */
  stop(options?: InstanceOptions): Promise<void>;
  pause(options?: InstanceOptions): Promise<void>;
  resume(options?: InstanceOptions): Promise<void>;
  /** Changes the recording's layout (when `can.update`; Daily `updateRecording`). Rejects with the reason. */
  update(options: UpdateLayoutOptions): Promise<void>;
}

/**
 * The live recording state of the meeting and the actions on it. Re-renders only when the
 * recording slice changes (live-stream events do not re-render it).
 *
 * @example
 * ```tsx
 * function MyRecordControl() {
 *   const { status, can, start, stop, error } = useRecording();
 *   if (status === 'recording') return <button onClick={() => stop()}>Stop</button>;
 *   return (
 *     <>
 *       <button disabled={!can.start} onClick={() => start({ type: 'cloud' }).catch(() => {})}>Record</button>
 *       {error && <p role="alert">{error.message}</p>}
 *     </>
 *   );
 * }
 * ```
 *
 * @public
 */
export function useRecording(options: UseRecordingOptions = {}): UseRecordingResult {
  const { store, actions, capabilities, role } = useOnAirContext();
  useSlices(store, RECORDING_SLICES);
  const { instanceId } = options;
  const session = useStore(store.state, (s) => selectRecordingSession(s, instanceId));
  const recordings = useStore(store.state, (s) => s.recordings);
  const recordingError = useStore(store.state, (s) => s.recordingError);
  const providerRole = useStore(store.state, (s) => s.providerRole);
  const providerAllows = useStore(store.state, (s) => s.providerPermissions?.recording);
  const startedByName = useStore(store.state, (s) =>
    session?.startedBy === undefined ? undefined : ownValue(s.participantNames, session.startedBy),
  );
  const localParticipantId = useStore(store.state, (s) => s.localParticipantId);

  const target = instanceId ?? session?.instanceId;
  const start = useCallback(
    (opts?: StartRecordingOptions) => actions.startRecording({ instanceId, ...opts }),
    [actions, instanceId],
  );
  const stop = useCallback((opts?: InstanceOptions) => actions.stopRecording({ instanceId: target, ...opts }), [actions, target]);
  const pause = useCallback((opts?: InstanceOptions) => actions.pauseRecording({ instanceId: target, ...opts }), [actions, target]);
  const resume = useCallback((opts?: InstanceOptions) => actions.resumeRecording({ instanceId: target, ...opts }), [actions, target]);
  const update = useCallback((opts: UpdateLayoutOptions) => actions.updateRecording({ instanceId: target, ...opts }), [actions, target]);

  return useMemo(() => {
    const status = recordingStatusOf(session, recordingError);
    return {
      status,
      isRecording: isRecordingRunning(status),
      instanceId: session?.instanceId,
      recordingId: session?.recordingId,
      type: session?.type,
      startedAt: session?.startedAt,
      startedBy: session?.startedBy,
      startedByName,
      pausedAt: session?.pausedAt,
      pausedMs: session?.pausedMs ?? 0,
      error: session ? session.error : recordingError,
      includesMe: recordingIncludes(session, localParticipantId),
      // What the provider says about recording is more specific than the role it reports.
      can: recordingPermissions(capabilities, effectiveRole(role, providerAllows === true ? undefined : providerRole), status, providerAllows),
      session,
      sessions: Object.values(recordings).sort((a, b) => a.openedAt - b.openedAt),
      start,
      stop,
      pause,
      resume,
      update,
    };
  }, [session, recordings, recordingError, providerRole, providerAllows, startedByName, localParticipantId, capabilities, role, start, stop, pause, resume, update]);
}
