import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { normalizeRecordingsQuery, onAirKeys } from '../core/queryKeys.js';
import type { RecordingAsset, RecordingsError, RecordingsPage, RecordingsQuery, RecordingsSource } from '../core/recordings.js';
import { DEFAULT_POLL_MS, LINK_EXPIRY_MARGIN_MS, refetchIntervalFor } from './freshness.js';

/**
 * Freshness settings shared by the recordings queries.
 *
 * @public
 */
export interface RecordingQuerySettings {
  /** Poll interval while a recording still changes. Default 3 000 ms. */
  readonly pollMs?: number | undefined;
  /** How close to expiry a download link counts as expired. Default 60 000 ms. */
  readonly linkMarginMs?: number | undefined;
}

/** Retries transient failures (network, timeout, 5xx, 429) up to twice; never a 4xx or a malformed answer. */
export function retryRecordingsError(failureCount: number, error: RecordingsError): boolean {
  return failureCount < 2 && !(error as Partial<RecordingsError>).permanent;
}

/**
 * Query options for one page of recordings (server paging): the previous page stays on screen while
 * the next loads, and the page is polled only while one of its recordings still changes.
 *
 * @example
 * ```ts
 * const page = await queryClient.fetchQuery(recordingsListOptions(source, { meetingId, page: 2 }));
 * ```
 *
 * @public
 */
export function recordingsListOptions(source: RecordingsSource, query: RecordingsQuery, settings: RecordingQuerySettings = {}) {
  const normalized = normalizeRecordingsQuery(query);
  return queryOptions<RecordingsPage, RecordingsError>({
    queryKey: onAirKeys.recordingList(source.scope, normalized),
    queryFn: ({ signal }) => source.listRecordings(normalized, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
    retry: retryRecordingsError,
    // Stale links of a page are refreshed row by row through the details (useRecordings), not here.
    refetchInterval: (q) => refetchIntervalFor(q.state.data?.items ?? [], Date.now(), settings.pollMs ?? DEFAULT_POLL_MS, false),
  });
}

/**
 * Query options for one recording's details: polled while it still changes, and refetched when its
 * download links reach their expiry margin.
 *
 * @example
 * ```tsx
 * import { useQuery } from '@tanstack/react-query';
 * import { recordingDetailOptions, type RecordingsSource } from 'onair-react';
 *
 * function RecordingStatus({ source, id }: { source: RecordingsSource; id: string }) {
 *   const { data, error } = useQuery(recordingDetailOptions(source, id, { pollMs: 5_000 }));
 *   if (error) return <p role="alert">{error.message}</p>;
 *   return <span>{data?.status ?? 'loading'}</span>;
 * }
 * ```
 *
 * @public
 */
export function recordingDetailOptions(source: RecordingsSource, id: string, settings: RecordingQuerySettings = {}) {
  return queryOptions<RecordingAsset, RecordingsError>({
    queryKey: onAirKeys.recordingDetail(source.scope, id),
    queryFn: ({ signal }) => source.getRecording(id, { signal }),
    staleTime: 5_000,
    retry: retryRecordingsError,
    refetchInterval: (q) =>
      refetchIntervalFor(q.state.data ? [q.state.data] : [], Date.now(), settings.pollMs ?? DEFAULT_POLL_MS, settings.linkMarginMs ?? LINK_EXPIRY_MARGIN_MS),
  });
}

/**
 * Query options for the recording running in a meeting (`null` when none runs). Polled while one runs.
 *
 * @example
 * ```ts
 * import { QueryClient } from '@tanstack/react-query';
 * import { activeRecordingOptions, type RecordingsSource } from 'onair-react';
 *
 * async function isMeetingRecorded(queryClient: QueryClient, source: RecordingsSource, meetingId: string) {
 *   const active = await queryClient.fetchQuery(activeRecordingOptions(source, meetingId));
 *   return active !== null;
 * }
 * ```
 *
 * @public
 */
export function activeRecordingOptions(source: RecordingsSource, meetingId: string, settings: RecordingQuerySettings = {}) {
  return queryOptions<RecordingAsset | null, RecordingsError>({
    queryKey: onAirKeys.activeRecording(source.scope, meetingId),
    queryFn: ({ signal }) => (source.getActiveRecording ? source.getActiveRecording(meetingId, { signal }) : Promise.resolve(null)),
    staleTime: 1_000,
    retry: retryRecordingsError,
    refetchInterval: (q) => (q.state.data ? (settings.pollMs ?? DEFAULT_POLL_MS) : false),
  });
}
