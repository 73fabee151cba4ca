import type { OnAirEvent } from './events.js';
import {
  DEFAULT_INSTANCE_ID,
  initialOnAirState,
  type LiveStreamEndpointState,
  type LiveStreamSession,
  type OnAirError,
  type OnAirState,
  type ParticipantRecording,
  type RecordingSession,
} from './model.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const recKey = (id: string): string => `recording:${id}`;
const liveKey = (id: string): string => `live-stream:${id}`;

function keyOf(instanceId: unknown): string {
  return typeof instanceId === 'string' && instanceId.length > 0 ? instanceId : DEFAULT_INSTANCE_ID;
}

function without<V>(record: Readonly<Record<string, V>>, key: string): Record<string, V> {
  const next = { ...record };
  delete next[key];
  return next;
}

/**
 * Finds the open session an event refers to: the one at its key, or — when the event names no
 * instance — the only open one. An event that names an instance which is not open targets nothing
 * (it must not end another instance). Returns `undefined` when it is ambiguous.
 */
function resolveTarget<S>(sessions: Readonly<Record<string, S>>, instanceId: string | undefined): string | undefined {
  const key = keyOf(instanceId);
  if (sessions[key]) return key;
  if (key !== DEFAULT_INSTANCE_ID) return undefined;
  const open = Object.keys(sessions);
  return open.length === 1 ? open[0] : undefined;
}

function setRecording(state: OnAirState, session: RecordingSession): OnAirState {
  return {
    ...state,
    recordings: { ...state.recordings, [session.instanceId]: session },
    closed: without(state.closed, recKey(session.instanceId)),
  };
}

function setLiveStream(state: OnAirState, session: LiveStreamSession): OnAirState {
  return {
    ...state,
    liveStreams: { ...state.liveStreams, [session.instanceId]: session },
    closed: without(state.closed, liveKey(session.instanceId)),
  };
}

function closeRecording(state: OnAirState, key: string, at: number, error?: OnAirError, recordingId?: string): OnAirState {
  const session = state.recordings[key];
  const closedId = session?.recordingId ?? recordingId;
  return {
    ...state,
    recordings: without(state.recordings, key),
    closed: { ...state.closed, [recKey(key)]: closedId === undefined ? { at } : { at, recordingId: closedId } },
    recordingError: error ?? state.recordingError,
  };
}

function closeLiveStream(state: OnAirState, key: string, at: number, error?: OnAirError): OnAirState {
  return {
    ...state,
    liveStreams: without(state.liveStreams, key),
    closed: { ...state.closed, [liveKey(key)]: { at } },
    liveStreamError: error ?? state.liveStreamError,
  };
}

function newRecording(key: string, at: number): Mutable<RecordingSession> {
  return { instanceId: key, status: 'starting', pausedMs: 0, openedAt: at };
}

function newLiveStream(key: string, at: number): Mutable<LiveStreamSession> {
  return { instanceId: key, status: 'starting', endpoints: {}, openedAt: at };
}

function overallLiveStatus(endpoints: Readonly<Record<string, LiveStreamEndpointState>>): 'live' | 'interrupted' {
  const all = Object.values(endpoints);
  return all.length > 0 && all.every((e) => e.status === 'interrupted') ? 'interrupted' : 'live';
}

/**
 * A start sent without an instance id waits at the default key; when the provider answers with an
 * instance id of its own, the pending session moves to that id.
 */
function adoptPending<S extends { readonly pending?: string | undefined; readonly instanceId: string }>(
  sessions: Readonly<Record<string, S>>,
  instanceId: string | undefined,
  pending: string,
): { rest: Record<string, S>; session: S } | undefined {
  if (instanceId === undefined || instanceId === DEFAULT_INSTANCE_ID || sessions[instanceId]) return undefined;
  const waiting = sessions[DEFAULT_INSTANCE_ID];
  if (!waiting || waiting.pending !== pending) return undefined;
  return { rest: without(sessions, DEFAULT_INSTANCE_ID), session: { ...waiting, instanceId } };
}

function reduceRecording(input: OnAirState, event: OnAirEvent & { instanceId?: string | undefined }): OnAirState {
  let state = input;
  if (event.type === 'recording-started' || event.type === 'recording-stopped' || event.type === 'recording-error') {
    const adopted = adoptPending(state.recordings, event.instanceId, 'start-recording');
    if (adopted) state = { ...state, recordings: { ...adopted.rest, [adopted.session.instanceId]: adopted.session } };
  }
  const at = event.at;
  const key = keyOf(event.instanceId);
  const current = state.recordings[key];
  const isClosed = state.closed[recKey(key)] !== undefined;

  switch (event.type) {
    case 'recording-requested': {
      if (event.command === 'start-recording') {
        if (current && current.status !== 'error') return state;
        return { ...setRecording(state, { ...newRecording(key, at), pending: 'start-recording' }), recordingError: undefined };
      }
      if (!current) return state;
      if (event.command === 'stop-recording') {
        if (current.status === 'stopping') return state;
        return setRecording(state, { ...current, status: 'stopping', pending: 'stop-recording', error: undefined });
      }
      if (event.command === 'pause-recording' && current.status !== 'recording') return state;
      if (event.command === 'resume-recording' && current.status !== 'paused') return state;
      return setRecording(state, { ...current, pending: event.command, error: undefined });
    }
    case 'recording-starting': {
      if (current) {
        if (current.status !== 'starting') return state;
        return setRecording(state, { ...current, startedBy: event.startedBy ?? current.startedBy });
      }
      return {
        ...setRecording(state, { ...newRecording(key, at), startedBy: event.startedBy }),
        recordingError: undefined,
      };
    }
    case 'recording-started': {
      const closed = state.closed[recKey(key)];
      if (!current && closed && event.recordingId !== undefined && closed.recordingId === event.recordingId) return state;
      const base = current ?? newRecording(key, at);
      const keepsStatus = base.status === 'stopping' || base.status === 'paused';
      const startedAt =
        event.startedAt ?? (base.status === 'recording' || keepsStatus ? base.startedAt : undefined) ?? at;
      return {
        ...setRecording(state, {
          ...base,
          status: keepsStatus ? base.status : 'recording',
          recordingId: event.recordingId ?? base.recordingId,
          type: event.recordingType ?? base.type,
          startedBy: event.startedBy ?? base.startedBy,
          startedAt,
          local: event.local ?? base.local,
          layout: event.layout ?? base.layout,
          pending: base.pending === 'start-recording' ? undefined : base.pending,
          error: undefined,
        }),
        recordingError: undefined,
      };
    }
    case 'recording-paused': {
      if (isClosed && !current) return state;
      const base = current ?? { ...newRecording(key, at), status: 'recording' as const, startedAt: at };
      if (base.status === 'paused') return state;
      return setRecording(state, {
        ...base,
        status: base.status === 'stopping' ? 'stopping' : 'paused',
        pausedAt: at,
        startedAt: base.startedAt ?? at,
        pending: base.pending === 'pause-recording' ? undefined : base.pending,
      });
    }
    case 'recording-resumed': {
      if (!current) return state;
      const pausedMs = current.pausedAt === undefined ? current.pausedMs : current.pausedMs + Math.max(0, at - current.pausedAt);
      return setRecording(state, {
        ...current,
        status: current.status === 'paused' ? 'recording' : current.status,
        pausedAt: undefined,
        pausedMs,
        pending: current.pending === 'resume-recording' ? undefined : current.pending,
      });
    }
    case 'recording-stopping': {
      if (!current) return state;
      return setRecording(state, { ...current, status: 'stopping' });
    }
    case 'recording-stopped': {
      if (!current && isClosed) return state;
      return closeRecording(state, key, at, undefined, event.recordingId);
    }
    case 'recording-error': {
      if (isClosed && !current) return state;
      const target = resolveTarget(state.recordings, event.instanceId);
      if (target === undefined) return { ...state, recordingError: event.error };
      return closeRecording(state, target, at, event.error);
    }
    case 'recording-request-failed': {
      const target = resolveTarget(state.recordings, event.instanceId);
      const session = target === undefined ? undefined : state.recordings[target];
      if (!session || target === undefined) return { ...state, recordingError: event.error };
      if (session.pending === 'start-recording' || (session.status === 'starting' && session.pending === undefined)) {
        return {
          ...state,
          recordings: without(state.recordings, target),
          recordingError: event.error,
        };
      }
      const status = session.status === 'stopping' ? (session.pausedAt === undefined ? 'recording' : 'paused') : session.status;
      return setRecording(state, { ...session, status, pending: undefined, error: event.error });
    }
    default:
      return state;
  }
}

function reduceLiveStream(input: OnAirState, event: OnAirEvent & { instanceId?: string | undefined }): OnAirState {
  let state = input;
  if (
    event.type === 'live-stream-started' ||
    event.type === 'live-stream-updated' ||
    event.type === 'live-stream-stopped' ||
    event.type === 'live-stream-error'
  ) {
    const adopted = adoptPending(state.liveStreams, event.instanceId, 'start-live-stream');
    if (adopted) state = { ...state, liveStreams: { ...adopted.rest, [adopted.session.instanceId]: adopted.session } };
  }
  const at = event.at;
  const key = keyOf(event.instanceId);
  const current = state.liveStreams[key];
  const isClosed = state.closed[liveKey(key)] !== undefined;

  switch (event.type) {
    case 'live-stream-requested': {
      if (event.command === 'start-live-stream') {
        if (current && current.status !== 'error') return state;
        return { ...setLiveStream(state, { ...newLiveStream(key, at), pending: 'start-live-stream' }), liveStreamError: undefined };
      }
      if (!current || current.status === 'stopping') return state;
      return setLiveStream(state, { ...current, status: 'stopping', pending: 'stop-live-stream', error: undefined });
    }
    case 'live-stream-started': {
      const base = current ?? newLiveStream(key, at);
      const status = base.status === 'stopping' || base.status === 'interrupted' ? base.status : 'live';
      return {
        ...setLiveStream(state, {
          ...base,
          status,
          startedAt: event.startedAt ?? (current?.status === 'starting' ? undefined : base.startedAt) ?? at,
          layout: event.layout ?? base.layout,
          pending: base.pending === 'start-live-stream' ? undefined : base.pending,
          error: undefined,
        }),
        liveStreamError: undefined,
      };
    }
    case 'live-stream-updated': {
      if (isClosed && !current) return state;
      const base = current ?? { ...newLiveStream(key, at), status: 'live' as const, startedAt: at };
      const endpointStatus = event.state === 'interrupted' ? 'interrupted' : 'live';
      let endpoints = base.endpoints;
      if (event.endpoint !== undefined) {
        const previous = endpoints[event.endpoint];
        endpoints = {
          ...endpoints,
          [event.endpoint]: {
            endpoint: event.endpoint,
            status: endpointStatus,
            since: previous && previous.status === endpointStatus ? previous.since : at,
          },
        };
      }
      const overall = event.endpoint !== undefined ? overallLiveStatus(endpoints) : endpointStatus;
      const status = base.status === 'stopping' ? 'stopping' : overall;
      const interruptedAt =
        status === 'interrupted' ? (base.status === 'interrupted' ? base.interruptedAt : at) : undefined;
      if (status === base.status && endpoints === base.endpoints && interruptedAt === base.interruptedAt) return state;
      return setLiveStream(state, {
        ...base,
        status,
        endpoints,
        interruptedAt,
        startedAt: base.startedAt ?? at,
        pending: base.pending === 'start-live-stream' ? undefined : base.pending,
      });
    }
    case 'live-stream-stopping': {
      if (!current) return state;
      return setLiveStream(state, { ...current, status: 'stopping' });
    }
    case 'live-stream-stopped': {
      if (!current && isClosed) return state;
      return closeLiveStream(state, key, at);
    }
    case 'live-stream-error': {
      if (isClosed && !current) return state;
      const target = resolveTarget(state.liveStreams, event.instanceId);
      if (target === undefined) return { ...state, liveStreamError: event.error };
      return closeLiveStream(state, target, at, event.error);
    }
    case 'live-stream-warning': {
      const target = resolveTarget(state.liveStreams, event.instanceId);
      const session = target === undefined ? undefined : state.liveStreams[target];
      if (!session) return state;
      return setLiveStream(state, { ...session, warning: event.message });
    }
    case 'live-stream-request-failed': {
      const target = resolveTarget(state.liveStreams, event.instanceId);
      const session = target === undefined ? undefined : state.liveStreams[target];
      if (!session || target === undefined) return { ...state, liveStreamError: event.error };
      if (session.pending === 'start-live-stream' || session.status === 'starting') {
        return { ...state, liveStreams: without(state.liveStreams, target), liveStreamError: event.error };
      }
      const status = session.status === 'stopping' ? overallLiveStatus(session.endpoints) : session.status;
      return setLiveStream(state, { ...session, status, pending: undefined, error: event.error });
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
  const status = PHASE_STATUS[event.phase];
  if (status === undefined) return state;
  const current = state.participantRecordings[event.participantId];
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
  return { ...state, participantRecordings: { ...state.participantRecordings, [event.participantId]: next } };
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
 */
export function reduceOnAir(state: OnAirState, event: OnAirEvent): OnAirState {
  const next = reduceEvent(state, event);
  // A recording that begins from nothing opens a new consent epoch: everyone is asked again.
  if (next !== state && Object.keys(state.recordings).length === 0 && Object.keys(next.recordings).length > 0) {
    return { ...next, consentEpoch: next.consentEpoch + 1 };
  }
  return next;
}

function withoutKey<V>(record: Readonly<Record<string, V>>, key: string): Readonly<Record<string, V>> {
  return key in record ? without(record, key) : record;
}

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
      return reduceRecording(state, event);
    case 'live-stream-requested':
    case 'live-stream-started':
    case 'live-stream-updated':
    case 'live-stream-stopping':
    case 'live-stream-stopped':
    case 'live-stream-error':
    case 'live-stream-warning':
    case 'live-stream-request-failed':
      return reduceLiveStream(state, event);
    case 'state-seeded': {
      let next = state;
      for (const seed of Array.isArray(event.recordings) ? event.recordings : []) {
        const key = keyOf(seed?.instanceId);
        if (next.recordings[key] || next.closed[recKey(key)]) continue;
        next = setRecording(next, {
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
        const key = keyOf(seed?.instanceId);
        if (next.liveStreams[key] || next.closed[liveKey(key)]) continue;
        const status = seed.status ?? 'live';
        next = setLiveStream(next, {
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
      if (state.participantNames[event.participantId] === event.name) return state;
      return { ...state, participantNames: { ...state.participantNames, [event.participantId]: event.name } };
    case 'participant-joined': {
      if (typeof event.participantId !== 'string' || event.participantId.length === 0) return state;
      let next = state;
      if (typeof event.name === 'string' && state.participantNames[event.participantId] !== event.name) {
        next = { ...next, participantNames: { ...next.participantNames, [event.participantId]: event.name } };
      }
      if (typeof event.consent === 'boolean') {
        next = {
          ...next,
          consents: { ...next.consents, [event.participantId]: { consent: event.consent, at: event.at, epoch: next.consentEpoch } },
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
      const previous = state.consents[event.participantId];
      if (previous && previous.consent === event.consent && previous.epoch === state.consentEpoch) return state;
      return {
        ...state,
        consents: { ...state.consents, [event.participantId]: { consent: event.consent, at: event.at, epoch: state.consentEpoch } },
      };
    }
    case 'participant-recording':
      return reduceParticipantRecording(state, event);
    case 'participant-recording-request': {
      if (typeof event.participantId !== 'string' || event.participantId.length === 0) return state;
      const current = state.participantRecordings[event.participantId];
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
      return { ...state, participantRecordings: { ...state.participantRecordings, [event.participantId]: next } };
    }
    case 'session-left':
      return initialOnAirState;
    default:
      return state;
  }
}
