/**
 * `onair-react/realtimekit` — Cloudflare RealtimeKit: the recordings REST client (a
 * `RecordingsSource` for `OnAirProvider`'s `recordings`) and the live adapter for `RecordButton`.
 *
 * @packageDocumentation
 */
export {
  createRealtimeKitClient,
  type RealtimeKitClient,
  type RealtimeKitClientOptions,
  type RealtimeKitLivestream,
  type RealtimeKitStartLivestreamOptions,
  type RealtimeKitStartRecordingOptions,
} from './createRealtimeKitClient.js';
export {
  createRealtimeKitAdapter,
  type RealtimeKitAdapterOptions,
  type RealtimeKitEventSourceLike,
  type RealtimeKitMeetingAdapterOptions,
  type RealtimeKitRestAdapterOptions,
} from './createRealtimeKitAdapter.js';
export type {
  RealtimeKitMeetingLike,
  RealtimeKitMeetingLivestreamLike,
  RealtimeKitMeetingPermissionsLike,
  RealtimeKitMeetingRecordingInfo,
  RealtimeKitMeetingRecordingLike,
} from './meetingTypes.js';
export { RealtimeKitError, isRealtimeKitError } from './errors.js';
export { toRecordingAsset, toAssetStatus, toProviderStatus } from './normalize.js';
export type {
  RealtimeKitRecording,
  RealtimeKitRecordingInput,
  RealtimeKitRecordingListInput,
  RealtimeKitRecordingResponseInput,
  RealtimeKitTrackRecordingResponseInput,
  RealtimeKitRecordingStatus,
  RealtimeKitLivestreamStatus,
} from './schemas.js';
export { RecordingsError } from '../../core/recordings.js';
export type { RecordingAsset, RecordingsSource, RecordingsPage, RecordingsQuery } from '../../core/recordings.js';
