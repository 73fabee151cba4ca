import type { LiveStreamSeed, RecordingSeed } from '../../core/events.js';
import type { DailyParseProblem } from './parseDailyEvent.js';

/**
 * The Daily call-object events the adapter listens to.
 *
 * @example
 * ```ts
 * const name: DailyLikeEventName = 'recording-started';
 * ```
 *
 * @public
 */
export type DailyLikeEventName =
  | 'joined-meeting'
  | 'left-meeting'
  | 'participant-joined'
  | 'participant-updated'
  | 'participant-left'
  | 'recording-started'
  | 'recording-stopped'
  | 'recording-error'
  | 'recording-upload-completed'
  | 'live-streaming-started'
  | 'live-streaming-updated'
  | 'live-streaming-stopped'
  | 'live-streaming-error'
  | 'nonfatal-error';

/**
 * A handler the adapter registers with `call.on`. The payload is untrusted: the adapter validates it.
 *
 * @example
 * ```ts
 * const handler: DailyLikeHandler = (payload) => console.log(payload);
 * ```
 *
 * @public
 */
export type DailyLikeHandler = (payload: unknown) => void;

/**
 * Options the adapter passes to `call.startRecording` (Daily `DailyStreamingOptions<'recording'>`).
 * Provider options given by the app are spread into it unchanged.
 *
 * @example
 * ```ts
 * const options: DailyRecordingOptionsLike = { instanceId: crypto.randomUUID(), type: 'cloud' };
 * ```
 *
 * @public
 */
export interface DailyRecordingOptionsLike {
  instanceId?: string;
  type?: 'cloud' | 'raw-tracks' | 'local' | 'cloud-audio-only';
}

/**
 * Options the adapter passes to `call.startLiveStreaming` (Daily `DailyLiveStreamingOptions<'start'>`).
 *
 * @example
 * ```ts
 * const options: DailyLiveStreamingOptionsLike = { rtmpUrl: 'rtmps://live.example.com/app/KEY' };
 * ```
 *
 * @public
 */
export interface DailyLiveStreamingOptionsLike {
  instanceId?: string;
  rtmpUrl?: string | string[];
  endpoints?: { endpoint: string }[];
}

/**
 * The part of Daily's call object (`DailyCall` of `@daily-co/daily-js`) the adapter uses. Structural:
 * the real call object fits (checked at compile time by `test/types/daily-conformance.test.ts`), and so
 * does the simulator's `daily` or any thin wrapper.
 *
 * Methods are declared with method syntax on purpose: Daily's `on`/`off` are generic over the event
 * name, and method parameters compare bivariantly, so the real, narrower handler types fit.
 *
 * @example
 * ```ts
 * import Daily from '@daily-co/daily-js';
 * const call: DailyCallLike = Daily.createCallObject();
 * ```
 *
 * @public
 */
export interface DailyCallLike {
  on(event: DailyLikeEventName, handler: DailyLikeHandler): unknown;
  off(event: DailyLikeEventName, handler: DailyLikeHandler): unknown;
  startRecording(options?: DailyRecordingOptionsLike): unknown;
  stopRecording(options?: { instanceId: string }): unknown;
  startLiveStreaming(options: DailyLiveStreamingOptionsLike): unknown;
  stopLiveStreaming(options?: { instanceId: string }): unknown;
  /** Daily `updateRecording`: a new layout for a running recording. Offered when present. */
  updateRecording?(options: { layout?: object; instanceId?: string }): unknown;
  /** Daily `updateLiveStreaming`: a new layout for a running live stream. Offered when present. */
  updateLiveStreaming?(options: { layout?: object; instanceId?: string }): unknown;
  /** Daily `addLiveStreamingEndpoints`. Offered (with its counterpart) when present. */
  addLiveStreamingEndpoints?(options: { endpoints: { endpoint: string }[]; instanceId?: string }): unknown;
  /** Daily `removeLiveStreamingEndpoints`. Offered (with its counterpart) when present. */
  removeLiveStreamingEndpoints?(options: { endpoints: { endpoint: string }[]; instanceId?: string }): unknown;
  /** Daily `participants()`: `{ local, [session_id]: participant }`. Used for late join. */
  participants?(): Readonly<Record<string, unknown>>;
  /** Daily `meetingState()`: `'joined-meeting'` once in the call. Used for late join. */
  meetingState?(): string;
  /**
   * Daily `room()`: the room's and the meeting token's configuration (a promise). Read once joined
   * for `enable_recording` (the token's wins): where neither enables recording, Daily refuses it,
   * so the kit does not offer it.
   */
  room?(): unknown;
}

/**
 * Options of {@link createDailyAdapter}.
 *
 * @example
 * ```ts
 * const options: DailyAdapterOptions = {
 *   initialState: { recordings: [{ instanceId: 'b1c2…', recordingType: 'cloud', startedAt: 1732270000000 }] },
 * };
 * ```
 *
 * @public
 */
export interface DailyAdapterOptions {
  /**
   * What the app's backend knows runs already (Daily REST `GET /rooms/:name/…`): sent as one
   * `state-seeded` event on `connect`. Seeds never override what live events already said.
   */
  readonly initialState?: {
    readonly recordings?: readonly RecordingSeed[] | undefined;
    readonly liveStreams?: readonly LiveStreamSeed[] | undefined;
  } | undefined;
  /** Clock (epoch ms), for tests. Default `Date.now`. */
  readonly now?: (() => number) | undefined;
  /**
   * Receives each malformed payload the adapter dropped. Default: a `console.warn` once per
   * distinct problem, outside production builds.
   */
  readonly onProblem?: ((problem: DailyParseProblem) => void) | undefined;
}
