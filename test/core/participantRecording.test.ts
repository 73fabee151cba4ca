import { describe, expect, it } from 'vitest';
import type { OnAirEvent } from '../../src/core/events.js';
import { initialOnAirState, type OnAirState } from '../../src/core/model.js';
import { reduceOnAir } from '../../src/core/reduceOnAir.js';

const run = (events: readonly OnAirEvent[], from: OnAirState = initialOnAirState): OnAirState => events.reduce(reduceOnAir, from);
const phase = (p: 'starting' | 'started' | 'stopping' | 'stopped' | 'failed', at: number, extra: object = {}): OnAirEvent =>
  ({ type: 'participant-recording', participantId: 'p1', phase: p, at, sessionId: 's1', ...extra }) as OnAirEvent;

describe('participant recording', () => {
  it('follows starting → started → stopping → stopped with files', () => {
    const s = run([
      phase('starting', 1),
      phase('started', 2),
      phase('stopping', 3),
      phase('stopped', 4, { files: [{ url: 'https://cdn.example/p1.mp4', path: 'rec/p1.mp4' }] }),
    ]);
    expect(s.participantRecordings.p1).toMatchObject({
      status: 'idle',
      startedAt: 2,
      stoppedAt: 4,
      files: [{ url: 'https://cdn.example/p1.mp4', path: 'rec/p1.mp4' }],
    });
  });

  it('ignores out-of-order and duplicate webhooks', () => {
    const done = run([phase('started', 2), phase('stopped', 5, { files: [{ url: 'https://x/y.mp4' }] })]);
    expect(run([phase('started', 3), phase('starting', 1)], done)).toBe(done);
    const started = run([phase('started', 2)]);
    expect(reduceOnAir(started, phase('started', 2))).toBe(started);
  });

  it('keeps the failure reason', () => {
    const s = run([phase('starting', 1), phase('failed', 2, { error: { code: 'x', message: 'bucket unreachable', at: 2 } })]);
    expect(s.participantRecordings.p1).toMatchObject({ status: 'error', error: { message: 'bucket unreachable' } });
  });

  it('a failed local start request rolls back to a usable error state', () => {
    const s = run([
      { type: 'participant-recording-request', participantId: 'p1', command: 'start-recording', at: 1 },
      { type: 'participant-recording-request', participantId: 'p1', command: 'start-recording', at: 1, error: { code: 'http-403', message: 'Not allowed', at: 1 } },
    ]);
    expect(s.participantRecordings.p1).toMatchObject({ status: 'error', pending: undefined, error: { message: 'Not allowed' } });
  });

  it('a failed stop keeps the recording running', () => {
    const s = run([
      phase('started', 1),
      { type: 'participant-recording-request', participantId: 'p1', command: 'stop-recording', at: 2 },
      { type: 'participant-recording-request', participantId: 'p1', command: 'stop-recording', at: 3, error: { code: 'x', message: 'timeout', at: 3 } },
    ]);
    expect(s.participantRecordings.p1?.status).toBe('recording');
  });

  it('ignores malformed events', () => {
    const s = run([phase('started', 1)]);
    for (const bad of [
      { type: 'participant-recording', at: 2, phase: 'started' },
      { type: 'participant-recording', at: 2, participantId: 'p1', phase: 'exploded' },
    ]) {
      expect(reduceOnAir(s, bad as unknown as OnAirEvent)).toBe(s);
    }
  });
});
