import type { QueryClient, QueryKey, UseMutationOptions } from '@tanstack/react-query';
import type { RecordingAssetStatus } from '../core/model.js';
import { onAirKeys } from '../core/queryKeys.js';
import type {
  RecordingAsset,
  RecordingControlAction,
  RecordingsError,
  RecordingsPage,
  RecordingsSource,
  StartRecordingInput,
  StartTrackRecordingInput,
} from '../core/recordings.js';

/**
 * Variables of the control mutation.
 *
 * @public
 */
export interface ControlRecordingVariables {
  readonly id: string;
  readonly action: RecordingControlAction;
  /** The meeting, when known: its active-recording entry is updated too. */
  readonly meetingId?: string | undefined;
}

/**
 * What the optimistic update replaced, to put back on failure.
 *
 * @public
 */
export interface RecordingSnapshot {
  readonly entries: ReadonlyArray<readonly [QueryKey, unknown]>;
}

const OPTIMISTIC: Readonly<Record<RecordingControlAction, RecordingAssetStatus>> = {
  pause: 'paused',
  resume: 'recording',
  stop: 'uploading',
};

function withStatus(asset: RecordingAsset, status: RecordingAssetStatus): RecordingAsset {
  return { ...asset, status };
}

function patch(queryClient: QueryClient, scope: string, id: string, update: (asset: RecordingAsset) => RecordingAsset): void {
  queryClient.setQueryData<RecordingAsset>(onAirKeys.recordingDetail(scope, id), (old) => (old ? update(old) : old));
  queryClient.setQueriesData<RecordingsPage>({ queryKey: onAirKeys.recordingLists(scope) }, (old) =>
    old && old.items.some((item) => item.id === id)
      ? { ...old, items: old.items.map((item) => (item.id === id ? update(item) : item)) }
      : old,
  );
  queryClient.setQueriesData<RecordingAsset | null>({ queryKey: onAirKeys.activeRecordings(scope) }, (old) =>
    old && old.id === id ? update(old) : old,
  );
}

async function snapshot(queryClient: QueryClient, scope: string): Promise<RecordingSnapshot> {
  // Outgoing refetches would overwrite the optimistic state with the old one.
  await queryClient.cancelQueries({ queryKey: onAirKeys.recordings(scope) });
  return { entries: queryClient.getQueriesData({ queryKey: onAirKeys.recordings(scope) }) };
}

function restore(queryClient: QueryClient, saved: RecordingSnapshot | undefined): void {
  for (const [key, data] of saved?.entries ?? []) queryClient.setQueryData(key, data);
}

/**
 * Pause / resume / stop, optimistic: the recording shows `paused`, `recording` or `uploading` at
 * once in details, lists and the active recording; a failure puts every entry back and the error
 * stays on the mutation for the UI. Afterwards the affected keys are invalidated.
 *
 * @example
 * ```ts
 * const control = useMutation(controlRecordingMutation(queryClient, source), queryClient);
 * control.mutate({ id, action: 'pause' });
 * ```
 *
 * @beta
 */
export function controlRecordingMutation(
  queryClient: QueryClient,
  source: RecordingsSource,
): UseMutationOptions<RecordingAsset | null, RecordingsError, ControlRecordingVariables, RecordingSnapshot> {
  const scope = source.scope;
  return {
    mutationKey: [...onAirKeys.recordings(scope), 'control'],
    mutationFn: ({ id, action }) => {
      if (!source.controlRecording) throw new Error('This recordings source cannot control recordings.');
      return source.controlRecording(id, action);
    },
    onMutate: async ({ id, action }) => {
      const saved = await snapshot(queryClient, scope);
      patch(queryClient, scope, id, (asset) => withStatus(asset, OPTIMISTIC[action]));
      return saved;
    },
    onError: (_error, _variables, saved) => restore(queryClient, saved),
    // Without `data` in the answer the outcome is known only from the refetch below.
    onSuccess: (asset) => {
      if (asset) patch(queryClient, scope, asset.id, () => asset);
    },
    onSettled: (_data, _error, { id, meetingId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: onAirKeys.recordingDetail(scope, id) }),
        queryClient.invalidateQueries({ queryKey: onAirKeys.recordingLists(scope) }),
        queryClient.invalidateQueries({
          queryKey: meetingId ? onAirKeys.activeRecording(scope, meetingId) : onAirKeys.activeRecordings(scope),
        }),
      ]),
  };
}

/**
 * Start a composite recording. The outcome (a new id) is not known before the answer, so it is not
 * optimistic: the answer seeds the details and the meeting's active recording, and lists refetch.
 *
 * @example
 * ```tsx
 * import { useMutation, useQueryClient } from '@tanstack/react-query';
 * import type { RecordingsSource } from 'onair-react';
 * import { startRecordingMutation } from 'onair-react/advanced';
 *
 * function StartButton({ source, meetingId }: { source: RecordingsSource; meetingId: string }) {
 *   const queryClient = useQueryClient();
 *   const start = useMutation(startRecordingMutation(queryClient, source));
 *   return (
 *     <button disabled={start.isPending} onClick={() => start.mutate({ meetingId })}>
 *       Record
 *     </button>
 *   );
 * }
 * ```
 *
 * @beta
 */
export function startRecordingMutation(
  queryClient: QueryClient,
  source: RecordingsSource,
): UseMutationOptions<RecordingAsset | null, RecordingsError, StartRecordingInput> {
  const scope = source.scope;
  return {
    mutationKey: [...onAirKeys.recordings(scope), 'start'],
    mutationFn: (input) => {
      if (!source.startRecording) throw new Error('This recordings source cannot start recordings.');
      return source.startRecording(input);
    },
    onSuccess: (asset, input) => {
      if (!asset) return;
      queryClient.setQueryData(onAirKeys.recordingDetail(scope, asset.id), asset);
      queryClient.setQueryData(onAirKeys.activeRecording(scope, input.meetingId), asset);
    },
    onSettled: (_data, _error, input) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: onAirKeys.recordingLists(scope) }),
        queryClient.invalidateQueries({ queryKey: onAirKeys.activeRecording(scope, input.meetingId) }),
      ]),
  };
}

/**
 * Start a track (per-participant audio) recording; like {@link startRecordingMutation}.
 *
 * @example
 * ```ts
 * import { QueryClient, useMutation } from '@tanstack/react-query';
 * import type { RecordingsSource } from 'onair-react';
 * import { startTrackRecordingMutation } from 'onair-react/advanced';
 *
 * function useStartTracks(queryClient: QueryClient, source: RecordingsSource) {
 *   const startTracks = useMutation(startTrackRecordingMutation(queryClient, source), queryClient);
 *   return (meetingId: string, userIds: string[]) => startTracks.mutateAsync({ meetingId, userIds });
 * }
 * ```
 *
 * @beta
 */
export function startTrackRecordingMutation(
  queryClient: QueryClient,
  source: RecordingsSource,
): UseMutationOptions<RecordingAsset | null, RecordingsError, StartTrackRecordingInput> {
  const scope = source.scope;
  return {
    mutationKey: [...onAirKeys.recordings(scope), 'start-track'],
    mutationFn: (input) => {
      if (!source.startTrackRecording) throw new Error('This recordings source cannot start track recordings.');
      return source.startTrackRecording(input);
    },
    onSuccess: (asset) => {
      if (asset) queryClient.setQueryData(onAirKeys.recordingDetail(scope, asset.id), asset);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: onAirKeys.recordingLists(scope) }),
  };
}
