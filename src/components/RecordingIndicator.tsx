import { forwardRef, type HTMLAttributes } from 'react';
import type { OnAirComponentProps } from '../hooks/OnAirComponentProps.js';
import { useRootProps } from '../hooks/useRootProps.js';
import { useRecording } from '../hooks/useRecording.js';
import { ElapsedTime } from './ElapsedTime.js';
import { recordingIndicatorLabels } from '../core/labels.js';
import { isUnderway } from '../core/status.js';

/**
 * Props of {@link RecordingIndicator}; native `<div>` attributes go to the root.
 *
 * @public
 */
export interface RecordingIndicatorProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'>, OnAirComponentProps {
  /** Follow one recording instance; default: the most relevant one. */
  readonly instanceId?: string | undefined;
  /** Show `Started by {name}` when the name is known. Default `true`. */
  readonly showStartedBy?: boolean | undefined;
  /** Render (as "Not recording") while nothing records. Default `false`: renders nothing. */
  readonly showWhenIdle?: boolean | undefined;
}

/**
 * What every participant sees while a recording runs: a REC mark (its pulse stops under
 * `prefers-reduced-motion`), the elapsed time and who started it — of the first recording opened;
 * while several run (Daily instances) it adds "2 recordings". It is not a live region: the
 * provider's announcer says "Recording started" once.
 *
 * @example
 * ```tsx
 * <header className="meeting-top-bar">
 *   <RecordingIndicator size="sm" />
 * </header>
 * ```
 *
 * @public
 */
export const RecordingIndicator = forwardRef<HTMLDivElement, RecordingIndicatorProps>(function RecordingIndicator(props, ref) {
  const { instanceId, showStartedBy = true, showWhenIdle = false, ...rootInput } = props;
  const rec = useRecording({ instanceId });
  const { labels, root } = useRootProps(rootInput, { className: 'onair-indicator', labels: recordingIndicatorLabels, ref });
  const { status } = rec;
  const active = isUnderway(status);
  if (!active && !showWhenIdle) return null;
  const text =
    status === 'recording' ? labels.recordingActive
    : status === 'paused' ? labels.recordingPaused
    : status === 'starting' ? labels.recordingStarting
    : status === 'stopping' ? labels.recordingStopping
    : labels.recordingIdle;
  return (
    <div {...root({ state: active ? status : 'idle' })}>
      <span className="onair-dot" aria-hidden="true" />
      {status === 'recording' ? (
        <>
          <span className="onair-mark" aria-hidden="true">{labels.recMark}</span>
          <span className="onair-visually-hidden">{text}</span>
        </>
      ) : (
        <span className="onair-indicator-text">{text}</span>
      )}
      {active && rec.startedAt !== undefined ? <ElapsedTime startedAt={rec.startedAt} pausedAt={rec.pausedAt} pausedMs={rec.pausedMs} /> : null}
      {active && showStartedBy && rec.startedByName ? <span className="onair-started-by" title={labels.recordingStartedBy(rec.startedByName)}>{labels.recordingStartedBy(rec.startedByName)}</span> : null}
      {instanceId === undefined && rec.sessions.length > 1 ? <span className="onair-count">{labels.recordingsRunning(rec.sessions.length)}</span> : null}
    </div>
  );
});
