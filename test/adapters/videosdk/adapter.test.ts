import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVideoSdkAdapter, parseVideoSdkWebhook, type VideoSdkClient } from '../../../src/adapters/videosdk/index.js';
import type { OnAirEvent } from '../../../src/core/events.js';
import { initialOnAirState } from '../../../src/core/model.js';
import { onAirKeys } from '../../../src/core/queryKeys.js';
import { reduceOnAir } from '../../../src/core/reduceOnAir.js';
import { recordingKeysForEvent } from '../../../src/query/invalidation.js';
import failed from '../../fixtures/videosdk/participant-recording-failed.json';
import started from '../../fixtures/videosdk/participant-recording-started.json';
import starting from '../../fixtures/videosdk/participant-recording-starting.json';
import minimal from '../../fixtures/videosdk/participant-recording-stopped-minimal.json';
import stopped from '../../fixtures/videosdk/participant-recording-stopped.json';
import stopping from '../../fixtures/videosdk/participant-recording-stopping.json';
import startedTypeKey from '../../fixtures/videosdk/participant-recording-started-type-key.json';

const ROOM = 'jvsg-8rjn-j304';

function harness(options: { client?: Partial<VideoSdkClient>; roomId?: string } = {}) {
  let push: (webhook: unknown) => void = () => {};
  const unsubscribed = vi.fn();
  const warnings: string[] = [];
  const calls: Array<[string, unknown]> = [];
  const client = {
    startParticipantRecording: vi.fn(async (input: unknown) => {
      calls.push(['start', input]);
      return { message: 'ok', body: 'ok' };
    }),
    stopParticipantRecording: vi.fn(async (input: unknown) => {
      calls.push(['stop', input]);
      return { message: 'ok', body: 'ok' };
    }),
    ...options.client,
  } as VideoSdkClient;
  const adapter = createVideoSdkAdapter({
    client,
    roomId: options.roomId ?? ROOM,
    events: (listener) => {
      push = listener;
      return unsubscribed;
    },
    recordingDefaults: { fileFormat: 'webm', bucketDirPath: 'rec' },
    onInvalidWebhook: (issues) => warnings.push(issues),
  });
  const events: OnAirEvent[] = [];
  const disconnect = adapter.connect((event) => events.push(event));
  const at = (time: number, webhook: unknown) => push({ at: time, webhook });
  const state = () => events.reduce(reduceOnAir, initialOnAirState);
  return { adapter, push: (w: unknown) => push(w), at, events, state, warnings, calls, disconnect, unsubscribed };
}

afterEach(() => vi.restoreAllMocks());

describe('VideoSDK webhooks (documented payloads)', () => {
  it('maps starting → started → stopping → stopped, with fileDetails as files', () => {
    const h = harness();
    h.at(1, starting);
    h.at(2, started);
    h.at(3, stopping);
    h.at(4, stopped);
    expect(h.events.map((e) => (e as { phase: string }).phase)).toEqual(['starting', 'started', 'stopping', 'stopped']);
    expect(h.events[3]).toEqual({
      type: 'participant-recording',
      at: 4,
      participantId: 'abcd',
      phase: 'stopped',
      sessionId: '613731342f27f56e4fc4b6d0',
      files: [{ url: 'https://cdn.videosdk.live/encoded/videos/62d148951a1eb20029fc9b05.mp4', path: '/encoded/videos/62d148951a1eb20029fc9b05.mp4' }],
      error: undefined,
    });
    expect(h.state().participantRecordings.abcd).toMatchObject({ status: 'idle', startedAt: 2, stoppedAt: 4 });
  });

  it('maps failed to an error with a readable reason', () => {
    const h = harness();
    h.at(1, starting);
    h.at(2, failed);
    expect(h.state().participantRecordings.abcd).toMatchObject({ status: 'error', error: { code: 'participant-recording-failed', message: expect.stringMatching(/could not record/) } });
  });

  it('accepts a stopped webhook without the optional sessionId and fileDetails', () => {
    const parsed = parseVideoSdkWebhook(minimal, 9);
    expect(parsed).toMatchObject({ kind: 'event', roomId: ROOM, event: { phase: 'stopped', sessionId: undefined, files: [], at: 9 } });
  });

  it('18.3: a webhook keyed `type` (as the server SDK reads `webhookType ?? type`) is the same webhook, not an invalid one', () => {
    const h = harness();
    h.at(5, startedTypeKey);
    expect(h.warnings).toEqual([]);
    expect(h.state().participantRecordings.abcd).toMatchObject({ status: 'recording', sessionId: '613731342f27f56e4fc4b6d0' });
    // A `type` of another kind is "other", not invalid; `webhookType` wins when both are there.
    expect(parseVideoSdkWebhook({ type: 'session-started', data: { meetingId: ROOM } })).toEqual({ kind: 'other', webhookType: 'session-started' });
    expect(parseVideoSdkWebhook({ ...startedTypeKey, webhookType: 'participant-recording-stopping' }, 1)).toMatchObject({ kind: 'event', event: { phase: 'stopping' } });
  });

  it('ignores other rooms and other webhook types; drops malformed ones with a warning, never throwing', () => {
    const h = harness();
    h.at(1, { ...started, data: { ...started.data, meetingId: 'other-room' } });
    h.at(1, { webhookType: 'recording-started', data: { meetingId: ROOM, sessionId: 's' } });
    expect(h.warnings).toEqual([]);
    for (const bad of [null, 'text', 42, {}, { webhookType: 'participant-recording-started' }, { webhookType: 'participant-recording-started', data: { meetingId: ROOM } }, { webhookType: 'participant-recording-stopped', data: { meetingId: ROOM, participantId: 'a', fileDetails: 'nope' } }]) {
      expect(() => h.push(bad)).not.toThrow();
    }
    expect(h.events).toEqual([]);
    expect(h.warnings).toHaveLength(7);
    expect(h.warnings[6]).toMatch(/fileDetails/);
  });

  it('is safe against out-of-order and duplicate webhooks', () => {
    const h = harness();
    h.at(1, starting);
    h.at(2, started);
    h.at(2, started);
    h.at(5, stopped);
    h.at(6, started); // a delayed retry of "started" arriving after "stopped"
    h.at(7, stopping);
    h.at(5, stopped);
    expect(h.events.map((e) => (e as { phase: string }).phase)).toEqual(['starting', 'started', 'stopped']);
    expect(h.state().participantRecordings.abcd?.status).toBe('idle');
    // A new cycle starts with "starting".
    h.at(10, starting);
    h.at(11, started);
    expect(h.state().participantRecordings.abcd?.status).toBe('recording');
  });

  it('collects stopped recordings as a plain RecordingsSource (only what arrived; the provider refreshes lists on the events)', async () => {
    const h = harness();
    expect(h.adapter.recordings).not.toHaveProperty('subscribe');
    h.at(2, started);
    h.at(62_002, stopped);
    h.at(62_002, stopped);
    const page = await h.adapter.recordings.listRecordings({});
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      status: 'ready',
      meetingId: ROOM,
      sessionId: '613731342f27f56e4fc4b6d0',
      durationSeconds: 62,
      fileName: '62d148951a1eb20029fc9b05.mp4',
      downloads: [{ kind: 'video', url: 'https://cdn.videosdk.live/encoded/videos/62d148951a1eb20029fc9b05.mp4' }],
    });
    await expect(h.adapter.recordings.getRecording(page.items[0]!.id)).resolves.toBe(page.items[0]);
    await expect(h.adapter.recordings.getRecording('nope')).rejects.toMatchObject({ status: 404 });
    expect((await h.adapter.recordings.listRecordings({ meetingId: 'other' })).total).toBe(0);
  });

  it('starts and stops through the client with the room and the defaults; disconnect unsubscribes', async () => {
    const h = harness();
    await h.adapter.startParticipantRecording('ada', { bucketDirPath: 'rec/ada' });
    await h.adapter.stopParticipantRecording('ada');
    expect(h.calls).toEqual([
      ['start', { fileFormat: 'webm', bucketDirPath: 'rec/ada', roomId: ROOM, participantId: 'ada' }],
      ['stop', { roomId: ROOM, participantId: 'ada' }],
    ]);
    expect(h.adapter.capabilities.participantRecording).toBe(true);
    expect(h.adapter.capabilities.startRecording).toBe(false);
    h.disconnect();
    expect(h.unsubscribed).toHaveBeenCalledTimes(1);
  });

  it('passes client failures through as rejections', async () => {
    const h = harness({ client: { startParticipantRecording: () => Promise.reject(new Error('Participant not in room')) } });
    await expect(h.adapter.startParticipantRecording('ada')).rejects.toThrow('Participant not in room');
  });

  it('takes a raw webhook without envelope (time of arrival) and an EventSource-like object', () => {
    const listeners = new Set<(e: { data: unknown }) => void>();
    const others = new Set<(e: { data: unknown }) => void>();
    const source = {
      addEventListener: (type: string, l: (e: { data: unknown }) => void) => (type === 'message' ? listeners : others).add(l),
      removeEventListener: (type: string, l: (e: { data: unknown }) => void) => (type === 'message' ? listeners : others).delete(l),
      close: vi.fn(),
    };
    const adapter = createVideoSdkAdapter({ client: {} as VideoSdkClient, roomId: ROOM, events: source, now: () => 77 });
    const events: OnAirEvent[] = [];
    const disconnect = adapter.connect((e) => events.push(e));
    for (const l of listeners) l({ data: JSON.stringify(started) });
    for (const l of listeners) l({ data: '{not json' });
    expect(events).toMatchObject([{ phase: 'started', at: 77 }]);
    disconnect();
    expect(listeners.size + others.size).toBe(0);
    expect(source.close).not.toHaveBeenCalled();
  });

  it('reports the EventSource’s state: open, reconnecting after a drop, closed for good with a readable error', () => {
    const listeners = new Map<string, Set<(e: { data: unknown }) => void>>();
    const source = {
      readyState: 0,
      addEventListener: (type: string, l: (e: { data: unknown }) => void) => (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(l),
      removeEventListener: (type: string, l: (e: { data: unknown }) => void) => listeners.get(type)?.delete(l),
      close: vi.fn(),
    };
    const fire = (type: string, readyState: number) => {
      source.readyState = readyState;
      for (const l of listeners.get(type) ?? []) l({ data: undefined });
    };
    const adapter = createVideoSdkAdapter({ client: {} as VideoSdkClient, roomId: ROOM, events: source, now: () => 5 });
    const changed = vi.fn();
    adapter.connection.subscribe(changed);
    expect(adapter.connection.getSnapshot()).toEqual({ status: 'idle', error: undefined });
    const disconnect = adapter.connect(() => {});
    expect(adapter.connection.getSnapshot().status).toBe('connecting');
    fire('open', 1);
    expect(adapter.connection.getSnapshot()).toEqual({ status: 'open', error: undefined });
    const open = adapter.connection.getSnapshot();
    expect(adapter.connection.getSnapshot()).toBe(open); // stable for useSyncExternalStore
    fire('error', 0);
    expect(adapter.connection.getSnapshot().status).toBe('reconnecting');
    fire('open', 1);
    fire('error', 2); // e.g. the relay answered 401/403 to the reconnect
    expect(adapter.connection.getSnapshot()).toEqual({
      status: 'closed',
      error: { code: 'events-closed', message: expect.stringMatching(/refused or closed by the server.*no longer updates/), at: 5 },
    });
    expect(changed).toHaveBeenCalledTimes(5);
    disconnect();
    expect(adapter.connection.getSnapshot().status).toBe('idle');
    expect([...listeners.values()].every((set) => set.size === 0)).toBe(true);
  });

  it('on the relay’s reset event forgets the phases it saw (the replayed history it missed is applied) and has the lists fetched again', () => {
    const listeners = new Map<string, Set<(e: { data: unknown }) => void>>();
    const source = {
      readyState: 1,
      addEventListener: (type: string, l: (e: { data: unknown }) => void) => (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(l),
      removeEventListener: (type: string, l: (e: { data: unknown }) => void) => listeners.get(type)?.delete(l),
      close: vi.fn(),
    };
    const fire = (type: string, data: unknown) => {
      for (const l of listeners.get(type) ?? []) l({ data });
    };
    const adapter = createVideoSdkAdapter({ client: {} as VideoSdkClient, roomId: ROOM, events: source });
    const events: OnAirEvent[] = [];
    const disconnect = adapter.connect((e) => events.push(e));
    fire('message', JSON.stringify({ at: 1, webhook: started }));
    // Offline: the recording stopped and a new one started. The relay no longer has those events:
    // it sends `reset` and the history it keeps — a new cycle's `starting`, `started`.
    fire('reset', '{"reason":"history-gone"}');
    fire('message', JSON.stringify({ at: 50, webhook: starting }));
    fire('message', JSON.stringify({ at: 51, webhook: started }));
    expect(events.map((e) => (e.type === 'participant-recording' ? `${e.phase}@${e.at}` : e.type))).toEqual(['started@1', 'state-seeded', 'starting@50', 'started@51']);
    // A recording that finished while this page was away is in no replayed webhook: the seed (with
    // nothing in it) makes the query layer refetch the source's lists.
    const seeded = events.find((e) => e.type === 'state-seeded')!;
    expect(seeded).toEqual({ type: 'state-seeded', at: expect.any(Number) });
    expect(recordingKeysForEvent(adapter.recordings.scope, seeded)).toContainEqual(onAirKeys.recordingLists(adapter.recordings.scope));
    disconnect();
    expect([...listeners.values()].every((set) => set.size === 0)).toBe(true);
  });

  it('counts a subscribe function as open (the app owns that connection)', () => {
    const h = harness();
    expect(h.adapter.connection.getSnapshot().status).toBe('open');
  });
});
