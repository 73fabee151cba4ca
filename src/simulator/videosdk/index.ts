export {
  createVideoSdkSimulator,
  defaultVideoSdkSimulatorDelays,
  type VideoSdkSimulator,
  type VideoSdkSimulatorOptions,
  type VideoSdkSimulatorDelays,
  type VideoSdkStoredRecording,
  type VideoSdkSimulatedOutput,
} from './createVideoSdkSimulator.js';
