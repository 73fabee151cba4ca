import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOpenTalkAdapter } from '../../src/adapters/opentalk/index.js';
import { initialOnAirState, type OnAirState } from '../../src/core/model.js';
import { reduceOnAir } from '../../src/core/reduceOnAir.js';
import { selectConsentRequired, selectConsentRoster, selectMyConsent, selectRecordingSession } from '../../src/core/selectors.js';
import { createOpenTalkRoom, type OpenTalkRoomOptions } from '../../src/simulator/index.js';

function meeting(options: OpenTalkRoomOptions = {}) {
  const room = createOpenTalkRoom({ latencyMs: 10, recorderDelayMs: 100, ...options });
  const client = (id: string, name: string, role: 'moderator' | 'user' | 'guest') => {
    const connection = room.connect({ id, name, role });
    const adapter = createOpenTalkAdapter(connection, { participantId: id, onWarning: () => {} });
    let state: OnAirState = initialOnAirState;
    adapter.connect((e) => (state = reduceOnAir(state, e)));
    return { connection, adapter, state: () => state };
  };
  return { room, client };
}

describe('simulated OpenTalk room', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('two participants: the moderator starts, the guest is asked and answers, the moderator sees it', async () => {
    const { room, client } = meeting({ participants: [] });
    const host = client('host', 'Mona', 'moderator');
    const guest = client('guest', 'Gus', 'user');
    await vi.advanceTimersByTimeAsync(50);
    expect(host.state().providerRole).toBe('moderator');
    expect(guest.state().providerRole).toBe('participant');
    expect(host.state().participantNames.guest).toBe('Gus');
    expect(guest.state().participantNames.host).toBe('Mona');

    await host.adapter.startRecording?.();
    await vi.advanceTimersByTimeAsync(30);
    expect(selectRecordingSession(guest.state())?.status).toBe('starting');
    expect(selectRecordingSession(guest.state())?.startedBy).toBe('host');
    await vi.advanceTimersByTimeAsync(200);
    expect(selectRecordingSession(guest.state())?.status).toBe('recording');
    expect(selectRecordingSession(host.state())?.startedBy).toBe('host');
    expect(selectConsentRoster(host.state(), 'host').find((e) => e.participantId === 'guest')?.status).toBe('pending');
    expect(guest.connection.sent.filter((m) => m.payload.action === 'set_consent')).toEqual([]);

    await guest.adapter.setConsent?.(true);
    await vi.advanceTimersByTimeAsync(50);
    expect(room.consents().guest).toBe(true);
    expect(selectConsentRoster(host.state(), 'host').find((e) => e.participantId === 'guest')?.status).toBe('consented');
    room.dispose();
  });

  it('a guest may not start: insufficient_permissions', async () => {
    const { room, client } = meeting({ participants: [] });
    const guest = client('guest', 'Gus', 'guest');
    await vi.advanceTimersByTimeAsync(50);
    await guest.adapter.startRecording?.();
    await vi.advanceTimersByTimeAsync(50);
    expect(guest.state().recordingError?.code).toBe('insufficient_permissions');
    room.dispose();
  });

  it('scripted participants consent, and one withdraws, over time', async () => {
    const { room, client } = meeting();
    const host = client('host', 'Mona', 'moderator');
    await vi.advanceTimersByTimeAsync(50);
    await host.adapter.startRecording?.();
    await vi.advanceTimersByTimeAsync(200);
    const status = (id: string) => selectConsentRoster(host.state(), 'host').find((e) => e.participantId === id)?.status;
    expect(status('p-bea')).toBe('pending');
    await vi.advanceTimersByTimeAsync(1500);
    expect(status('p-bea')).toBe('consented');
    await vi.advanceTimersByTimeAsync(1500);
    expect(status('p-chen')).toBe('consented');
    await vi.advanceTimersByTimeAsync(4000);
    expect(status('p-chen')).toBe('declined');
    expect(status('p-dara')).toBe('pending');
    room.dispose();
  });

  it('fault switches: next command fails, recorder fails, malformed messages are survived', async () => {
    const { room, client } = meeting({ participants: [] });
    const host = client('host', 'Mona', 'moderator');
    await vi.advanceTimersByTimeAsync(50);
    room.failNext('record_feature_disabled');
    await host.adapter.startRecording?.();
    await vi.advanceTimersByTimeAsync(50);
    expect(host.state().recordingError?.code).toBe('record_feature_disabled');
    room.failRecorder({ code: 'no_recorder', message: 'No recorder is available' });
    await host.adapter.startRecording?.();
    await vi.advanceTimersByTimeAsync(300);
    expect(host.state().recordings).toEqual({});
    expect(host.state().recordingError?.message).toBe('No recorder is available');
    room.sendMalformed();
    await vi.advanceTimersByTimeAsync(50);
    expect(host.state().recordingError?.code).toBe('no_recorder');
    room.dispose();
  });

  it('streams per target; pause and stop', async () => {
    const { room, client } = meeting({ participants: [] });
    const host = client('host', 'Mona', 'moderator');
    const guest = client('guest', 'Gus', 'guest');
    await vi.advanceTimersByTimeAsync(50);
    await host.adapter.startLiveStream?.({});
    await vi.advanceTimersByTimeAsync(30);
    // the requester's own "starting" comes from the kit's actions; everyone else learns it from the server
    expect(guest.state().liveStreams['target-channel']?.status).toBe('starting');
    await vi.advanceTimersByTimeAsync(200);
    expect(host.state().liveStreams['target-channel']?.status).toBe('live');
    await host.adapter.startRecording?.();
    await vi.advanceTimersByTimeAsync(200);
    await host.adapter.pauseRecording?.();
    await vi.advanceTimersByTimeAsync(50);
    expect(selectRecordingSession(host.state())?.status).toBe('paused');
    await host.adapter.stopRecording?.();
    await host.adapter.stopLiveStream?.({});
    await vi.advanceTimersByTimeAsync(100);
    expect(host.state().recordings).toEqual({});
    expect(host.state().liveStreams).toEqual({});
    room.dispose();
  });

  it('speaks the older generation', async () => {
    const { room, client } = meeting({ protocol: 'legacy', participants: [{ id: 'p-x', name: 'Xi', answers: [{ afterMs: 100, consent: true }] }] });
    const host = client('host', 'Mona', 'moderator');
    await vi.advanceTimersByTimeAsync(50);
    expect(host.adapter.protocol()).toBe('legacy');
    await host.adapter.startRecording?.();
    await vi.advanceTimersByTimeAsync(150);
    expect(selectRecordingSession(host.state())?.recordingId).toBe('rec-1');
    await vi.advanceTimersByTimeAsync(150);
    expect(selectConsentRoster(host.state(), 'host').find((e) => e.participantId === 'p-x')?.status).toBe('consented');
    await host.adapter.stopRecording?.();
    await vi.advanceTimersByTimeAsync(50);
    expect(host.connection.sent.map((m) => m.payload)).toEqual([{ action: 'start' }, { action: 'stop', recording_id: 'rec-1' }]);
    expect(host.state().recordings).toEqual({});
    room.dispose();
  });

  it('camelCase delivery reads the same', async () => {
    const { room, client } = meeting({ camelCase: true, participants: [{ id: 'p-y', name: 'Yu', consents: true }] });
    const host = client('host', 'Mona', 'moderator');
    await vi.advanceTimersByTimeAsync(50);
    await host.adapter.startLiveStream?.({});
    await vi.advanceTimersByTimeAsync(300);
    expect(host.state().liveStreams['target-channel']?.status).toBe('live');
    expect(host.state().participantNames['p-y']).toBe('Yu');
    room.dispose();
  });

  it('participants join and leave', async () => {
    const { room, client } = meeting({ participants: [] });
    const host = client('host', 'Mona', 'moderator');
    await vi.advanceTimersByTimeAsync(50);
    room.addParticipant({ id: 'late', name: 'Late Larry' });
    await vi.advanceTimersByTimeAsync(20);
    expect(host.state().participantNames.late).toBe('Late Larry');
    room.removeParticipant('late');
    const guest = client('g', 'G', 'guest');
    await vi.advanceTimersByTimeAsync(20);
    guest.connection.leave();
    await vi.advanceTimersByTimeAsync(20);
    expect(host.state().participantNames.late).toBeUndefined();
    expect(host.state().participantNames.g).toBeUndefined();
    room.dispose();
  });

  it('speaks the intermediate generation: the recording is the `recording` target, driven by start/pause/stop_stream', async () => {
    const { room, client } = meeting({ protocol: 'intermediate', participants: [] });
    const host = client('host', 'Mona', 'moderator');
    const guest = client('guest', 'Gus', 'guest');
    await vi.advanceTimersByTimeAsync(50);
    expect(host.adapter.protocol()).toBe('intermediate');
    await host.adapter.startRecording?.();
    await vi.advanceTimersByTimeAsync(30);
    expect(selectRecordingSession(guest.state())?.status).toBe('starting');
    await vi.advanceTimersByTimeAsync(200);
    expect(selectRecordingSession(guest.state())?.status).toBe('recording');
    expect(guest.state().liveStreams).toEqual({});
    expect(selectConsentRequired(guest.state())).toBe(true);
    await guest.adapter.setConsent?.(true);
    await vi.advanceTimersByTimeAsync(50);
    expect(selectConsentRoster(host.state(), 'host').find((e) => e.participantId === 'guest')?.status).toBe('consented');
    await host.adapter.pauseRecording?.();
    await vi.advanceTimersByTimeAsync(50);
    expect(selectRecordingSession(guest.state())?.status).toBe('paused');
    await host.adapter.startLiveStream?.({});
    await vi.advanceTimersByTimeAsync(30);
    expect(guest.state().liveStreams['target-channel']?.status).toBe('starting');
    await vi.advanceTimersByTimeAsync(200);
    expect(guest.state().liveStreams['target-channel']?.status).toBe('live');
    await host.adapter.stopRecording?.();
    await vi.advanceTimersByTimeAsync(100);
    expect(guest.state().recordings).toEqual({});
    expect(host.connection.sent.map((m) => m.payload)).toEqual([
      { action: 'start_stream', target_ids: ['target-recording'] },
      { action: 'pause_stream', target_ids: ['target-recording'] },
      { action: 'start_stream', target_ids: ['target-channel'] },
      { action: 'stop_stream', target_ids: ['target-recording'] },
    ]);
    expect(host.state().recordingError).toBeUndefined();
    room.dispose();
  });

  it('older generation: a moderator who joins late sees the recording and stops it by its id', async () => {
    const { room, client } = meeting({ protocol: 'legacy', participants: [] });
    const host = client('host', 'Mona', 'moderator');
    await vi.advanceTimersByTimeAsync(50);
    await host.adapter.startRecording?.();
    await vi.advanceTimersByTimeAsync(150);
    const late = client('late', 'Lou', 'moderator');
    const wire: unknown[] = [];
    late.connection.subscribe((m) => void wire.push(m.payload));
    await vi.advanceTimersByTimeAsync(50);
    // the older controller's serde tag is `state`
    expect(wire[0]).toMatchObject({ message: 'join_success', recording: { state: 'recording', recording_id: 'rec-1' } });
    expect(late.adapter.protocol()).toBe('legacy');
    expect(selectRecordingSession(late.state())?.status).toBe('recording');
    await late.adapter.stopRecording?.();
    await vi.advanceTimersByTimeAsync(50);
    expect(late.connection.sent.map((m) => m.payload)).toEqual([{ action: 'stop', recording_id: 'rec-1' }]);
    expect(host.state().recordings).toEqual({});
    expect(late.state().recordings).toEqual({});
    room.dispose();
  });

  it('current generation: after a reload the stored consent comes back (no banner again)', async () => {
    const { room, client } = meeting({ participants: [] });
    const host = client('host', 'Mona', 'moderator');
    const guest = client('guest', 'Gus', 'guest');
    await vi.advanceTimersByTimeAsync(50);
    await host.adapter.startRecording?.();
    await vi.advanceTimersByTimeAsync(200);
    await guest.adapter.setConsent?.(true);
    await vi.advanceTimersByTimeAsync(50);
    guest.connection.leave();
    const reloaded = client('guest', 'Gus', 'guest');
    await vi.advanceTimersByTimeAsync(50);
    expect(selectRecordingSession(reloaded.state())?.status).toBe('recording');
    expect(selectMyConsent(reloaded.state(), 'guest')).toBe(true);
    room.dispose();
  });

  it('18: speaks the roomserver framing: core join_success with nested module data, participant_connected/disconnected, consent, recording', async () => {
    const { room, client } = meeting({ protocol: 'roomserver', participants: [{ id: 'p-ann', name: 'Ann', role: 'guest', consents: true }] });
    const host = client('host', 'Mona', 'moderator');
    await vi.advanceTimersByTimeAsync(50);
    expect(host.adapter.protocol()).toBe('current');
    expect(host.state().providerRole).toBe('moderator');
    expect(host.state().participantNames['p-ann']).toBe('Ann');
    const guest = client('guest', 'Gus', 'user');
    await vi.advanceTimersByTimeAsync(50);
    expect(host.state().participantNames.guest).toBe('Gus');
    expect(guest.state().participantNames.host).toBe('Mona');
    await host.adapter.startRecording?.();
    await vi.advanceTimersByTimeAsync(300);
    expect(selectRecordingSession(guest.state())?.status).toBe('recording');
    await guest.adapter.setConsent?.(true);
    await vi.advanceTimersByTimeAsync(50);
    expect(selectConsentRoster(host.state(), 'host').find((e) => e.participantId === 'guest')?.status).toBe('consented');
    guest.connection.leave();
    await vi.advanceTimersByTimeAsync(50);
    expect(host.state().participantNames.guest).toBeUndefined();
    room.dispose();
  });

  it('18: a roomserver room whose tariff turns recording off says so at join and refuses a start', async () => {
    const { room, client } = meeting({ protocol: 'roomserver', participants: [], disabledFeatures: ['recording::record'] });
    const host = client('host', 'Mona', 'moderator');
    await vi.advanceTimersByTimeAsync(50);
    expect(host.state().providerDisabled).toEqual({ recording: true, liveStream: false });
    await host.adapter.startRecording?.();
    await vi.advanceTimersByTimeAsync(50);
    expect(host.state().recordingError?.code).toBe('record_feature_disabled');
    room.dispose();
  });
});
