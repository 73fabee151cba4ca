import { describe, expect, it } from 'vitest';
import type { OnAirEvent } from '../../src/core/events.js';
import { initialOnAirState, type OnAirState } from '../../src/core/model.js';
import { reduceOnAir } from '../../src/core/reduceOnAir.js';
import { liveStreamStatusOf, selectLiveStreamSession } from '../../src/core/selectors.js';

const run = (events: readonly OnAirEvent[], from: OnAirState = initialOnAirState): OnAirState => events.reduce(reduceOnAir, from);
const overall = (s: OnAirState) => liveStreamStatusOf(selectLiveStreamSession(s), s.liveStreamError);
const threeLive: OnAirEvent[] = ['a', 'b', 'c'].map((instanceId, i) => ({ type: 'live-stream-started', instanceId, at: i + 1 }));

describe('19: one destination failing is history once the whole broadcast ends', () => {
  it('19: one of three targets drops, the other two end: the broadcast is ended (idle), not failed', () => {
    let s = run([...threeLive, { type: 'live-stream-error', instanceId: 'a', error: { code: 'stream_error', message: 'ingest refused', at: 5 }, at: 5 }]);
    // While the others run, the broadcast is live; the failure is kept and names its stream.
    expect(overall(s)).toBe('live');
    expect(s.liveStreamError).toMatchObject({ message: 'ingest refused', instanceId: 'a' });
    s = run([{ type: 'live-stream-stopped', instanceId: 'b', at: 6 }], s);
    expect(s.liveStreamError?.instanceId).toBe('a');
    s = run([{ type: 'live-stream-stopped', instanceId: 'c', at: 7 }], s);
    expect(s.liveStreamError).toBeUndefined();
    expect(overall(s)).toBe('idle');
  });

  it('19: the only stream fails and then says stopped (Daily sends both): the failure stays', () => {
    const s = run([
      { type: 'live-stream-started', at: 1 },
      { type: 'live-stream-error', error: { code: 'x', message: 'RTMP refused', at: 2 }, at: 2 },
      { type: 'live-stream-stopped', at: 3 },
    ]);
    expect(overall(s)).toBe('error');
    expect(s.liveStreamError?.message).toBe('RTMP refused');
  });

  it('19: a named stream fails and then its own stop arrives: the failure stays', () => {
    const s = run([
      { type: 'live-stream-started', instanceId: 'rtmp', at: 1 },
      { type: 'live-stream-error', instanceId: 'rtmp', error: { code: 'x', message: 'key refused', at: 2 }, at: 2 },
      { type: 'live-stream-stopped', instanceId: 'rtmp', at: 3 },
    ]);
    expect(overall(s)).toBe('error');
  });
});

describe('19: a stream key quoted by the provider never reaches the state (badge, announcer, hooks)', () => {
  const url = 'rtmp://a.rtmp.youtube.com/live2/abcd-efgh-ijkl-mnop';
  it('19: a live-stream error quoting the RTMP URL is stored with the key masked', () => {
    const s = run([
      { type: 'live-stream-requested', command: 'start-live-stream', at: 1 },
      { type: 'live-stream-error', error: { code: 'x', message: `Could not connect to ${url}.`, at: 2 }, at: 2 },
    ]);
    expect(s.liveStreamError?.message).toMatch(/^Could not connect to rtmp:\/\/a\.rtmp\.youtube\.com\/live2\/•••/);
    expect(JSON.stringify(s)).not.toContain('abcd-efgh');
  });

  it('19: a failed request and a warning quoting the URL are masked too', () => {
    let s = run([{ type: 'live-stream-request-failed', error: { code: 'x', message: `refused ${url}`, at: 1 }, at: 1 }]);
    expect(JSON.stringify(s)).not.toContain('abcd-efgh');
    s = run([
      { type: 'live-stream-started', at: 2 },
      { type: 'live-stream-warning', message: `dropped ${url}`, at: 3 },
    ]);
    expect(selectLiveStreamSession(s)?.warning).toBe('dropped rtmp://a.rtmp.youtube.com/live2/•••');
  });
});
