import type {
  RealtimeKitMeetingLike,
  RealtimeKitMeetingLivestreamLike,
  RealtimeKitMeetingPermissionsLike,
  RealtimeKitMeetingRecordingInfo,
  RealtimeKitMeetingRecordingLike,
} from '../../adapters/realtimekit/index.js';

type Listener = (...args: never[]) => void;

/** The smallest event emitter: `on`, `off`, `emit` by name. */
function emitter() {
  const listeners = new Map<string, Set<Listener>>();
  return {
    on(event: string, listener: Listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
    },
    off(event: string, listener: Listener) {
      listeners.get(event)?.delete(listener);
    },
    emit(event: string, ...args: unknown[]) {
      for (const listener of [...(listeners.get(event) ?? [])]) (listener as (...a: unknown[]) => void)(...args);
    },
    count: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}

/**
 * Options of {@link createRealtimeKitMeeting}.
 *
 * @public
 */
export interface RealtimeKitMeetingOptions {
  /** Milliseconds the simulated server takes to confirm a start, pause, resume or stop. Default 40. */
  readonly delayMs?: number | undefined;
  /** The local participant's preset. Default: may record and stream. */
  readonly permissions?: { readonly canRecord?: boolean; readonly canLivestream?: boolean } | undefined;
  /** The meeting id (`meeting.meta.meetingId`). Default `bbb-meeting`. */
  readonly meetingId?: string | undefined;
  /** Playback URL of the simulated live stream. */
  readonly playbackUrl?: string | undefined;
}

/**
 * Where the simulated live stream's playback URL is: `not-ready` (the SDK may already say
 * `LIVESTREAMING`, the HLS is not there yet: 404), `live`, `ended` (the playlist is closed), `gone`
 * (failed or never started: 404).
 *
 * @public
 */
export type SimulatedRealtimeKitPlaybackState = 'not-ready' | 'live' | 'ended' | 'gone';

/**
 * A simulated RealtimeKit meeting and the hands that play the server and other participants.
 *
 * @public
 */
export interface SimulatedRealtimeKitMeeting {
  /** Give it to `createRealtimeKitAdapter({ meeting })`. */
  readonly meeting: RealtimeKitMeetingLike & {
    readonly recording: RealtimeKitMeetingRecordingLike & { readonly recordings: RealtimeKitMeetingRecordingInfo[] };
    readonly livestream: RealtimeKitMeetingLivestreamLike & {
      /** Set by a manual-ingestion start (as the SDK's `ingestionCredentials`): where an encoder sends the stream. */
      readonly ingestionCredentials: { readonly ingestionServer: string; readonly streamKey: string } | undefined;
    };
    readonly self: { readonly id: string; readonly permissions: RealtimeKitMeetingPermissionsLike };
  };
  /** Someone else starts a recording (the server's `recordingStarted`); answers its id. */
  startedElsewhere(type?: 'BROWSER' | 'TRACK' | 'COMPOSITE'): string;
  /** The server ends a recording (`recordingStopped`). */
  stoppedElsewhere(id: string): void;
  /** A host changes the local participant's preset (`permissionsUpdate`). */
  setPermissions(permissions: { readonly canRecord?: boolean; readonly canLivestream?: boolean }): void;
  /** The room's viewer count changes (`viewerCountUpdate`). */
  setViewers(count: number): void;
  /** Listeners still attached (a disconnected adapter leaves none). */
  listenerCount(): number;
  /** "HLS not ready yet": the next stream's playback URL answers 404 for `ms` after the SDK says `LIVESTREAMING`. */
  delayNextPlayback(ms: number): void;
  /** The server ends the live stream (`stoppedLivestream`): `IDLE`, its playlist closes. */
  endedByProvider(): void;
  /**
   * The live stream fails (`erroredLivestream`). The SDK 2.0.2 turns this into `IDLE` and clears the
   * playback URL — it carries no reason, so on this path a failure reads as the stream's end.
   */
  erroredByProvider(): void;
  /** A manual-ingestion stream (`WAITING_ON_MANUAL_INGESTION`): the encoder connects with the stream key; `LIVESTREAMING`. */
  ingestionConnected(): void;
  /**
   * "Key refused": the encoder's push with the stream key is refused, so the waiting manual-ingestion
   * stream fails (`erroredLivestream` → `IDLE`, never live).
   */
  refuseIngestion(): void;
  /** The playback URL's state, for a simulated HLS origin; `undefined` before any stream. */
  playback(): { readonly state: SimulatedRealtimeKitPlaybackState; readonly liveSince: number | undefined } | undefined;
  /**
   * The next change the server makes to a recording (a start's `RECORDING`, a stop's removal) lands
   * in `meeting.recording.recordings` but emits no `recordingUpdate`: a lost event. The command
   * looks stuck until the state is read again ("Check again").
   */
  dropNextUpdate(): void;
}

/**
 * A RealtimeKit meeting in memory that behaves as `@cloudflare/realtimekit` 2.0.2 does
 * (`dist/index.es.js`): `recording.start` appends a `STARTING` recording and the server confirms it
 * `RECORDING`; `stop` marks it `STOPPING` and the server removes it; per-recording
 * `stop/pause/resume(id)` return without acting when the recording is in the state they expect
 * (2.0.2's inverted check, kept on purpose so the adapter's way around it is exercised); the
 * live stream goes `STARTING` → `LIVESTREAMING` (with a playback URL) → `STOPPING` → `IDLE`; the
 * preset's `canRecord` / `canLivestream` gate every command as the SDK does.
 *
 * @example
 * ```ts
 * import { createRealtimeKitMeeting } from 'onair-react/simulator';
 * import { createRealtimeKitAdapter } from 'onair-react/realtimekit';
 *
 * const sim = createRealtimeKitMeeting();
 * const adapter = createRealtimeKitAdapter({ meeting: sim.meeting });
 * sim.startedElsewhere(); // someone else records
 * ```
 *
 * @public
 */
export function createRealtimeKitMeeting(options: RealtimeKitMeetingOptions = {}): SimulatedRealtimeKitMeeting {
  const delay = options.delayMs ?? 40;
  const later = (fn: () => void): void => void setTimeout(fn, delay);
  const recEvents = emitter();
  const liveEvents = emitter();
  const presetEvents = emitter();
  let counter = 0;
  const newId = (): string => `7a0f1c2e-0000-4c1d-9b1e-${String(++counter).padStart(12, '0')}`;
  const preset = { canRecord: options.permissions?.canRecord ?? true, canLivestream: options.permissions?.canLivestream ?? true };

  let dropNext = false;
  const recording = {
    recordings: [] as RealtimeKitMeetingRecordingInfo[],
    /** The server's change; a dropped one changes the list without telling anyone. */
    serverChange(next: RealtimeKitMeetingRecordingInfo[]) {
      if (!dropNext) return this.update(next);
      dropNext = false;
      this.recordings = next;
    },
    get recordingState(): string {
      const has = (state: string) => this.recordings.some((r) => r.state === state);
      return has('RECORDING') ? 'RECORDING' : has('PAUSED') ? 'PAUSED' : has('STARTING') ? 'STARTING' : has('STOPPING') ? 'STOPPING' : 'IDLE';
    },
    update(next: RealtimeKitMeetingRecordingInfo[]) {
      this.recordings = next;
      recEvents.emit('recordingUpdate', this.recordingState);
    },
    set(id: string, state: string) {
      const entry = this.recordings.find((r) => r.id === id);
      if (!entry) return;
      (entry as { state: string }).state = state; // the SDK mutates entries in place
      this.update([...this.recordings]);
    },
    on(event: 'recordingUpdate', listener: (state: string) => void) {
      recEvents.on(event, listener);
    },
    off(event: 'recordingUpdate', listener: (state: string) => void) {
      recEvents.off(event, listener);
    },
    async start(opts?: { allowMultiple: boolean }) {
      if (!preset.canRecord) throw new Error('User does not have permission to start recording');
      const state = this.recordingState;
      if (opts?.allowMultiple !== true && (state === 'STARTING' || state === 'RECORDING' || state === 'STOPPING')) {
        throw new Error('Cannot start recording: another recording is already in progress.');
      }
      const id = newId();
      this.update([...this.recordings, { id, state: 'STARTING', type: 'BROWSER' }]);
      later(() => {
        const entry = this.recordings.find((r) => r.id === id);
        if (entry && dropNext) {
          dropNext = false;
          (entry as { state: string }).state = 'RECORDING'; // in place, no event: lost
        } else this.set(id, 'RECORDING');
      });
    },
    async act(action: 'stop' | 'pause' | 'resume', expected: readonly string[], id?: string) {
      if (!preset.canRecord) throw new Error('User does not have permission to stop recording');
      let targets: RealtimeKitMeetingRecordingInfo[];
      if (id !== undefined) {
        const entry = this.recordings.find((r) => r.id === id);
        if (!entry) throw new Error('Could not find the specified recording');
        if (expected.includes(entry.state)) return; // 2.0.2's inverted check
        targets = [entry];
      } else targets = this.recordings.filter((r) => expected.includes(r.state));
      for (const target of targets) {
        if (action === 'stop') this.set(target.id, 'STOPPING');
        later(() => {
          if (action === 'stop') this.serverChange(this.recordings.filter((r) => r.id !== target.id));
          else this.set(target.id, action === 'pause' ? 'PAUSED' : 'RECORDING');
        });
      }
    },
    stop(id?: string) {
      return this.act('stop', ['RECORDING', 'PAUSED'], id);
    },
    pause(id?: string) {
      return this.act('pause', ['RECORDING'], id);
    },
    resume(id?: string) {
      return this.act('resume', ['PAUSED'], id);
    },
  };

  /** The playback side of the current (or last) stream. */
  let playback: { state: SimulatedRealtimeKitPlaybackState; readyAt: number | undefined } | undefined;
  let nextPlaybackDelay = 0;
  const defaultPlaybackUrl = options.playbackUrl ?? 'https://customer-abc.cloudflarestream.com/7a0f1c2e/manifest/video.m3u8';
  const livestream = {
    state: 'IDLE',
    playbackUrl: undefined as string | undefined,
    ingestionCredentials: undefined as { ingestionServer: string; streamKey: string } | undefined,
    viewerCount: 0,
    setState(state: string) {
      if (state === this.state) return;
      this.state = state;
      if (state === 'LIVESTREAMING' && playback) {
        playback.readyAt = Date.now() + nextPlaybackDelay;
        nextPlaybackDelay = 0;
      }
      liveEvents.emit('livestreamUpdate', state);
    },
    /** The server's end of a stream (`stoppedLivestream` / `erroredLivestream`): IDLE, no playback URL. */
    serverEnd(how: 'ended' | 'gone') {
      if (this.state === 'IDLE') return;
      this.playbackUrl = undefined;
      this.ingestionCredentials = undefined;
      if (playback) playback.state = how;
      this.setState('IDLE');
    },
    on(event: 'livestreamUpdate' | 'viewerCountUpdate', listener: Listener) {
      liveEvents.on(event, listener);
    },
    off(event: 'livestreamUpdate' | 'viewerCountUpdate', listener: Listener) {
      liveEvents.off(event, listener);
    },
    async start(config?: { manualIngestion: boolean }) {
      if (!preset.canLivestream) throw new Error('User does not have permission to start livestreaming');
      this.setState('STARTING');
      playback = { state: 'not-ready', readyAt: undefined };
      later(() => {
        if (this.state !== 'STARTING') return;
        this.playbackUrl = defaultPlaybackUrl;
        if (config?.manualIngestion) {
          this.ingestionCredentials = { ingestionServer: 'rtmps://live.cloudflare.example:443/live/', streamKey: 'rtk-sim-manual-ingest-key' };
          this.setState('WAITING_ON_MANUAL_INGESTION');
          return;
        }
        this.setState('LIVESTREAMING');
      });
    },
    async stop() {
      if (!preset.canLivestream) throw new Error('User does not have permission to stop livestreaming');
      if (this.state !== 'LIVESTREAMING' && this.state !== 'WAITING_ON_MANUAL_INGESTION') throw new Error('Livestream not started yet');
      this.setState('STOPPING');
      later(() => this.serverEnd('ended'));
    },
  } as RealtimeKitMeetingLivestreamLike & {
    state: string;
    playbackUrl: string | undefined;
    ingestionCredentials: { ingestionServer: string; streamKey: string } | undefined;
    viewerCount: number;
    setState(state: string): void;
    serverEnd(how: 'ended' | 'gone'): void;
  };

  const permissions: RealtimeKitMeetingPermissionsLike = {
    get canRecord() {
      return preset.canRecord;
    },
    get canLivestream() {
      return preset.canLivestream;
    },
    on(event: 'permissionsUpdate', listener: () => void) {
      presetEvents.on(event, listener);
    },
    off(event: 'permissionsUpdate', listener: () => void) {
      presetEvents.off(event, listener);
    },
  };

  const meeting = {
    recording,
    livestream,
    self: { id: 'rtk-self', permissions },
    meta: { meetingId: options.meetingId ?? 'bbb-meeting' },
  };

  return {
    meeting,
    startedElsewhere(type = 'COMPOSITE') {
      const id = newId();
      recording.update([...recording.recordings, { id, state: 'RECORDING', type }]);
      return id;
    },
    stoppedElsewhere(id) {
      recording.update(recording.recordings.filter((r) => r.id !== id));
    },
    setPermissions(next) {
      if (next.canRecord !== undefined) preset.canRecord = next.canRecord;
      if (next.canLivestream !== undefined) preset.canLivestream = next.canLivestream;
      presetEvents.emit('permissionsUpdate', {});
    },
    setViewers(count) {
      livestream.viewerCount = count;
      liveEvents.emit('viewerCountUpdate', count);
    },
    listenerCount: () => recEvents.count() + liveEvents.count() + presetEvents.count(),
    delayNextPlayback(ms) {
      nextPlaybackDelay = Math.max(0, ms);
    },
    endedByProvider() {
      livestream.serverEnd('ended');
    },
    erroredByProvider() {
      livestream.serverEnd('gone');
    },
    ingestionConnected() {
      if (livestream.state === 'WAITING_ON_MANUAL_INGESTION') livestream.setState('LIVESTREAMING');
    },
    refuseIngestion() {
      if (livestream.state === 'WAITING_ON_MANUAL_INGESTION') livestream.serverEnd('gone');
    },
    playback() {
      if (!playback) return undefined;
      const { state, readyAt } = playback;
      if (state !== 'not-ready') return { state, liveSince: readyAt };
      return readyAt !== undefined && Date.now() >= readyAt ? { state: 'live', liveSince: readyAt } : { state: 'not-ready', liveSince: undefined };
    },
    dropNextUpdate() {
      dropNext = true;
    },
  };
}
