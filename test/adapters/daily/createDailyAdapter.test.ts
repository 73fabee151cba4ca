import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDailyAdapter, localRecordingInstanceId } from '../../../src/adapters/daily/index.js';
import live from '../../fixtures/daily/live-streaming.json';
import malformed from '../../fixtures/daily/malformed.json';
import participants from '../../fixtures/daily/participants.json';
import recording from '../../fixtures/daily/recording.json';
import { connectedDailyAdapter, fakeDailyCall } from './fakeDailyCall.js';

const DEFAULT = '00000000-0000-4000-8000-000000000000';

const connected = connectedDailyAdapter;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createDailyAdapter — events to state', () => {
  it('reports Daily capabilities (no pause, no consent, several instances)', () => {
    const { adapter } = connected();
    expect(adapter.provider).toBe('daily');
    expect(adapter.capabilities).toEqual({
      startRecording: true,
      stopRecording: true,
      pauseRecording: false,
      resumeRecording: false,
      startLiveStream: true,
      stopLiveStream: true,
      consent: false,
      multipleInstances: true,
      // The fake call object has none of Daily's update / endpoint methods: not offered.
      updateRecording: false,
      updateLiveStream: false,
      liveStreamEndpoints: false,
    });
    expect(adapter.updateLiveStream).toBeUndefined();
  });

  it('tracks several recording instances at once and closes each on its own stop', () => {
    const t = connected();
    t.emit(recording.startedCloud);
    t.emit(recording.startedRawTracks);
    t.emit(recording.startedCloudAudioOnly);
    expect(Object.keys(t.state().recordings).sort()).toEqual([DEFAULT, recording.startedCloudAudioOnly.instanceId, recording.startedRawTracks.instanceId].sort());
    expect(t.state().recordings[DEFAULT]).toMatchObject({ status: 'recording', type: 'cloud', recordingId: recording.startedCloud.recordingId, startedBy: recording.startedCloud.startedBy });
    t.emit(recording.stopped);
    expect(t.state().recordings[DEFAULT]).toBeUndefined();
    expect(t.state().recordings[recording.startedRawTracks.instanceId]?.status).toBe('recording');
  });

  it('puts events without instanceId on the default instance', () => {
    const t = connected();
    t.emit({ action: 'recording-started', type: 'cloud', callClientId: 'c' });
    expect(t.state().recordings.default?.status).toBe('recording');
    t.emit({ action: 'recording-stopped', instanceId: '', callClientId: 'c' });
    expect(t.state().recordings).toEqual({});
  });

  it('ignores duplicates and does not reopen a closed instance on a late update', () => {
    const t = connected();
    t.emit(recording.startedCloud);
    t.emit(recording.startedCloud);
    expect(Object.keys(t.state().recordings)).toEqual([DEFAULT]);
    t.emit(recording.stopped);
    t.emit(recording.startedCloud); // the same recordingId again, after the stop: a late duplicate
    t.emit(recording.stopped);
    expect(t.state().recordings).toEqual({});

    t.emit(live.started);
    t.emit(live.stopped);
    t.emit(live.updatedInterruptedYoutube); // late update for the closed stream
    expect(t.state().liveStreams).toEqual({});
  });

  it('handles out-of-order live-stream events (update before started)', () => {
    const t = connected();
    t.emit(live.updatedConnectedYoutube);
    t.emit(live.started);
    expect(t.state().liveStreams[DEFAULT]).toMatchObject({ status: 'live', layout: { preset: 'default' } });
    expect(t.state().liveStreams[DEFAULT]?.endpoints.youtube?.status).toBe('live');
  });

  it('keeps per-endpoint state: one interrupted endpoint of two leaves the stream live; both interrupted → interrupted', () => {
    const t = connected();
    t.emit(live.started);
    t.emit(live.updatedConnectedYoutube);
    t.emit(live.updatedConnectedTwitch);
    t.emit(live.updatedInterruptedYoutube);
    const stream = t.state().liveStreams[DEFAULT];
    expect(stream?.status).toBe('live');
    expect(stream?.endpoints.youtube?.status).toBe('interrupted');
    expect(stream?.endpoints.twitch?.status).toBe('live');
    t.emit({ ...live.updatedConnectedTwitch, state: 'interrupted' });
    expect(t.state().liveStreams[DEFAULT]?.status).toBe('interrupted');
    t.emit(live.updatedConnectedYoutube);
    expect(t.state().liveStreams[DEFAULT]?.status).toBe('live');
  });

  it('carries error messages to the state (with and without a usable instanceId)', () => {
    const t = connected();
    t.emit(recording.startedCloud);
    t.emit(recording.error);
    expect(t.state().recordings).toEqual({});
    expect(t.state().recordingError?.message).toBe(recording.error.errorMsg);

    t.emit(live.started);
    t.emit(live.errorWithNumericInstance); // no usable id: the only open stream is the one it concerns
    // Daily: more streaming events may follow — the live stream goes on, carrying the error (18.8).
    expect(t.state().liveStreams[DEFAULT]).toMatchObject({ status: 'live', error: { message: 'Live stream failed' } });
    t.emit(live.stopped);
    expect(t.state().liveStreams).toEqual({});

    t.emit(live.errorWithoutInstance);
    expect(t.state().liveStreamError?.message).toBe('Live streaming is not enabled for this domain');
  });

  it('an error for an instance that is not open does not end another running instance', () => {
    // Daily sends recording-error to everyone; someone's failed start of instance B must not end A.
    // (Fixed in reduceOnAir.resolveTarget: the "only open session" fallback is for events naming no instance.)
    const t = connected();
    t.emit(recording.startedCloud);
    t.emit({ ...recording.error, instanceId: 'someone-elses-instance' });
    expect(t.state().recordings[DEFAULT]?.status).toBe('recording');
    expect(t.state().recordingError?.message).toBe(recording.error.errorMsg);
    t.emit(live.started);
    t.emit({ ...live.error, instanceId: 'another-stream' });
    expect(t.state().liveStreams[DEFAULT]?.status).toBe('live');
  });

  it('puts a live-streaming warning on the open stream', () => {
    const t = connected();
    t.emit(live.started);
    t.emit(live.warning);
    expect(t.state().liveStreams[DEFAULT]?.warning).toBe('Live stream is dropping frames');
  });

  it('maps joined-meeting to session, names and local-recording seeds; left-meeting resets', () => {
    const t = connected();
    t.emit(participants.joinedMeeting);
    expect(t.state().localParticipantId).toBe('me-1111');
    expect(t.state().providerRole).toBe('moderator');
    expect(t.state().participantNames).toEqual({ 'me-1111': 'Margaret', 'rec-2222': 'Katherine' });
    expect(t.state().recordings[localRecordingInstanceId('rec-2222')]).toMatchObject({ status: 'recording', type: 'local', local: true, startedBy: 'rec-2222' });

    t.emit(participants.remoteUpdatedStoppedRecording);
    expect(t.state().recordings[localRecordingInstanceId('rec-2222')]).toBeUndefined();
    expect(t.state().participantNames['rec-2222']).toBe('Katherine J.');

    t.emit(participants.leftMeeting);
    expect(t.state().localParticipantId).toBeUndefined();
    expect(t.events.at(-1)?.type).toBe('session-left');
  });

  it('follows a remote participant who joins recording, and stops their recording when they leave', () => {
    const t = connected();
    t.emit(participants.joinedMeeting);
    t.emit(participants.remoteJoinedRecording);
    expect(t.state().recordings['local:late-4444']?.status).toBe('recording');
    t.emit(participants.remoteLeft);
    expect(t.state().recordings['local:late-4444']).toBeUndefined();
    expect(t.state().participantNames['late-4444']).toBeUndefined();
  });

  it('emits role-changed only when the local permissions change', () => {
    const t = connected();
    t.emit(participants.joinedMeeting);
    t.emit(participants.localUpdatedDemoted);
    t.emit(participants.localUpdatedDemoted);
    expect(t.events.filter((e) => e.type === 'role-changed')).toEqual([{ type: 'role-changed', at: expect.any(Number), role: 'participant' }]);
    expect(t.state().providerRole).toBe('participant');
    expect(t.adapter.localRole?.()).toBe('participant');
    t.emit(participants.localUpdatedStreamingAdmin);
    expect(t.state().providerRole).toBe('moderator');
  });

  it('does not repeat participant-named for an unchanged name', () => {
    const t = connected();
    t.emit(participants.joinedMeeting);
    const before = t.events.length;
    t.emit(participants.remoteUpdatedStoppedRecording);
    t.emit(participants.remoteUpdatedStoppedRecording);
    const named = t.events.slice(before).filter((e) => e.type === 'participant-named');
    expect(named).toHaveLength(1);
  });
});

describe('createDailyAdapter — late join and seeds', () => {
  it('on connect to a call already joined, reports session, names and record-flag seeds', () => {
    const t = connected({ meetingState: 'joined-meeting', participants: participants.joinedMeeting.participants });
    expect(t.events.map((e) => e.type)).toEqual(['session-joined', 'participant-named', 'permissions-updated', 'participant-named', 'state-seeded']);
    expect(t.state().recordings['local:rec-2222']?.status).toBe('recording');
    // Daily re-sends recording-started to late joiners; it lands next to the seed
    t.emit(recording.startedCloud);
    expect(Object.keys(t.state().recordings).sort()).toEqual([DEFAULT, 'local:rec-2222'].sort());
  });

  it('does nothing on connect when the call has not joined yet', () => {
    const t = connected({ meetingState: 'joining-meeting', participants: participants.joinedMeeting.participants });
    expect(t.events).toEqual([]);
  });

  it('emits initialState as state-seeded on connect; live events win over seeds', () => {
    const t = connected(
      {},
      {
        initialState: {
          recordings: [{ instanceId: 'rec-a', recordingType: 'cloud', startedAt: 500 }],
          liveStreams: [{ instanceId: 'live-a', status: 'interrupted' }],
        },
      },
    );
    expect(t.events).toHaveLength(1);
    expect(t.events[0]?.type).toBe('state-seeded');
    expect(t.state().recordings['rec-a']).toMatchObject({ status: 'recording', startedAt: 500 });
    expect(t.state().liveStreams['live-a']?.status).toBe('interrupted');
    t.emit({ action: 'live-streaming-updated', instanceId: 'live-a', state: 'connected' });
    expect(t.state().liveStreams['live-a']?.status).toBe('live');
  });
});

describe('createDailyAdapter — robustness', () => {
  it('drops malformed payloads with one warning per problem and never throws', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = connected();
    t.emit(recording.startedCloud);
    const before = t.state();
    for (const [name, payload] of Object.entries(malformed)) {
      if (name === '_source') continue;
      expect(() => t.emitAs('recording-started', payload)).not.toThrow();
    }
    expect(() => t.emit(malformed.liveUpdatedBadState)).not.toThrow();
    expect(t.state()).toBe(before);
    const count = warn.mock.calls.length;
    expect(count).toBeGreaterThanOrEqual(10);
    expect(String(warn.mock.calls[0]?.[0])).toContain('[onair/daily]');
    t.emit(malformed.liveUpdatedBadState);
    expect(warn.mock.calls.length).toBe(count); // the same problem again: no second warning
  });

  it('stays quiet in production', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.stubEnv('NODE_ENV', 'production');
    try {
      const t = connected();
      t.emit(malformed.liveUpdatedBadState);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('sends problems to onProblem when given', () => {
    const problems: string[] = [];
    const t = connected({}, { onProblem: (p) => problems.push(p.action) });
    t.emit(malformed.liveUpdatedBadState);
    expect(problems).toEqual(['live-streaming-updated']);
  });

  it('does not let a throwing sink reach Daily', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const fake = fakeDailyCall();
    createDailyAdapter(fake.call).connect(() => {
      throw new Error('boom');
    });
    expect(() => fake.emit(recording.startedCloud)).not.toThrow();
    expect(error).toHaveBeenCalled();
  });

  it('unsubscribes every handler it subscribed, and emits nothing afterwards', () => {
    const t = connected();
    expect(t.handlerCount()).toBe(14);
    t.disconnect();
    expect(t.handlerCount()).toBe(0);
    const count = t.events.length;
    t.emit(recording.startedCloud);
    expect(t.events.length).toBe(count);
  });
});

describe('createDailyAdapter — commands', () => {
  it('forwards startRecording options, provider options first, without undefined keys', async () => {
    const t = connected();
    await t.adapter.startRecording?.({ instanceId: 'i-1', type: 'raw-tracks', providerOptions: { layout: { preset: 'single-participant' }, instanceId: 'ignored' } });
    await t.adapter.startRecording?.({ type: 'cloud' });
    await t.adapter.startRecording?.();
    expect(t.calls).toEqual([
      { method: 'startRecording', args: [{ layout: { preset: 'single-participant' }, instanceId: 'i-1', type: 'raw-tracks' }] },
      { method: 'startRecording', args: [{ type: 'cloud' }] },
      { method: 'startRecording', args: [] },
    ]);
  });

  it('forwards stopRecording with or without an instance', async () => {
    const t = connected();
    await t.adapter.stopRecording?.({ instanceId: 'i-1' });
    await t.adapter.stopRecording?.();
    expect(t.calls).toEqual([
      { method: 'stopRecording', args: [{ instanceId: 'i-1' }] },
      { method: 'stopRecording', args: [] },
    ]);
  });

  it('forwards live streams to an RTMP URL, several URLs, or named endpoints', async () => {
    const t = connected();
    await t.adapter.startLiveStream?.({ rtmpUrl: 'rtmps://a/k' });
    await t.adapter.startLiveStream?.({ rtmpUrl: ['rtmps://a/k', 'rtmps://b/k'], instanceId: 'i-2' });
    await t.adapter.startLiveStream?.({ endpoints: ['youtube', 'twitch'], providerOptions: { maxDuration: 3600 } });
    await t.adapter.stopLiveStream?.({ instanceId: 'i-2' });
    await t.adapter.stopLiveStream?.();
    expect(t.calls).toEqual([
      { method: 'startLiveStreaming', args: [{ rtmpUrl: 'rtmps://a/k' }] },
      { method: 'startLiveStreaming', args: [{ instanceId: 'i-2', rtmpUrl: ['rtmps://a/k', 'rtmps://b/k'] }] },
      { method: 'startLiveStreaming', args: [{ maxDuration: 3600, endpoints: [{ endpoint: 'youtube' }, { endpoint: 'twitch' }] }] },
      { method: 'stopLiveStreaming', args: [{ instanceId: 'i-2' }] },
      { method: 'stopLiveStreaming', args: [] },
    ]);
  });

  it('rejects a live stream without a target without calling Daily', async () => {
    const t = connected();
    await expect(t.adapter.startLiveStream?.({})).rejects.toThrow(/RTMP URL or a configured endpoint/);
    expect(t.calls).toEqual([]);
  });

  it('rejects with a readable message when the call throws', async () => {
    const t = connected();
    t.failNextCall(new Error('not allowed to record'));
    await expect(t.adapter.startRecording?.()).rejects.toThrow('not allowed to record');
    t.failNextCall({ weird: true });
    await expect(t.adapter.stopLiveStream?.()).rejects.toThrow('Daily could not stop the live stream.');
    t.failNextCall('plain string');
    await expect(t.adapter.stopRecording?.()).rejects.toThrow('plain string');
  });
});
