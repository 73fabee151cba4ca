// Which notice an answer was given to (issue 21, "Notices"): kept with the answer, kept through a
// provider's echo of the same answer, replaced by a new answer, and gone with a new recording.
import { describe, expect, it } from 'vitest';
import type { OnAirEvent } from '../../src/core/events.js';
import { initialOnAirState, type OnAirState } from '../../src/core/model.js';
import { reduceOnAir } from '../../src/core/reduceOnAir.js';

const run = (events: readonly OnAirEvent[], from: OnAirState = initialOnAirState): OnAirState => events.reduce(reduceOnAir, from);
const start: OnAirEvent[] = [
  { type: 'session-joined', at: 0, localParticipantId: 'me' },
  { type: 'recording-started', at: 1, recordingId: 'r1' },
];

describe('21 ledger: consent answers remember their notice', () => {
  it('21 ledger: keeps the notice with the answer, and through an echo of the same answer without one', () => {
    const s = run([...start, { type: 'consent-updated', at: 2, participantId: 'me', consent: true, notice: 'n@1' }]);
    expect(s.consents.me).toMatchObject({ consent: true, notice: 'n@1' });
    // OpenTalk echoes `consents_recording: true` without a notice: the answer keeps its notice.
    const echoed = run([{ type: 'consent-updated', at: 3, participantId: 'me', consent: true }], s);
    expect(echoed).toBe(s);
  });

  it('21 ledger: a new answer to a new version replaces it; a changed answer without a notice drops it', () => {
    const s = run([
      ...start,
      { type: 'consent-updated', at: 2, participantId: 'me', consent: true, notice: 'n@1' },
      { type: 'consent-updated', at: 3, participantId: 'me', consent: true, notice: 'n@2' },
    ]);
    expect(s.consents.me?.notice).toBe('n@2');
    const withdrawn = run([{ type: 'consent-updated', at: 4, participantId: 'me', consent: false }], s);
    expect(withdrawn.consents.me).toMatchObject({ consent: false });
    expect(withdrawn.consents.me?.notice).toBeUndefined();
  });

  it('21 ledger: a notice that is not a string is ignored (input from outside)', () => {
    const s = run([...start, { type: 'consent-updated', at: 2, participantId: '__proto__', consent: true, notice: 42 as unknown as string }]);
    expect(s.consents['__proto__']).toMatchObject({ consent: true });
    expect(s.consents['__proto__']?.notice).toBeUndefined();
  });
});
