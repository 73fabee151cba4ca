// Issue 19.2: the VideoSDK simulator goes live — RTMP out and HLS behind the same route code the
// playground uses (createVideoSdkRoute with server-held destinations), webhooks in VideoSDK's shapes,
// and the four fault switches.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVideoSdkAdapter, createVideoSdkClient } from '../../src/adapters/videosdk/index.js';
import type { OnAirEvent } from '../../src/core/events.js';
import { initialOnAirState } from '../../src/core/model.js';
import { reduceOnAir } from '../../src/core/reduceOnAir.js';
import { createVideoSdkRoute } from '../../src/server/index.js';
import { createVideoSdkSimulator, type VideoSdkSimulator } from '../../src/simulator/index.js';

const ROOM = 'sim-room-0001';
const DESTINATIONS = [
  { id: 'youtube', name: 'YouTube', url: 'rtmp://a.rtmp.youtube.com/live2', streamKey: 'yt-key-0001' },
  { id: 'twitch', name: 'Twitch', url: 'rtmps://live.twitch.tv/app', streamKey: 'live_twitch_key' },
  { id: 'facebook', name: 'Facebook Live', url: 'rtmps://live-api-s.facebook.com:443/rtmp', streamKey: 'FB-key-0003' },
];
let sim: VideoSdkSimulator | undefined;
afterEach(() => sim?.close());

function setup() {
  sim = createVideoSdkSimulator({
    roomId: ROOM,
    sampleMediaUrl: 'http://localhost:6006/simulated-media',
    hlsPlaybackUrl: 'http://localhost:6006/videosdk-hls',
    delays: { starting: 5, started: 10, stopping: 5, stopped: 10, playable: 10 },
  });
  const route = createVideoSdkRoute({ apiKey: 'k', secret: 'sim-videosdk-secret-0123456789', basePath: '/api/videosdk', authorize: () => true, destinations: DESTINATIONS, fetch: sim.fetch });
  const browserSaw: string[] = [];
  const fetchThroughRoute = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await route(new Request(`https://app.example${String(input)}`, init));
    browserSaw.push(await response.clone().text());
    return response;
  }) as typeof fetch;
  const client = createVideoSdkClient({ baseUrl: '/api/videosdk', getToken: () => 'session', fetch: fetchThroughRoute });
  const adapter = createVideoSdkAdapter({ client, roomId: ROOM, events: sim.subscribe });
  const events: OnAirEvent[] = [];
  adapter.connect((event) => events.push(event));
  const state = () => events.reduce(reduceOnAir, initialOnAirState);
  return { sim, adapter, state, browserSaw, s: sim };
}

describe('VideoSDK simulator, live', () => {
  it('19.2: RTMP out through the route to three server-held destinations: VideoSDK gets their URLs and keys, the browser never sees one', async () => {
    const { s, adapter, state, browserSaw } = setup();
    await adapter.startLiveStream({ instanceId: 'rtmp', endpoints: ['youtube', 'twitch', 'facebook'] });
    await vi.waitFor(() => expect(state().liveStreams.rtmp?.status).toBe('live'));
    expect(s.outputs).toEqual(DESTINATIONS.map((d) => ({ url: d.url, status: 'receiving' })));
    expect(s.sent.map((w) => (w as { webhookType: string }).webhookType)).toEqual(['livestream-starting', 'livestream-started']);
    expect(JSON.stringify(s.sent)).not.toMatch(/key/i);
    for (const text of browserSaw) for (const d of DESTINATIONS) expect(text).not.toContain(d.streamKey);
    await adapter.stopLiveStream({ instanceId: 'rtmp' });
    await vi.waitFor(() => expect(state().liveStreams.rtmp).toBeUndefined());
    expect(s.live.rtmp).toBe('off');
  });

  it('19.2: key refused — VideoSDK accepts the start, then livestream-failed (no output, no reason); the stream closes with a readable reason', async () => {
    const { s, adapter, state } = setup();
    s.refuseNextStreamKey();
    await adapter.startLiveStream({ instanceId: 'rtmp', endpoints: ['youtube'] });
    await vi.waitFor(() => expect(state().liveStreamError?.message).toMatch(/stream key/));
    expect(state().liveStreams.rtmp).toBeUndefined();
    expect(s.sent.at(-1)).toEqual({ webhookType: 'livestream-failed', data: { meetingId: ROOM, sessionId: s.sessionId } });
    expect(s.outputs[0]?.status).toBe('refused');
    // The HTTP flavour: the start itself is refused with VideoSDK's message.
    s.refuseNextStreamKey({ as: 'http', message: 'Invalid stream key for output 1' });
    await expect(adapter.startLiveStream({ instanceId: 'rtmp', endpoints: ['youtube'] })).rejects.toThrow('Invalid stream key for output 1');
  });

  it('19.2: one of three destinations dropped — the platform stops receiving, VideoSDK reports nothing, the stream stays live', async () => {
    const { s, adapter, state } = setup();
    await adapter.startLiveStream({ instanceId: 'rtmp', endpoints: ['youtube', 'twitch', 'facebook'] });
    await vi.waitFor(() => expect(state().liveStreams.rtmp?.status).toBe('live'));
    const sent = s.sent.length;
    const changed = vi.fn();
    s.watchOutputs(changed);
    s.dropOutput(1);
    expect(changed).toHaveBeenCalled();
    expect(s.outputs.map((o) => o.status)).toEqual(['receiving', 'dropped', 'receiving']);
    await new Promise((r) => setTimeout(r, 50));
    expect(s.sent.length).toBe(sent);
    expect(state().liveStreams.rtmp).toMatchObject({ status: 'live', endpoints: {} });
  });

  it('19.2: HLS not ready yet — started, playlist and active read 404, the stream is starting with its URL; released: playable, a live window over the sample', async () => {
    const { s, adapter, state } = setup();
    s.holdHls();
    await adapter.startLiveStream({ instanceId: 'hls' });
    await vi.waitFor(() => expect(s.live.hls).toBe('started'));
    const url = state().liveStreams.hls?.playbackUrl;
    expect(url).toMatch(/^http:\/\/localhost:6006\/videosdk-hls\/[0-9a-f]+\/index\.m3u8$/);
    await new Promise((r) => setTimeout(r, 40));
    expect(state().liveStreams.hls).toMatchObject({ status: 'starting', playbackUrl: url });
    expect((await s.handle(new Request(url!))).status).toBe(404);
    expect((await s.handle(new Request(`http://x/v2/hls/${ROOM}/active`, { headers: { authorization: 't' } }))).status).toBe(404);
    s.releaseHls();
    await vi.waitFor(() => expect(state().liveStreams.hls?.status).toBe('live'));
    const playlist = await (await s.handle(new Request(url!))).text();
    expect(playlist).toMatch(/^#EXTM3U\n/);
    expect(playlist).not.toMatch(/ENDLIST/);
    expect(playlist.match(/onair-live-\d\.ts/g)).toEqual(['onair-live-0.ts', 'onair-live-1.ts', 'onair-live-2.ts']);
    const active = (await (await s.handle(new Request(`http://x/v2/hls/${ROOM}/active`, { headers: { authorization: 't' } }))).json()) as { data: { playbackHlsUrl: string } };
    expect(active.data.playbackHlsUrl).toBe(url);
  });

  it('19.2: stream ended by VideoSDK — RTMP and HLS stop with no stop from the app; the playlist is gone', async () => {
    const { s, adapter, state } = setup();
    await adapter.startLiveStream({ instanceId: 'rtmp', endpoints: ['youtube'] });
    await adapter.startLiveStream({ instanceId: 'hls' });
    await vi.waitFor(() => expect([state().liveStreams.rtmp?.status, state().liveStreams.hls?.status]).toEqual(['live', 'live']));
    const url = state().liveStreams.hls!.playbackUrl!;
    s.endStreams();
    await vi.waitFor(() => expect(state().liveStreams).toEqual({}));
    expect(s.sent.slice(-4).map((w) => (w as { webhookType: string }).webhookType).sort()).toEqual(['hls-stopped', 'hls-stopping', 'livestream-stopped', 'livestream-stopping']);
    expect((await s.handle(new Request(url))).status).toBe(404);
  });
});
