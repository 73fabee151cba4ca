// A store reduces only the slices registered on it (issue 11, "pay for what you use"): the adapter's
// declared slices and those the hooks register. A slice registered late takes in the events of its
// types sent since the meeting was joined, so nothing an adapter sent before a hook mounted is lost.
import { describe, expect, it } from 'vitest';
import { consentSlice } from '../../src/core/consentSlice.js';
import type { OnAirEvent } from '../../src/core/events.js';
import { liveStreamSlice } from '../../src/core/liveStreamSlice.js';
import { initialOnAirState, type OnAirState } from '../../src/core/model.js';
import { participantRecordingSlice } from '../../src/core/participantRecordingSlice.js';
import { allSlices, reduceOnAir } from '../../src/core/reduceOnAir.js';
import { recordingSlice } from '../../src/core/recordingSlice.js';
import { rosterSlice } from '../../src/core/rosterSlice.js';
import { composeSlices, type OnAirSlice } from '../../src/core/slice.js';
import { createOnAirStore, createSlicedStore, REPLAY_LIMIT } from '../../src/store/createOnAirStore.js';
import { createDailyAdapter } from '../../src/adapters/daily/index.js';
import { createOpenTalkAdapter } from '../../src/adapters/opentalk/index.js';
import { createRealtimeKitAdapter, createRealtimeKitClient } from '../../src/adapters/realtimekit/index.js';
import { createSimulator } from '../../src/simulator/index.js';

const meeting: OnAirEvent[] = [
  { type: 'session-joined', at: 0, localParticipantId: 'me', role: 'moderator' },
  { type: 'participant-joined', at: 1, participantId: 'ada', name: 'Ada', consent: true },
  { type: 'participant-named', at: 2, participantId: 'me', name: 'Me' },
  { type: 'recording-started', at: 3, recordingId: 'r1', startedBy: 'ada' },
  { type: 'consent-updated', at: 4, participantId: 'me', consent: true },
  { type: 'live-stream-started', at: 5, instanceId: 'l1' },
  { type: 'live-stream-updated', at: 6, instanceId: 'l1', state: 'interrupted', endpoint: 'yt' },
  { type: 'participant-recording', at: 7, participantId: 'ada', phase: 'started', sessionId: 's1' },
  { type: 'recording-paused', at: 8 },
];

const run = (reduce: (s: OnAirState, e: OnAirEvent) => OnAirState, events: readonly OnAirEvent[]): OnAirState => events.reduce(reduce, initialOnAirState);

describe('slices', () => {
  it('together reduce exactly as reduceOnAir does', () => {
    expect(run(composeSlices(allSlices), meeting)).toEqual(run(reduceOnAir, meeting));
    expect(allSlices).toEqual([recordingSlice, liveStreamSlice, rosterSlice, consentSlice, participantRecordingSlice]);
  });

  it('each changes only its own part of the state', () => {
    const recordingsOnly = run(composeSlices([recordingSlice]), meeting);
    expect(recordingsOnly.recordings.default?.status).toBe('paused');
    expect(recordingsOnly.consentEpoch).toBe(1);
    expect(recordingsOnly.localParticipantId).toBe('me'); // the session life cycle is always reduced
    expect(recordingsOnly.liveStreams).toEqual(initialOnAirState.liveStreams);
    expect(recordingsOnly.participantNames).toEqual(initialOnAirState.participantNames);
    expect(recordingsOnly.consents).toEqual(initialOnAirState.consents);
    expect(recordingsOnly.participantRecordings).toEqual(initialOnAirState.participantRecordings);

    const consentOnly = run(composeSlices([consentSlice]), meeting);
    expect(Object.keys(consentOnly.consents).sort()).toEqual(['ada', 'me']);
    expect(consentOnly.recordings).toEqual(initialOnAirState.recordings);
  });

  it('is total for malformed events, with or without slices', () => {
    const reduce = composeSlices([rosterSlice, consentSlice]);
    for (const bad of [null, 3, 'x', {}, { type: 'participant-named', at: Number.NaN }, { type: 'participant-left', at: 1, participantId: 7 }]) {
      expect(reduce(initialOnAirState, bad as unknown as OnAirEvent)).toBe(initialOnAirState);
    }
  });
});

describe('a sliced store', () => {
  it('reduces only the registered slices, and createOnAirStore reduces them all', () => {
    const sliced = createSlicedStore([recordingSlice]);
    const full = createOnAirStore();
    for (const event of meeting) {
      sliced.dispatch(event);
      full.dispatch(event);
    }
    expect(sliced.state.getState().recordings.default?.status).toBe('paused');
    expect(sliced.state.getState().consents).toEqual(initialOnAirState.consents);
    expect(full.state.getState()).toEqual(run(reduceOnAir, meeting));
  });

  it('gives a slice registered late the events of its types sent before, in order', () => {
    const store = createSlicedStore([recordingSlice]);
    for (const event of meeting) store.dispatch(event);
    store.addSlices([consentSlice, rosterSlice]);
    const state = store.state.getState();
    expect(state.consents.me?.consent).toBe(true);
    expect(state.consents.ada?.consent).toBe(true);
    expect(state.participantNames.ada).toBe('Ada');
    expect(state.recordings.default?.status).toBe('paused'); // not replayed into the recording slice
    // Everything a store with all slices from the start knows, but the consent epoch of early answers.
    store.addSlices([liveStreamSlice, participantRecordingSlice]);
    const all = run(reduceOnAir, meeting);
    expect({ ...store.state.getState(), consents: all.consents }).toEqual(all);
  });

  it('registers a slice once, however often it is added', () => {
    let calls = 0;
    const counting: OnAirSlice = { name: 'counting', types: ['participant-named'], reduce: (state) => (calls++, state) };
    const store = createSlicedStore([counting, counting]);
    store.addSlices([counting]);
    store.addSlices([counting, rosterSlice]);
    store.dispatch({ type: 'participant-named', at: 1, participantId: 'p', name: 'P' });
    expect(calls).toBe(1);
    expect(store.state.getState().participantNames.p).toBe('P');
  });

  it('skips what is not a slice, and survives a slice of the app’s own that throws', () => {
    const throwing: OnAirSlice = {
      name: 'throwing',
      types: ['participant-named'],
      reduce: () => {
        throw new Error('bug in an app slice');
      },
    };
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const store = createSlicedStore([undefined, null, { name: 'x' }, rosterSlice] as unknown as OnAirSlice[]);
      store.addSlices([throwing]);
      expect(() => store.dispatch({ type: 'participant-named', at: 1, participantId: 'p', name: 'P' })).not.toThrow();
      expect(store.state.getState().participantNames).toEqual(initialOnAirState.participantNames);
      store.dispatch({ type: 'recording-started', at: 2 });
      expect(() => store.addSlices([recordingSlice])).not.toThrow();
      expect(store.state.getState().recordings.default?.status).toBe('recording');
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
    }
  });

  it('forgets the events of a meeting it left, and keeps at most REPLAY_LIMIT for a late slice', () => {
    const store = createSlicedStore([]);
    store.dispatch({ type: 'consent-updated', at: 1, participantId: 'old', consent: true });
    store.dispatch({ type: 'session-left', at: 2 });
    store.dispatch({ type: 'consent-updated', at: 3, participantId: 'new', consent: false });
    store.addSlices([consentSlice]);
    expect(Object.keys(store.state.getState().consents)).toEqual(['new']);

    const flooded = createSlicedStore([]);
    const total = REPLAY_LIMIT * 3 + 7;
    for (let i = 0; i < total; i++) flooded.dispatch({ type: 'participant-named', at: i, participantId: `p${i}`, name: `P${i}` });
    flooded.addSlices([rosterSlice]);
    const names = Object.keys(flooded.state.getState().participantNames);
    expect(names).toHaveLength(REPLAY_LIMIT);
    expect(names.at(-1)).toBe(`p${total - 1}`);
  });
});

describe('adapters declare the slices of the events they send', () => {
  it('Daily: recordings, live streams, names', () => {
    const sim = createSimulator();
    expect(createDailyAdapter(sim.daily).slices).toEqual([recordingSlice, liveStreamSlice, rosterSlice]);
  });

  it('OpenTalk: consent too, so answers that arrive before any consent hook mounts are kept', () => {
    const adapter = createOpenTalkAdapter({ send: () => undefined, subscribe: () => () => undefined }, { participantId: 'me' });
    expect(adapter.slices).toEqual(expect.arrayContaining([recordingSlice, liveStreamSlice, rosterSlice, consentSlice]));
  });

  it('RealtimeKit: recordings, the livestream (REST, issue 19) and names; recordings and names only with `livestream: false`', () => {
    const client = createRealtimeKitClient({ baseUrl: 'https://app.example/api/rtk', fetch: async () => new Response('{}') });
    expect(createRealtimeKitAdapter({ client, meetingId: 'm1' }).slices).toEqual([recordingSlice, liveStreamSlice, rosterSlice]);
    expect(createRealtimeKitAdapter({ client, meetingId: 'm1', livestream: false }).slices).toEqual([recordingSlice, rosterSlice]);
  });
});
