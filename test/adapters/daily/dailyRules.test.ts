import { describe, expect, it } from 'vitest';
import type { OnAirState } from '../../../src/core/model.js';
import { reduceOnAir } from '../../../src/core/reduceOnAir.js';
import { liveStreamPermissions, recordingPermissions, selectLiveStreamSession } from '../../../src/core/selectors.js';
import layouts from '../../fixtures/daily/layouts.json';
import live from '../../fixtures/daily/live-streaming.json';
import participants from '../../fixtures/daily/participants.json';
import remote from '../../fixtures/daily/remote-local-recording.json';
import roomInfo from '../../fixtures/daily/room-info.json';
import { connectedDailyAdapter } from './fakeDailyCall.js';

const STREAM = '00000000-0000-4000-8000-000000000000';

const connected = (init: Parameters<typeof connectedDailyAdapter>[0] = {}) => connectedDailyAdapter(init, { onProblem: () => {} });

/** Polls until `check` passes (the adapter reads `call.room()` asynchronously). */
async function until(check: () => void): Promise<void> {
  for (let i = 0; ; i += 1) {
    try {
      check();
      return;
    } catch (error) {
      if (i > 200) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

describe('18.6: a remote participant’s local recording', () => {
  it('18.6: counts once, as local:<session_id> with who records, although daily-js also emits a bare recording-started', () => {
    const t = connected();
    t.emit(participants.joinedMeeting);
    for (const payload of remote.remoteStarts) t.emit(payload);
    const open = Object.values(t.state().recordings).filter((r) => r.startedBy === 'guest-3333' || r.instanceId === 'default');
    expect(open.map((r) => r.instanceId)).toEqual(['local:guest-3333']);
    expect(open[0]).toMatchObject({ type: 'local', local: true, startedBy: 'guest-3333', status: 'recording' });
    for (const payload of remote.remoteStops) t.emit(payload);
    expect(t.state().recordings['local:guest-3333']).toBeUndefined();
    expect(t.state().recordings.default).toBeUndefined();
  });

  it('18.6: stopping it sends Daily no made-up instance id: it is refused with a readable reason', async () => {
    const t = connected();
    t.emit(participants.joinedMeeting);
    for (const payload of remote.remoteStarts) t.emit(payload);
    await expect(t.adapter.stopRecording?.({ instanceId: 'local:guest-3333' })).rejects.toThrow(/only they can stop it/);
    expect(t.calls).toEqual([]);
  });
});

describe('18.7: live-streaming-warning with details.endpoints', () => {
  it('18.7: marks the named destinations dropped while the stream goes on to the others', () => {
    const t = connected();
    t.emit(live.started);
    t.emit(live.updatedConnectedYoutube);
    t.emit(live.updatedConnectedTwitch);
    t.emit(live.warningDroppedEndpoints);
    const stream = t.state().liveStreams[STREAM];
    expect(stream).toMatchObject({ status: 'live', warning: live.warningDroppedEndpoints.errorMsg });
    expect(stream?.endpoints.twitch?.status).toBe('dropped');
    expect(stream?.endpoints.youtube?.status).toBe('live');
    // The one destination still served is cut: the stream is interrupted (a dropped one no longer counts).
    t.emit(live.updatedInterruptedYoutube);
    expect(t.state().liveStreams[STREAM]?.status).toBe('interrupted');
  });

  it('18.7: reads plain endpoint names too, and a warning without endpoints drops nothing', () => {
    const t = connected();
    t.emit(live.started);
    t.emit(live.updatedConnectedYoutube);
    t.emit(live.warning);
    expect(t.state().liveStreams[STREAM]?.endpoints.youtube?.status).toBe('live');
    t.emit(live.warningDroppedEndpointNames);
    expect(t.state().liveStreams[STREAM]?.endpoints.youtube?.status).toBe('dropped');
    expect(t.state().liveStreams[STREAM]?.status).toBe('live');
  });
});

describe('18.8: live-streaming-error does not close the stream', () => {
  it('18.8: a live stream stays live with the error shown; later events still apply, and only the stop ends it', () => {
    const t = connected();
    t.emit(live.started);
    t.emit(live.error);
    expect(t.state().liveStreams[STREAM]).toMatchObject({ status: 'live', error: { message: live.error.errorMsg } });
    t.emit(live.updatedInterruptedYoutube);
    expect(t.state().liveStreams[STREAM]?.status).toBe('interrupted');
    t.emit(live.stopped);
    expect(t.state().liveStreams[STREAM]).toBeUndefined();
  });

  it('18.8: a stream that never went live shows the failure (status error); a later start still opens it', () => {
    const t = connected();
    let state = reduceOnAir(t.state(), { type: 'live-stream-requested', at: 1, instanceId: STREAM, command: 'start-live-stream' });
    state = reduceOnAir(state, { type: 'live-stream-error', at: 2, instanceId: STREAM, continues: true, error: { code: 'live-streaming-error', message: 'refused', at: 2 } });
    expect(state.liveStreams[STREAM]).toBeUndefined();
    expect(state.liveStreamError?.message).toBe('refused');
    state = reduceOnAir(state, { type: 'live-stream-started', at: 3, instanceId: STREAM });
    expect(selectLiveStreamSession(state)?.status).toBe('live');
  });
});

describe('18.9: who may record, as Daily’s servers decide', () => {
  const can = (state: OnAirState, capabilities = connected().adapter.capabilities) => ({
    record: recordingPermissions(capabilities, state.providerRole, 'idle', false, state.providerPermissions?.recording),
    stream: liveStreamPermissions(capabilities, state.providerRole, 'idle', false, state.providerPermissions?.liveStream),
  });

  it('18.9: an owner may record where the room enables recording; the token’s enable_recording wins over the room’s', async () => {
    const t = connected({ room: async () => roomInfo.tokenEnablesRecording });
    t.emit(participants.joinedMeeting);
    await until(() => expect(t.state().providerPermissions).toEqual({ recording: true, liveStream: true }));
    expect(can(t.state()).record).toMatchObject({ start: true, reason: undefined });
  });

  it('18.9: where neither room nor token enables recording, Daily refuses: no start, reason not-allowed — streaming stays', async () => {
    const t = connected({ room: async () => roomInfo.roomWithoutRecording });
    t.emit(participants.joinedMeeting);
    await until(() => expect(t.state().providerPermissions).toEqual({ recording: false, liveStream: true }));
    expect(can(t.state()).record).toMatchObject({ start: false, reason: 'not-allowed' });
    expect(can(t.state()).stream).toMatchObject({ start: true });
  });

  it('18.9: neither owner nor canAdmin "streaming": Daily refuses both', () => {
    const t = connected({ room: async () => roomInfo.roomCloud });
    const plain = structuredClone(participants.joinedMeeting);
    plain.participants.local.owner = false;
    t.emit(plain);
    expect(t.state().providerPermissions).toEqual({ recording: false, liveStream: false });
    expect(can(t.state()).record).toMatchObject({ start: false, reason: 'not-allowed' });
  });

  it('18.9: where the kit cannot know (no owner, no canAdmin, no room information yet), the control is offered', async () => {
    const t = connected({ room: async () => roomInfo.pending });
    t.emit({ action: 'joined-meeting', participants: { local: { session_id: 'me-1111', local: true } } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(t.state().providerRole).toBeUndefined();
    expect(t.state().providerPermissions?.recording).toBeUndefined();
    expect(t.state().providerPermissions?.liveStream).toBeUndefined();
    expect(can(t.state()).record).toMatchObject({ start: true, reason: undefined });
    expect(can(t.state()).stream).toMatchObject({ start: true, reason: undefined });
  });
});

describe('18.10: a layout-less update keeps the current layout', () => {
  it('18.10: updateRecording without a layout sends the running recording’s layout, not Daily’s reset to default', async () => {
    const t = connected({ withUpdates: true });
    t.emit(layouts.singleParticipantOther);
    await t.adapter.updateRecording?.({ instanceId: layouts.singleParticipantOther.instanceId });
    expect(t.calls).toEqual([
      { method: 'updateRecording', args: [{ instanceId: layouts.singleParticipantOther.instanceId, layout: layouts.singleParticipantOther.layout }] },
    ]);
  });

  it('18.10: updateLiveStreaming without a layout sends the one the stream was started or last updated with', async () => {
    const t = connected({ withUpdates: true });
    await t.adapter.startLiveStream?.({ rtmpUrl: 'rtmps://live.example.com/app/KEY', providerOptions: { layout: { preset: 'portrait', variant: 'inset' } } });
    await t.adapter.updateLiveStream?.({});
    await t.adapter.updateLiveStream?.({ layout: { preset: 'single-participant', session_id: 'me-1111' } });
    await t.adapter.updateLiveStream?.({ providerOptions: {} });
    const updates = t.calls.filter((c) => c.method === 'updateLiveStreaming').map((c) => c.args[0]);
    expect(updates).toEqual([
      { layout: { preset: 'portrait', variant: 'inset' } },
      { layout: { preset: 'single-participant', session_id: 'me-1111' } },
      { layout: { preset: 'single-participant', session_id: 'me-1111' } },
    ]);
  });

  it('18.10: with no layout known, the update is refused instead of resetting the layout', async () => {
    const t = connected({ withUpdates: true });
    await expect(t.adapter.updateRecording?.({ instanceId: 'unknown' })).rejects.toThrow(/layout/);
    expect(t.calls).toEqual([]);
  });
});
