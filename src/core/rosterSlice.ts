import type { OnAirState } from './model.js';
import { ownValue, withEntry, withoutEntry } from './records.js';
import type { OnAirSlice } from './slice.js';

function named(state: OnAirState, participantId: string, name: unknown): OnAirState {
  if (typeof name !== 'string' || ownValue(state.participantNames, participantId) === name) return state;
  return { ...state, participantNames: withEntry(state.participantNames, participantId, name) };
}

/**
 * The roster slice: participants' display names (`participant-named`, `participant-joined`,
 * `participant-left`), read by "Recording started by …" and the consent roster.
 *
 * @example
 * ```ts
 * import { rosterSlice } from 'onair-react/advanced';
 *
 * const state = rosterSlice.reduce(initialOnAirState, { type: 'participant-named', participantId: 'p1', name: 'Ada', at: Date.now() });
 * state.participantNames.p1; // "Ada"
 * ```
 *
 * @beta
 */
export const rosterSlice: OnAirSlice = {
  name: 'roster',
  types: ['participant-named', 'participant-joined', 'participant-left'],
  reduce(state, event) {
    switch (event.type) {
      case 'participant-named':
        return typeof event.participantId === 'string' ? named(state, event.participantId, event.name) : state;
      case 'participant-joined':
        return typeof event.participantId === 'string' && event.participantId.length > 0 ? named(state, event.participantId, event.name) : state;
      case 'participant-left': {
        if (typeof event.participantId !== 'string') return state;
        const names = withoutEntry(state.participantNames, event.participantId);
        return names === state.participantNames ? state : { ...state, participantNames: names };
      }
      default:
        return state;
    }
  },
};
