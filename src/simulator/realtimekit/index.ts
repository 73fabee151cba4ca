export {
  createRealtimeKitBackend,
  type RealtimeKitBackend,
  type RealtimeKitBackendOptions,
  type RealtimeKitFault,
  type RealtimeKitEndpoint,
  type SeedRecordingOptions,
} from './createRealtimeKitBackend.js';
export { realtimeKitHandlers, type RealtimeKitHandlersOptions, type MswHttpLike } from './realtimeKitHandlers.js';
