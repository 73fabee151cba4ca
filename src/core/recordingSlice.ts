import type { OnAirEvent } from './events.js';
import type { OnAirState, RecordingSession } from './model.js';
import { hasOwnKey } from './records.js';
import {
  closedKey,
  errored,
  keyOf,
  locate,
  pairStart,
  requestFailed,
  requestStart,
  requestStop,
  setSession,
  settled,
  startIsStale,
  stopped,
  stopping,
  type Mutable,
  type SessionKind,
} from './sessions.js';
import type { OnAirSlice } from './slice.js';

const RECORDING: SessionKind<RecordingSession> = {
  field: 'recordings',
  prefix: 'recording',
  errorField: 'recordingError',
  startCommand: 'start-recording',
  fresh: (key, at): Mutable<RecordingSession> => ({ instanceId: key, status: 'starting', pausedMs: 0, openedAt: at }),
  statusAfterFailedStop: (session) => (session.pausedAt === undefined ? 'recording' : 'paused'),
};

/** A usable `recordedParticipants` value (`'all'` or an array of strings), else `undefined`. */
function audienceOf(value: unknown): RecordingSession['recordedParticipants'] {
  if (value === 'all') return value;
  return Array.isArray(value) && value.every((id) => typeof id === 'string') ? (value as readonly string[]) : undefined;
}

function reduceRecordingEvent(input: OnAirState, event: OnAirEvent): OnAirState {
  if (event.type === 'state-seeded') {
    let next = input;
    for (const seed of Array.isArray(event.recordings) ? event.recordings : []) {
      if (typeof seed !== 'object' || seed === null) continue;
      const key = keyOf(seed.instanceId);
      if (hasOwnKey(next.recordings, key) || hasOwnKey(next.closed, closedKey(RECORDING, key))) continue;
      next = setSession(next, RECORDING, {
        ...RECORDING.fresh(key, event.at),
        status: seed.status ?? 'recording',
        recordingId: seed.recordingId,
        type: seed.recordingType,
        startedBy: seed.startedBy,
        startedAt: seed.startedAt ?? event.at,
        local: seed.local,
        pausedAt: seed.status === 'paused' ? event.at : undefined,
      });
    }
    return next;
  }
  if (!event.type.startsWith('recording-')) return input;
  const sessionEvent = event as Extract<OnAirEvent, { type: `recording-${string}` }>;
  const target = locate(input, RECORDING, sessionEvent);
  const { state, key, current, closedEntry } = target;
  const at = event.at;
  const set = (session: RecordingSession): OnAirState => setSession(state, RECORDING, session);

  switch (event.type) {
    case 'recording-requested': {
      if (event.command === 'start-recording') return requestStart(target, RECORDING, at);
      if (!current) return state;
      if (event.command === 'stop-recording') return requestStop(target, RECORDING, 'stop-recording');
      if (event.command === 'pause-recording' && current.status !== 'recording') return state;
      if (event.command === 'resume-recording' && current.status !== 'paused') return state;
      return set({ ...current, pending: event.command, error: undefined });
    }
    case 'recording-starting': {
      if (current) return current.status === 'starting' ? set({ ...current, startedBy: event.startedBy ?? current.startedBy }) : state;
      if (startIsStale(closedEntry, at)) return state;
      return { ...set({ ...RECORDING.fresh(key, at), startedBy: event.startedBy }), recordingError: undefined };
    }
    case 'recording-started': {
      if (!current && startIsStale(closedEntry, at, event.recordingId)) return pairStart(state, RECORDING, key);
      const base = current ?? RECORDING.fresh(key, at);
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
          pending: settled(base.pending, 'start-recording'),
          error: undefined,
        }),
        recordingError: undefined,
      };
    }
    case 'recording-paused': {
      if (closedEntry !== undefined && !current) return state;
      const base = current ?? { ...RECORDING.fresh(key, at), status: 'recording' as const, startedAt: at };
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
      if (!current) return state;
      return set({
        ...current,
        status: current.status === 'paused' ? 'recording' : current.status,
        pausedAt: undefined,
        pausedMs: current.pausedAt === undefined ? current.pausedMs : current.pausedMs + Math.max(0, at - current.pausedAt),
        pending: settled(current.pending, 'resume-recording'),
      });
    }
    case 'recording-stopping':
      return stopping(target, RECORDING);
    case 'recording-stopped':
      return stopped(target, RECORDING, sessionEvent, event.recordingId);
    case 'recording-error':
      return errored(target, RECORDING, event);
    case 'recording-request-failed':
      return requestFailed(target, RECORDING, event);
    default:
      return state;
  }
}

/**
 * The recording slice: `recording-*` events and the recordings of `state-seeded`. A recording that
 * begins from nothing opens a new consent epoch (everyone is asked again).
 *
 * @example
 * ```ts
 * import { recordingSlice } from 'onair-react/advanced';
 *
 * const state = recordingSlice.reduce(initialOnAirState, { type: 'recording-started', at: Date.now() });
 * state.recordings.default?.status; // "recording"
 * ```
 *
 * @beta
 */
export const recordingSlice: OnAirSlice = {
  name: 'recording',
  types: [
    'recording-requested',
    'recording-starting',
    'recording-started',
    'recording-paused',
    'recording-resumed',
    'recording-stopping',
    'recording-stopped',
    'recording-error',
    'recording-request-failed',
    'state-seeded',
  ],
  reduce(state, event) {
    const next = reduceRecordingEvent(state, event);
    if (next !== state && Object.keys(state.recordings).length === 0 && Object.keys(next.recordings).length > 0) {
      return { ...next, consentEpoch: next.consentEpoch + 1 };
    }
    return next;
  },
};

