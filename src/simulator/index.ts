/**
 * `onair-react/simulator`: an in-memory meeting backend for stories, tests and app teams.
 *
 * @example
 * ```ts
 * import { createSimulator } from 'onair-react/simulator';
 * import { createDailyAdapter } from 'onair-react/daily';
 * const sim = createSimulator();
 * const adapter = createDailyAdapter(sim.daily);
 * ```
 *
 * @packageDocumentation
 */
export {
  createSimulator,
  defaultSimulatorDelays,
  SIMULATED_DEFAULT_INSTANCE_ID,
  SIMULATED_PERMISSION_MESSAGE,
} from './createSimulator.js';
export type {
  Simulator,
  SimulatorOptions,
  SimulatorDelays,
  SimulatorPerson,
  SimulatorFaults,
  SimulatorRemote,
  SimulatorLogLine,
  SimulatedDailyCall,
  SimulatedDailyEvent,
  SimulatedDailyHandler,
  SimulatedDailyParticipant,
} from './simulatorTypes.js';
export {
  createOpenTalkRoom,
  defaultOpenTalkParticipants,
  type OpenTalkRoom,
  type OpenTalkRoomOptions,
  type OpenTalkSimClient,
  type OpenTalkSimConnection,
  type OpenTalkSimParticipant,
  type OpenTalkSimProtocol,
  type OpenTalkSimTarget,
} from './opentalk/index.js';
export {
  createVideoSdkSimulator,
  defaultVideoSdkSimulatorDelays,
  type VideoSdkSimulator,
  type VideoSdkSimulatorOptions,
  type VideoSdkSimulatorDelays,
  type VideoSdkStoredRecording,
  type VideoSdkSimulatedOutput,
} from './videosdk/index.js';
export {
  createRealtimeKitBackend,
  createRealtimeKitMeeting,
  realtimeKitHandlers,
  type RealtimeKitMeetingOptions,
  type SimulatedRealtimeKitMeeting,
  type SimulatedRealtimeKitPlaybackState,
  type RealtimeKitBackend,
  type RealtimeKitBackendOptions,
  type RealtimeKitFault,
  type RealtimeKitEndpoint,
  type RealtimeKitPlaybackState,
  type RealtimeKitHandlersOptions,
  type MswHttpLike,
  type SeedRecordingOptions,
} from './realtimekit/index.js';
