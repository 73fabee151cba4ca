import { useCallback, useEffect, useMemo, useRef, useState, type RefCallback } from 'react';
import { recordingFileUrl, type RecordingAsset, type RecordingsSource } from '../core/recordings.js';
import { isExpired } from '../core/url.js';
import { LINK_EXPIRY_MARGIN_MS } from '../query/freshness.js';
import { useLinkClock } from './useLinkClock.js';
import { useRecordingDetails } from './useRecordingDetails.js';
import { useRecordingsSource } from './useRecordingsSource.js';

/**
 * Which file of a recording the player plays.
 *
 * @public
 */
export type RecordingMediaKind = 'video' | 'audio';

/**
 * Where the player is:
 * `closed` (nothing loaded) · `loading` (asked; fetching the recording's current link) ·
 * `ready` (a checked link is in the media element) · `refreshing` (the link expired or failed;
 * a fresh one is being fetched) · `unavailable` (no http(s) link that has not expired) ·
 * `failed` (the file would not play, even from a fresh link).
 *
 * @public
 */
export type RecordingPlayerStatus = 'closed' | 'loading' | 'ready' | 'refreshing' | 'unavailable' | 'failed';

/**
 * Options of {@link useRecordingPlayer}.
 *
 * @public
 */
export interface UseRecordingPlayerOptions {
  /** Which file to play. Default: the video file when there is one, else the audio file. */
  readonly kind?: RecordingMediaKind | undefined;
  /** A recordings source other than the provider's. */
  readonly source?: RecordingsSource | undefined;
  /** Refresh a link this long before it expires. Default {@link LINK_EXPIRY_MARGIN_MS}. */
  readonly linkMarginMs?: number | undefined;
  /** Open at first render (an inline player that the app shows on purpose). Default `false`. */
  readonly defaultOpen?: boolean | undefined;
}

/**
 * What {@link useRecordingPlayer} returns.
 *
 * @public
 */
export interface UseRecordingPlayerResult {
  readonly status: RecordingPlayerStatus;
  readonly isOpen: boolean;
  /** Opens the player: only now is the recording's link fetched and the media element rendered. */
  readonly open: () => void;
  /** Closes it and unloads the media. */
  readonly close: () => void;
  /** `true` when the recording is ready and has a video or audio file (a play button makes sense). */
  readonly playable: boolean;
  /** The file kind being played. */
  readonly kind: RecordingMediaKind | undefined;
  /** The checked link in use (http(s), not expired); `undefined` when none. */
  readonly src: string | undefined;
  /**
   * Spread on the `<video>`/`<audio>` element. The hook sets its `src` itself, so a link refreshed
   * mid-playback takes over at the same position (and keeps playing if it was).
   */
  readonly mediaProps: {
    readonly ref: RefCallback<HTMLMediaElement>;
    readonly controls: true;
    readonly preload: 'metadata';
    readonly onError: () => void;
  };
}

const NONE: readonly RecordingAsset[] = [];

function pickKind(asset: RecordingAsset | undefined, wanted: RecordingMediaKind | undefined): RecordingMediaKind | undefined {
  if (!asset) return undefined;
  const has = (kind: RecordingMediaKind) => asset.downloads.some((download) => download.kind === kind);
  if (wanted) return has(wanted) ? wanted : undefined;
  return has('video') ? 'video' : has('audio') ? 'audio' : undefined;
}

/**
 * Headless player of one stored recording: plays a ready recording's video or audio file from its
 * checked link only (`http:`/`https:`, not expired). Nothing is fetched or loaded until `open()`;
 * while open, the link is refreshed before it expires (and after a playback error), and the new link
 * takes over at the same position. Needs a recordings source (the provider's `recordings`, or `source`).
 *
 * @example
 * ```tsx
 * import { useRecordingPlayer, type RecordingAsset } from 'onair-react';
 *
 * function Preview({ recording }: { recording: RecordingAsset }) {
 *   const player = useRecordingPlayer(recording);
 *   if (!player.playable) return null;
 *   return player.isOpen ? (
 *     <div>
 *       {player.kind === 'audio' ? <audio {...player.mediaProps} /> : <video {...player.mediaProps} />}
 *       {player.status === 'unavailable' ? <p>No playable link</p> : null}
 *       <button type="button" onClick={player.close}>Close</button>
 *     </div>
 *   ) : (
 *     <button type="button" onClick={player.open}>Play</button>
 *   );
 * }
 * ```
 *
 * @public
 */
export function useRecordingPlayer(recording: RecordingAsset, options: UseRecordingPlayerOptions = {}): UseRecordingPlayerResult {
  const { source } = useRecordingsSource('useRecordingPlayer', options.source);
  const marginMs = options.linkMarginMs ?? LINK_EXPIRY_MARGIN_MS;
  const [isOpen, setOpen] = useState(options.defaultOpen ?? false);
  const details = useRecordingDetails(recording.id, {
    source,
    linkMarginMs: marginMs,
    enabled: isOpen && source.capabilities.details,
  });
  // The fetched detail once there is one (it carries the current links), else the row's asset.
  const asset = (isOpen ? details.data : undefined) ?? recording;
  // Re-render when a link reaches its real expiry (useRecordingDetails refetches at the margin).
  const watched = useMemo(() => (isOpen ? [asset] : NONE), [isOpen, asset]);
  const now = useLinkClock(watched, 0);
  const kind = pickKind(asset, options.kind);
  const playable = recording.status === 'ready' && pickKind(recording, options.kind) !== undefined;

  const download = kind ? asset.downloads.find((item) => item.kind === kind) : undefined;
  const expired = isExpired(asset.downloadExpiresAt, now);
  const src = isOpen && !expired ? recordingFileUrl(asset, download?.url) : undefined;

  const elementRef = useRef<HTMLMediaElement | null>(null);
  // A playback error on a link: fetch a fresh one once; the same link failing again is final.
  const [failedSrc, setFailedSrc] = useState<string | undefined>(undefined);
  const [retriedSrc, setRetriedSrc] = useState<string | undefined>(undefined);
  const { refetch, isFetching } = details;
  const onError = useCallback(() => {
    const element = elementRef.current;
    const current = element?.getAttribute('src') ?? undefined;
    if (!current) return;
    setFailedSrc(current);
    if (source.capabilities.details && retriedSrc !== current) {
      setRetriedSrc(current);
      void refetch();
    }
  }, [refetch, retriedSrc, source.capabilities.details]);

  const canRefresh = source.capabilities.details;
  let status: RecordingPlayerStatus;
  if (!isOpen) status = 'closed';
  else if (canRefresh && details.data === undefined && details.isPending && !details.isError) status = 'loading';
  else if (src && failedSrc === src) status = canRefresh && (isFetching || retriedSrc !== src) ? 'refreshing' : 'failed';
  else if (src) status = 'ready';
  else if (canRefresh && (isFetching || (expired && download !== undefined))) status = 'refreshing';
  else status = 'unavailable';

  // The media element's src is set here, not through React: a refreshed link resumes at the same
  // position and play state instead of restarting from zero.
  const [element, setElement] = useState<HTMLMediaElement | null>(null);
  const ref = useCallback<RefCallback<HTMLMediaElement>>((node) => {
    elementRef.current = node;
    setElement(node);
  }, []);
  const playing = status === 'ready' ? src : undefined;
  useEffect(() => {
    if (!element) return undefined;
    const current = element.getAttribute('src') ?? undefined;
    if (playing === current) return undefined;
    if (!playing) {
      // No usable link now (expired, refreshing): keep what is loaded, so playback goes on until the new link.
      return undefined;
    }
    const position = current ? element.currentTime : 0;
    const wasPlaying = current ? !element.paused && !element.ended : false;
    element.setAttribute('src', playing);
    element.load();
    if (position <= 0 && !wasPlaying) return undefined;
    // The position is applied once the new file can seek there: at `loadedmetadata` a server without
    // range requests may not have sent enough yet, so later progress events try again.
    const seekEvents = ['loadedmetadata', 'progress', 'canplay', 'canplaythrough'] as const;
    let played = false;
    const stop = () => {
      for (const type of seekEvents) element.removeEventListener(type, resume);
    };
    const resume = () => {
      try {
        if (position > 0 && Math.abs(element.currentTime - position) > 0.1) element.currentTime = position;
      } catch {
        // Not seekable yet: a later event tries again.
      }
      if (wasPlaying && !played) {
        played = true;
        void element.play().catch(() => undefined);
      }
      if (position <= 0 || Math.abs(element.currentTime - position) <= 0.1 || element.readyState >= 4) stop();
    };
    for (const type of seekEvents) element.addEventListener(type, resume);
    return stop;
  }, [element, playing]);

  const open = useCallback(() => {
    setFailedSrc(undefined);
    setRetriedSrc(undefined);
    setOpen(true);
  }, []);
  const close = useCallback(() => {
    const node = elementRef.current;
    if (node) {
      node.pause();
      node.removeAttribute('src');
      node.load();
    }
    setOpen(false);
  }, []);

  return {
    status,
    isOpen,
    open,
    close,
    playable,
    kind,
    src,
    mediaProps: { ref, controls: true, preload: 'metadata', onError },
  };
}
