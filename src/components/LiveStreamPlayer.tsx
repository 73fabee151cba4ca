import { forwardRef, useId, type HTMLAttributes } from 'react';
import { liveStreamPlayerLabels } from '../core/labels.js';
import type { OnAirComponentProps } from '../hooks/OnAirComponentProps.js';
import { useRootProps } from '../hooks/useRootProps.js';
import { useLiveStreamPlayer, type UseLiveStreamPlayerOptions } from '../hooks/useLiveStreamPlayer.js';

/**
 * Props of {@link LiveStreamPlayer}; native `<section>` attributes go to the root.
 *
 * @public
 */
export interface LiveStreamPlayerProps
  extends Omit<HTMLAttributes<HTMLElement>, 'children'>,
    OnAirComponentProps,
    UseLiveStreamPlayerOptions {}

/**
 * A player for people who watch the broadcast rather than join the meeting: the provider's HLS
 * playback URL (the `src` prop, or `useLiveStream().playbackUrl` inside an `OnAirProvider`), native
 * where the browser plays HLS and through hls.js otherwise — hls.js is imported only when a player
 * mounts. Shows waiting / live / reconnecting / ended, a "Go live" button when the viewer is behind
 * the live edge, a captions toggle when the stream carries captions and the viewer count where the
 * provider gives one. Keyboard: K or Space, M, C, L while focus is in the player (a labelled
 * region, described by its keyboard help). Status changes are announced politely.
 *
 * @example
 * ```tsx
 * import { LiveStreamPlayer } from 'onair-react';
 *
 * // A viewers' page: no meeting, just the provider's playback URL.
 * <LiveStreamPlayer src="https://cdn.example.com/live/index.m3u8" labels={{ livePlayerGoLive: 'Back to live' }} />
 * // In a meeting whose provider runs several streams (VideoSDK's RTMP out and HLS): follow one.
 * <LiveStreamPlayer instanceId="hls" />
 * ```
 *
 * @public
 */
export const LiveStreamPlayer = forwardRef<HTMLElement, LiveStreamPlayerProps>(function LiveStreamPlayer(props, ref) {
  const {
    instanceId,
    src,
    viewerCount,
    engine,
    loadHls,
    autoPlay,
    ended,
    liveEdgeToleranceSeconds,
    retryDelayMs,
    stallMs,
    ...rootInput
  } = props;
  const { labels, root } = useRootProps(rootInput, { className: 'onair-lplayer', labels: liveStreamPlayerLabels, ref });
  const player = useLiveStreamPlayer({ instanceId, src, viewerCount, engine, loadHls, autoPlay, ended, liveEdgeToleranceSeconds, retryDelayMs, stallMs });
  const keysId = useId();
  const note =
    player.status === 'idle' ? labels.livePlayerIdle
    : player.status === 'starting' ? labels.livePlayerStarting
    : player.status === 'reconnecting' ? labels.livePlayerReconnecting
    : player.status === 'ended' ? labels.livePlayerEnded
    : player.status === 'error' ? labels.livePlayerFailed
    : labels.livePlayerAtEdge;
  const controls = player.status === 'live' || player.status === 'reconnecting';
  return (
    <section
      {...root(
        { state: player.status, 'data-onair-engine': player.engine, onKeyDown: player.onKeyDown, 'aria-describedby': keysId },
        { 'aria-label': labels.livePlayer, tabIndex: 0 },
      )}
    >
      <video {...player.mediaProps} className="onair-lplayer-media" aria-label={labels.livePlayer} hidden={!player.src || player.status === 'ended'} />
      <div className="onair-lplayer-bar">
        <p className="onair-lplayer-status" role="status">
          {note}
          {player.viewerCount !== undefined && controls ? <span className="onair-lplayer-viewers"> · {labels.liveViewers(player.viewerCount)}</span> : null}
        </p>
        {controls ? (
          <div className="onair-lplayer-controls">
            <button type="button" className="onair-rl-button" aria-pressed={player.paused} onClick={player.togglePaused}>
              {labels.livePlayerPause}
            </button>
            <button type="button" className="onair-rl-button" aria-pressed={player.muted} onClick={player.toggleMuted}>
              {labels.livePlayerMute}
            </button>
            {player.captionsAvailable ? (
              <button type="button" className="onair-rl-button" aria-pressed={player.captionsOn} onClick={player.toggleCaptions}>
                {labels.livePlayerCaptions}
              </button>
            ) : null}
            {player.behindLive ? (
              <button type="button" className="onair-rl-button onair-lplayer-golive" onClick={player.goLive}>
                {labels.livePlayerGoLive}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      <p id={keysId} className="onair-lplayer-keys">
        {labels.livePlayerKeys}
      </p>
    </section>
  );
});
