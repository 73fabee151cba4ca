/**
 * The part of a RealtimeKit meeting (`@cloudflare/realtimekit` 2.x, `RealtimeKitClient.init()`'s
 * answer) the adapter reads. Structural: the real meeting fits (checked at compile time against the
 * package's `dist/index.d.ts` by `test/types/realtimekit-conformance.test.ts`), and so does the
 * simulator's meeting or a thin wrapper. The package itself is never imported: it costs an app that
 * does not use it nothing.
 */

/**
 * A recording as `meeting.recording.recordings` lists it (RealtimeKit `RecordingInfo`).
 *
 * @public
 */
export interface RealtimeKitMeetingRecordingInfo {
  readonly id: string;
  /** `IDLE` `STARTING` `RECORDING` `PAUSED` `STOPPING`. */
  readonly state: string;
  /** `BROWSER` `TRACK` `COMPOSITE`. */
  readonly type?: string | undefined;
}

/**
 * `meeting.recording` (RealtimeKit `RTKRecording`).
 *
 * Method syntax on purpose: RealtimeKit's `on`/`off` are generic over the event name, and method
 * parameters compare bivariantly, so the real, narrower listener types fit.
 *
 * @public
 */
export interface RealtimeKitMeetingRecordingLike {
  /** The state over every recording: `RECORDING` if one records, else `PAUSED`, `STARTING`, `STOPPING`, `IDLE`. */
  readonly recordingState?: string | undefined;
  /** Every recording of the meeting that has not stopped. */
  readonly recordings: readonly RealtimeKitMeetingRecordingInfo[];
  on(event: 'recordingUpdate', listener: (state: string) => void): unknown;
  off(event: 'recordingUpdate', listener: (state: string) => void): unknown;
  start(options?: { allowMultiple: boolean }): Promise<void>;
  stop(recordingId?: string): Promise<void>;
  pause(recordingId?: string): Promise<void>;
  resume(recordingId?: string): Promise<void>;
}

/**
 * `meeting.livestream` (RealtimeKit `RTKLivestream`).
 *
 * @public
 */
export interface RealtimeKitMeetingLivestreamLike {
  /** `IDLE` `STARTING` `WAITING_ON_MANUAL_INGESTION` `LIVESTREAMING` `STOPPING`. */
  readonly state: string;
  readonly playbackUrl?: string | undefined;
  readonly viewerCount?: number | undefined;
  on(event: 'livestreamUpdate', listener: (state: string) => void): unknown;
  on(event: 'viewerCountUpdate', listener: (count: number) => void): unknown;
  off(event: 'livestreamUpdate', listener: (state: string) => void): unknown;
  off(event: 'viewerCountUpdate', listener: (count: number) => void): unknown;
  start(options?: { manualIngestion: boolean }): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `meeting.self.permissions` (RealtimeKit `RTKPermissionsPreset`): the preset's word on recording and
 * live streaming; `permissionsUpdate` when a host changes it.
 *
 * @public
 */
export interface RealtimeKitMeetingPermissionsLike {
  readonly canRecord?: boolean | undefined;
  readonly canLivestream?: boolean | undefined;
  on?(event: 'permissionsUpdate', listener: () => void): unknown;
  off?(event: 'permissionsUpdate', listener: () => void): unknown;
}

/**
 * The RealtimeKit meeting object the adapter uses (`meeting` of `@cloudflare/realtimekit` 2.x).
 *
 * @example
 * ```ts
 * import RealtimeKitClient from '@cloudflare/realtimekit';
 * import type { RealtimeKitMeetingLike } from 'onair-react/realtimekit';
 *
 * const meeting: RealtimeKitMeetingLike = await RealtimeKitClient.init({ authToken });
 * ```
 *
 * @public
 */
export interface RealtimeKitMeetingLike {
  readonly recording: RealtimeKitMeetingRecordingLike;
  /** Absent: no live-stream controls. */
  readonly livestream?: RealtimeKitMeetingLivestreamLike | undefined;
  readonly self?: { readonly id?: string | undefined; readonly permissions?: RealtimeKitMeetingPermissionsLike | undefined } | undefined;
  /** `meeting.meta.meetingId`: the meeting for REST lists when the options name none. */
  readonly meta?: { readonly meetingId?: string | undefined } | undefined;
}
