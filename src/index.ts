/**
 * onair-react — recording and live-streaming UI for video meeting apps.
 *
 * Provider adapters live in their own entries (`onair-react/daily`, …); the simulator in
 * `onair-react/simulator`; styles in `onair-react/styles.css`.
 *
 * @packageDocumentation
 */

// Provider
export { OnAirProvider, type OnAirProviderProps } from './provider/OnAirProvider.js';

// Hooks
export { useOnAirContext, useMaybeOnAirContext, type OnAirContextValue } from './hooks/OnAirContext.js';
export { useRecording, type UseRecordingOptions, type UseRecordingResult } from './hooks/useRecording.js';
export { useLiveStream, type UseLiveStreamOptions, type UseLiveStreamResult } from './hooks/useLiveStream.js';
export { useOnAirEvent } from './hooks/useOnAirEvent.js';
export { useElapsedMs, type ElapsedClock } from './hooks/useElapsedMs.js';

// Store (for apps and tests that drive state without React)
export { createOnAirStore, type OnAirStore, type OnAirEventListener } from './store/createOnAirStore.js';
export { OnAirCommandError, type OnAirActions } from './store/createOnAirActions.js';

// Model and helpers
export * from './core/model.js';
export type * from './core/events.js';
export * from './core/adapter.js';
export { reduceOnAir } from './core/reduceOnAir.js';
export {
  recordingElapsedMs,
  type ControlUnavailableReason,
  type RecordingPermissions,
  type LiveStreamPermissions,
} from './core/selectors.js';
export { formatElapsed, formatElapsedLong, formatBytes } from './core/format.js';
export { safeHttpUrl, isExpired } from './core/url.js';
export { defaultLabels, type OnAirLabels } from './core/labels.js';
export { themeToStyle, themeVariable, type OnAirTheme, type OnAirThemeToken } from './core/theme.js';

// Components
