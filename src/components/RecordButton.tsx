import { forwardRef } from 'react';
import { useRecordButton, type UseRecordButtonProps } from '../hooks/useRecordButton.js';
import { ElapsedTime } from './ElapsedTime.js';
import { ErrorNote } from './ErrorNote.js';

/**
 * Props of {@link RecordButton}. Native button attributes (`onClick`, `aria-*`, `data-*`, `disabled` …)
 * and the `ref` go to the main `<button>`; `className`, `style` and `theme` go to the root
 * `role="group"` element that also holds the clock, the pause button, the reason and the error.
 *
 * @public
 */
export type RecordButtonProps = Omit<UseRecordButtonProps, 'children'>;

/**
 * Starts and stops the meeting's recording. Its accessible name says what a press does
 * ("Start recording" / "Stop recording"); the elapsed time sits next to it, outside the name.
 * Shows a pause button where the provider supports it, the provider's error (dismissable, start
 * stays usable), and the reason when this participant may not record. A start or stop the provider
 * has not confirmed after `slowAfterMs` reads "Still starting…" (with "Cancel"); one it never
 * confirmed leaves the button usable with "Check again". With a known maximum length
 * (`maxDurationMs`) it warns before the end and says when the provider ended the recording there. While several recordings run
 * (Daily instances) it says how many and lets the person choose which one the buttons act on.
 *
 * @example
 * ```tsx
 * <OnAirProvider adapter={createDailyAdapter(call)}>
 *   <RecordButton confirmStop startOptions={{ type: 'cloud' }} onClick={() => track('record')} />
 * </OnAirProvider>
 * ```
 *
 * @public
 */
export const RecordButton = forwardRef<HTMLButtonElement, RecordButtonProps>(function RecordButton(props, ref) {
  const rb = useRecordButton(props, ref);
  if (rb.hidden) return null;
  return (
    <div {...rb.rootProps}>
      <div className="onair-row">
        <button {...rb.buttonProps}>
          <span className="onair-icon" data-onair-icon={rb.icon} aria-hidden="true" />
          <span>{rb.label}</span>
        </button>
        {rb.device ? (
          <button {...rb.device.props}>
            <span className="onair-icon" data-onair-icon="record" aria-hidden="true" />
            <span>{rb.device.label}</span>
          </button>
        ) : null}
        {rb.cancel ? <button {...rb.cancel.props}>{rb.cancel.label}</button> : null}
        {rb.clock ? <ElapsedTime {...rb.clock} /> : null}
        {rb.pause ? <button {...rb.pause.props}>{rb.pause.label}</button> : null}
      </div>
      {rb.targets ? (
        <div className="onair-targets" role="radiogroup" aria-labelledby={`${rb.targets.name}-legend`}>
          <span className="onair-targets-legend" id={`${rb.targets.name}-legend`}>{rb.targets.legend}</span>
          {rb.targets.options.map((option) => (
            <label key={option.instanceId} className="onair-target">
              <input type="radio" name={rb.targets!.name} checked={option.checked} onChange={option.select} />
              <span>{option.label}</span>
            </label>
          ))}
          <span className="onair-visually-hidden" id={rb.targets.actsOn.id}>{rb.targets.actsOn.text}</span>
        </div>
      ) : null}
      {rb.unavailable ? <p className="onair-reason" id={rb.unavailable.id}>{rb.unavailable.text}</p> : null}
      {rb.error ? (
        <ErrorNote title={rb.error.title} message={rb.error.error.message} dismissLabel={rb.error.dismissLabel} onDismiss={rb.error.dismiss}>
          {rb.unconfirmed?.check ? <button {...rb.unconfirmed.check.props}>{rb.unconfirmed.check.label}</button> : null}
          {rb.unconfirmed?.note ? <span className="onair-alert-note">{rb.unconfirmed.note}</span> : null}
        </ErrorNote>
      ) : null}
      {rb.limit?.kind === 'warning' ? (
        <p className="onair-limit" role="status" data-onair-limit="warning">
          {rb.limit.text}
        </p>
      ) : null}
      {rb.limit?.kind === 'ended' ? (
        <div className="onair-limit" role="status" data-onair-limit="ended">
          <span className="onair-alert-text">{rb.limit.text}</span>
          <button type="button" className="onair-alert-dismiss" onClick={rb.limit.dismiss}>
            <span aria-hidden="true">×</span>
            <span className="onair-visually-hidden">{rb.limit.dismissLabel}</span>
          </button>
        </div>
      ) : null}
      {rb.confirm ? (
        <dialog {...rb.confirm.dialogProps}>
          <h2 className="onair-confirm-title" id={rb.confirm.titleId}>{rb.labels.confirmStopTitle}</h2>
          <p id={rb.confirm.bodyId}>{rb.labels.confirmStopBody}</p>
          <div className="onair-confirm-actions">
            <button {...rb.confirm.cancelProps}>{rb.labels.confirmStopCancel}</button>
            <button {...rb.confirm.acceptProps}>{rb.labels.confirmStopAccept}</button>
          </div>
        </dialog>
      ) : null}
    </div>
  );
});
