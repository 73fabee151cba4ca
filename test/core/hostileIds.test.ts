import { describe, expect, it } from 'vitest';
import type { OnAirEvent } from '../../src/core/events.js';
import { initialOnAirState, MAX_CLOSED_INSTANCES, type OnAirState } from '../../src/core/model.js';
import { reduceOnAir } from '../../src/core/reduceOnAir.js';
import {
  liveStreamStatusOf,
  recordingStatusOf,
  selectConsentRoster,
  selectLiveStreamSession,
  selectMyConsent,
  selectRecordingSession,
} from '../../src/core/selectors.js';

const run = (events: readonly OnAirEvent[], from: OnAirState = initialOnAirState): OnAirState => events.reduce(reduceOnAir, from);
const recStatus = (s: OnAirState) => recordingStatusOf(selectRecordingSession(s), s.recordingError);
const liveStatus = (s: OnAirState) => liveStreamStatusOf(selectLiveStreamSession(s), s.liveStreamError);

/** Ids that name something on `Object.prototype`. */
const HOSTILE = ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];

describe('reduceOnAir — ids that name Object.prototype members', () => {
  it.each(HOSTILE)('a recording with instance id %j starts, shows, and stops to idle', (id) => {
    let s = run([{ type: 'recording-started', at: 1, instanceId: id, recordingId: `r-${id}` }]);
    expect(recStatus(s)).toBe('recording');
    expect(selectRecordingSession(s)).toMatchObject({ instanceId: id, status: 'recording', recordingId: `r-${id}` });
    expect(Object.keys(s.recordings)).toEqual([id]);
    s = run([{ type: 'recording-stopped', at: 2, instanceId: id }], s);
    expect(recStatus(s)).toBe('idle');
    expect(Object.keys(s.recordings)).toEqual([]);
    // A late duplicate of its start does not bring "REC" back.
    s = run([{ type: 'recording-started', at: 3, instanceId: id, recordingId: `r-${id}` }], s);
    expect(recStatus(s)).toBe('idle');
  });

  it.each(HOSTILE)('an event for instance %j that never opened creates nothing', (id) => {
    const s = run([
      { type: 'recording-paused', at: 1, instanceId: 'other' },
      { type: 'recording-stopping', at: 1, instanceId: id },
      { type: 'recording-resumed', at: 1, instanceId: id },
      { type: 'live-stream-stopping', at: 1, instanceId: id },
    ]);
    expect(Object.keys(s.recordings)).toEqual(['other']);
    expect(selectRecordingSession(s, id)).toBeUndefined();
    expect(selectLiveStreamSession(s, id)).toBeUndefined();
    expect(liveStatus(s)).toBe('idle');
  });

  it.each(HOSTILE)('a live stream with instance id and endpoint %j goes live, interrupts and stops', (id) => {
    let s = run([
      { type: 'live-stream-started', at: 1, instanceId: id },
      { type: 'live-stream-updated', at: 2, instanceId: id, state: 'connected', endpoint: id },
      { type: 'live-stream-updated', at: 3, instanceId: id, state: 'interrupted', endpoint: id },
    ]);
    expect(liveStatus(s)).toBe('interrupted');
    expect(Object.keys(selectLiveStreamSession(s)?.endpoints ?? {})).toEqual([id]);
    s = run([{ type: 'live-stream-stopped', at: 4, instanceId: id }], s);
    expect(liveStatus(s)).toBe('idle');
  });

  it.each(HOSTILE)('a participant with id %j is named, consents and leaves; stopping their absent recording changes nothing', (id) => {
    let s = run([
      { type: 'recording-started', at: 1 },
      { type: 'participant-joined', at: 1, participantId: id, name: 'Ada' },
      { type: 'consent-updated', at: 2, participantId: id, consent: true },
    ]);
    expect(selectMyConsent(s, id)).toBe(true);
    expect(selectConsentRoster(s, 'me')).toEqual([{ participantId: id, name: 'Ada', status: 'consented', isLocal: false }]);
    s = run([{ type: 'participant-left', at: 3, participantId: id }], s);
    expect(selectConsentRoster(s, 'me')).toEqual([]);
    expect(selectMyConsent(s, id)).toBeUndefined();
    const before = s;
    s = run([{ type: 'participant-recording-request', at: 4, participantId: id, command: 'stop-recording' }], s);
    expect(s).toBe(before);
    expect(Object.keys(s.participantRecordings)).toEqual([]);
  });

  it('ignores a participant-recording phase named after a prototype member', () => {
    const s = run([{ type: 'participant-recording', at: 1, participantId: 'p', phase: 'constructor' as 'started' }]);
    expect(s).toBe(initialOnAirState);
  });

  it('keeps the tables free of prototype surprises', () => {
    const s = run([{ type: 'recording-started', at: 1, instanceId: '__proto__' }]);
    expect(Object.getPrototypeOf(s.recordings)).toBeNull();
    expect(Object.getPrototypeOf(s.closed)).toBeNull();
    expect(Object.getPrototypeOf(s.participantNames)).toBeNull();
  });
});

describe('reduceOnAir — a meeting’s history does not pile up', () => {
  it(`remembers at most ${MAX_CLOSED_INSTANCES} closed instances over 2,000 recordings and streams`, () => {
    let s = initialOnAirState;
    for (let i = 0; i < 2_000; i += 1) {
      s = run(
        [
          { type: 'recording-started', at: i * 10, instanceId: `rec-${i}`, recordingId: `r${i}` },
          { type: 'live-stream-started', at: i * 10 + 1, instanceId: `live-${i}` },
          { type: 'recording-stopped', at: i * 10 + 2, instanceId: `rec-${i}` },
          { type: 'live-stream-stopped', at: i * 10 + 3, instanceId: `live-${i}` },
        ],
        s,
      );
    }
    expect(Object.keys(s.closed).length).toBeLessThanOrEqual(MAX_CLOSED_INSTANCES);
    expect(Object.keys(s.recordings)).toEqual([]);
    // The newest are the ones remembered: a late duplicate of the last recording's start is refused.
    s = run([{ type: 'recording-started', at: 20_000, instanceId: 'rec-1999', recordingId: 'r1999' }], s);
    expect(recStatus(s)).toBe('idle');
  });
});

describe('reduceOnAir — a stop that arrives before its start', () => {
  it('leaves no recording stuck when Daily’s stop overtakes its start', () => {
    const s = run([
      { type: 'recording-stopped', at: 100, instanceId: 'i1' },
      { type: 'recording-started', at: 101, instanceId: 'i1', recordingId: 'r1' },
      { type: 'recording-paused', at: 102, instanceId: 'i1' },
    ]);
    expect(recStatus(s)).toBe('idle');
    expect(s.recordings).toEqual({});
  });

  it('leaves no live stream stuck, and ignores its late updates', () => {
    const s = run([
      { type: 'live-stream-stopped', at: 100, instanceId: 'l1' },
      { type: 'live-stream-started', at: 100, instanceId: 'l1' },
      { type: 'live-stream-updated', at: 101, instanceId: 'l1', state: 'connected', endpoint: 'yt' },
    ]);
    expect(liveStatus(s)).toBe('idle');
  });

  it('leaves nothing stuck when a local start is answered by stop, then started', () => {
    const s = run([
      { type: 'recording-requested', command: 'start-recording', at: 1 },
      { type: 'recording-stopped', at: 2, instanceId: 'daily-1' },
      { type: 'recording-started', at: 3, instanceId: 'daily-1', recordingId: 'r1' },
    ]);
    expect(recStatus(s)).toBe('idle');
  });

  it('leaves nothing stuck when an error for an instance overtakes its start', () => {
    const s = run([
      { type: 'recording-error', at: 10, instanceId: 'e1', error: { code: 'x', message: 'no recorder', at: 10 } },
      { type: 'recording-started', at: 11, instanceId: 'e1' },
    ]);
    expect(recStatus(s)).toBe('error');
    expect(s.recordingError?.message).toBe('no recorder');
    // An error that ends a start asked for here is no overtaken stop: a new start of the same
    // instance (Daily reuses its default instance id) opens.
    const retry = run([
      { type: 'recording-requested', command: 'start-recording', at: 1, instanceId: 'd' },
      { type: 'recording-error', at: 2, instanceId: 'd', error: { code: 'x', message: 'busy', at: 2 } },
      { type: 'recording-started', at: 3, instanceId: 'd', startedBy: 'someone-else' },
    ]);
    expect(recStatus(retry)).toBe('recording');
  });

  it('swallows the overtaken start, yet lets a later, new start on the same instance id open (Daily reuses its default instance id)', () => {
    let s = run([
      { type: 'recording-stopped', at: 100, instanceId: 'i1' },
      { type: 'recording-started', at: 101, instanceId: 'i1' },
    ]);
    expect(recStatus(s)).toBe('idle');
    s = run([{ type: 'recording-started', at: 60_000, instanceId: 'i1', recordingId: 'r2' }], s);
    expect(recStatus(s)).toBe('recording');
    s = run([
      { type: 'recording-stopped', at: 61_000, instanceId: 'i1' },
      { type: 'recording-started', at: 62_000, instanceId: 'i1', recordingId: 'r3' },
    ], s);
    expect(selectRecordingSession(s)).toMatchObject({ status: 'recording', recordingId: 'r3' });
  });

  it('ends the only open recording on a stop that names no instance', () => {
    const s = run([
      { type: 'recording-started', at: 1, instanceId: 'abc' },
      { type: 'recording-stopped', at: 2 },
    ]);
    expect(recStatus(s)).toBe('idle');
  });
});
