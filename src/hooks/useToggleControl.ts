import { useCallback, useId, useRef, useState, type ButtonHTMLAttributes, type MouseEvent, type Ref, type RefCallback } from 'react';
import type { OnAirError } from '../core/model.js';
import type { ControlUnavailableReason } from '../core/selectors.js';
import { composeEventHandlers, joinIds, useMergedRefs } from './mergeProps.js';

/** @internal A promise handler that ignores the rejection: the error shows from state. */
export const ignoreRejection = (): void => {};

/** An error the user can dismiss; a new error (another `at` or message) shows again. */
function useDismissableError(error: OnAirError | undefined): {
  readonly error: OnAirError | undefined;
  readonly dismiss: () => void;
} {
  const [dismissed, setDismissed] = useState<OnAirError | undefined>(undefined);
  const dismiss = useCallback(() => setDismissed(error), [error]);
  const visible = error && !(dismissed && dismissed.at === error.at && dismissed.message === error.message) ? error : undefined;
  return { error: visible, dismiss };
}

type DataAttributes = { readonly [key: `data-${string}`]: string | undefined };

/** @internal The four texts of a start/stop toggle, by phase. */
export interface ToggleControlLabels {
  /** While `starting` ("Starting…"). */
  readonly starting: string;
  /** While `stopping` ("Stopping…"). */
  readonly stopping: string;
  /** While running: what a press does ("Stop recording"). */
  readonly stop: string;
  /** Otherwise: what a press does ("Start recording"). */
  readonly start: string;
}

/** @internal What {@link useToggleControl} needs from the control that uses it. */
export interface ToggleControlOptions {
  /** The status word, shown as `data-onair-state`. */
  readonly status: string;
  /** The thing runs: a press stops it. */
  readonly running: boolean;
  /** A command is on its way: presses do nothing, `aria-busy`. */
  readonly busy: boolean;
  /** Why the participant cannot use the control, when they cannot. */
  readonly reason: ControlUnavailableReason | undefined;
  /** The reason as text (shown next to the button, referenced by `aria-describedby`). */
  readonly reasonText: string;
  /** `disable` shows the reason and describes the button with it; `hide` renders nothing. */
  readonly whenUnavailable: 'hide' | 'disable';
  readonly labels: ToggleControlLabels;
  /** The error from state; shown until dismissed, a new one shows again. */
  readonly error: OnAirError | undefined;
  readonly errorTitle: string;
  readonly dismissLabel: string;
  /** The consumer's attributes for the `<button>` (their `onClick` runs first, `preventDefault()` skips ours). */
  readonly buttonAttributes: ButtonHTMLAttributes<HTMLButtonElement>;
  readonly forwardedRef: Ref<HTMLButtonElement> | undefined;
  /** The button's class. */
  readonly className: string;
  /** Forced `type` (it then wins over the consumer's); default: `button`, replaceable by the consumer. */
  readonly type?: 'button' | 'submit' | undefined;
  /**
   * More of the control's own parts that describe the button, after the consumer's ids and the
   * reason: each a suffix of `baseId` (`-target` → `${baseId}-target`); `undefined` entries skip.
   */
  readonly describedByParts?: ReadonlyArray<string | undefined> | undefined;
  /** The kit's press, called only when the control is neither busy nor unavailable. */
  readonly onActivate: (event: MouseEvent<HTMLButtonElement>) => void;
}

/** @internal What {@link useToggleControl} returns. */
export interface ToggleControl {
  /** A base for ids of the control's parts (`${baseId}-reason` is taken). */
  readonly baseId: string;
  /** The `<button>` element (for focus). */
  readonly buttonRef: { readonly current: HTMLButtonElement | null };
  readonly hidden: boolean;
  /** The visible text and accessible name, by phase. */
  readonly label: string;
  /** `busy`, `running` or `idle`, for an icon. */
  readonly phase: 'busy' | 'running' | 'idle';
  readonly buttonProps: ButtonHTMLAttributes<HTMLButtonElement> & DataAttributes & { ref: RefCallback<HTMLButtonElement> };
  readonly unavailable: { readonly reason: ControlUnavailableReason; readonly id: string; readonly text: string } | undefined;
  /** The error to show (`role="alert"`); `dismiss` hides it and returns focus to the button. */
  readonly error:
    | { readonly error: OnAirError; readonly title: string; readonly dismissLabel: string; readonly dismiss: () => void }
    | undefined;
}

/**
 * @internal The skeleton every start/stop toggle of the kit shares (`useRecordButton`,
 * `useLiveStreamButton`, `useParticipantRecordButton`): busy / running / unavailable states, the
 * button's ARIA (`aria-busy`, `aria-disabled` — never `disabled`, so the button stays focusable
 * and says why — and `aria-describedby` pointing at the reason), the consumer's handlers chained
 * before the kit's, and an error that can be dismissed, after which focus goes back to the button.
 */
export function useToggleControl(options: ToggleControlOptions): ToggleControl {
  const { status, running, busy, reason, whenUnavailable, labels, buttonAttributes, type, onActivate } = options;
  const { onClick, 'aria-describedby': consumerDescribedBy, ...rest } = buttonAttributes;
  const baseId = useId();
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  const ref = useMergedRefs(options.forwardedRef, buttonRef);
  const { error, dismiss } = useDismissableError(options.error);
  const unavailable = reason !== undefined;
  const reasonId = `${baseId}-reason`;

  const activate = (event: MouseEvent<HTMLButtonElement>): void => {
    if (busy || unavailable) {
      event.preventDefault();
      return;
    }
    onActivate(event);
  };

  return {
    baseId,
    buttonRef,
    hidden: unavailable && whenUnavailable === 'hide',
    label: status === 'starting' ? labels.starting : status === 'stopping' ? labels.stopping : running ? labels.stop : labels.start,
    phase: busy ? 'busy' : running ? 'running' : 'idle',
    buttonProps: {
      ...(type === undefined ? { type: 'button' as const, ...rest } : { ...rest, type }),
      ref,
      className: options.className,
      'aria-disabled': busy || unavailable ? true : rest['aria-disabled'],
      'aria-busy': busy ? true : rest['aria-busy'],
      'aria-describedby': joinIds(consumerDescribedBy, unavailable && whenUnavailable === 'disable' ? reasonId : undefined, ...(options.describedByParts ?? []).map((part) => (part === undefined ? undefined : `${baseId}${part}`))),
      'data-onair-state': status,
      'data-onair-action': running ? 'stop' : 'start',
      onClick: composeEventHandlers(onClick, activate),
    },
    unavailable: reason !== undefined ? { reason, id: reasonId, text: options.reasonText } : undefined,
    error: error
      ? {
          error,
          title: options.errorTitle,
          dismissLabel: options.dismissLabel,
          dismiss: () => {
            dismiss();
            buttonRef.current?.focus();
          },
        }
      : undefined,
  };
}
