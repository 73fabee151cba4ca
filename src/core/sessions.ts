/**
 * What recordings and live streams share: one life cycle keyed by instance id (open, pending
 * command, close, remember the closed id so a late event cannot reopen it). The recording and the
 * live-stream slices build on it; each spells out only its own events.
 *
 * @packageDocumentation
 */
import type { OnAirEvent } from './events.js';
import {
  DEFAULT_INSTANCE_ID,
  MAX_CLOSED_INSTANCES,
  type ClosedInstance,
  type LiveStreamSession,
  type OnAirError,
  type OnAirState,
  type RecordingSession,
} from './model.js';
import { hasOwnKey, nullRecord, ownValue, sizeOf, withEntry, withoutEntry } from './records.js';

/** @internal */
export type Session = RecordingSession | LiveStreamSession;

/**
 * The differences between the two kinds of session, as data.
 *
 * @internal
 */
export interface SessionKind<S extends Session> {
  /** The state table of open sessions. */
  readonly field: 'recordings' | 'liveStreams';
  /** Prefix of the kind's keys in `state.closed`. */
  readonly prefix: 'recording' | 'live-stream';
  /** The state field of the kind's last error without a session. */
  readonly errorField: 'recordingError' | 'liveStreamError';
  readonly startCommand: 'start-recording' | 'start-live-stream';
  /** A new session at `key`, `starting`. */
  readonly fresh: (key: string, at: number) => S;
  /** The status a session returns to when its stop failed. */
  readonly statusAfterFailedStop: (session: S) => S['status'];
}

/** @internal */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** @internal */
export const closedKey = (kind: { readonly prefix: string }, id: string): string => `${kind.prefix}:${id}`;

/** @internal */
export function keyOf(instanceId: unknown): string {
  return typeof instanceId === 'string' && instanceId.length > 0 ? instanceId : DEFAULT_INSTANCE_ID;
}

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
 *
 * @internal
 */
export function startIsStale(closed: ClosedInstance | undefined, at: number, recordingId?: string): boolean {
  if (!closed) return false;
  if (recordingId !== undefined && closed.recordingId !== undefined) return closed.recordingId === recordingId;
  return closed.beforeStart === true && Math.abs(at - closed.at) <= STOP_BEFORE_START_WINDOW_MS;
}

/**
 * Finds the open session an event refers to: the one at its key, or — when the event names no
 * instance — the only open one. An event that names an instance which is not open targets nothing
 * (it must not end another instance). Returns `undefined` when it is ambiguous.
 *
 * @internal
 */
export function resolveTarget(sessions: Readonly<Record<string, Session>>, instanceId: string | undefined): string | undefined {
  const key = keyOf(instanceId);
  if (hasOwnKey(sessions, key)) return key;
  if (key !== DEFAULT_INSTANCE_ID) return undefined;
  const open = Object.keys(sessions);
  return open.length === 1 ? open[0] : undefined;
}

/** @internal */
export function setSession<S extends Session>(state: OnAirState, kind: SessionKind<S>, session: S): OnAirState {
  return {
    ...state,
    [kind.field]: withEntry<Session>(state[kind.field], session.instanceId, session),
    closed: withoutEntry(state.closed, closedKey(kind, session.instanceId)),
  };
}

/**
 * Closes `key`. `beforeStart`: the close may have overtaken the start it belongs to (a stop for an
 * instance that never opened or never got past `starting`; an error for one that never opened).
 *
 * @internal
 */
export function closeSession<S extends Session>(
  state: OnAirState,
  kind: SessionKind<S>,
  key: string,
  at: number,
  error?: OnAirError,
  recordingId?: string,
  beforeStart = false,
): OnAirState {
  const open = ownValue<Session>(state[kind.field], key) as (Session & { recordingId?: string }) | undefined;
  const closedId = open?.recordingId ?? recordingId;
  const entry: ClosedInstance = { at, ...(closedId === undefined ? {} : { recordingId: closedId }), ...(beforeStart ? { beforeStart: true } : {}) };
  return {
    ...state,
    [kind.field]: withoutEntry<Session>(state[kind.field], key),
    closed: remember(state.closed, closedKey(kind, key), entry),
    [kind.errorField]: error ?? state[kind.errorField],
  };
}

/**
 * Marks a stop-before-start entry as paired with its (swallowed) start.
 *
 * @internal
 */
export function pairStart(state: OnAirState, kind: { readonly prefix: string }, key: string): OnAirState {
  const ck = closedKey(kind, key);
  const closed = ownValue(state.closed, ck);
  if (!closed || closed.beforeStart !== true) return state;
  return { ...state, closed: withEntry(state.closed, ck, { ...closed, beforeStart: undefined }) };
}

/**
 * `pending` once the provider answered the command it waited for.
 *
 * @internal
 */
export const settled = (pending: Session['pending'], command: string): Session['pending'] => (pending === command ? undefined : pending);

/**
 * Where a session event lands: the state (with a pending start moved to the provider's instance id),
 * the event's key, the open session there and the closed entry there.
 *
 * @internal
 */
export interface SessionTarget<S extends Session> {
  readonly state: OnAirState;
  readonly key: string;
  readonly current: S | undefined;
  readonly closedEntry: ClosedInstance | undefined;
}

type SessionEvent = Extract<OnAirEvent, { type: `recording-${string}` | `live-stream-${string}` }>;

/**
 * Locates `event` among the sessions of `kind`. A start sent without an instance id waits at the
 * default key; when the provider answers with an instance id of its own, the pending session moves
 * to that id first.
 *
 * @internal
 */
export function locate<S extends Session>(input: OnAirState, kind: SessionKind<S>, event: SessionEvent): SessionTarget<S> {
  let state = input;
  if (/-(started|updated|stopped|error)$/.test(event.type)) {
    const id = event.instanceId;
    const waiting = ownValue<Session>(state[kind.field], DEFAULT_INSTANCE_ID);
    // A start from here that never ran and was then cancelled ("Cancel" stops it): its stop or error names the provider's id too.
    const cancelledStart =
      waiting !== undefined && /-(stopped|error)$/.test(event.type) && waiting.pending?.startsWith('stop-') === true && (waiting as { readonly startedAt?: number }).startedAt === undefined;
    if (id !== undefined && id !== DEFAULT_INSTANCE_ID && !hasOwnKey(state[kind.field], id) && waiting && (waiting.pending === kind.startCommand || cancelledStart)) {
      state = { ...state, [kind.field]: withEntry<Session>(withoutEntry<Session>(state[kind.field], DEFAULT_INSTANCE_ID), id, { ...waiting, instanceId: id }) };
    }
  }
  const key = keyOf(event.instanceId);
  return {
    state,
    key,
    current: ownValue<Session>(state[kind.field], key) as S | undefined,
    closedEntry: ownValue(state.closed, closedKey(kind, key)),
  };
}

/**
 * A start requested from this browser: opens the session, pending, unless one is already open.
 *
 * @internal
 */
export function requestStart<S extends Session>(target: SessionTarget<S>, kind: SessionKind<S>, at: number): OnAirState {
  const { state, key, current } = target;
  if (current && current.status !== 'error') return state;
  return { ...setSession(state, kind, { ...kind.fresh(key, at), pending: kind.startCommand }), [kind.errorField]: undefined };
}

/**
 * A stop requested from this browser: the open session is `stopping`, pending.
 *
 * @internal
 */
export function requestStop<S extends Session>(target: SessionTarget<S>, kind: SessionKind<S>, command: 'stop-recording' | 'stop-live-stream'): OnAirState {
  const { state, current } = target;
  if (!current || current.status === 'stopping') return state;
  return setSession(state, kind, { ...current, status: 'stopping', pending: command, error: undefined });
}

/**
 * The provider reports the session is stopping.
 *
 * @internal
 */
export function stopping<S extends Session>(target: SessionTarget<S>, kind: SessionKind<S>): OnAirState {
  return target.current ? setSession(target.state, kind, { ...target.current, status: 'stopping' }) : target.state;
}

/**
 * The provider reports the session stopped. A stop that names no instance ends the only open one;
 * otherwise its own (possibly not yet started) instance.
 *
 * @internal
 */
export function stopped<S extends Session>(target: SessionTarget<S>, kind: SessionKind<S>, event: SessionEvent, recordingId?: string): OnAirState {
  const { state, key, current, closedEntry } = target;
  if (!current && closedEntry !== undefined) return state;
  const at = event.at;
  const resolved = resolveTarget(state[kind.field], event.instanceId) ?? key;
  const open = ownValue<Session>(state[kind.field], resolved);
  const early = !open || open.status === 'starting';
  return closeSession(state, kind, resolved, at, undefined, recordingId, early);
}

/**
 * The provider reports the session failed: it closes with the error.
 *
 * @internal
 */
export function errored<S extends Session>(target: SessionTarget<S>, kind: SessionKind<S>, event: SessionEvent & { readonly error: OnAirError }): OnAirState {
  const { state, key, current, closedEntry } = target;
  if (closedEntry !== undefined && !current) return state;
  const resolved = resolveTarget(state[kind.field], event.instanceId);
  if (resolved !== undefined) return closeSession(state, kind, resolved, event.at, event.error);
  // An error for a named instance that never opened here: its start may still come; it must not open.
  if (event.instanceId !== undefined && key !== DEFAULT_INSTANCE_ID) return closeSession(state, kind, key, event.at, event.error, undefined, true);
  return { ...state, [kind.errorField]: event.error };
}

/**
 * A command sent from this browser failed. A start that never got going disappears (a recording
 * whose start was not asked for here stays); a failed stop returns to the status before it.
 *
 * @internal
 */
export function requestFailed<S extends Session>(target: SessionTarget<S>, kind: SessionKind<S>, event: SessionEvent & { readonly error: OnAirError }): OnAirState {
  const { state } = target;
  const isRecording = kind.field === 'recordings';
  const resolved = resolveTarget(state[kind.field], event.instanceId);
  const session: S | undefined = resolved === undefined ? undefined : (ownValue<Session>(state[kind.field], resolved) as S | undefined);
  if (!session || resolved === undefined) return { ...state, [kind.errorField]: event.error };
  if (session.pending === kind.startCommand || (session.status === 'starting' && (!isRecording || session.pending === undefined))) {
    return { ...state, [kind.field]: withoutEntry<Session>(state[kind.field], resolved), [kind.errorField]: event.error };
  }
  const status = session.status === 'stopping' ? kind.statusAfterFailedStop(session) : session.status;
  return setSession(state, kind, { ...session, status, pending: undefined, error: event.error });
}
