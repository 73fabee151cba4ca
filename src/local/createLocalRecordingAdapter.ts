import { LOCAL_INSTANCE_ID, noCapabilities, type InstanceOptions, type OnAirAdapter, type OnAirEventSink, type StartRecordingOptions } from '../core/adapter.js';
import type { OnAirEvent } from '../core/events.js';
import { localRecordingEvent } from './announcements.js';
import type { LocalRecorder, LocalRecorderState } from './createLocalRecorder.js';


/**
 * The start options of a recording on this device: `useRecording().start(LOCAL_START)`.
 *
 * @public
 */
export const LOCAL_START: StartRecordingOptions = Object.freeze({ type: 'local', instanceId: LOCAL_INSTANCE_ID });

/**
 * Options of {@link createLocalRecordingAdapter}.
 *
 * @public
 */
export interface LocalRecordingAdapterOptions {
  readonly recorder: LocalRecorder;
  /** The provider's adapter, when there is one: its cloud recording, live stream and events stay as they are. */
  readonly adapter?: OnAirAdapter | undefined;
  /**
   * Receives the app's data-channel messages, so others' local recordings show (indicator, consent
   * banner). Call `onMessage(data, senderId)` for each message; return the unsubscribe function.
   * Daily: `(onMessage) => { const f = (e) => onMessage(e?.data, e?.fromId); call.on('app-message', f); return () => call.off('app-message', f); }`.
   */
  readonly listen?: ((onMessage: (message: unknown, from: string | undefined) => void) => () => void) | undefined;
}

/**
 * An adapter with a local recorder in it: what `OnAirProvider` takes, and the recorder for
 * `useLocalRecording()`.
 *
 * @public
 */
export interface LocalRecordingAdapter extends OnAirAdapter {
  readonly localRecorder: LocalRecorder;
}

const refuse = (message: string) => Promise.reject(new Error(message));

/**
 * Puts recording on this device beside the provider's (or alone, for apps without a provider
 * adapter). `RecordButton` then offers "Record in the cloud" and "Record on this device" where both
 * exist; the local recording runs as instance {@link LOCAL_INSTANCE_ID}, with the same clock,
 * indicator, pause and stop as a cloud recording. With `listen`, other participants' local
 * recordings (announced by their recorder's `announce`) show as recordings too.
 *
 * @example
 * ```tsx
 * import { createDailyAdapter } from 'onair-react/daily';
 * import { createLocalRecorder, createLocalRecordingAdapter } from 'onair-react/local';
 *
 * const recorder = createLocalRecorder({
 *   streams: () => Object.values(call.participants()).flatMap((p) => [p.tracks.audio.persistentTrack, p.tracks.video.persistentTrack]).filter(Boolean).map((t) => new MediaStream([t])),
 *   announce: (message) => call.sendAppMessage(message, '*'),
 *   meetingName: 'Weekly sync',
 * });
 * const adapter = createLocalRecordingAdapter({
 *   recorder,
 *   adapter: createDailyAdapter(call),
 *   listen: (onMessage) => {
 *     const forward = (e?: { data?: unknown; fromId?: string }) => onMessage(e?.data, e?.fromId);
 *     call.on('app-message', forward);
 *     return () => call.off('app-message', forward);
 *   },
 * });
 * <OnAirProvider adapter={adapter}><RecordButton /><LocalRecordingNotice /></OnAirProvider>;
 * ```
 *
 * @public
 */
export function createLocalRecordingAdapter(options: LocalRecordingAdapterOptions): LocalRecordingAdapter {
  const { recorder, adapter: base, listen } = options;
  const baseCaps = base?.capabilities ?? noCapabilities;
  const cloud = base?.startRecording !== undefined && baseCaps.startRecording;
  const device = recorder.getState().supported;
  // The kit aims every command at a session: ours is LOCAL_INSTANCE_ID. No id means the provider's
  // default instance (Daily's cloud recording), unless there is no provider.
  const isOurs = (opts: InstanceOptions | undefined) => opts?.instanceId === LOCAL_INSTANCE_ID || (!base && !opts?.instanceId);
  const othersLocal = (opts: InstanceOptions | undefined) => opts?.instanceId?.startsWith('local:') === true;

  const route = (
    opts: InstanceOptions | undefined,
    local: () => Promise<unknown>,
    provider: ((o?: InstanceOptions) => Promise<void>) | undefined,
  ): Promise<void> => {
    if (othersLocal(opts)) return refuse('Only the person recording can control a recording made on their device.');
    if (isOurs(opts)) return local().then(() => undefined);
    return provider ? provider.call(base, opts) : refuse('The provider cannot do this.');
  };

  const adapter: LocalRecordingAdapter = {
    provider: base ? `${base.provider}+local` : 'local',
    localRecorder: recorder,
    ...(base?.slices ? { slices: base.slices } : {}),
    capabilities: {
      ...baseCaps,
      startRecording: cloud || device,
      stopRecording: true,
      pauseRecording: true,
      resumeRecording: true,
      multipleInstances: true,
      recordingLocations: cloud && device ? ['cloud', 'device'] : device ? ['device'] : cloud ? ['cloud'] : [],
    },
    connect(sink: OnAirEventSink) {
      const disconnectBase = base?.connect(sink);
      if (!base) sink({ type: 'session-joined', at: Date.now() });
      let previous: LocalRecorderState = recorder.getState();
      const emit = (event: OnAirEvent) => sink(event);
      const unsubscribe = recorder.subscribe(() => {
        const next = recorder.getState();
        const prev = previous;
        previous = next;
        const at = Date.now();
        const instanceId = LOCAL_INSTANCE_ID;
        if (next.status === 'recording' && next.recordingId !== undefined && prev.recordingId !== next.recordingId) {
          emit({ type: 'recording-started', instanceId, at, recordingId: next.recordingId, recordingType: 'local', local: true, startedAt: next.startedAt });
        } else if (next.status === 'paused' && prev.status === 'recording') emit({ type: 'recording-paused', instanceId, at });
        else if (next.status === 'recording' && prev.status === 'paused') emit({ type: 'recording-resumed', instanceId, at });
        else if (next.status === 'stopping' && prev.status !== 'stopping') emit({ type: 'recording-stopping', instanceId, at });
        if (next.status === 'idle' && prev.recordingId !== undefined) emit({ type: 'recording-stopped', instanceId, at, recordingId: prev.recordingId });
        // Saved, recovered or deleted: lists of stored recordings are stale.
        if (next.revision !== prev.revision && next.status === 'idle') emit({ type: 'recording-uploaded', instanceId, at });
      });
      const stopListening = listen?.((message, from) => {
        const event = localRecordingEvent(message, from);
        if (event) sink(event);
      });
      return () => {
        unsubscribe();
        stopListening?.();
        disconnectBase?.();
      };
    },
    startRecording(opts) {
      if (opts?.type === 'local' || opts?.instanceId === LOCAL_INSTANCE_ID || !cloud) return recorder.start();
      return base!.startRecording!(opts);
    },
    stopRecording: (opts) => route(opts, () => recorder.stop(), base?.stopRecording),
    pauseRecording: (opts) => route(opts, () => recorder.pause(), base?.pauseRecording),
    resumeRecording: (opts) => route(opts, () => recorder.resume(), base?.resumeRecording),
  };
  // Everything else the provider's adapter does stays its own.
  if (base) {
    for (const key of [
      'startLiveStream',
      'stopLiveStream',
      'startParticipantRecording',
      'stopParticipantRecording',
      'updateRecording',
      'updateLiveStream',
      'addLiveStreamEndpoints',
      'removeLiveStreamEndpoints',
      'setConsent',
      'localRole',
    ] as const) {
      const value = base[key];
      if (typeof value === 'function') Object.assign(adapter, { [key]: (value as (...args: unknown[]) => unknown).bind(base) });
    }
  }
  return adapter;
}
