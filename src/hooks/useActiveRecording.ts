import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingAsset, RecordingsError, RecordingsSource } from '../core/recordings.js';
import { activeRecordingOptions, type RecordingQuerySettings } from '../query/recordingQueries.js';
import { appRetry, useRecordingsSource } from './useRecordingsSource.js';

/**
 * Options of {@link useActiveRecording}.
 *
 * @public
 */
export interface UseActiveRecordingOptions extends RecordingQuerySettings {
  readonly source?: RecordingsSource | undefined;
  readonly enabled?: boolean | undefined;
}

/**
 * The recording running in a meeting (`data` is `null` when none runs), polled while one runs. It
 * shares the RealtimeKit adapter's polls and command answers when the provider's `recordings` is
 * the adapter's client (same `scope`).
 *
 * @example
 * ```tsx
 * const { data: active } = useActiveRecording(meetingId);
 * active?.status; // "recording"
 * ```
 *
 * @public
 */
export function useActiveRecording(
  meetingId: string | undefined,
  options: UseActiveRecordingOptions = {},
): UseQueryResult<RecordingAsset | null, RecordingsError> {
  const { source, queryClient } = useRecordingsSource('useActiveRecording', options.source);
  return useQuery(
    { ...activeRecordingOptions(source, meetingId ?? '', options), ...appRetry(queryClient), enabled: Boolean(meetingId) && (options.enabled ?? true) },
    queryClient,
  );
}
