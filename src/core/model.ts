/**
 * The normalized model: the status words and shapes every provider is mapped to.
 * These names are part of the public API (see DESIGN.md §3).
 *
 * @packageDocumentation
 */

import type { ProviderDisabledFeatures } from './events.js';
import { emptyRecord } from './records.js';

/**
 * Status of a live recording session, as `useRecording().status` reports it.
 *
 * - `idle`: nothing is being recorded.
 * - `starting`: a start was requested (here or by someone else) and the provider has not confirmed it.
 * - `recording`: the provider confirmed the recording runs.
 * - `paused`: the recording runs but captures nothing (providers that support pausing).
 * - `stopping`: a stop was requested and the provider has not confirmed it.
 * - `error`: the recording failed; `error.message` says why. Starting again is allowed.
 *
 * @public
 */
export type RecordingStatus = 'idle' | 'starting' | 'recording' | 'paused' | 'stopping' | 'error';

/**
 * Status of a stored recording asset (a row of `RecordingList`).
 * RealtimeKit `INVOKED RECORDING PAUSED UPLOADING UPLOADED ERRORED` map one to one.
 *
 * @public
 */
export type RecordingAssetStatus = 'invoked' | 'recording' | 'paused' | 'uploading' | 'ready' | 'failed';

/**
 * Status of a live stream, as `useLiveStream().status` reports it.
 * Daily `live-streaming-updated` `connected` → `live`, `interrupted` → `interrupted`.
 *
 * @public
 */
export type LiveStreamStatus = 'idle' | 'starting' | 'live' | 'interrupted' | 'stopping' | 'error';

/**
 * What kind of recording runs. Daily's types are listed; other providers may report their own words.
 *
 * @public
 */
export type RecordingType = 'cloud' | 'cloud-audio-only' | 'local' | 'raw-tracks' | (string & {});

/**
 * The local participant's role, as far as recording controls are concerned.
 *
 * @public
 */
export type ParticipantRole = 'moderator' | 'participant';

/**
 * An error the UI can show. `code` is stable and machine-readable (for example
 * `start-failed`, `permission-denied`, `timeout`, or a provider's own code);
 * `message` is the human reason, as the provider gave it or as the kit wrote it.
 *
 * @public
 */
export interface OnAirError {
  /** Stable machine-readable code. */
  readonly code: string;
  /** Human-readable reason, shown to the user. */
  readonly message: string;
  /** Which user action failed, when the error answers one. */
  readonly command?: OnAirCommand | undefined;
  /** When the error happened (epoch milliseconds). */
  readonly at: number;
  /**
   * The live stream it ended, when the event named one (set by the reducer on `liveStreamError`):
   * `useLiveStream({ instanceId })` shows another stream's failure (VideoSDK's RTMP out beside its HLS) only there.
   */
  readonly instanceId?: string | undefined;
}

/**
 * Commands a participant can give.
 *
 * @public
 */
export type OnAirCommand =
  | 'start-recording'
  | 'stop-recording'
  | 'pause-recording'
  | 'resume-recording'
  | 'start-live-stream'
  | 'stop-live-stream'
  | 'update-recording'
  | 'update-live-stream'
  | 'add-live-stream-endpoints'
  | 'remove-live-stream-endpoints';

/**
 * Who a recording captures, as far as the provider's layout selects participants: everyone, or
 * only the listed participant ids.
 *
 * @public
 */
export type RecordedParticipants = 'all' | readonly string[];

/**
 * Provider layout settings, kept as the provider sent them (read-only).
 *
 * @public
 */
export type ProviderLayout = Readonly<Record<string, unknown>>;

/**
 * One recording session. Several can run at once (Daily `instanceId`).
 *
 * @public
 */
export interface RecordingSession {
  /** Key of this session: the provider's instance id, or {@link DEFAULT_INSTANCE_ID} when it sent none. */
  readonly instanceId: string;
  readonly status: RecordingStatus;
  /** When the kit first heard of this session (epoch ms); orders several sessions. */
  readonly openedAt: number;
  /** The provider's recording id, once known. */
  readonly recordingId?: string | undefined;
  readonly type?: RecordingType | undefined;
  /** Participant (session) id of who started it, when known. */
  readonly startedBy?: string | undefined;
  /** When the recording started (epoch ms): the provider's time where it gives one, else when we learnt of it. */
  readonly startedAt?: number | undefined;
  /** Set while paused: when the current pause began (epoch ms). */
  readonly pausedAt?: number | undefined;
  /** Milliseconds spent paused in earlier pauses (excluded from elapsed time). */
  readonly pausedMs: number;
  /** `true` when this is a local (in-browser) recording. */
  readonly local?: boolean | undefined;
  readonly layout?: ProviderLayout | undefined;
  /**
   * Who this recording captures, when the provider's layout selects participants: `'all'`, or
   * these participant ids. `undefined` when the provider does not say (see `recordingIncludes`).
   */
  readonly recordedParticipants?: RecordedParticipants | undefined;
  /** The last error of this session; kept after a failed stop while the recording goes on. */
  readonly error?: OnAirError | undefined;
  /** `true` while a command sent from this browser waits for the provider's answer. */
  readonly pending?: OnAirCommand | undefined;
}

/**
 * State of one live-stream endpoint (an RTMP target), when the provider names endpoints.
 *
 * @public
 */
export interface LiveStreamEndpointState {
  /** The endpoint name or URL as the provider sent it. */
  readonly endpoint: string;
  /** `dropped`: the provider took this destination off while the stream goes on (Daily `live-streaming-warning`). */
  readonly status: 'live' | 'interrupted' | 'dropped';
  /** When this endpoint entered its current status (epoch ms). */
  readonly since: number;
}

/**
 * One live stream. Several can run at once (Daily `instanceId`).
 *
 * @public
 */
export interface LiveStreamSession {
  readonly instanceId: string;
  readonly status: LiveStreamStatus;
  /** When the kit first heard of this stream (epoch ms); orders several streams. */
  readonly openedAt: number;
  /** When the stream went live (epoch ms). */
  readonly startedAt?: number | undefined;
  /** When the stream was last interrupted (epoch ms), while `status` is `interrupted`. */
  readonly interruptedAt?: number | undefined;
  readonly layout?: ProviderLayout | undefined;
  /** Per-endpoint detail, keyed by endpoint, when the provider reports endpoints. */
  readonly endpoints: Readonly<Record<string, LiveStreamEndpointState>>;
  /** The last non-fatal warning the provider sent. */
  readonly warning?: string | undefined;
  /** Viewers now, when the provider counts them (RealtimeKit `viewerCount`). */
  readonly viewerCount?: number | undefined;
  /** Where viewers watch the stream, when the provider says (RealtimeKit `playbackUrl`; check it with `safeHttpUrl` before linking). */
  readonly playbackUrl?: string | undefined;
  readonly error?: OnAirError | undefined;
  readonly pending?: OnAirCommand | undefined;
}

/**
 * What the provider says the local participant may do (`permissions-updated`); `undefined`: it did not say.
 *
 * @public
 */
export interface ProviderPermissions {
  readonly recording?: boolean | undefined;
  readonly liveStream?: boolean | undefined;
}

/**
 * The instance key used when a provider sends no instance id (older Daily flows, single-instance providers).
 *
 * @example
 * ```ts
 * import { DEFAULT_INSTANCE_ID, type OnAirStore } from 'onair-react/advanced';
 *
 * const defaultRecordingStatus = (store: OnAirStore) => store.state.getState().recordings[DEFAULT_INSTANCE_ID]?.status ?? 'idle';
 * ```
 *
 * @beta
 */
export const DEFAULT_INSTANCE_ID = 'default';

/**
 * Everything the kit knows about the live meeting. Produced only by {@link reduceOnAir}.
 *
 * Every id-keyed table here (`recordings`, `liveStreams`, `closed`, `participantNames`,
 * `consents`, `participantRecordings`, a stream's `endpoints`) is a null-prototype record: any id,
 * `constructor` or `__proto__` included, is just a key, and a lookup of an absent id is `undefined`.
 *
 * @beta
 */
export interface OnAirState {
  /** Open recording sessions (not idle), by instance id, in the order they began. */
  readonly recordings: Readonly<Record<string, RecordingSession>>;
  /** Open live streams, by instance id. */
  readonly liveStreams: Readonly<Record<string, LiveStreamSession>>;
  /**
   * Instances that ended, by kind and id, with the recording id they had: an event for a closed
   * instance does not reopen it (only a new start does).
   */
  readonly closed: Readonly<Record<string, ClosedInstance>>;
  /** The last recording error that named no instance (or ended one). */
  readonly recordingError?: OnAirError | undefined;
  /** The last live-stream error that named no open instance (or ended one). */
  readonly liveStreamError?: OnAirError | undefined;
  /** The local participant, once the adapter knows it. */
  readonly localParticipantId?: string | undefined;
  /** The role the provider reported for the local participant, if any. */
  readonly providerRole?: ParticipantRole | undefined;
  /** What the provider says the local participant may do, where it says (`permissions-updated`). */
  readonly providerPermissions?: ProviderPermissions | undefined;
  /** Features the meeting turned off (from `session-joined`), if it said so. */
  readonly providerDisabled?: ProviderDisabledFeatures | undefined;
  /** Display names of participants the adapter knows of, by participant id. */
  readonly participantNames: Readonly<Record<string, string>>;
  /** Recording consent answers, by participant id (only those who answered in this recording epoch count). */
  readonly consents: Readonly<Record<string, ConsentAnswer>>;
  /**
   * Counts recordings that began from nothing (no recording open before). A new epoch asks
   * everyone for consent again: answers from an earlier epoch no longer count.
   */
  readonly consentEpoch: number;
  /** Per-participant (individual) recordings, by participant id (VideoSDK participant recording). */
  readonly participantRecordings: Readonly<Record<string, ParticipantRecording>>;
}

/**
 * A file a recording produced.
 *
 * @public
 */
export interface RecordingFile {
  /** Download URL as the provider gave it (check it with `safeHttpUrl` before linking). */
  readonly url?: string | undefined;
  /** Storage path, when the provider names one. */
  readonly path?: string | undefined;
}

/**
 * The individual recording of one participant.
 *
 * @public
 */
export interface ParticipantRecording {
  readonly participantId: string;
  /** `idle` once stopped (files then hold the result), `error` when it failed. */
  readonly status: RecordingStatus;
  /** The provider's session id of this recording, when given. */
  readonly sessionId?: string | undefined;
  readonly startedAt?: number | undefined;
  readonly stoppedAt?: number | undefined;
  /** Files of the last finished recording. */
  readonly files: readonly RecordingFile[];
  readonly error?: OnAirError | undefined;
  /** Provider time (epoch ms) of the last event applied; older events are ignored. */
  readonly updatedAt: number;
  readonly pending?: OnAirCommand | undefined;
}

/**
 * One participant's answer to "may we record you?".
 *
 * @public
 */
export interface ConsentAnswer {
  readonly consent: boolean;
  /** When the answer was given or learnt (epoch ms). */
  readonly at: number;
  /** The {@link OnAirState.consentEpoch} the answer belongs to. */
  readonly epoch: number;
  /** The notice it answered (`"<id>@<version>"`), when the app showed one: a new version asks again. */
  readonly notice?: string | undefined;
}

/**
 * A participant's consent as a roster shows it.
 *
 * @public
 */
export type ConsentStatus = 'consented' | 'declined' | 'pending';

/**
 * A closed instance, remembered so that late events for it are ignored. Only the most recent
 * {@link MAX_CLOSED_INSTANCES} are kept, so the cost of an event never grows with the meeting's
 * history.
 *
 * @beta
 */
export interface ClosedInstance {
  readonly recordingId?: string | undefined;
  readonly at: number;
  /**
   * `true` when the stop (or error) arrived before anything had opened the instance: the start it
   * belongs to may still be on its way, and is then swallowed instead of opening a session that
   * nothing would ever close.
   */
  readonly beforeStart?: boolean | undefined;
}

/**
 * How many closed instances the state remembers (the newest); older ones are forgotten.
 *
 * @example
 * ```ts
 * import { MAX_CLOSED_INSTANCES, type OnAirState } from 'onair-react/advanced';
 *
 * const remembered = (state: OnAirState) => Object.keys(state.closed).length <= MAX_CLOSED_INSTANCES; // always true
 * ```
 *
 * @beta
 */
export const MAX_CLOSED_INSTANCES = 64;

/**
 * The state before any event.
 *
 * @example
 * ```ts
 * import { initialOnAirState, reduceOnAir } from 'onair-react/advanced';
 *
 * const state = reduceOnAir(initialOnAirState, { type: 'recording-started', at: Date.now() });
 * Object.keys(state.recordings); // ["default"]
 * ```
 *
 * @beta
 */
export const initialOnAirState: OnAirState = Object.freeze({
  recordings: emptyRecord<RecordingSession>(),
  liveStreams: emptyRecord<LiveStreamSession>(),
  closed: emptyRecord<ClosedInstance>(),
  participantNames: emptyRecord<string>(),
  consents: emptyRecord<ConsentAnswer>(),
  consentEpoch: 0,
  participantRecordings: emptyRecord<ParticipantRecording>(),
});
