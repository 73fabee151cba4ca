import type { OnAirEvent } from './events.js';
import { initialOnAirState, type OnAirError, type OnAirState } from './model.js';

/**
 * One feature of the live state (recordings, live streams, consent, participant recordings, the
 * roster): a pure `(state, event) => state` for the event types it names. The store reduces each
 * event with the slices registered on it, so an app bundles only the features it uses; an adapter
 * declares the slices of the events it emits (`OnAirAdapter.slices`) and a hook registers the
 * slice it reads. `reduceOnAir` reduces with all of them.
 *
 * A slice's `reduce` sees only events whose `type` is in its `types`, already checked to be
 * well-formed (an object with a string `type`, a finite `at`, a string `instanceId` if any, and a
 * readable `error` on error events), and returns `state` itself when the event changes nothing.
 *
 * @example
 * ```ts
 * import { recordingSlice, type OnAirSlice } from 'onair-react/advanced';
 *
 * const adapter = {
 *   provider: 'my-sfu',
 *   capabilities,
 *   slices: [recordingSlice] satisfies readonly OnAirSlice[],
 *   connect: (sink) => subscribe(sink),
 * };
 * ```
 *
 * @public
 */
export interface OnAirSlice {
  /** A name for diagnostics (`recording`, `live-stream`, `consent` …). */
  readonly name: string;
  /** The event types this slice reduces. */
  readonly types: readonly OnAirEvent['type'][];
  /** Reduces one event of `types`; pure, total, never throws. */
  readonly reduce: (state: OnAirState, event: OnAirEvent) => OnAirState;
}

/**
 * Event types every store reduces without a slice: joining, a role change, leaving.
 *
 * @internal
 */
export const LIFECYCLE_TYPES: ReadonlySet<string> = new Set(['session-joined', 'role-changed', 'permissions-updated', 'session-left']);

const ERROR_EVENTS = new Set<string>(['recording-error', 'recording-request-failed', 'live-stream-error', 'live-stream-request-failed']);

/**
 * `true` for a well-formed event: an object with a string `type` and a finite `at`, a string
 * `instanceId` when it has one, and a readable `error` on error events.
 *
 * @internal
 */
export function isUsableEvent(value: unknown): value is OnAirEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as { type?: unknown; at?: unknown; instanceId?: unknown; error?: unknown };
  if (typeof event.type !== 'string' || typeof event.at !== 'number' || !Number.isFinite(event.at)) return false;
  if ('instanceId' in event && event.instanceId !== undefined && typeof event.instanceId !== 'string') return false;
  if (!ERROR_EVENTS.has(event.type)) return true;
  const error = event.error;
  return typeof error === 'object' && error !== null && typeof (error as OnAirError).message === 'string';
}

/**
 * The session life cycle every store reduces: who the local participant is, their role and
 * permissions, and the reset on leaving. Returns `undefined` for any other event type.
 *
 * @internal
 */
export function reduceLifecycle(state: OnAirState, event: OnAirEvent): OnAirState | undefined {
  switch (event.type) {
    case 'session-joined':
      return {
        ...state,
        localParticipantId: typeof event.localParticipantId === 'string' ? event.localParticipantId : state.localParticipantId,
        providerRole: event.role ?? state.providerRole,
      };
    case 'role-changed':
      return event.role === state.providerRole ? state : { ...state, providerRole: event.role };
    case 'permissions-updated': {
      const before = state.providerPermissions;
      const pick = (value: unknown, previous: boolean | undefined): boolean | undefined => (typeof value === 'boolean' ? value : previous);
      const recording = 'recording' in event ? pick(event.recording, undefined) : before?.recording;
      const liveStream = 'liveStream' in event ? pick(event.liveStream, undefined) : before?.liveStream;
      if (recording === before?.recording && liveStream === before?.liveStream) return state;
      return { ...state, providerPermissions: { recording, liveStream } };
    }
    case 'session-left':
      return initialOnAirState;
    default:
      return undefined;
  }
}

type Reduce = (state: OnAirState, event: OnAirEvent) => OnAirState;

const lifecycle: Reduce = (state, event) => reduceLifecycle(state, event) ?? state;

/**
 * A reducer made of `slices`: the session life cycle, then every slice that names the event's type,
 * in the order given. An event of a type no slice names (and not of the life cycle) changes nothing.
 *
 * @example
 * ```ts
 * const reduce = composeSlices([recordingSlice, rosterSlice]);
 * const state = reduce(initialOnAirState, { type: 'recording-started', at: Date.now() });
 * ```
 *
 * @internal
 */
export function composeSlices(slices: readonly OnAirSlice[]): Reduce {
  // One function per event type, chained once here rather than looked up on every event.
  const routes = Object.create(null) as Record<string, Reduce>;
  const add = (type: string, reduce: Reduce): void => {
    const before = routes[type];
    routes[type] = before === undefined ? reduce : (state, event) => reduce(before(state, event), event);
  };
  for (const type of LIFECYCLE_TYPES) add(type, lifecycle);
  for (const slice of slices) for (const type of slice.types) add(type, slice.reduce);
  return (state, event) => {
    if (!isUsableEvent(event)) return state;
    const reduce = routes[event.type];
    return reduce === undefined ? state : reduce(state, event);
  };
}
