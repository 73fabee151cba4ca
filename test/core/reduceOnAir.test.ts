import { describe, expect, it } from 'vitest';
import type { OnAirEvent } from '../../src/core/events.js';
import { DEFAULT_INSTANCE_ID, initialOnAirState, type OnAirState } from '../../src/core/model.js';
import { reduceOnAir } from '../../src/core/reduceOnAir.js';
import { recordingStatusOf, selectLiveStreamSession, selectRecordingSession } from '../../src/core/selectors.js';

const run = (events: readonly OnAirEvent[], from: OnAirState = initialOnAirState): OnAirState => events.reduce(reduceOnAir, from);
const err = (message: string, code = 'x') => ({ code, message, at: 0 });
const status = (state: OnAirState) => recordingStatusOf(selectRecordingSession(state), state.recordingError);

describe('reduceOnAir — recording', () => {
  it('goes idle → starting → recording → stopping → idle for a local start', () => {
    let s = run([{ type: 'recording-requested', command: 'start-recording', at: 1 }]);
    expect(status(s)).toBe('starting');
    expect(s.recordings[DEFAULT_INSTANCE_ID]?.pending).toBe('start-recording');
    s = run([{ type: 'recording-started', at: 2, recordingId: 'r1', startedBy: 'p1', recordingType: 'cloud' }], s);
    expect(s.recordings[DEFAULT_INSTANCE_ID]).toMatchObject({ status: 'recording', recordingId: 'r1', startedAt: 2, pending: undefined });
    s = run([{ type: 'recording-requested', command: 'stop-recording', at: 3 }], s);
    expect(status(s)).toBe('stopping');
    s = run([{ type: 'recording-stopped', at: 4 }], s);
    expect(status(s)).toBe('idle');
    expect(s.recordings).toEqual({});
  });

  it('prefers the provider start time over the receipt time', () => {
    const s = run([{ type: 'recording-started', at: 5000, startedAt: 1000 }]);
    expect(s.recordings.default?.startedAt).toBe(1000);
  });

  it('tracks several instances independently', () => {
    const s = run([
      { type: 'recording-started', at: 1, instanceId: 'a', recordingId: 'ra' },
      { type: 'recording-started', at: 2, instanceId: 'b', recordingId: 'rb' },
      { type: 'recording-stopped', at: 3, instanceId: 'a' },
    ]);
    expect(Object.keys(s.recordings)).toEqual(['b']);
    expect(s.recordings.b?.status).toBe('recording');
  });

  it('ignores a duplicate started event for a closed recording with the same id', () => {
    const s = run([
      { type: 'recording-started', at: 1, instanceId: 'a', recordingId: 'r1' },
      { type: 'recording-stopped', at: 2, instanceId: 'a' },
      { type: 'recording-started', at: 3, instanceId: 'a', recordingId: 'r1' },
    ]);
    expect(s.recordings).toEqual({});
  });

  it('lets a new recording (new id) start on a closed instance', () => {
    const s = run([
      { type: 'recording-started', at: 1, instanceId: 'a', recordingId: 'r1' },
      { type: 'recording-stopped', at: 2, instanceId: 'a' },
      { type: 'recording-started', at: 3, instanceId: 'a', recordingId: 'r2' },
    ]);
    expect(s.recordings.a).toMatchObject({ status: 'recording', recordingId: 'r2' });
  });

  it('does not reopen a closed instance on pause, error or stop events', () => {
    const closed = run([
      { type: 'recording-started', at: 1, instanceId: 'a', recordingId: 'r1' },
      { type: 'recording-stopped', at: 2, instanceId: 'a' },
    ]);
    for (const late of [
      { type: 'recording-paused', at: 3, instanceId: 'a' },
      { type: 'recording-resumed', at: 3, instanceId: 'a' },
      { type: 'recording-stopping', at: 3, instanceId: 'a' },
      { type: 'recording-stopped', at: 3, instanceId: 'a' },
      { type: 'recording-error', at: 3, instanceId: 'a', error: err('late') },
    ] as const) {
      const s = reduceOnAir(closed, late);
      expect(s.recordings).toEqual({});
      expect(s.recordingError).toBeUndefined();
    }
  });

  it('keeps paused time out of the clock and survives duplicate pause/resume', () => {
    const s = run([
      { type: 'recording-started', at: 0, recordingId: 'r' },
      { type: 'recording-paused', at: 10_000 },
      { type: 'recording-paused', at: 12_000 },
      { type: 'recording-resumed', at: 15_000 },
      { type: 'recording-resumed', at: 16_000 },
    ]);
    expect(s.recordings.default).toMatchObject({ status: 'recording', pausedMs: 5000, pausedAt: undefined });
  });

  it('a failed start returns to a usable error state with the reason', () => {
    const s = run([
      { type: 'recording-requested', command: 'start-recording', at: 1 },
      { type: 'recording-error', at: 2, error: err('Recording is not enabled for this room') },
    ]);
    expect(status(s)).toBe('error');
    expect(s.recordingError?.message).toBe('Recording is not enabled for this room');
    const again = reduceOnAir(s, { type: 'recording-requested', command: 'start-recording', at: 3 });
    expect(status(again)).toBe('starting');
    expect(again.recordingError).toBeUndefined();
  });

  it('a failed stop keeps the recording running and shows why', () => {
    const s = run([
      { type: 'recording-started', at: 1, recordingId: 'r' },
      { type: 'recording-requested', command: 'stop-recording', at: 2 },
      { type: 'recording-request-failed', at: 3, error: err('network down') },
    ]);
    expect(s.recordings.default).toMatchObject({ status: 'recording', error: { message: 'network down' } });
  });

  it('a failed stop of a paused recording returns to paused', () => {
    const s = run([
      { type: 'recording-started', at: 1 },
      { type: 'recording-paused', at: 2 },
      { type: 'recording-requested', command: 'stop-recording', at: 3 },
      { type: 'recording-request-failed', at: 4, error: err('nope') },
    ]);
    expect(s.recordings.default?.status).toBe('paused');
  });

  it('an error without instance id ends the only open recording', () => {
    const s = run([
      { type: 'recording-started', at: 1, instanceId: 'x' },
      { type: 'recording-error', at: 2, error: err('disk full') },
    ]);
    expect(s.recordings).toEqual({});
    expect(s.recordingError?.message).toBe('disk full');
  });

  it('an error without instance id leaves several open recordings alone but shows the message', () => {
    const s = run([
      { type: 'recording-started', at: 1, instanceId: 'x' },
      { type: 'recording-started', at: 1, instanceId: 'y' },
      { type: 'recording-error', at: 2, error: err('which one?') },
    ]);
    expect(Object.keys(s.recordings)).toEqual(['x', 'y']);
    expect(s.recordingError?.message).toBe('which one?');
  });

  it('moves a pending default start to the instance id the provider answers with', () => {
    const s = run([
      { type: 'recording-requested', command: 'start-recording', at: 1 },
      { type: 'recording-started', at: 2, instanceId: 'uuid-1', recordingId: 'r' },
    ]);
    expect(Object.keys(s.recordings)).toEqual(['uuid-1']);
    expect(s.recordings['uuid-1']).toMatchObject({ status: 'recording', openedAt: 1 });
  });

  it('stays stopping when a late started event arrives after a stop request', () => {
    const s = run([
      { type: 'recording-requested', command: 'start-recording', at: 1 },
      { type: 'recording-requested', command: 'stop-recording', at: 2 },
      { type: 'recording-started', at: 3, recordingId: 'r' },
    ]);
    expect(s.recordings.default?.status).toBe('stopping');
  });

  it('double start request is one session', () => {
    const once = run([{ type: 'recording-requested', command: 'start-recording', at: 1 }]);
    const twice = reduceOnAir(once, { type: 'recording-requested', command: 'start-recording', at: 2 });
    expect(twice).toBe(once);
  });
});

describe('reduceOnAir — live stream', () => {
  it('maps connected/interrupted and keeps per-endpoint state', () => {
    let s = run([
      { type: 'live-stream-started', at: 1, instanceId: 'l' },
      { type: 'live-stream-updated', at: 2, instanceId: 'l', state: 'connected', endpoint: 'yt' },
      { type: 'live-stream-updated', at: 3, instanceId: 'l', state: 'connected', endpoint: 'tw' },
      { type: 'live-stream-updated', at: 4, instanceId: 'l', state: 'interrupted', endpoint: 'yt' },
    ]);
    expect(s.liveStreams.l?.status).toBe('live');
    expect(s.liveStreams.l?.endpoints.yt).toEqual({ endpoint: 'yt', status: 'interrupted', since: 4 });
    s = reduceOnAir(s, { type: 'live-stream-updated', at: 5, instanceId: 'l', state: 'interrupted', endpoint: 'tw' });
    expect(s.liveStreams.l).toMatchObject({ status: 'interrupted', interruptedAt: 5 });
    s = reduceOnAir(s, { type: 'live-stream-updated', at: 9, instanceId: 'l', state: 'connected', endpoint: 'tw' });
    expect(s.liveStreams.l).toMatchObject({ status: 'live', interruptedAt: undefined });
  });

  it('returns the same state for a repeated update (no re-render)', () => {
    const s = run([
      { type: 'live-stream-started', at: 1 },
      { type: 'live-stream-updated', at: 2, state: 'connected' },
    ]);
    expect(reduceOnAir(s, { type: 'live-stream-updated', at: 3, state: 'connected' })).toBe(s);
  });

  it('does not reopen a stopped stream on a late update or error', () => {
    const s = run([
      { type: 'live-stream-started', at: 1, instanceId: 'l' },
      { type: 'live-stream-stopped', at: 2, instanceId: 'l' },
      { type: 'live-stream-updated', at: 3, instanceId: 'l', state: 'connected' },
      { type: 'live-stream-error', at: 4, instanceId: 'l', error: err('late') },
    ]);
    expect(s.liveStreams).toEqual({});
    expect(s.liveStreamError).toBeUndefined();
  });

  it('a live-stream error without instance id ends the only stream and keeps the reason', () => {
    const s = run([
      { type: 'live-stream-requested', command: 'start-live-stream', at: 1 },
      { type: 'live-stream-error', at: 2, error: err('Invalid RTMP URL') },
    ]);
    expect(selectLiveStreamSession(s)).toBeUndefined();
    expect(s.liveStreamError?.message).toBe('Invalid RTMP URL');
  });

  it('shows a warning without ending the stream', () => {
    const s = run([
      { type: 'live-stream-started', at: 1 },
      { type: 'live-stream-warning', at: 2, message: 'bitrate low' },
    ]);
    expect(s.liveStreams.default).toMatchObject({ status: 'live', warning: 'bitrate low' });
  });

  it('a late joiner learns of a running stream from an update', () => {
    const s = run([{ type: 'live-stream-updated', at: 7, instanceId: 'q', state: 'interrupted' }]);
    expect(s.liveStreams.q).toMatchObject({ status: 'interrupted', interruptedAt: 7 });
  });
});

describe('reduceOnAir — totality', () => {
  const garbage: unknown[] = [
    null,
    undefined,
    42,
    'recording-started',
    {},
    { type: 'no-such-event', at: 1 },
    { type: 'recording-started' },
    { type: 'recording-started', at: Number.NaN },
    { type: 'recording-error', at: 1 },
    { type: 'recording-error', at: 1, error: 'boom' },
    { type: 'recording-started', at: 1, instanceId: 42 },
    { type: 'state-seeded', at: 1, recordings: 'nope' },
    { type: 'state-seeded', at: 1, recordings: [null, 3], liveStreams: [null] },
    { type: 'participant-named', at: 1, participantId: 3, name: null },
  ];

  it.each(garbage.map((g) => [JSON.stringify(g) ?? String(g), g]))('ignores %s', (_name, event) => {
    const before = run([{ type: 'recording-started', at: 1, recordingId: 'r' }]);
    expect(reduceOnAir(before, event as OnAirEvent)).toBe(before);
  });

  it('seeds only what live events have not already said', () => {
    const s = run([
      { type: 'recording-started', at: 5, instanceId: 'a', recordingId: 'live' },
      {
        type: 'state-seeded',
        at: 6,
        recordings: [
          { instanceId: 'a', recordingId: 'stale', startedAt: 1 },
          { instanceId: 'b', recordingId: 'seeded', startedAt: 2, status: 'paused' },
        ],
        liveStreams: [{ status: 'live', startedAt: 3 }],
      },
    ]);
    expect(s.recordings.a?.recordingId).toBe('live');
    expect(s.recordings.b).toMatchObject({ status: 'paused', startedAt: 2, recordingId: 'seeded' });
    expect(s.liveStreams.default).toMatchObject({ status: 'live', startedAt: 3 });
  });

  it('resets on session-left', () => {
    const s = run([
      { type: 'recording-started', at: 1 },
      { type: 'session-joined', at: 1, localParticipantId: 'me', role: 'moderator' },
      { type: 'session-left', at: 2 },
    ]);
    expect(s).toEqual(initialOnAirState);
  });

  it('yields a valid state for random event orders', () => {
    const pool: OnAirEvent[] = [
      { type: 'recording-requested', command: 'start-recording', at: 1 },
      { type: 'recording-requested', command: 'stop-recording', at: 1 },
      { type: 'recording-requested', command: 'pause-recording', at: 1, instanceId: 'a' },
      { type: 'recording-started', at: 2, instanceId: 'a', recordingId: 'r' },
      { type: 'recording-paused', at: 3, instanceId: 'a' },
      { type: 'recording-resumed', at: 4, instanceId: 'a' },
      { type: 'recording-stopping', at: 5 },
      { type: 'recording-stopped', at: 6, instanceId: 'a' },
      { type: 'recording-error', at: 7, error: err('e') },
      { type: 'recording-request-failed', at: 7, error: err('f') },
      { type: 'live-stream-requested', command: 'start-live-stream', at: 1 },
      { type: 'live-stream-started', at: 2 },
      { type: 'live-stream-updated', at: 3, state: 'interrupted', endpoint: 'e' },
      { type: 'live-stream-stopped', at: 4 },
      { type: 'live-stream-request-failed', at: 5, error: err('g') },
      { type: 'session-left', at: 9 },
    ];
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const validRec = new Set(['starting', 'recording', 'paused', 'stopping', 'error']);
    const validLive = new Set(['starting', 'live', 'interrupted', 'stopping', 'error']);
    for (let round = 0; round < 300; round++) {
      let s = initialOnAirState;
      for (let i = 0; i < 25; i++) {
        s = reduceOnAir(s, pool[Math.floor(rand() * pool.length)]!);
        for (const r of Object.values(s.recordings)) {
          expect(validRec.has(r.status)).toBe(true);
          expect(r.pausedMs).toBeGreaterThanOrEqual(0);
        }
        for (const l of Object.values(s.liveStreams)) expect(validLive.has(l.status)).toBe(true);
      }
    }
  });
});
