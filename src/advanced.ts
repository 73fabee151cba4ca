/**
 * onair-react/advanced — the building blocks under the hooks and components, for apps and tests
 * that drive state without React, write their own adapter, or wire React Query by hand.
 *
 * Everything here is `@beta`: it follows the kit's internals and may change in a minor release.
 * App code needs only `onair-react` (and a provider entry such as `onair-react/daily`).
 *
 * @packageDocumentation
 */

// Store, reducer and model state
export { createOnAirStore, REPLAY_LIMIT, type OnAirStore, type OnAirEventListener } from './store/createOnAirStore.js';
export type { OnAirActions } from './store/createOnAirActions.js';
export { createConsentOutbox, type ConsentOutbox } from './store/createConsentOutbox.js';
export { newIdempotencyKey } from './core/idempotencyKey.js';
export { reduceOnAir, allSlices } from './core/reduceOnAir.js';
// The slices of the state (an adapter declares those its events feed: `OnAirAdapter.slices`)
export { recordingSlice } from './core/recordingSlice.js';
export { liveStreamSlice } from './core/liveStreamSlice.js';
export { rosterSlice } from './core/rosterSlice.js';
export { consentSlice } from './core/consentSlice.js';
export { participantRecordingSlice } from './core/participantRecordingSlice.js';
export {
  initialOnAirState,
  DEFAULT_INSTANCE_ID,
  MAX_CLOSED_INSTANCES,
  type OnAirState,
  type ClosedInstance,
} from './core/model.js';
export { noCapabilities } from './core/adapter.js';

// The raw context (the hooks of `onair-react` read it through narrow selectors)
export { useOnAirContext, useMaybeOnAirContext, type OnAirContextValue } from './hooks/OnAirContext.js';
export { LOCAL_PARTICIPANT_KEY } from './hooks/useConsent.js';

// React Query building blocks (the hooks of `onair-react` use them)
export { normalizeRecordingsQuery } from './core/queryKeys.js';
export { readTimestamp, readExpiry } from './core/recordings.js';
export { controlRecordingMutation, startRecordingMutation, startTrackRecordingMutation } from './query/recordingMutations.js';
export { recordingKeysForEvent } from './query/invalidation.js';
export { hasStaleLinks, DEFAULT_POLL_MS, LINK_EXPIRY_MARGIN_MS } from './query/freshness.js';
