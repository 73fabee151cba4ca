import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { RecordingAsset, RecordingsError, RecordingsSource, StartRecordingInput, StartTrackRecordingInput } from '../core/recordings.js';
import {
  controlRecordingMutation,
  startRecordingMutation,
  startTrackRecordingMutation,
  type ControlRecordingVariables,
  type RecordingSnapshot,
} from '../query/recordingMutations.js';
import { useRecordingsSource } from './useRecordingsSource.js';

/**
 * What {@link useRecordingMutations} returns: one React Query mutation per command.
 *
 * @public
 */
export interface UseRecordingMutationsResult {
  readonly start: UseMutationResult<RecordingAsset | null, RecordingsError, StartRecordingInput>;
  readonly startTrack: UseMutationResult<RecordingAsset | null, RecordingsError, StartTrackRecordingInput>;
  /** Pause / resume / stop: optimistic, rolled back on failure (the error stays in `control.error`). */
  readonly control: UseMutationResult<RecordingAsset | null, RecordingsError, ControlRecordingVariables, RecordingSnapshot>;
}

/**
 * Start, start-track, pause, resume and stop on the recordings source, wired to the cache: the
 * control commands update details, lists and the active recording at once and roll back with the
 * error when the server refuses.
 *
 * @example
 * ```tsx
 * const { control } = useRecordingMutations();
 * <button onClick={() => control.mutate({ id, action: 'stop', meetingId })}>Stop</button>
 * {control.error ? <p role="alert">{control.error.message}</p> : null}
 * ```
 *
 * @public
 */
export function useRecordingMutations(options: { readonly source?: RecordingsSource | undefined } = {}): UseRecordingMutationsResult {
  const { source, queryClient } = useRecordingsSource('useRecordingMutations', options.source);
  const start = useMutation(startRecordingMutation(queryClient, source), queryClient);
  const startTrack = useMutation(startTrackRecordingMutation(queryClient, source), queryClient);
  const control = useMutation(controlRecordingMutation(queryClient, source), queryClient);
  return { start, startTrack, control };
}
