/**
 * `onair-react/videosdk`: VideoSDK individual participant recording — a REST client, and an
 * adapter fed by webhooks that the app's relay (`onair-react/server`) streams to the browser.
 *
 * @packageDocumentation
 */
export {
  createVideoSdkClient,
  VIDEOSDK_API_BASE_URL,
  type VideoSdkClient,
  type VideoSdkClientOptions,
  type VideoSdkCallOptions,
  type VideoSdkCommandResult,
  type VideoSdkActiveHls,
  type VideoSdkLiveStreamDestination,
  type VideoSdkFileFormat,
  type StartParticipantRecordingInput,
  type StopParticipantRecordingInput,
} from './createVideoSdkClient.js';
export {
  createVideoSdkAdapter,
  type VideoSdkAdapter,
  type VideoSdkAdapterOptions,
  type VideoSdkRecordingsSource,
  type VideoSdkConnection,
  type VideoSdkConnectionState,
  type VideoSdkWebhookSubscribe,
  type EventSourceLike,
} from './createVideoSdkAdapter.js';
export { VIDEOSDK_RTMP_INSTANCE, VIDEOSDK_HLS_INSTANCE, type VideoSdkLiveClient } from './liveStreams.js';
export { VideoSdkError, isVideoSdkError } from './errors.js';
export {
  toVideoSdkRecordingAsset,
  VideoSdkParticipantRecordingSchema,
  VideoSdkRecordingListSchema,
  type VideoSdkParticipantRecording,
  type VideoSdkRecordingsPage,
  type VideoSdkRecordingsQuery,
} from './recordings.js';
export {
  parseVideoSdkWebhook,
  ParticipantRecordingWebhookSchema,
  type ParticipantRecordingWebhook,
  type ParticipantRecordingWebhookType,
  type LiveStreamWebhookType,
  type VideoSdkLivePhase,
  type ParsedVideoSdkWebhook,
  type RelayEnvelope,
} from './webhooks.js';
