import { forwardRef, type HTMLAttributes } from 'react';
import { useStore } from 'zustand';
import { useOnAirContext } from '../hooks/OnAirContext.js';
import type { OnAirComponentProps } from '../hooks/OnAirComponentProps.js';
import { useRootProps } from '../hooks/useRootProps.js';
import { useParticipantRecording } from '../hooks/useParticipantRecording.js';
import { participantRecordingLabels } from '../core/labels.js';

/**
 * Props of {@link ParticipantRecordingIndicator}; native `<div>` attributes go to the root.
 *
 * @public
 */
export interface ParticipantRecordingIndicatorProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'>, OnAirComponentProps {
  /** Whose recording to show. Default: the local participant (then the text is "You are being recorded"). */
  readonly participantId?: string | undefined;
  /** Name for another participant's text ("Ada is being recorded"); default the adapter's name, else the id. */
  readonly name?: string | undefined;
}

/**
 * What a participant sees while they are individually recorded: "You are being recorded" (or
 * "Ada is being recorded" for someone else). The root is a polite `role="status"` region that stays
 * mounted (empty while not recorded), so the change is announced once.
 *
 * @example
 * ```tsx
 * <header className="self-view-bar">
 *   <ParticipantRecordingIndicator />
 * </header>
 * ```
 *
 * @public
 */
export const ParticipantRecordingIndicator = forwardRef<HTMLDivElement, ParticipantRecordingIndicatorProps>(function ParticipantRecordingIndicator(props, ref) {
  const { participantId: idProp, name: nameProp, ...rootInput } = props;
  const { store } = useOnAirContext();
  const localId = useStore(store.state, (s) => s.localParticipantId);
  const participantId = idProp ?? localId ?? '';
  const rec = useParticipantRecording(participantId);
  const { labels, root } = useRootProps(rootInput, { className: 'onair-indicator onair-participant-indicator', labels: participantRecordingLabels, ref });
  const self = idProp === undefined || idProp === localId;
  const name = nameProp ?? rec.name ?? participantId;
  const { status } = rec;
  const active = participantId !== '' && rec.isUnderway;
  const text =
    !self ? labels.participantIsBeingRecorded(name)
    : status === 'starting' ? labels.yourRecordingStarting
    : status === 'stopping' ? labels.yourRecordingStopping
    : labels.youAreBeingRecorded;
  return (
    <div {...root({ role: 'status', state: active ? status : 'idle' })}>
      {active ? (
        <>
          <span className="onair-dot" aria-hidden="true" />
          <span className="onair-indicator-text">{text}</span>
        </>
      ) : null}
    </div>
  );
});
