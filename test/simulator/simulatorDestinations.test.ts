// Issue 19: the simulators' live-stream destination faults — one destination dropped, a stream key
// refused, the stream ended by the provider — in the providers' own payload shapes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDailyAdapter } from '../../src/adapters/daily/index.js';
import { createOpenTalkAdapter } from '../../src/adapters/opentalk/index.js';
import { initialOnAirState, type OnAirState } from '../../src/core/model.js';
import { reduceOnAir } from '../../src/core/reduceOnAir.js';
import { liveStreamStatusOf, selectLiveStreamSession } from '../../src/core/selectors.js';
import { createOpenTalkRoom, createSimulator, SIMULATED_DEFAULT_INSTANCE_ID, type SimulatedDailyEvent } from '../../src/simulator/index.js';

const YT = 'rtmp://a.rtmp.youtube.com/live2/abcd-efgh-ijkl-mnop';
const TW = 'rtmp://live.twitch.tv/app/live_1_SecretTwitch';
const CUSTOM = 'rtmps://ingest.example.org/live/custom-SECRET';

function daily() {
  const sim = createSimulator({ delays: { recordingStart: 50, recordingStop: 50, liveStart: 100, liveStop: 50 } });
  const raw: SimulatedDailyEvent[] = [];
  for (const action of ['nonfatal-error', 'live-streaming-error', 'live-streaming-stopped', 'live-streaming-started']) sim.daily.on(action, (e) => raw.push(e));
  let state: OnAirState = initialOnAirState;
  const disconnect = createDailyAdapter(sim.daily).connect((e) => (state = reduceOnAir(state, e)));
  return { sim, raw, state: () => state, dispose: () => (disconnect(), sim.dispose()) };
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('19: Daily simulator destination faults', () => {
  it('19: dropLiveStreamDestination sends a live-streaming-warning naming one destination in details.endpoints; the stream stays live', async () => {
    const m = daily();
    m.sim.daily.startLiveStreaming({ rtmpUrl: [YT, TW, CUSTOM] });
    await vi.advanceTimersByTimeAsync(150);
    m.sim.faults.dropLiveStreamDestination();
    const warning = m.raw.find((e) => e.action === 'nonfatal-error');
    expect(warning).toMatchObject({
      action: 'nonfatal-error',
      type: 'live-streaming-warning',
      details: { instanceId: SIMULATED_DEFAULT_INSTANCE_ID, endpoints: [{ endpoint: CUSTOM }] },
    });
    expect(typeof warning?.errorMsg).toBe('string');
    // The reason names the server, never the key.
    expect(warning?.errorMsg).toContain('rtmps://ingest.example.org/live');
    expect(warning?.errorMsg).not.toContain('custom-SECRET');
    const session = selectLiveStreamSession(m.state());
    expect(session?.status).toBe('live');
    expect(session?.endpoints[CUSTOM]?.status).toBe('dropped');
    // A named destination (Daily endpoints, or one URL of several) is dropped by name.
    m.sim.faults.dropLiveStreamDestination(TW, 'Twitch closed the connection.');
    expect(m.raw.filter((e) => e.action === 'nonfatal-error').at(-1)).toMatchObject({ errorMsg: 'Twitch closed the connection.', details: { endpoints: [{ endpoint: TW }] } });
    m.dispose();
  });

  it('19: refuseStreamKey makes the next start fail with live-streaming-error naming the server, never the key', async () => {
    const m = daily();
    m.sim.faults.refuseStreamKey();
    m.sim.daily.startLiveStreaming({ rtmpUrl: [TW, YT] });
    await vi.advanceTimersByTimeAsync(150);
    const error = m.raw.find((e) => e.action === 'live-streaming-error');
    expect(error).toMatchObject({ action: 'live-streaming-error', instanceId: SIMULATED_DEFAULT_INSTANCE_ID });
    expect(error?.errorMsg).toBe('RTMP connection refused by rtmp://live.twitch.tv/app: the stream key was not accepted');
    expect(m.raw.some((e) => e.action === 'live-streaming-started')).toBe(false);
    expect(liveStreamStatusOf(selectLiveStreamSession(m.state()), m.state().liveStreamError)).toBe('error');
    // Only the next start: the one after goes live.
    m.sim.daily.startLiveStreaming({ rtmpUrl: [TW] });
    await vi.advanceTimersByTimeAsync(150);
    expect(m.raw.at(-1)?.action).toBe('live-streaming-started');
    m.dispose();
  });

  it('19: endLiveStream: the provider ends the stream (live-streaming-stopped without a local stop)', async () => {
    const m = daily();
    m.sim.daily.startLiveStreaming({ rtmpUrl: [YT, TW] });
    await vi.advanceTimersByTimeAsync(150);
    m.sim.faults.endLiveStream();
    expect(m.raw.at(-1)).toEqual({ action: 'live-streaming-stopped', callClientId: expect.any(String), instanceId: SIMULATED_DEFAULT_INSTANCE_ID });
    expect(selectLiveStreamSession(m.state())).toBeUndefined();
    m.dispose();
  });
});

describe('19: OpenTalk room destination faults', () => {
  const targets = [
    { id: 'target-youtube', name: 'YouTube' },
    { id: 'target-twitch', name: 'Twitch' },
    { id: 'target-custom', name: 'Custom RTMP' },
  ];
  function room() {
    const r = createOpenTalkRoom({ latencyMs: 10, recorderDelayMs: 100, participants: [], streamTargets: targets });
    const connection = r.connect({ id: 'host', name: 'Mona', role: 'moderator' });
    const raw: unknown[] = [];
    connection.subscribe((m) => raw.push(m));
    const adapter = createOpenTalkAdapter(connection, { participantId: 'host', onWarning: () => {} });
    let state: OnAirState = initialOnAirState;
    adapter.connect((e) => (state = reduceOnAir(state, e)));
    return { r, adapter, raw, state: () => state };
  }
  const streamUpdates = (raw: unknown[]) =>
    raw.map((m) => (m as { payload?: Record<string, unknown> }).payload).filter((p): p is Record<string, unknown> => p?.message === 'stream_updated');

  it('19: refuseStreamKey: the target goes requested → error with its reason', async () => {
    const m = room();
    await vi.advanceTimersByTimeAsync(50);
    m.r.refuseStreamKey('target-twitch');
    await m.adapter.startLiveStream?.({ endpoints: ['target-twitch'] });
    await vi.advanceTimersByTimeAsync(200);
    expect(streamUpdates(m.raw)).toEqual([
      { message: 'stream_updated', target_id: 'target-twitch', status: 'requested' },
      { message: 'stream_updated', target_id: 'target-twitch', status: 'error', reason: { code: 'stream_key_refused', message: 'The streaming server refused the stream key.' } },
    ]);
    expect(m.state().liveStreams['target-twitch']).toBeUndefined();
    expect(m.state().liveStreamError?.message).toContain('The streaming server refused the stream key.');
    m.r.dispose();
  });

  it('19: dropStreamTarget: one running target errors with its reason, the others stay active; endStreams ends every one', async () => {
    const m = room();
    await vi.advanceTimersByTimeAsync(50);
    await m.adapter.startLiveStream?.({ endpoints: targets.map((t) => t.id) });
    await vi.advanceTimersByTimeAsync(200);
    expect(Object.keys(m.state().liveStreams).sort()).toEqual(['target-custom', 'target-twitch', 'target-youtube']);
    m.r.dropStreamTarget('target-twitch', { code: 'unreachable', message: 'Twitch stopped accepting media.' });
    await vi.advanceTimersByTimeAsync(50);
    expect(streamUpdates(m.raw).at(-1)).toEqual({
      message: 'stream_updated',
      target_id: 'target-twitch',
      status: 'error',
      reason: { code: 'unreachable', message: 'Twitch stopped accepting media.' },
    });
    expect(Object.keys(m.state().liveStreams).sort()).toEqual(['target-custom', 'target-youtube']);
    m.r.endStreams();
    await vi.advanceTimersByTimeAsync(50);
    expect(streamUpdates(m.raw).slice(-2).map((p) => [p.target_id, p.status])).toEqual([
      ['target-youtube', 'inactive'],
      ['target-custom', 'inactive'],
    ]);
    expect(m.state().liveStreams).toEqual({});
    m.r.dispose();
  });
});
