/**
 * onair-react — recording and live-streaming UI for video meeting apps.
 *
 * Provider adapters live in their own entries (`onair-react/daily`, …); the simulator in
 * `onair-react/simulator`; styles in `onair-react/styles.css`; the store, the reducer, the raw
 * context and the React Query building blocks in `onair-react/advanced`.
 *
 * @packageDocumentation
 */

// Provider
export { OnAirProvider, type OnAirProviderProps, type RecordingLimits } from './provider/OnAirProvider.js';

// Hooks
export { useRecording, type UseRecordingOptions, type UseRecordingResult } from './hooks/useRecording.js';
export { useLiveStream, type UseLiveStreamOptions, type UseLiveStreamResult } from './hooks/useLiveStream.js';
export { useOnAirEvent } from './hooks/useOnAirEvent.js';
export { useElapsedMs, type ElapsedClock } from './hooks/useElapsedMs.js';
export { useConsent, type SetConsentOptions, type UseConsentResult } from './hooks/useConsent.js';
export type { ConsentLedgerAnswer, ConsentLedgerClientOptions, ConsentNoticeVersion, ConsentOutboxState } from './store/createConsentOutbox.js';

// Commands
export { OnAirCommandError } from './store/createOnAirActions.js';

// Model and helpers
export type {
  RecordingStatus,
  RecordingAssetStatus,
  LiveStreamStatus,
  RecordingType,
  ParticipantRole,
  OnAirError,
  OnAirCommand,
  RecordedParticipants,
  ProviderLayout,
  RecordingSession,
  LiveStreamEndpointState,
  LiveStreamSession,
  ProviderPermissions,
  RecordingFile,
  ParticipantRecording,
  ConsentAnswer,
  ConsentStatus,
} from './core/model.js';
export type * from './core/events.js';
export type {
  AdapterCapabilities,
  StartRecordingOptions,
  StartLiveStreamOptions,
  UpdateLayoutOptions,
  LiveStreamEndpointsOptions,
  InstanceOptions,
  OnAirEventSink,
  OnAirAdapter,
  RecordingLocation,
  CommandTiming,
} from './core/adapter.js';
export { LOCAL_INSTANCE_ID, defaultCommandTiming } from './core/adapter.js';
export type { OnAirSlice } from './core/slice.js';
export {
  recordingElapsedMs,
  type ControlUnavailableReason,
  type RecordingPermissions,
  type LiveStreamPermissions,
  type ConsentRosterEntry,
  type ConsentCounts,
} from './core/selectors.js';
export { formatElapsed, formatElapsedLong, formatBytes } from './core/format.js';
export { safeHttpUrl, isExpired } from './core/url.js';
export {
  defaultLabels,
  recordButtonLabels,
  recordingIndicatorLabels,
  liveStreamBadgeLabels,
  liveStreamButtonLabels,
  announcementLabels,
  consentLabels,
  consentRosterLabels,
  providerErrorLabels,
  recordingListLabels,
  recordingPlayerLabels,
  liveStreamPlayerLabels,
  liveStreamDestinationsLabels,
  participantRecordingLabels,
  type OnAirLabels,
} from './core/labels.js';
export { themeToStyle, themeVariable, type OnAirTheme, type OnAirThemeToken } from './core/theme.js';

// Components
export { RecordButton, type RecordButtonProps } from './components/RecordButton.js';
export { RecordingIndicator, type RecordingIndicatorProps } from './components/RecordingIndicator.js';
export { LiveStreamBadge, type LiveStreamBadgeProps } from './components/LiveStreamBadge.js';
export { LiveStreamButton, type LiveStreamButtonProps } from './components/LiveStreamButton.js';
export { useRecordButton, type UseRecordButtonProps, type UseRecordButtonResult } from './hooks/useRecordButton.js';
export {
  useLiveStreamButton,
  isRtmpUrl,
  type UseLiveStreamButtonProps,
  type UseLiveStreamButtonResult,
} from './hooks/useLiveStreamButton.js';
export type { OnAirSize, OnAirVariant, OnAirComponentProps } from './hooks/OnAirComponentProps.js';

// Stored recordings (REST): source contract, query keys and options, hooks, RecordingList
export {
  RecordingsError,
  isActiveAssetStatus,
  ACTIVE_ASSET_STATUSES,
  DEVICE_STORAGE_TYPE,
  type RecordingAsset,
  type RecordingDownload,
  type RecordingReason,
  type RecordingStorage,
  type RecordingsSource,
  type RecordingsCapabilities,
  type RecordingsQuery,
  type RecordingsPage,
  type RecordingsCallOptions,
  type RecordingsSortOrder,
  type RecordingsErrorKind,
  type RecordingControlAction,
  type StartRecordingInput,
  type StartTrackRecordingInput,
} from './core/recordings.js';
export { onAirKeys, DEFAULT_PER_PAGE } from './core/queryKeys.js';
export {
  recordingsListOptions,
  recordingDetailOptions,
  activeRecordingOptions,
  type RecordingQuerySettings,
} from './query/recordingQueries.js';
export { useRecordings, type UseRecordingsOptions, type UseRecordingsResult, type RecordingLinkState } from './hooks/useRecordings.js';
export { useRecordingDetails, type UseRecordingDetailsOptions, type UseRecordingDetailsResult } from './hooks/useRecordingDetails.js';
export { useActiveRecording, type UseActiveRecordingOptions } from './hooks/useActiveRecording.js';
export { useRecordingMutations, type UseRecordingMutationsResult } from './hooks/useRecordingMutations.js';
export type { ControlRecordingVariables, RecordingSnapshot } from './query/recordingMutations.js';
export { RecordingList, type RecordingListProps, type RecordingRowContext, type RecordingLink } from './components/RecordingList.js';
export { RecordingPlayer, type RecordingPlayerProps } from './components/RecordingPlayer.js';
export {
  useRecordingPlayer,
  type UseRecordingPlayerOptions,
  type UseRecordingPlayerResult,
  type RecordingPlayerStatus,
  type RecordingMediaKind,
} from './hooks/useRecordingPlayer.js';
export { LiveStreamPlayer, type LiveStreamPlayerProps } from './components/LiveStreamPlayer.js';
export {
  useLiveStreamPlayer,
  type UseLiveStreamPlayerOptions,
  type UseLiveStreamPlayerResult,
  type LiveStreamPlayerStatus,
  type LiveStreamPlayerEngine,
} from './hooks/useLiveStreamPlayer.js';
export { LiveStreamDestinations, type LiveStreamDestinationsProps } from './components/LiveStreamDestinations.js';
export {
  useLiveStreamDestinations,
  type UseLiveStreamDestinationsResult,
  type UseLiveStreamDestinationsOptions,
  type LiveStreamServerDestination,
  type LiveStreamDestinationEntry,
  type LiveStreamDestinationStatus,
} from './hooks/useLiveStreamDestinations.js';
export {
  LIVE_STREAM_PLATFORMS,
  validateLiveStreamDestination,
  rtmpUrlOf,
  type LiveStreamPlatform,
  type LiveStreamPlatformPreset,
  type LiveStreamDestinationProblem,
} from './core/liveStreamDestinations.js';
export {
  useParticipantRecording,
  type UseParticipantRecordingOptions,
  type UseParticipantRecordingResult,
  type ParticipantRecordingPermissions,
} from './hooks/useParticipantRecording.js';
export { ParticipantRecordButton, type ParticipantRecordButtonProps } from './components/ParticipantRecordButton.js';
export type { UseParticipantRecordButtonProps } from './hooks/useParticipantRecordButton.js';
export { ParticipantRecordingIndicator, type ParticipantRecordingIndicatorProps } from './components/ParticipantRecordingIndicator.js';
export { ConsentBanner, type ConsentBannerProps } from './components/ConsentBanner.js';
export { ConsentRoster, type ConsentRosterProps } from './components/ConsentRoster.js';
export {
  useConsentBanner,
  type UseConsentBannerProps,
  type UseConsentBannerResult,
  type ConsentBannerState,
  type ConsentBannerVariant,
  type ConsentNotice,
} from './hooks/useConsentBanner.js';
export { useConsentRoster, type UseConsentRosterResult } from './hooks/useConsentRoster.js';
