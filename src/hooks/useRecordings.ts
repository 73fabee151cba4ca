import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { RecordingAsset, RecordingsError, RecordingsPage, RecordingsQuery, RecordingsSource } from '../core/recordings.js';
import { hasStaleLinks, LINK_EXPIRY_MARGIN_MS } from '../query/freshness.js';
import { recordingDetailOptions, recordingsListOptions, type RecordingQuerySettings } from '../query/recordingQueries.js';
import { useLinkClock } from './useLinkClock.js';
import { appRetry, useRecordingsSource } from './useRecordingsSource.js';

/**
 * Options of {@link useRecordings}: the list's filters and paging, plus freshness settings.
 *
 * @public
 */
export interface UseRecordingsOptions extends RecordingsQuery, RecordingQuerySettings {
  /** Another source than the provider's `recordings`. */
  readonly source?: RecordingsSource | undefined;
  /** `false` holds the request back. Default `true`. */
  readonly enabled?: boolean | undefined;
  /** At most this many rows with stale links are refreshed through their details at once. Default 20. */
  readonly maxLinkRefreshes?: number | undefined;
  /**
   * Also fetch each row's details — RealtimeKit's list omits `start_reason`/`stop_reason` (who and
   * why). Finished recordings never change, so each is fetched once and cached. Default `false`.
   */
  readonly withDetails?: boolean | undefined;
}

/**
 * Whether a row's download links can be offered.
 *
 * @public
 */
export type RecordingLinkState = 'none' | 'fresh' | 'refreshing' | 'expired';

/**
 * What {@link useRecordings} returns.
 *
 * @public
 */
export interface UseRecordingsResult {
  /** The rows of this page, with stale download links replaced by refreshed details where available. */
  readonly items: readonly RecordingAsset[];
  readonly page: number;
  readonly perPage: number;
  /** Matching recordings on all pages (0 until known). */
  readonly total: number;
  readonly pageCount: number;
  /** First load: nothing to show yet. */
  readonly isLoading: boolean;
  /** Failed and nothing to show. */
  readonly isError: boolean;
  readonly error: RecordingsError | null;
  /** Data is shown and a request runs (poll, event, retry, next page). */
  readonly isRefreshing: boolean;
  /** The rows are the previous page's while the requested page loads. */
  readonly isPlaceholderData: boolean;
  /** Whether the links of a row can be shown now. */
  linkState(asset: RecordingAsset): RecordingLinkState;
  refetch(): void;
  /** The underlying React Query result, for anything else. */
  readonly query: UseQueryResult<RecordingsPage, RecordingsError>;
}

/**
 * A page of stored recordings from the provider's `recordings` source — headless, for apps that
 * render their own table. Server paging keeps the previous page on screen while the next loads;
 * the page is polled only while a recording on it still changes; download links that expired (or
 * will within `linkMarginMs`) are refreshed through the recording's details before they are offered.
 * Many components with the same filters share one request.
 *
 * @example
 * ```tsx
 * const { items, page, pageCount, isLoading, linkState } = useRecordings({ meetingId, page: 1, perPage: 20 });
 * ```
 *
 * @public
 */
export function useRecordings(options: UseRecordingsOptions = {}): UseRecordingsResult {
  const { source, queryClient } = useRecordingsSource('useRecordings', options.source);
  const marginMs = options.linkMarginMs ?? LINK_EXPIRY_MARGIN_MS;
  const settings = { pollMs: options.pollMs, linkMarginMs: marginMs };
  const list = recordingsListOptions(source, options, settings);
  const query = useQuery({ ...list, ...appRetry(queryClient), enabled: options.enabled ?? true }, queryClient);

  const baseItems = useMemo(() => query.data?.items ?? [], [query.data]);
  const now = useLinkClock(baseItems, marginMs);
  const staleSet = new Set(
    baseItems
      .filter((asset) => hasStaleLinks(asset, now, marginMs))
      .slice(0, options.maxLinkRefreshes ?? 20)
      .map((asset) => asset.id),
  );
  const staleIds = options.withDetails ? baseItems.map((asset) => asset.id) : [...staleSet];

  const details = useQueries(
    {
      queries: staleIds.map((id) => ({
        ...recordingDetailOptions(source, id, settings),
        ...appRetry(queryClient),
        // A stale link is asked for again soon; a finished recording's details never change.
        staleTime: staleSet.has(id) ? marginMs / 2 : Number.POSITIVE_INFINITY,
      })),
    },
    queryClient,
  );

  const refreshed = new Map<string, { data: RecordingAsset | undefined; fetching: boolean }>();
  staleIds.forEach((id, index) => {
    const result = details[index];
    refreshed.set(id, { data: result?.data, fetching: result?.isFetching ?? false });
  });
  const refreshedKey = staleIds.map((id) => `${id}:${refreshed.get(id)?.data?.downloadExpiresAt ?? ''}:${refreshed.get(id)?.fetching}`).join('|');

  const items = useMemo(
    () =>
      baseItems.map((asset) => {
        const detail = refreshed.get(asset.id)?.data;
        if (!detail) return asset;
        if (hasStaleLinks(detail, now, marginMs) && !hasStaleLinks(asset, now, marginMs)) return asset;
        // The list may be newer on status (it polls); the details add who and why.
        return detail.status === asset.status ? detail : { ...asset, startReason: detail.startReason, stopReason: detail.stopReason };
      }),
    // `refreshed` is rebuilt each render; its content is captured by `refreshedKey`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [baseItems, refreshedKey, now, marginMs],
  );

  const linkState = useCallback(
    (asset: RecordingAsset): RecordingLinkState => {
      if (asset.downloads.length === 0) return 'none';
      if (!hasStaleLinks(asset, now, marginMs)) return 'fresh';
      const entry = refreshed.get(asset.id);
      return entry && (entry.fetching || !entry.data || !hasStaleLinks(entry.data, now, marginMs)) ? 'refreshing' : 'expired';
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [refreshedKey, now, marginMs],
  );

  const refetch = useCallback(() => void query.refetch(), [query]);
  // The requested page, also while the previous page's rows are still shown.
  const normalizedPage = Math.max(1, Math.floor(options.page ?? 1));
  const perPage = query.data?.perPage ?? Math.max(1, Math.floor(options.perPage ?? 25));
  const total = query.data?.total ?? 0;

  return {
    items,
    page: normalizedPage,
    perPage,
    total,
    pageCount: Math.max(1, Math.ceil(total / perPage)),
    isLoading: query.isPending && (options.enabled ?? true),
    isError: query.isError && query.data === undefined,
    error: query.error,
    isRefreshing: query.isFetching && query.data !== undefined,
    isPlaceholderData: query.isPlaceholderData,
    linkState,
    refetch,
    query,
  };
}
