export {
  createVideoSdkSimulator,
  defaultVideoSdkSimulatorDelays,
  type VideoSdkSimulator,
  type VideoSdkSimulatorOptions,
  type VideoSdkSimulatorDelays,
  type VideoSdkStoredRecording,
} from './createVideoSdkSimulator.js';
