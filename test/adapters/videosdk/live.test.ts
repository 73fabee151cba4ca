// Issue 19: VideoSDK goes live — RTMP out to server-held destinations and HLS — through the adapter,
// fed by the documented webhooks (test/fixtures/videosdk/README.md names each source).
import { describe, expect, it, vi } from 'vitest';
import {
  createVideoSdkAdapter,
  parseVideoSdkWebhook,
  VIDEOSDK_HLS_INSTANCE,
  VIDEOSDK_RTMP_INSTANCE,
  VideoSdkError,
  type VideoSdkClient,
} from '../../../src/adapters/videosdk/index.js';
import type { OnAirEvent } from '../../../src/core/events.js';
import { initialOnAirState } from '../../../src/core/model.js';
import { reduceOnAir } from '../../../src/core/reduceOnAir.js';
import hlsActive from '../../fixtures/videosdk/hls-active.json';
import hlsFailed from '../../fixtures/videosdk/hls-failed.json';
import hlsPlayable from '../../fixtures/videosdk/hls-playable.json';
import hlsStartAnswer from '../../fixtures/videosdk/hls-start-answer.json';
import hlsStarted from '../../fixtures/videosdk/hls-started.json';
import hlsStarting from '../../fixtures/videosdk/hls-starting.json';
import hlsStopped from '../../fixtures/videosdk/hls-stopped.json';
import hlsStopping from '../../fixtures/videosdk/hls-stopping.json';
import lsFailed from '../../fixtures/videosdk/livestream-failed.json';
import lsStarted from '../../fixtures/videosdk/livestream-started.json';
import lsStarting from '../../fixtures/videosdk/livestream-starting.json';
import lsStopped from '../../fixtures/videosdk/livestream-stopped.json';
import lsStopping from '../../fixtures/videosdk/livestream-stopping.json';

const ROOM = 'jvsg-8rjn-j304';
const URL_OF_WEBHOOKS = 'https://cdn.videosdk.live/meetings-hls/b8a770ef-d713-4a27-9ab7-e5a0b724caaf/index.m3u8';

function harness(client: Partial<VideoSdkClient> = {}, readActiveHls = false) {
  let push: (webhook: unknown) => void = () => {};
  const calls: Array<[string, unknown]> = [];
  const ok = (name: string, body: unknown = 'ok') =>
    vi.fn(async (input: unknown) => {
      calls.push([name, input]);
      return { message: typeof body === 'string' ? body : undefined, body };
    });
  const full = {
    startParticipantRecording: ok('startParticipantRecording'),
    stopParticipantRecording: ok('stopParticipantRecording'),
    startLiveStream: ok('startLiveStream', 'Livestream started successfully'),
    stopLiveStream: ok('stopLiveStream', 'Livestream ended successfully'),
    startHls: ok('startHls', hlsStartAnswer),
    stopHls: ok('stopHls', 'HLS ended successfully'),
    ...client,
  } as VideoSdkClient;
  const warnings: string[] = [];
  const adapter = createVideoSdkAdapter({
    client: full,
    roomId: ROOM,
    events: (listener) => {
      push = listener;
      return () => {};
    },
    onInvalidWebhook: (issues) => warnings.push(issues),
    readActiveHls,
  });
  const events: OnAirEvent[] = [];
  const disconnect = adapter.connect((event) => events.push(event));
  const at = (time: number, webhook: unknown) => push({ at: time, webhook });
  const state = () => events.reduce(reduceOnAir, initialOnAirState);
  /** What the kit's command runner dispatches before it calls the adapter. */
  const requested = (time: number, instanceId: string | undefined, command: 'start-live-stream' | 'stop-live-stream' = 'start-live-stream') =>
    events.push({ type: 'live-stream-requested', at: time, instanceId, command } as OnAirEvent);
  return { adapter, at, events, state, calls, warnings, requested, disconnect, flush: () => new Promise((r) => setTimeout(r, 0)) };
}

describe('VideoSDK live streams', () => {
  it('19: capabilities say what VideoSDK can do: start and stop, no URL from the browser (destination ids / HLS), RTMP and HLS at once, no outputs edited while live', () => {
    const { adapter } = harness();
    expect(adapter.capabilities).toMatchObject({ startLiveStream: true, stopLiveStream: true, liveStreamUrl: false, multipleInstances: true });
    expect(adapter.capabilities.liveStreamEndpoints).not.toBe(true);
    expect(adapter.addLiveStreamEndpoints).toBeUndefined();
    // Without the live client calls (an older client) live streaming is off, recordings still work.
    const older = createVideoSdkAdapter({
      client: { startParticipantRecording: async () => ({ message: undefined, body: {} }), stopParticipantRecording: async () => ({ message: undefined, body: {} }) },
      roomId: ROOM,
      events: () => () => {},
    });
    expect(older.capabilities).toMatchObject({ startLiveStream: false, stopLiveStream: false, participantRecording: true });
  });

  it('19: RTMP out names the server-held destination ids, and livestream-starting → started → stopping → stopped drive the rtmp stream', async () => {
    const h = harness();
    h.requested(1, VIDEOSDK_RTMP_INSTANCE);
    await h.adapter.startLiveStream!({ instanceId: VIDEOSDK_RTMP_INSTANCE, endpoints: ['youtube', 'twitch', 'facebook'] });
    expect(h.calls).toEqual([['startLiveStream', { roomId: ROOM, destinations: ['youtube', 'twitch', 'facebook'] }]]);
    h.at(2, lsStarting);
    expect(h.state().liveStreams.rtmp?.status).toBe('starting');
    h.at(3, lsStarted);
    expect(h.state().liveStreams.rtmp).toMatchObject({ status: 'live', startedAt: 3 });
    // VideoSDK names no output in any webhook: no per-destination status is made up.
    expect(h.state().liveStreams.rtmp?.endpoints).toEqual({});
    h.requested(4, VIDEOSDK_RTMP_INSTANCE, 'stop-live-stream');
    await h.adapter.stopLiveStream!({ instanceId: VIDEOSDK_RTMP_INSTANCE });
    expect(h.calls.at(-1)).toEqual(['stopLiveStream', { roomId: ROOM }]);
    h.at(5, lsStopping);
    expect(h.state().liveStreams.rtmp?.status).toBe('stopping');
    h.at(6, lsStopped);
    expect(h.state().liveStreams.rtmp).toBeUndefined();
    expect(h.state().liveStreamError).toBeUndefined();
  });

  it('19: a start without instance id goes to RTMP with endpoints and to HLS without; the default slot takes the provider’s id', async () => {
    const h = harness();
    h.requested(1, undefined);
    await h.adapter.startLiveStream!({ endpoints: ['youtube'] });
    h.at(2, lsStarted);
    expect(Object.keys(h.state().liveStreams)).toEqual(['rtmp']);
    await h.adapter.startLiveStream!({});
    expect(h.calls.map(([name]) => name)).toEqual(['startLiveStream', 'startHls']);
  });

  it('19: a raw RTMP URL is refused readably (keys stay on the server), before anything reaches VideoSDK', async () => {
    const h = harness();
    await expect(h.adapter.startLiveStream!({ instanceId: VIDEOSDK_RTMP_INSTANCE, rtmpUrl: 'rtmp://a.rtmp.youtube.com/live2/secret-key' })).rejects.toThrow(/destination/i);
    await expect(h.adapter.startLiveStream!({ instanceId: VIDEOSDK_RTMP_INSTANCE })).rejects.toThrow(/destination/i);
    expect(h.calls).toEqual([]);
  });

  it('19: HLS is its own stream: started-but-not-playable is a distinct state (starting, with the playback URL known), playable goes live', () => {
    const h = harness();
    h.at(1, hlsStarting);
    expect(h.state().liveStreams.hls).toMatchObject({ status: 'starting' });
    h.at(2, hlsStarted);
    expect(h.state().liveStreams.hls).toMatchObject({ status: 'starting', playbackUrl: URL_OF_WEBHOOKS });
    h.at(3, hlsPlayable);
    expect(h.state().liveStreams.hls).toMatchObject({ status: 'live', playbackUrl: URL_OF_WEBHOOKS, startedAt: 3 });
    expect(h.state().liveStreams.hls?.viewerCount).toBeUndefined();
    h.at(4, hlsStopping);
    expect(h.state().liveStreams.hls?.status).toBe('stopping');
    h.at(5, hlsStopped);
    expect(h.state().liveStreams.hls).toBeUndefined();
  });

  it('19: startLiveStream({ instanceId: "hls" }) starts HLS; the start answer’s playbackHlsUrl is the playback URL at once; stop ends HLS only', async () => {
    const h = harness();
    h.requested(1, VIDEOSDK_HLS_INSTANCE);
    await h.adapter.startLiveStream!({ instanceId: VIDEOSDK_HLS_INSTANCE });
    expect(h.calls).toEqual([['startHls', { roomId: ROOM }]]);
    expect(h.state().liveStreams.hls).toMatchObject({ status: 'starting', playbackUrl: hlsStartAnswer.playbackHlsUrl });
    h.at(2, lsStarted); // RTMP started elsewhere: a second stream
    h.at(3, hlsPlayable);
    expect(Object.keys(h.state().liveStreams).sort()).toEqual(['hls', 'rtmp']);
    await h.adapter.stopLiveStream!({ instanceId: VIDEOSDK_HLS_INSTANCE });
    expect(h.calls.at(-1)).toEqual(['stopHls', { roomId: ROOM }]);
  });

  it('19: a playback URL that is not http(s) is never handed to the player', () => {
    const h = harness();
    h.at(1, { webhookType: 'hls-playable', data: { meetingId: ROOM, sessionId: 's', downstreamUrl: 'javascript:alert(1)' } });
    expect(h.state().liveStreams.hls).toMatchObject({ status: 'live' });
    expect(h.state().liveStreams.hls?.playbackUrl).toBeUndefined();
  });

  it('19: livestream-failed and hls-failed end the stream with a readable reason (VideoSDK sends none) and leave the controls usable', () => {
    const h = harness();
    h.requested(1, VIDEOSDK_RTMP_INSTANCE);
    h.at(2, lsStarting);
    h.at(3, lsFailed);
    const after = h.state();
    expect(after.liveStreams.rtmp).toBeUndefined();
    // The failure names its stream: the HLS controls beside it do not show RTMP's failure.
    expect(after.liveStreamError).toMatchObject({ code: 'live-stream-failed', message: expect.stringMatching(/stream key/i), instanceId: 'rtmp' });
    h.at(4, hlsStarting);
    h.at(5, hlsFailed);
    expect(h.state().liveStreams.hls).toBeUndefined();
    expect(h.state().liveStreamError).toMatchObject({ message: expect.stringMatching(/HLS/), instanceId: 'hls' });
  });

  it('19: a start VideoSDK (or the route) refuses with a 4xx rejects with its readable reason', async () => {
    const refused = new VideoSdkError('Unknown destination.', { kind: 'http', status: 400, request: 'POST /v2/livestreams/start' });
    const h = harness({ startLiveStream: vi.fn(async () => Promise.reject(refused)) });
    await expect(h.adapter.startLiveStream!({ endpoints: ['nope'] })).rejects.toThrow('Unknown destination.');
  });

  it('19: the stream ended by VideoSDK (stopped with no stop from here) ends it; a late started after it is not a new stream', () => {
    const h = harness();
    h.at(1, lsStarted);
    expect(h.state().liveStreams.rtmp?.status).toBe('live');
    h.at(2, lsStopped);
    h.at(1, lsStarted);
    expect(h.state().liveStreams.rtmp).toBeUndefined();
  });

  it('19: duplicate and out-of-order live webhooks are ignored; other rooms too; a body keyed `type` is read as the server SDK reads it', () => {
    const h = harness();
    h.at(1, hlsStarted);
    h.at(2, hlsPlayable);
    h.at(3, hlsStarted); // duplicate delivery after playable
    expect(h.state().liveStreams.hls?.status).toBe('live');
    h.at(4, { ...lsStarted, data: { ...lsStarted.data, meetingId: 'other-room' } });
    expect(h.state().liveStreams.rtmp).toBeUndefined();
    h.at(5, { type: 'livestream-started', data: lsStarted.data });
    expect(h.state().liveStreams.rtmp?.status).toBe('live');
    expect(parseVideoSdkWebhook({ type: 'hls-playable', data: hlsPlayable.data })).toMatchObject({ kind: 'live', stream: 'hls', phase: 'playable', playbackUrl: URL_OF_WEBHOOKS });
    expect(h.warnings).toEqual([]);
  });

  it('19: a malformed live webhook is dropped with a warning, never thrown', () => {
    const h = harness();
    h.at(1, { webhookType: 'livestream-started', data: { sessionId: 'no room' } });
    h.at(2, { webhookType: 'hls-started', data: null });
    expect(h.warnings).toHaveLength(2);
    expect(h.state().liveStreams).toEqual({});
  });

  it('19: on connect (readActiveHls) the active-HLS read shows a running HLS (documented answer: downstreamUrl only); a 404 (none, or not playable yet) changes nothing; without the option no read', async () => {
    const read = vi.fn(async () => ({ id: hlsActive.data.id, playbackHlsUrl: undefined, livestreamUrl: undefined, downstreamUrl: hlsActive.data.downstreamUrl, body: hlsActive }));
    harness({ getActiveHls: read });
    expect(read).not.toHaveBeenCalled();
    const found = harness({ getActiveHls: read }, true);
    await vi.waitFor(() => expect(found.state().liveStreams.hls).toMatchObject({ status: 'live', playbackUrl: hlsActive.data.downstreamUrl }));
    const missing = harness(
      { getActiveHls: vi.fn(async () => Promise.reject(new VideoSdkError('No active HLS', { kind: 'http', status: 404, request: 'GET /v2/hls/x/active' }))) },
      true,
    );
    await missing.flush();
    await missing.flush();
    expect(missing.state().liveStreams).toEqual({});
    expect(missing.state().liveStreamError).toBeUndefined();
  });

  it('19: hostile ids (__proto__, constructor) break nothing: an unknown instance is refused readably, destination ids go as data', async () => {
    const h = harness();
    await expect(h.adapter.startLiveStream!({ instanceId: '__proto__' })).rejects.toThrow(/rtmp|hls/);
    await expect(h.adapter.stopLiveStream!({ instanceId: 'constructor' })).rejects.toThrow(/rtmp|hls/);
    await h.adapter.startLiveStream!({ instanceId: 'rtmp', endpoints: ['__proto__', 'constructor'] });
    expect(h.calls).toEqual([['startLiveStream', { roomId: ROOM, destinations: ['__proto__', 'constructor'] }]]);
    h.at(1, { webhookType: 'hls-started', data: { meetingId: '__proto__', sessionId: 'constructor', downstreamUrl: URL_OF_WEBHOOKS } });
    h.at(2, { webhookType: 'livestream-started', data: { meetingId: ROOM, sessionId: '__proto__' } });
    expect(Object.keys(h.state().liveStreams)).toEqual(['rtmp']);
    expect(({} as Record<string, unknown>).status).toBeUndefined();
  });
});

describe('VideoSDK live streams, connections', () => {
  it('19: a live webhook’s events go to the connection it arrived on (connect twice, the later one gone: React strict mode)', () => {
    const listeners: Array<(webhook: unknown) => void> = [];
    const adapter = createVideoSdkAdapter({
      client: {
        startParticipantRecording: async () => ({ message: undefined, body: {} }),
        stopParticipantRecording: async () => ({ message: undefined, body: {} }),
        startLiveStream: async () => ({ message: undefined, body: {} }),
        stopLiveStream: async () => ({ message: undefined, body: {} }),
      },
      roomId: ROOM,
      events: (listener) => {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
    });
    const first: OnAirEvent[] = [];
    adapter.connect((event) => first.push(event));
    const second = adapter.connect(() => {});
    second();
    for (const listener of listeners) listener({ at: 1, webhook: lsStarted });
    expect(first.reduce(reduceOnAir, initialOnAirState).liveStreams.rtmp?.status).toBe('live');
  });
});
