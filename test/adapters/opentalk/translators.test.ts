// Each generation's translator alone (no adapter, no socket): wire messages of its own fixtures in,
// OnAir events out; OnAir commands in, that generation's wire payloads out.
import { describe, expect, it } from 'vitest';
import { controllerTranslator } from '../../../src/adapters/opentalk/controllerTranslator.js';
import { createFacts, type OpenTalkTranslator } from '../../../src/adapters/opentalk/facts.js';
import { intermediateTranslator } from '../../../src/adapters/opentalk/intermediateTranslator.js';
import { roomserverTranslator } from '../../../src/adapters/opentalk/roomserverTranslator.js';
import { read as readWith } from '../../../src/adapters/opentalk/translateCommon.js';
import { liveStreamButtonLabels, providerErrorLabels, recordButtonLabels } from '../../../src/core/labels.js';
import intermediate from '../../fixtures/opentalk/intermediate.json';
import legacy from '../../fixtures/opentalk/legacy.json';
import roomserverJson from '../../fixtures/opentalk/roomserver.json';

const roomserver = JSON.parse(JSON.stringify(roomserverJson)) as typeof roomserverJson;

function facts() {
  const warnings: string[] = [];
  const f = createFacts({
    participantId: 'app-id',
    role: undefined,
    labels: { ...recordButtonLabels, ...liveStreamButtonLabels, ...providerErrorLabels },
    now: () => 1_000,
    warn: (message) => void warnings.push(message),
  });
  return { f, warnings };
}

type Message = { namespace: string; payload: unknown };
const read = (t: OpenTalkTranslator, f: ReturnType<typeof facts>['f'], m: Message) => readWith(t, f, m.namespace, m.payload, 5);
const types = (events: ReadonlyArray<{ type: string }>) => events.map((e) => e.type);

describe('18: controllerTranslator (older controller) alone, against legacy.json', () => {
  it('18: controller join_success {state: "recording", recording_id} → joined, seeded; stop sends that id', () => {
    const { f } = facts();
    const events = read(controllerTranslator, f, legacy.joinSuccessRecording);
    expect(types(events)).toContain('session-joined');
    expect(events.find((e) => e.type === 'state-seeded')).toMatchObject({ recordings: [{ status: 'recording' }] });
    const wire = controllerTranslator.stopRecording(f);
    expect(wire).toMatchObject({ payload: { action: 'stop', recording_id: f.recording?.recordingId } });
    expect(f.recording?.recordingId).toBeTruthy();
  });

  it('18: controller started / stopped → recording-started / recording-stopped; start is `start`; no pause or live streams', () => {
    const { f } = facts();
    read(controllerTranslator, f, legacy.joinSuccessIdle);
    expect(types(read(controllerTranslator, f, legacy.started))).toContain('recording-started');
    expect(types(read(controllerTranslator, f, legacy.stopped))).toContain('recording-stopped');
    expect(controllerTranslator.startRecording(f)).toMatchObject({ payload: { action: 'start' } });
    expect(controllerTranslator.pauseRecording(f)).toHaveProperty('refused');
    expect(controllerTranslator.startLiveStream(f, {})).toHaveProperty('refused');
  });

  it('18: controller ignores the roomserver’s core namespace', () => {
    const { f } = facts();
    expect(read(controllerTranslator, f, roomserver.snapshots.coreJoinSuccess)).toEqual([]);
  });
});

describe('18: intermediateTranslator alone, against intermediate.json', () => {
  it('18: intermediate join_success {targets}: the recording target is the recording; commands address it with *_stream', () => {
    const { f } = facts();
    const events = read(intermediateTranslator, f, intermediate.joinSuccessRecording);
    expect(events.find((e) => e.type === 'state-seeded')).toMatchObject({ recordings: [{ status: 'recording' }] });
    const target = [...f.recordingTargets][0];
    expect(intermediateTranslator.pauseRecording(f)).toMatchObject({ payload: { action: 'pause_stream', target_ids: [target] } });
    expect(intermediateTranslator.stopRecording(f)).toMatchObject({ payload: { action: 'stop_stream', target_ids: [target] } });
  });

  it('18: intermediate recorder_error timeout → an error for every starting target (recording and live stream)', () => {
    const { f } = facts();
    read(intermediateTranslator, f, intermediate.joinSuccessStarting);
    const events = read(intermediateTranslator, f, intermediate.recorderError);
    expect(types(events).sort()).toEqual(['live-stream-error', 'recording-error']);
  });
});

describe('18: roomserverTranslator alone, against roomserver.json (insta snapshots)', () => {
  it('18: roomserver core join_success → session-joined with what the room turned off', () => {
    const { f, warnings } = facts();
    const events = read(roomserverTranslator, f, roomserver.snapshots.coreJoinSuccess);
    expect(events[0]).toMatchObject({ type: 'session-joined', localParticipantId: '00000000-0000-0000-0000-000000000000', role: 'participant', disabled: { recording: true, liveStream: true } });
    expect(warnings).toEqual([]);
  });

  it('18: roomserver join with the recording module: seeds, roster; commands are start_recording …, start_stream', () => {
    const { f } = facts();
    const events = read(roomserverTranslator, f, roomserver.composed.joinRecording);
    expect(types(events)).toEqual(['session-joined', 'participant-joined', 'state-seeded', 'participant-joined']);
    expect(roomserverTranslator.startRecording(f)).toMatchObject({ payload: { action: 'start_recording' } });
    expect(roomserverTranslator.pauseRecording(f)).toMatchObject({ payload: { action: 'pause_recording' } });
    expect(roomserverTranslator.stopLiveStream(f, {})).toMatchObject({ payload: { action: 'stop_stream', target_ids: ['00000000-0000-0000-0000-00000000007b'] } });
  });

  it('18: roomserver commands have the wire shape of its own command snapshots', () => {
    const { f } = facts();
    read(roomserverTranslator, f, roomserver.composed.joinTargetInUse);
    const start = roomserverTranslator.startRecording(f);
    expect(start && 'payload' in start ? { namespace: 'recording', payload: start.payload } : start).toEqual(roomserver.snapshots.commandStartRecording);
    const live = roomserverTranslator.startLiveStream(f, { endpoints: roomserver.snapshots.commandStartStream.target_ids });
    expect(live && 'payload' in live ? live.payload : live).toEqual(roomserver.snapshots.commandStartStream);
  });

  it('18: roomserver participant_connected / participant_disconnected / role_updated / consent_updated snapshots', () => {
    const { f } = facts();
    read(roomserverTranslator, f, roomserver.snapshots.coreJoinSuccess);
    expect(types(read(roomserverTranslator, f, roomserver.snapshots.participantConnected))).toEqual(['participant-joined']);
    expect(read(roomserverTranslator, f, roomserver.snapshots.roleUpdatedModerator)).toMatchObject([{ type: 'role-changed', role: 'moderator' }]);
    expect(read(roomserverTranslator, f, roomserver.snapshots.consentUpdated)).toMatchObject([{ type: 'consent-updated', consent: true }]);
    const bobLeaves = { namespace: 'core', payload: { ...roomserver.snapshots.participantDisconnected.payload, participant_id: '00000000-0000-0000-0000-000000000b0b', connection_id: '[uuid]' } };
    expect(read(roomserverTranslator, f, bobLeaves)).toMatchObject([{ type: 'participant-left', participantId: '00000000-0000-0000-0000-000000000b0b' }]);
  });
});
