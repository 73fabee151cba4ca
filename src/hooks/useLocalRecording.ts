import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { LocalRecorder, LocalRecorderState, LocalRecording } from '../local/createLocalRecorder.js';
import { useMaybeOnAirContext } from './OnAirContext.js';

/**
 * What {@link useLocalRecording} returns: the recorder's state, its actions, and the interrupted
 * recordings found on this device.
 *
 * @public
 */
export interface UseLocalRecordingResult extends LocalRecorderState {
  /** The recorder in use; `undefined` when there is none (then nothing can be recorded). */
  readonly recorder: LocalRecorder | undefined;
  /** `recording` or `paused`. */
  readonly isRecording: boolean;
  /** Timing of the elapsed clock while recording (give it to your clock, as for a cloud recording). */
  readonly clock: { readonly startedAt: number; readonly pausedAt: number | undefined; readonly pausedMs: number } | undefined;
  /** Recordings interrupted by a closed tab or a crash, found on this device: offer Save / Discard. */
  readonly interrupted: readonly LocalRecording[];
  readonly start: () => Promise<void>;
  readonly pause: () => Promise<void>;
  readonly resume: () => Promise<void>;
  readonly stop: () => Promise<LocalRecording | undefined>;
  /** Saves an interrupted recording (it joins the saved ones, e.g. in `RecordingList`). */
  readonly recover: (id: string) => Promise<LocalRecording | undefined>;
  /** Deletes a recording and its data. */
  readonly discard: (id: string) => Promise<void>;
  /** Saves a recording's file to the user's downloads, under its meeting-and-time name. */
  readonly download: (recording: LocalRecording) => Promise<void>;
}

const NONE: LocalRecorderState = Object.freeze({
  supported: false,
  unsupportedReason: 'No local recorder was given.',
  status: 'idle',
  recordingId: undefined,
  startedAt: undefined,
  pausedAt: undefined,
  pausedMs: 0,
  bytes: 0,
  mimeType: undefined,
  storage: undefined,
  stopReason: undefined,
  error: undefined,
  lastSaved: undefined,
  revision: 0,
});
const noop = () => () => undefined;
const NO_RECORDINGS: readonly LocalRecording[] = [];

/**
 * The local recorder for custom UIs: its state (status, clock, storage, why it stopped), start /
 * pause / resume / stop, and the interrupted recordings to recover or discard. Reads `recorder`, or
 * the one in the `OnAirProvider` adapter from `createLocalRecordingAdapter`.
 *
 * @example
 * ```tsx
 * import { useLocalRecording } from 'onair-react/local';
 *
 * function DeviceRecordingControls() {
 *   const local = useLocalRecording();
 *   if (!local.supported) return <p>{local.unsupportedReason}</p>;
 *   return (
 *     <div>
 *       <button onClick={() => (local.isRecording ? local.stop() : local.start())}>
 *         {local.isRecording ? 'Stop recording on this device' : 'Record on this device'}
 *       </button>
 *       {local.storage?.low ? <p role="alert">Storage is running low</p> : null}
 *       {local.interrupted.map((r) => (
 *         <p key={r.id}>
 *           {r.fileName} was interrupted <button onClick={() => local.recover(r.id)}>Save</button>
 *           <button onClick={() => local.discard(r.id)}>Discard</button>
 *         </p>
 *       ))}
 *     </div>
 *   );
 * }
 * ```
 *
 * @public
 */
export function useLocalRecording(recorder?: LocalRecorder): UseLocalRecordingResult {
  const context = useMaybeOnAirContext();
  const fromAdapter = (context?.adapter as { localRecorder?: LocalRecorder } | undefined)?.localRecorder;
  const active = recorder ?? fromAdapter;
  const state = useSyncExternalStore(active?.subscribe ?? noop, active?.getState ?? (() => NONE), active?.getState ?? (() => NONE));
  const [interrupted, setInterrupted] = useState<readonly LocalRecording[]>(NO_RECORDINGS);
  const revision = state.revision;
  useEffect(() => {
    if (!active || !state.supported) return undefined;
    let live = true;
    active.recoverable().then(
      (found) => live && setInterrupted(found.length === 0 ? NO_RECORDINGS : found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [active, state.supported, revision]);

  const missing = useCallback(() => Promise.reject(new Error('No local recorder was given.')), []);
  const download = useCallback(
    async (recording: LocalRecording) => {
      const file = await active?.file(recording.id);
      if (!file) return;
      const url = URL.createObjectURL(file);
      const link = document.createElement('a');
      link.href = url;
      link.download = recording.fileName;
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
      // The download has its own copy once started.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    [active],
  );
  const isRecording = state.status === 'recording' || state.status === 'paused';
  return {
    ...state,
    recorder: active,
    isRecording,
    clock: isRecording && state.startedAt !== undefined ? { startedAt: state.startedAt, pausedAt: state.pausedAt, pausedMs: state.pausedMs } : undefined,
    interrupted: active ? interrupted : NO_RECORDINGS,
    start: active ? active.start : missing,
    pause: active ? active.pause : missing,
    resume: active ? active.resume : missing,
    stop: active ? active.stop : missing,
    recover: active ? active.recover : missing,
    discard: active ? active.discard : missing,
    download,
  };
}
