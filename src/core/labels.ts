/**
 * Every visible or announced string of the kit. Pass a partial object to `OnAirProvider`
 * (`labels`) or to one component to translate or reword; functions receive the values they name.
 *
 * @example
 * ```tsx
 * <OnAirProvider labels={{ startRecording: 'Aufnahme starten', recordingStartedBy: (n) => `Gestartet von ${n}` }}>…</OnAirProvider>
 * ```
 *
 * @public
 */
export interface OnAirLabels {
  // RecordButton
  readonly startRecording: string;
  readonly stopRecording: string;
  readonly startingRecording: string;
  readonly stoppingRecording: string;
  readonly pauseRecording: string;
  readonly resumeRecording: string;
  readonly recordingControls: string;
  readonly confirmStopTitle: string;
  readonly confirmStopBody: string;
  readonly confirmStopAccept: string;
  readonly confirmStopCancel: string;
  readonly recordingNotAllowed: string;
  readonly recordingNotSupported: string;
  /** The provider refuses this participant (Daily: not an owner): shown before a press that would fail. */
  readonly recordingDeniedByProvider: string;
  /** The meeting turned recording off for everyone (its plan or settings; OpenTalk `disabled_features`). */
  readonly recordingDisabled: string;
  readonly recordingFailed: string;
  readonly dismiss: string;
  readonly elapsed: (time: string) => string;
  /** Legend of the chooser shown while several recordings run: "2 recordings — the buttons act on". */
  readonly recordingTargets: (count: number) => string;
  /** One choice: "Recording 1, started by Ada" (`who` may be empty). */
  readonly recordingTarget: (index: number, who: string) => string;
  /** Description of the buttons while several recordings run: "Acts on recording 2 of 2". */
  readonly actsOnRecording: (index: number, count: number) => string;
  /** The start button when a recording can be made by the provider or on this device (`onair-react/local`): the provider's. */
  readonly recordInCloud: string;
  /** The start button of a recording made in this browser (`onair-react/local`). */
  readonly recordOnDevice: string;
  /** A start the provider has not confirmed after `slowAfterMs`: "Still starting…". */
  readonly stillStarting: string;
  /** A stop the provider has not confirmed after `slowAfterMs`: "Still stopping…". */
  readonly stillStopping: string;
  /** Cancels a slow start (stops what may have started). */
  readonly cancelStart: string;
  /** Title of the note after a start or stop the provider did not confirm in time. */
  readonly notConfirmedTitle: string;
  /** A start the provider did not confirm in time. */
  readonly startNotConfirmed: string;
  /** A stop the provider did not confirm in time. */
  readonly stopNotConfirmed: string;
  /** Re-reads the provider's recording state. */
  readonly checkAgain: string;
  /** Shown instead of "Check again" where the provider offers no read of its state. */
  readonly cannotCheckAgain: string;
  /** Warning before the provider's maximum length: "Recording ends in 5 min". */
  readonly recordingEndsIn: (minutes: number) => string;
  /** The provider ended the recording at its maximum length (`provider` may be empty). */
  readonly recordingLimitReached: (provider: string) => string;
  // RecordingIndicator
  readonly recMark: string;
  readonly recordingActive: string;
  readonly recordingPaused: string;
  readonly recordingStarting: string;
  readonly recordingStopping: string;
  readonly recordingStartedBy: (name: string) => string;
  readonly recordingIdle: string;
  /** Shown while several recordings run at once: "2 recordings". */
  readonly recordingsRunning: (count: number) => string;
  // LiveStreamBadge / LiveStreamButton
  readonly liveIdle: string;
  readonly liveStarting: string;
  readonly liveMark: string;
  readonly liveInterrupted: string;
  readonly liveStopping: string;
  readonly liveFailed: string;
  /** After a stream ended (stopped here, by someone else or by the provider), until the next start. */
  readonly liveEnded: string;
  readonly interruptedFor: (time: string) => string;
  readonly liveEndpoints: string;
  readonly endpointLive: string;
  readonly endpointInterrupted: string;
  /** A destination the provider dropped while the stream goes on (Daily `live-streaming-warning`). */
  readonly endpointDropped: string;
  /** How many watch the stream, where the provider counts them (RealtimeKit): "12 viewers". */
  readonly liveViewers: (count: number) => string;
  readonly goLive: string;
  readonly endLiveStream: string;
  readonly startingLiveStream: string;
  readonly stoppingLiveStream: string;
  readonly rtmpUrl: string;
  readonly rtmpUrlHint: string;
  readonly rtmpUrlInvalid: string;
  readonly liveNotAllowed: string;
  readonly liveNotSupported: string;
  /** The provider refuses this participant: shown before a press that would fail. */
  readonly liveDeniedByProvider: string;
  /** The meeting turned live streaming off for everyone (its plan or settings). */
  readonly liveDisabled: string;
  readonly liveWarning: (message: string) => string;
  readonly liveStreamControls: string;
  // Announcements (polite live region)
  readonly announceRecordingStarted: string;
  /** Announced once to someone who joins while a recording has been running for a while (instead of "Recording started"). */
  readonly announceRecordingInProgress: string;
  readonly announceRecordingStopped: string;
  readonly announceRecordingPaused: string;
  readonly announceRecordingResumed: string;
  readonly announceRecordingFailed: (reason: string) => string;
  readonly announceLiveStarted: string;
  readonly announceLiveInterrupted: string;
  readonly announceLiveResumed: string;
  readonly announceLiveStopped: string;
  readonly announceLiveFailed: (reason: string) => string;
  // ConsentBanner
  /** Title of the consent question while a recording starts or runs. */
  readonly consentTitle: string;
  /** Who started the recording, when known. */
  readonly consentStartedBy: (name: string) => string;
  /** When nobody in particular is known to have started it. */
  readonly consentStartedByUnknown: string;
  /** When the local participant started it. */
  readonly consentStartedByYou: string;
  readonly consentQuestion: string;
  readonly consentAccept: string;
  readonly consentDecline: string;
  /** Compact status after accepting. */
  readonly consentGiven: string;
  /** Compact status after declining. */
  readonly consentDeclinedStatus: string;
  readonly consentWithdraw: string;
  readonly consentChange: string;
  readonly consentSaving: string;
  readonly consentSaveFailed: string;
  readonly consentRegion: string;
  /** Announced when the banner appears without taking focus. */
  readonly announceConsentRequested: string;
  /** How to reach the banner without it taking focus; `shortcut` may be empty. */
  readonly consentReachHint: (shortcut: string) => string;
  /** Status for the participant who started the recording (starting is consent; nobody asks them). */
  readonly consentStarterStatus: string;
  readonly consentPrejoinTitle: string;
  readonly consentPrejoinBody: string;
  readonly consentPrejoinAccept: string;
  readonly consentPrejoinDecline: string;
  /** Shown when the notice changed (a new `ConsentBanner notice` version) since the person answered. */
  readonly consentNoticeChanged: string;
  /** Shown while an answer waits to reach the consent ledger (offline, or the server not answering). */
  readonly consentLedgerPending: string;
  // ConsentRoster
  readonly rosterTitle: string;
  readonly rosterSummary: (consented: number, total: number) => string;
  readonly rosterConsented: string;
  readonly rosterDeclined: string;
  readonly rosterPending: string;
  readonly rosterYou: string;
  readonly rosterUnnamed: string;
  readonly rosterNobody: string;
  readonly rosterIdle: string;
  // Provider errors (OpenTalk `recording` module codes; others may add theirs)
  /** Readable messages by provider error code. */
  readonly providerErrors: Readonly<Record<string, string>>;
  /** Message for a provider error code without an entry in `providerErrors`. */
  readonly providerErrorUnknown: (code: string) => string;
  // RecordingList
  readonly recordingsTitle: string;
  readonly recordingsLoading: string;
  readonly recordingsEmpty: string;
  readonly recordingsEmptyHint: string;
  readonly recordingsLoadFailed: string;
  readonly recordingsRetry: string;
  readonly recordingsRefreshing: string;
  readonly recordingsCount: (total: number) => string;
  readonly recordingUntitled: string;
  readonly recordingStartedAt: string;
  readonly recordingDuration: string;
  readonly recordingSize: string;
  /** Status words of stored recordings, by normalized status. */
  readonly assetStatus: Readonly<Record<'invoked' | 'recording' | 'paused' | 'uploading' | 'ready' | 'failed', string>>;
  /** "Started by Ada (API call)": who and why; `who` may be empty. */
  readonly recordingStartedByWhy: (who: string, why: string) => string;
  readonly recordingStoppedByWhy: (who: string, why: string) => string;
  /** Readable reasons by provider reason word (RealtimeKit `API_CALL` …). */
  readonly recordingReasons: Readonly<Record<string, string>>;
  readonly recordingByApp: string;
  readonly downloadVideo: string;
  readonly downloadAudio: string;
  readonly downloadTrack: (label: string) => string;
  /** Accessible name context of a download link: "Download video, meeting-42.mp4". */
  readonly downloadOf: (action: string, fileName: string) => string;
  readonly linkRefreshing: string;
  readonly linkExpired: string;
  readonly linkStoredElsewhere: string;
  /** Delete button of a recording the source can delete (local recordings); its name adds the file name through `downloadOf`. */
  readonly deleteRecording: string;
  /** Note on a recording kept in this browser (`onair-react/local`). */
  readonly storedOnDevice: string;
  readonly paginationLabel: string;
  readonly previousPage: string;
  readonly nextPage: string;
  readonly pageOf: (page: number, pageCount: number) => string;
  // ParticipantRecordButton / ParticipantRecordingIndicator (VideoSDK participant recording)
  readonly recordParticipant: (name: string) => string;
  readonly stopRecordingParticipant: (name: string) => string;
  readonly startingParticipantRecording: (name: string) => string;
  readonly stoppingParticipantRecording: (name: string) => string;
  readonly participantRecordingNotAllowed: string;
  readonly participantRecordingNotSupported: string;
  readonly participantRecordingFailed: string;
  readonly downloadParticipantRecording: (name: string, index: number) => string;
  readonly youAreBeingRecorded: string;
  readonly yourRecordingStarting: string;
  readonly yourRecordingStopping: string;
  readonly participantIsBeingRecorded: (name: string) => string;
  // RecordingPlayer / useRecordingPlayer
  /** The play button of a ready recording (its accessible name adds the file name through `downloadOf`). */
  readonly playRecording: string;
  readonly playerClose: string;
  readonly playerLoading: string;
  readonly playerRefreshing: string;
  /** The file could not be played, even with a refreshed link. */
  readonly playerFailed: string;
  /** No playable link: missing, expired without a refresh, or not an http(s) address. */
  readonly playerUnavailable: string;
  // LiveStreamPlayer / useLiveStreamPlayer (viewers of the broadcast, HLS)
  /** The player region's name. */
  readonly livePlayer: string;
  /** The playback URL is known but the stream is not playing yet (or its playlist is not ready). */
  readonly livePlayerStarting: string;
  readonly livePlayerReconnecting: string;
  readonly livePlayerEnded: string;
  /** Neither HLS natively nor Media Source Extensions (hls.js): this browser cannot play the stream. */
  readonly livePlayerFailed: string;
  /** No playback URL (yet). */
  readonly livePlayerIdle: string;
  /** Shown while playing at the live edge. */
  readonly livePlayerAtEdge: string;
  /** The button that jumps to the live edge when the viewer is behind it ("Go live"). */
  readonly livePlayerGoLive: string;
  /** Toggle (aria-pressed when paused). */
  readonly livePlayerPause: string;
  /** Toggle (aria-pressed when muted). */
  readonly livePlayerMute: string;
  /** Toggle (aria-pressed when captions show); present only when the stream carries captions. */
  readonly livePlayerCaptions: string;
  /** The keyboard help of the player, read as its description. */
  readonly livePlayerKeys: string;
  // LiveStreamDestinations / useLiveStreamDestinations
  readonly destinationsTitle: string;
  readonly destinationPlatform: string;
  /** The ingest server field ("Server URL"). */
  readonly destinationServerUrl: string;
  /** The masked key field ("Stream key"). */
  readonly destinationStreamKey: string;
  /** Toggle (aria-pressed when the key shows). */
  readonly destinationShowKey: string;
  readonly destinationAdd: string;
  readonly destinationRemove: (name: string) => string;
  readonly destinationsGoLive: string;
  /** A readable message per problem (`server-missing`, `server-invalid`, `server-insecure`, `key-missing`, `key-invalid`); never the key. */
  readonly destinationProblem: (problem: string, platform: string) => string;
  /** A destination's status (`ready`, `connecting`, `live`, `dropped`, `stopped`), with the provider's reason when dropped. */
  readonly destinationStatus: (status: string, reason: string | undefined) => string;
  /** The start failed (a refused stream key …): the provider's reason, keys masked. */
  readonly destinationsStartFailed: (reason: string) => string;
  /** Heading of a destination configured on the server: its key never reaches the browser. */
  readonly destinationsHeldByServer: string;
}

/**
 * Freezes one part of the defaults, typed as that part of {@link OnAirLabels}. Each part is its own
 * `export const` marked pure, so a bundle keeps only the parts its components import.
 */
const part = Object.freeze as <K extends keyof OnAirLabels>(labels: Pick<OnAirLabels, K>) => Readonly<Pick<OnAirLabels, K>>;

/**
 * English defaults of `RecordButton` and `useRecordButton`.
 *
 * @example
 * ```tsx
 * import { RecordButton, recordButtonLabels } from 'onair-react';
 *
 * recordButtonLabels.elapsed('01:05'); // "Elapsed 01:05"
 * <RecordButton labels={{ startRecording: 'Aufnahme starten', stopRecording: 'Aufnahme beenden' }} />;
 * ```
 *
 * @public
 */
export const recordButtonLabels = /* @__PURE__ */ part({
  startRecording: 'Start recording',
  stopRecording: 'Stop recording',
  startingRecording: 'Starting…',
  stoppingRecording: 'Stopping…',
  pauseRecording: 'Pause recording',
  resumeRecording: 'Resume recording',
  recordingControls: 'Recording',
  confirmStopTitle: 'Stop recording?',
  confirmStopBody: 'The recording ends for everyone in the meeting.',
  confirmStopAccept: 'Stop recording',
  confirmStopCancel: 'Keep recording',
  recordingNotAllowed: 'Only moderators can record this meeting.',
  recordingNotSupported: 'Recording is not available in this meeting.',
  recordingDeniedByProvider: 'You don’t have permission to record in this meeting. Ask the host for it.',
  recordingDisabled: 'Recording is turned off for this meeting by its plan or settings.',
  recordingFailed: 'Recording failed',
  dismiss: 'Dismiss',
  elapsed: (time: string) => `Elapsed ${time}`,
  recordingTargets: (count: number) => `${count} recordings — the buttons act on`,
  recordingTarget: (index: number, who: string) => (who ? `Recording ${index}, started by ${who}` : `Recording ${index}`),
  actsOnRecording: (index: number, count: number) => `Acts on recording ${index} of ${count}.`,
  recordInCloud: 'Record in the cloud',
  recordOnDevice: 'Record on this device',
  stillStarting: 'Still starting…',
  stillStopping: 'Still stopping…',
  cancelStart: 'Cancel',
  notConfirmedTitle: 'Not confirmed',
  startNotConfirmed: 'The provider did not confirm the start; the recording may still be running — check again.',
  stopNotConfirmed: 'The provider did not confirm the stop; the recording may still be running — check again.',
  checkAgain: 'Check again',
  cannotCheckAgain: 'This provider offers no way to ask again; the recording indicator changes when it reports.',
  recordingEndsIn: (minutes: number) => `Recording ends in ${minutes} min`,
  recordingLimitReached: (provider: string) =>
    `The recording reached its maximum length and was stopped by ${provider || 'the provider'}.`,
});

/**
 * English defaults of `RecordingIndicator`.
 *
 * @example
 * ```tsx
 * import { RecordingIndicator, recordingIndicatorLabels } from 'onair-react';
 *
 * recordingIndicatorLabels.recordingStartedBy('Ada'); // "Started by Ada"
 * <RecordingIndicator labels={{ recMark: 'AUFN', recordingStartedBy: (name) => `Gestartet von ${name}` }} />;
 * ```
 *
 * @public
 */
export const recordingIndicatorLabels = /* @__PURE__ */ part({
  recMark: 'REC',
  recordingActive: 'Recording',
  recordingPaused: 'Recording paused',
  recordingStarting: 'Recording starts…',
  recordingStopping: 'Recording ends…',
  recordingStartedBy: (name: string) => `Started by ${name}`,
  recordingIdle: 'Not recording',
  recordingsRunning: (count: number) => `${count} recordings`,
});

/**
 * English defaults of `LiveStreamBadge`.
 *
 * @example
 * ```tsx
 * import { LiveStreamBadge, liveStreamBadgeLabels } from 'onair-react';
 *
 * liveStreamBadgeLabels.interruptedFor('00:12'); // "for 00:12"
 * <LiveStreamBadge labels={{ liveMark: 'ON AIR' }} />;
 * ```
 *
 * @public
 */
export const liveStreamBadgeLabels = /* @__PURE__ */ part({
  liveIdle: 'Not live',
  liveStarting: 'Going live…',
  liveMark: 'LIVE',
  liveInterrupted: 'Interrupted',
  liveStopping: 'Ending…',
  liveFailed: 'Live stream failed',
  liveEnded: 'Stream ended',
  interruptedFor: (time: string) => `for ${time}`,
  liveEndpoints: 'Destinations',
  endpointLive: 'live',
  endpointInterrupted: 'interrupted',
  endpointDropped: 'dropped',
  liveViewers: (count: number) => (count === 1 ? '1 viewer' : `${count} viewers`),
  liveWarning: (message: string) => `Warning: ${message}`,
});

/**
 * English defaults of `LiveStreamButton` and `useLiveStreamButton`.
 *
 * @example
 * ```tsx
 * import { LiveStreamButton, liveStreamButtonLabels } from 'onair-react';
 *
 * liveStreamButtonLabels.goLive; // "Go live"
 * <LiveStreamButton labels={{ goLive: 'Stream to YouTube', rtmpUrl: 'YouTube stream URL' }} />;
 * ```
 *
 * @public
 */
export const liveStreamButtonLabels = /* @__PURE__ */ part({
  goLive: 'Go live',
  endLiveStream: 'End live stream',
  startingLiveStream: 'Going live…',
  stoppingLiveStream: 'Ending…',
  rtmpUrl: 'Stream URL',
  rtmpUrlHint: 'rtmp:// or rtmps:// address with the stream key',
  rtmpUrlInvalid: 'Enter an rtmp:// or rtmps:// address.',
  liveNotAllowed: 'Only moderators can go live.',
  liveNotSupported: 'Live streaming is not available in this meeting.',
  liveDeniedByProvider: 'You don’t have permission to stream this meeting. Ask the host for it.',
  liveDisabled: 'Live streaming is turned off for this meeting by its plan or settings.',
  liveStreamControls: 'Live stream',
  liveFailed: 'Live stream failed',
  dismiss: 'Dismiss',
});

/**
 * English defaults of the provider's announcer (polite live region).
 *
 * @example
 * ```tsx
 * import { OnAirProvider, RecordButton, announcementLabels, type OnAirAdapter } from 'onair-react';
 *
 * announcementLabels.announceRecordingFailed('no recorder'); // "Recording failed: no recorder"
 * function Meeting({ adapter }: { adapter: OnAirAdapter }) {
 *   return (
 *     <OnAirProvider adapter={adapter} labels={{ announceRecordingStarted: 'Aufnahme gestartet' }}>
 *       <RecordButton />
 *     </OnAirProvider>
 *   );
 * }
 * ```
 *
 * @public
 */
export const announcementLabels = /* @__PURE__ */ part({
  announceRecordingStarted: 'Recording started',
  announceRecordingInProgress: 'This meeting is being recorded',
  announceRecordingStopped: 'Recording stopped',
  announceRecordingPaused: 'Recording paused',
  announceRecordingResumed: 'Recording resumed',
  announceRecordingFailed: (reason: string) => `Recording failed: ${reason}`,
  announceLiveStarted: 'Live stream started',
  announceLiveInterrupted: 'Live stream interrupted',
  announceLiveResumed: 'Live stream reconnected',
  announceLiveStopped: 'Live stream ended',
  announceLiveFailed: (reason: string) => `Live stream failed: ${reason}`,
});

/**
 * English defaults of `ConsentBanner` and `useConsentBanner`.
 *
 * @example
 * ```tsx
 * import { ConsentBanner, consentLabels } from 'onair-react';
 *
 * consentLabels.consentStartedBy('Ada'); // "Recording started by Ada."
 * <ConsentBanner labels={{ consentAccept: 'Yes, record me', consentDecline: 'No, thanks' }} />;
 * ```
 *
 * @public
 */
export const consentLabels = /* @__PURE__ */ part({
  consentTitle: 'This meeting is being recorded',
  consentStartedBy: (name: string) => `Recording started by ${name}.`,
  consentStartedByUnknown: 'A moderator started recording this meeting.',
  consentStartedByYou: 'You started this recording.',
  consentQuestion: 'Do you agree to be recorded? Your video and audio are only recorded if you agree.',
  consentAccept: 'I agree to be recorded',
  consentDecline: 'Don’t record me',
  consentGiven: 'You agreed to be recorded.',
  consentDeclinedStatus: 'You declined to be recorded.',
  consentWithdraw: 'Withdraw consent',
  consentChange: 'Change',
  consentSaving: 'Saving your choice…',
  consentSaveFailed: 'Your choice could not be saved. Try again.',
  consentRegion: 'Recording consent',
  announceConsentRequested: 'Recording started. Please choose whether you agree to be recorded.',
  consentStarterStatus: 'You started this recording, so you agreed to be recorded.',
  consentReachHint: (shortcut: string) => (shortcut ? `Press Tab or ${shortcut} to answer.` : 'Press Tab to answer.'),
  consentPrejoinTitle: 'This meeting is being recorded',
  consentPrejoinBody: 'Join only if you agree to be recorded. You can withdraw your consent at any time.',
  consentPrejoinAccept: 'Agree and continue',
  consentPrejoinDecline: 'Don’t agree',
  consentNoticeChanged: 'The recording notice has changed. Please read it and answer again.',
  consentLedgerPending: 'Your answer is kept on this device and will be recorded as soon as the connection is back.',
});

/**
 * English defaults of `ConsentRoster`.
 *
 * @example
 * ```tsx
 * import { ConsentRoster, consentRosterLabels } from 'onair-react';
 *
 * consentRosterLabels.rosterSummary(2, 3); // "2 of 3 consented"
 * <ConsentRoster labels={{ rosterSummary: (yes, total) => `${yes}/${total} agreed` }} />;
 * ```
 *
 * @public
 */
export const consentRosterLabels = /* @__PURE__ */ part({
  rosterTitle: 'Recording consent',
  rosterSummary: (consented: number, total: number) => `${consented} of ${total} consented`,
  rosterConsented: 'Consented',
  rosterDeclined: 'Declined',
  rosterPending: 'Not answered yet',
  rosterYou: '(you)',
  rosterUnnamed: 'Unnamed participant',
  rosterNobody: 'Nobody',
  rosterIdle: 'No recording is running. Everyone is asked when one starts.',
});

/**
 * English defaults of adapters' error messages (OpenTalk `recording` module codes; others may add theirs).
 *
 * @example
 * ```ts
 * import { providerErrorLabels, type OnAirLabels } from 'onair-react';
 *
 * providerErrorLabels.providerErrorUnknown('quota_exceeded'); // "The meeting server refused the request (quota_exceeded)."
 * // Reword one code, keep the others (pass as `labels` to OnAirProvider or createOpenTalkAdapter).
 * const labels: Partial<OnAirLabels> = {
 *   providerErrors: { ...providerErrorLabels.providerErrors, recorder_timeout: 'No recorder is free right now.' },
 * };
 * ```
 *
 * @public
 */
export const providerErrorLabels = /* @__PURE__ */ part({
  providerErrors: /* @__PURE__ */ Object.freeze({
    insufficient_permissions: 'You do not have permission to do this. Only moderators can record or stream.',
    invalid_recording_id: 'That recording no longer exists.',
    already_recording: 'This meeting is already being recorded.',
    record_feature_disabled: 'Recording is not available in this meeting.',
    stream_feature_disabled: 'Live streaming is not available in this meeting.',
    invalid_streaming_id: 'That streaming destination does not exist or is not running.',
    streaming_target_in_use: 'That streaming destination is already in use.',
    recorder_not_started: 'The recorder has not started yet. Try again in a moment.',
    recording_already_active: 'A recording is already running.',
    recording_not_active: 'No recording is running.',
    failed_to_request_recording_service: 'The recording service could not be reached. Try again later.',
    recorder_timeout: 'No recorder picked up the request in time. Try again later.',
  }),
  providerErrorUnknown: (code: string) => `The meeting server refused the request (${code}).`,
});

/**
 * English defaults of `RecordingList`.
 *
 * @example
 * ```tsx
 * import { RecordingList, recordingListLabels } from 'onair-react';
 *
 * recordingListLabels.recordingsCount(3); // "3 recordings"
 * <RecordingList labels={{ recordingsTitle: 'Past recordings', assetStatus: { ...recordingListLabels.assetStatus, ready: 'Done' } }} />;
 * ```
 *
 * @public
 */
export const recordingListLabels = /* @__PURE__ */ part({
  recordingsTitle: 'Recordings',
  recordingsLoading: 'Loading recordings…',
  recordingsEmpty: 'No recordings yet',
  recordingsEmptyHint: 'Recordings of this meeting appear here once they start.',
  recordingsLoadFailed: 'Recordings could not be loaded.',
  recordingsRetry: 'Try again',
  recordingsRefreshing: 'Updating…',
  recordingsCount: (total: number) => (total === 1 ? '1 recording' : `${total} recordings`),
  recordingUntitled: 'Untitled recording',
  recordingStartedAt: 'Started',
  recordingDuration: 'Duration',
  recordingSize: 'Size',
  assetStatus: /* @__PURE__ */ Object.freeze({
    invoked: 'Starting',
    recording: 'Recording',
    paused: 'Paused',
    uploading: 'Uploading',
    ready: 'Ready',
    failed: 'Failed',
  }),
  recordingStartedByWhy: (who: string, why: string) => (who ? `Started by ${who}${why ? ` (${why})` : ''}` : `Started ${why}`),
  recordingStoppedByWhy: (who: string, why: string) => (who ? `Stopped by ${who}${why ? ` (${why})` : ''}` : `Stopped: ${why}`),
  recordingReasons: /* @__PURE__ */ Object.freeze({
    API_CALL: 'on request',
    RECORD_ON_START: 'automatically when the meeting began',
    ALL_PEERS_LEFT: 'everyone left the meeting',
    INTERNAL_ERROR: 'a server error',
  }),
  recordingByApp: 'the app',
  downloadVideo: 'Download video',
  downloadAudio: 'Download audio',
  downloadTrack: (label: string) => `Download ${label}`,
  downloadOf: (action: string, fileName: string) => `${action}, ${fileName}`,
  linkRefreshing: 'Refreshing download link…',
  linkExpired: 'Download link expired',
  linkStoredElsewhere: 'Stored in your own storage',
  deleteRecording: 'Delete',
  storedOnDevice: 'On this device',
  paginationLabel: 'Recordings pages',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pageOf: (page: number, pageCount: number) => `Page ${page} of ${pageCount}`,
});

/**
 * English defaults of `ParticipantRecordButton` and `ParticipantRecordingIndicator`.
 *
 * @example
 * ```tsx
 * import { ParticipantRecordingIndicator, participantRecordingLabels } from 'onair-react';
 *
 * participantRecordingLabels.recordParticipant('Ada'); // "Record Ada"
 * <ParticipantRecordingIndicator labels={{ youAreBeingRecorded: 'Du wirst aufgenommen' }} />;
 * ```
 *
 * @public
 */
export const participantRecordingLabels = /* @__PURE__ */ part({
  recordParticipant: (name: string) => `Record ${name}`,
  stopRecordingParticipant: (name: string) => `Stop recording ${name}`,
  startingParticipantRecording: (name: string) => `Starting recording of ${name}…`,
  stoppingParticipantRecording: (name: string) => `Stopping recording of ${name}…`,
  participantRecordingNotAllowed: 'Only moderators can record participants.',
  participantRecordingNotSupported: 'Recording one participant is not available in this meeting.',
  participantRecordingFailed: 'Participant recording failed',
  downloadParticipantRecording: (name: string, index: number) => (index > 0 ? `Download recording of ${name} (${index + 1})` : `Download recording of ${name}`),
  youAreBeingRecorded: 'You are being recorded',
  yourRecordingStarting: 'Your recording is starting…',
  yourRecordingStopping: 'Your recording is ending…',
  participantIsBeingRecorded: (name: string) => `${name} is being recorded`,
  dismiss: 'Dismiss',
});

/**
 * English defaults of `RecordingPlayer` and `useRecordingPlayer`.
 *
 * @example
 * ```tsx
 * import { RecordingPlayer, recordingPlayerLabels, type RecordingAsset } from 'onair-react';
 *
 * recordingPlayerLabels.playRecording; // "Play"
 * function Preview({ recording }: { recording: RecordingAsset }) {
 *   return <RecordingPlayer recording={recording} labels={{ playRecording: 'Watch' }} />;
 * }
 * ```
 *
 * @public
 */
export const recordingPlayerLabels = /* @__PURE__ */ part({
  playRecording: 'Play',
  playerClose: 'Close player',
  playerLoading: 'Loading the recording…',
  playerRefreshing: 'Refreshing the link…',
  playerFailed: 'This recording could not be played.',
  playerUnavailable: 'This recording has no playable link right now.',
  downloadOf: (action: string, fileName: string) => `${action}, ${fileName}`,
  recordingUntitled: 'Untitled recording',
});

/**
 * English defaults of `LiveStreamPlayer` and `useLiveStreamPlayer`.
 *
 * @example
 * ```tsx
 * import { LiveStreamPlayer, liveStreamPlayerLabels } from 'onair-react';
 *
 * liveStreamPlayerLabels.livePlayerGoLive; // "Go live"
 * const Watch = () => <LiveStreamPlayer src="https://cdn.example.com/live.m3u8" labels={{ livePlayerGoLive: 'Back to live' }} />;
 * ```
 *
 * @public
 */
export const liveStreamPlayerLabels = /* @__PURE__ */ part({
  livePlayer: 'Live stream',
  livePlayerStarting: 'Waiting for the stream…',
  livePlayerReconnecting: 'Reconnecting to the stream…',
  livePlayerEnded: 'The stream has ended.',
  livePlayerFailed: 'This browser cannot play the stream.',
  livePlayerIdle: 'The stream has not started.',
  livePlayerAtEdge: 'Live',
  livePlayerGoLive: 'Go live',
  livePlayerPause: 'Pause',
  livePlayerMute: 'Mute',
  livePlayerCaptions: 'Captions',
  livePlayerKeys: 'Keys: K or Space pauses and plays, M mutes, C toggles captions, L goes live.',
  liveViewers: (count: number) => (count === 1 ? '1 viewer' : `${count} viewers`),
});

/**
 * English defaults of `LiveStreamDestinations` and `useLiveStreamDestinations`.
 *
 * @example
 * ```tsx
 * import { LiveStreamDestinations, liveStreamDestinationsLabels } from 'onair-react';
 *
 * liveStreamDestinationsLabels.destinationStreamKey; // "Stream key"
 * const Form = () => <LiveStreamDestinations labels={{ destinationStreamKey: 'Key' }} />;
 * ```
 *
 * @public
 */
export const liveStreamDestinationsLabels = /* @__PURE__ */ part({
  destinationsTitle: 'Live-stream destinations',
  destinationPlatform: 'Platform',
  destinationServerUrl: 'Server URL',
  destinationStreamKey: 'Stream key',
  destinationShowKey: 'Show key',
  destinationAdd: 'Add destination',
  destinationRemove: (name: string) => `Remove ${name}`,
  destinationsGoLive: 'Go live to all',
  destinationProblem: (problem: string, platform: string) =>
    problem === 'server-missing' ? 'Enter the server URL.'
    : problem === 'server-insecure' ? `${platform} takes rtmps:// server URLs only.`
    : problem === 'server-invalid' ? 'The server URL must start with rtmp:// or rtmps://.'
    : problem === 'key-missing' ? 'Enter the stream key.'
    : `This does not look like a ${platform} stream key.`,
  destinationStatus: (status: string, reason: string | undefined) =>
    status === 'connecting' ? 'Connecting'
    : status === 'live' ? 'Live'
    : status === 'dropped' ? (reason ? `Dropped: ${reason}` : 'Dropped')
    : status === 'stopped' ? 'Stopped'
    : 'Ready',
  destinationsStartFailed: (reason: string) => `Could not go live: ${reason}`,
  destinationsHeldByServer: 'Stream keys are kept on the server.',
});

/**
 * Every English default in one object (all the parts above). For apps and docs: the kit's own
 * components import only their part, so a bundle that never reads this one does not carry it.
 *
 * @example
 * ```ts
 * import { defaultLabels, type OnAirLabels } from 'onair-react';
 *
 * // A complete translation starts from the defaults, so no string is missing.
 * const de: OnAirLabels = { ...defaultLabels, startRecording: 'Aufnahme starten', recMark: 'AUFN' };
 * Object.keys(defaultLabels).length; // every key a translation may replace
 * ```
 *
 * @public
 */
export const defaultLabels: OnAirLabels = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ Object.assign(
    {},
    recordButtonLabels,
    recordingIndicatorLabels,
    liveStreamBadgeLabels,
    liveStreamButtonLabels,
    announcementLabels,
    consentLabels,
    consentRosterLabels,
    providerErrorLabels,
    recordingListLabels,
    participantRecordingLabels,
    recordingPlayerLabels,
    liveStreamPlayerLabels,
    liveStreamDestinationsLabels,
  ),
);
