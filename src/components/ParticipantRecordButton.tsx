import { forwardRef } from 'react';
import { useParticipantRecordButton, type UseParticipantRecordButtonProps } from '../hooks/useParticipantRecordButton.js';
import { ErrorNote } from './ErrorNote.js';

/**
 * Props of {@link ParticipantRecordButton}. Native button attributes and the `ref` go to the
 * `<button>`; `className`, `style` and `theme` go to the root that also holds the reason, the error
 * and the download links.
 *
 * @public
 */
export type ParticipantRecordButtonProps = UseParticipantRecordButtonProps;

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
  const p = useParticipantRecordButton(props, forwardedRef);
  if (p.hidden) return null;
  return (
    <div {...p.rootProps}>
      <button {...p.buttonProps}>
        <span className="onair-icon" data-onair-icon={p.icon} aria-hidden="true" />
        <span>{p.label}</span>
      </button>
      {p.unavailable ? <p className="onair-reason" id={p.unavailable.id}>{p.unavailable.text}</p> : null}
      {p.error ? <ErrorNote title={p.error.title} message={p.error.error.message} dismissLabel={p.error.dismissLabel} onDismiss={p.error.dismiss} /> : null}
      {p.downloads.length > 0 ? (
        <ul className="onair-participant-files">
          {p.downloads.map((download) => (
            <li key={download.url}>
              <a href={download.url} rel="noopener noreferrer" target="_blank" download>
                {download.label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
});
