import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type RefCallback } from 'react';
import type { LiveStreamSession } from '../core/model.js';
import { selectLiveStreamSession } from '../core/selectors.js';
import { safeHttpUrl } from '../core/url.js';
import { useMaybeOnAirContext } from './OnAirContext.js';
import { LIVE_STREAM_SLICES } from './useSlices.js';

/**
 * Where a viewer's player is:
 * `idle` (no playback URL) · `starting` (a URL, nothing playing yet — the provider's HLS may not be
 * ready; the player keeps asking) · `live` (the stream plays, or is paused by the viewer) ·
 * `reconnecting` (it was live, then stopped arriving; the player retries) · `ended` (the playlist
 * ended, or the provider says the broadcast stopped) · `error` (this browser can play HLS neither
 * natively nor through Media Source Extensions).
 *
 * @public
 */
export type LiveStreamPlayerStatus = 'idle' | 'starting' | 'live' | 'reconnecting' | 'ended' | 'error';

/**
 * What plays the stream: the browser itself (`native`, where `canPlayType('application/vnd.apple.mpegurl')`
 * says so: Safari, iOS, recent Chromium) or `hls.js` over Media Source Extensions, loaded on demand.
 *
 * @public
 */
export type LiveStreamPlayerEngine = 'native' | 'hls.js';

/**
 * Options of {@link useLiveStreamPlayer}.
 *
 * @public
 */
export interface UseLiveStreamPlayerOptions {
  /**
   * Follow this live stream of the provider (its `playbackUrl`, `viewerCount` and end), e.g. VideoSDK's
   * `hls` beside its RTMP out. Default: the most relevant open stream, as `useLiveStream()` picks it.
   */
  readonly instanceId?: string | undefined;
  /** The HLS playback URL (`.m3u8`). Default: the provider's, `useLiveStream().playbackUrl`. Only `http:`/`https:` URLs play. */
  readonly src?: string | undefined;
  /** Viewers now. Default: the provider's count, `useLiveStream().viewerCount`. */
  readonly viewerCount?: number | undefined;
  /** `auto` (default): native where the browser plays HLS, else hls.js. */
  readonly engine?: 'auto' | LiveStreamPlayerEngine | undefined;
  /** Loads hls.js when needed. Default `() => import('hls.js')`; pass `() => import('hls.js/light')` for the smaller build without captions. */
  readonly loadHls?: (() => Promise<{ readonly default: unknown }>) | undefined;
  /** Start playing as soon as the stream is there (muted when the browser refuses sound without a gesture). Default `true`. */
  readonly autoPlay?: boolean | undefined;
  /** The broadcast has ended (the app knows). Default: the provider's stream went from live to stopped. */
  readonly ended?: boolean | undefined;
  /** Seconds behind the live edge from which `behindLive` is `true` (and "Go live" shows). Default 10. */
  readonly liveEdgeToleranceSeconds?: number | undefined;
  /** First wait before asking again after a failure (doubles up to 8×). Default 2000 ms. */
  readonly retryDelayMs?: number | undefined;
  /** No progress for this long while playing: `reconnecting`. Default 4000 ms. */
  readonly stallMs?: number | undefined;
}

/**
 * What {@link useLiveStreamPlayer} returns.
 *
 * @public
 */
export interface UseLiveStreamPlayerResult {
  readonly status: LiveStreamPlayerStatus;
  /** What plays the stream; `undefined` until chosen. */
  readonly engine: LiveStreamPlayerEngine | undefined;
  /** The checked playback URL in use. */
  readonly src: string | undefined;
  readonly paused: boolean;
  readonly muted: boolean;
  /** `true` when the viewer is more than the tolerance behind the live edge. */
  readonly behindLive: boolean;
  /** The stream carries captions or subtitles. */
  readonly captionsAvailable: boolean;
  readonly captionsOn: boolean;
  readonly viewerCount: number | undefined;
  readonly play: () => void;
  readonly pause: () => void;
  readonly togglePaused: () => void;
  readonly toggleMuted: () => void;
  readonly toggleCaptions: () => void;
  /** Jumps to the live edge and plays. */
  readonly goLive: () => void;
  /** Keyboard controls for the player's root: K or Space, M, C, L. */
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  /** Spread on the `<video>` element; the hook attaches the stream itself. */
  readonly mediaProps: {
    readonly ref: RefCallback<HTMLVideoElement>;
    readonly playsInline: true;
    readonly preload: 'auto';
  };
}

/** The part of hls.js the player uses (structural: `hls.js` and `hls.js/light` fit). */
interface HlsInstance {
  loadSource(url: string): void;
  attachMedia(media: HTMLMediaElement): void;
  destroy(): void;
  recoverMediaError(): void;
  on(event: string, listener: (event: string, data: { readonly fatal?: boolean; readonly type?: string }) => void): void;
  readonly liveSyncPosition: number | null;
}
interface HlsConstructor {
  new (config?: Record<string, unknown>): HlsInstance;
  isSupported(): boolean;
}

const HLS_MIME = 'application/vnd.apple.mpegurl';
/** Native failures (before ever playing) after which `auto` tries hls.js. */
const NATIVE_ATTEMPTS = 3;
const loadHlsJs = () => import('hls.js');
const noSubscribe = () => () => undefined;

function isHlsConstructor(value: unknown): value is HlsConstructor {
  return typeof value === 'function' && typeof (value as { isSupported?: unknown }).isSupported === 'function';
}

/** The provider's live stream, when there is a provider (the player also works without one). */
function useMaybeLiveStreamSession(instanceId: string | undefined): LiveStreamSession | undefined {
  const context = useMaybeOnAirContext();
  const store = context?.store;
  useEffect(() => store?.addSlices(LIVE_STREAM_SLICES), [store]);
  const subscribe = store ? store.state.subscribe : noSubscribe;
  const read = () => (store ? selectLiveStreamSession(store.state.getState(), instanceId) : undefined);
  return useSyncExternalStore(subscribe, read, read);
}

function captionTracks(element: HTMLMediaElement): TextTrack[] {
  return Array.from(element.textTracks).filter((track) => track.kind === 'captions' || track.kind === 'subtitles');
}

/**
 * Headless viewer of a live broadcast over HLS: plays the provider's playback URL natively where the
 * browser plays HLS, otherwise through hls.js, imported only when a player mounts (an app that never
 * renders one carries none of it). Reports `starting` / `live` / `reconnecting` / `ended`, keeps
 * asking while the provider's HLS is not ready yet and after the stream drops, knows when the viewer
 * is behind the live edge (`goLive()`), and exposes captions when the stream carries them. Inside
 * an `OnAirProvider` it follows `useLiveStream()` (`playbackUrl`, `viewerCount`, the end of the
 * broadcast); outside one, give it `src`.
 *
 * @example
 * ```tsx
 * import { useLiveStreamPlayer } from 'onair-react';
 *
 * function Watch({ url }: { url: string }) {
 *   const player = useLiveStreamPlayer({ src: url });
 *   return (
 *     <section aria-label="Live stream" tabIndex={0} onKeyDown={player.onKeyDown}>
 *       <video {...player.mediaProps} />
 *       <p role="status">{player.status}</p>
 *       {player.behindLive ? <button type="button" onClick={player.goLive}>Go live</button> : null}
 *     </section>
 *   );
 * }
 * ```
 *
 * @public
 */
export function useLiveStreamPlayer(options: UseLiveStreamPlayerOptions = {}): UseLiveStreamPlayerResult {
  const session = useMaybeLiveStreamSession(options.instanceId);
  const viewerCount = options.viewerCount ?? session?.viewerCount;
  const wanted = options.engine ?? 'auto';
  const autoPlay = options.autoPlay ?? true;
  const tolerance = options.liveEdgeToleranceSeconds ?? 10;
  const retryDelayMs = options.retryDelayMs ?? 2_000;
  const stallMs = options.stallMs ?? 4_000;
  const loadHls = options.loadHls ?? loadHlsJs;

  // The provider's broadcast went from running to stopped while this player watched it.
  const providerStatus = session?.status;
  const sawProviderLive = useRef(false);
  if (providerStatus === 'live' || providerStatus === 'interrupted') sawProviderLive.current = true;
  const providerEnded = sawProviderLive.current && (providerStatus === undefined || providerStatus === 'idle' || providerStatus === 'stopping');
  const ended = options.ended ?? providerEnded;
  // A stream the provider ended is gone from the state with its URL: the player keeps the last one to say "ended".
  const lastProviderUrl = useRef<string | undefined>(undefined);
  if (session?.playbackUrl !== undefined) lastProviderUrl.current = session.playbackUrl;
  const src = safeHttpUrl(options.src ?? session?.playbackUrl ?? (providerEnded ? lastProviderUrl.current : undefined));

  const [element, setElement] = useState<HTMLVideoElement | null>(null);
  const ref = useCallback<RefCallback<HTMLVideoElement>>((node) => setElement(node), []);
  const [phase, setPhase] = useState<'starting' | 'live' | 'reconnecting' | 'ended' | 'error'>('starting');
  const [engine, setEngine] = useState<LiveStreamPlayerEngine | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  // `auto` chose native and the browser could not play this stream before it ever played: hls.js.
  const [nativeFailed, setNativeFailed] = useState(false);
  const engineRef = useRef<LiveStreamPlayerEngine | undefined>(undefined);
  const nativeFailures = useRef(0);
  const [paused, setPaused] = useState(true);
  const [muted, setMuted] = useState(false);
  const [behindLive, setBehindLive] = useState(false);
  const [captions, setCaptions] = useState({ available: false, on: false });
  const hlsRef = useRef<HlsInstance | undefined>(undefined);
  const failures = useRef(0);
  const everLive = useRef(false);
  const loadRef = useRef(loadHls);
  loadRef.current = loadHls;

  // A new URL starts over.
  useEffect(() => {
    setPhase('starting');
    setNativeFailed(false);
    nativeFailures.current = 0;
    everLive.current = false;
    failures.current = 0;
  }, [src]);

  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** Something failed: ask again later (starting stays starting; live becomes reconnecting). */
  const retry = useCallback(() => {
    setPhase((current) => (current === 'ended' || current === 'error' ? current : everLive.current ? 'reconnecting' : 'starting'));
    if (retryTimer.current !== undefined) return;
    const delay = retryDelayMs * 2 ** Math.min(failures.current, 3);
    failures.current += 1;
    retryTimer.current = setTimeout(() => {
      retryTimer.current = undefined;
      setAttempt((n) => n + 1);
    }, delay);
  }, [retryDelayMs]);
  useEffect(() => () => clearTimeout(retryTimer.current), []);

  // Attach the stream to the element (again on each retry).
  useEffect(() => {
    if (!element || !src || ended) return undefined;
    let cancelled = false;
    const native = wanted === 'native' || (wanted === 'auto' && !nativeFailed && element.canPlayType(HLS_MIME) !== '');
    engineRef.current = native ? 'native' : 'hls.js';
    const start = () => {
      if (!autoPlay || cancelled) return;
      element.play().catch((error: unknown) => {
        // No sound without a gesture: play muted; the viewer unmutes.
        if (cancelled || !(error instanceof DOMException) || error.name !== 'NotAllowedError') return;
        element.muted = true;
        element.play().catch(() => undefined);
      });
    };
    if (native) {
      setEngine('native');
      element.src = src;
      element.load();
      start();
      return () => {
        cancelled = true;
        element.removeAttribute('src');
        element.load();
      };
    }
    setEngine('hls.js');
    loadRef
      .current()
      .then((module) => {
        if (cancelled) return;
        const Hls = module.default;
        if (!isHlsConstructor(Hls) || !Hls.isSupported()) {
          setPhase('error');
          return;
        }
        const hls = new Hls({ backBufferLength: 30 });
        hlsRef.current = hls;
        hls.on('hlsError', (_event, data) => {
          if (cancelled) return;
          if (data.type === 'networkError') {
            if (data.fatal) retry();
            else if (everLive.current) setPhase((current) => (current === 'live' ? 'reconnecting' : current));
          } else if (data.fatal && data.type === 'mediaError') {
            hls.recoverMediaError();
          } else if (data.fatal) {
            retry();
          }
        });
        hls.loadSource(src);
        hls.attachMedia(element);
        start();
      })
      .catch(() => {
        if (!cancelled) retry();
      });
    return () => {
      cancelled = true;
      hlsRef.current?.destroy();
      hlsRef.current = undefined;
    };
  }, [element, src, wanted, nativeFailed, ended, autoPlay, attempt, retry]);

  // What the element says.
  useEffect(() => {
    if (!element) return undefined;
    let lastTime = element.currentTime;
    let lastProgressAt = Date.now();
    const markLive = () => {
      everLive.current = true;
      failures.current = 0;
      lastProgressAt = Date.now();
      setPhase((current) => (current === 'ended' || current === 'error' ? current : 'live'));
    };
    const readEdge = () => {
      const { seekable } = element;
      if (seekable.length === 0) return setBehindLive(false);
      const edge = seekable.end(seekable.length - 1);
      setBehindLive(Number.isFinite(edge) && edge - element.currentTime > tolerance);
    };
    const onTime = () => {
      if (Math.abs(element.currentTime - lastTime) > 0.01) {
        lastTime = element.currentTime;
        if (!element.paused) markLive();
      }
      readEdge();
    };
    const onPlayState = () => {
      setPaused(element.paused);
      lastProgressAt = Date.now();
    };
    const onVolume = () => setMuted(element.muted);
    const onEnded = () => setPhase('ended');
    const onError = () => {
      // Chromium's native HLS (Chrome 14x) is young: with `auto`, a stream that fails natively three
      // times without ever playing goes to hls.js where Media Source Extensions exist.
      if (engineRef.current === 'native' && wanted === 'auto' && !everLive.current && typeof MediaSource !== 'undefined') {
        nativeFailures.current += 1;
        if (nativeFailures.current >= NATIVE_ATTEMPTS) {
          setNativeFailed(true);
          return;
        }
      }
      retry();
    };
    const onCanPlay = () => {
      // Nothing will progress without a press: the stream is there all the same.
      if (!autoPlay && element.paused) markLive();
    };
    const readCaptions = () => {
      const tracks = captionTracks(element);
      setCaptions({ available: tracks.length > 0, on: tracks.some((track) => track.mode === 'showing') });
    };
    const handlers: [string, EventListener][] = [
      ['timeupdate', onTime],
      ['canplay', onCanPlay],
      ['play', onPlayState],
      ['pause', onPlayState],
      ['volumechange', onVolume],
      ['ended', onEnded],
      ['error', onError],
    ];
    for (const [type, handler] of handlers) element.addEventListener(type, handler);
    const tracks = element.textTracks;
    tracks.addEventListener('addtrack', readCaptions);
    tracks.addEventListener('removetrack', readCaptions);
    tracks.addEventListener('change', readCaptions);
    onPlayState();
    onVolume();
    readCaptions();
    // No progress while it should play: the stream stopped arriving.
    const watch = setInterval(() => {
      if (element.paused || element.ended || !everLive.current) return;
      if (Date.now() - lastProgressAt < stallMs) return;
      setPhase((current) => (current === 'live' ? 'reconnecting' : current));
      // Still nothing well after that: attach again (a native player may have given up).
      if (Date.now() - lastProgressAt >= stallMs * 2) {
        lastProgressAt = Date.now();
        retry();
      }
    }, 500);
    return () => {
      clearInterval(watch);
      for (const [type, handler] of handlers) element.removeEventListener(type, handler);
      tracks.removeEventListener('addtrack', readCaptions);
      tracks.removeEventListener('removetrack', readCaptions);
      tracks.removeEventListener('change', readCaptions);
    };
  }, [element, tolerance, stallMs, retry, wanted, autoPlay]);

  const play = useCallback(() => {
    void element?.play().catch(() => undefined);
  }, [element]);
  const pause = useCallback(() => element?.pause(), [element]);
  const togglePaused = useCallback(() => (element?.paused ? play() : pause()), [element, play, pause]);
  const toggleMuted = useCallback(() => {
    if (element) element.muted = !element.muted;
  }, [element]);
  const toggleCaptions = useCallback(() => {
    if (!element) return;
    const tracks = captionTracks(element);
    const on = tracks.some((track) => track.mode === 'showing');
    tracks.forEach((track, index) => {
      track.mode = !on && index === 0 ? 'showing' : 'disabled';
    });
    setCaptions({ available: tracks.length > 0, on: !on && tracks.length > 0 });
  }, [element]);
  const goLive = useCallback(() => {
    if (!element) return;
    const { seekable } = element;
    const sync = hlsRef.current?.liveSyncPosition;
    if (typeof sync === 'number' && Number.isFinite(sync)) element.currentTime = sync;
    else if (seekable.length > 0) element.currentTime = Math.max(seekable.start(seekable.length - 1), seekable.end(seekable.length - 1) - 3);
    setBehindLive(false);
    play();
  }, [element, play]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement;
      const onControl = target.tagName === 'BUTTON' || target.tagName === 'INPUT' || target.tagName === 'A';
      const key = event.key.toLowerCase();
      if (key === 'k' || (key === ' ' && !onControl)) togglePaused();
      else if (key === 'm') toggleMuted();
      else if (key === 'c') toggleCaptions();
      else if (key === 'l') goLive();
      else return;
      event.preventDefault();
    },
    [togglePaused, toggleMuted, toggleCaptions, goLive],
  );

  const status: LiveStreamPlayerStatus = !src ? 'idle' : ended ? 'ended' : phase;
  const mediaProps = useMemo(() => ({ ref, playsInline: true as const, preload: 'auto' as const }), [ref]);
  return {
    status,
    engine: src ? engine : undefined,
    src,
    paused,
    muted,
    behindLive: behindLive && (status === 'live' || status === 'reconnecting'),
    captionsAvailable: captions.available,
    captionsOn: captions.on,
    viewerCount,
    play,
    pause,
    togglePaused,
    toggleMuted,
    toggleCaptions,
    goLive,
    onKeyDown,
    mediaProps,
  };
}
