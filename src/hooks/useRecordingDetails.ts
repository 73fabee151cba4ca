import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { RecordingAsset, RecordingsError, RecordingsSource } from '../core/recordings.js';
import { hasStaleLinks, LINK_EXPIRY_MARGIN_MS } from '../query/freshness.js';
import { recordingDetailOptions, type RecordingQuerySettings } from '../query/recordingQueries.js';
import { useLinkClock } from './useLinkClock.js';
import { appRetry, useRecordingsSource } from './useRecordingsSource.js';

/**
 * Options of {@link useRecordingDetails}.
 *
 * @public
 */
export interface UseRecordingDetailsOptions extends RecordingQuerySettings {
  readonly source?: RecordingsSource | undefined;
  readonly enabled?: boolean | undefined;
}

/**
 * What {@link useRecordingDetails} returns: the React Query result plus link freshness.
 *
 * @public
 */
export type UseRecordingDetailsResult = UseQueryResult<RecordingAsset, RecordingsError> & {
  /** `true` when the recording's download links may be offered now (present and not within the expiry margin). */
  readonly linksFresh: boolean;
};

/**
 * One stored recording. Polled while it is `invoked`/`recording`/`paused`/`uploading`; when its
 * download links expire (or are within `linkMarginMs` of it) the details are refetched before the
 * links are offered, and that refetch is scheduled for the moment of expiry.
 *
 * @example
 * ```tsx
 * const { data, linksFresh } = useRecordingDetails(recordingId);
 * ```
 *
 * @public
 */
export function useRecordingDetails(id: string | undefined, options: UseRecordingDetailsOptions = {}): UseRecordingDetailsResult {
  const { source, queryClient } = useRecordingsSource('useRecordingDetails', options.source);
  const marginMs = options.linkMarginMs ?? LINK_EXPIRY_MARGIN_MS;
  const query = useQuery(
    {
      ...recordingDetailOptions(source, id ?? '', { pollMs: options.pollMs, linkMarginMs: marginMs }),
      ...appRetry(queryClient),
      enabled: Boolean(id) && (options.enabled ?? true) },
    queryClient,
  );
  const data = query.data;
  const now = useLinkClock(data ? [data] : NONE, marginMs);
  const stale = data ? hasStaleLinks(data, now, marginMs) : false;
  const { isFetching, refetch, dataUpdatedAt } = query;
  const expiresAt = data?.downloadExpiresAt ?? undefined;
  const expired = expiresAt !== undefined && now >= expiresAt;
  useEffect(() => {
    if (!stale || isFetching || expiresAt === undefined) return;
    // Refetch an answer fetched before its links went stale, and once more after the real expiry
    // (servers may re-sign only expired links); an answer that came back already expired is not
    // asked for again (no loop against a server that hands out expired links).
    if (dataUpdatedAt < expiresAt - marginMs || (expired && dataUpdatedAt < expiresAt)) void refetch();
  }, [stale, expired, isFetching, refetch, dataUpdatedAt, expiresAt, marginMs]);
  return { ...query, linksFresh: Boolean(data && data.downloads.length > 0 && !stale) };
}

const NONE: readonly RecordingAsset[] = [];
