export {
  createRealtimeKitBackend,
  type RealtimeKitBackend,
  type RealtimeKitBackendOptions,
  type RealtimeKitFault,
  type RealtimeKitEndpoint,
  type RealtimeKitPlaybackState,
  type SeedRecordingOptions,
} from './createRealtimeKitBackend.js';
export { realtimeKitHandlers, type RealtimeKitHandlersOptions, type MswHttpLike } from './realtimeKitHandlers.js';
export {
  createRealtimeKitMeeting,
  type RealtimeKitMeetingOptions,
  type SimulatedRealtimeKitMeeting,
  type SimulatedRealtimeKitPlaybackState,
} from './createRealtimeKitMeeting.js';
