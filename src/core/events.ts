import type {
  LiveStreamStatus,
  OnAirCommand,
  OnAirError,
  ParticipantRole,
  ProviderLayout,
  RecordingFile,
  RecordingStatus,
  RecordingType,
  RecordedParticipants,
} from './model.js';
import type { RecordingAsset } from './recordings.js';

/**
 * Fields every normalized event carries.
 *
 * @public
 */
export interface EventBase {
  /** When the event happened or was received (epoch milliseconds). */
  readonly at: number;
  /** The provider's instance id; absent means the default instance. */
  readonly instanceId?: string | undefined;
}

/**
 * A recording start was requested from this browser (sent by the kit before it calls the provider).
 *
 * @public
 */
export interface RecordingRequestedEvent extends EventBase {
  readonly type: 'recording-requested';
  readonly command: Extract<OnAirCommand, 'start-recording' | 'stop-recording' | 'pause-recording' | 'resume-recording'>;
}

/**
 * The provider reports a recording is being started (by anyone), before it runs.
 *
 * @public
 */
export interface RecordingStartingEvent extends EventBase {
  readonly type: 'recording-starting';
  readonly startedBy?: string | undefined;
}

/**
 * The provider confirms a recording runs.
 *
 * @public
 */
export interface RecordingStartedEvent extends EventBase {
  readonly type: 'recording-started';
  readonly recordingId?: string | undefined;
  readonly recordingType?: RecordingType | undefined;
  readonly startedBy?: string | undefined;
  /** The provider's own start time (epoch ms), if it gives one. Otherwise `at` is used. */
  readonly startedAt?: number | undefined;
  readonly layout?: ProviderLayout | undefined;
  readonly local?: boolean | undefined;
  /** Who the recording captures, when the provider's layout selects participants. */
  readonly recordedParticipants?: RecordedParticipants | undefined;
}

/**
 * The provider reports the recording paused.
 *
 * @public
 */
export interface RecordingPausedEvent extends EventBase {
  readonly type: 'recording-paused';
}

/**
 * The provider reports the recording resumed.
 *
 * @public
 */
export interface RecordingResumedEvent extends EventBase {
  readonly type: 'recording-resumed';
}

/**
 * The provider reports the recording is being stopped.
 *
 * @public
 */
export interface RecordingStoppingEvent extends EventBase {
  readonly type: 'recording-stopping';
}

/**
 * The provider reports the recording stopped.
 *
 * @public
 */
export interface RecordingStoppedEvent extends EventBase {
  readonly type: 'recording-stopped';
  readonly recordingId?: string | undefined;
}

/**
 * The recording failed (provider error event). Ends the instance.
 *
 * @public
 */
export interface RecordingErrorEvent extends EventBase {
  readonly type: 'recording-error';
  readonly error: OnAirError;
}

/**
 * A command sent from this browser failed before the provider acted; the state goes back to what it was.
 *
 * @public
 */
export interface RecordingRequestFailedEvent extends EventBase {
  readonly type: 'recording-request-failed';
  readonly error: OnAirError;
}

/**
 * A finished recording's files are stored (Daily `recording-upload-completed` of a cloud recording):
 * lists of stored recordings are stale. Changes no live state.
 *
 * @public
 */
export interface RecordingUploadedEvent extends EventBase {
  readonly type: 'recording-uploaded';
  /** The provider's recording id, when it names one. */
  readonly recordingId?: string | undefined;
}

/**
 * A live-stream command was sent from this browser.
 *
 * @public
 */
export interface LiveStreamRequestedEvent extends EventBase {
  readonly type: 'live-stream-requested';
  readonly command: Extract<OnAirCommand, 'start-live-stream' | 'stop-live-stream'>;
}

/**
 * The provider confirms a live stream started.
 *
 * @public
 */
export interface LiveStreamStartedEvent extends EventBase {
  readonly type: 'live-stream-started';
  readonly layout?: ProviderLayout | undefined;
  readonly startedAt?: number | undefined;
}

/**
 * The provider reports the stream (or one of its endpoints) connected or interrupted.
 *
 * @public
 */
export interface LiveStreamUpdatedEvent extends EventBase {
  readonly type: 'live-stream-updated';
  readonly state: 'connected' | 'interrupted';
  /** Which endpoint, when the provider names one. */
  readonly endpoint?: string | undefined;
}

/**
 * Endpoints were taken off a running stream (Daily `removeLiveStreamingEndpoints` succeeded; Daily
 * sends no event for it): their per-endpoint state goes.
 *
 * @public
 */
export interface LiveStreamEndpointsRemovedEvent extends EventBase {
  readonly type: 'live-stream-endpoints-removed';
  readonly endpoints: readonly string[];
}

/**
 * The provider reports the stream is being stopped.
 *
 * @public
 */
export interface LiveStreamStoppingEvent extends EventBase {
  readonly type: 'live-stream-stopping';
}

/**
 * The provider reports the stream stopped.
 *
 * @public
 */
export interface LiveStreamStoppedEvent extends EventBase {
  readonly type: 'live-stream-stopped';
}

/**
 * The live stream failed. Ends the instance.
 *
 * @public
 */
export interface LiveStreamErrorEvent extends EventBase {
  readonly type: 'live-stream-error';
  readonly error: OnAirError;
  /**
   * The provider says the stream may go on and more events may follow (Daily
   * `live-streaming-error`): a stream that is live, interrupted or stopping stays open with its
   * status and carries the error; only a stream that never went live ends. Absent: the error ends it.
   */
  readonly continues?: boolean | undefined;
}

/**
 * A non-fatal live-stream warning (Daily `nonfatal-error` of type `live-streaming-warning`).
 *
 * @public
 */
export interface LiveStreamWarningEvent extends EventBase {
  readonly type: 'live-stream-warning';
  readonly message: string;
  /**
   * Destinations the provider dropped while the stream goes on (Daily `details.endpoints`): they
   * are shown as `dropped`; the others keep their status.
   */
  readonly endpoints?: readonly string[] | undefined;
}

/**
 * What the provider tells about a running stream besides its status: how many watch it and where
 * (RealtimeKit `viewerCount` / `viewerCountUpdate` and `playbackUrl`). A field left out keeps its value.
 *
 * @public
 */
export interface LiveStreamInfoEvent extends EventBase {
  readonly type: 'live-stream-info';
  /** Viewers of the stream now, when the provider counts them. */
  readonly viewerCount?: number | undefined;
  /** Where viewers watch the stream (an HLS URL …), when the provider gives one. */
  readonly playbackUrl?: string | undefined;
}

/**
 * A live-stream command from this browser failed; the state goes back to what it was.
 *
 * @public
 */
export interface LiveStreamRequestFailedEvent extends EventBase {
  readonly type: 'live-stream-request-failed';
  readonly error: OnAirError;
}

/**
 * A seed of a recording that already runs (late join, or the app's backend knows).
 *
 * @public
 */
export interface RecordingSeed {
  readonly instanceId?: string | undefined;
  readonly status?: Extract<RecordingStatus, 'starting' | 'recording' | 'paused'> | undefined;
  readonly recordingId?: string | undefined;
  readonly recordingType?: RecordingType | undefined;
  readonly startedBy?: string | undefined;
  readonly startedAt?: number | undefined;
  readonly local?: boolean | undefined;
}

/**
 * A seed of a live stream that already runs.
 *
 * @public
 */
export interface LiveStreamSeed {
  readonly instanceId?: string | undefined;
  readonly status?: Extract<LiveStreamStatus, 'starting' | 'live' | 'interrupted'> | undefined;
  readonly startedAt?: number | undefined;
}

/**
 * State learnt on join (or from the app's backend): recordings and streams that already run.
 * Seeds never override what live events already said about the same instance.
 *
 * @public
 */
export interface StateSeededEvent {
  readonly type: 'state-seeded';
  readonly at: number;
  readonly recordings?: readonly RecordingSeed[] | undefined;
  readonly liveStreams?: readonly LiveStreamSeed[] | undefined;
}

/**
 * The local participant joined the meeting.
 *
 * @public
 */
export interface SessionJoinedEvent {
  readonly type: 'session-joined';
  readonly at: number;
  readonly localParticipantId?: string | undefined;
  readonly role?: ParticipantRole | undefined;
}

/**
 * The local participant's role changed (provider permission update).
 *
 * @public
 */
export interface RoleChangedEvent {
  readonly type: 'role-changed';
  readonly at: number;
  readonly role: ParticipantRole;
}

/**
 * What the provider says the local participant may do, where it says (RealtimeKit preset
 * `canRecord` / `canLivestream`; Daily owners, `canAdmin` and `enable_recording`). `false` takes the
 * control away with the reason `not-allowed`, whatever the app's role; `true` lets the app's role
 * decide; `undefined` (not known) falls back to the role — the control is offered and the
 * provider's refusal shown. A field left out keeps its value.
 *
 * @public
 */
export interface PermissionsUpdatedEvent {
  readonly type: 'permissions-updated';
  readonly at: number;
  /** May start and stop recordings. */
  readonly recording?: boolean | undefined;
  /** May start and stop live streams. */
  readonly liveStream?: boolean | undefined;
}

/**
 * A participant's display name became known or changed.
 *
 * @public
 */
export interface ParticipantNamedEvent {
  readonly type: 'participant-named';
  readonly at: number;
  readonly participantId: string;
  readonly name: string;
}

/**
 * A participant is in the meeting (joined, or known on join). `consent` when the provider says it.
 *
 * @public
 */
export interface ParticipantJoinedEvent {
  readonly type: 'participant-joined';
  readonly at: number;
  readonly participantId: string;
  readonly name?: string | undefined;
  /** The recording consent the provider reports; absent means "not answered yet", never "no". */
  readonly consent?: boolean | undefined;
}

/**
 * A participant left the meeting.
 *
 * @public
 */
export interface ParticipantLeftEvent {
  readonly type: 'participant-left';
  readonly at: number;
  readonly participantId: string;
}

/**
 * A participant gave, withdrew or changed their recording consent (`undefined`: the answer was cleared).
 *
 * @public
 */
export interface ConsentUpdatedEvent {
  readonly type: 'consent-updated';
  readonly at: number;
  readonly participantId: string;
  readonly consent: boolean | undefined;
}

/**
 * Progress of one participant's individual recording (VideoSDK `participant-recording-*` webhooks).
 * `at` should be the provider's event time when it gives one: an event older than what is
 * already applied is ignored, so out-of-order and duplicate webhooks are safe.
 *
 * @public
 */
export interface ParticipantRecordingEvent {
  readonly type: 'participant-recording';
  readonly at: number;
  readonly participantId: string;
  readonly phase: 'starting' | 'started' | 'stopping' | 'stopped' | 'failed';
  readonly sessionId?: string | undefined;
  readonly files?: readonly RecordingFile[] | undefined;
  readonly error?: OnAirError | undefined;
}

/**
 * A participant-recording command was sent from this browser (`command`), or failed (`error`).
 *
 * @public
 */
export interface ParticipantRecordingRequestEvent {
  readonly type: 'participant-recording-request';
  readonly at: number;
  readonly participantId: string;
  readonly command: Extract<OnAirCommand, 'start-recording' | 'stop-recording'>;
  /** Set when the request failed before the provider acted: the state rolls back and shows it. */
  readonly error?: OnAirError | undefined;
}

/**
 * What a recordings source's active-recording read answered for a meeting — a poll, or the answer
 * of a start / pause / resume / stop (RealtimeKit): the recording that runs, or `null` when none
 * runs. It changes no live state (the events derived from it do); the query layer (`OnAirProvider`)
 * keeps it as the meeting's active recording of the source whose `scope` it names, so
 * `useActiveRecording` and the invalidations of the derived events do not ask again, and a read in
 * flight from before cannot undo it.
 *
 * @example
 * ```ts
 * import { useOnAirEvent } from 'onair-react';
 *
 * useOnAirEvent('active-recording-read', (event) => {
 *   console.log(event.meetingId, event.recording?.status ?? 'none running');
 * });
 * ```
 *
 * @public
 */
export interface ActiveRecordingReadEvent {
  readonly type: 'active-recording-read';
  readonly at: number;
  /** The `scope` of the recordings source that answered (`RecordingsSource.scope`). */
  readonly scope: string;
  /** The meeting whose active recording was read. */
  readonly meetingId: string;
  /** What the active-recording endpoint answers now: the running recording, or `null`. */
  readonly recording: RecordingAsset | null;
}

/**
 * The local participant left the meeting: all live state resets.
 *
 * @public
 */
export interface SessionLeftEvent {
  readonly type: 'session-left';
  readonly at: number;
}

/**
 * The one typed union every adapter produces. The reducer turns these into {@link OnAirState};
 * `useOnAirEvent` lets an app listen to them.
 *
 * @public
 */
export type OnAirEvent =
  | RecordingRequestedEvent
  | RecordingStartingEvent
  | RecordingStartedEvent
  | RecordingPausedEvent
  | RecordingResumedEvent
  | RecordingStoppingEvent
  | RecordingStoppedEvent
  | RecordingErrorEvent
  | RecordingRequestFailedEvent
  | RecordingUploadedEvent
  | LiveStreamRequestedEvent
  | LiveStreamStartedEvent
  | LiveStreamUpdatedEvent
  | LiveStreamEndpointsRemovedEvent
  | LiveStreamStoppingEvent
  | LiveStreamStoppedEvent
  | LiveStreamErrorEvent
  | LiveStreamWarningEvent
  | LiveStreamInfoEvent
  | LiveStreamRequestFailedEvent
  | StateSeededEvent
  | SessionJoinedEvent
  | RoleChangedEvent
  | PermissionsUpdatedEvent
  | ParticipantNamedEvent
  | ParticipantJoinedEvent
  | ParticipantLeftEvent
  | ConsentUpdatedEvent
  | ParticipantRecordingEvent
  | ParticipantRecordingRequestEvent
  | ActiveRecordingReadEvent
  | SessionLeftEvent;

/**
 * The `type` word of any {@link OnAirEvent}.
 *
 * @public
 */
export type OnAirEventType = OnAirEvent['type'];

/**
 * The event of one `type`.
 *
 * @public
 */
export type OnAirEventOf<T extends OnAirEventType> = Extract<OnAirEvent, { type: T }>;
