import type { RecordingsQuery } from './recordings.js';

/**
 * The one query-key factory of the kit (TkDodo's "Effective React Query Keys"): arrays from
 * generic to specific, so invalidating a prefix reaches everything below it. Every query and every
 * invalidation goes through it. `scope` is the recordings source's `scope` (its backend URL).
 *
 * @example
 * ```ts
 * queryClient.invalidateQueries({ queryKey: onAirKeys.recordingLists(source.scope) });
 * ```
 *
 * @public
 */
export const onAirKeys = {
  all: () => ['onair'] as const,
  recordings: (scope: string) => ['onair', 'recordings', scope] as const,
  recordingLists: (scope: string) => [...onAirKeys.recordings(scope), 'list'] as const,
  recordingList: (scope: string, query: RecordingsQuery) =>
    [...onAirKeys.recordingLists(scope), normalizeRecordingsQuery(query)] as const,
  recordingDetails: (scope: string) => [...onAirKeys.recordings(scope), 'detail'] as const,
  recordingDetail: (scope: string, id: string) => [...onAirKeys.recordingDetails(scope), id] as const,
  activeRecordings: (scope: string) => [...onAirKeys.recordings(scope), 'active'] as const,
  activeRecording: (scope: string, meetingId: string) => [...onAirKeys.activeRecordings(scope), meetingId] as const,
};

/**
 * Default page size of recordings lists.
 *
 * @example
 * ```ts
 * import { DEFAULT_PER_PAGE, type RecordingsPage } from 'onair-react';
 *
 * const pageCount = (page: RecordingsPage) => Math.ceil(page.total / (page.perPage || DEFAULT_PER_PAGE));
 * ```
 *
 * @public
 */
export const DEFAULT_PER_PAGE = 25;

/**
 * A recordings query with defaults filled in and empty filters dropped, so equal queries give equal
 * keys (`{ page: 1 }` and `{}` share one cache entry).
 *
 * @example
 * ```ts
 * import { normalizeRecordingsQuery } from 'onair-react/advanced';
 *
 * normalizeRecordingsQuery({ search: '', status: ['ready', 'failed', 'ready'] });
 * // { page: 1, perPage: 25, status: ['failed', 'ready'] }
 * ```
 *
 * @beta
 */
export function normalizeRecordingsQuery(query: RecordingsQuery): RecordingsQuery {
  const out: Record<string, unknown> = {
    page: Math.max(1, Math.floor(query.page ?? 1)),
    perPage: Math.max(1, Math.floor(query.perPage ?? DEFAULT_PER_PAGE)),
  };
  if (query.meetingId) out.meetingId = query.meetingId;
  if (query.search) out.search = query.search;
  if (query.sortOrder) out.sortOrder = query.sortOrder;
  if (query.status && query.status.length > 0) out.status = [...new Set(query.status)].sort();
  if (query.expired !== undefined) out.expired = query.expired;
  if (query.startTime) out.startTime = query.startTime;
  if (query.endTime) out.endTime = query.endTime;
  return out as RecordingsQuery;
}
