import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type HTMLAttributes,
  type Ref,
  type RefCallback,
} from 'react';
import { useStore } from 'zustand';
import { consentLabels } from '../core/labels.js';
import { cx, useLabels, useMergedRefs, useRootStyle, type OnAirComponentProps, type OnAirVariant } from './componentProps.js';
import { useOnAirContext } from './OnAirContext.js';
import { useConsent } from './useConsent.js';
import { useRecording } from './useRecording.js';

/** `solid`/`subtle`/`ghost` style the in-meeting banner; `prejoin` is the lobby form ("This meeting is being recorded"). */
export type ConsentBannerVariant = OnAirVariant | 'prejoin';

/**
 * What the banner shows: `hidden` (no recording, nothing to say), `ask` (the question),
 * `consented` / `declined` (a compact status with a way to change the answer).
 */
export type ConsentBannerState = 'hidden' | 'ask' | 'consented' | 'declined';

/** Options of {@link useConsentBanner}; other attributes go to the banner's root element. */
export interface UseConsentBannerProps extends Omit<HTMLAttributes<HTMLDivElement>, 'role'>, Omit<OnAirComponentProps, 'variant'> {
  /** Default `solid`. `prejoin` words it for a lobby: agree to continue. */
  readonly variant?: ConsentBannerVariant | undefined;
  /** Move focus to the banner when it asks (and back after the answer). Default `true`. */
  readonly autoFocus?: boolean | undefined;
  /**
   * Show the question even when no recording runs yet (a lobby that knows the meeting will be
   * recorded), or `false` to hide the banner. Default: follows `useConsent().required`.
   */
  readonly open?: boolean | undefined;
  /** After an answer, keep a compact status with "Withdraw consent" / "Change". Default `true`. */
  readonly showStatus?: boolean | undefined;
  /** Called after an accept was saved (the app may unmute, continue to the meeting …). */
  readonly onAccept?: (() => void) | undefined;
  /** Called after a decline (or a withdrawal) was saved (the app may mute the camera or leave). */
  readonly onDecline?: (() => void) | undefined;
}

type ButtonBag = ButtonHTMLAttributes<HTMLButtonElement> & { readonly 'data-onair-action': string };

/** What {@link useConsentBanner} returns: state, texts and ready-to-spread prop bags. */
export interface UseConsentBannerResult {
  readonly state: ConsentBannerState;
  readonly labels: typeof consentLabels;
  readonly prejoin: boolean;
  /** Props of the root: `role="dialog"` (non-modal) while asking, `role="group"` for the status. */
  readonly rootProps: HTMLAttributes<HTMLDivElement> & { ref: RefCallback<HTMLDivElement>; [key: `data-${string}`]: string | undefined };
  readonly titleId: string;
  readonly descriptionId: string;
  readonly title: string;
  /** "Recording started by Ada." — who started it, when known. */
  readonly startedBy: string;
  readonly question: string;
  readonly acceptProps: ButtonBag;
  readonly declineProps: ButtonBag;
  readonly acceptLabel: string;
  readonly declineLabel: string;
  /** The compact status line ("You agreed to be recorded."). */
  readonly statusText: string;
  /** "Withdraw consent" (after accepting) or "Change" (after declining). */
  readonly change: { readonly label: string; readonly props: ButtonBag } | undefined;
  readonly saving: boolean;
  /** The save error, shown with `role="alert"`. */
  readonly error: string | undefined;
  /** Text for the polite live region (when the banner asks without taking focus). */
  readonly announcement: string;
}

/**
 * The logic of {@link ConsentBanner}: when to ask, what to say, focus, saving, withdrawal.
 * Consent is only ever sent from a click on accept or decline.
 *
 * @example
 * ```tsx
 * function MyConsent() {
 *   const cb = useConsentBanner({ onDecline: () => call.setLocalVideo(false) });
 *   if (cb.state !== 'ask') return null;
 *   return (
 *     <div {...cb.rootProps}>
 *       <p id={cb.titleId}>{cb.title}</p>
 *       <button {...cb.acceptProps}>{cb.acceptLabel}</button>
 *       <button {...cb.declineProps}>{cb.declineLabel}</button>
 *     </div>
 *   );
 * }
 * ```
 */
export function useConsentBanner(props: UseConsentBannerProps, forwardedRef?: Ref<HTMLDivElement>): UseConsentBannerResult {
  const {
    variant = 'solid',
    autoFocus = true,
    open,
    showStatus = true,
    onAccept,
    onDecline,
    labels: labelOverrides,
    theme,
    size = 'md',
    className,
    style,
    ...rest
  } = props;
  const labels = useLabels(consentLabels, labelOverrides);
  const rootStyle = useRootStyle(theme, style);
  const consent = useConsent();
  const { startedBy: starterId, startedByName } = useRecording();
  const { store } = useOnAirContext();
  const epoch = useStore(store.state, (s) => s.consentEpoch);
  const localId = useStore(store.state, (s) => s.localParticipantId);
  const baseId = useId();
  const prejoin = variant === 'prejoin';

  const [reopened, setReopened] = useState<number | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  const active = open ?? consent.required;
  const asking = active && (consent.mine === undefined || reopened === epoch);
  const state: ConsentBannerState = !active
    ? 'hidden'
    : asking
      ? 'ask'
      : !showStatus
        ? 'hidden'
        : consent.mine
          ? 'consented'
          : 'declined';

  const rootRef = useRef<HTMLDivElement | null>(null);
  const ref = useMergedRefs(forwardedRef, rootRef);
  const changeRef = useRef<HTMLButtonElement | null>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const previousState = useRef<ConsentBannerState>('hidden');

  // Focus: into the banner when it starts asking; back where it was after the answer.
  useEffect(() => {
    const before = previousState.current;
    previousState.current = state;
    if (!autoFocus || before === state) return;
    const doc = rootRef.current?.ownerDocument ?? (typeof document === 'undefined' ? undefined : document);
    if (state === 'ask') {
      const active = doc?.activeElement as HTMLElement | null | undefined;
      if (active && active !== doc?.body && !rootRef.current?.contains(active)) returnTo.current = active;
      rootRef.current?.focus();
      return;
    }
    if (before !== 'ask') return;
    const focusInside = !doc?.activeElement || doc.activeElement === doc.body || rootRef.current?.contains(doc.activeElement);
    if (!focusInside) return;
    const target = returnTo.current;
    returnTo.current = null;
    if (target && target.isConnected) target.focus();
    else changeRef.current?.focus();
  }, [state, autoFocus]);

  const { setConsent } = consent;
  const answer = useCallback(
    (value: boolean) => {
      if (saving) return;
      setSaving(true);
      setError(undefined);
      setConsent(value).then(
        () => {
          setSaving(false);
          setReopened(undefined);
          if (value) onAccept?.();
          else onDecline?.();
        },
        () => {
          setSaving(false);
          setError(labels.consentSaveFailed);
        },
      );
    },
    [saving, setConsent, onAccept, onDecline, labels.consentSaveFailed],
  );

  const titleId = `${baseId}-title`;
  const descriptionId = `${baseId}-description`;
  const button = (action: string, onClick: () => void): ButtonBag => ({
    type: 'button',
    className: cx('onair-button', `onair-consent-${action}`),
    'aria-disabled': saving || undefined,
    'data-onair-action': action,
    onClick: () => {
      if (!saving) onClick();
    },
  });

  // The status after an answer is a labelled group, not a landmark (a page may also show a roster).
  const rootRole = state === 'ask' ? 'dialog' : 'group';
  const change =
    state === 'consented'
      ? { label: labels.consentWithdraw, props: { ...button('withdraw', () => answer(false)), ref: changeRef } }
      : state === 'declined'
        ? { label: labels.consentChange, props: { ...button('change', () => setReopened(epoch)), ref: changeRef } }
        : undefined;

  return {
    state,
    labels,
    prejoin,
    rootProps: {
      ...rest,
      ref,
      role: rootRole,
      tabIndex: state === 'ask' ? -1 : rest.tabIndex,
      'aria-modal': state === 'ask' ? false : undefined,
      'aria-labelledby': state === 'ask' ? titleId : rest['aria-labelledby'],
      'aria-describedby': state === 'ask' ? descriptionId : rest['aria-describedby'],
      'aria-label': state === 'ask' ? undefined : (rest['aria-label'] ?? labels.consentRegion),
      'aria-busy': saving || undefined,
      className: cx('onair-consent', className),
      style: rootStyle,
      'data-onair-state': state,
      'data-onair-variant': variant,
      'data-onair-size': size,
    },
    titleId,
    descriptionId,
    title: prejoin ? labels.consentPrejoinTitle : labels.consentTitle,
    startedBy:
      starterId !== undefined && starterId === localId
        ? labels.consentStartedByYou
        : startedByName
          ? labels.consentStartedBy(startedByName)
          : consent.required
            ? labels.consentStartedByUnknown
            : '',
    question: prejoin ? labels.consentPrejoinBody : labels.consentQuestion,
    acceptProps: button('accept', () => answer(true)),
    declineProps: button('decline', () => answer(false)),
    acceptLabel: prejoin ? labels.consentPrejoinAccept : labels.consentAccept,
    declineLabel: prejoin ? labels.consentPrejoinDecline : labels.consentDecline,
    statusText: state === 'consented' ? labels.consentGiven : state === 'declined' ? labels.consentDeclinedStatus : '',
    change,
    saving,
    error,
    announcement: state === 'ask' && !autoFocus ? labels.announceConsentRequested : '',
  };
}
