import { describe, expect, it, vi } from 'vitest';
import { createOpenTalkAdapter } from '../../../src/adapters/opentalk/index.js';
import type { OpenTalkIncomingMessage } from '../../../src/adapters/opentalk/index.js';
import type { OnAirEvent } from '../../../src/core/events.js';
import { defaultLabels } from '../../../src/core/labels.js';
import { initialOnAirState } from '../../../src/core/model.js';
import { reduceOnAir } from '../../../src/core/reduceOnAir.js';
import { countConsents, selectConsentRoster, selectMyConsent, selectRecordingSession } from '../../../src/core/selectors.js';
import camel from '../../fixtures/opentalk/camel-case.json';
import current from '../../fixtures/opentalk/current.json';
import legacy from '../../fixtures/opentalk/legacy.json';
import malformed from '../../fixtures/opentalk/malformed.json';
import otherNamespaces from '../../fixtures/opentalk/other-namespaces.json';
import { A1, openTalkHarness } from './harness.js';

const B1 = '00000000-0000-0000-0000-0000000000b1';
const C1 = '00000000-0000-0000-0000-0000000000c1';
const D1 = '00000000-0000-0000-0000-0000000000d1';
const T7B = '00000000-0000-0000-0000-00000000007b';
const T7C = '00000000-0000-0000-0000-00000000007c';

const harness = openTalkHarness;

describe('createOpenTalkAdapter — current generation', () => {
  it('join_success: session, recording and streams before consents; consent only from true', () => {
    const h = harness();
    h.feed(current.joinSuccessRecording);
    const types = h.events.map((e) => e.type);
    expect(types[0]).toBe('session-joined');
    expect(types.indexOf('state-seeded')).toBeLessThan(types.indexOf('participant-joined', types.indexOf('state-seeded')));
    const s = h.state();
    expect(s.localParticipantId).toBe(A1);
    expect(s.providerRole).toBe('participant');
    expect(selectRecordingSession(s)?.status).toBe('recording');
    expect(s.liveStreams[T7B]?.status).toBe('live');
    expect(s.liveStreams[T7C]).toBeUndefined();
    expect(s.participantNames[B1]).toBe('Mona Moderator');
    const roster = selectConsentRoster(s, A1);
    expect(roster.find((e) => e.participantId === B1)?.status).toBe('consented');
    // `false` is OpenTalk's default, missing is "not yet": both are pending, never "declined".
    expect(roster.find((e) => e.participantId === C1)?.status).toBe('pending');
    expect(roster.find((e) => e.participantId === D1)?.status).toBe('pending');
    expect(selectMyConsent(s, A1)).toBeUndefined();
    expect(countConsents(roster)).toEqual({ consented: 1, declined: 0, pending: 3, total: 4 });
    expect(h.adapter.protocol()).toBe('current');
    // the one moderator in the room is the one who started it
    expect(selectRecordingSession(s)?.startedBy).toBe(B1);
  });

  it('the role comes from join_success, else from the option', () => {
    const h = harness({ participantId: B1, role: 'participant' });
    h.feed(current.joinSuccessIdle);
    expect(h.state().providerRole).toBe('moderator');
    const g = harness({ role: 'moderator' });
    g.feed({ namespace: 'control', payload: { message: 'join_success', id: A1, participants: [] } });
    expect(g.state().providerRole).toBe('moderator');
  });

  it('recording_updated walks requested → active → paused → inactive; a new recording asks again', () => {
    const h = harness({ participantId: B1 });
    h.feed(current.joinSuccessIdle, current.joined);
    expect(h.state().recordings).toEqual({});
    h.feed(current.recordingRequested);
    expect(selectRecordingSession(h.state())?.status).toBe('starting');
    const epoch1 = h.state().consentEpoch;
    h.feed(current.recordingActive);
    expect(selectRecordingSession(h.state())?.status).toBe('recording');
    expect(h.state().consentEpoch).toBe(epoch1);
    h.feed(current.recordingPaused);
    expect(selectRecordingSession(h.state())?.status).toBe('paused');
    h.feed(current.recordingActive);
    expect(selectRecordingSession(h.state())?.status).toBe('recording');
    expect(h.events.some((e) => e.type === 'recording-resumed')).toBe(true);
    h.feed(current.recordingInactive);
    expect(h.state().recordings).toEqual({});
    h.feed(current.recordingRequested);
    expect(h.state().consentEpoch).toBe(epoch1 + 1);
  });

  it('recording_updated error ends the recording with a readable message (unknown code: the reason)', () => {
    const h = harness();
    h.feed(current.joinSuccessRecording, current.recordingError);
    expect(h.state().recordings).toEqual({});
    expect(h.state().recordingError?.code).toBe('recorder_crashed');
    expect(h.state().recordingError?.message).toBe('The recorder stopped unexpectedly');
  });

  it('stream_updated: one live stream per target id', () => {
    const h = harness();
    h.feed(current.joinSuccessRecording, current.streamRequested);
    expect(h.state().liveStreams[T7C]?.status).toBe('starting');
    h.feed(current.streamActive);
    expect(h.state().liveStreams[T7C]?.status).toBe('live');
    h.feed(current.streamPaused);
    expect(h.state().liveStreams[T7C]?.status).toBe('interrupted');
    h.feed(current.streamActive);
    expect(h.state().liveStreams[T7C]?.status).toBe('live');
    h.feed(current.streamInactive);
    expect(h.state().liveStreams[T7C]).toBeUndefined();
    h.feed(current.streamError);
    expect(h.state().liveStreams[T7B]).toBeUndefined();
    expect(h.state().liveStreamError?.code).toBe('unreachable');
    expect(h.state().liveStreamError?.message).toBe('target died');
  });

  it('consent_updated gives and withdraws; joined and left keep the roster', () => {
    const h = harness();
    h.feed(current.joinSuccessRecording, current.consentUpdatedYes);
    expect(selectConsentRoster(h.state(), A1).find((e) => e.participantId === C1)?.status).toBe('consented');
    h.feed(current.consentUpdatedNo);
    expect(selectConsentRoster(h.state(), A1).find((e) => e.participantId === C1)?.status).toBe('declined');
    h.feed(current.joined);
    expect(h.state().participantNames['00000000-0000-0000-0000-0000000000e1']).toBe('Eve');
    h.feed(current.left);
    expect(h.state().participantNames['00000000-0000-0000-0000-0000000000e1']).toBeUndefined();
  });

  it('a new recording re-states who still consents on the server (OpenTalk keeps consent across recordings)', () => {
    const h = harness({ participantId: B1 });
    h.feed(current.joinSuccessIdle, current.joined, {
      namespace: 'recording',
      payload: { message: 'consent_updated', participant: '00000000-0000-0000-0000-0000000000e1', consents: true },
    });
    h.feed(current.recordingRequested, current.recordingActive);
    expect(selectConsentRoster(h.state(), B1).find((e) => e.participantId.endsWith('e1'))?.status).toBe('consented');
  });

  it('ignores recorder service messages', () => {
    const h = harness();
    h.feed(current.joinSuccessRecording);
    const before = h.events.length;
    h.feed(current.service);
    expect(h.events.length).toBe(before);
    expect(h.warnings).toEqual([]);
  });
});

describe('createOpenTalkAdapter — commands', () => {
  it('refuses a typed RTMP URL instead of starting every configured destination', async () => {
    const h = harness({ participantId: B1 });
    h.feed(current.joinSuccessIdle);
    await expect(h.adapter.startLiveStream?.({ rtmpUrl: 'rtmps://live.example/app/key' })).rejects.toThrow(defaultLabels.liveNotSupported);
    expect(h.sent).toEqual([]);
  });

  it('speaks the current generation after a current join_success', async () => {
    const h = harness({ participantId: B1 });
    h.feed(current.joinSuccessIdle);
    await h.adapter.startRecording?.();
    await h.adapter.pauseRecording?.();
    await h.adapter.stopRecording?.();
    await h.adapter.startLiveStream?.({});
    await h.adapter.startLiveStream?.({ instanceId: 'x' });
    await h.adapter.setConsent?.(true);
    expect(h.sent).toEqual([
      { namespace: 'recording', payload: { action: 'start_recording' } },
      { namespace: 'recording', payload: { action: 'pause_recording' } },
      { namespace: 'recording', payload: { action: 'stop_recording' } },
      { namespace: 'recording', payload: { action: 'start_stream', target_ids: [T7B] } },
      { namespace: 'recording', payload: { action: 'start_stream', target_ids: ['x'] } },
      { namespace: 'recording', payload: { action: 'set_consent', consent: true } },
    ]);
  });

  it('stops running streams by target id', async () => {
    const h = harness();
    h.feed(current.joinSuccessRecording);
    await h.adapter.stopLiveStream?.({});
    await h.adapter.stopLiveStream?.({ instanceId: T7C });
    expect(h.sent.map((m) => m.payload)).toEqual([
      { action: 'stop_stream', target_ids: [T7B] },
      { action: 'stop_stream', target_ids: [T7C] },
    ]);
  });

  it('speaks the older generation after an older join_success, and rejects what it cannot do', async () => {
    const h = harness({ participantId: 'legacy-me' });
    h.feed(legacy.joinSuccessRecording);
    expect(h.adapter.protocol()).toBe('legacy');
    await h.adapter.stopRecording?.();
    await h.adapter.setConsent?.(false);
    h.feed(legacy.stopped);
    await h.adapter.startRecording?.();
    await expect(h.adapter.pauseRecording?.()).rejects.toThrow(defaultLabels.recordingNotSupported);
    await expect(h.adapter.startLiveStream?.({})).rejects.toThrow(defaultLabels.liveNotSupported);
    expect(h.sent.map((m) => m.payload)).toEqual([
      { action: 'stop', recording_id: '9a0c1d3e-0000-0000-0000-000000000001' },
      { action: 'set_consent', consent: false },
      { action: 'start' },
    ]);
  });

  it('detects the generation from the first recording message, or follows the option', async () => {
    const h = harness();
    h.feed(legacy.started);
    expect(h.adapter.protocol()).toBe('legacy');
    const c = harness();
    c.feed(current.recordingRequested);
    expect(c.adapter.protocol()).toBe('current');
    const fixed = harness({ protocol: 'legacy' });
    fixed.feed(current.recordingRequested);
    expect(fixed.adapter.protocol()).toBe('legacy');
    const none = harness();
    expect(none.adapter.protocol()).toBeUndefined();
    await none.adapter.startRecording?.();
    expect(none.sent[0]?.payload).toEqual({ action: 'start_recording' });
  });

  it('a send that throws rejects the command', async () => {
    const adapter = createOpenTalkAdapter(
      {
        send: () => {
          throw new Error('socket closed');
        },
        subscribe: () => () => {},
      },
      { participantId: 'me', onWarning: () => {} },
    );
    await expect(adapter.startRecording?.()).rejects.toThrow('socket closed');
  });

  it('never sends set_consent on its own', () => {
    const h = harness();
    h.feed(current.joinSuccessRecording, current.recordingInactive, current.recordingRequested, current.recordingActive, current.consentUpdatedYes);
    expect(h.sent).toEqual([]);
  });
});

describe('createOpenTalkAdapter — errors', () => {
  for (const code of current.errorCodes) {
    it(`current error ${code} becomes a readable error and the UI returns to usable`, () => {
      const h = harness({ participantId: B1 });
      h.feed(current.joinSuccessIdle);
      const isStream = ['stream_feature_disabled', 'invalid_streaming_id', 'streaming_target_in_use'].includes(code);
      if (isStream) {
        void h.adapter.startLiveStream?.({ instanceId: T7B });
      } else {
        void h.adapter.startRecording?.();
      }
      h.feed({ namespace: 'recording', timestamp: '2026-11-20T10:00:00Z', payload: { message: 'error', error: code } });
      const s = h.state();
      const error = isStream ? s.liveStreamError : s.recordingError;
      expect(error?.code).toBe(code);
      expect(error?.message).toBe(defaultLabels.providerErrors[code]);
      expect(error?.message.length).toBeGreaterThan(10);
    });
  }

  for (const code of legacy.errorCodes) {
    it(`older error ${code} is readable`, () => {
      const h = harness({ participantId: 'legacy-me' });
      h.feed(legacy.joinSuccessIdle, { namespace: 'recording', payload: { message: 'error', error: code } });
      expect(h.state().recordingError?.code).toBe(code);
      expect(h.state().recordingError?.message).toBe(defaultLabels.providerErrors[code]);
    });
  }

  it('a permission error while a recording runs leaves it running with the error shown', () => {
    const h = harness();
    h.feed(current.joinSuccessRecording);
    void h.adapter.stopRecording?.();
    // what the kit's actions dispatch before calling the adapter
    const requested: OnAirEvent = { type: 'recording-requested', command: 'stop-recording', at: 1 };
    const s0 = reduceOnAir(h.state(), requested);
    const failed = h.events.length;
    h.feed({ namespace: 'recording', payload: { message: 'error', error: 'insufficient_permissions' } });
    const event = h.events[failed];
    expect(event?.type).toBe('recording-request-failed');
    const s1 = reduceOnAir(s0, event!);
    expect(selectRecordingSession(s1)?.status).toBe('recording');
    expect(selectRecordingSession(s1)?.error?.code).toBe('insufficient_permissions');
  });

  it('an unknown code still says something sensible', () => {
    const h = harness();
    h.feed({ namespace: 'recording', payload: { message: 'error', error: 'brand_new_code' } });
    expect(h.state().recordingError?.message).toBe(defaultLabels.providerErrorUnknown('brand_new_code'));
    h.feed({ namespace: 'recording', payload: { message: 'recorder_error', error: 'timeout' } });
    expect(h.state().recordingError?.code).toBe('recorder_timeout');
  });

  it('error messages can be localized through the labels option', () => {
    const events: OnAirEvent[] = [];
    let listener: ((m: OpenTalkIncomingMessage) => void) | undefined;
    const adapter = createOpenTalkAdapter(
      { send: () => {}, subscribe: (l) => ((listener = l), () => {}) },
      { participantId: 'me', labels: { providerErrors: { insufficient_permissions: 'Keine Berechtigung.' } } },
    );
    adapter.connect((e) => void events.push(e));
    listener?.({ namespace: 'recording', payload: { message: 'error', error: 'insufficient_permissions' } });
    expect(events[0]).toMatchObject({ type: 'recording-request-failed', error: { code: 'insufficient_permissions', message: 'Keine Berechtigung.' } });
  });
});

describe('createOpenTalkAdapter — older generation', () => {
  it('join_success with a running recording, then started/stopped with recording ids', () => {
    const h = harness({ participantId: 'legacy-me' });
    h.feed(legacy.joinSuccessRecording);
    expect(selectRecordingSession(h.state())?.recordingId).toBe('9a0c1d3e-0000-0000-0000-000000000001');
    expect(h.state().providerRole).toBe('moderator');
    expect(selectConsentRoster(h.state(), 'legacy-me').find((e) => e.participantId === 'legacy-ann')?.status).toBe('consented');
    h.feed(legacy.consentUpdate);
    expect(selectConsentRoster(h.state(), 'legacy-me').find((e) => e.participantId === 'legacy-ann')?.status).toBe('declined');
  });

  it('no recording (`recording: null`) is idle; started opens a recording, stopped closes it', () => {
    const h = harness({ participantId: 'legacy-me' });
    h.feed(legacy.joinSuccessIdle);
    expect(h.state().recordings).toEqual({});
    h.feed(legacy.started);
    expect(selectRecordingSession(h.state())?.status).toBe('recording');
    expect(selectRecordingSession(h.state())?.recordingId).toBe('9a0c1d3e-0000-0000-0000-000000000002');
    h.feed(legacy.stopped);
    expect(h.state().recordings).toEqual({});
  });
});

describe('createOpenTalkAdapter — robustness', () => {
  it('reads camelCase field names (map keys stay as they are)', () => {
    const h = harness({ participantId: 'cam-me' });
    h.feed(camel.joinSuccess);
    expect(selectRecordingSession(h.state())?.status).toBe('paused');
    expect(h.state().liveStreams.TargetWithCaps?.status).toBe('live');
    expect(h.state().participantNames['cam-me']).toBe('Cam');
    expect(selectConsentRoster(h.state(), 'cam-me').find((e) => e.participantId === 'cam-ann')?.status).toBe('consented');
    h.feed(camel.streamUpdated, camel.consentUpdated, camel.recordingError);
    expect(h.state().liveStreams.TargetWithCaps).toBeUndefined();
    expect(selectConsentRoster(h.state(), 'cam-me').find((e) => e.participantId === 'cam-ann')?.status).toBe('declined');
    expect(h.state().recordingError?.message).toBe('Something the kit does not know');
  });

  it('drops malformed messages with a warning and never throws', () => {
    const h = harness();
    expect(() => h.feed(...malformed)).not.toThrow();
    expect(h.events).toEqual([]);
    expect(h.warnings.length).toBeGreaterThanOrEqual(malformed.length - 3);
    expect(h.state()).toEqual(initialOnAirState);
  });

  it('the default warning goes to console.warn', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let listener: ((m: OpenTalkIncomingMessage) => void) | undefined;
    const adapter = createOpenTalkAdapter({ send: () => {}, subscribe: (l) => ((listener = l), () => {}) }, { participantId: 'me' });
    adapter.connect(() => {});
    listener?.({ namespace: 'recording', payload: { message: 'recording_updated', status: 1 } });
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('ignores messages of other namespaces silently', () => {
    const h = harness();
    h.feed(...otherNamespaces);
    expect(h.events).toEqual([]);
    expect(h.warnings).toEqual([]);
  });

  it('a sink that throws does not break the adapter', () => {
    let listener: ((m: OpenTalkIncomingMessage) => void) | undefined;
    const warnings: string[] = [];
    const adapter = createOpenTalkAdapter({ send: () => {}, subscribe: (l) => ((listener = l), () => {}) }, { participantId: 'me', onWarning: (m) => void warnings.push(m) });
    adapter.connect(() => {
      throw new Error('boom');
    });
    expect(() => listener?.(current.recordingRequested)).not.toThrow();
    expect(warnings[0]).toMatch(/sink threw/);
  });

  it('replays what it knows on a reconnect (join_success arrives once)', () => {
    const h = harness();
    h.feed(current.joinSuccessRecording, current.consentUpdatedYes);
    h.disconnect();
    expect(h.listenerCount()).toBe(0);
    let state = initialOnAirState;
    h.adapter.connect((e) => (state = reduceOnAir(state, e)));
    expect(state.localParticipantId).toBe(A1);
    expect(selectRecordingSession(state)?.status).toBe('recording');
    expect(state.liveStreams[T7B]?.status).toBe('live');
    const roster = selectConsentRoster(state, A1);
    expect(roster.find((e) => e.participantId === C1)?.status).toBe('consented');
    expect(selectMyConsent(state, A1)).toBeUndefined();
  });

  it('declares its capabilities', () => {
    const { adapter } = harness();
    expect(adapter.provider).toBe('opentalk');
    expect(adapter.capabilities).toMatchObject({ startRecording: true, stopRecording: true, pauseRecording: true, startLiveStream: true, stopLiveStream: true, consent: true });
  });
});
