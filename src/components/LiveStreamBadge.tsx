import { forwardRef, useState, type HTMLAttributes } from 'react';
import type { OnAirComponentProps } from '../hooks/OnAirComponentProps.js';
import { useRootProps } from '../hooks/useRootProps.js';
import { useLiveStream } from '../hooks/useLiveStream.js';
import { ElapsedTime } from './ElapsedTime.js';
import { endpointDisplayName } from './endpointDisplayName.js';
import { labelWithNode } from './labelWithNode.js';
import { liveStreamBadgeLabels } from '../core/labels.js';

/**
 * Props of {@link LiveStreamBadge}; native `<div>` attributes go to the root.
 *
 * @public
 */
export interface LiveStreamBadgeProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'>, OnAirComponentProps {
  /** Follow one stream instance; default: the most relevant one. */
  readonly instanceId?: string | undefined;
  /** Show "Not live" while idle. Default `true`; `false` renders nothing while idle, except "Stream ended" after a stream. */
  readonly showWhenIdle?: boolean | undefined;
  /** List each endpoint (live / interrupted) when the provider names them. Default `true`. */
  readonly showEndpoints?: boolean | undefined;
}

/**
 * The live-stream status: LIVE with the time since going live, "Interrupted for 00:12" after a cut,
 * going live / ending, "Stream ended" after a stream (until the next start), the failure reason, the viewer count where the provider counts viewers
 * (RealtimeKit), per-destination detail (live / interrupted / dropped) and the provider's warning.
 * Not a live region: the provider's announcer speaks status changes once. RTMP URLs shown as
 * endpoints lose their stream key.
 *
 * @example
 * ```tsx
 * <LiveStreamBadge showWhenIdle={false} size="sm" />
 * ```
 *
 * @public
 */
export const LiveStreamBadge = forwardRef<HTMLDivElement, LiveStreamBadgeProps>(function LiveStreamBadge(props, ref) {
  const { instanceId, showWhenIdle = true, showEndpoints = true, ...rootInput } = props;
  const live = useLiveStream({ instanceId });
  const { labels, root } = useRootProps(rootInput, { className: 'onair-live-badge', labels: liveStreamBadgeLabels, ref });
  const { status } = live;
  // A stream that ended (here, by someone else or by the provider) says so until the next start.
  // (A change of status is stored during render: React renders again at once, before anything shows.)
  const [[seen, ended], setSeen] = useState<readonly [typeof status, boolean]>([status, false]);
  if (seen !== status) setSeen([status, status === 'idle' && (ended || seen === 'live' || seen === 'interrupted' || seen === 'stopping')]);
  if (status === 'idle' && !showWhenIdle && !ended) return null;

  let main;
  if (status === 'live') {
    main = (
      <>
        <span className="onair-dot" aria-hidden="true" />
        <span className="onair-mark">{labels.liveMark}</span>
        {live.startedAt !== undefined ? <ElapsedTime startedAt={live.startedAt} /> : null}
      </>
    );
  } else if (status === 'interrupted') {
    main = (
      <>
        <span className="onair-dot" aria-hidden="true" />
        <span className="onair-mark">{labels.liveInterrupted}</span>
        {live.interruptedAt !== undefined ? <span>{labelWithNode(labels.interruptedFor, <ElapsedTime startedAt={live.interruptedAt} />)}</span> : null}
      </>
    );
  } else {
    const text =
      status === 'starting' ? labels.liveStarting : status === 'stopping' ? labels.liveStopping : status === 'error' ? labels.liveFailed : ended ? labels.liveEnded : labels.liveIdle;
    main = <span className="onair-mark">{text}</span>;
  }

  return (
    <div {...root({ state: status })}>
      <span className="onair-pill" data-onair-state={status}>
        {main}
      </span>
      {live.isLive && live.viewerCount !== undefined ? <span className="onair-live-detail onair-live-viewers">{labels.liveViewers(live.viewerCount)}</span> : null}
      {/* A stream that goes on despite an error (Daily `live-streaming-error`) shows it too. */}
      {(status === 'error' || live.isLive) && live.error ? <span className="onair-live-detail onair-live-error">{live.error.message}</span> : null}
      {showEndpoints && live.endpoints.length > 0 ? (
        <ul className="onair-endpoints" aria-label={labels.liveEndpoints}>
          {live.endpoints.map((endpoint) => (
            <li key={endpoint.endpoint} data-onair-state={endpoint.status}>
              <span className="onair-endpoint-dot" aria-hidden="true" />
              <span className="onair-endpoint-name">{endpointDisplayName(endpoint.endpoint)}</span>
              <span className="onair-endpoint-status">
                {endpoint.status === 'live' ? labels.endpointLive : endpoint.status === 'dropped' ? labels.endpointDropped : labels.endpointInterrupted}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {live.warning ? <span className="onair-live-detail onair-live-warning">{labels.liveWarning(live.warning)}</span> : null}
    </div>
  );
});
