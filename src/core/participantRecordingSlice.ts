import type { OnAirEvent } from './events.js';
import type { OnAirState, ParticipantRecording, RecordingSession } from './model.js';
import { ownValue, withEntry } from './records.js';
import type { OnAirSlice } from './slice.js';

const PHASE_STATUS = {
  starting: 'starting',
  started: 'recording',
  stopping: 'stopping',
  stopped: 'idle',
  failed: 'error',
} as const;

function reducePhase(state: OnAirState, event: Extract<OnAirEvent, { type: 'participant-recording' }>): OnAirState {
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

function reduceRequest(state: OnAirState, event: Extract<OnAirEvent, { type: 'participant-recording-request' }>): OnAirState {
  if (typeof event.participantId !== 'string' || event.participantId.length === 0) return state;
  const current = ownValue(state.participantRecordings, event.participantId);
  let next: ParticipantRecording;
  if (event.error) {
    if (!current) return state;
    const status = current.pending === 'start-recording' ? 'error' : current.pending === 'stop-recording' ? 'recording' : current.status;
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

/**
 * The participant-recording slice: one participant recorded on their own (VideoSDK), from
 * `participant-recording` phases and the `participant-recording-request` of this browser's commands.
 *
 * @example
 * ```ts
 * import { participantRecordingSlice } from 'onair-react/advanced';
 *
 * const state = participantRecordingSlice.reduce(initialOnAirState, { type: 'participant-recording', participantId: 'p1', phase: 'started', at: Date.now() });
 * state.participantRecordings.p1?.status; // "recording"
 * ```
 *
 * @beta
 */
export const participantRecordingSlice: OnAirSlice = {
  name: 'participant-recording',
  types: ['participant-recording', 'participant-recording-request'],
  reduce(state, event) {
    if (event.type === 'participant-recording') return reducePhase(state, event);
    return event.type === 'participant-recording-request' ? reduceRequest(state, event) : state;
  },
};
