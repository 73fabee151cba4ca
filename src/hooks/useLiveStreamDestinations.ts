import { useCallback, useId, useMemo, useRef, useState } from 'react';
import {
  LIVE_STREAM_PLATFORMS,
  rtmpUrlOf,
  validateLiveStreamDestination,
  type LiveStreamDestinationProblem,
  type LiveStreamPlatform,
} from '../core/liveStreamDestinations.js';
import { useLiveStream } from './useLiveStream.js';

/**
 * Where one destination is: `ready` (added, not streaming) · `connecting` · `live` · `dropped` (the
 * provider took it off; `reason` says why when the provider does) · `stopped` (the stream ended).
 *
 * @public
 */
export type LiveStreamDestinationStatus = 'ready' | 'connecting' | 'live' | 'dropped' | 'stopped';

/**
 * One destination as the browser keeps it: never its key (held apart, out of React state and the DOM).
 *
 * @public
 */
export interface LiveStreamDestinationEntry {
  /** This list's own id (not the provider's). */
  readonly id: string;
  /** The preset it was entered with. */
  readonly platform: LiveStreamPlatform;
  /** The platform's name ("YouTube"). */
  readonly name: string;
  /** The ingest server (no key). */
  readonly server: string;
  readonly status: LiveStreamDestinationStatus;
  /** Why the provider dropped it (its warning), when `status` is `dropped`. */
  readonly reason: string | undefined;
}

/**
 * What {@link useLiveStreamDestinations} returns.
 *
 * @public
 */
export interface UseLiveStreamDestinationsResult {
  /** The destinations added, in order, each with its status. */
  readonly destinations: readonly LiveStreamDestinationEntry[];
  /** The form's draft: platform, server (filled in from the preset) and whether the key shows. */
  readonly draft: { readonly platform: LiveStreamPlatform; readonly server: string; readonly showKey: boolean };
  readonly setPlatform: (platform: LiveStreamPlatform) => void;
  readonly setServer: (server: string) => void;
  readonly toggleShowKey: () => void;
  /** Adds a destination (the key is read once and kept out of state); added to a running stream where the provider can. */
  readonly add: (key: string) => Promise<LiveStreamDestinationProblem | undefined>;
  /** Removes a destination (and from the running stream where the provider can). */
  readonly remove: (id: string) => Promise<void>;
  /** Goes live to every destination at once. */
  readonly start: () => Promise<void>;
  /** Ends the stream. */
  readonly stop: () => Promise<void>;
  /** The stream is live or interrupted. */
  readonly isLive: boolean;
  /** Destinations can be added and removed while live (Daily, OpenTalk targets). */
  readonly canEditWhileLive: boolean;
  /** There is something to go live to, and the participant may start. */
  readonly canStart: boolean;
}

/**
 * Headless manager of several browser-entered RTMP(S) destinations (YouTube, Twitch, Facebook Live,
 * LinkedIn Live, Kick, custom): presets fill the ingest server in, the stream key is a separate value
 * that is validated per platform and then kept outside React state (never rendered, announced or put
 * in an error), the stream goes live to all of them at once through `useLiveStream().start`, and
 * each destination has a status (connecting, live, dropped with the reason, stopped). Where the
 * provider holds the keys (a route's `destinations`), the app names ids instead.
 *
 * @example
 * ```tsx
 * const d = useLiveStreamDestinations();
 * await d.add(keyInput.value); keyInput.value = '';
 * await d.start();
 * ```
 *
 * @public
 */
export function useLiveStreamDestinations(): UseLiveStreamDestinationsResult {
  const live = useLiveStream();
  const keys = useRef(new Map<string, string>());
  const prefix = useId();
  const counter = useRef(0);
  const [list, setList] = useState<ReadonlyArray<Omit<LiveStreamDestinationEntry, 'status' | 'reason'>>>([]);
  const [platform, setPlatformState] = useState<LiveStreamPlatform>('youtube');
  const [server, setServer] = useState(LIVE_STREAM_PLATFORMS[0]!.server);
  const [showKey, setShowKey] = useState(false);
  const [wasLive, setWasLive] = useState(false);
  if (live.isLive && !wasLive) setWasLive(true);

  const urlOf = useCallback((id: string, entryServer: string) => rtmpUrlOf(entryServer, keys.current.get(id) ?? ''), []);
  const setPlatform = useCallback((next: LiveStreamPlatform) => {
    setPlatformState(next);
    setServer(LIVE_STREAM_PLATFORMS.find((p) => p.platform === next)?.server ?? '');
  }, []);
  const canEditWhileLive = live.can.editEndpoints;

  const add = useCallback(
    async (key: string) => {
      const problem = validateLiveStreamDestination(platform, server, key);
      if (problem) return problem;
      counter.current += 1;
      const id = `${prefix}-${counter.current}`;
      const preset = LIVE_STREAM_PLATFORMS.find((p) => p.platform === platform)!;
      keys.current.set(id, key.trim());
      const entry = { id, platform, name: preset.name, server: server.trim() };
      setList((current) => [...current, entry]);
      if (live.isLive && canEditWhileLive) await live.addEndpoints([urlOf(id, entry.server)]).catch(() => undefined);
      return undefined;
    },
    [platform, server, live, canEditWhileLive, urlOf, prefix],
  );
  const remove = useCallback(
    async (id: string) => {
      const entry = list.find((item) => item.id === id);
      if (!entry) return;
      if (live.isLive && canEditWhileLive) await live.removeEndpoints([urlOf(id, entry.server)]).catch(() => undefined);
      keys.current.delete(id);
      setList((current) => current.filter((item) => item.id !== id));
    },
    [list, live, canEditWhileLive, urlOf],
  );
  const start = useCallback(() => live.start({ rtmpUrl: list.map((entry) => urlOf(entry.id, entry.server)) }), [live, list, urlOf]);
  const stop = useCallback(() => live.stop(), [live]);

  const destinations = useMemo(
    () =>
      list.map((entry): LiveStreamDestinationEntry => {
        const url = urlOf(entry.id, entry.server);
        // The provider names an endpoint by its URL (or the server part of it).
        const reported = live.endpoints.find((e) => e.endpoint === url || (e.endpoint.length > 0 && url.startsWith(e.endpoint)));
        let status: LiveStreamDestinationStatus = 'ready';
        let reason: string | undefined;
        if (reported?.status === 'dropped') {
          status = 'dropped';
          reason = live.warning;
        } else if (live.status === 'starting' || reported?.status === 'interrupted' || live.status === 'interrupted') status = 'connecting';
        else if (live.status === 'live') status = 'live';
        else if (wasLive) status = 'stopped';
        return { ...entry, status, reason };
      }),
    [list, live.endpoints, live.status, live.warning, wasLive, urlOf],
  );

  return {
    destinations,
    draft: { platform, server, showKey },
    setPlatform,
    setServer,
    toggleShowKey: useCallback(() => setShowKey((v) => !v), []),
    add,
    remove,
    start,
    stop,
    isLive: live.isLive,
    canEditWhileLive,
    canStart: live.can.start && list.length > 0 && !live.isLive,
  };
}
