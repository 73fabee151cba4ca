import type { OnAirEvent } from './events.js';
import {
  DEFAULT_INSTANCE_ID,
  initialOnAirState,
  MAX_CLOSED_INSTANCES,
  type ClosedInstance,
  type LiveStreamEndpointState,
  type LiveStreamSession,
  type OnAirError,
  type OnAirState,
  type ParticipantRecording,
  type RecordingSession,
} from './model.js';
import { emptyRecord, hasOwnKey, nullRecord, ownValue, sizeOf, withEntry, withoutEntry } from './records.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Recordings and live streams share most of their lifecycle; `kind` names the state field. */
type Kind = 'recordings' | 'liveStreams';
type Session = RecordingSession | LiveStreamSession;
type SessionEvent = Extract<OnAirEvent, { type: `recording-${string}` | `live-stream-${string}` }>;

const closedKey = (kind: Kind, id: string): string => `${kind === 'recordings' ? 'recording' : 'live-stream'}:${id}`;
const errorField = (kind: Kind): 'recordingError' | 'liveStreamError' => (kind === 'recordings' ? 'recordingError' : 'liveStreamError');

function keyOf(instanceId: unknown): string {
  return typeof instanceId === 'string' && instanceId.length > 0 ? instanceId : DEFAULT_INSTANCE_ID;
}

const without = withoutEntry;

/**
 * A start that arrives this soon (event time) after a stop which came before anything opened its
 * instance belongs to that stop: it is swallowed rather than opening a session nothing would close.
 * Short on purpose: a genuinely new start of the same instance id (Daily reuses its default
 * instance id) later than this opens as usual.
 */
const STOP_BEFORE_START_WINDOW_MS = 5_000;

/** `closed` with `key` remembered last; the oldest entries beyond {@link MAX_CLOSED_INSTANCES} are forgotten. */
function remember(closed: OnAirState['closed'], key: string, entry: ClosedInstance): OnAirState['closed'] {
  const next = nullRecord(closed);
  delete next[key]; // re-inserted last: the order of keys is the order of closing
  next[key] = entry;
  let excess = sizeOf(next) - MAX_CLOSED_INSTANCES;
  if (excess > 0) {
    for (const old of Object.keys(next)) {
      delete next[old];
      if (--excess === 0) break;
    }
  }
  return next;
}

/**
 * `true` when a start-like event for an instance that is not open must not open it: it repeats
 * the closed recording's id, or it is the late start of a stop (or error) that arrived first.
 */
function startIsStale(closed: ClosedInstance | undefined, at: number, recordingId?: string): boolean {
  if (!closed) return false;
  if (recordingId !== undefined && closed.recordingId !== undefined) return closed.recordingId === recordingId;
  return closed.beforeStart === true && Math.abs(at - closed.at) <= STOP_BEFORE_START_WINDOW_MS;
}

/**
 * Finds the open session an event refers to: the one at its key, or — when the event names no
 * instance — the only open one. An event that names an instance which is not open targets nothing
 * (it must not end another instance). Returns `undefined` when it is ambiguous.
 */
function resolveTarget(sessions: Readonly<Record<string, Session>>, instanceId: string | undefined): string | undefined {
  const key = keyOf(instanceId);
  if (hasOwnKey(sessions, key)) return key;
  if (key !== DEFAULT_INSTANCE_ID) return undefined;
  const open = Object.keys(sessions);
  return open.length === 1 ? open[0] : undefined;
}

function setSession(state: OnAirState, kind: Kind, session: Session): OnAirState {
  return {
    ...state,
    [kind]: withEntry<Session>(state[kind], session.instanceId, session),
    closed: without(state.closed, closedKey(kind, session.instanceId)),
  };
}

/**
 * Closes `key`. `beforeStart`: the close may have overtaken the start it belongs to (a stop for an
 * instance that never opened or never got past `starting`; an error for one that never opened).
 */
function closeSession(
  state: OnAirState,
  kind: Kind,
  key: string,
  at: number,
  error?: OnAirError,
  recordingId?: string,
  beforeStart = false,
): OnAirState {
  const open = ownValue<Session>(state[kind], key) as (Session & { recordingId?: string }) | undefined;
  const closedId = open?.recordingId ?? recordingId;
  const field = errorField(kind);
  const entry: ClosedInstance = { at, ...(closedId === undefined ? {} : { recordingId: closedId }), ...(beforeStart ? { beforeStart: true } : {}) };
  return {
    ...state,
    [kind]: without<Session>(state[kind], key),
    closed: remember(state.closed, closedKey(kind, key), entry),
    [field]: error ?? state[field],
  };
}

/** A usable `recordedParticipants` value (`'all'` or an array of strings), else `undefined`. */
function audienceOf(value: unknown): RecordingSession['recordedParticipants'] {
  if (value === 'all') return value;
  return Array.isArray(value) && value.every((id) => typeof id === 'string') ? (value as readonly string[]) : undefined;
}

/** Marks a stop-before-start entry as paired with its (swallowed) start. */
function pairStart(state: OnAirState, kind: Kind, key: string): OnAirState {
  const ck = closedKey(kind, key);
  const closed = ownValue(state.closed, ck);
  if (!closed || closed.beforeStart !== true) return state;
  return { ...state, closed: withEntry(state.closed, ck, { ...closed, beforeStart: undefined }) };
}

function newRecording(key: string, at: number): Mutable<RecordingSession> {
  return { instanceId: key, status: 'starting', pausedMs: 0, openedAt: at };
}

function newLiveStream(key: string, at: number): Mutable<LiveStreamSession> {
  return { instanceId: key, status: 'starting', endpoints: emptyRecord<LiveStreamEndpointState>(), openedAt: at };
}

function overallLiveStatus(endpoints: Readonly<Record<string, LiveStreamEndpointState>>): 'live' | 'interrupted' {
  const all = Object.values(endpoints);
  return all.length > 0 && all.every((e) => e.status === 'interrupted') ? 'interrupted' : 'live';
}

/** `pending` once the provider answered the command it waited for. */
const settled = (pending: Session['pending'], command: string): Session['pending'] => (pending === command ? undefined : pending);

/** The recording and live-stream events: one lifecycle, with the differences spelt out per case. */
function reduceSession(input: OnAirState, event: SessionEvent): OnAirState {
  const kind: Kind = event.type.startsWith('recording-') ? 'recordings' : 'liveStreams';
  const isRecording = kind === 'recordings';
  const startCommand = isRecording ? 'start-recording' : 'start-live-stream';
  const field = errorField(kind);
  let state = input;
  // A start sent without an instance id waits at the default key; when the provider answers with
  // an instance id of its own, the pending session moves to that id.
  if (/-(started|updated|stopped|error)$/.test(event.type)) {
    const id = event.instanceId;
    const waiting = ownValue<Session>(state[kind], DEFAULT_INSTANCE_ID);
    if (id !== undefined && id !== DEFAULT_INSTANCE_ID && !hasOwnKey(state[kind], id) && waiting && waiting.pending === startCommand) {
      state = { ...state, [kind]: withEntry<Session>(without<Session>(state[kind], DEFAULT_INSTANCE_ID), id, { ...waiting, instanceId: id }) };
    }
  }
  const at = event.at;
  const key = keyOf(event.instanceId);
  const current: Session | undefined = ownValue<Session>(state[kind], key);
  const closedEntry = ownValue(state.closed, closedKey(kind, key));
  const isClosed = closedEntry !== undefined;
  const set = (session: Session): OnAirState => setSession(state, kind, session);

  switch (event.type) {
    case 'recording-requested':
    case 'live-stream-requested': {
      if (event.command === startCommand) {
        if (current && current.status !== 'error') return state;
        const fresh = isRecording ? newRecording(key, at) : newLiveStream(key, at);
        return { ...set({ ...fresh, pending: startCommand }), [field]: undefined };
      }
      if (!current) return state;
      if (!isRecording || event.command === 'stop-recording') {
        if (current.status === 'stopping') return state;
        return set({ ...current, status: 'stopping', pending: isRecording ? 'stop-recording' : 'stop-live-stream', error: undefined });
      }
      if (event.command === 'pause-recording' && current.status !== 'recording') return state;
      if (event.command === 'resume-recording' && current.status !== 'paused') return state;
      return set({ ...current, pending: event.command, error: undefined });
    }
    case 'recording-starting': {
      const rec = current as RecordingSession | undefined;
      if (rec) return rec.status === 'starting' ? set({ ...rec, startedBy: event.startedBy ?? rec.startedBy }) : state;
      if (startIsStale(closedEntry, at)) return state;
      return { ...set({ ...newRecording(key, at), startedBy: event.startedBy }), recordingError: undefined };
    }
    case 'recording-started': {
      const rec = current as RecordingSession | undefined;
      if (!rec && startIsStale(closedEntry, at, event.recordingId)) return pairStart(state, kind, key);
      const base = rec ?? newRecording(key, at);
      const keepsStatus = base.status === 'stopping' || base.status === 'paused';
      return {
        ...set({
          ...base,
          status: keepsStatus ? base.status : 'recording',
          recordingId: event.recordingId ?? base.recordingId,
          type: event.recordingType ?? base.type,
          startedBy: event.startedBy ?? base.startedBy,
          startedAt: event.startedAt ?? (base.status === 'recording' || keepsStatus ? base.startedAt : undefined) ?? at,
          local: event.local ?? base.local,
          layout: event.layout ?? base.layout,
          recordedParticipants: audienceOf(event.recordedParticipants) ?? base.recordedParticipants,
          pending: settled(base.pending, startCommand),
          error: undefined,
        }),
        recordingError: undefined,
      };
    }
    case 'live-stream-started': {
      const live = current as LiveStreamSession | undefined;
      if (!live && startIsStale(closedEntry, at)) return pairStart(state, kind, key);
      const base = live ?? newLiveStream(key, at);
      return {
        ...set({
          ...base,
          status: base.status === 'stopping' || base.status === 'interrupted' ? base.status : 'live',
          startedAt: event.startedAt ?? (live?.status === 'starting' ? undefined : base.startedAt) ?? at,
          layout: event.layout ?? base.layout,
          pending: settled(base.pending, startCommand),
          error: undefined,
        }),
        liveStreamError: undefined,
      };
    }
    case 'recording-paused': {
      if (isClosed && !current) return state;
      const base = (current as RecordingSession | undefined) ?? { ...newRecording(key, at), status: 'recording' as const, startedAt: at };
      if (base.status === 'paused') return state;
      return set({
        ...base,
        status: base.status === 'stopping' ? 'stopping' : 'paused',
        pausedAt: at,
        startedAt: base.startedAt ?? at,
        pending: settled(base.pending, 'pause-recording'),
      });
    }
    case 'recording-resumed': {
      const rec = current as RecordingSession | undefined;
      if (!rec) return state;
      return set({
        ...rec,
        status: rec.status === 'paused' ? 'recording' : rec.status,
        pausedAt: undefined,
        pausedMs: rec.pausedAt === undefined ? rec.pausedMs : rec.pausedMs + Math.max(0, at - rec.pausedAt),
        pending: settled(rec.pending, 'resume-recording'),
      });
    }
    case 'live-stream-updated': {
      if (isClosed && !current) return state;
      const base = (current as LiveStreamSession | undefined) ?? { ...newLiveStream(key, at), status: 'live' as const, startedAt: at };
      const endpointStatus = event.state === 'interrupted' ? 'interrupted' : 'live';
      let endpoints = base.endpoints;
      if (event.endpoint !== undefined) {
        const previous = ownValue(endpoints, event.endpoint);
        if (!previous || previous.status !== endpointStatus) {
          endpoints = withEntry(endpoints, event.endpoint, { endpoint: event.endpoint, status: endpointStatus, since: at });
        }
      }
      const overall = event.endpoint !== undefined ? overallLiveStatus(endpoints) : endpointStatus;
      const status = base.status === 'stopping' ? 'stopping' : overall;
      const interruptedAt =
        status === 'interrupted' ? (base.status === 'interrupted' ? base.interruptedAt : at) : undefined;
      if (status === base.status && endpoints === base.endpoints && interruptedAt === base.interruptedAt) return state;
      return set({ ...base, status, endpoints, interruptedAt, startedAt: base.startedAt ?? at, pending: settled(base.pending, startCommand) });
    }
    case 'live-stream-endpoints-removed': {
      const live = current as LiveStreamSession | undefined;
      if (!live || !Array.isArray(event.endpoints)) return state;
      let endpoints = live.endpoints;
      for (const endpoint of event.endpoints) if (typeof endpoint === 'string') endpoints = without(endpoints, endpoint);
      if (endpoints === live.endpoints) return state;
      const overall = sizeOf(endpoints) > 0 ? overallLiveStatus(endpoints) : live.status;
      const status = live.status === 'live' || live.status === 'interrupted' ? overall : live.status;
      return set({ ...live, endpoints, status, interruptedAt: status === 'interrupted' ? (live.status === 'interrupted' ? live.interruptedAt : at) : undefined });
    }
    case 'recording-stopping':
    case 'live-stream-stopping':
      return current ? set({ ...current, status: 'stopping' }) : state;
    case 'recording-stopped':
    case 'live-stream-stopped': {
      if (!current && isClosed) return state;
      // A stop that names no instance ends the only open one; otherwise its own (possibly not yet started) instance.
      const target = resolveTarget(state[kind], event.instanceId) ?? key;
      const open = ownValue<Session>(state[kind], target);
      const early = !open || open.status === 'starting';
      return closeSession(state, kind, target, at, undefined, event.type === 'recording-stopped' ? event.recordingId : undefined, early);
    }
    case 'recording-error':
    case 'live-stream-error': {
      if (isClosed && !current) return state;
      const target = resolveTarget(state[kind], event.instanceId);
      if (target !== undefined) return closeSession(state, kind, target, at, event.error);
      // An error for a named instance that never opened here: its start may still come; it must not open.
      if (event.instanceId !== undefined && key !== DEFAULT_INSTANCE_ID) return closeSession(state, kind, key, at, event.error, undefined, true);
      return { ...state, [field]: event.error };
    }
    case 'live-stream-warning': {
      const target = resolveTarget(state.liveStreams, event.instanceId);
      const session = target === undefined ? undefined : ownValue(state.liveStreams, target);
      return session ? set({ ...session, warning: event.message }) : state;
    }
    case 'recording-request-failed':
    case 'live-stream-request-failed': {
      const target = resolveTarget(state[kind], event.instanceId);
      const session: Session | undefined = target === undefined ? undefined : ownValue<Session>(state[kind], target);
      if (!session || target === undefined) return { ...state, [field]: event.error };
      // A start that never got going disappears; a recording whose start was not asked for here stays.
      if (session.pending === startCommand || (session.status === 'starting' && (!isRecording || session.pending === undefined))) {
        return { ...state, [kind]: without<Session>(state[kind], target), [field]: event.error };
      }
      let status = session.status;
      if (status === 'stopping') {
        status = isRecording
          ? (session as RecordingSession).pausedAt === undefined ? 'recording' : 'paused'
          : overallLiveStatus((session as LiveStreamSession).endpoints);
      }
      return set({ ...session, status, pending: undefined, error: event.error } as Session);
    }
    default:
      return state;
  }
}

function isEvent(value: unknown): value is OnAirEvent {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    typeof (value as { at?: unknown }).at === 'number' &&
    Number.isFinite((value as { at: number }).at)
  );
}

const ERROR_EVENTS = new Set<string>(['recording-error', 'recording-request-failed', 'live-stream-error', 'live-stream-request-failed']);

function hasValidError(event: OnAirEvent): boolean {
  if (!ERROR_EVENTS.has(event.type)) return true;
  const error: unknown = (event as { error?: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as OnAirError).message === 'string';
}

const PHASE_STATUS = {
  starting: 'starting',
  started: 'recording',
  stopping: 'stopping',
  stopped: 'idle',
  failed: 'error',
} as const;

function reduceParticipantRecording(state: OnAirState, event: Extract<OnAirEvent, { type: 'participant-recording' }>): OnAirState {
  if (typeof event.participantId !== 'string' || event.participantId.length === 0) return state;
  const status = ownValue<RecordingSession['status']>(PHASE_STATUS, event.phase as string);
  if (status === undefined) return state;
  const current = ownValue(state.participantRecordings, event.participantId);
  if (current && event.at < current.updatedAt) return state;
  // A duplicate (same phase, same session) changes nothing.
  if (current && current.status === status && current.sessionId === (event.sessionId ?? current.sessionId) && event.phase !== 'stopped') {
    return state;
  }
  const files = Array.isArray(event.files)
    ? event.files.filter((f): f is { url?: string; path?: string } => typeof f === 'object' && f !== null)
    : undefined;
  const next: ParticipantRecording = {
    participantId: event.participantId,
    status,
    sessionId: event.sessionId ?? current?.sessionId,
    startedAt: event.phase === 'started' ? event.at : event.phase === 'starting' ? undefined : current?.startedAt,
    stoppedAt: event.phase === 'stopped' || event.phase === 'failed' ? event.at : undefined,
    files: files ?? (event.phase === 'starting' || event.phase === 'started' ? [] : (current?.files ?? [])),
    error: event.phase === 'failed' ? (event.error ?? { code: 'participant-recording-failed', message: 'The recording failed.', at: event.at }) : undefined,
    updatedAt: event.at,
    pending: undefined,
  };
  return { ...state, participantRecordings: withEntry(state.participantRecordings, event.participantId, next) };
}

/**
 * The reducer: the single place where events become state.
 *
 * Pure and total — any event, in any order, duplicated, unknown or malformed, yields a valid
 * state (an unusable event returns the state unchanged). An event for an instance that already
 * closed does not reopen it; only a new start does (a `recording-started` that repeats the closed
 * recording's id counts as a duplicate). An error event's message is kept for the UI.
 *
 * @example
 * ```ts
 * let state = initialOnAirState;
 * state = reduceOnAir(state, { type: 'recording-started', at: Date.now(), recordingId: 'r1' });
 * state.recordings.default?.status; // 'recording'
 * ```
 *
 * @beta
 */
export function reduceOnAir(state: OnAirState, event: OnAirEvent): OnAirState {
  const next = reduceEvent(state, event);
  // A recording that begins from nothing opens a new consent epoch: everyone is asked again.
  if (next !== state && Object.keys(state.recordings).length === 0 && Object.keys(next.recordings).length > 0) {
    return { ...next, consentEpoch: next.consentEpoch + 1 };
  }
  return next;
}

const withoutKey = withoutEntry;

function reduceEvent(state: OnAirState, event: OnAirEvent): OnAirState {
  if (!isEvent(event) || !hasValidError(event)) return state;
  if ('instanceId' in event && event.instanceId !== undefined && typeof event.instanceId !== 'string') return state;
  switch (event.type) {
    case 'recording-requested':
    case 'recording-starting':
    case 'recording-started':
    case 'recording-paused':
    case 'recording-resumed':
    case 'recording-stopping':
    case 'recording-stopped':
    case 'recording-error':
    case 'recording-request-failed':
    case 'live-stream-requested':
    case 'live-stream-started':
    case 'live-stream-updated':
    case 'live-stream-endpoints-removed':
    case 'live-stream-stopping':
    case 'live-stream-stopped':
    case 'live-stream-error':
    case 'live-stream-warning':
    case 'live-stream-request-failed':
      return reduceSession(state, event);
    case 'state-seeded': {
      let next = state;
      for (const seed of Array.isArray(event.recordings) ? event.recordings : []) {
        if (typeof seed !== 'object' || seed === null) continue;
        const key = keyOf(seed.instanceId);
        if (hasOwnKey(next.recordings, key) || hasOwnKey(next.closed, closedKey('recordings', key))) continue;
        next = setSession(next, 'recordings', {
          ...newRecording(key, event.at),
          status: seed.status ?? 'recording',
          recordingId: seed.recordingId,
          type: seed.recordingType,
          startedBy: seed.startedBy,
          startedAt: seed.startedAt ?? event.at,
          local: seed.local,
          pausedAt: seed.status === 'paused' ? event.at : undefined,
        });
      }
      for (const seed of Array.isArray(event.liveStreams) ? event.liveStreams : []) {
        if (typeof seed !== 'object' || seed === null) continue;
        const key = keyOf(seed.instanceId);
        if (hasOwnKey(next.liveStreams, key) || hasOwnKey(next.closed, closedKey('liveStreams', key))) continue;
        const status = seed.status ?? 'live';
        next = setSession(next, 'liveStreams', {
          ...newLiveStream(key, event.at),
          status,
          startedAt: seed.startedAt ?? event.at,
          interruptedAt: status === 'interrupted' ? event.at : undefined,
        });
      }
      return next;
    }
    case 'session-joined':
      return {
        ...state,
        localParticipantId: typeof event.localParticipantId === 'string' ? event.localParticipantId : state.localParticipantId,
        providerRole: event.role ?? state.providerRole,
      };
    case 'role-changed':
      return event.role === state.providerRole ? state : { ...state, providerRole: event.role };
    case 'participant-named':
      if (typeof event.participantId !== 'string' || typeof event.name !== 'string') return state;
      if (ownValue(state.participantNames, event.participantId) === event.name) return state;
      return { ...state, participantNames: withEntry(state.participantNames, event.participantId, event.name) };
    case 'participant-joined': {
      if (typeof event.participantId !== 'string' || event.participantId.length === 0) return state;
      let next = state;
      if (typeof event.name === 'string' && ownValue(state.participantNames, event.participantId) !== event.name) {
        next = { ...next, participantNames: withEntry(next.participantNames, event.participantId, event.name) };
      }
      if (typeof event.consent === 'boolean') {
        next = {
          ...next,
          consents: withEntry(next.consents, event.participantId, { consent: event.consent, at: event.at, epoch: next.consentEpoch }),
        };
      }
      return next;
    }
    case 'participant-left': {
      if (typeof event.participantId !== 'string') return state;
      const names = withoutKey(state.participantNames, event.participantId);
      const consents = withoutKey(state.consents, event.participantId);
      if (names === state.participantNames && consents === state.consents) return state;
      return { ...state, participantNames: names, consents };
    }
    case 'consent-updated': {
      if (typeof event.participantId !== 'string' || event.participantId.length === 0) return state;
      if (event.consent === undefined) {
        const consents = withoutKey(state.consents, event.participantId);
        return consents === state.consents ? state : { ...state, consents };
      }
      if (typeof event.consent !== 'boolean') return state;
      const previous = ownValue(state.consents, event.participantId);
      if (previous && previous.consent === event.consent && previous.epoch === state.consentEpoch) return state;
      return {
        ...state,
        consents: withEntry(state.consents, event.participantId, { consent: event.consent, at: event.at, epoch: state.consentEpoch }),
      };
    }
    case 'participant-recording':
      return reduceParticipantRecording(state, event);
    case 'participant-recording-request': {
      if (typeof event.participantId !== 'string' || event.participantId.length === 0) return state;
      const current = ownValue(state.participantRecordings, event.participantId);
      let next: ParticipantRecording;
      if (event.error) {
        if (!current) return state;
        const status =
          current.pending === 'start-recording' ? 'error' : current.pending === 'stop-recording' ? 'recording' : current.status;
        next = { ...current, status, pending: undefined, error: event.error };
      } else if (event.command === 'start-recording') {
        if (current && (current.status === 'recording' || current.status === 'starting')) return state;
        next = { participantId: event.participantId, status: 'starting', files: current?.files ?? [], updatedAt: current?.updatedAt ?? 0, pending: 'start-recording' };
      } else {
        if (!current || current.status === 'idle' || current.status === 'error' || current.status === 'stopping') return state;
        next = { ...current, status: 'stopping', pending: 'stop-recording', error: undefined };
      }
      return { ...state, participantRecordings: withEntry(state.participantRecordings, event.participantId, next) };
    }
    case 'session-left':
      return initialOnAirState;
    default:
      return state;
  }
}
