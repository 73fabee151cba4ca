import { describe, expect, it } from 'vitest';
import { dailyRecordedParticipants, parseDailyEvent, type DailyParsed } from '../../../src/adapters/daily/index.js';
import type { OnAirEvent } from '../../../src/core/events.js';
import { initialOnAirState, type OnAirState } from '../../../src/core/model.js';
import { recordingIncludes, recordingPermissions, selectRecordingSession } from '../../../src/core/selectors.js';
import { recordingKeysForEvent } from '../../../src/query/invalidation.js';
import { onAirKeys } from '../../../src/core/queryKeys.js';
import layouts from '../../fixtures/daily/layouts.json';
import participants from '../../fixtures/daily/participants.json';
import permissions from '../../fixtures/daily/permissions.json';
import upload from '../../fixtures/daily/recording-upload.json';
import { connectedDailyAdapter } from './fakeDailyCall.js';

const ME = 'me-1111';

const connected = (init: Parameters<typeof connectedDailyAdapter>[0] = {}) => connectedDailyAdapter(init, { onProblem: () => {} });

/** The local participant joined as a plain participant, then Daily updated their permissions. */
function localRoleAfter(update: unknown): OnAirState['providerRole'] {
  const t = connected();
  const plain = structuredClone(participants.joinedMeeting);
  plain.participants.local.owner = false;
  t.emit(plain);
  t.emit(update);
  return t.state().providerRole;
}

describe('Daily — who may record and stream (Daily’s permission model)', () => {
  it.each([
    ['ownerLocal', 'moderator'],
    ['canAdminTrueLocal', 'moderator'],
    ['canAdminStreamingLocal', 'moderator'],
    ['canAdminParticipantsAndStreamingLocal', 'moderator'],
    ['canAdminParticipantsLocal', 'participant'],
    ['canAdminTranscriptionLocal', 'participant'],
  ] as const)('%s → %s', (name, role) => {
    expect(localRoleAfter(permissions[name])).toBe(role);
  });

  it('offers no start to a participant whose canAdmin is only "participants"', () => {
    const t = connected();
    const plain = structuredClone(participants.joinedMeeting);
    plain.participants.local.owner = false;
    t.emit(plain);
    t.emit(permissions.canAdminParticipantsLocal);
    const can = recordingPermissions(t.adapter.capabilities, t.state().providerRole, 'idle');
    expect(can).toMatchObject({ start: false, reason: 'not-allowed' });
  });
});

describe('Daily — recording-upload-completed', () => {
  it('becomes recording-uploaded, which makes the recording lists stale', () => {
    const t = connected();
    t.emit(upload.uploadCompleted);
    expect(t.events).toEqual([{ type: 'recording-uploaded', at: expect.any(Number) as number, instanceId: undefined, recordingId: undefined }]);
    expect(recordingKeysForEvent('s', t.events[0] as OnAirEvent)).toEqual([onAirKeys.recordingLists('s')]);
    expect(t.state()).toBe(initialOnAirState);
  });

  it('reads the ids a payload may carry, and refreshes that recording’s details too', () => {
    const [event] = (parseDailyEvent(upload.uploadCompletedWithIds, 5) as DailyParsed).events;
    expect(event).toEqual({
      type: 'recording-uploaded',
      at: 5,
      instanceId: '00000000-0000-4000-8000-000000000000',
      recordingId: 'cab2be92-1551-42d8-bcdf-11fe7bd81923',
    });
    expect(recordingKeysForEvent('s', event as OnAirEvent)).toContainEqual(onAirKeys.recordingDetail('s', 'cab2be92-1551-42d8-bcdf-11fe7bd81923'));
    const [hostile] = (parseDailyEvent(upload.uploadCompletedHostileIds, 5) as DailyParsed).events;
    expect(hostile).toEqual({ type: 'recording-uploaded', at: 5, instanceId: undefined, recordingId: undefined });
  });
});

describe('Daily — is the local participant in the recording?', () => {
  it.each([
    ['singleParticipantMe', true],
    ['singleParticipantOther', false],
    ['selectionIncludesMeByAudio', true],
    ['selectionExcludesMe', false],
    ['selectionVideoOnlyListed', true], // audio left out: Daily records everyone's audio
    ['selectionWildcard', true],
    ['defaultNoSelection', 'unknown'],
    ['customNoSelection', 'unknown'],
    ['rawTracksNoLayout', 'unknown'],
  ] as const)('%s → %s', (name, expected) => {
    const t = connected();
    t.emit(participants.joinedMeeting);
    t.emit(layouts[name]);
    // joined-meeting also opens a local recording (a participant with record: true): ask for this one.
    const session = selectRecordingSession(t.state(), layouts[name].instanceId);
    expect(session?.status).toBe('recording');
    expect(recordingIncludes(session, t.state().localParticipantId)).toBe(expected);
  });

  it('says "unknown" while the local session id is not known, and false with no recording', () => {
    const t = connected();
    t.emit(layouts.singleParticipantOther);
    expect(recordingIncludes(selectRecordingSession(t.state()), t.state().localParticipantId)).toBe('unknown');
    expect(recordingIncludes(undefined, ME)).toBe(false);
  });

  it('reads no selection out of malformed layouts', () => {
    expect(dailyRecordedParticipants({ preset: 'single-participant' })).toBeUndefined();
    expect(dailyRecordedParticipants({ preset: 'default', participants: { video: 'me-1111' } })).toBeUndefined();
    expect(dailyRecordedParticipants({ preset: 'default', participants: { video: [7], audio: [] } })).toBeUndefined();
  });
});

describe('Daily — layout and endpoint commands where the call object has them', () => {
  it('offers and forwards updateRecording, updateLiveStreaming and endpoint add/remove', async () => {
    const t = connected({ withUpdates: true });
    expect(t.adapter.capabilities).toMatchObject({ updateRecording: true, updateLiveStream: true, liveStreamEndpoints: true });
    await t.adapter.updateRecording?.({ instanceId: 'i1', layout: { preset: 'single-participant', session_id: ME } });
    await t.adapter.updateLiveStream?.({ layout: { preset: 'portrait', variant: 'inset' } });
    await t.adapter.addLiveStreamEndpoints?.({ instanceId: 'l1', endpoints: ['youtube', 'twitch'] });
    await t.adapter.removeLiveStreamEndpoints?.({ endpoints: ['twitch'] });
    expect(t.calls).toEqual([
      { method: 'updateRecording', args: [{ instanceId: 'i1', layout: { preset: 'single-participant', session_id: ME } }] },
      { method: 'updateLiveStreaming', args: [{ layout: { preset: 'portrait', variant: 'inset' } }] },
      { method: 'addLiveStreamingEndpoints', args: [{ instanceId: 'l1', endpoints: [{ endpoint: 'youtube' }, { endpoint: 'twitch' }] }] },
      { method: 'removeLiveStreamingEndpoints', args: [{ endpoints: [{ endpoint: 'twitch' }] }] },
    ]);
  });

  it('rejects an empty endpoint list without calling Daily, and a throwing call with a readable message', async () => {
    const t = connected({ withUpdates: true });
    await expect(t.adapter.addLiveStreamEndpoints?.({ endpoints: [] })).rejects.toThrow('Name at least one live-stream endpoint.');
    expect(t.calls).toEqual([]);
    t.failNextCall({ errorMsg: 'not streaming' });
    await expect(t.adapter.updateLiveStream?.({ layout: { preset: 'default' } })).rejects.toThrow('Daily could not change the live stream.');
  });
});

describe('Daily — session ids that name Object.prototype members', () => {
  it('keeps every participant of joined-meeting, whatever their session id', () => {
    const payload: unknown = JSON.parse(
      '{"action":"joined-meeting","participants":{"local":{"session_id":"toString","local":true},' +
        '"constructor":{"session_id":"constructor","user_name":"Con","record":true},' +
        '"__proto__":{"session_id":"__proto__","user_name":"Proto"},"valueOf":{"session_id":"valueOf","user_name":"Val"}}}',
    );
    const t = connected();
    t.emit(payload);
    expect(t.state().localParticipantId).toBe('toString');
    expect(Object.keys(t.state().participantNames).sort()).toEqual(['__proto__', 'constructor', 'valueOf']);
    expect(Object.keys(t.state().recordings)).toEqual(['local:constructor']);
    t.emit({ action: 'participant-left', participant: { session_id: 'constructor' } });
    expect(Object.keys(t.state().recordings)).toEqual([]);
  });
});
