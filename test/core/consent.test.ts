import { describe, expect, it } from 'vitest';
import type { OnAirEvent } from '../../src/core/events.js';
import { initialOnAirState, type OnAirState } from '../../src/core/model.js';
import { reduceOnAir } from '../../src/core/reduceOnAir.js';
import { countConsents, selectConsentRequired, selectConsentRoster, selectMyConsent } from '../../src/core/selectors.js';

const run = (events: readonly OnAirEvent[], from: OnAirState = initialOnAirState): OnAirState => events.reduce(reduceOnAir, from);

const joined: OnAirEvent[] = [
  { type: 'session-joined', at: 0, localParticipantId: 'me' },
  { type: 'participant-joined', at: 0, participantId: 'me', name: 'Me' },
  { type: 'participant-joined', at: 0, participantId: 'ada', name: 'Ada' },
  { type: 'participant-joined', at: 0, participantId: 'bob', name: 'Bob' },
];

describe('consent', () => {
  it('is never assumed: undefined until the participant chooses', () => {
    const s = run([...joined, { type: 'recording-started', at: 1 }]);
    expect(selectConsentRequired(s)).toBe(true);
    expect(selectMyConsent(s, 'me')).toBeUndefined();
    expect(countConsents(selectConsentRoster(s, 'me'))).toEqual({ consented: 0, declined: 0, pending: 3, total: 3 });
  });

  it('is not required while nothing records', () => {
    expect(selectConsentRequired(run(joined))).toBe(false);
    expect(selectConsentRequired(run([...joined, { type: 'recording-requested', command: 'start-recording', at: 1 }]))).toBe(true);
  });

  it('counts answers and puts the local participant first', () => {
    const s = run([
      ...joined,
      { type: 'recording-started', at: 1 },
      { type: 'consent-updated', at: 2, participantId: 'ada', consent: true },
      { type: 'consent-updated', at: 2, participantId: 'bob', consent: false },
      { type: 'consent-updated', at: 3, participantId: 'me', consent: true },
    ]);
    const roster = selectConsentRoster(s, 'me');
    expect(roster.map((r) => [r.participantId, r.status, r.isLocal])).toEqual([
      ['me', 'consented', true],
      ['ada', 'consented', false],
      ['bob', 'declined', false],
    ]);
    expect(countConsents(roster)).toEqual({ consented: 2, declined: 1, pending: 0, total: 3 });
  });

  it('asks again when a new recording starts', () => {
    const first = run([
      ...joined,
      { type: 'recording-started', at: 1, recordingId: 'r1' },
      { type: 'consent-updated', at: 2, participantId: 'me', consent: true },
    ]);
    expect(selectMyConsent(first, 'me')).toBe(true);
    const paused = run([{ type: 'recording-paused', at: 3 }, { type: 'recording-resumed', at: 4 }], first);
    expect(selectMyConsent(paused, 'me')).toBe(true);
    const second = run([{ type: 'recording-stopped', at: 5 }, { type: 'recording-started', at: 6, recordingId: 'r2' }], paused);
    expect(selectMyConsent(second, 'me')).toBeUndefined();
  });

  it('takes consent reported on join, and a withdrawal', () => {
    const s = run([
      { type: 'recording-started', at: 1 },
      { type: 'participant-joined', at: 2, participantId: 'ada', name: 'Ada', consent: true },
      { type: 'consent-updated', at: 3, participantId: 'ada', consent: false },
    ]);
    expect(selectConsentRoster(s, 'me')[0]?.status).toBe('declined');
  });

  it('a participant without consents_recording is pending, not declined', () => {
    const s = run([{ type: 'recording-started', at: 1 }, { type: 'participant-joined', at: 2, participantId: 'x', name: 'X' }]);
    expect(selectConsentRoster(s, 'me')[0]?.status).toBe('pending');
  });

  it('forgets who left, and ignores malformed consent events', () => {
    const s = run([...joined, { type: 'participant-left', at: 1, participantId: 'bob' }]);
    expect(selectConsentRoster(s, 'me').map((r) => r.participantId)).toEqual(['me', 'ada']);
    const bad = [
      { type: 'consent-updated', at: 1, participantId: 'ada', consent: 'yes' },
      { type: 'consent-updated', at: 1, consent: true },
      { type: 'participant-joined', at: 1 },
    ] as unknown as OnAirEvent[];
    for (const event of bad) expect(reduceOnAir(s, event)).toBe(s);
  });
});
