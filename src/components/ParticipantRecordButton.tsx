import { forwardRef, useCallback, useId, useRef, type ButtonHTMLAttributes, type MouseEvent } from 'react';
import { safeHttpUrl } from '../core/url.js';
import {
  composeEventHandlers,
  cx,
  ignoreRejection,
  joinIds,
  useDismissableError,
  useLabels,
  useMergedRefs,
  useRootStyle,
  type OnAirComponentProps,
} from '../hooks/componentProps.js';
import { useParticipantRecording } from '../hooks/useParticipantRecording.js';
import { ErrorNote } from './ErrorNote.js';
import { participantRecordingLabels } from '../core/labels.js';

/**
 * Props of {@link ParticipantRecordButton}. Native button attributes and the `ref` go to the
 * `<button>`; `className`, `style` and `theme` go to the root that also holds the reason, the error
 * and the download links.
 *
 * @public
 */
export interface ParticipantRecordButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'>, OnAirComponentProps {
  /** The participant to record (VideoSDK `participantId`). */
  readonly participantId: string;
  /** The name used in the button's name ("Record Ada"); default: the name the adapter knows, else the id. */
  readonly name?: string | undefined;
  /** Options passed to the provider's start (VideoSDK: `fileFormat`, `bucketDirPath`; the app's backend adds `webhookUrl`). */
  readonly startOptions?: Readonly<Record<string, unknown>> | undefined;
  /** When this participant may not record others: `disable` (default) shows why; `hide` renders nothing. */
  readonly whenUnavailable?: 'hide' | 'disable' | undefined;
  /** Show download links of the finished recording (only `http(s)` URLs). Default `true`. */
  readonly showDownloads?: boolean | undefined;
  /** How long a start or stop waits for the provider's first webhook before it shows a timeout. Default 30 000 ms. */
  readonly timeoutMs?: number | undefined;
}

/**
 * A moderator's control to record one participant on their own (VideoSDK participant recording).
 * Its accessible name says what a press does — "Record Ada" / "Stop recording Ada" — without
 * `aria-pressed`, like `RecordButton`. Shows the provider's error (`role="alert"`), the reason when
 * the local participant may not record, and download links once the recording's files arrived.
 *
 * @example
 * ```tsx
 * {participants.map((p) => (
 *   <ParticipantRecordButton key={p.id} participantId={p.id} name={p.displayName} size="sm" />
 * ))}
 * ```
 *
 * @public
 */
export const ParticipantRecordButton = forwardRef<HTMLButtonElement, ParticipantRecordButtonProps>(function ParticipantRecordButton(props, forwardedRef) {
  const {
    participantId,
    name: nameProp,
    startOptions,
    whenUnavailable = 'disable',
    showDownloads = true,
    timeoutMs,
    labels: overrides,
    theme,
    size = 'md',
    variant = 'solid',
    className,
    style,
    onClick,
    'aria-describedby': describedBy,
    ...buttonRest
  } = props;
  const rec = useParticipantRecording(participantId, { timeoutMs });
  const labels = useLabels(participantRecordingLabels, overrides);
  const rootStyle = useRootStyle(theme, style);
  const baseId = useId();
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  const ref = useMergedRefs(forwardedRef, buttonRef);
  const { error, dismiss } = useDismissableError(rec.error);
  const name = nameProp ?? rec.name ?? participantId;
  const { status, can, start, stop } = rec;
  const running = status === 'recording';
  const busy = status === 'starting' || status === 'stopping';
  const reason = can.reason;

  const activate = useCallback(
    (event: MouseEvent<HTMLButtonElement>) => {
      if (busy || reason !== undefined) {
        event.preventDefault();
        return;
      }
      if (running) stop().catch(ignoreRejection);
      else start(startOptions).catch(ignoreRejection);
    },
    [busy, reason, running, stop, start, startOptions],
  );

  if (reason !== undefined && whenUnavailable === 'hide') return null;
  const label =
    status === 'starting' ? labels.startingParticipantRecording(name)
    : status === 'stopping' ? labels.stoppingParticipantRecording(name)
    : running ? labels.stopRecordingParticipant(name)
    : labels.recordParticipant(name);
  const reasonId = `${baseId}-reason`;
  const reasonText = reason === 'not-allowed' ? labels.participantRecordingNotAllowed : labels.participantRecordingNotSupported;
  const links = showDownloads && status === 'idle' ? rec.files.map((f) => safeHttpUrl(f.url)).filter((u): u is string => u !== undefined) : [];

  return (
    <div className={cx('onair-record onair-participant-record', className)} style={rootStyle} data-onair-state={status} data-onair-size={size} data-onair-variant={variant}>
      <button
        type="button"
        {...buttonRest}
        ref={ref}
        className="onair-button onair-record-button"
        aria-disabled={busy || reason !== undefined ? true : buttonRest['aria-disabled']}
        aria-busy={busy ? true : buttonRest['aria-busy']}
        aria-describedby={joinIds(describedBy, reason !== undefined ? reasonId : undefined)}
        data-onair-state={status}
        data-onair-action={running ? 'stop' : 'start'}
        onClick={composeEventHandlers(onClick, activate)}
      >
        <span className="onair-icon" data-onair-icon={busy ? 'busy' : running ? 'stop' : 'record'} aria-hidden="true" />
        <span>{label}</span>
      </button>
      {reason !== undefined ? <p className="onair-reason" id={reasonId}>{reasonText}</p> : null}
      {error ? (
        <ErrorNote
          title={labels.participantRecordingFailed}
          message={error.message}
          dismissLabel={labels.dismiss}
          onDismiss={() => {
            dismiss();
            buttonRef.current?.focus();
          }}
        />
      ) : null}
      {links.length > 0 ? (
        <ul className="onair-participant-files">
          {links.map((url, index) => (
            <li key={url}>
              <a href={url} rel="noopener noreferrer" target="_blank" download>
                {labels.downloadParticipantRecording(name, index)}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
});
