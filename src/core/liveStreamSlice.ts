import type { OnAirEvent } from './events.js';
import { maskStreamKeys } from './format.js';
import type { LiveStreamEndpointState, LiveStreamSession, OnAirState } from './model.js';
import { emptyRecord, hasOwnKey, ownValue, sizeOf, withEntry, withoutEntry } from './records.js';
import {
  closedKey,
  errored,
  keyOf,
  locate,
  pairStart,
  requestFailed,
  requestStart,
  requestStop,
  resolveTarget,
  setSession,
  settled,
  startIsStale,
  stopped,
  stopping,
  type Mutable,
  type SessionKind,
} from './sessions.js';
import type { OnAirSlice } from './slice.js';

/** `interrupted` when every destination still served is interrupted; dropped ones no longer count. */
function overallLiveStatus(endpoints: Readonly<Record<string, LiveStreamEndpointState>>): 'live' | 'interrupted' {
  const served = Object.values(endpoints).filter((e) => e.status !== 'dropped');
  return served.length > 0 && served.every((e) => e.status === 'interrupted') ? 'interrupted' : 'live';
}

/** A running stream (live, interrupted or being stopped): a continuing error leaves it open. */
const isUnderway = (session: LiveStreamSession): boolean => session.status === 'live' || session.status === 'interrupted' || session.status === 'stopping';

const LIVE_STREAM: SessionKind<LiveStreamSession> = {
  field: 'liveStreams',
  prefix: 'live-stream',
  errorField: 'liveStreamError',
  startCommand: 'start-live-stream',
  fresh: (key, at): Mutable<LiveStreamSession> => ({ instanceId: key, status: 'starting', endpoints: emptyRecord<LiveStreamEndpointState>(), openedAt: at }),
  statusAfterFailedStop: (session) => overallLiveStatus(session.endpoints),
};

/** A provider's words with the stream key of any RTMP URL they quote masked, before they reach the state (badge, announcer, hooks). */
function masked(event: OnAirEvent): OnAirEvent {
  const text = <T,>(value: T): T => (typeof value === 'string' ? (maskStreamKeys(value) as T) : value);
  if (event.type === 'live-stream-warning') return { ...event, message: text(event.message) };
  if ((event.type === 'live-stream-error' || event.type === 'live-stream-request-failed') && event.error) return { ...event, error: { ...event.error, message: text(event.error.message) } };
  return event;
}

/**
 * A stream's end that leaves nothing running makes an older failure history: the broadcast "ended",
 * not "failed" (OpenTalk: one target dropped, then the others ended). A new failure names the stream
 * it ended (several run side by side: VideoSDK's RTMP out and HLS).
 */
function reduceLiveStreamEvent(input: OnAirState, raw: OnAirEvent): OnAirState {
  const event = masked(raw);
  const next = reduceLiveStreamSession(input, event);
  const error = next.liveStreamError;
  if (event.type === 'live-stream-stopped' && error && sizeOf(input.liveStreams) > 0 && sizeOf(next.liveStreams) === 0) return { ...next, liveStreamError: undefined };
  const id = (event as { instanceId?: unknown }).instanceId;
  return error && error !== input.liveStreamError && error.instanceId === undefined && typeof id === 'string' && id !== '' ? { ...next, liveStreamError: { ...error, instanceId: id } } : next;
}

function reduceLiveStreamSession(input: OnAirState, event: OnAirEvent): OnAirState {
  if (event.type === 'state-seeded') {
    let next = input;
    for (const seed of Array.isArray(event.liveStreams) ? event.liveStreams : []) {
      if (typeof seed !== 'object' || seed === null) continue;
      const key = keyOf(seed.instanceId);
      if (hasOwnKey(next.liveStreams, key) || hasOwnKey(next.closed, closedKey(LIVE_STREAM, key))) continue;
      const status = seed.status ?? 'live';
      next = setSession(next, LIVE_STREAM, {
        ...LIVE_STREAM.fresh(key, event.at),
        status,
        startedAt: seed.startedAt ?? event.at,
        interruptedAt: status === 'interrupted' ? event.at : undefined,
      });
    }
    return next;
  }
  if (!event.type.startsWith('live-stream-')) return input;
  const sessionEvent = event as Extract<OnAirEvent, { type: `live-stream-${string}` }>;
  const target = locate(input, LIVE_STREAM, sessionEvent);
  const { state, key, current, closedEntry } = target;
  const at = event.at;
  const set = (session: LiveStreamSession): OnAirState => setSession(state, LIVE_STREAM, session);

  switch (event.type) {
    case 'live-stream-requested':
      return event.command === 'start-live-stream' ? requestStart(target, LIVE_STREAM, at) : requestStop(target, LIVE_STREAM, 'stop-live-stream');
    case 'live-stream-started': {
      if (!current && startIsStale(closedEntry, at)) return pairStart(state, LIVE_STREAM, key);
      const base = current ?? LIVE_STREAM.fresh(key, at);
      return {
        ...set({
          ...base,
          status: base.status === 'stopping' || base.status === 'interrupted' ? base.status : 'live',
          startedAt: event.startedAt ?? (current?.status === 'starting' ? undefined : base.startedAt) ?? at,
          layout: event.layout ?? base.layout,
          pending: settled(base.pending, 'start-live-stream'),
          error: undefined,
        }),
        liveStreamError: undefined,
      };
    }
    case 'live-stream-updated': {
      if (closedEntry !== undefined && !current) return state;
      const base = current ?? { ...LIVE_STREAM.fresh(key, at), status: 'live' as const, startedAt: at };
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
      const interruptedAt = status === 'interrupted' ? (base.status === 'interrupted' ? base.interruptedAt : at) : undefined;
      if (status === base.status && endpoints === base.endpoints && interruptedAt === base.interruptedAt) return state;
      return set({ ...base, status, endpoints, interruptedAt, startedAt: base.startedAt ?? at, pending: settled(base.pending, 'start-live-stream') });
    }
    case 'live-stream-endpoints-removed': {
      if (!current || !Array.isArray(event.endpoints)) return state;
      let endpoints = current.endpoints;
      for (const endpoint of event.endpoints) if (typeof endpoint === 'string') endpoints = withoutEntry(endpoints, endpoint);
      if (endpoints === current.endpoints) return state;
      const overall = sizeOf(endpoints) > 0 ? overallLiveStatus(endpoints) : current.status;
      const status = current.status === 'live' || current.status === 'interrupted' ? overall : current.status;
      return set({ ...current, endpoints, status, interruptedAt: status === 'interrupted' ? (current.status === 'interrupted' ? current.interruptedAt : at) : undefined });
    }
    case 'live-stream-stopping':
      return stopping(target, LIVE_STREAM);
    case 'live-stream-stopped':
      return stopped(target, LIVE_STREAM, sessionEvent);
    case 'live-stream-error': {
      if (event.continues === true) {
        // Daily: more streaming events may follow. A stream under way stays as it is, with the error.
        const resolved = resolveTarget(state.liveStreams, event.instanceId);
        const session = resolved === undefined ? undefined : ownValue(state.liveStreams, resolved);
        if (session && isUnderway(session)) return set({ ...session, error: event.error });
      }
      return errored(target, LIVE_STREAM, event);
    }
    case 'live-stream-warning': {
      const resolved = resolveTarget(state.liveStreams, event.instanceId);
      const session = resolved === undefined ? undefined : ownValue(state.liveStreams, resolved);
      if (!session) return state;
      let endpoints = session.endpoints;
      for (const endpoint of Array.isArray(event.endpoints) ? event.endpoints : []) {
        if (typeof endpoint !== 'string' || endpoint.length === 0 || ownValue(endpoints, endpoint)?.status === 'dropped') continue;
        endpoints = withEntry(endpoints, endpoint, { endpoint, status: 'dropped', since: at });
      }
      const status = endpoints !== session.endpoints && (session.status === 'live' || session.status === 'interrupted') ? overallLiveStatus(endpoints) : session.status;
      const interruptedAt = status === 'interrupted' ? (session.status === 'interrupted' ? session.interruptedAt : at) : undefined;
      return set({ ...session, warning: typeof event.message === 'string' ? event.message : session.warning, endpoints, status, interruptedAt });
    }
    case 'live-stream-info': {
      const resolved = resolveTarget(state.liveStreams, event.instanceId);
      const session = resolved === undefined ? undefined : ownValue(state.liveStreams, resolved);
      if (!session) return state;
      const count = event.viewerCount;
      const viewerCount = typeof count === 'number' && Number.isFinite(count) && count >= 0 ? Math.floor(count) : session.viewerCount;
      const playbackUrl = typeof event.playbackUrl === 'string' && event.playbackUrl.length > 0 ? event.playbackUrl : session.playbackUrl;
      if (viewerCount === session.viewerCount && playbackUrl === session.playbackUrl) return state;
      return set({ ...session, viewerCount, playbackUrl });
    }
    case 'live-stream-request-failed':
      return requestFailed(target, LIVE_STREAM, event);
    default:
      return state;
  }
}

/**
 * The live-stream slice: `live-stream-*` events and the live streams of `state-seeded`.
 *
 * @example
 * ```ts
 * import { liveStreamSlice } from 'onair-react/advanced';
 *
 * const state = liveStreamSlice.reduce(initialOnAirState, { type: 'live-stream-started', at: Date.now() });
 * state.liveStreams.default?.status; // "live"
 * ```
 *
 * @beta
 */
export const liveStreamSlice: OnAirSlice = {
  name: 'live-stream',
  types: [
    'live-stream-requested',
    'live-stream-started',
    'live-stream-updated',
    'live-stream-endpoints-removed',
    'live-stream-stopping',
    'live-stream-stopped',
    'live-stream-error',
    'live-stream-warning',
    'live-stream-info',
    'live-stream-request-failed',
    'state-seeded',
  ],
  reduce: reduceLiveStreamEvent,
};
