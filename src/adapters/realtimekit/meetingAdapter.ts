import { liveStreamSlice } from '../../core/liveStreamSlice.js';
import { recordingSlice } from '../../core/recordingSlice.js';
import { rosterSlice } from '../../core/rosterSlice.js';
import { noCapabilities, type InstanceOptions, type OnAirAdapter, type OnAirEventSink, type StartLiveStreamOptions, type StartRecordingOptions } from '../../core/adapter.js';
import type { OnAirEvent, RecordingSeed } from '../../core/events.js';
import type { RecordingControlAction, RecordingsSource } from '../../core/recordings.js';
import type { RealtimeKitMeetingLike, RealtimeKitMeetingRecordingInfo } from './meetingTypes.js';


/** @internal RealtimeKit's longest recording: it stops one after 24 h (`max_seconds`; Cloudflare's recording guide, "Stop Recording"). */
export const REALTIMEKIT_MAX_RECORDING_MS = 24 * 3_600_000;
/** A recording's state as RealtimeKit's SDK words it. */
type SdkRecordingState = 'STARTING' | 'RECORDING' | 'PAUSED' | 'STOPPING';
const RECORDING_STATES: ReadonlySet<string> = new Set<SdkRecordingState>(['STARTING', 'RECORDING', 'PAUSED', 'STOPPING']);

/** RealtimeKit's recording type in the kit's words: a composed file is `cloud`, per-track `raw-tracks`. */
const typeOf = (type: unknown): string | undefined =>
  type === 'TRACK' ? 'raw-tracks' : type === 'BROWSER' || type === 'COMPOSITE' ? 'cloud' : typeof type === 'string' && type.length > 0 ? type.toLowerCase() : undefined;

/** A copy of the SDK's list (it mutates its entries in place): id → state, only well-formed entries. */
function snapshot(list: unknown): Map<string, { readonly state: SdkRecordingState; readonly type: string | undefined }> {
  const out = new Map<string, { readonly state: SdkRecordingState; readonly type: string | undefined }>();
  if (!Array.isArray(list)) return out;
  for (const item of list as readonly RealtimeKitMeetingRecordingInfo[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { id, state, type } = item;
    if (typeof id !== 'string' || id.length === 0 || typeof state !== 'string' || !RECORDING_STATES.has(state)) continue;
    out.set(id, { state: state as SdkRecordingState, type: typeOf(type) });
  }
  return out;
}

/** Options of the meeting-SDK path (see `RealtimeKitMeetingAdapterOptions`). */
export interface MeetingPathOptions {
  readonly meeting: RealtimeKitMeetingLike;
  readonly client?: Partial<Pick<RecordingsSource, 'controlRecording'>> | undefined;
  readonly allowMultiple?: boolean | undefined;
}

/**
 * The RealtimeKit adapter on the meeting SDK: recording and live-stream state pushed by
 * `meeting.recording` / `meeting.livestream` (no REST poll), one instance per recording id,
 * permissions from `meeting.self.permissions`.
 */
export function createMeetingAdapter(options: MeetingPathOptions): OnAirAdapter {
  const { meeting } = options;
  const recording = meeting.recording;
  const livestream = meeting.livestream;
  /** What the adapter last reported per recording id (protocol state: the SDK reports the whole list). */
  let known = new Map<string, { readonly state: SdkRecordingState; readonly type: string | undefined }>();
  let liveState = 'IDLE';
  /** Our own start in flight: a recording that appears `STARTING` meanwhile is that start (the kit already shows it). */
  let ownStart = false;
  /** Our own livestream start in flight: the SDK puts a start it could not make back to `IDLE` and throws (the command reports it). */
  let ownLiveStart = false;
  let sink: OnAirEventSink | undefined;

  const emit = (event: OnAirEvent): void => {
    try {
      sink?.(event);
    } catch {
      // a throwing sink must not break the SDK's emitter
    }
  };

  function permissions(at: number): void {
    const preset = meeting.self?.permissions;
    const bool = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);
    emit({ type: 'permissions-updated', at, recording: bool(preset?.canRecord), liveStream: livestream ? bool(preset?.canLivestream) : false });
  }

  /** Turns the SDK's list into events for what changed since the last one. */
  function onRecordings(): void {
    const at = Date.now();
    const next = snapshot(recording.recordings);
    for (const [id, { state, type }] of next) {
      const before = known.get(id)?.state;
      if (before === state) continue;
      const started = (): void => emit({ type: 'recording-started', at, instanceId: id, recordingId: id, recordingType: type });
      if (state === 'STARTING') {
        if (before === undefined && !ownStart) emit({ type: 'recording-starting', at, instanceId: id });
      } else if (state === 'RECORDING') {
        if (before === 'PAUSED') emit({ type: 'recording-resumed', at, instanceId: id });
        else if (before === 'STOPPING') {
          // The SDK puts a recording back when its stop failed (and swallows the error).
          emit({ type: 'recording-request-failed', at, instanceId: id, error: { code: 'stop-failed', message: 'RealtimeKit did not stop the recording.', command: 'stop-recording', at } });
        } else started();
      } else if (state === 'PAUSED') {
        if (before === undefined || before === 'STARTING') started();
        emit({ type: 'recording-paused', at, instanceId: id });
      } else {
        if (before === undefined) started();
        emit({ type: 'recording-stopping', at, instanceId: id });
      }
    }
    for (const id of known.keys()) if (!next.has(id)) emit({ type: 'recording-stopped', at, instanceId: id, recordingId: id });
    known = next;
  }

  function liveInfo(at: number): void {
    if (!livestream || liveState === 'IDLE') return;
    const { playbackUrl, viewerCount } = livestream;
    if (typeof playbackUrl === 'string' || typeof viewerCount === 'number') {
      emit({ type: 'live-stream-info', at, playbackUrl: typeof playbackUrl === 'string' ? playbackUrl : undefined, viewerCount });
    }
  }

  function onLiveState(value: unknown): void {
    const at = Date.now();
    const state = typeof value === 'string' ? value : (livestream?.state ?? 'IDLE');
    const before = liveState;
    if (state === before) return;
    liveState = state;
    if (state === 'IDLE' && (before === 'STARTING' || before === 'WAITING_ON_MANUAL_INGESTION') && !ownLiveStart) {
      // The server ended a stream that never went live (2.0.2: `erroredLivestream` or
      // `stoppedLivestream` — a refused manual ingestion among them); the SDK gives no reason.
      emit({ type: 'live-stream-error', at, error: { code: 'livestream-ended-before-live', message: 'The live stream ended before it went live.', at } });
    } else if (state === 'IDLE') emit({ type: 'live-stream-stopped', at });
    else if (state === 'STARTING' || state === 'WAITING_ON_MANUAL_INGESTION') {
      // Someone's start (here it is already pending): a seed never overrides what is open.
      if (before === 'IDLE') emit({ type: 'state-seeded', at, liveStreams: [{ status: 'starting' }] });
    } else if (state === 'LIVESTREAMING') emit({ type: 'live-stream-started', at });
    else if (state === 'STOPPING') {
      if (before === 'IDLE') emit({ type: 'state-seeded', at, liveStreams: [{ status: 'live' }] });
      emit({ type: 'live-stream-stopping', at });
    }
    liveInfo(at);
  }

  const onViewers = (count: number): void => {
    if (liveState !== 'IDLE') emit({ type: 'live-stream-info', at: Date.now(), viewerCount: count });
  };
  const onPermissions = (): void => permissions(Date.now());
  const onRecordingUpdate = (): void => onRecordings();
  const onLivestreamUpdate = (state: string): void => onLiveState(state);

  /** Late join: what already runs, as seeds (no "started" announcement for something that ran before). */
  function seed(): void {
    const at = Date.now();
    known = snapshot(recording.recordings);
    const seeds: RecordingSeed[] = [];
    for (const [id, { state, type }] of known) {
      seeds.push({ instanceId: id, recordingId: id, recordingType: type, status: state === 'STARTING' ? 'starting' : state === 'PAUSED' ? 'paused' : 'recording' });
    }
    const live = livestream?.state;
    liveState = typeof live === 'string' ? live : 'IDLE';
    const liveSeed = liveState === 'LIVESTREAMING' || liveState === 'STOPPING' ? 'live' : liveState === 'STARTING' || liveState === 'WAITING_ON_MANUAL_INGESTION' ? 'starting' : undefined;
    if (seeds.length > 0 || liveSeed) emit({ type: 'state-seeded', at, recordings: seeds, liveStreams: liveSeed ? [{ status: liveSeed }] : [] });
    for (const [id, { state }] of known) if (state === 'STOPPING') emit({ type: 'recording-stopping', at, instanceId: id });
    if (liveState === 'STOPPING') emit({ type: 'live-stream-stopping', at });
    liveInfo(at);
  }

  /**
   * The recording a stop / pause / resume aims at, and how to reach it. With no id, or when it is
   * the only one in a state the action applies to, the SDK's id-less call does it. For one of several,
   * the REST client (when given) controls exactly that one: RealtimeKit 2.0.2's `stop(id)` /
   * `pause(id)` / `resume(id)` return without acting when the recording is in the state they expect
   * (`dist/index.es.js`, `Recording` — the check is inverted).
   */
  async function control(action: RecordingControlAction, opts: InstanceOptions): Promise<void> {
    const eligible = action === 'stop' ? ['RECORDING', 'PAUSED', 'STARTING'] : action === 'pause' ? ['RECORDING'] : ['PAUSED'];
    const current = snapshot(recording.recordings);
    const candidates = [...current].filter(([, r]) => eligible.includes(r.state)).map(([id]) => id);
    const id = opts.instanceId !== undefined && current.has(opts.instanceId) ? opts.instanceId : undefined;
    if (opts.instanceId !== undefined && id === undefined && opts.instanceId !== 'default') throw new Error('This recording no longer runs.');
    if (candidates.length === 0) throw new Error('No recording runs in this meeting that this applies to.');
    if (id === undefined || (candidates.length === 1 && candidates[0] === id)) {
      await recording[action]();
      return;
    }
    const controlRecording = options.client?.controlRecording;
    if (controlRecording) {
      await controlRecording(id, action);
      return;
    }
    await recording[action](id);
  }

  return {
    provider: 'realtimekit',
    // The meeting SDK's `start()` takes no `max_seconds`: RealtimeKit's default, 24 h.
    maxDurationMs: REALTIMEKIT_MAX_RECORDING_MS,
    slices: [recordingSlice, liveStreamSlice, rosterSlice],
    capabilities: {
      ...noCapabilities,
      startRecording: true,
      stopRecording: true,
      pauseRecording: true,
      resumeRecording: true,
      startLiveStream: Boolean(livestream),
      stopLiveStream: Boolean(livestream),
      multipleInstances: true,
      liveStreamUrl: false,
    },
    connect(nextSink) {
      sink = nextSink;
      const selfId = meeting.self?.id;
      if (typeof selfId === 'string' && selfId.length > 0) emit({ type: 'session-joined', at: Date.now(), localParticipantId: selfId });
      permissions(Date.now());
      seed();
      const preset = meeting.self?.permissions;
      recording.on('recordingUpdate', onRecordingUpdate);
      livestream?.on('livestreamUpdate', onLivestreamUpdate);
      livestream?.on('viewerCountUpdate', onViewers);
      preset?.on?.('permissionsUpdate', onPermissions);
      return () => {
        recording.off('recordingUpdate', onRecordingUpdate);
        livestream?.off('livestreamUpdate', onLivestreamUpdate);
        livestream?.off('viewerCountUpdate', onViewers);
        preset?.off?.('permissionsUpdate', onPermissions);
        sink = undefined;
      };
    },
    async startRecording(start?: StartRecordingOptions) {
      const allowMultiple = start?.providerOptions?.allowMultiple === true || options.allowMultiple === true;
      ownStart = true;
      try {
        await recording.start({ allowMultiple });
      } finally {
        ownStart = false;
      }
    },
    /**
     * "Check again": reads `meeting.recording.recordings` as if for the first time — what runs is
     * (re)confirmed, what the kit believed ran but the SDK no longer lists is stopped.
     */
    async refresh() {
      if (!sink) return;
      const before = known;
      known = new Map();
      onRecordings();
      const at = Date.now();
      for (const id of before.keys()) if (!known.has(id)) emit({ type: 'recording-stopped', at, instanceId: id, recordingId: id });
    },
    stopRecording: (opts: InstanceOptions = {}) => control('stop', opts),
    pauseRecording: (opts: InstanceOptions = {}) => control('pause', opts),
    resumeRecording: (opts: InstanceOptions = {}) => control('resume', opts),
    async startLiveStream(opts: StartLiveStreamOptions) {
      if (!livestream) throw new Error('This meeting has no live streaming.');
      ownLiveStart = true;
      try {
        await livestream.start(opts.providerOptions?.manualIngestion === true ? { manualIngestion: true } : undefined);
      } finally {
        ownLiveStart = false;
      }
    },
    async stopLiveStream() {
      if (!livestream) throw new Error('This meeting has no live streaming.');
      await livestream.stop();
    },
  };
}
