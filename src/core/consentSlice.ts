import type { OnAirState } from './model.js';
import { ownValue, withEntry, withoutEntry } from './records.js';
import type { OnAirSlice } from './slice.js';

function withoutAnswer(state: OnAirState, participantId: string): OnAirState {
  const consents = withoutEntry(state.consents, participantId);
  return consents === state.consents ? state : { ...state, consents };
}

/**
 * The consent slice: each participant's recording consent (`consent-updated`, the consent a
 * `participant-joined` carries, `participant-left`), answered per consent epoch. A provider that
 * carries consent itself (OpenTalk) declares it, so answers that arrive before any consent hook
 * mounts are kept.
 *
 * @example
 * ```ts
 * import { consentSlice } from 'onair-react/advanced';
 *
 * const state = consentSlice.reduce(initialOnAirState, { type: 'consent-updated', participantId: 'p1', consent: true, at: Date.now() });
 * state.consents.p1?.consent; // true
 * ```
 *
 * @beta
 */
export const consentSlice: OnAirSlice = {
  name: 'consent',
  types: ['participant-joined', 'participant-left', 'consent-updated'],
  reduce(state, event) {
    switch (event.type) {
      case 'participant-joined':
        if (typeof event.participantId !== 'string' || event.participantId.length === 0 || typeof event.consent !== 'boolean') return state;
        return {
          ...state,
          consents: withEntry(state.consents, event.participantId, { consent: event.consent, at: event.at, epoch: state.consentEpoch }),
        };
      case 'participant-left':
        return typeof event.participantId === 'string' ? withoutAnswer(state, event.participantId) : state;
      case 'consent-updated': {
        if (typeof event.participantId !== 'string' || event.participantId.length === 0) return state;
        if (event.consent === undefined) return withoutAnswer(state, event.participantId);
        if (typeof event.consent !== 'boolean') return state;
        const previous = ownValue(state.consents, event.participantId);
        const notice = typeof event.notice === 'string' ? event.notice : undefined;
        // The same answer again without a notice (a provider's echo) keeps the notice it was given to.
        if (previous && previous.consent === event.consent && previous.epoch === state.consentEpoch && (notice === undefined || previous.notice === notice)) return state;
        return {
          ...state,
          consents: withEntry(state.consents, event.participantId, {
            consent: event.consent,
            at: event.at,
            epoch: state.consentEpoch,
            ...(notice === undefined ? {} : { notice }),
          }),
        };
      }
      default:
        return state;
    }
  },
};
