// Late joiners (issue 21, "Late joiners and phone users"): joining into a running recording is
// announced once, politely, as what it is — not "Recording started", and never the ticking clock.
import { describe, expect, it } from 'vitest';
import { announcementsFor } from '../../src/core/announcements.js';
import type { OnAirEvent } from '../../src/core/events.js';
import { announcementLabels } from '../../src/core/labels.js';
import { initialOnAirState, type OnAirState } from '../../src/core/model.js';
import { reduceOnAir } from '../../src/core/reduceOnAir.js';

const NOW = Date.parse('2026-12-07T10:00:00Z');
const say = (from: OnAirState, event: OnAirEvent, now = NOW): string[] => announcementsFor(from, reduceOnAir(from, event), announcementLabels, now);

describe('21 late joiner announcement', () => {
  it('21 late joiner: a recording running for twenty minutes is announced once as "This meeting is being recorded"', () => {
    const joined = say(initialOnAirState, { type: 'recording-started', at: NOW, startedAt: NOW - 20 * 60_000, recordingId: 'r1' });
    expect(joined).toEqual(['This meeting is being recorded']);
    // Later events of the same recording (and the clock) announce nothing.
    const state = reduceOnAir(initialOnAirState, { type: 'recording-started', at: NOW, startedAt: NOW - 20 * 60_000, recordingId: 'r1' });
    expect(say(state, { type: 'recording-started', at: NOW + 1_000, recordingId: 'r1' }, NOW + 60_000)).toEqual([]);
  });

  it('21 late joiner: a recording that starts while the person is there is still "Recording started"', () => {
    expect(say(initialOnAirState, { type: 'recording-started', at: NOW - 500, startedAt: NOW - 500 })).toEqual(['Recording started']);
    // Without a clock the old wording stays.
    expect(announcementsFor(initialOnAirState, reduceOnAir(initialOnAirState, { type: 'recording-started', at: 1 }), announcementLabels)).toEqual(['Recording started']);
  });
});
