import { useCallback, useMemo } from 'react';
import { useStore } from 'zustand';
import type { InstanceOptions, LiveStreamEndpointsOptions, StartLiveStreamOptions, UpdateLayoutOptions } from '../core/adapter.js';
import type { LiveStreamEndpointState, LiveStreamSession, LiveStreamStatus, OnAirError } from '../core/model.js';
import { isLiveStreamRunning } from '../core/status.js';
import {
  effectiveRole,
  liveStreamPermissions,
  liveStreamStatusOf,
  selectLiveStreamSession,
  type LiveStreamPermissions,
} from '../core/selectors.js';
import { useOnAirContext } from './OnAirContext.js';
import { LIVE_STREAM_SLICES, useSlices } from './useSlices.js';

/**
 * Options of {@link useLiveStream}.
 *
 * @public
 */
export interface UseLiveStreamOptions {
  /** Follow one instance; without it, the most relevant open stream. */
  readonly instanceId?: string | undefined;
}

/**
 * What {@link useLiveStream} returns.
 *
 * @public
 */
export interface UseLiveStreamResult {
  readonly status: LiveStreamStatus;
  /** `true` while live or interrupted (the stream exists). */
  readonly isLive: boolean;
  readonly instanceId: string | undefined;
  /** Epoch ms the stream went live. */
  readonly startedAt: number | undefined;
  /** Epoch ms of the current interruption. */
  readonly interruptedAt: number | undefined;
  /** Per-endpoint detail, in arrival order, when the provider names endpoints. */
  readonly endpoints: readonly LiveStreamEndpointState[];
  /** The last non-fatal warning. */
  readonly warning: string | undefined;
  /** Viewers now, when the provider counts them (RealtimeKit meeting SDK); `undefined` otherwise. */
  readonly viewerCount: number | undefined;
  /** Where viewers watch the stream, when the provider says (RealtimeKit `playbackUrl`); link it only through `safeHttpUrl`. */
  readonly playbackUrl: string | undefined;
  readonly error: OnAirError | undefined;
  readonly can: LiveStreamPermissions;
  readonly session: LiveStreamSession | undefined;
  readonly sessions: readonly LiveStreamSession[];
  /** Starts streaming to an RTMP URL or configured endpoints. Resolves when live; rejects with the reason. */
  start(options: StartLiveStreamOptions): Promise<void>;
  stop(options?: InstanceOptions): Promise<void>;
  /** Changes the stream's layout (when `can.update`; Daily `updateLiveStreaming`). Rejects with the reason. */
  update(options: UpdateLayoutOptions): Promise<void>;
  /** Adds endpoints to the running stream (when `can.editEndpoints`; Daily `addLiveStreamingEndpoints`). */
  addEndpoints(endpoints: readonly string[], options?: InstanceOptions): Promise<void>;
  /** Removes endpoints from the running stream (when `can.editEndpoints`; Daily `removeLiveStreamingEndpoints`). */
  removeEndpoints(endpoints: readonly string[], options?: InstanceOptions): Promise<void>;
}

const NO_ENDPOINTS: readonly LiveStreamEndpointState[] = Object.freeze([]);

/**
 * The live-stream state of the meeting and the actions on it. Re-renders only when the
 * live-stream slice changes.
 *
 * @example
 * ```tsx
 * const { status, start, stop } = useLiveStream();
 * <button onClick={() => (status === 'idle' ? start({ rtmpUrl: url }) : stop()).catch(() => {})}>…</button>
 * ```
 *
 * @public
 */
export function useLiveStream(options: UseLiveStreamOptions = {}): UseLiveStreamResult {
  const { store, actions, capabilities, role } = useOnAirContext();
  useSlices(store, LIVE_STREAM_SLICES);
  const { instanceId } = options;
  const session = useStore(store.state, (s) => selectLiveStreamSession(s, instanceId));
  const streams = useStore(store.state, (s) => s.liveStreams);
  // Another stream's failure is not this one's (VideoSDK's RTMP out and HLS run side by side).
  const lastError = useStore(store.state, (s) =>
    instanceId === undefined || s.liveStreamError?.instanceId === undefined || s.liveStreamError.instanceId === instanceId ? s.liveStreamError : undefined,
  );
  const providerRole = useStore(store.state, (s) => s.providerRole);
  const providerAllows = useStore(store.state, (s) => s.providerPermissions?.liveStream);
  const disabled = useStore(store.state, (s) => s.providerDisabled?.liveStream === true);
  const target = instanceId ?? session?.instanceId;

  const start = useCallback(
    (opts: StartLiveStreamOptions) => actions.startLiveStream({ instanceId, ...opts }),
    [actions, instanceId],
  );
  const stop = useCallback((opts?: InstanceOptions) => actions.stopLiveStream({ instanceId: target, ...opts }), [actions, target]);
  const update = useCallback((opts: UpdateLayoutOptions) => actions.updateLiveStream({ instanceId: target, ...opts }), [actions, target]);
  const addEndpoints = useCallback(
    (endpoints: readonly string[], opts?: InstanceOptions) =>
      actions.addLiveStreamEndpoints({ instanceId: target, ...opts, endpoints } satisfies LiveStreamEndpointsOptions),
    [actions, target],
  );
  const removeEndpoints = useCallback(
    (endpoints: readonly string[], opts?: InstanceOptions) =>
      actions.removeLiveStreamEndpoints({ instanceId: target, ...opts, endpoints } satisfies LiveStreamEndpointsOptions),
    [actions, target],
  );

  return useMemo(() => {
    const status = liveStreamStatusOf(session, lastError);
    const endpoints = session ? Object.values(session.endpoints) : NO_ENDPOINTS;
    return {
      status,
      isLive: isLiveStreamRunning(status),
      instanceId: session?.instanceId,
      startedAt: session?.startedAt,
      interruptedAt: session?.interruptedAt,
      endpoints,
      warning: session?.warning,
      viewerCount: session?.viewerCount,
      playbackUrl: session?.playbackUrl,
      error: session ? session.error : lastError,
      can: liveStreamPermissions(capabilities, effectiveRole(role, providerAllows === true ? undefined : providerRole), status, disabled, providerAllows),
      session,
      sessions: Object.values(streams).sort((a, b) => a.openedAt - b.openedAt),
      start,
      stop,
      update,
      addEndpoints,
      removeEndpoints,
    };
  }, [session, streams, lastError, providerRole, providerAllows, disabled, capabilities, role, start, stop, update, addEndpoints, removeEndpoints]);
}
