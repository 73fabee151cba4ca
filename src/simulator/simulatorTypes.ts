import type { DailyLiveStreamingOptionsLike, DailyRecordingOptionsLike } from '../adapters/daily/types.js';

/**
 * How long the simulated provider takes to answer, in milliseconds.
 *
 * @example
 * ```ts
 * const fast: SimulatorDelays = { recordingStart: 50, recordingStop: 50, liveStart: 50, liveStop: 50 };
 * ```
 *
 * @public
 */
export interface SimulatorDelays {
  /** From `startRecording` to `recording-started` (or `recording-error`). Default 1200. */
  readonly recordingStart: number;
  /** From `stopRecording` to `recording-stopped`. Default 700. */
  readonly recordingStop: number;
  /** From `startLiveStreaming` to `live-streaming-started`. Default 1500. */
  readonly liveStart: number;
  /** From `stopLiveStreaming` to `live-streaming-stopped`. Default 700. */
  readonly liveStop: number;
  /**
   * From `recording-stopped` of a cloud recording (not `local`) to `recording-upload-completed`.
   * Default 1500. Optional, so delay objects written before it still fit.
   */
  readonly recordingUpload?: number | undefined;
}

/**
 * A person in the simulated meeting.
 *
 * @example
 * ```ts
 * const ada: SimulatorPerson = { id: 'ada', name: 'Ada', owner: true };
 * ```
 *
 * @public
 */
export interface SimulatorPerson {
  readonly id: string;
  readonly name: string;
  readonly owner?: boolean | undefined;
  /**
   * Daily `permissions.canAdmin`: `true`, or the admin rights (`'participants'`, `'streaming'`,
   * `'transcription'`). Default: `true` for owners, `false` otherwise. Only `true` or
   * `'streaming'` let a non-owner record and stream.
   */
  readonly canAdmin?: boolean | readonly ('participants' | 'streaming' | 'transcription')[] | undefined;
}

/**
 * Options of {@link createSimulator}.
 *
 * @example
 * ```ts
 * const options: SimulatorOptions = { delays: { recordingStart: 300 }, participants: [{ id: 'ana', name: 'Ana Lima' }] };
 * ```
 *
 * @public
 */
export interface SimulatorOptions {
  /** The local participant. Default `{ id: 'local-you', name: 'You', owner: true }`. */
  readonly localParticipant?:
    | { readonly id?: string; readonly name?: string; readonly owner?: boolean; readonly canAdmin?: SimulatorPerson['canAdmin'] }
    | undefined;
  /** Remote participants. Default two: Ada (owner) and Grace. */
  readonly participants?: readonly SimulatorPerson[] | undefined;
  /** Answer delays in ms; defaults are realistic (see {@link SimulatorDelays}). */
  readonly delays?: Partial<SimulatorDelays> | undefined;
  /** Default `true`: `meetingState()` is `'joined-meeting'` from the start. */
  readonly joined?: boolean | undefined;
  /**
   * The simulated provider's maximum recording length in ms: a recording that runs this long is
   * ended by the provider (`recording-stopped`, as RealtimeKit does at `max_seconds`). Default: none.
   */
  readonly maxRecordingDurationMs?: number | undefined;
}

/**
 * A participant object as the simulated Daily call reports it (the fields of Daily's
 * `DailyParticipant` the kit reads, plus a few for realism).
 *
 * @example
 * ```ts
 * simulator.daily.participants().local.user_name; // 'You'
 * ```
 *
 * @public
 */
export interface SimulatedDailyParticipant {
  session_id: string;
  user_id: string;
  user_name: string;
  local: boolean;
  owner: boolean;
  record: boolean;
  permissions: {
    hasPresence: boolean;
    canSend: boolean;
    canReceive: { base: boolean };
    /** Daily's `canAdmin`: a boolean or the admin rights (an array here; a `Set` in daily-js). */
    canAdmin: boolean | ('participants' | 'streaming' | 'transcription')[];
  };
  joined_at: Date;
}

/**
 * An event object the simulated call emits: Daily's shape (`action`, `callClientId`, then the
 * event's own fields).
 *
 * @example
 * ```ts
 * simulator.daily.on('recording-started', (event: SimulatedDailyEvent) => console.log(event.instanceId));
 * ```
 *
 * @public
 */
export interface SimulatedDailyEvent {
  readonly action: string;
  readonly callClientId: string;
  readonly [field: string]: unknown;
}

/**
 * A handler of the simulated call's events.
 *
 * @example
 * ```ts
 * const log: SimulatedDailyHandler = (event) => console.log(event.action);
 * ```
 *
 * @public
 */
export type SimulatedDailyHandler = (event: SimulatedDailyEvent) => void;

/**
 * A Daily-shaped call object backed by the simulator. It fits `DailyCallLike`, so
 * `createDailyAdapter(simulator.daily)` works as with a real call object.
 *
 * @example
 * ```ts
 * const sim = createSimulator();
 * sim.daily.on('recording-started', (e) => console.log(e.recordingId));
 * sim.daily.startRecording({ type: 'cloud' });
 * ```
 *
 * @public
 */
export interface SimulatedDailyCall {
  on(event: string, handler: SimulatedDailyHandler): SimulatedDailyCall;
  off(event: string, handler: SimulatedDailyHandler): SimulatedDailyCall;
  startRecording(options?: DailyRecordingOptionsLike): void;
  stopRecording(options?: { instanceId: string }): void;
  startLiveStreaming(options: DailyLiveStreamingOptionsLike): void;
  stopLiveStreaming(options?: { instanceId: string }): void;
  /** Daily `updateRecording`: changes a running recording's layout (no event, as in Daily). */
  updateRecording(options: { layout?: object; instanceId?: string }): void;
  /** Daily `updateLiveStreaming`: changes a running live stream's layout. */
  updateLiveStreaming(options: { layout?: object; instanceId?: string }): void;
  /** Daily `addLiveStreamingEndpoints`: the new endpoints connect (`live-streaming-updated`). */
  addLiveStreamingEndpoints(options: { endpoints: { endpoint: string }[]; instanceId?: string }): void;
  /** Daily `removeLiveStreamingEndpoints`: the endpoints stop receiving the stream. */
  removeLiveStreamingEndpoints(options: { endpoints: { endpoint: string }[]; instanceId?: string }): void;
  participants(): Record<string, SimulatedDailyParticipant>;
  meetingState(): 'new' | 'joined-meeting' | 'left-meeting';
  /** Joins: emits `joined-meeting`, then what already runs (as Daily does for late joiners). */
  join(): Promise<void>;
  /** Leaves: emits `left-meeting`; recordings started by others go on. */
  leave(): Promise<void>;
}

/**
 * Fault switches of the simulator.
 *
 * @example
 * ```ts
 * sim.faults.failNextStart('Recording quota exceeded.');
 * ```
 *
 * @public
 */
export interface SimulatorFaults {
  /** The next recording or live-stream start fails with `recording-error` / `live-streaming-error`. */
  failNextStart(message?: string): void;
  /** The local participant loses (or, with `false`, regains) the right to record and stream. */
  denyPermission(denied?: boolean): void;
  /** `live-streaming-updated` `interrupted` for one endpoint, or every endpoint of the newest stream. */
  interruptLiveStream(endpoint?: string): void;
  /** `live-streaming-updated` `connected` for one endpoint, or every endpoint of the newest stream. */
  recoverLiveStream(endpoint?: string): void;
  /** A remote participant starts another recording instance (new `instanceId`). */
  startSecondRecording(): void;
  /** Emits a malformed `recording-started` and a malformed `live-streaming-updated`. */
  emitMalformed(): void;
  /** `nonfatal-error` of type `live-streaming-warning`. */
  warnLiveStream(message?: string): void;
  /**
   * One destination of a running live stream stops accepting media: the media server drops it and
   * keeps streaming to the others, and Daily says so with a `nonfatal-error` of type
   * `live-streaming-warning` whose `details` are `{ instanceId, endpoints: [{ endpoint }] }` (the
   * endpoint's name, or the RTMP URL it was started with). The message names the server, never the
   * stream key. Default: the newest stream's last destination.
   *
   * @example
   * ```ts
   * sim.daily.startLiveStreaming({ rtmpUrl: [youtubeUrl, twitchUrl, customUrl] });
   * // …once live:
   * sim.faults.dropLiveStreamDestination(); // customUrl dropped, YouTube and Twitch stay live
   * sim.faults.dropLiveStreamDestination(twitchUrl, 'Twitch closed the connection.');
   * ```
   */
  dropLiveStreamDestination(endpoint?: string, message?: string): void;
  /**
   * The next live-stream start is refused by the RTMP server (a wrong or revoked stream key): Daily
   * answers `live-streaming-error` with `errorMsg` "RTMP connection refused by <server>: the stream
   * key was not accepted" (the server without the key), and the stream never starts.
   *
   * @example
   * ```ts
   * sim.faults.refuseStreamKey();
   * sim.daily.startLiveStreaming({ rtmpUrl: 'rtmp://live.twitch.tv/app/live_1_wrong' });
   * // → live-streaming-error "RTMP connection refused by rtmp://live.twitch.tv/app: the stream key was not accepted"
   * ```
   */
  refuseStreamKey(message?: string): void;
  /**
   * The provider ends the running live stream (a platform ended the broadcast, a limit was reached):
   * `live-streaming-stopped` arrives with no local stop. Default: the default instance, else the newest.
   *
   * @example
   * ```ts
   * sim.faults.endLiveStream();
   * // → { action: 'live-streaming-stopped', instanceId }
   * ```
   */
  endLiveStream(instanceId?: string): void;
  /**
   * The next recording start is accepted but never confirmed (no `recording-started`, no error):
   * a start that looks stuck. A stop of it still works.
   */
  neverConfirmStart(): void;
  /** The next recording stop is accepted but never confirmed (no `recording-stopped`). */
  neverConfirmStop(): void;
}

/**
 * What other participants do.
 *
 * @example
 * ```ts
 * sim.remote.startRecording('ada');
 * ```
 *
 * @public
 */
export interface SimulatorRemote {
  /** A remote participant (by id or name; default the first) starts a recording. */
  startRecording(byParticipantId?: string): void;
  /** Stops a recording (default: the default instance, else the newest). */
  stopRecording(instanceId?: string): void;
  /** A remote participant starts a live stream to two endpoints. */
  startLiveStream(byParticipantId?: string): void;
  /** Stops a live stream (default: the default instance, else the newest). */
  stopLiveStream(instanceId?: string): void;
}

/**
 * One line of the simulator's log.
 *
 * @example
 * ```ts
 * sim.onLog((line: SimulatorLogLine) => console.log(line.text));
 * ```
 *
 * @public
 */
export interface SimulatorLogLine {
  readonly at: number;
  readonly text: string;
}

/**
 * An in-memory meeting backend (see {@link createSimulator}).
 *
 * @example
 * ```ts
 * const sim: Simulator = createSimulator();
 * const adapter = createDailyAdapter(sim.daily);
 * ```
 *
 * @public
 */
export interface Simulator {
  readonly daily: SimulatedDailyCall;
  readonly faults: SimulatorFaults;
  readonly remote: SimulatorRemote;
  setDelays(delays: Partial<SimulatorDelays>): void;
  /** Subscribe to a log of what the simulator did (for the playground's event log). */
  onLog(listener: (line: SimulatorLogLine) => void): () => void;
  /** Clears timers and removes listeners. */
  dispose(): void;
}
