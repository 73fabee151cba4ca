import { forwardRef, useId, useMemo, useState, type CSSProperties, type HTMLAttributes, type ReactElement } from 'react';
import { formatBytes } from '../core/format.js';
import { localRecordingLabels, type LocalRecordingLabels } from '../core/localLabels.js';
import type { LocalRecorder, LocalRecording } from '../local/createLocalRecorder.js';
import { cx } from '../hooks/mergeProps.js';
import { useMaybeOnAirContext } from '../hooks/OnAirContext.js';
import { useLocalRecording } from '../hooks/useLocalRecording.js';

/**
 * Props of {@link LocalRecordingNotice}; other attributes go to the root element.
 *
 * @public
 */
export interface LocalRecordingNoticeProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** The recorder; default: the one in the `OnAirProvider` adapter (`createLocalRecordingAdapter`). */
  readonly recorder?: LocalRecorder | undefined;
  readonly labels?: Partial<LocalRecordingLabels> | undefined;
  readonly className?: string | undefined;
  readonly style?: CSSProperties | undefined;
}

function shortDuration(ms: number, labels: LocalRecordingLabels): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return seconds < 60 ? labels.seconds(seconds) : labels.minutes(Math.round(seconds / 60));
}

function Interrupted(props: {
  readonly recording: LocalRecording;
  readonly labels: LocalRecordingLabels;
  readonly time: Intl.DateTimeFormat;
  readonly onSave: (id: string) => void;
  readonly onDiscard: (id: string) => void;
}): ReactElement {
  const id = useId();
  const { recording, labels } = props;
  return (
    <div className="onair-local-recover" role="group" aria-labelledby={id}>
      <p className="onair-local-text" id={id}>
        {labels.interrupted(props.time.format(recording.startedAt), shortDuration(recording.durationMs, labels))}
      </p>
      <div className="onair-local-actions">
        <button type="button" className="onair-button onair-local-save" onClick={() => props.onSave(recording.id)}>
          {labels.save}
        </button>
        <button type="button" className="onair-button onair-local-discard" onClick={() => props.onDiscard(recording.id)}>
          {labels.discard}
        </button>
      </div>
    </div>
  );
}

/**
 * What a person must know about recording on this device, in one place: that this browser cannot
 * record (and why), that storage is running low, why a recording stopped by itself (out of storage,
 * the shared tab ended), and each recording a closed tab or crash interrupted — "Recording from
 * 14:02 (12 min) was interrupted — Save / Discard". Its live regions stay in the page, empty while
 * there is nothing to say; without a recorder it renders nothing.
 *
 * @example
 * ```tsx
 * <OnAirProvider adapter={createLocalRecordingAdapter({ recorder, adapter })} recordings={createLocalRecordingsSource(recorder)}>
 *   <RecordButton />
 *   <LocalRecordingNotice />
 *   <RecordingList />
 * </OnAirProvider>
 * ```
 *
 * @public
 */
export const LocalRecordingNotice = forwardRef<HTMLDivElement, LocalRecordingNoticeProps>(function LocalRecordingNotice(
  { recorder, labels: overrides, className, style, ...rest },
  ref,
) {
  const local = useLocalRecording(recorder);
  const locale = useMaybeOnAirContext()?.locale;
  const labels = useMemo(() => ({ ...localRecordingLabels, ...overrides }), [overrides]);
  const time = useMemo(() => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }), [locale]);
  const [dismissedStop, setDismissedStop] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const titleId = useId();

  const unsupported = local.recorder !== undefined && !local.supported;
  const low = local.isRecording && local.storage?.low === true;
  const stopText =
    local.status === 'idle' && local.lastSaved && dismissedStop !== local.lastSaved.id
      ? local.stopReason === 'storage-full'
        ? labels.stoppedStorageFull
        : local.stopReason === 'source-ended'
          ? labels.stoppedSourceEnded
          : local.stopReason === 'error'
            ? labels.stoppedError
            : undefined
      : undefined;
  if (!local.recorder) return null;
  const state = unsupported ? 'unsupported' : low ? 'storage-low' : stopText ? 'stopped' : local.interrupted.length > 0 ? 'interrupted' : 'idle';

  return (
    <div
      {...rest}
      ref={ref}
      className={cx('onair-local', className)}
      style={style}
      role="region"
      aria-labelledby={titleId}
      data-onair-state={state}
    >
      <h2 className="onair-visually-hidden" id={titleId}>{labels.title}</h2>
      {unsupported ? <p className="onair-local-note" data-onair-tone="warning">{labels.unsupported(local.unsupportedReason ?? '')}</p> : null}
      {/* Announced once when it appears: the person may want to stop and free space. */}
      <div role="alert" className="onair-local-live">
        {low ? <p className="onair-local-note" data-onair-tone="warning">{labels.storageLow(formatBytes(local.storage?.free ?? 0, locale))}</p> : null}
        {stopText ? (
          <p className="onair-local-note" data-onair-tone="danger">
            <span>{stopText}</span>{' '}
            <button type="button" className="onair-button onair-local-dismiss" onClick={() => setDismissedStop(local.lastSaved?.id)}>
              {labels.dismiss}
            </button>
          </p>
        ) : null}
      </div>
      {local.interrupted.map((recording) => (
        <Interrupted
          key={recording.id}
          recording={recording}
          labels={labels}
          time={time}
          onSave={(id) => void local.recover(id).then((r) => r && setSaved(r.fileName), () => undefined)}
          onDiscard={(id) => void local.discard(id).catch(() => undefined)}
        />
      ))}
      <p role="status" className="onair-local-saved">{saved ? labels.saved(saved) : ''}</p>
    </div>
  );
});
