import { useEffect } from 'react';
import { consentSlice } from '../core/consentSlice.js';
import { liveStreamSlice } from '../core/liveStreamSlice.js';
import { participantRecordingSlice } from '../core/participantRecordingSlice.js';
import { recordingSlice } from '../core/recordingSlice.js';
import { rosterSlice } from '../core/rosterSlice.js';
import type { OnAirSlice } from '../core/slice.js';
import type { OnAirStore } from '../store/createOnAirStore.js';

/** @internal What `useRecording` reads: recordings, and the names of who started them. */
export const RECORDING_SLICES: readonly OnAirSlice[] = [recordingSlice, rosterSlice];
/** @internal What `useLiveStream` reads. */
export const LIVE_STREAM_SLICES: readonly OnAirSlice[] = [liveStreamSlice];
/** @internal What `useConsent` reads: answers, names, and the recordings that make consent required. */
export const CONSENT_SLICES: readonly OnAirSlice[] = [consentSlice, rosterSlice, recordingSlice];
/** @internal What `useParticipantRecording` reads. */
export const PARTICIPANT_RECORDING_SLICES: readonly OnAirSlice[] = [participantRecordingSlice, rosterSlice];

/**
 * Registers the slices a hook reads on the meeting's store (idempotent), so their events are
 * reduced even when the adapter did not declare them. `slices` must be a module constant.
 *
 * @example
 * ```ts
 * useSlices(store, RECORDING_SLICES);
 * ```
 *
 * @internal
 */
export function useSlices(store: OnAirStore, slices: readonly OnAirSlice[]): void {
  useEffect(() => store.addSlices(slices), [store, slices]);
}
