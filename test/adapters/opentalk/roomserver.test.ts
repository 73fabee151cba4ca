import { describe, expect, it } from 'vitest';
import { noCapabilities } from '../../../src/core/adapter.js';
import { liveStreamPermissions, recordingPermissions, selectRecordingSession } from '../../../src/core/selectors.js';
import { openTalkCapabilities } from '../../../src/adapters/opentalk/index.js';
import intermediate from '../../fixtures/opentalk/intermediate.json';
import roomserverJson from '../../fixtures/opentalk/roomserver.json';
import { openTalkHarness } from './harness.js';

// Read as off the wire (JSON.parse), so the fixture is what a socket hands the listener.
const roomserver = JSON.parse(JSON.stringify(roomserverJson)) as typeof roomserverJson;
const { snapshots: snap, composed } = roomserver;

const ALICE = '00000000-0000-0000-0000-0000000a11ce';
const BOB = '00000000-0000-0000-0000-000000000b0b';
const NIL = '00000000-0000-0000-0000-000000000000';
const T7B = '00000000-0000-0000-0000-00000000007b';
const T7C = '00000000-0000-0000-0000-00000000007c';

const recordingUpdated = (status: string) => ({ timestamp: '1970-01-01T00:00:05Z', namespace: 'recording', payload: { message: 'recording_updated', status } });

describe('18: OpenTalk roomserver — the join comes in the core namespace with nested module data', () => {
  it('18: roomserver join_success (core, module_data.recording nested) seeds the recording, streams, my role and the roster', () => {
    const h = openTalkHarness({ participantId: 'app-id' });
    h.feed(composed.joinRecording);
    expect(h.adapter.protocol()).toBe('current');
    const s = h.state();
    expect(s.localParticipantId).toBe(BOB);
    expect(s.providerRole).toBe('participant'); // "user" may not record
    expect(selectRecordingSession(s)?.status).toBe('recording');
    expect(s.liveStreams[T7B]?.status).toBe('live');
    // participants[].module_data.core gives the name, module_data.recording the consent
    expect(s.participantNames[ALICE]).toBe('Alice the angry');
    expect(s.participantNames[BOB]).toBe('Bob the bold');
    expect(s.consents[ALICE]).toMatchObject({ consent: true });
    // The moderator among the participants started the recording the server does not attribute.
    expect(selectRecordingSession(s)?.startedBy).toBe(ALICE);
    expect(h.warnings).toEqual([]);
  });

  it('18: roomserver join_success snapshot (core/event.rs, verbatim) is read: id, guest role, and recording turned off', () => {
    const h = openTalkHarness({ participantId: 'app-id' });
    h.feed(snap.coreJoinSuccess);
    const s = h.state();
    expect(s.localParticipantId).toBe(NIL);
    expect(s.providerRole).toBe('participant');
    expect(s.participantNames[NIL]).toBe('Alice Adams');
    // `recording::record` disabled by the tariff, and no recording module in `enabled_modules`
    expect(s.providerDisabled).toEqual({ recording: true, liveStream: true });
    expect(h.warnings).toEqual([]);
  });

  it('18: roomserver participants (tests/core.rs snapshot): module_data.core names them and tells their role', () => {
    const h = openTalkHarness();
    h.feed(snap.coreJoinSuccessPeer);
    expect(h.state().participantNames[ALICE]).toBe('Alice the angry');
    // Alice is the one moderator: a recording nobody attributes is hers.
    h.feed(recordingUpdated('requested'));
    expect(selectRecordingSession(h.state())?.startedBy).toBe(ALICE);
  });

  it('18: roomserver core participant_connected (snapshot) adds the participant with name; participant_disconnected of the last connection removes them', () => {
    const h = openTalkHarness();
    h.feed(snap.coreJoinSuccess);
    h.feed(snap.participantConnected);
    expect(h.state().participantNames[BOB]).toBe('Bob the bold');
    expect(h.events.at(-1)).toMatchObject({ type: 'participant-joined', participantId: BOB, name: 'Bob the bold' });
    // the envelope exactly as the roomserver's client serializes it (no peer data)
    h.feed(snap.participantConnectedEnvelope);
    expect(h.events.at(-1)).toMatchObject({ type: 'participant-joined', participantId: '00000000-0000-0000-0000-000000000001' });
    const disconnect = (participant_id: string, connection_id: string) => ({
      timestamp: '1970-01-01T00:00:09Z',
      namespace: 'core',
      payload: { message: 'participant_disconnected', participant_id, connection_id, reason: 'quit' },
    });
    h.feed(disconnect('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002'));
    expect(h.events.at(-1)).toMatchObject({ type: 'participant-left', participantId: '00000000-0000-0000-0000-000000000001' });
  });

  it('18: roomserver: a participant with two connections stays until the last one disconnects', () => {
    const h = openTalkHarness();
    h.feed(composed.joinRecording); // Alice has one connection ("[uuid]")
    h.feed({ timestamp: '1970-01-01T00:00:01Z', namespace: 'core', payload: { message: 'participant_connected', participant_id: ALICE, connection_id: 'second' } });
    const disconnect = (connection_id: string) => ({
      timestamp: '1970-01-01T00:00:02Z',
      namespace: 'core',
      payload: { message: 'participant_disconnected', participant_id: ALICE, connection_id, reason: 'quit' },
    });
    h.feed(disconnect('second'));
    expect(h.events.some((e) => e.type === 'participant-left')).toBe(false);
    h.feed(disconnect('[uuid]'));
    expect(h.events.at(-1)).toMatchObject({ type: 'participant-left', participantId: ALICE });
  });

  it('18: roomserver moderation role_updated (snapshot) changes my role; a peer’s role_updated does not', () => {
    const me = openTalkHarness();
    me.feed(snap.coreJoinSuccess); // I am the nil id, a guest
    me.feed(snap.roleUpdatedModerator);
    expect(me.state().providerRole).toBe('moderator');
    me.feed(snap.roleUpdatedUser);
    expect(me.state().providerRole).toBe('participant');

    const other = openTalkHarness();
    other.feed(composed.joinRecording); // I am Bob
    other.feed({ ...snap.roleUpdatedModerator, payload: { ...snap.roleUpdatedModerator.payload, participant_id: ALICE } });
    expect(other.state().providerRole).toBe('participant');
    expect(other.events.some((e) => e.type === 'role-changed')).toBe(false);
  });

  it('18: roomserver recording consent_updated (snapshot) after a core join counts', () => {
    const h = openTalkHarness();
    h.feed(snap.coreJoinSuccess, snap.consentUpdated);
    expect(h.state().consents['00000000-0000-0000-0000-000000000001']).toMatchObject({ consent: true });
  });

  it('18: roomserver recording event snapshots (recording_updated, stream_updated, error) drive the state', () => {
    const h = openTalkHarness();
    h.feed(composed.joinRecording);
    h.feed(snap.streamUpdated);
    expect(h.state().liveStreams[NIL]?.status).toBe('live');
    h.feed(snap.recordingUpdated);
    expect(selectRecordingSession(h.state())?.status).toBe('recording');
    h.feed(snap.error);
    expect(h.events.at(-1)).toMatchObject({ type: 'recording-request-failed', error: { code: 'insufficient_permissions' } });
  });
});

describe('18: OpenTalk roomserver — a feature the room turned off is not offered, with the reason', () => {
  it('18: tariff disabled_features recording::record → can.start false, reason "disabled"; live streams still offered', () => {
    const h = openTalkHarness();
    h.feed(composed.joinRecordDisabledByTariff);
    const s = h.state();
    expect(s.providerDisabled).toEqual({ recording: true, liveStream: false });
    const rec = recordingPermissions(openTalkCapabilities, s.providerRole, 'idle', s.providerDisabled?.recording);
    expect(rec).toMatchObject({ start: false, reason: 'disabled' });
    const live = liveStreamPermissions(openTalkCapabilities, s.providerRole, 'idle', s.providerDisabled?.liveStream);
    expect(live).toMatchObject({ start: true, reason: undefined });
  });

  it('18: tariff disabled_features recording::stream → can.goLive (start) false, reason "disabled"', () => {
    const h = openTalkHarness();
    h.feed(composed.joinStreamDisabledByTariff);
    const s = h.state();
    expect(s.providerDisabled).toEqual({ recording: false, liveStream: true });
    expect(liveStreamPermissions(openTalkCapabilities, 'moderator', 'idle', s.providerDisabled?.liveStream)).toMatchObject({ start: false, reason: 'disabled' });
    expect(recordingPermissions(openTalkCapabilities, 'moderator', 'idle', s.providerDisabled?.recording)).toMatchObject({ start: true });
  });

  it('18: no recording module in enabled_modules → neither recording nor live streaming', () => {
    const h = openTalkHarness();
    h.feed(composed.joinWithoutRecordingModule);
    expect(h.state().providerDisabled).toEqual({ recording: true, liveStream: true });
  });

  it('18: the reason "disabled" ranks after "not supported" and before "not allowed"', () => {
    expect(recordingPermissions(noCapabilities, 'participant', 'idle', true).reason).toBe('not-supported');
    expect(recordingPermissions(openTalkCapabilities, 'participant', 'idle', true).reason).toBe('disabled');
    expect(recordingPermissions(openTalkCapabilities, 'participant', 'idle', false).reason).toBe('not-allowed');
  });

  it('18: a second sink (remount) still knows what the room turned off', () => {
    const h = openTalkHarness();
    h.feed(composed.joinRecordDisabledByTariff);
    h.disconnect();
    expect(h.reconnect().state().providerDisabled).toEqual({ recording: true, liveStream: false });
  });
});

describe('18: OpenTalk live streams — in_use targets and recorder timeouts', () => {
  it('18: roomserver "start all" live streams skips targets in use by another room (the server refuses the whole start_stream)', async () => {
    const h = openTalkHarness();
    h.feed(composed.joinTargetInUse);
    await h.adapter.startLiveStream?.({});
    expect(h.sent.at(-1)).toEqual({ namespace: 'recording', payload: { action: 'start_stream', target_ids: [T7B] } });
  });

  it('18: a stream_updated in_use takes the target out of "start all"; it comes back once inactive', async () => {
    const h = openTalkHarness();
    h.feed(composed.joinTargetInUse);
    h.feed({ timestamp: '1970-01-01T00:00:01Z', namespace: 'recording', payload: { message: 'stream_updated', target_id: T7B, status: 'in_use' } });
    await expect(h.adapter.startLiveStream?.({})).rejects.toThrow();
    h.feed({ timestamp: '1970-01-01T00:00:02Z', namespace: 'recording', payload: { message: 'stream_updated', target_id: T7C, status: 'inactive' } });
    await h.adapter.startLiveStream?.({});
    expect(h.sent.at(-1)?.payload).toEqual({ action: 'start_stream', target_ids: [T7C] });
  });

  it('18: intermediate recorder_error timeout fails the live streams that were starting, not only the recording', async () => {
    const h = openTalkHarness({ participantId: '00000000-0000-0000-0000-0000000000a1' });
    h.feed(intermediate.joinSuccessStarting); // the recording target and a live stream, both starting
    expect(h.state().liveStreams['00000000-0000-0000-0000-000000000001']?.status).toBe('starting');
    h.feed(intermediate.recorderError);
    const s = h.state();
    expect(s.liveStreams['00000000-0000-0000-0000-000000000001']?.status ?? 'idle').not.toBe('starting');
    expect(s.liveStreamError?.code ?? s.liveStreams['00000000-0000-0000-0000-000000000001']?.error?.code).toBe('recorder_timeout');
    expect(s.recordingError?.code).toBe('recorder_timeout');
  });

  it('18: intermediate recorder_error timeout after my own "go live" fails that live stream, not the recording', async () => {
    const h = openTalkHarness({ participantId: '00000000-0000-0000-0000-0000000000a1', role: 'moderator' });
    h.feed(intermediate.joinSuccessIdle);
    await h.adapter.startLiveStream?.({ instanceId: '00000000-0000-0000-0000-000000000001' });
    h.feed(intermediate.recorderError);
    const failed = h.events.filter((e) => e.type === 'live-stream-error' || e.type === 'live-stream-request-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ instanceId: '00000000-0000-0000-0000-000000000001', error: { code: 'recorder_timeout' } });
    expect(h.events.some((e) => e.type === 'recording-error')).toBe(false);
  });
});

describe('18: the envelope and ids, read leniently (schemas without unions)', () => {
  it('18: an envelope whose timestamp is neither a number nor a string is read at "now", not dropped', () => {
    const h = openTalkHarness({ participantId: 'app-id' });
    h.feed(composed.joinRecording);
    h.feed({ namespace: 'recording', timestamp: { seconds: 5 }, payload: { message: 'recording_updated', status: 'paused' } });
    expect(selectRecordingSession(h.state())?.status).toBe('paused');
    expect(h.warnings).toEqual([]);
  });

  it('18: a numeric id is read as its string; an empty or boolean id drops the message with a warning', () => {
    const h = openTalkHarness({ participantId: 'app-id' });
    h.feed(composed.joinRecording);
    h.feed({ namespace: 'recording', payload: { message: 'stream_updated', target_id: 7, status: 'active' } });
    expect(h.state().liveStreams['7']?.status).toBe('live');
    h.feed({ namespace: 'recording', payload: { message: 'stream_updated', target_id: true, status: 'active' } });
    h.feed({ namespace: 'recording', payload: { message: 'stream_updated', target_id: '', status: 'active' } });
    expect(Object.keys(h.state().liveStreams).sort()).toEqual([T7B, '7'].sort());
    expect(h.warnings.filter((w) => w.startsWith('malformed stream_updated dropped'))).toHaveLength(2);
  });
});
