import { describe, expect, it } from 'vitest';
import { dailyRoleOf, parseDailyEvent, type DailyParsed } from '../../../src/adapters/daily/index.js';
import live from '../../fixtures/daily/live-streaming.json';
import malformed from '../../fixtures/daily/malformed.json';
import participants from '../../fixtures/daily/participants.json';
import recording from '../../fixtures/daily/recording.json';

const AT = 1_700_000_000_000;

function ok(payload: unknown): DailyParsed {
  const result = parseDailyEvent(payload, AT);
  if (result.kind !== 'parsed') throw new Error(`expected parsed, got problem: ${result.message}`);
  return result;
}

describe('parseDailyEvent — recording', () => {
  it('maps a cloud recording-started with every documented field', () => {
    expect(ok(recording.startedCloud).events).toEqual([
      {
        type: 'recording-started',
        at: AT,
        instanceId: '00000000-0000-4000-8000-000000000000',
        recordingId: 'cab2be92-1551-42d8-bcdf-11fe7bd81923',
        recordingType: 'cloud',
        startedBy: '1c6d5474-b133-4993-c943-f1ffdbb38cad',
        layout: { preset: 'default' },
        local: true,
      },
    ]);
  });

  it.each([
    ['startedCloudAudioOnly', 'cloud-audio-only'],
    ['startedRawTracks', 'raw-tracks'],
    ['startedLocalByMe', 'local'],
  ] as const)('keeps the recording type of %s', (name, type) => {
    const [event] = ok(recording[name]).events;
    expect(event).toMatchObject({ type: 'recording-started', recordingType: type });
  });

  it('18.6: a bare recording-started / -stopped (daily-js\' echo of a remote `record` flag) yields nothing: the participant event carries it', () => {
    expect(ok(recording.startedBare).events).toEqual([]);
    expect(ok(recording.stoppedBare).events).toEqual([]);
  });

  it('maps recording-stopped with and without instanceId', () => {
    expect(ok(recording.stopped).events).toEqual([{ type: 'recording-stopped', at: AT, instanceId: '00000000-0000-4000-8000-000000000000' }]);
    expect(ok({ action: 'recording-stopped', instanceId: '', callClientId: 'c' }).events).toEqual([{ type: 'recording-stopped', at: AT, instanceId: undefined }]);
  });

  it('carries recording-error messages and treats an unusable instanceId as absent', () => {
    expect(ok(recording.error).events[0]).toEqual({
      type: 'recording-error',
      at: AT,
      instanceId: '00000000-0000-4000-8000-000000000000',
      error: { code: 'recording-error', message: 'Recording failed: the recording service could not join the call', at: AT },
    });
    expect(ok(recording.errorWithoutInstance).events[0]).toMatchObject({ instanceId: undefined, error: { message: 'Recording failed' } });
    expect(ok(recording.errorWithNumericInstance).events[0]).toMatchObject({ instanceId: undefined, error: { message: 'Recording failed' } });
  });

  it('gives an error without errorMsg a readable message', () => {
    expect(ok({ action: 'recording-error' }).events[0]).toMatchObject({ error: { message: 'The recording failed.' } });
  });
});

describe('parseDailyEvent — live streaming', () => {
  it('maps live-streaming-started with its layout', () => {
    expect(ok(live.started).events).toEqual([
      { type: 'live-stream-started', at: AT, instanceId: '00000000-0000-4000-8000-000000000000', layout: { preset: 'default' } },
    ]);
  });

  it('maps live-streaming-updated with the endpoint name', () => {
    expect(ok(live.updatedInterruptedYoutube).events).toEqual([
      { type: 'live-stream-updated', at: AT, instanceId: '00000000-0000-4000-8000-000000000000', state: 'interrupted', endpoint: 'youtube' },
    ]);
    expect(ok(live.updatedInterruptedNoEndpoint).events[0]).toMatchObject({ state: 'interrupted', endpoint: undefined, instanceId: undefined });
  });

  it('maps live-streaming-stopped and errors (instanceId missing or a number → absent)', () => {
    expect(ok(live.stopped).events[0]).toMatchObject({ type: 'live-stream-stopped', instanceId: '00000000-0000-4000-8000-000000000000' });
    expect(ok(live.error).events[0]).toMatchObject({
      type: 'live-stream-error',
      error: { code: 'live-streaming-error', message: 'RTMP connection refused by rtmps://live.example.com/app' },
    });
    expect(ok(live.errorWithoutInstance).events[0]).toMatchObject({ instanceId: undefined, error: { message: 'Live streaming is not enabled for this domain' } });
    expect(ok(live.errorWithNumericInstance).events[0]).toMatchObject({ instanceId: undefined, error: { message: 'Live stream failed' } });
  });

  it('maps a live-streaming-warning nonfatal-error and ignores other nonfatal errors', () => {
    expect(ok(live.warning).events).toEqual([{ type: 'live-stream-warning', at: AT, instanceId: undefined, message: 'Live stream is dropping frames' }]);
    expect(ok(live.otherNonFatal).events).toEqual([]);
  });
});

describe('parseDailyEvent — participants', () => {
  it('maps joined-meeting to session-joined with the local role and lists every participant', () => {
    const result = ok(participants.joinedMeeting);
    expect(result.events).toEqual([{ type: 'session-joined', at: AT, localParticipantId: 'me-1111', role: 'moderator' }]);
    expect(result.participants).toEqual([
      { sessionId: 'me-1111', name: 'Margaret', local: true, role: 'moderator', recording: false },
      { sessionId: 'rec-2222', name: 'Katherine', local: false, role: 'participant', recording: true },
      { sessionId: 'guest-3333', name: undefined, local: false, role: 'participant', recording: false },
    ]);
  });

  it('maps left-meeting and participant-left', () => {
    expect(ok(participants.leftMeeting).events).toEqual([{ type: 'session-left', at: AT }]);
    expect(ok(participants.remoteLeft).events).toEqual([{ type: 'participant-left', at: AT, participantId: 'late-4444' }]);
  });

  it('derives the role from owner and canAdmin (boolean, Set or array)', () => {
    expect(dailyRoleOf({ owner: true })).toBe('moderator');
    expect(dailyRoleOf({ owner: false, permissions: { canAdmin: true } })).toBe('moderator');
    expect(dailyRoleOf({ owner: false, permissions: { canAdmin: new Set(['streaming']) } })).toBe('moderator');
    // Daily's model: 'participants' (admin over participants) alone grants no recording or streaming rights.
    expect(dailyRoleOf({ owner: false, permissions: { canAdmin: ['participants'] } })).toBe('participant');
    expect(dailyRoleOf({ owner: false, permissions: { canAdmin: new Set(['transcription']) } })).toBe('participant');
    expect(dailyRoleOf({ owner: false, permissions: { canAdmin: false } })).toBe('participant');
    // 18.9: neither owner nor canAdmin said: not known — the control stays offered, Daily's refusal shown.
    expect(dailyRoleOf({})).toBeUndefined();
    expect(dailyRoleOf({ permissions: {} })).toBeUndefined();
  });
});

describe('parseDailyEvent — malformed payloads', () => {
  it.each(Object.entries(malformed).filter(([key]) => key !== '_source'))('reports %s as a problem and never throws', (_name, payload) => {
    const result = parseDailyEvent(payload, AT);
    expect(result.kind).toBe('problem');
    if (result.kind === 'problem') expect(result.message.length).toBeGreaterThan(10);
  });

  it('names the offending field', () => {
    const result = parseDailyEvent(malformed.liveUpdatedBadState, AT);
    expect(result.kind === 'problem' && result.message).toContain('state');
  });

  it('accepts null and undefined without throwing', () => {
    expect(parseDailyEvent(null, AT).kind).toBe('problem');
    expect(parseDailyEvent(undefined, AT).kind).toBe('problem');
  });

  it('passes unknown actions through as no events', () => {
    expect(ok({ action: 'track-started' }).events).toEqual([]);
  });
});
