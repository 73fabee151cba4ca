import type { ButtonHTMLAttributes, HTMLAttributes, Ref, RefCallback } from 'react';
import { participantRecordingLabels } from '../core/labels.js';
import type { OnAirError, RecordingStatus } from '../core/model.js';
import type { ControlUnavailableReason } from '../core/selectors.js';
import { isRecordingRunning, isTransitioning } from '../core/status.js';
import { safeHttpUrl } from '../core/url.js';
import type { OnAirComponentProps } from './OnAirComponentProps.js';
import { useParticipantRecording } from './useParticipantRecording.js';
import { useRootProps } from './useRootProps.js';
import { ignoreRejection, useToggleControl } from './useToggleControl.js';

/**
 * Options of `ParticipantRecordButton` (and its hook); everything else is passed to the `<button>`.
 *
 * @public
 */
export interface UseParticipantRecordButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'>, OnAirComponentProps {
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

type DataAttributes = { readonly [key: `data-${string}`]: string | undefined };

/** What {@link useParticipantRecordButton} returns: state plus ready-to-spread prop bags. */
export interface UseParticipantRecordButtonResult {
  readonly status: RecordingStatus;
  /** `true` when the component should render nothing (`whenUnavailable: 'hide'` and unavailable). */
  readonly hidden: boolean;
  readonly labels: typeof participantRecordingLabels;
  /** The participant's name as the labels use it. */
  readonly name: string;
  /** The button's visible text and accessible name ("Record Ada", "Stop recording Ada", "Starting…"). */
  readonly label: string;
  /** `record`, `stop` or `busy`, for an icon. */
  readonly icon: 'record' | 'stop' | 'busy';
  /** Props of the root element (className, style, theme variables, data attributes). */
  readonly rootProps: HTMLAttributes<HTMLDivElement> & DataAttributes;
  /** Props of the button (consumer attributes merged in, ref included). */
  readonly buttonProps: ButtonHTMLAttributes<HTMLButtonElement> & DataAttributes & { ref: RefCallback<HTMLButtonElement> };
  /** Why the local participant cannot record others, when they cannot. */
  readonly unavailable: { readonly reason: ControlUnavailableReason; readonly id: string; readonly text: string } | undefined;
  /** The error to show (`role="alert"`), until dismissed; dismissing returns focus to the button. */
  readonly error:
    | { readonly error: OnAirError; readonly title: string; readonly dismissLabel: string; readonly dismiss: () => void }
    | undefined;
  /** Download links of the finished recording (only `http(s)` URLs), with their text. */
  readonly downloads: ReadonlyArray<{ readonly url: string; readonly label: string }>;
}

/**
 * @internal The logic of `ParticipantRecordButton` as a hook: reads `useParticipantRecording()`,
 * decides the label and what is usable, and returns prop bags (the toggle skeleton of
 * `useRecordButton`, for one participant).
 *
 * @example
 * ```tsx
 * function MyParticipantRecordButton({ id }: { id: string }) {
 *   const p = useParticipantRecordButton({ participantId: id });
 *   if (p.hidden) return null;
 *   return (
 *     <div {...p.rootProps}>
 *       <button {...p.buttonProps}>{p.label}</button>
 *       {p.error && <p role="alert">{p.error.error.message}</p>}
 *     </div>
 *   );
 * }
 * ```
 */
export function useParticipantRecordButton(
  props: UseParticipantRecordButtonProps,
  forwardedRef?: Ref<HTMLButtonElement>,
): UseParticipantRecordButtonResult {
  const {
    participantId,
    name: nameProp,
    startOptions,
    whenUnavailable = 'disable',
    showDownloads = true,
    timeoutMs,
    labels: labelOverrides,
    theme,
    size,
    variant,
    className,
    style,
    ...buttonAttributes
  } = props;
  const rec = useParticipantRecording(participantId, { timeoutMs });
  const { labels, root } = useRootProps({ labels: labelOverrides, theme, size, variant, className, style }, { className: 'onair-record onair-participant-record', labels: participantRecordingLabels });
  const name = nameProp ?? rec.name ?? participantId;
  const { status, can, start, stop } = rec;
  const running = isRecordingRunning(status);
  const reason = can.reason;

  const toggle = useToggleControl({
    status,
    running,
    busy: isTransitioning(status),
    reason,
    reasonText: reason === 'not-allowed' ? labels.participantRecordingNotAllowed : labels.participantRecordingNotSupported,
    whenUnavailable,
    labels: {
      starting: labels.startingParticipantRecording(name),
      stopping: labels.stoppingParticipantRecording(name),
      stop: labels.stopRecordingParticipant(name),
      start: labels.recordParticipant(name),
    },
    error: rec.error,
    errorTitle: labels.participantRecordingFailed,
    dismissLabel: labels.dismiss,
    buttonAttributes,
    forwardedRef,
    className: 'onair-button onair-record-button',
    onActivate: () => {
      if (running) stop().catch(ignoreRejection);
      else start(startOptions).catch(ignoreRejection);
    },
  });

  const links = showDownloads && status === 'idle' ? rec.files.map((f) => safeHttpUrl(f.url)).filter((u): u is string => u !== undefined) : [];

  return {
    status,
    hidden: toggle.hidden,
    labels,
    name,
    label: toggle.label,
    icon: toggle.phase === 'busy' ? 'busy' : toggle.phase === 'running' ? 'stop' : 'record',
    rootProps: root({ state: status }),
    buttonProps: toggle.buttonProps,
    unavailable: toggle.unavailable,
    error: toggle.error,
    downloads: links.map((url, index) => ({ url, label: labels.downloadParticipantRecording(name, index) })),
  };
}
