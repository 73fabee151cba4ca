import { liveStreamSlice } from '../../core/liveStreamSlice.js';
import { recordingSlice } from '../../core/recordingSlice.js';
import { rosterSlice } from '../../core/rosterSlice.js';
import type {
  AdapterCapabilities,
  InstanceOptions,
  LiveStreamEndpointsOptions,
  OnAirAdapter,
  OnAirEventSink,
  StartLiveStreamOptions,
  StartRecordingOptions,
  UpdateLayoutOptions,
} from '../../core/adapter.js';
import type { OnAirEvent, RecordingSeed } from '../../core/events.js';
import type { ParticipantRole } from '../../core/model.js';
import { parseDailyEvent, type DailyParseProblem, type DailyParticipantInfo } from './parseDailyEvent.js';
import type {
  DailyAdapterOptions,
  DailyCallLike,
  DailyLikeEventName,
  DailyLikeHandler,
  DailyLiveStreamingOptionsLike,
  DailyRecordingOptionsLike,
} from './types.js';

/** Every Daily event the adapter subscribes to on `connect`. */
const EVENTS: readonly DailyLikeEventName[] = [
  'joined-meeting',
  'left-meeting',
  'participant-joined',
  'participant-updated',
  'participant-left',
  'recording-started',
  'recording-stopped',
  'recording-error',
  'recording-upload-completed',
  'live-streaming-started',
  'live-streaming-updated',
  'live-streaming-stopped',
  'live-streaming-error',
  'nonfatal-error',
];

/** What Daily can do; the optional commands only where this call object has them (older daily-js versions lack some). */
function dailyCapabilities(call: DailyCallLike): AdapterCapabilities {
  const has = (name: keyof DailyCallLike): boolean => typeof call[name] === 'function';
  return Object.freeze({
    startRecording: true,
    stopRecording: true,
    pauseRecording: false,
    resumeRecording: false,
    startLiveStream: true,
    stopLiveStream: true,
    consent: false,
    multipleInstances: true,
    updateRecording: has('updateRecording'),
    updateLiveStream: has('updateLiveStreaming'),
    liveStreamEndpoints: has('addLiveStreamingEndpoints') && has('removeLiveStreamingEndpoints'),
  });
}

/** The key of an instance in the adapter's layout memory (Daily's default instance has no id). */
const layoutKey = (instanceId: string | undefined): string => instanceId ?? '';

/**
 * Daily's `{ layout, instanceId }` for an update, without undefined fields. daily-js sends
 * `{ preset: 'default' }` for an update without a layout (`updateRecording` /
 * `updateLiveStreaming` in `dist/daily-esm.js`), which would reset the layout: the current one
 * (`current`) goes instead, and with none known the update is refused rather than reset.
 */
function layoutUpdate(opts: UpdateLayoutOptions, current: object | undefined): { layout?: object; instanceId?: string } {
  const given = opts.layout ?? (opts.providerOptions?.layout as object | undefined);
  const layout = given ?? current;
  if (layout === undefined) throw new Error('Name the layout: Daily would reset this one to its default.');
  return definedOnly({ ...opts.providerOptions, layout, instanceId: opts.instanceId });
}

/** Daily's `{ endpoints: [{ endpoint }], instanceId }`; rejects an empty or malformed list. */
function endpointsUpdate(opts: LiveStreamEndpointsOptions): { endpoints: { endpoint: string }[]; instanceId?: string } {
  const names = Array.isArray(opts.endpoints) ? opts.endpoints.filter((e): e is string => typeof e === 'string' && e.length > 0) : [];
  if (names.length === 0) throw new Error('Name at least one live-stream endpoint.');
  return definedOnly({ endpoints: names.map((endpoint) => ({ endpoint })), instanceId: opts.instanceId });
}

const LOCAL_PREFIX = 'local:';

/**
 * The instance key of a local recording learnt from a participant's Daily `record` flag.
 *
 * @example
 * ```ts
 * localRecordingInstanceId('c0ffee'); // 'local:c0ffee'
 * ```
 *
 * @public
 */
export function localRecordingInstanceId(sessionId: string): string {
  return `${LOCAL_PREFIX}${sessionId}`;
}

/** `true` in a production build (Node's `process.env.NODE_ENV`; `process` may not exist in a browser). */
function isProduction(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.NODE_ENV === 'production';
}

function readableError(error: unknown, fallback: string): Error {
  if (error instanceof Error && error.message) return error;
  if (typeof error === 'string' && error.length > 0) return new Error(error);
  return new Error(fallback);
}

/** Calls a Daily method; Daily answers through events, so a call that did not throw resolves. */
async function invoke(fallback: string, fn: () => unknown): Promise<void> {
  try {
    const result = fn();
    // daily-js methods return void today; await a thenable in case a version returns a promise.
    if (typeof result === 'object' && result !== null && typeof (result as { then?: unknown }).then === 'function') {
      await (result as PromiseLike<unknown>);
    }
  } catch (error) {
    throw readableError(error, fallback);
  }
}

function definedOnly<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = item;
  return out as T;
}

/**
 * Creates the Daily adapter: it listens to the call object's recording, live-streaming and
 * participant events, validates each payload (small hand-written guards), and turns it into {@link OnAirEvent}s; its
 * commands call `startRecording`, `stopRecording`, `startLiveStreaming` and `stopLiveStreaming`.
 *
 * - Several recordings and streams run at once, keyed by Daily's `instanceId`.
 * - Late join: on `connect`, when the call already is `joined-meeting`, it reports the session,
 *   participants' names and local recordings (participants' `record` flag). Daily re-sends
 *   `recording-started` to late joiners itself. `options.initialState` seeds what the app's backend knows.
 * - Roles: `moderator` (may start and stop recordings and live streams) for Daily owners and
 *   participants whose `canAdmin` is `true` or contains `'streaming'`; `'participants'` alone
 *   grants nothing here (see {@link dailyRoleOf}).
 * - `recording-upload-completed` (a cloud recording's file is stored) becomes `recording-uploaded`,
 *   which refreshes recording lists. A recording's layout tells who is in it (`recordedParticipants`,
 *   see {@link dailyRecordedParticipants}).
 * - `updateRecording`, `updateLiveStream`, `addLiveStreamEndpoints` and `removeLiveStreamEndpoints`
 *   (with their capabilities) exist where the call object has Daily's matching methods.
 * - A malformed payload is dropped with one development warning; nothing ever throws into Daily.
 * - Daily has no pause and no consent: those capabilities are `false`.
 *
 * @example
 * ```tsx
 * import Daily from '@daily-co/daily-js';
 * import { OnAirProvider, RecordButton } from 'onair-react';
 * import { createDailyAdapter } from 'onair-react/daily';
 *
 * const call = Daily.createCallObject();
 * const adapter = createDailyAdapter(call);
 * <OnAirProvider adapter={adapter}><RecordButton /></OnAirProvider>;
 * ```
 *
 * @public
 */
export function createDailyAdapter(call: DailyCallLike, options: DailyAdapterOptions = {}): OnAirAdapter {
  const now = options.now ?? Date.now;
  const warned = new Set<string>();
  let localRole: ParticipantRole | undefined;
  /**
   * The current layout of each running recording and live stream, by instance: daily-js resets a
   * layout-less update to its default, so an update without one sends this (protocol state).
   */
  const layouts = { recording: new Map<string, object>(), liveStream: new Map<string, object>() };

  function report(problem: DailyParseProblem): void {
    if (options.onProblem) {
      try {
        options.onProblem(problem);
      } catch {
        // the app's problem handler must not break the adapter
      }
      return;
    }
    if (isProduction() || warned.has(problem.message)) return;
    warned.add(problem.message);
    console.warn(`[onair/daily] dropped a payload: ${problem.message}`);
  }

  function connect(sink: OnAirEventSink): () => void {
    /** Session id of the local participant. */
    let localId: string | undefined;
    const names = new Map<string, string>();
    /** Session ids whose Daily `record` flag is on. */
    const recording = new Set<string>();
    let active = true;
    /** Whether recording is enabled for this room or token (`enable_recording`); `undefined` until known. */
    let recordingEnabled: boolean | undefined;
    /** The last `permissions-updated` sent, to send only changes. */
    let sentPermissions: string | undefined;

    const emit = (event: OnAirEvent): void => {
      if (!active) return;
      try {
        sink(event);
      } catch (error) {
        if (!isProduction()) console.error('[onair/daily] the event sink threw', error);
      }
    };

    function reset(): void {
      localId = undefined;
      localRole = undefined;
      recordingEnabled = undefined;
      sentPermissions = undefined;
      names.clear();
      recording.clear();
      layouts.recording.clear();
      layouts.liveStream.clear();
    }

    /**
     * What Daily lets the local participant do: recordings and live streams for owners and
     * `canAdmin` `'streaming'` (`localRole`), recordings only where `enable_recording` is set for the
     * room or token. Unknown stays unknown (the control is offered; Daily's refusal is shown).
     */
    function sendPermissions(at: number): void {
      const mayStream = localRole === undefined ? undefined : localRole === 'moderator';
      const recordingAllowed = recordingEnabled === false ? false : mayStream;
      const key = `${String(recordingAllowed)}/${String(mayStream)}`;
      if (key === sentPermissions) return;
      sentPermissions = key;
      emit({ type: 'permissions-updated', at, recording: recordingAllowed, liveStream: mayStream });
    }

    /** Reads `enable_recording` from `call.room()` (the token's wins over the room's). */
    function readRoom(): void {
      let pending: unknown;
      try {
        pending = call.room?.();
      } catch {
        return;
      }
      void Promise.resolve(pending)
        .then((info) => {
          if (!active || typeof info !== 'object' || info === null) return;
          const { config, tokenConfig } = info as { config?: unknown; tokenConfig?: unknown };
          // `DailyPendingRoomInfo` (not joined yet) carries no config: nothing is known.
          if (typeof config !== 'object' || config === null) return;
          const fromToken = typeof tokenConfig === 'object' && tokenConfig !== null ? (tokenConfig as { enable_recording?: unknown }).enable_recording : undefined;
          const value = typeof fromToken === 'string' ? fromToken : (config as { enable_recording?: unknown }).enable_recording;
          recordingEnabled = typeof value === 'string' && value.length > 0;
          sendPermissions(now());
        })
        .catch(() => {
          // No room information: recording stays "not known".
        });
    }

    function localRecordingSeed(info: DailyParticipantInfo, at: number): RecordingSeed {
      return {
        instanceId: localRecordingInstanceId(info.sessionId),
        status: 'recording',
        recordingType: 'local',
        startedBy: info.sessionId,
        startedAt: at,
        local: true,
      };
    }

    /**
     * Applies what a participant event says. `initial` (join, late join, participant-joined):
     * local recordings become seeds; later changes of the `record` flag start or stop them.
     */
    function applyParticipant(info: DailyParticipantInfo, at: number, initial: boolean, seeds: RecordingSeed[]): void {
      if (info.name !== undefined && names.get(info.sessionId) !== info.name) {
        names.set(info.sessionId, info.name);
        emit({ type: 'participant-named', at, participantId: info.sessionId, name: info.name });
      }
      const isLocal = info.local || info.sessionId === localId;
      if (isLocal) {
        if (localRole !== undefined && info.role !== undefined && localRole !== info.role) emit({ type: 'role-changed', at, role: info.role });
        localRole = info.role;
        sendPermissions(at);
        // The local participant hears Daily's own recording-started for a local recording it made.
        return;
      }
      const was = recording.has(info.sessionId);
      if (info.recording === was) return;
      const instanceId = localRecordingInstanceId(info.sessionId);
      if (info.recording) {
        recording.add(info.sessionId);
        if (initial) seeds.push(localRecordingSeed(info, at));
        else emit({ type: 'recording-started', at, instanceId, recordingType: 'local', startedBy: info.sessionId, local: true });
      } else {
        recording.delete(info.sessionId);
        emit({ type: 'recording-stopped', at, instanceId });
      }
    }

    function joined(at: number, infos: readonly DailyParticipantInfo[]): void {
      const seeds: RecordingSeed[] = [];
      for (const info of infos) applyParticipant(info, at, true, seeds);
      if (seeds.length > 0) emit({ type: 'state-seeded', at, recordings: seeds });
    }

    function handle(payload: unknown): void {
      const at = now();
      const result = parseDailyEvent(payload, at);
      if (result.kind === 'problem') {
        report(result);
        return;
      }
      switch (result.action) {
        case 'joined-meeting': {
          reset();
          const me = result.participants?.[0];
          localId = me?.sessionId;
          localRole = me?.role;
          for (const event of result.events) emit(event);
          joined(at, result.participants ?? []);
          readRoom();
          return;
        }
        case 'left-meeting':
          reset();
          for (const event of result.events) emit(event);
          return;
        case 'participant-joined':
        case 'participant-updated': {
          const seeds: RecordingSeed[] = [];
          for (const info of result.participants ?? []) applyParticipant(info, at, result.action === 'participant-joined', seeds);
          if (seeds.length > 0) emit({ type: 'state-seeded', at, recordings: seeds });
          return;
        }
        case 'participant-left': {
          for (const info of result.participants ?? []) {
            names.delete(info.sessionId);
            if (recording.delete(info.sessionId)) {
              emit({ type: 'recording-stopped', at, instanceId: localRecordingInstanceId(info.sessionId) });
            }
          }
          for (const event of result.events) emit(event);
          return;
        }
        default:
          for (const event of result.events) {
            remember(event);
            emit(event);
          }
      }
    }

    /** Keeps the layout of each running recording and live stream (see `layouts`). */
    function remember(event: OnAirEvent): void {
      const key = 'instanceId' in event ? layoutKey(event.instanceId) : '';
      switch (event.type) {
        case 'recording-started':
          if (event.layout) layouts.recording.set(key, event.layout);
          return;
        case 'live-stream-started':
          if (event.layout) layouts.liveStream.set(key, event.layout);
          return;
        case 'recording-stopped':
        case 'recording-error':
          layouts.recording.delete(key);
          return;
        case 'live-stream-stopped':
          layouts.liveStream.delete(key);
          return;
        default:
      }
    }

    /** One wrapper per subscription: nothing thrown inside reaches Daily. */
    const handler: DailyLikeHandler = (payload) => {
      try {
        handle(payload);
      } catch (error) {
        if (!isProduction()) console.error('[onair/daily] failed to handle a Daily event', error);
      }
    };

    const subscribed: DailyLikeEventName[] = [];
    for (const name of EVENTS) {
      try {
        call.on(name, handler);
        subscribed.push(name);
      } catch (error) {
        if (!isProduction()) console.error(`[onair/daily] could not subscribe to ${name}`, error);
      }
    }

    // Late join: the call is already in the meeting.
    try {
      if (call.meetingState?.() === 'joined-meeting' && call.participants) {
        handler({ action: 'joined-meeting', participants: call.participants() });
      }
    } catch (error) {
      if (!isProduction()) console.error('[onair/daily] could not read the current meeting', error);
    }
    const initial = options.initialState;
    if (initial && ((initial.recordings?.length ?? 0) > 0 || (initial.liveStreams?.length ?? 0) > 0)) {
      emit({ type: 'state-seeded', at: now(), recordings: initial.recordings, liveStreams: initial.liveStreams });
    }

    return () => {
      active = false;
      for (const name of subscribed) {
        try {
          call.off(name, handler);
        } catch {
          // a destroyed call object may refuse; nothing is left to clean up
        }
      }
      subscribed.length = 0;
    };
  }

  const capabilities = dailyCapabilities(call);
  const optional = <A>(enabled: boolean | undefined, fn: (opts: A) => Promise<void>): ((opts: A) => Promise<void>) | undefined =>
    enabled ? fn : undefined;

  return {
    provider: 'daily',
    slices: [recordingSlice, liveStreamSlice, rosterSlice],
    capabilities,
    updateRecording: optional(capabilities.updateRecording, (opts: UpdateLayoutOptions) =>
      invoke('Daily could not change the recording.', () => {
        const update = layoutUpdate(opts, layouts.recording.get(layoutKey(opts.instanceId)));
        call.updateRecording?.(update);
        if (update.layout) layouts.recording.set(layoutKey(opts.instanceId), update.layout);
      }),
    ),
    updateLiveStream: optional(capabilities.updateLiveStream, (opts: UpdateLayoutOptions) =>
      invoke('Daily could not change the live stream.', () => {
        const update = layoutUpdate(opts, layouts.liveStream.get(layoutKey(opts.instanceId)));
        call.updateLiveStreaming?.(update);
        if (update.layout) layouts.liveStream.set(layoutKey(opts.instanceId), update.layout);
      }),
    ),
    addLiveStreamEndpoints: optional(capabilities.liveStreamEndpoints, (opts: LiveStreamEndpointsOptions) =>
      invoke('Daily could not add the endpoints.', () => call.addLiveStreamingEndpoints?.(endpointsUpdate(opts))),
    ),
    removeLiveStreamEndpoints: optional(capabilities.liveStreamEndpoints, (opts: LiveStreamEndpointsOptions) =>
      invoke('Daily could not remove the endpoints.', () => call.removeLiveStreamingEndpoints?.(endpointsUpdate(opts))),
    ),
    connect,
    localRole: () => localRole,
    startRecording(opts: StartRecordingOptions = {}) {
      const recordingOptions = definedOnly({
        ...opts.providerOptions,
        instanceId: opts.instanceId,
        type: opts.type,
      }) as DailyRecordingOptionsLike;
      const hasOptions = Object.keys(recordingOptions).length > 0;
      const layout = opts.providerOptions?.layout;
      return invoke('Daily could not start the recording.', () => {
        if (hasOptions) call.startRecording(recordingOptions);
        else call.startRecording();
        if (typeof layout === 'object' && layout !== null) layouts.recording.set(layoutKey(opts.instanceId), layout);
      });
    },
    stopRecording(opts: InstanceOptions = {}) {
      const { instanceId } = opts;
      // `local:<session_id>` is the kit's key for another participant's local recording, not a
      // Daily instance id: that recording runs in their browser and only they can stop it.
      if (instanceId?.startsWith(LOCAL_PREFIX)) {
        return Promise.reject(new Error('This is another participant’s local recording: only they can stop it.'));
      }
      return invoke('Daily could not stop the recording.', () =>
        instanceId !== undefined ? call.stopRecording({ instanceId }) : call.stopRecording(),
      );
    },
    startLiveStream(opts: StartLiveStreamOptions) {
      const rtmpUrl = typeof opts.rtmpUrl === 'string' ? opts.rtmpUrl : opts.rtmpUrl ? [...opts.rtmpUrl] : undefined;
      const endpoints = opts.endpoints ? opts.endpoints.map((endpoint) => ({ endpoint })) : undefined;
      if ((rtmpUrl === undefined || rtmpUrl.length === 0) && (endpoints === undefined || endpoints.length === 0)) {
        return Promise.reject(new Error('A live stream needs an RTMP URL or a configured endpoint.'));
      }
      const streamOptions = definedOnly({
        ...opts.providerOptions,
        instanceId: opts.instanceId,
        rtmpUrl,
        endpoints,
      }) as DailyLiveStreamingOptionsLike;
      const layout = opts.providerOptions?.layout;
      return invoke('Daily could not start the live stream.', () => {
        call.startLiveStreaming(streamOptions);
        if (typeof layout === 'object' && layout !== null) layouts.liveStream.set(layoutKey(opts.instanceId), layout);
      });
    },
    stopLiveStream(opts: InstanceOptions = {}) {
      const { instanceId } = opts;
      return invoke('Daily could not stop the live stream.', () =>
        instanceId !== undefined ? call.stopLiveStreaming({ instanceId }) : call.stopLiveStreaming(),
      );
    },
  };
}
