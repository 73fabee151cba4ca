import type { DailyLiveStreamingOptionsLike, DailyRecordingOptionsLike } from '../adapters/daily/types.js';
import type {
  SimulatedDailyCall,
  SimulatedDailyEvent,
  SimulatedDailyHandler,
  SimulatedDailyParticipant,
  Simulator,
  SimulatorDelays,
  SimulatorLogLine,
  SimulatorOptions,
  SimulatorPerson,
} from './simulatorTypes.js';

/**
 * The instance id the simulated Daily uses when a command names none.
 *
 * @example
 * ```ts
 * import { createSimulator, SIMULATED_DEFAULT_INSTANCE_ID } from 'onair-react/simulator';
 *
 * const sim = createSimulator();
 * sim.daily.on('recording-started', (event) => {
 *   console.log(event.instanceId === SIMULATED_DEFAULT_INSTANCE_ID); // true for a start without instanceId
 * });
 * sim.daily.startRecording();
 * ```
 *
 * @public
 */
export const SIMULATED_DEFAULT_INSTANCE_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Realistic answer delays (ms).
 *
 * @example
 * ```ts
 * import { createSimulator, defaultSimulatorDelays } from 'onair-react/simulator';
 *
 * // Twice as slow as the defaults, e.g. to look at the "starting" states in a story.
 * const sim = createSimulator({ delays: { recordingStart: defaultSimulatorDelays.recordingStart * 2 } });
 * ```
 *
 * @public
 */
export const defaultSimulatorDelays: SimulatorDelays = Object.freeze({
  recordingStart: 1200,
  recordingStop: 700,
  liveStart: 1500,
  liveStop: 700,
  recordingUpload: 1500,
});

/**
 * What the simulated Daily says when a participant without the right tries to record or stream.
 *
 * @example
 * ```ts
 * import { createSimulator, SIMULATED_PERMISSION_MESSAGE } from 'onair-react/simulator';
 *
 * const sim = createSimulator({ localParticipant: { owner: false } });
 * sim.daily.on('recording-error', (event) => {
 *   if (event.errorMsg === SIMULATED_PERMISSION_MESSAGE) console.log('refused: not an owner');
 * });
 * sim.daily.startRecording();
 * ```
 *
 * @public
 */
export const SIMULATED_PERMISSION_MESSAGE =
  'Not allowed: only meeting owners and participants with the streaming admin permission can start recordings and live streams.';

const DEFAULT_PEOPLE: readonly SimulatorPerson[] = [
  { id: 'remote-ada', name: 'Ada', owner: true },
  { id: 'remote-grace', name: 'Grace', owner: false },
];

const DEFAULT_ENDPOINTS = ['youtube', 'twitch'];

function uuid(): string {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function slug(name: string): string {
  return `remote-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'guest'}`;
}

interface SimRecording {
  readonly instanceId: string;
  status: 'starting' | 'recording' | 'stopping';
  recordingId?: string;
  readonly startedBy: string;
  readonly type: string;
  layout: Readonly<Record<string, unknown>>;
  timer?: ReturnType<typeof setTimeout> | undefined;
}

interface SimStream {
  readonly instanceId: string;
  status: 'starting' | 'live' | 'stopping';
  /** Endpoint names (empty when started with RTMP URLs: updates then name no endpoint). */
  readonly endpoints: string[];
  /** The RTMP URLs it was started with (Daily names no endpoint in updates for these). */
  readonly urls: string[];
  readonly states: Map<string, 'connected' | 'interrupted'>;
  layout: Readonly<Record<string, unknown>>;
  timer?: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Creates an in-memory meeting whose `daily` member behaves like Daily's call object: commands
 * answer after realistic delays with the event payloads Daily documents, other participants can
 * start and stop things, and fault switches produce failures, interruptions, permission changes
 * and malformed payloads. No network; timers only (fake timers work).
 *
 * @example
 * ```ts
 * import { createSimulator } from 'onair-react/simulator';
 * import { createDailyAdapter } from 'onair-react/daily';
 *
 * const sim = createSimulator({ delays: { recordingStart: 300 } });
 * <OnAirProvider adapter={createDailyAdapter(sim.daily)}>…</OnAirProvider>;
 * sim.faults.failNextStart('Recording quota exceeded.');
 * ```
 *
 * @public
 */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  let delays: SimulatorDelays = { ...defaultSimulatorDelays, ...definedDelays(options.delays) };
  const callClientId = `${Date.now()}${Math.random().toString().slice(1, 12)}`;
  const handlers = new Map<string, Set<SimulatedDailyHandler>>();
  const logListeners = new Set<(line: SimulatorLogLine) => void>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const recordings = new Map<string, SimRecording>();
  const streams = new Map<string, SimStream>();
  let meetingState: 'new' | 'joined-meeting' | 'left-meeting' = options.joined === false ? 'new' : 'joined-meeting';
  let failNext: string | undefined;
  let refuseKey: string | true | undefined;
  let silentStart = false;
  let silentStop = false;
  const maxRecordingDurationMs = options.maxRecordingDurationMs;
  let disposed = false;

  const localOwner = options.localParticipant?.owner ?? true;
  const local = participant(
    { id: options.localParticipant?.id ?? 'local-you', name: options.localParticipant?.name ?? 'You', owner: localOwner, canAdmin: options.localParticipant?.canAdmin },
    true,
  );
  const remotes = new Map<string, SimulatedDailyParticipant>();
  for (const person of options.participants ?? DEFAULT_PEOPLE) remotes.set(person.id, participant(person, false));

  function participant(person: SimulatorPerson, isLocal: boolean): SimulatedDailyParticipant {
    const owner = person.owner === true;
    return {
      session_id: person.id,
      user_id: person.id,
      user_name: person.name,
      local: isLocal,
      owner,
      record: false,
      permissions: {
        hasPresence: true,
        canSend: true,
        canReceive: { base: true },
        canAdmin: Array.isArray(person.canAdmin) ? [...(person.canAdmin as readonly ('participants' | 'streaming' | 'transcription')[])] : typeof person.canAdmin === 'boolean' ? person.canAdmin : owner,
      },
      joined_at: new Date(),
    };
  }

  function log(text: string): void {
    const line = { at: Date.now(), text };
    for (const listener of [...logListeners]) {
      try {
        listener(line);
      } catch {
        // a log listener's bug must not stop the meeting
      }
    }
  }

  function emit(action: string, fields: Record<string, unknown> = {}): void {
    if (disposed || meetingState !== 'joined-meeting') return;
    const event: SimulatedDailyEvent = { action, callClientId, ...fields };
    for (const handler of [...(handlers.get(action) ?? [])]) {
      try {
        handler(event);
      } catch (error) {
        console.error(`[onair/simulator] a "${action}" handler threw`, error);
      }
    }
  }

  function later(ms: number, fn: () => void): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!disposed) fn();
    }, Math.max(0, ms));
    timers.add(timer);
    return timer;
  }

  function cancel(timer: ReturnType<typeof setTimeout> | undefined): void {
    if (timer === undefined) return;
    clearTimeout(timer);
    timers.delete(timer);
  }

  const copy = (p: SimulatedDailyParticipant): SimulatedDailyParticipant => ({
    ...p,
    permissions: {
      ...p.permissions,
      canReceive: { ...p.permissions.canReceive },
      canAdmin: Array.isArray(p.permissions.canAdmin) ? [...p.permissions.canAdmin] : p.permissions.canAdmin,
    },
  });

  function participantsObject(): Record<string, SimulatedDailyParticipant> {
    const all: Record<string, SimulatedDailyParticipant> = { local: copy(local) };
    // Define, not assign: a session id such as `__proto__` must stay an ordinary key.
    for (const remote of remotes.values()) {
      Object.defineProperty(all, remote.session_id, { value: copy(remote), enumerable: true, writable: true, configurable: true });
    }
    return all;
  }

  /** Daily's rule: owners, and `canAdmin` `true` or containing `'streaming'`; `'participants'` alone is not enough. */
  const allowed = (p: SimulatedDailyParticipant): boolean =>
    p.owner || p.permissions.canAdmin === true || (Array.isArray(p.permissions.canAdmin) && p.permissions.canAdmin.includes('streaming'));
  const nameOf = (id: string): string => (id === local.session_id ? local.user_name : (remotes.get(id)?.user_name ?? id));

  /** A remote participant by id or display name; an unknown name joins the meeting. */
  function remoteBy(idOrName: string | undefined): SimulatedDailyParticipant {
    if (idOrName === undefined) {
      const first = remotes.values().next().value;
      if (first) return first;
      return remoteBy('Guest');
    }
    const byId = remotes.get(idOrName);
    if (byId) return byId;
    for (const remote of remotes.values()) if (remote.user_name === idOrName) return remote;
    const joined = participant({ id: slug(idOrName), name: idOrName, owner: true }, false);
    remotes.set(joined.session_id, joined);
    log(`${joined.user_name} joined`);
    emit('participant-joined', { participant: copy(joined) });
    return joined;
  }

  function takeFailure(): string | undefined {
    const message = failNext;
    failNext = undefined;
    return message;
  }

  // ── Recording ──────────────────────────────────────────────────────────
  function startRecording(by: SimulatedDailyParticipant, opts: DailyRecordingOptionsLike & { layout?: unknown } = {}): void {
    const instanceId = opts.instanceId ?? SIMULATED_DEFAULT_INSTANCE_ID;
    // Only the local participant's rights are checked: a remote start models someone allowed to.
    if (by.local && !allowed(by)) {
      log(`${by.user_name} is not allowed to record`);
      later(Math.min(200, delays.recordingStart), () => emit('recording-error', { errorMsg: SIMULATED_PERMISSION_MESSAGE, instanceId }));
      return;
    }
    if (recordings.has(instanceId)) {
      log(`${by.user_name} tried to start recording ${short(instanceId)}, which already runs`);
      later(0, () => emit('recording-error', { errorMsg: 'A recording is already in progress for this instance.', instanceId }));
      return;
    }
    const failure = takeFailure();
    const type = opts.type ?? 'cloud';
    const layout = isRecord(opts.layout) ? opts.layout : { preset: 'default' };
    const rec: SimRecording = { instanceId, status: 'starting', startedBy: by.session_id, type, layout };
    recordings.set(instanceId, rec);
    log(`${by.user_name} starts a ${type} recording (${short(instanceId)})`);
    if (silentStart) {
      silentStart = false;
      log(`the start of recording ${short(instanceId)} will never be confirmed`);
      return;
    }
    rec.timer = later(delays.recordingStart, () => {
      rec.timer = undefined;
      if (failure !== undefined) {
        recordings.delete(instanceId);
        log(`recording ${short(instanceId)} failed: ${failure}`);
        emit('recording-error', { errorMsg: failure, instanceId });
        return;
      }
      rec.status = 'recording';
      rec.recordingId = uuid();
      log(`recording ${short(instanceId)} started`);
      emitRecordingStarted(rec);
      if (maxRecordingDurationMs !== undefined && maxRecordingDurationMs > 0) {
        rec.timer = later(maxRecordingDurationMs, () => {
          if (recordings.get(instanceId) !== rec || rec.status !== 'recording') return;
          recordings.delete(instanceId);
          log(`recording ${short(instanceId)} reached its maximum length and was stopped by the provider`);
          emit('recording-stopped', { instanceId });
        });
      }
    });
  }

  function emitRecordingStarted(rec: SimRecording): void {
    emit('recording-started', {
      instanceId: rec.instanceId,
      recordingId: rec.recordingId,
      startedBy: rec.startedBy,
      type: rec.type,
      layout: rec.layout,
      local: rec.type === 'local',
    });
  }

  function pick<T>(items: Map<string, T>, instanceId: string | undefined): [string, T] | undefined {
    if (instanceId !== undefined) {
      const found = items.get(instanceId);
      return found === undefined ? undefined : [instanceId, found];
    }
    const fallback = items.get(SIMULATED_DEFAULT_INSTANCE_ID);
    if (fallback !== undefined) return [SIMULATED_DEFAULT_INSTANCE_ID, fallback];
    const all = [...items.entries()];
    return all[all.length - 1];
  }

  function stopRecording(by: string, instanceId?: string): void {
    const found = pick(recordings, instanceId);
    if (!found) {
      log(`${nameOf(by)} asked to stop a recording, but none runs`);
      return;
    }
    const [id, rec] = found;
    if (rec.status === 'stopping') return;
    cancel(rec.timer);
    rec.status = 'stopping';
    log(`${nameOf(by)} stops recording ${short(id)}`);
    if (silentStop) {
      silentStop = false;
      log(`the stop of recording ${short(id)} will never be confirmed`);
      return;
    }
    rec.timer = later(delays.recordingStop, () => {
      recordings.delete(id);
      log(`recording ${short(id)} stopped`);
      emit('recording-stopped', { instanceId: id });
      if (rec.type !== 'local') {
        later(delays.recordingUpload ?? defaultSimulatorDelays.recordingUpload ?? 1500, () => {
          log(`recording ${short(id)} uploaded`);
          // daily-js types this event without payload (DailyEventObjectNoPayload).
          emit('recording-upload-completed');
        });
      }
    });
  }

  // ── Live streaming ─────────────────────────────────────────────────────
  function startLiveStream(by: SimulatedDailyParticipant, opts: DailyLiveStreamingOptionsLike & { layout?: unknown }): void {
    const instanceId = opts.instanceId ?? SIMULATED_DEFAULT_INSTANCE_ID;
    if (by.local && !allowed(by)) {
      log(`${by.user_name} is not allowed to stream`);
      later(Math.min(200, delays.liveStart), () => emit('live-streaming-error', { errorMsg: SIMULATED_PERMISSION_MESSAGE, instanceId }));
      return;
    }
    if (streams.has(instanceId)) {
      log(`${by.user_name} tried to start live stream ${short(instanceId)}, which already runs`);
      later(0, () => emit('live-streaming-error', { errorMsg: 'A live stream is already in progress for this instance.', instanceId }));
      return;
    }
    const endpoints = (opts.endpoints ?? []).map((e) => e.endpoint).filter((e) => typeof e === 'string' && e.length > 0);
    const urls = (Array.isArray(opts.rtmpUrl) ? opts.rtmpUrl : [opts.rtmpUrl]).filter((u): u is string => typeof u === 'string' && u.length > 0);
    const refused = refuseKey;
    refuseKey = undefined;
    const failure =
      refused === undefined ? takeFailure() : refused === true ? `RTMP connection refused by ${serverOf(urls[0] ?? endpoints[0] ?? '')}: the stream key was not accepted` : refused;
    const layout = isRecord(opts.layout) ? opts.layout : { preset: 'default' };
    const stream: SimStream = { instanceId, status: 'starting', endpoints, urls, states: new Map(), layout };
    streams.set(instanceId, stream);
    const shown = [...endpoints, ...urls.map(serverOf)];
    log(`${by.user_name} starts a live stream (${short(instanceId)})${shown.length > 0 ? ` to ${shown.join(', ')}` : ''}`);
    stream.timer = later(delays.liveStart, () => {
      stream.timer = undefined;
      if (failure !== undefined) {
        streams.delete(instanceId);
        log(`live stream ${short(instanceId)} failed: ${failure}`);
        emit('live-streaming-error', { errorMsg: failure, instanceId });
        return;
      }
      stream.status = 'live';
      for (const endpoint of endpoints) stream.states.set(endpoint, 'connected');
      log(`live stream ${short(instanceId)} is live`);
      emitStreamState(stream);
    });
  }

  /** `live-streaming-started`, then one `connected`/`interrupted` update per endpoint (or one without). */
  function emitStreamState(stream: SimStream): void {
    emit('live-streaming-started', { instanceId: stream.instanceId, layout: stream.layout });
    if (stream.endpoints.length === 0) {
      emit('live-streaming-updated', { instanceId: stream.instanceId, state: stream.states.get('') ?? 'connected' });
      return;
    }
    for (const endpoint of stream.endpoints) {
      emit('live-streaming-updated', { instanceId: stream.instanceId, state: stream.states.get(endpoint) ?? 'connected', endpoint: { endpoint } });
    }
  }

  function stopLiveStream(by: string, instanceId?: string): void {
    const found = pick(streams, instanceId);
    if (!found) {
      log(`${nameOf(by)} asked to stop a live stream, but none runs`);
      return;
    }
    const [id, stream] = found;
    if (stream.status === 'stopping') return;
    cancel(stream.timer);
    stream.status = 'stopping';
    log(`${nameOf(by)} stops live stream ${short(id)}`);
    stream.timer = later(delays.liveStop, () => {
      streams.delete(id);
      log(`live stream ${short(id)} stopped`);
      emit('live-streaming-stopped', { instanceId: id });
    });
  }

  function setStreamState(state: 'connected' | 'interrupted', endpoint: string | undefined): void {
    const live = [...streams.values()].filter((s) => s.status === 'live');
    const stream = endpoint === undefined ? live[live.length - 1] : live.find((s) => s.endpoints.includes(endpoint));
    if (!stream) {
      log(`no live stream${endpoint ? ` to ${endpoint}` : ''} to ${state === 'interrupted' ? 'interrupt' : 'recover'}`);
      return;
    }
    const targets = endpoint !== undefined ? [endpoint] : stream.endpoints.length > 0 ? stream.endpoints : [''];
    for (const target of targets) {
      stream.states.set(target, state);
      log(`live stream ${short(stream.instanceId)}${target ? ` → ${target}` : ''} ${state}`);
      emit(
        'live-streaming-updated',
        target ? { instanceId: stream.instanceId, state, endpoint: { endpoint: target } } : { instanceId: stream.instanceId, state },
      );
    }
  }

  // ── The Daily-shaped call object ───────────────────────────────────────
  function requireJoined(method: string): void {
    if (disposed) throw new Error(`${method}: the simulated call was disposed.`);
    if (meetingState !== 'joined-meeting') throw new Error(`${method}: join the meeting first.`);
  }

  const daily: SimulatedDailyCall = {
    on(event, handler) {
      let set = handlers.get(event);
      if (!set) {
        set = new Set();
        handlers.set(event, set);
      }
      set.add(handler);
      return daily;
    },
    off(event, handler) {
      handlers.get(event)?.delete(handler);
      return daily;
    },
    startRecording(opts) {
      requireJoined('startRecording()');
      startRecording(local, opts);
    },
    stopRecording(opts) {
      requireJoined('stopRecording()');
      stopRecording(local.session_id, opts?.instanceId);
    },
    startLiveStreaming(opts) {
      requireJoined('startLiveStreaming()');
      const hasUrl = typeof opts?.rtmpUrl === 'string' ? opts.rtmpUrl.length > 0 : Array.isArray(opts?.rtmpUrl) && opts.rtmpUrl.length > 0;
      const hasEndpoints = Array.isArray(opts?.endpoints) && opts.endpoints.length > 0;
      if (!hasUrl && !hasEndpoints) throw new Error('startLiveStreaming() needs an rtmpUrl or endpoints.');
      startLiveStream(local, opts);
    },
    stopLiveStreaming(opts) {
      requireJoined('stopLiveStreaming()');
      stopLiveStream(local.session_id, opts?.instanceId);
    },
    updateRecording(opts) {
      requireJoined('updateRecording()');
      const found = pick(recordings, opts?.instanceId);
      if (!found) throw new Error('updateRecording(): no recording runs.');
      if (isRecord(opts.layout)) found[1].layout = opts.layout;
      log(`recording ${short(found[0])} layout → ${String((opts.layout as { preset?: unknown } | undefined)?.preset ?? 'unchanged')}`);
    },
    updateLiveStreaming(opts) {
      requireJoined('updateLiveStreaming()');
      const found = pick(streams, opts?.instanceId);
      if (!found) throw new Error('updateLiveStreaming(): no live stream runs.');
      if (isRecord(opts.layout)) found[1].layout = opts.layout;
      log(`live stream ${short(found[0])} layout → ${String((opts.layout as { preset?: unknown } | undefined)?.preset ?? 'unchanged')}`);
    },
    addLiveStreamingEndpoints(opts) {
      requireJoined('addLiveStreamingEndpoints()');
      const found = pick(streams, opts?.instanceId);
      if (!found) throw new Error('addLiveStreamingEndpoints(): no live stream runs.');
      const [id, stream] = found;
      for (const { endpoint } of opts.endpoints ?? []) {
        if (typeof endpoint !== 'string' || endpoint.length === 0 || stream.endpoints.includes(endpoint)) continue;
        stream.endpoints.push(endpoint);
        log(`live stream ${short(id)} → ${endpoint} added`);
        if (stream.status !== 'live') continue;
        stream.states.set(endpoint, 'connected');
        later(Math.min(300, delays.liveStart), () => emit('live-streaming-updated', { instanceId: id, state: 'connected', endpoint: { endpoint } }));
      }
    },
    removeLiveStreamingEndpoints(opts) {
      requireJoined('removeLiveStreamingEndpoints()');
      const found = pick(streams, opts?.instanceId);
      if (!found) throw new Error('removeLiveStreamingEndpoints(): no live stream runs.');
      const [id, stream] = found;
      for (const { endpoint } of opts.endpoints ?? []) {
        const url = stream.urls.indexOf(endpoint);
        if (url >= 0) stream.urls.splice(url, 1);
        const index = stream.endpoints.indexOf(endpoint);
        if (index < 0) continue;
        stream.endpoints.splice(index, 1);
        stream.states.delete(endpoint);
        log(`live stream ${short(id)} → ${endpoint} removed`);
      }
    },
    participants: participantsObject,
    meetingState: () => meetingState,
    async join() {
      if (disposed || meetingState === 'joined-meeting') return;
      meetingState = 'joined-meeting';
      log(`${local.user_name} joined the meeting`);
      emit('joined-meeting', { participants: participantsObject() });
      // Daily tells a late joiner what already runs.
      for (const rec of recordings.values()) if (rec.status !== 'starting') emitRecordingStarted(rec);
      for (const stream of streams.values()) if (stream.status !== 'starting') emitStreamState(stream);
    },
    async leave() {
      if (disposed || meetingState !== 'joined-meeting') return;
      emit('left-meeting');
      meetingState = 'left-meeting';
      log(`${local.user_name} left the meeting`);
    },
  };

  return {
    daily,
    faults: {
      neverConfirmStart() {
        silentStart = true;
        log('the next recording start will never be confirmed');
      },
      neverConfirmStop() {
        silentStop = true;
        log('the next recording stop will never be confirmed');
      },
      failNextStart(message = 'The recording could not be started (simulated failure).') {
        failNext = message;
        log(`the next start will fail: ${message}`);
      },
      denyPermission(denied = true) {
        local.owner = denied ? false : localOwner;
        local.permissions = { ...local.permissions, canAdmin: !denied };
        log(denied ? `${local.user_name} may no longer record or stream` : `${local.user_name} may record and stream again`);
        emit('participant-updated', { participant: copy(local) });
      },
      interruptLiveStream(endpoint) {
        setStreamState('interrupted', endpoint);
      },
      recoverLiveStream(endpoint) {
        setStreamState('connected', endpoint);
      },
      startSecondRecording() {
        const people = [...remotes.values()];
        const by = people[1] ?? people[0] ?? remoteBy(undefined);
        startRecording(by, { instanceId: uuid(), type: 'cloud' });
      },
      emitMalformed() {
        log('sending a malformed recording-started and live-streaming-updated');
        emit('recording-started', { instanceId: 42, recordingId: { not: 'a string' }, type: 7 });
        emit('live-streaming-updated', { instanceId: SIMULATED_DEFAULT_INSTANCE_ID, state: 'exploded', endpoint: 'not-an-object' });
      },
      dropLiveStreamDestination(endpoint, message) {
        const live = [...streams.values()].filter((s) => s.status === 'live');
        const stream = endpoint === undefined ? live[live.length - 1] : live.find((s) => s.endpoints.includes(endpoint) || s.urls.includes(endpoint));
        const destinations = stream ? [...stream.endpoints, ...stream.urls] : [];
        const target = endpoint ?? destinations[destinations.length - 1];
        if (!stream || target === undefined) {
          log(`no live stream${endpoint ? ` to ${serverOf(endpoint)}` : ''} to drop a destination from`);
          return;
        }
        stream.states.delete(target);
        const reason = message ?? `RTMP destination ${serverOf(target)} stopped accepting media and was dropped; streaming continues to the other destinations`;
        log(`live stream ${short(stream.instanceId)} → ${serverOf(target)} dropped`);
        emit('nonfatal-error', { type: 'live-streaming-warning', errorMsg: reason, details: { instanceId: stream.instanceId, endpoints: [{ endpoint: target }] } });
      },
      refuseStreamKey(message) {
        refuseKey = message ?? true;
        log('the next live-stream start will be refused by the RTMP server (stream key)');
      },
      endLiveStream(instanceId) {
        const found = pick(streams, instanceId);
        if (!found || found[1].status === 'starting') {
          log('no live stream for the provider to end');
          return;
        }
        const [id, stream] = found;
        cancel(stream.timer);
        streams.delete(id);
        log(`live stream ${short(id)} was ended by the provider`);
        emit('live-streaming-stopped', { instanceId: id });
      },
      warnLiveStream(message = 'The live stream is dropping frames: upload bandwidth is low.') {
        log(`live-stream warning: ${message}`);
        emit('nonfatal-error', { type: 'live-streaming-warning', errorMsg: message });
      },
    },
    remote: {
      startRecording(byParticipantId) {
        if (disposed) return;
        const by = remoteBy(byParticipantId);
        const instanceId = recordings.has(SIMULATED_DEFAULT_INSTANCE_ID) ? uuid() : SIMULATED_DEFAULT_INSTANCE_ID;
        startRecording(by, { instanceId, type: 'cloud' });
      },
      stopRecording(instanceId) {
        if (disposed) return;
        stopRecording(remoteBy(undefined).session_id, instanceId);
      },
      startLiveStream(byParticipantId) {
        if (disposed) return;
        const by = remoteBy(byParticipantId);
        const instanceId = streams.has(SIMULATED_DEFAULT_INSTANCE_ID) ? uuid() : SIMULATED_DEFAULT_INSTANCE_ID;
        startLiveStream(by, { instanceId, endpoints: DEFAULT_ENDPOINTS.map((endpoint) => ({ endpoint })) });
      },
      stopLiveStream(instanceId) {
        if (disposed) return;
        stopLiveStream(remoteBy(undefined).session_id, instanceId);
      },
    },
    setDelays(next) {
      delays = { ...delays, ...definedDelays(next) };
    },
    onLog(listener) {
      logListeners.add(listener);
      return () => {
        logListeners.delete(listener);
      };
    },
    dispose() {
      disposed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      handlers.clear();
      logListeners.clear();
      recordings.clear();
      streams.clear();
    },
  };
}

function definedDelays(delays: Partial<SimulatorDelays> | undefined): Partial<SimulatorDelays> {
  const out: { -readonly [K in keyof SimulatorDelays]?: number } = {};
  if (!delays) return out;
  for (const key of ['recordingStart', 'recordingStop', 'liveStart', 'liveStop', 'recordingUpload'] as const) {
    const value = delays[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) out[key] = value;
  }
  return out;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An RTMP URL without its stream key (scheme, host and app path), for messages and the log. */
function serverOf(url: string): string {
  const match = /^(rtmps?:\/\/[^/]+(?:\/[^/]+)?)/i.exec(url);
  return match ? match[1]! : url;
}

function short(instanceId: string): string {
  return instanceId.slice(0, 8);
}
