import { useCallback, useId, useMemo, useRef, useState } from 'react';
import {
  LIVE_STREAM_PLATFORMS,
  rtmpUrlOf,
  validateLiveStreamDestination,
  type LiveStreamDestinationProblem,
  type LiveStreamPlatform,
} from '../core/liveStreamDestinations.js';
import { maskStreamKeys } from '../core/format.js';
import { useLiveStream, type UseLiveStreamResult } from './useLiveStream.js';
import { useOnAirEvent } from './useOnAirEvent.js';

/**
 * A destination configured on the server (its URL and stream key held there): the browser names it
 * by `id` and never sees its key — OpenTalk's stream targets, Daily's `streaming_endpoints`, a
 * route's `destinations`.
 *
 * @public
 */
export interface LiveStreamServerDestination {
  /** The provider's id (OpenTalk target id, Daily endpoint name, a route's destination id). */
  readonly id: string;
  /** What the person sees ("YouTube"). */
  readonly name: string;
  /** The preset it belongs to, for its look. Default `custom`. */
  readonly platform?: LiveStreamPlatform | undefined;
  /** Where it goes, if the app wants to show it (never a key). */
  readonly server?: string | undefined;
}

/**
 * Options of {@link useLiveStreamDestinations}.
 *
 * @public
 */
export interface UseLiveStreamDestinationsOptions {
  /**
   * Destinations held by the server: listed with their status, started by id; no key form. Without
   * it, the person enters server and key in the browser (providers whose client API takes the URL: Daily).
   */
  readonly destinations?: readonly LiveStreamServerDestination[] | undefined;
  /**
   * The stream the destinations go out on, where the provider runs several side by side (VideoSDK:
   * `VIDEOSDK_RTMP_INSTANCE`, beside its HLS): the rows, Go live and End follow that stream only.
   * Default: the meeting's most relevant stream.
   */
  readonly instanceId?: string | undefined;
}

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
  /** Configured on the server (named by id; its key never in the browser). */
  readonly heldByServer: boolean;
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
  /** The stream runs and the participant may end it. */
  readonly canStop: boolean;
  /** Why the last start failed (a refused stream key …), the provider's words with any stream key masked. */
  readonly startError: string | undefined;
  /** The destinations are held by the server: no key form. */
  readonly heldByServer: boolean;
}

const NO_SESSIONS: UseLiveStreamResult['sessions'] = Object.freeze([]);

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
 *
 * // Keys held by the server (OpenTalk targets): named by id.
 * const held = useLiveStreamDestinations({ destinations: [{ id: 'target-youtube', name: 'YouTube', platform: 'youtube' }] });
 *
 * // VideoSDK: the route's destinations (`listed = await client.listLiveStreamDestinations()`), on its RTMP stream.
 * const rtmp = useLiveStreamDestinations({ destinations: listed, instanceId: VIDEOSDK_RTMP_INSTANCE });
 * ```
 *
 * @public
 */
export function useLiveStreamDestinations(options: UseLiveStreamDestinationsOptions = {}): UseLiveStreamDestinationsResult {
  const stream = options.instanceId;
  const live = useLiveStream({ instanceId: stream });
  const configured = options.destinations;
  const heldByServer = configured !== undefined;
  const keys = useRef(new Map<string, string>());
  const prefix = useId();
  const counter = useRef(0);
  const [list, setList] = useState<ReadonlyArray<Omit<LiveStreamDestinationEntry, 'status' | 'reason'>>>([]);
  const [platform, setPlatformState] = useState<LiveStreamPlatform>('youtube');
  const [server, setServer] = useState(LIVE_STREAM_PLATFORMS[0]!.server);
  const [showKey, setShowKey] = useState(false);
  const [wasLive, setWasLive] = useState(false);
  if (live.isLive && !wasLive) setWasLive(true);

  const urlOf = useCallback((id: string, entryServer: string) => (keys.current.has(id) ? rtmpUrlOf(entryServer, keys.current.get(id) ?? '') : id), []);
  /** A provider's words with every stream key entered here masked (a provider may quote the URL). */
  const redact = useCallback((text: string | undefined): string | undefined => {
    if (text === undefined) return undefined;
    let out = maskStreamKeys(text);
    for (const key of keys.current.values()) {
      if (key.length === 0) continue;
      for (const form of new Set([key, encodeURIComponent(key)])) out = out.split(form).join('•••');
    }
    return out;
  }, []);
  const serverList = useMemo(
    () =>
      (configured ?? []).map((d) => ({
        id: d.id,
        platform: d.platform ?? ('custom' as const),
        name: d.name,
        server: d.server ?? '',
        heldByServer: true,
      })),
    [configured],
  );
  const entries = heldByServer ? serverList : list;

  // Providers that run one stream per destination (OpenTalk targets): what became of each, from
  // the events that name it (the state keeps no closed stream's reason).
  type Ended = { readonly status: 'dropped' | 'stopped' | 'refused'; readonly reason: string | undefined };
  const wentLive = useRef(new Set<string>());
  const [ended, setEnded] = useState<ReadonlyMap<string, Ended>>(() => new Map());
  const ownIds = useMemo(() => new Set(entries.map((entry) => entry.id)), [entries]);
  const mark = useCallback((id: string, value: Ended | undefined) => {
    setEnded((current) => {
      if (value === undefined && !current.has(id)) return current;
      const next = new Map(current);
      if (value === undefined) next.delete(id);
      else next.set(id, value);
      return next;
    });
  }, []);
  useOnAirEvent('*', (event) => {
    // On one named stream, no destination is a stream of its own (an id "hls" is not VideoSDK's HLS).
    if (stream !== undefined) return;
    const id = 'instanceId' in event ? event.instanceId : undefined;
    if (typeof id !== 'string' || !ownIds.has(id)) return;
    if (event.type === 'live-stream-requested' || event.type === 'live-stream-started' || event.type === 'live-stream-updated') {
      if (event.type !== 'live-stream-requested') wentLive.current.add(id);
      mark(id, undefined);
    } else if (event.type === 'live-stream-error') {
      mark(id, { status: wentLive.current.has(id) ? 'dropped' : 'refused', reason: event.error.message });
      wentLive.current.delete(id);
    } else if (event.type === 'live-stream-stopped') {
      if (wentLive.current.has(id)) mark(id, { status: 'stopped', reason: undefined });
      wentLive.current.delete(id);
    }
  });
  const sessions = stream === undefined ? live.sessions : NO_SESSIONS;

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
      const entry = { id, platform, name: preset.name, server: server.trim(), heldByServer: false };
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
  const start = useCallback(
    () => (heldByServer ? live.start({ endpoints: serverList.map((entry) => entry.id) }) : live.start({ rtmpUrl: list.map((entry) => urlOf(entry.id, entry.server)) })),
    [live, list, urlOf, heldByServer, serverList],
  );


  // One stream per destination (OpenTalk targets): end each that runs; otherwise the one stream.
  const stop = useCallback(() => {
    const own = sessions.filter((item) => ownIds.has(item.instanceId));
    if (own.length === 0) return live.stop();
    return Promise.all(own.map((item) => live.stop({ instanceId: item.instanceId }))).then(() => undefined);
  }, [live, sessions, ownIds]);
  const perDestination = entries.some((entry) => sessions.some((item) => item.instanceId === entry.id) || ended.has(entry.id));
  const destinations = useMemo(
    () =>
      entries.map((entry): LiveStreamDestinationEntry => {
        const base = { id: entry.id, platform: entry.platform, name: entry.name, server: entry.server, heldByServer: entry.heldByServer };
        const own = sessions.find((item) => item.instanceId === entry.id);
        if (own) {
          const status: LiveStreamDestinationStatus = own.status === 'live' || own.status === 'stopping' ? 'live' : 'connecting';
          return { ...base, status, reason: undefined };
        }
        const gone = ended.get(entry.id);
        if (gone) return { ...base, status: gone.status === 'refused' ? 'ready' : gone.status, reason: redact(gone.reason) };
        if (perDestination) return { ...base, status: 'ready', reason: undefined };
        const url = urlOf(entry.id, entry.server);
        // The provider names an endpoint by its URL (or the server part of it).
        const reported = live.endpoints.find((e) => e.endpoint === url || (e.endpoint.length > 0 && url.startsWith(e.endpoint)));
        let status: LiveStreamDestinationStatus = 'ready';
        let reason: string | undefined;
        if (reported?.status === 'dropped') {
          status = 'dropped';
          reason = redact(live.warning);
        } else if (live.status === 'starting' || reported?.status === 'interrupted' || live.status === 'interrupted') status = 'connecting';
        else if (live.status === 'live') status = 'live';
        else if (wasLive) status = 'stopped';
        return { ...base, status, reason };
      }),
    [entries, sessions, ended, perDestination, live.endpoints, live.status, live.warning, wasLive, urlOf, redact],
  );
  const refused = [...ended.values()].find((item) => item.status === 'refused');
  const startError = redact(live.status === 'error' ? live.error?.message : refused?.reason);

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
    canStart: live.can.start && entries.length > 0 && !live.isLive,
    canStop: live.isLive && live.can.stop,
    startError,
    heldByServer,
  };
}
