/**
 * Every visible or announced string of the kit. Pass a partial object to `OnAirProvider`
 * (`labels`) or to one component to translate or reword; functions receive the values they name.
 *
 * @example
 * ```tsx
 * <OnAirProvider labels={{ startRecording: 'Aufnahme starten', recordingStartedBy: (n) => `Gestartet von ${n}` }}>
 * ```
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
  readonly recordingFailed: string;
  readonly dismiss: string;
  readonly elapsed: (time: string) => string;
  // RecordingIndicator
  readonly recMark: string;
  readonly recordingActive: string;
  readonly recordingPaused: string;
  readonly recordingStarting: string;
  readonly recordingStopping: string;
  readonly recordingStartedBy: (name: string) => string;
  readonly recordingIdle: string;
  // LiveStreamBadge / LiveStreamButton
  readonly liveIdle: string;
  readonly liveStarting: string;
  readonly liveMark: string;
  readonly liveInterrupted: string;
  readonly liveStopping: string;
  readonly liveFailed: string;
  readonly interruptedFor: (time: string) => string;
  readonly liveEndpoints: string;
  readonly endpointLive: string;
  readonly endpointInterrupted: string;
  readonly goLive: string;
  readonly endLiveStream: string;
  readonly startingLiveStream: string;
  readonly stoppingLiveStream: string;
  readonly rtmpUrl: string;
  readonly rtmpUrlHint: string;
  readonly rtmpUrlInvalid: string;
  readonly liveNotAllowed: string;
  readonly liveNotSupported: string;
  readonly liveWarning: (message: string) => string;
  readonly liveStreamControls: string;
  // Announcements (polite live region)
  readonly announceRecordingStarted: string;
  readonly announceRecordingStopped: string;
  readonly announceRecordingPaused: string;
  readonly announceRecordingResumed: string;
  readonly announceRecordingFailed: (reason: string) => string;
  readonly announceLiveStarted: string;
  readonly announceLiveInterrupted: string;
  readonly announceLiveResumed: string;
  readonly announceLiveStopped: string;
  readonly announceLiveFailed: (reason: string) => string;
}

/** The English defaults. */
export const defaultLabels: OnAirLabels = Object.freeze({
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
  recordingFailed: 'Recording failed',
  dismiss: 'Dismiss',
  elapsed: (time: string) => `Elapsed ${time}`,
  recMark: 'REC',
  recordingActive: 'Recording',
  recordingPaused: 'Recording paused',
  recordingStarting: 'Recording starts…',
  recordingStopping: 'Recording ends…',
  recordingStartedBy: (name: string) => `Started by ${name}`,
  recordingIdle: 'Not recording',
  liveIdle: 'Not live',
  liveStarting: 'Going live…',
  liveMark: 'LIVE',
  liveInterrupted: 'Interrupted',
  liveStopping: 'Ending…',
  liveFailed: 'Live stream failed',
  interruptedFor: (time: string) => `for ${time}`,
  liveEndpoints: 'Destinations',
  endpointLive: 'live',
  endpointInterrupted: 'interrupted',
  goLive: 'Go live',
  endLiveStream: 'End live stream',
  startingLiveStream: 'Going live…',
  stoppingLiveStream: 'Ending…',
  rtmpUrl: 'Stream URL',
  rtmpUrlHint: 'rtmp:// or rtmps:// address with the stream key',
  rtmpUrlInvalid: 'Enter an rtmp:// or rtmps:// address.',
  liveNotAllowed: 'Only moderators can go live.',
  liveNotSupported: 'Live streaming is not available in this meeting.',
  liveWarning: (message: string) => `Warning: ${message}`,
  liveStreamControls: 'Live stream',
  announceRecordingStarted: 'Recording started',
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
