import type { OnAirEvent } from './events.js';
import type { ParticipantRole, ProviderLayout, RecordingType } from './model.js';
import type { OnAirSlice } from './slice.js';

/**
 * What an adapter (and so the provider behind it) can do. Components show only what the
 * adapter can do and the participant's role allows.
 *
 * @public
 */
export interface AdapterCapabilities {
  readonly startRecording: boolean;
  readonly stopRecording: boolean;
  readonly pauseRecording: boolean;
  readonly resumeRecording: boolean;
  readonly startLiveStream: boolean;
  readonly stopLiveStream: boolean;
  /** The provider carries recording consent itself (OpenTalk). */
  readonly consent: boolean;
  /** Several recordings or streams can run at once, keyed by instance id. */
  readonly multipleInstances: boolean;
  /** One participant can be recorded on their own (VideoSDK). Optional: absent means no. */
  readonly participantRecording?: boolean | undefined;
  /** A running recording's layout can be changed (Daily `updateRecording`). Optional: absent means no. */
  readonly updateRecording?: boolean | undefined;
  /** A running live stream's layout can be changed (Daily `updateLiveStreaming`). Optional: absent means no. */
  readonly updateLiveStream?: boolean | undefined;
  /**
   * Endpoints can be added to and removed from a running live stream (Daily
   * `addLiveStreamingEndpoints` / `removeLiveStreamingEndpoints`). Optional: absent means no.
   */
  readonly liveStreamEndpoints?: boolean | undefined;
  /**
   * Where a recording can be made, when there is a choice: `cloud` (the provider's) and `device`
   * (this browser, `onair-react/local`). With both, `RecordButton` offers "Record in the cloud" and
   * "Record on this device". Optional: absent means the provider's only.
   */
  readonly recordingLocations?: readonly RecordingLocation[] | undefined;
  /**
   * A live stream needs a destination (an RTMP URL or a configured endpoint) to start. Optional:
   * absent means yes. RealtimeKit streams to its own playback URL: `false`, and `LiveStreamButton`
   * asks for no URL.
   */
  readonly liveStreamUrl?: boolean | undefined;
}

/**
 * Where a recording is made: by the provider (`cloud`) or in this browser (`device`).
 *
 * @public
 */
export type RecordingLocation = 'cloud' | 'device';

/**
 * The instance id of this browser's own local recording (`onair-react/local`) in the kit's state.
 * Another participant's local recording shows as `local:<their id>`.
 *
 * @public
 */
export const LOCAL_INSTANCE_ID = 'onair-local';

/**
 * Options for starting a recording. Fields a provider does not know are ignored by its adapter.
 *
 * @public
 */
export interface StartRecordingOptions {
  /** Instance to start (Daily `instanceId`, a UUID); omitted means the provider's default. */
  readonly instanceId?: string | undefined;
  /** Recording type, where the provider lets you choose (Daily: `cloud`, `cloud-audio-only`, `raw-tracks`, `local`). */
  readonly type?: RecordingType | undefined;
  /** Provider-specific options passed through unchanged (layout, resolution …). */
  readonly providerOptions?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Options for a live stream: one RTMP URL, several, or named endpoints.
 *
 * @public
 */
export interface StartLiveStreamOptions {
  readonly instanceId?: string | undefined;
  /** One or more RTMP(S) URLs, including the stream key. */
  readonly rtmpUrl?: string | readonly string[] | undefined;
  /** Endpoints configured on the provider's side (Daily `endpoints: [{ endpoint }]`). */
  readonly endpoints?: readonly string[] | undefined;
  readonly providerOptions?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * A new layout for a running recording or live stream (Daily `updateRecording` / `updateLiveStreaming`).
 *
 * @public
 */
export interface UpdateLayoutOptions {
  readonly instanceId?: string | undefined;
  /** The provider's layout object, passed through unchanged (Daily `{ preset: 'single-participant', session_id }` …). */
  readonly layout?: ProviderLayout | undefined;
  readonly providerOptions?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Endpoints to add to or remove from a running live stream (Daily endpoint names configured on the domain).
 *
 * @public
 */
export interface LiveStreamEndpointsOptions {
  readonly instanceId?: string | undefined;
  readonly endpoints: readonly string[];
}

/**
 * How long the kit waits on a start or stop before it says so (`slowAfterMs`: "Still starting…" with
 * "Cancel") and before it gives up (`timeoutMs`: the controls are usable again and say the provider
 * did not confirm). Set per provider by its adapter (`OnAirAdapter.commandTiming`) or by the app
 * (`OnAirProvider commandTiming`, which wins).
 *
 * @example
 * ```tsx
 * <OnAirProvider adapter={adapter} commandTiming={{ slowAfterMs: 8_000, timeoutMs: 45_000 }}>
 *   <RecordButton />
 * </OnAirProvider>
 * ```
 *
 * @public
 */
export interface CommandTiming {
  /** After this long unconfirmed, a start or stop reads "Still starting…" / "Still stopping…". Default 5 000 ms. */
  readonly slowAfterMs?: number | undefined;
  /** After this long unconfirmed, the command gives up. Default 30 000 ms. */
  readonly timeoutMs?: number | undefined;
}

/**
 * The kit's default {@link CommandTiming}: "still starting" after 5 s, give up after 30 s.
 *
 * @example
 * ```ts
 * const timing = { ...defaultCommandTiming, slowAfterMs: 10_000 };
 * ```
 *
 * @public
 */
export const defaultCommandTiming: Readonly<Required<CommandTiming>> = Object.freeze({ slowAfterMs: 5_000, timeoutMs: 30_000 });

/**
 * Target of a stop / pause / resume command.
 *
 * @public
 */
export interface InstanceOptions {
  readonly instanceId?: string | undefined;
}

/**
 * Receives normalized events from an adapter.
 *
 * @public
 */
export type OnAirEventSink = (event: OnAirEvent) => void;

/**
 * The contract between a provider adapter and the kit. `connect` subscribes to the provider and
 * pushes normalized events into `sink`; it returns the function that unsubscribes. Commands
 * resolve when the provider accepted the request (or reject with a readable `Error`); the outcome
 * itself arrives as events.
 *
 * @example
 * ```ts
 * const adapter = createDailyAdapter(callObject);
 * const disconnect = adapter.connect((event) => console.log(event.type));
 * await adapter.startRecording?.({ type: 'cloud' });
 * ```
 *
 * @public
 */
export interface OnAirAdapter {
  /** Provider name, for diagnostics (`daily`, `realtimekit`, `videosdk`, `opentalk`, `simulator` …). */
  readonly provider: string;
  readonly capabilities: AdapterCapabilities;
  /**
   * The slices of the state the adapter's events feed (`recordingSlice`, `consentSlice` … from
   * `onair-react/advanced`): `OnAirProvider` registers them before it connects, so every event
   * lands even when no hook reading it is mounted yet. Absent: only the slices the mounted hooks
   * register (which take in the recent events when they register late); give `allSlices` to reduce
   * everything.
   */
  readonly slices?: readonly OnAirSlice[] | undefined;
  connect(sink: OnAirEventSink): () => void;
  /**
   * How long this provider usually takes to confirm a start or stop (see {@link CommandTiming});
   * `OnAirProvider commandTiming` overrides it. Absent: the kit's defaults.
   */
  readonly commandTiming?: CommandTiming | undefined;
  /**
   * The provider's maximum recording length in ms, where it is documented or configured
   * (RealtimeKit: `max_seconds`, 24 h by default). `RecordButton` warns before the end and says so
   * when the provider ends the recording there. `OnAirProvider recordingLimits` overrides it.
   */
  readonly maxDurationMs?: number | undefined;
  /**
   * Reads the provider's recording state again and pushes what it finds as events ("Check again"
   * after a command the provider did not confirm). Absent where the provider has no such read.
   */
  refresh?(): Promise<void>;
  startRecording?(options?: StartRecordingOptions): Promise<void>;
  stopRecording?(options?: InstanceOptions): Promise<void>;
  pauseRecording?(options?: InstanceOptions): Promise<void>;
  resumeRecording?(options?: InstanceOptions): Promise<void>;
  startLiveStream?(options: StartLiveStreamOptions): Promise<void>;
  stopLiveStream?(options?: InstanceOptions): Promise<void>;
  /** Starts recording one participant on their own (VideoSDK participant recording). */
  startParticipantRecording?(participantId: string, options?: Readonly<Record<string, unknown>>): Promise<void>;
  /** Stops one participant's individual recording. */
  stopParticipantRecording?(participantId: string): Promise<void>;
  /** Changes a running recording's layout (capability `updateRecording`). */
  updateRecording?(options: UpdateLayoutOptions): Promise<void>;
  /** Changes a running live stream's layout (capability `updateLiveStream`). */
  updateLiveStream?(options: UpdateLayoutOptions): Promise<void>;
  /** Adds endpoints to a running live stream (capability `liveStreamEndpoints`). */
  addLiveStreamEndpoints?(options: LiveStreamEndpointsOptions): Promise<void>;
  /** Removes endpoints from a running live stream (capability `liveStreamEndpoints`). */
  removeLiveStreamEndpoints?(options: LiveStreamEndpointsOptions): Promise<void>;
  /** Sends the local participant's recording consent to the provider (providers with `capabilities.consent`). */
  setConsent?(consent: boolean): Promise<void>;
  /** The local participant's role as the provider sees it, if it says. */
  readonly localRole?: (() => ParticipantRole | undefined) | undefined;
}

/**
 * Every capability off: a starting point for adapters.
 *
 * @example
 * ```ts
 * import type { AdapterCapabilities, OnAirAdapter } from 'onair-react';
 * import { noCapabilities } from 'onair-react/advanced';
 *
 * const capabilities: AdapterCapabilities = { ...noCapabilities, startRecording: true, stopRecording: true };
 * const adapter: OnAirAdapter = {
 *   provider: 'my-sfu',
 *   capabilities,
 *   connect: (sink) => {
 *     sink({ type: 'session-joined', at: Date.now() });
 *     return () => {};
 *   },
 *   startRecording: async () => { await fetch('/api/recording/start', { method: 'POST' }); },
 *   stopRecording: async () => { await fetch('/api/recording/stop', { method: 'POST' }); },
 * };
 * ```
 *
 * @beta
 */
export const noCapabilities: AdapterCapabilities = Object.freeze({
  startRecording: false,
  stopRecording: false,
  pauseRecording: false,
  resumeRecording: false,
  startLiveStream: false,
  stopLiveStream: false,
  consent: false,
  multipleInstances: false,
});
