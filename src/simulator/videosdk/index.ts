export {
  createVideoSdkSimulator,
  defaultVideoSdkSimulatorDelays,
  type VideoSdkSimulator,
  type VideoSdkSimulatorOptions,
  type VideoSdkSimulatorDelays,
} from './createVideoSdkSimulator.js';
