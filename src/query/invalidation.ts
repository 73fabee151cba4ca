import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import type { ActiveRecordingReadEvent, OnAirEvent } from '../core/events.js';
import { onAirKeys } from '../core/queryKeys.js';
import type { RecordingAsset } from '../core/recordings.js';

/**
 * The recordings query keys a live event makes stale (TkDodo's "pushed events invalidate"): a
 * start, pause, resume, stop or failure changes the meeting's active recording and the lists; a stop
 * or failure naming a recording also changes that recording's details; a participant recording that
 * stopped or failed adds a row to the lists, and so does a recording whose upload completed. Other events touch nothing. `OnAirProvider` already
 * invalidates these for its `recordings` source; call it for a cache the provider does not manage.
 *
 * @example
 * ```ts
 * import { QueryClient } from '@tanstack/react-query';
 * import type { RecordingsSource } from 'onair-react';
 * import { recordingKeysForEvent, type OnAirStore } from 'onair-react/advanced';
 *
 * function invalidateOnEvents(store: OnAirStore, queryClient: QueryClient, source: RecordingsSource) {
 *   return store.subscribeEvents((event) => {
 *     for (const queryKey of recordingKeysForEvent(source.scope, event)) void queryClient.invalidateQueries({ queryKey });
 *   });
 * }
 * ```
 *
 * @beta
 */
export function recordingKeysForEvent(scope: string, event: OnAirEvent): QueryKey[] {
  switch (event.type) {
    case 'recording-started':
    case 'recording-stopped': {
      const keys: QueryKey[] = [onAirKeys.activeRecordings(scope), onAirKeys.recordingLists(scope)];
      if (event.recordingId) keys.push(onAirKeys.recordingDetail(scope, event.recordingId));
      return keys;
    }
    case 'recording-starting':
    case 'recording-paused':
    case 'recording-resumed':
    case 'recording-error':
    case 'state-seeded':
      return [onAirKeys.activeRecordings(scope), onAirKeys.recordingLists(scope)];
    case 'recording-uploaded': {
      // A finished recording's files are stored (Daily `recording-upload-completed`): lists and its details change.
      const keys: QueryKey[] = [onAirKeys.recordingLists(scope)];
      if (event.recordingId) keys.push(onAirKeys.recordingDetail(scope, event.recordingId));
      return keys;
    }
    case 'participant-recording':
      // A participant recording that finished (VideoSDK `stopped` with files) or failed is a new list row.
      return event.phase === 'stopped' || event.phase === 'failed' ? [onAirKeys.recordingLists(scope)] : [];
    default:
      return [];
  }
}

/**
 * Invalidates exactly the keys {@link recordingKeysForEvent} names. Unwatched queries just go stale.
 * Data fetched after the event reached this browser already reflects it and is left alone.
 *
 * An `active-recording-read` event of this `scope` (the RealtimeKit adapter's polls and command
 * answers) is written into the meeting's active-recording entry — after cancelling a fetch of it in
 * flight, whose older answer would otherwise overwrite it — so `useActiveRecording` shares the
 * adapter's reads, and the events the adapter derives from that answer (dispatched right after it)
 * find the entry fresh and do not fetch it again.
 *
 * Freshness is judged against `receivedAt` — when this browser received the event (default: now) —
 * never against the event's own `at`: a relayed or replayed event (VideoSDK webhooks through a relay)
 * carries the relay's receipt time, which may be long past or from a skewed clock, and would leave a
 * list fetched just before the event arrived unrefreshed.
 *
 * An event that arrives while a list is loading still ends in a fresh list. React Query's
 * `invalidateQueries` cancels and restarts a running refetch (`cancelRefetch`, default `true`), but
 * only when the query already has data: a first load is joined, not restarted, and a query without
 * observers is not refetched at all — and the success of that fetch, whose request left before the
 * event, clears the invalidation. So a fetch that was under way and was not restarted is invalidated
 * once more when it settles.
 *
 * @internal `OnAirProvider` calls it for its `recordings` source.
 */
export function invalidateForEvent(queryClient: QueryClient, scope: string, event: OnAirEvent, receivedAt: number = Date.now()): void {
  if (event.type === 'active-recording-read') {
    seedActiveRecording(queryClient, scope, event, receivedAt);
    return;
  }
  const cache = queryClient.getQueryCache();
  for (const queryKey of recordingKeysForEvent(scope, event)) {
    const filters = { queryKey, predicate: (query: Query) => query.state.dataUpdatedAt < receivedAt - FRESH_TOLERANCE_MS };
    // Fetches that left before the event: their answer may not know it.
    const underWay = cache.findAll({ ...filters, fetchStatus: 'fetching' }).map((query) => ({ query, promise: query.promise }));
    void queryClient.invalidateQueries(filters);
    for (const { query, promise } of underWay) {
      // Restarted by `invalidateQueries` (cancelRefetch): the new request left after the event.
      if (!promise || query.promise !== promise) continue;
      // Joined (a first load) or left alone (no observer): once its answer is in, invalidate again.
      const unsubscribe = cache.subscribe((cacheEvent) => {
        if (cacheEvent.query !== query) return;
        if (cacheEvent.type === 'removed') {
          unsubscribe();
          return;
        }
        if (query.state.fetchStatus !== 'idle' && query.promise === promise) return;
        unsubscribe();
        // A newer fetch (started after the event) already answers for it.
        if (query.promise !== promise) return;
        void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
      });
    }
  }
}

/** Data this close before an event's receipt counts as fetched with it (clock granularity, same-tick updates). */
const FRESH_TOLERANCE_MS = 20;

/**
 * Keeps what an active-recording read answered as the meeting's active recording — only for the
 * source that answered (same `scope`), and only when the event holds a meeting id and a recording
 * (or `null`): an event from elsewhere may be malformed, and must neither throw nor write.
 */
function seedActiveRecording(queryClient: QueryClient, scope: string, event: ActiveRecordingReadEvent, receivedAt: number): void {
  const { meetingId, recording } = event as { meetingId?: unknown; recording?: unknown };
  if (event.scope !== scope || typeof meetingId !== 'string' || meetingId.length === 0) return;
  if (recording !== null && !isAsset(recording)) return;
  const queryKey = onAirKeys.activeRecording(scope, meetingId);
  // Cancel first (the cancelled fetch's state reverts at once): a fetch that finished after the write would undo it.
  void queryClient.cancelQueries({ queryKey, exact: true }).catch(() => undefined);
  queryClient.setQueryData(queryKey, recording, { updatedAt: receivedAt });
}

function isAsset(value: unknown): value is RecordingAsset {
  if (typeof value !== 'object' || value === null) return false;
  const { id, status, downloads } = value as { id?: unknown; status?: unknown; downloads?: unknown };
  return typeof id === 'string' && typeof status === 'string' && Array.isArray(downloads);
}
