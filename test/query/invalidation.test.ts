import { QueryClient, QueryObserver } from '@tanstack/query-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { OnAirEvent } from '../../src/core/events.js';
import { onAirKeys } from '../../src/core/queryKeys.js';
import { invalidateForEvent } from '../../src/query/invalidation.js';
import { asset } from '../../stories/support/memoryRecordings.js';

const SCOPE = 'videosdk:room-1';
const KEY = onAirKeys.recordingList(SCOPE, { page: 1, perPage: 25 });
const stopped: OnAirEvent = { type: 'participant-recording', at: 1, participantId: 'ada', phase: 'stopped', files: [] };

/** A list backend whose answers the test releases one by one; each answer is the list as it was when the request left. */
function slowList() {
  let rows = ['old'];
  const pending: Array<() => void> = [];
  return {
    calls: 0,
    add(row: string) {
      rows = [...rows, row];
    },
    queryFn(this: void): Promise<string[]> {
      return list.fetch();
    },
    fetch(): Promise<string[]> {
      list.calls += 1;
      const snapshot = rows;
      return new Promise((resolve) => pending.push(() => resolve(snapshot)));
    },
    releaseAll() {
      for (const release of pending.splice(0)) release();
    },
  };
}
let list = slowList();
let client: QueryClient;

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) {
    list.releaseAll();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

afterEach(() => client?.clear());

describe('an event that invalidates a list while that list is loading', () => {
  it('ends in a fresh list when it arrives during the first load of a watched list', async () => {
    list = slowList();
    client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } });
    const observer = new QueryObserver(client, { queryKey: KEY, queryFn: list.queryFn });
    const unsubscribe = observer.subscribe(() => {});
    expect(list.calls).toBe(1);
    // The recording finishes on the server, its webhook arrives while the first request is still out.
    list.add('new');
    invalidateForEvent(client, SCOPE, stopped, Date.now() + 100);
    await until(() => JSON.stringify(client.getQueryData(KEY)) === JSON.stringify(['old', 'new']));
    expect(client.getQueryData(KEY)).toEqual(['old', 'new']);
    unsubscribe();
  });

  it('leaves an unwatched list that was loading stale, so the next reader fetches it again', async () => {
    list = slowList();
    client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const first = client.fetchQuery({ queryKey: KEY, queryFn: list.queryFn, staleTime: 60_000 });
    list.add('new');
    invalidateForEvent(client, SCOPE, stopped, Date.now() + 100);
    list.releaseAll();
    await first;
    await until(() => client.getQueryState(KEY)?.isInvalidated === true);
    expect(client.getQueryState(KEY)?.isInvalidated).toBe(true);
    const second = client.fetchQuery({ queryKey: KEY, queryFn: list.queryFn, staleTime: 60_000 });
    list.releaseAll();
    expect(await second).toEqual(['old', 'new']);
  });

  it('does not fetch again when the refetch already left after the event', async () => {
    list = slowList();
    client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } });
    const observer = new QueryObserver(client, { queryKey: KEY, queryFn: list.queryFn });
    const unsubscribe = observer.subscribe(() => {});
    list.releaseAll();
    await until(() => client.getQueryData(KEY) !== undefined);
    void observer.refetch();
    const before = list.calls;
    list.add('new');
    invalidateForEvent(client, SCOPE, stopped, Date.now() + 100);
    // cancelRefetch restarted the running refetch (the list had data): one new request, no more.
    await until(() => JSON.stringify(client.getQueryData(KEY)) === JSON.stringify(['old', 'new']));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(list.calls).toBe(before + 1);
    unsubscribe();
  });
});

describe('an active-recording read (the RealtimeKit adapter’s polls and command answers)', () => {
  const RTK = 'realtimekit:/api/rtk';
  const MEETING = 'constructor';
  const ACTIVE = onAirKeys.activeRecording(RTK, MEETING);
  const recording = asset({ id: '__proto__', status: 'paused', providerStatus: 'PAUSED', meetingId: MEETING, startedAt: 1 });
  const read = (extra: Record<string, unknown> = {}): OnAirEvent =>
    ({ type: 'active-recording-read', at: 1, scope: RTK, meetingId: MEETING, recording, ...extra }) as OnAirEvent;

  it('becomes the meeting’s active recording, and the events derived from it right after do not refetch it', async () => {
    client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    let fetches = 0;
    const observer = new QueryObserver(client, {
      queryKey: ACTIVE,
      queryFn: () => ((fetches += 1), Promise.resolve(null)),
      staleTime: 1_000,
      enabled: false,
    });
    const unsubscribe = observer.subscribe(() => {});
    invalidateForEvent(client, RTK, read());
    expect(client.getQueryData(ACTIVE)).toEqual(recording);
    // "Right after": received the instant the read was written (no wall clock: a busy machine may take >20 ms between lines).
    invalidateForEvent(client, RTK, { type: 'recording-paused', at: 1 }, client.getQueryState(ACTIVE)!.dataUpdatedAt);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fetches).toBe(0);
    expect(client.getQueryState(ACTIVE)?.isInvalidated).toBe(false);
    invalidateForEvent(client, RTK, read({ recording: null }));
    expect(client.getQueryData(ACTIVE)).toBeNull();
    unsubscribe();
  });

  it('is kept only for the source that answered, and a malformed one neither throws nor writes', () => {
    client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    invalidateForEvent(client, 'realtimekit:/another', read());
    for (const bad of [{ meetingId: '' }, { meetingId: 7 }, { recording: 'x' }, { recording: { id: 'a' } }, { recording: undefined }]) {
      expect(() => invalidateForEvent(client, RTK, read(bad))).not.toThrow();
    }
    expect(client.getQueryCache().getAll()).toEqual([]);
    expect(client.getQueryData(onAirKeys.activeRecording('realtimekit:/another', MEETING))).toBeUndefined();
  });
});
