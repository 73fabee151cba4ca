/**
 * onair-react/local — recording in this browser that survives a closed tab or a crash: the
 * recorder (`createLocalRecorder`), the adapter that puts it beside the provider's recording
 * (`createLocalRecordingAdapter`), a recordings source for `RecordingList`
 * (`createLocalRecordingsSource`), the headless hook (`useLocalRecording`), the notice of storage,
 * stops and interrupted recordings (`LocalRecordingNotice`), and the announcement of a local
 * recording to the others in the meeting (`localRecordingEvent`).
 *
 * @packageDocumentation
 */

export {
  createLocalRecorder,
  localFileName,
  type LocalRecorder,
  type LocalRecorderOptions,
  type LocalRecorderState,
  type LocalRecording,
  type LocalStorageState,
  type StorageEstimateLike,
} from './local/createLocalRecorder.js';
export { LOCAL_RECORDINGS_DB, type LocalStopReason } from './local/localStore.js';
export { LOCAL_RECORDING_TYPES } from './local/capture.js';
export { withWebmDuration } from './local/webmDuration.js';
export {
  createLocalRecordingAdapter,
  LOCAL_START,
  type LocalRecordingAdapter,
  type LocalRecordingAdapterOptions,
} from './local/createLocalRecordingAdapter.js';
export { LOCAL_INSTANCE_ID } from './core/adapter.js';
export { createLocalRecordingsSource, type LocalRecordingsSourceOptions } from './local/createLocalRecordingsSource.js';
export { localRecordingEvent, type LocalRecordingAnnouncement } from './local/announcements.js';
export { useLocalRecording, type UseLocalRecordingResult } from './hooks/useLocalRecording.js';
export { LocalRecordingNotice, type LocalRecordingNoticeProps } from './components/LocalRecordingNotice.js';
export { localRecordingLabels, type LocalRecordingLabels } from './core/localLabels.js';
