import { consentSlice } from './consentSlice.js';
import type { OnAirEvent } from './events.js';
import { liveStreamSlice } from './liveStreamSlice.js';
import type { OnAirState } from './model.js';
import { participantRecordingSlice } from './participantRecordingSlice.js';
import { recordingSlice } from './recordingSlice.js';
import { rosterSlice } from './rosterSlice.js';
import { composeSlices, type OnAirSlice } from './slice.js';

/**
 * Every slice of the live state, in the order `reduceOnAir` applies them to an event.
 *
 * @example
 * ```ts
 * import { allSlices, createOnAirStore } from 'onair-react/advanced';
 *
 * allSlices.map((slice) => slice.name); // ["recording", "live-stream", "roster", "consent", "participant-recording"]
 * ```
 *
 * @beta
 */
export const allSlices: readonly OnAirSlice[] = Object.freeze([recordingSlice, liveStreamSlice, rosterSlice, consentSlice, participantRecordingSlice]);

const reduceAll = composeSlices(allSlices);

/**
 * The reducer: the single place where events become state — every slice of it (recordings, live
 * streams, roster, consent, participant recordings); a store reduces with the slices registered on it.
 *
 * Pure and total — any event, in any order, duplicated, unknown or malformed, yields a valid
 * state (an unusable event returns the state unchanged). An event for an instance that already
 * closed does not reopen it; only a new start does (a `recording-started` that repeats the closed
 * recording's id counts as a duplicate). An error event's message is kept for the UI.
 *
 * @example
 * ```ts
 * let state = initialOnAirState;
 * state = reduceOnAir(state, { type: 'recording-started', at: Date.now(), recordingId: 'r1' });
 * state.recordings.default?.status; // 'recording'
 * ```
 *
 * @beta
 */
export function reduceOnAir(state: OnAirState, event: OnAirEvent): OnAirState {
  return reduceAll(state, event);
}
