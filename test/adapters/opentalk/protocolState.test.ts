import { describe, expect, it } from 'vitest';
import { selectRecordingSession } from '../../../src/core/selectors.js';
import current from '../../fixtures/opentalk/current.json';
import { A1, openTalkHarness } from './harness.js';

/**
 * The adapter keeps only protocol facts (see the list at the top of src/adapters/opentalk/facts.ts).
 * These tests pin what each kept fact is for: drop the fact and its test fails.
 */

const B1 = '00000000-0000-0000-0000-0000000000b1';
const T7C = '00000000-0000-0000-0000-00000000007c';

const harness = (participantId = A1) => openTalkHarness({ participantId });

const recordingUpdated = (status: string, timestamp = '2026-11-20T10:00:00Z') => ({ namespace: 'recording', timestamp, payload: { message: 'recording_updated', status } });
const streamUpdated = (status: string, timestamp = '2026-11-20T10:00:00Z') => ({
  namespace: 'recording',
  timestamp,
  payload: { message: 'stream_updated', target_id: T7C, status },
});

describe('OpenTalk adapter state: replay is one snapshot of the server’s words', () => {
  it('a second sink gets the paused recording as the cloud recording it is, with its starter, and the interrupted stream', () => {
    const h = harness();
    h.feed(current.joinSuccessRecording, current.recordingPaused, current.streamRequested, current.streamActive, current.streamPaused);
    expect(selectRecordingSession(h.state())).toMatchObject({ status: 'paused', type: 'cloud', startedBy: B1 });
    h.disconnect();
    const again = h.reconnect();
    // the same translation as join_success: the recording type is not lost on the way
    expect(selectRecordingSession(again.state())).toMatchObject({ status: 'paused', type: 'cloud', startedBy: B1 });
    expect(again.state().liveStreams[T7C]?.status).toBe('interrupted');
    expect(again.events.filter((e) => e.type === 'state-seeded')).toHaveLength(1);
  });
});

describe('OpenTalk adapter state: what the server says runs', () => {
  it('a stop of a recording that never opened is not told, so a start right after it still opens', () => {
    const h = harness(B1);
    h.feed(current.joinSuccessIdle, recordingUpdated('inactive'), recordingUpdated('requested'));
    expect(h.events.some((e) => e.type === 'recording-stopped')).toBe(false);
    expect(selectRecordingSession(h.state())?.status).toBe('starting');
  });

  it('a stop of a stream target that never ran is not told, so a start right after it still opens', () => {
    const h = harness(B1);
    h.feed(current.joinSuccessIdle, streamUpdated('inactive'), streamUpdated('requested'), streamUpdated('active'));
    expect(h.events.some((e) => e.type === 'live-stream-stopped')).toBe(false);
    expect(h.state().liveStreams[T7C]?.status).toBe('live');
  });

  it('a stream first seen paused opens interrupted; its `active` then reconnects it (OpenTalk has no "resumed")', () => {
    const h = harness(B1);
    h.feed(current.joinSuccessIdle, streamUpdated('paused'));
    expect(h.state().liveStreams[T7C]?.status).toBe('interrupted');
    h.feed(streamUpdated('active', '2026-11-20T10:00:05Z'));
    expect(h.state().liveStreams[T7C]?.status).toBe('live');
    expect(h.events.at(-1)).toMatchObject({ type: 'live-stream-updated', instanceId: T7C, state: 'connected' });
  });
});
