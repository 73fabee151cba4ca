import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openTalkCapabilities } from '../../../src/adapters/opentalk/index.js';
import { defaultLabels } from '../../../src/core/labels.js';
import { initialOnAirState, type OnAirState } from '../../../src/core/model.js';
import { reduceOnAir } from '../../../src/core/reduceOnAir.js';
import { recordingPermissions, selectConsentRequired, selectMyConsent, selectRecordingSession } from '../../../src/core/selectors.js';
import current from '../../fixtures/opentalk/current.json';
import intermediate from '../../fixtures/opentalk/intermediate.json';
import legacy from '../../fixtures/opentalk/legacy.json';
import { A1, openTalkHarness } from './harness.js';

/** Read with JSON.parse, so that `__proto__` stays an own key as it does off the wire. */
const hostile = JSON.parse(readFileSync(new URL('../../fixtures/opentalk/hostile-ids.json', import.meta.url), 'utf8')) as {
  currentJoin: unknown;
  intermediateJoin: unknown;
  legacyJoin: unknown;
  errorCodes: string[];
};

const B1 = '00000000-0000-0000-0000-0000000000b1';
const C1 = '00000000-0000-0000-0000-0000000000c1';
const REC = '00000000-0000-0000-0000-000000000000';
const LIVE = '00000000-0000-0000-0000-000000000001';
const LEGACY_ID = '9a0c1d3e-0000-0000-0000-000000000001';

const harness = openTalkHarness;

const canStart = (state: OnAirState): boolean => recordingPermissions(openTalkCapabilities, state.providerRole, 'idle').start;

describe('OpenTalk older controller (serde tag `state`)', () => {
  it('18: a message only another generation sends goes to the translator that owns it; the join keeps the generation spoken', async () => {
    const h = harness({ participantId: 'legacy-me' });
    h.feed(legacy.joinSuccessIdle);
    const consent = { ...current.consentUpdatedYes, payload: { ...current.consentUpdatedYes.payload, participant: 'legacy-ann' } };
    h.feed(consent);
    expect(h.events.at(-1)).toMatchObject({ type: 'consent-updated', participantId: 'legacy-ann', consent: true });
    expect(h.warnings).toEqual([]);
    expect(h.adapter.protocol()).toBe('legacy');
    await h.adapter.startRecording?.();
    expect(h.sent.at(-1)?.payload).toEqual({ action: 'start' });
  });

  it('a late joiner sees the running recording from {state: "recording", recording_id}', () => {
    const h = harness({ participantId: 'legacy-me' });
    h.feed(legacy.joinSuccessRecording);
    expect(h.adapter.protocol()).toBe('legacy');
    expect(selectRecordingSession(h.state())?.status).toBe('recording');
    expect(selectRecordingSession(h.state())?.recordingId).toBe(LEGACY_ID);
    expect(selectConsentRequired(h.state())).toBe(true);
  });

  it('the docs-shaped {status: "recording"} is read too', () => {
    const h = harness({ participantId: 'legacy-me' });
    h.feed(legacy.joinSuccessDocsShape);
    expect(selectRecordingSession(h.state())?.recordingId).toBe(LEGACY_ID);
  });

  it('a moderator who joined late stops it with the recording id the server gave', async () => {
    const h = harness({ participantId: 'legacy-me' });
    h.feed(legacy.joinSuccessRecording);
    await h.adapter.stopRecording?.();
    expect(h.sent.map((m) => m.payload)).toEqual([{ action: 'stop', recording_id: LEGACY_ID }]);
  });

  it('an idle older server (`recording: null`) is recognized, so a start is `start`', async () => {
    const h = harness({ participantId: 'legacy-me' });
    h.feed(legacy.joinSuccessIdle);
    expect(h.adapter.protocol()).toBe('legacy');
    await h.adapter.startRecording?.();
    expect(h.sent.map((m) => m.payload)).toEqual([{ action: 'start' }]);
  });

  it('{state: "initializing"} is a recording on its way (starting), then `started` runs it', () => {
    const h = harness({ participantId: 'legacy-me' });
    h.feed(legacy.joinSuccessInitializing);
    expect(h.adapter.protocol()).toBe('legacy');
    expect(selectRecordingSession(h.state())?.status).toBe('starting');
    h.feed(legacy.started);
    expect(selectRecordingSession(h.state())?.status).toBe('recording');
    expect(selectRecordingSession(h.state())?.recordingId).toBe('9a0c1d3e-0000-0000-0000-000000000002');
  });
});

describe('OpenTalk intermediate generation (opentalk-types-signaling-recording)', () => {
  it('the target whose streaming_kind is `recording` is the recording, not a live stream, and asks for consent', () => {
    const h = harness();
    h.feed(intermediate.joinSuccessRecording);
    expect(h.adapter.protocol()).toBe('intermediate');
    const s = h.state();
    expect(selectRecordingSession(s)?.status).toBe('recording');
    expect(s.liveStreams[REC]).toBeUndefined();
    expect(Object.keys(s.liveStreams)).toEqual([]);
    expect(selectConsentRequired(s)).toBe(true);
    expect(h.mine()).toBeUndefined();
  });

  it('records with start_stream / pause_stream / stop_stream on the recording target, never start_recording', async () => {
    const h = harness({ participantId: B1 });
    h.feed(intermediate.joinSuccessIdle);
    await h.adapter.startRecording?.();
    await h.adapter.pauseRecording?.();
    await h.adapter.stopRecording?.();
    await h.adapter.startLiveStream?.({});
    await h.adapter.setConsent?.(true);
    expect(h.sent.map((m) => m.payload)).toEqual([
      intermediate.commands.startStream,
      intermediate.commands.pauseStream,
      intermediate.commands.stopStream,
      { action: 'start_stream', target_ids: [LIVE] },
      intermediate.commands.setConsent,
    ]);
  });

  it('stream_updated of the recording target drives the recording: starting → active → paused → inactive, error', () => {
    const h = harness({ participantId: B1 });
    h.feed(intermediate.joinSuccessIdle, intermediate.recordingStarting);
    expect(selectRecordingSession(h.state())?.status).toBe('starting');
    h.feed(intermediate.recordingActive);
    expect(selectRecordingSession(h.state())?.status).toBe('recording');
    h.feed(intermediate.recordingPaused);
    expect(selectRecordingSession(h.state())?.status).toBe('paused');
    h.feed(intermediate.recordingInactive);
    expect(selectRecordingSession(h.state())).toBeUndefined();
    h.feed(intermediate.recordingStarting, intermediate.recordingError);
    expect(h.state().recordingError?.message).toBe("I'm a teapot");
    expect(Object.keys(h.state().liveStreams)).toEqual([]);
    expect(h.warnings).toEqual([]);
  });

  it('join_success settles the generation even after a stream_updated made the adapter guess', async () => {
    const h = harness({ participantId: B1 });
    h.feed(intermediate.streamStarting, intermediate.joinSuccessIdle);
    expect(h.adapter.protocol()).toBe('intermediate');
    await h.adapter.startRecording?.();
    expect(h.sent.map((m) => m.payload)).toEqual([intermediate.commands.startStream]);
  });

  it('`starting` is kept: at join and from stream_updated, for the recording and for a live stream', () => {
    const h = harness();
    h.feed(intermediate.joinSuccessStarting);
    expect(selectRecordingSession(h.state())?.status).toBe('starting');
    expect(h.state().liveStreams[LIVE]?.status).toBe('starting');
    const g = harness({ participantId: B1 });
    g.feed(intermediate.joinSuccessIdle, intermediate.streamStarting);
    expect(g.state().liveStreams[LIVE]?.status).toBe('starting');
    g.feed(intermediate.streamActive);
    expect(g.state().liveStreams[LIVE]?.status).toBe('live');
    expect(g.warnings).toEqual([]);
  });

  for (const code of intermediate.errorCodes) {
    it(`error ${code} answering a recording start is a recording error`, async () => {
      const h = harness({ participantId: B1 });
      h.feed(intermediate.joinSuccessIdle);
      await h.adapter.startRecording?.();
      h.feed({ namespace: 'recording', payload: { message: 'error', error: code } });
      const failed = h.events.at(-1);
      expect(failed?.type).toBe('recording-request-failed');
      expect(h.state().recordingError?.message).toBe(defaultLabels.providerErrors[code]);
    });
  }

  it('recorder_error {error: timeout} is a readable recording error', () => {
    const h = harness({ participantId: B1 });
    h.feed(intermediate.joinSuccessIdle, intermediate.recordingStarting, intermediate.recorderError);
    expect(selectRecordingSession(h.state())).toBeUndefined();
    expect(h.state().recordingError?.code).toBe('recorder_timeout');
  });

  it('consent comes from the peers’ control updates', () => {
    const h = harness({ participantId: B1 });
    h.feed(intermediate.joinSuccessIdle, intermediate.recordingStarting, intermediate.recordingActive, intermediate.consentUpdate);
    expect(h.state().consents[C1]?.consent).toBe(true);
  });
});

describe('OpenTalk current roomserver', () => {
  it('consents_recording: true restores my consent to the running recording (no banner after a reload)', () => {
    const h = harness();
    h.feed(current.joinSuccessRecordingConsented);
    expect(h.mine()).toBe(true);
    // and it survives a reconnect of the adapter
    h.disconnect();
    let state = initialOnAirState;
    h.adapter.connect((e) => (state = reduceOnAir(state, e)));
    expect(selectMyConsent(state, A1)).toBe(true);
  });

  it('consents_recording: false is "not chosen yet"', () => {
    const h = harness();
    h.feed(current.joinSuccessRecording);
    expect(h.mine()).toBeUndefined();
  });

  it('stream status `starting` is kept', () => {
    const h = harness();
    h.feed(current.joinSuccessRecording, current.streamStarting);
    expect(h.state().liveStreams['00000000-0000-0000-0000-00000000007c']?.status).toBe('starting');
    expect(h.warnings).toEqual([]);
  });

  it('the roomserver’s own serialization snapshot (recording_state error, service null) is read', () => {
    const h = harness({ participantId: B1 });
    h.feed(current.joinSuccessErrorSnapshot);
    expect(h.adapter.protocol()).toBe('current');
    expect(h.state().liveStreams['00000000-0000-0000-0000-00000000007b']?.status).toBe('live');
    expect(selectRecordingSession(h.state())).toBeUndefined();
  });
});

describe('OpenTalk consent per recording', () => {
  it('a consent_updated for me that echoes my answer to an earlier recording does not count for the new one', async () => {
    const h = harness();
    h.feed(current.joinSuccessRecording);
    await h.adapter.setConsent?.(true);
    // the recording ends and a new one starts before the server's echo of my answer arrives
    h.feed(current.recordingInactive, current.recordingRequested);
    h.feed({ namespace: 'recording', payload: { message: 'consent_updated', participant: A1, consents: true } });
    expect(selectRecordingSession(h.state())?.status).toBe('starting');
    expect(h.mine()).toBeUndefined();
  });

  it('an answer to the running recording still counts when its echo arrives', async () => {
    const h = harness();
    h.feed(current.joinSuccessRecording);
    await h.adapter.setConsent?.(true);
    h.feed({ namespace: 'recording', payload: { message: 'consent_updated', participant: A1, consents: true } });
    expect(h.mine()).toBe(true);
  });

  it('no participant id stands in for mine before join_success (not even "local")', () => {
    const h = harness({ participantId: 'local' });
    h.feed(current.recordingActive);
    h.feed({ namespace: 'recording', payload: { message: 'consent_updated', participant: 'local', consents: true } });
    h.feed({ namespace: 'control', payload: { message: 'joined', id: 'local', control: { display_name: 'Someone' }, recording: { consents_recording: true } } });
    expect(h.mine()).toBeUndefined();
    expect(h.events.filter((e) => e.type === 'consent-updated' || e.type === 'participant-joined')).toEqual([]);
  });

  it('after join_success, a peer whose id is "local" is not me', () => {
    const h = harness({ participantId: 'local' });
    h.feed({
      namespace: 'control',
      payload: {
        message: 'join_success',
        id: A1,
        role: 'user',
        participants: [{ id: 'local', control: { display_name: 'Lo' }, recording: { consents_recording: true } }],
        recording: { consents_recording: false, recording_state: { status: 'active' }, stream_states: {}, service: null },
      },
    });
    expect(h.state().localParticipantId).toBe(A1);
    expect(h.mine()).toBeUndefined();
    expect(h.state().consents.local?.consent).toBe(true);
  });

  it('role words compare case-insensitively; a participant the server does not let record is not offered the button', () => {
    const mod = harness({ participantId: B1, role: 'participant' });
    mod.feed({ namespace: 'control', payload: { message: 'join_success', id: B1, role: 'Moderator', participants: [] } });
    expect(mod.state().providerRole).toBe('moderator');
    expect(canStart(mod.state())).toBe(true);

    const guest = harness({ role: 'moderator' });
    guest.feed({ namespace: 'control', payload: { message: 'join_success', id: A1, role: 'GUEST', participants: [] } });
    expect(guest.state().providerRole).toBe('participant');
    expect(canStart(guest.state())).toBe(false);

    const promoted = harness();
    promoted.feed({ namespace: 'control', payload: { message: 'join_success', id: A1, role: 'user', participants: [] } });
    promoted.feed({ namespace: 'control', payload: { message: 'role_updated', new_role: 'MODERATOR' } });
    expect(promoted.state().providerRole).toBe('moderator');
  });
});

describe('OpenTalk ids that name Object.prototype members', () => {
  it('current: stream targets and participants named __proto__, constructor … are all kept', () => {
    const h = harness({ participantId: 'toString' });
    h.feed(hostile.currentJoin);
    const seeded = h.events.find((e) => e.type === 'state-seeded');
    expect(seeded?.type === 'state-seeded' ? seeded.liveStreams?.map((s) => [s.instanceId, s.status]) : undefined).toEqual([
      ['constructor', 'live'],
      ['__proto__', 'starting'],
    ]);
    const joinedIds = h.events.flatMap((e) => (e.type === 'participant-joined' ? [[e.participantId, e.consent]] : []));
    expect(joinedIds).toEqual([
      ['toString', undefined],
      ['__proto__', true],
      ['constructor', undefined],
      ['hasOwnProperty', true],
    ]);
    h.feed({ namespace: 'recording', payload: { message: 'stream_updated', target_id: 'constructor', status: 'inactive' } });
    expect(h.events.at(-1)).toMatchObject({ type: 'live-stream-stopped', instanceId: 'constructor' });
  });

  it('intermediate: a recording target named __proto__ is the recording', async () => {
    const h = harness({ participantId: 'valueOf' });
    h.feed(hostile.intermediateJoin);
    expect(h.adapter.protocol()).toBe('intermediate');
    await h.adapter.startRecording?.();
    await h.adapter.startLiveStream?.({});
    expect(h.sent.map((m) => m.payload)).toEqual([
      { action: 'start_stream', target_ids: ['__proto__'] },
      { action: 'start_stream', target_ids: ['constructor'] },
    ]);
    h.feed({ namespace: 'recording', payload: { message: 'stream_updated', target_id: '__proto__', status: 'active' } });
    expect(h.events.at(-1)).toMatchObject({ type: 'recording-started' });
  });

  it('older: a recording id named hasOwnProperty is stopped by that id', async () => {
    const h = harness({ participantId: 'x' });
    h.feed(hostile.legacyJoin);
    await h.adapter.stopRecording?.();
    expect(h.sent.map((m) => m.payload)).toEqual([{ action: 'stop', recording_id: 'hasOwnProperty' }]);
  });

  for (const code of hostile.errorCodes) {
    it(`error code ${code} gives a readable text message`, () => {
      const h = harness();
      h.feed({ namespace: 'recording', payload: { message: 'error', error: code } });
      h.feed({ namespace: 'recording', payload: { message: 'recording_updated', status: 'error', reason: { code, message: null } } });
      const errors = h.events.flatMap((e) => ('error' in e && e.error ? [e.error] : []));
      expect(errors).toHaveLength(2);
      for (const error of errors) {
        expect(error.code).toBe(code);
        expect(error.message).toBe(defaultLabels.providerErrorUnknown(code));
      }
    });
  }
});
