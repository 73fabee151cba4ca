import { describe, expect, it, vi } from 'vitest';
import { createRealtimeKitAdapter, type RealtimeKitMeetingLike, type RealtimeKitMeetingRecordingInfo } from '../../../src/adapters/realtimekit/index.js';
import type { OnAirEvent } from '../../../src/core/events.js';
import { initialOnAirState, type OnAirState } from '../../../src/core/model.js';
import { reduceOnAir } from '../../../src/core/reduceOnAir.js';
import { liveStreamPermissions, recordingPermissions, selectLiveStreamSession } from '../../../src/core/selectors.js';
import { createRealtimeKitMeeting } from '../../../src/simulator/index.js';
import live from '../../fixtures/realtimekit-meeting/livestream.json';
import presets from '../../fixtures/realtimekit-meeting/permissions.json';
import lists from '../../fixtures/realtimekit-meeting/recordings.json';

/** A meeting object of the SDK's shape whose lists and states a test sets from the fixtures (it plays the SDK). */
function scriptedMeeting(permissions: { canRecord?: boolean; canLivestream?: boolean } = presets.host) {
  const listeners = new Map<string, Set<(...args: never[]) => void>>();
  const on = (event: string, listener: (...args: never[]) => void) => {
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event)!.add(listener);
  };
  const off = (event: string, listener: (...args: never[]) => void) => listeners.get(event)?.delete(listener);
  const emit = (event: string, ...args: unknown[]) => {
    for (const listener of [...(listeners.get(event) ?? [])]) (listener as (...a: unknown[]) => void)(...args);
  };
  const commands: Array<[string, unknown]> = [];
  const meeting = {
    recording: {
      recordings: [] as RealtimeKitMeetingRecordingInfo[],
      recordingState: 'IDLE',
      on,
      off,
      start: vi.fn(async (opts?: unknown) => void commands.push(['start', opts])),
      stop: vi.fn(async (id?: string) => void commands.push(['stop', id])),
      pause: vi.fn(async (id?: string) => void commands.push(['pause', id])),
      resume: vi.fn(async (id?: string) => void commands.push(['resume', id])),
    },
    livestream: { state: 'IDLE', playbackUrl: undefined as string | undefined, viewerCount: 0, on, off, start: vi.fn(async () => {}), stop: vi.fn(async () => {}) },
    self: { id: 'me', permissions: { ...permissions, on, off } },
  } satisfies RealtimeKitMeetingLike;
  return {
    meeting,
    commands,
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
    setRecordings(list: readonly RealtimeKitMeetingRecordingInfo[]) {
      meeting.recording.recordings = list.map((r) => ({ ...r }));
      emit('recordingUpdate', 'ANY');
    },
    setLive(step: { state?: string; playbackUrl?: string; viewerCount?: number }) {
      if (step.playbackUrl !== undefined) meeting.livestream.playbackUrl = step.playbackUrl;
      if (step.viewerCount !== undefined) meeting.livestream.viewerCount = step.viewerCount;
      if (step.state !== undefined) {
        meeting.livestream.state = step.state;
        emit('livestreamUpdate', step.state);
      } else if (step.viewerCount !== undefined) emit('viewerCountUpdate', step.viewerCount);
    },
    setPermissions(next: { canRecord?: boolean; canLivestream?: boolean }) {
      Object.assign(meeting.self.permissions, next);
      emit('permissionsUpdate', {});
    },
  };
}

function connect(meeting: RealtimeKitMeetingLike, extra: { client?: { controlRecording: (...args: never[]) => unknown } } = {}) {
  const adapter = createRealtimeKitAdapter({ meeting, ...(extra.client ? { client: extra.client as never } : {}) });
  const events: OnAirEvent[] = [];
  let state: OnAirState = initialOnAirState;
  const disconnect = adapter.connect((event) => {
    events.push(event);
    state = reduceOnAir(state, event);
  });
  return { adapter, events, disconnect, state: () => state };
}

describe('RealtimeKit meeting SDK — state pushed by the SDK', () => {
  it('18: follows one recording through start, pause, resume and stop, keyed by its id, with no REST call', () => {
    const sdk = scriptedMeeting();
    const client = { controlRecording: vi.fn(), getActiveRecording: vi.fn(), listRecordings: vi.fn() };
    const t = connect(sdk.meeting, { client });
    const id = lists.oneStartsAndStops[0]![0]!.id;
    const statuses: (string | undefined)[] = [];
    for (const list of lists.oneStartsAndStops) {
      sdk.setRecordings(list);
      statuses.push(t.state().recordings[id]?.status);
    }
    expect(statuses).toEqual(['starting', 'recording', 'paused', 'recording', 'stopping', undefined]);
    expect(t.events.filter((e) => e.type.startsWith('recording-')).map((e) => e.type)).toEqual([
      'recording-starting',
      'recording-started',
      'recording-paused',
      'recording-resumed',
      'recording-stopping',
      'recording-stopped',
    ]);
    expect(client.getActiveRecording).not.toHaveBeenCalled();
    expect(client.listRecordings).not.toHaveBeenCalled();
  });

  it('18: every recording when several run (allowMultiple), each its own instance with its type', () => {
    const sdk = scriptedMeeting();
    const t = connect(sdk.meeting);
    const [first, second] = lists.twoAtOnce[1]!;
    sdk.setRecordings(lists.twoAtOnce[0]!);
    sdk.setRecordings(lists.twoAtOnce[1]!);
    expect(Object.keys(t.state().recordings).sort()).toEqual([first!.id, second!.id].sort());
    expect(t.state().recordings[first!.id]).toMatchObject({ status: 'recording', type: 'cloud', recordingId: first!.id });
    expect(t.state().recordings[second!.id]).toMatchObject({ status: 'recording', type: 'raw-tracks' });
    sdk.setRecordings(lists.twoAtOnce[2]!);
    expect(Object.keys(t.state().recordings)).toEqual([second!.id]);
  });

  it('18: seeds what already runs on connect (late join) without announcing a start', () => {
    const sdk = scriptedMeeting();
    sdk.meeting.recording.recordings = lists.twoAtOnce[1]!.map((r) => ({ ...r }));
    sdk.meeting.livestream.state = 'LIVESTREAMING';
    sdk.meeting.livestream.playbackUrl = live.goesLive[1]!.playbackUrl;
    sdk.meeting.livestream.viewerCount = 7;
    const t = connect(sdk.meeting);
    expect(t.events.some((e) => e.type === 'recording-started')).toBe(false);
    expect(Object.keys(t.state().recordings)).toHaveLength(2);
    expect(selectLiveStreamSession(t.state())).toMatchObject({ status: 'live', viewerCount: 7, playbackUrl: live.goesLive[1]!.playbackUrl });
  });

  it('18: the live stream with its playback URL and viewer count', () => {
    const sdk = scriptedMeeting();
    const t = connect(sdk.meeting);
    const seen: Array<[string | undefined, number | undefined]> = [];
    for (const step of live.goesLive) {
      sdk.setLive(step);
      const session = selectLiveStreamSession(t.state());
      seen.push([session?.status, session?.viewerCount]);
    }
    expect(seen).toEqual([
      ['starting', 0],
      ['live', 0],
      ['live', 12],
      ['stopping', 12],
      [undefined, undefined],
    ]);
  });

  it('18: permissions from the preset: no canRecord / canLivestream → no start, reason not-allowed; a host’s change applies', () => {
    const sdk = scriptedMeeting(presets.viewer);
    const t = connect(sdk.meeting);
    const can = () => ({
      record: recordingPermissions(t.adapter.capabilities, undefined, 'idle', false, t.state().providerPermissions?.recording),
      stream: liveStreamPermissions(t.adapter.capabilities, undefined, 'idle', false, t.state().providerPermissions?.liveStream),
    });
    expect(can().record).toMatchObject({ start: false, reason: 'not-allowed' });
    expect(can().stream).toMatchObject({ start: false, reason: 'not-allowed' });
    sdk.setPermissions(presets.recorderOnly);
    expect(can().record).toMatchObject({ start: true, reason: undefined });
    expect(can().stream).toMatchObject({ start: false, reason: 'not-allowed' });
    expect(t.adapter.capabilities).toMatchObject({ startLiveStream: true, multipleInstances: true, liveStreamUrl: false });
  });

  it('18: stop, pause and resume reach the one recording the SDK can act on; one of several goes through REST when a client is given', async () => {
    const sdk = scriptedMeeting();
    const client = { controlRecording: vi.fn(async () => undefined) };
    const t = connect(sdk.meeting, { client });
    sdk.setRecordings(lists.twoAtOnce[0]!);
    await t.adapter.pauseRecording?.({ instanceId: lists.twoAtOnce[0]![0]!.id });
    expect(sdk.commands).toEqual([['pause', undefined]]);
    sdk.setRecordings(lists.twoAtOnce[1]!);
    const second = lists.twoAtOnce[1]![1]!.id;
    await t.adapter.stopRecording?.({ instanceId: second });
    expect(client.controlRecording).toHaveBeenCalledWith(second, 'stop');
    expect(sdk.commands).toHaveLength(1);
  });

  it('18: without a client, one of several is named to the SDK (its own per-recording call)', async () => {
    const sdk = scriptedMeeting();
    const t = connect(sdk.meeting);
    sdk.setRecordings(lists.twoAtOnce[1]!);
    const second = lists.twoAtOnce[1]![1]!.id;
    await t.adapter.stopRecording?.({ instanceId: second });
    expect(sdk.commands).toEqual([['stop', second]]);
    await expect(t.adapter.stopRecording?.({ instanceId: 'gone' })).rejects.toThrow(/no longer runs/);
  });

  it('18: disconnect leaves no listener on the meeting', () => {
    const sdk = scriptedMeeting();
    const t = connect(sdk.meeting);
    expect(sdk.listenerCount()).toBeGreaterThan(0);
    t.disconnect();
    expect(sdk.listenerCount()).toBe(0);
  });
});

describe('RealtimeKit meeting SDK — against the simulated 2.0.2 meeting', () => {
  const until = async (check: () => boolean) => {
    for (const started = Date.now(); !check(); await new Promise((r) => setTimeout(r, 5))) if (Date.now() - started > 15_000) throw new Error('not reached');
  };

  it('18: a start from here shows one recording (the SDK’s STARTING entry is that start), which then records', async () => {
    const sim = createRealtimeKitMeeting({ delayMs: 5 });
    const t = connect(sim.meeting);
    await t.adapter.startRecording?.();
    expect(t.events.filter((e) => e.type === 'recording-starting')).toEqual([]);
    await until(() => Object.values(t.state().recordings).some((r) => r.status === 'recording'));
    expect(Object.keys(t.state().recordings)).toEqual([sim.meeting.recording.recordings[0]!.id]);
    await t.adapter.stopRecording?.({});
    await until(() => Object.keys(t.state().recordings).length === 0);
  });

  it('18: the SDK’s refusal is the command’s error (a second start without allowMultiple; no permission)', async () => {
    const sim = createRealtimeKitMeeting({ delayMs: 5 });
    const t = connect(sim.meeting);
    sim.startedElsewhere();
    await expect(t.adapter.startRecording?.()).rejects.toThrow(/already in progress/);
    await expect(t.adapter.startRecording?.({ providerOptions: { allowMultiple: true } })).resolves.toBeUndefined();
    sim.setPermissions({ canLivestream: false });
    await expect(t.adapter.startLiveStream?.({})).rejects.toThrow(/permission/);
  });
});

describe('RealtimeKit meeting adapter: "Check again" (21)', () => {
  /** Connects the adapter to a reducer, as the store does. */
  function connected(sim: ReturnType<typeof createRealtimeKitMeeting>) {
    const adapter = createRealtimeKitAdapter({ meeting: sim.meeting });
    let state: OnAirState = initialOnAirState;
    const disconnect = adapter.connect((event: OnAirEvent) => {
      state = reduceOnAir(state, event);
    });
    return { adapter, disconnect, state: () => state };
  }
  const waitFor = async (check: () => boolean) => {
    for (let i = 0; i < 400 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(check()).toBe(true);
  };

  it('21: refresh() reports a recording whose start confirmation the SDK never emitted', async () => {
    const sim = createRealtimeKitMeeting({ delayMs: 5 });
    const { adapter, disconnect, state } = connected(sim);
    sim.dropNextUpdate();
    await adapter.startRecording?.();
    await waitFor(() => sim.meeting.recording.recordings.some((r) => r.state === 'RECORDING'));
    expect(Object.values(state().recordings).some((s) => s.status === 'recording')).toBe(false);
    await adapter.refresh?.();
    expect(Object.values(state().recordings).map((s) => s.status)).toEqual(['recording']);
    disconnect();
  });

  it('21: refresh() ends a recording the SDK no longer lists (a stop whose update was lost)', async () => {
    const sim = createRealtimeKitMeeting({ delayMs: 5 });
    const { adapter, disconnect, state } = connected(sim);
    await adapter.startRecording?.();
    await waitFor(() => Object.values(state().recordings).some((s) => s.status === 'recording'));
    sim.dropNextUpdate();
    await adapter.stopRecording?.();
    await waitFor(() => sim.meeting.recording.recordings.length === 0);
    expect(Object.keys(state().recordings)).not.toHaveLength(0);
    await adapter.refresh?.();
    expect(Object.keys(state().recordings)).toHaveLength(0);
    disconnect();
  });

  it('21: the adapter names RealtimeKit’s 24 h maximum length', () => {
    const sim = createRealtimeKitMeeting();
    expect(createRealtimeKitAdapter({ meeting: sim.meeting }).maxDurationMs).toBe(24 * 3_600_000);
  });
});
