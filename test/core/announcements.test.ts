import { describe, expect, it } from 'vitest';
import { announcementsFor } from '../../src/core/announcements.js';
import type { OnAirEvent } from '../../src/core/events.js';
import { announcementLabels } from '../../src/core/labels.js';
import { initialOnAirState, type OnAirState } from '../../src/core/model.js';
import { reduceOnAir } from '../../src/core/reduceOnAir.js';

const run = (events: readonly OnAirEvent[], from: OnAirState = initialOnAirState): OnAirState => events.reduce(reduceOnAir, from);
const say = (from: OnAirState, event: OnAirEvent): string[] => announcementsFor(from, reduceOnAir(from, event), announcementLabels);
const err = (message: string, command?: 'start-recording') => ({ code: 'x', message, at: 1, command });

describe('announcementsFor', () => {
  it('announces start, pause, resume and stop once', () => {
    const idle = initialOnAirState;
    expect(say(idle, { type: 'recording-started', at: 1 })).toEqual(['Recording started']);
    const rec = run([{ type: 'recording-started', at: 1 }]);
    expect(say(rec, { type: 'recording-started', at: 2 })).toEqual([]);
    expect(say(rec, { type: 'recording-paused', at: 2 })).toEqual(['Recording paused']);
    const paused = run([{ type: 'recording-paused', at: 2 }], rec);
    expect(say(paused, { type: 'recording-resumed', at: 3 })).toEqual(['Recording resumed']);
    expect(say(rec, { type: 'recording-stopped', at: 3 })).toEqual(['Recording stopped']);
  });

  it('stays silent when a stop fails and the recording goes on', () => {
    const stopping = run([
      { type: 'recording-started', at: 1 },
      { type: 'recording-requested', command: 'stop-recording', at: 2 },
    ]);
    expect(say(stopping, { type: 'recording-request-failed', at: 3, error: err('socket closed') })).toEqual([]);
    const liveStopping = run([
      { type: 'live-stream-started', at: 1 },
      { type: 'live-stream-requested', command: 'stop-live-stream', at: 2 },
    ]);
    expect(say(liveStopping, { type: 'live-stream-request-failed', at: 3, error: err('nope') })).toEqual([]);
  });

  it('announces a failure someone else caused, not one answering this browser\u2019s click', () => {
    const remote = run([{ type: 'recording-started', at: 1 }]);
    expect(say(remote, { type: 'recording-error', at: 2, error: err('disk full') })).toEqual(['Recording failed: disk full']);
    const mine = run([{ type: 'recording-requested', command: 'start-recording', at: 1 }]);
    expect(say(mine, { type: 'recording-error', at: 2, error: err('quota exceeded') })).toEqual([]);
  });

  it('announces live stream interruption and recovery', () => {
    const live = run([{ type: 'live-stream-started', at: 1 }]);
    expect(say(live, { type: 'live-stream-updated', at: 2, state: 'interrupted' })).toEqual(['Live stream interrupted']);
    const cut = run([{ type: 'live-stream-updated', at: 2, state: 'interrupted' }], live);
    expect(say(cut, { type: 'live-stream-updated', at: 3, state: 'connected' })).toEqual(['Live stream reconnected']);
  });
});
