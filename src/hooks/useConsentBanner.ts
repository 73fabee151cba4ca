import {
  useCallback,
  useEffect,
  useSyncExternalStore,
  useId,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type HTMLAttributes,
  type ReactNode,
  type Ref,
  type RefCallback,
} from 'react';
import { useStore } from 'zustand';
import { consentLabels } from '../core/labels.js';
import { cx, useMergedRefs } from './mergeProps.js';
import type { OnAirComponentProps, OnAirVariant } from './OnAirComponentProps.js';
import { useRootProps } from './useRootProps.js';
import { useOnAirContext } from './OnAirContext.js';
import { noticeKey, useConsent } from './useConsent.js';
import { useRecording } from './useRecording.js';

/**
 * `solid`/`subtle`/`ghost` style the in-meeting banner; `prejoin` is the lobby form ("This meeting is being recorded").
 *
 * @public
 */
export type ConsentBannerVariant = OnAirVariant | 'prejoin';

/**
 * What the banner shows: `hidden` (no recording, nothing to say), `ask` (the question),
 * `consented` / `declined` (a compact status with a way to change the answer), `starter` (this
 * participant started the recording: starting is consent, so nobody asks; the status says so and
 * offers "Don’t record me").
 *
 * @public
 */
export type ConsentBannerState = 'hidden' | 'ask' | 'consented' | 'declined' | 'starter';

/**
 * Options of {@link useConsentBanner}; other attributes go to the banner's root element.
 *
 * @public
 */
export interface UseConsentBannerProps extends Omit<HTMLAttributes<HTMLDivElement>, 'role'>, Omit<OnAirComponentProps, 'variant'> {
  /** Default `solid`. `prejoin` words it for a lobby: agree to continue. */
  readonly variant?: ConsentBannerVariant | undefined;
  /**
   * Move focus into the banner when it starts asking — but only when focus is on one of the kit's own
   * controls (never from a text field, and never from the app's own controls or the page). Default
   * `false`: the banner is announced by a polite live region and reached with Tab (it is the next
   * stop after the focused control) or the `shortcut`.
   */
  readonly autoFocus?: boolean | undefined;
  /**
   * Keyboard shortcut that moves focus into the asking banner, in `aria-keyshortcuts` syntax
   * (`"Alt+Shift+C"`, the default), or `false` for none.
   */
  readonly shortcut?: string | false | undefined;
  /**
   * Show the question even when no recording runs yet (a lobby that knows the meeting will be
   * recorded), or `false` to hide the banner. Default: follows `useConsent().required`.
   */
  readonly open?: boolean | undefined;
  /** After an answer, keep a compact status with "Withdraw consent" / "Change". Default `true`. */
  readonly showStatus?: boolean | undefined;
  /**
   * The app's notice: shown above the question, and named (id, version, locale) in the answer the
   * consent ledger records. When its version changes after someone answered, they are asked again.
   */
  readonly notice?: ConsentNotice | undefined;
  /** Called after an accept was saved (the app may unmute, continue to the meeting …). */
  readonly onAccept?: (() => void) | undefined;
  /** Called after a decline (or a withdrawal) was saved (the app may mute the camera or leave). */
  readonly onDecline?: (() => void) | undefined;
}

/**
 * The app's recording notice: its own id and version (what the consent ledger records with the
 * answer) and the text shown, in the person's language. A new `version` asks everyone again.
 *
 * @public
 */
export interface ConsentNotice {
  readonly id: string;
  readonly version: string | number;
  /** The notice itself (your words, your legal text), shown above the question. */
  readonly text: ReactNode;
  /** The language `text` is in, recorded with the answer. Default: the provider's `locale`. */
  readonly locale?: string | undefined;
}

type ButtonBag = ButtonHTMLAttributes<HTMLButtonElement> & { readonly 'data-onair-action': string };

/**
 * What {@link useConsentBanner} returns: state, texts and ready-to-spread prop bags.
 *
 * @public
 */
export interface UseConsentBannerResult {
  readonly state: ConsentBannerState;
  readonly labels: typeof consentLabels;
  readonly prejoin: boolean;
  /** Props of the root: a labelled `role="region"` landmark while asking, `role="group"` for the status. */
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
  /** "Withdraw consent" (after accepting), "Change" (after declining), "Don’t record me" (the starter). */
  readonly change: { readonly label: string; readonly props: ButtonBag } | undefined;
  readonly saving: boolean;
  /** The save error, shown with `role="alert"`. */
  readonly error: string | undefined;
  /** Text for the polite live region (when the banner asks without taking focus). */
  readonly announcement: string;
  /** The app's notice text, while asking. */
  readonly noticeText: ReactNode;
  /** "The recording notice has changed…" when asking again for a new notice version; else `''`. */
  readonly noticeChanged: string;
  /** While answers wait to reach the consent ledger: the sentence saying so; else `''`. */
  readonly ledgerPending: string;
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
 *
 * @public
 */
export function useConsentBanner(props: UseConsentBannerProps, forwardedRef?: Ref<HTMLDivElement>): UseConsentBannerResult {
  const {
    autoFocus = false,
    shortcut = 'Alt+Shift+C',
    open,
    showStatus = true,
    onAccept,
    onDecline,
    notice,
    ...rootInput
  } = props;
  const rootRef = useRef<HTMLDivElement | null>(null);
  const ref = useMergedRefs(forwardedRef, rootRef);
  const { labels, root } = useRootProps(rootInput, { className: 'onair-consent', labels: consentLabels });
  const consent = useConsent();
  const { startedBy: starterId, startedByName } = useRecording();
  const { store, consentLedger, locale } = useOnAirContext();
  const outbox = consentLedger?.outbox;
  const ledgerPendingCount = useSyncExternalStore(
    useCallback((listener: () => void) => outbox?.subscribe(listener) ?? (() => {}), [outbox]),
    () => outbox?.getState().pending ?? 0,
    () => 0,
  );
  const currentNotice = noticeKey(notice);
  const epoch = useStore(store.state, (s) => s.consentEpoch);
  const localId = useStore(store.state, (s) => s.localParticipantId);
  const baseId = useId();
  const prejoin = props.variant === 'prejoin';

  const [reopened, setReopened] = useState<number | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  const active = open ?? consent.required;
  // Whoever started the recording already chose to record: starting is consent, never asked.
  const iStarted = starterId !== undefined && starterId === localId && !prejoin;
  // A new notice version since the answer: ask again (the starter's automatic yes excepted).
  const noticeChanged = currentNotice !== undefined && consent.mine !== undefined && consent.mineNotice !== currentNotice && !iStarted;
  const asking = active && ((consent.mine === undefined && !iStarted) || reopened === epoch || noticeChanged);
  const state: ConsentBannerState = !active
    ? 'hidden'
    : asking
      ? 'ask'
      : !showStatus
        ? 'hidden'
        : iStarted && consent.mine !== false
          ? 'starter'
          : consent.mine
            ? 'consented'
            : 'declined';

  const changeRef = useRef<HTMLButtonElement | null>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const previousState = useRef<ConsentBannerState>('hidden');
  // "Change" reopens the question from inside the banner: focus follows into it.
  const focusOnReopen = useRef(false);

  // Focus never jumps from where the person is working. While asking, the banner is the next Tab
  // stop after the focused control (once), and the shortcut reaches it from anywhere; after the
  // answer focus goes back to where it came from.
  useEffect(() => {
    const before = previousState.current;
    previousState.current = state;
    if (before === state) return;
    const doc = rootRef.current?.ownerDocument ?? (typeof document === 'undefined' ? undefined : document);
    if (state === 'ask') {
      const active = doc?.activeElement as HTMLElement | null | undefined;
      if (focusOnReopen.current) {
        focusOnReopen.current = false;
        firstControl(rootRef.current)?.focus({ preventScroll: true });
      } else if (autoFocus && active && isKitControl(active) && !rootRef.current?.contains(active)) {
        returnTo.current = active;
        firstControl(rootRef.current)?.focus({ preventScroll: true });
      }
      return;
    }
    if (before !== 'ask') return;
    const focusInside = !doc?.activeElement || doc.activeElement === doc.body || rootRef.current?.contains(doc.activeElement);
    const target = returnTo.current;
    returnTo.current = null;
    if (!focusInside) return;
    if (target && target.isConnected) target.focus({ preventScroll: true });
    else changeRef.current?.focus({ preventScroll: true });
  }, [state, autoFocus]);

  useEffect(() => {
    if (state !== 'ask') return;
    const doc = rootRef.current?.ownerDocument ?? (typeof document === 'undefined' ? undefined : document);
    if (!doc) return;
    const keys = shortcut ? parseShortcut(shortcut) : undefined;
    let tabbedIn = false;
    const enter = (event: KeyboardEvent) => {
      const root = rootRef.current;
      const target = firstControl(root);
      if (!root || !target) return;
      const active = doc.activeElement as HTMLElement | null;
      if (active && root.contains(active)) return;
      event.preventDefault();
      returnTo.current = active && active !== doc.body ? active : null;
      target.focus();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (keys && matchesShortcut(event, keys)) {
        enter(event);
        return;
      }
      if (event.key === 'Tab' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey && !tabbedIn) {
        tabbedIn = true;
        enter(event);
      }
    };
    doc.addEventListener('keydown', onKeyDown, true);
    return () => doc.removeEventListener('keydown', onKeyDown, true);
  }, [state, shortcut]);

  const { setConsent } = consent;
  // Starting is consent: record the starter's "yes" once per recording (the roster, the provider —
  // OpenTalk records only who consented — and `onConsentChange` then agree). Never a "no".
  const starterConsented = useRef<number | undefined>(undefined);
  const starterNeedsConsent = active && iStarted && consent.mine === undefined && reopened !== epoch;
  useEffect(() => {
    if (!starterNeedsConsent || starterConsented.current === epoch) return;
    starterConsented.current = epoch;
    setConsent(true).catch(() => {
      starterConsented.current = undefined;
    });
  }, [starterNeedsConsent, epoch, setConsent]);
  const answer = useCallback(
    (value: boolean) => {
      if (saving) return;
      setSaving(true);
      setError(undefined);
      const shown = notice ? { id: notice.id, version: notice.version, locale: notice.locale ?? locale } : undefined;
      setConsent(value, { notice: shown, source: 'banner' }).then(
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
    [saving, setConsent, onAccept, onDecline, labels.consentSaveFailed, notice, locale],
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

  // Asking: a labelled region (a landmark screen-reader users can jump to). The status after an
  // answer is a labelled group, not a landmark (a page may also show a roster).
  const rootRole = state === 'ask' ? 'region' : 'group';
  const change =
    state === 'starter'
      ? { label: labels.consentDecline, props: { ...button('withdraw', () => answer(false)), ref: changeRef } }
      : state === 'consented'
      ? { label: labels.consentWithdraw, props: { ...button('withdraw', () => answer(false)), ref: changeRef } }
      : state === 'declined'
        ? { label: labels.consentChange, props: { ...button('change', () => {
            focusOnReopen.current = true;
            setReopened(epoch);
          }), ref: changeRef } }
        : undefined;

  return {
    state,
    labels,
    prejoin,
    rootProps: {
      ...root({
        role: rootRole,
        tabIndex: state === 'ask' ? -1 : rootInput.tabIndex,
        'aria-keyshortcuts': state === 'ask' && shortcut ? shortcut : rootInput['aria-keyshortcuts'],
        'aria-labelledby': state === 'ask' ? titleId : rootInput['aria-labelledby'],
        'aria-describedby': state === 'ask' ? descriptionId : rootInput['aria-describedby'],
        'aria-label': state === 'ask' ? undefined : (rootInput['aria-label'] ?? labels.consentRegion),
        'aria-busy': saving || undefined,
        state,
      }),
      ref,
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
    statusText:
      state === 'consented'
        ? labels.consentGiven
        : state === 'declined'
          ? labels.consentDeclinedStatus
          : state === 'starter'
            ? labels.consentStarterStatus
            : '',
    change,
    saving,
    error,
    noticeText: state === 'ask' ? notice?.text : undefined,
    noticeChanged: state === 'ask' && noticeChanged ? labels.consentNoticeChanged : '',
    ledgerPending: ledgerPendingCount > 0 ? labels.consentLedgerPending : '',
    announcement:
      state === 'ask' ? `${labels.announceConsentRequested} ${labels.consentReachHint(shortcut ? shortcut.replace(/\+/g, ' ') : '')}` : '',
  };
}

/** Text fields and other elements that take typing: focus is never moved away from them. */
function isEditable(element: HTMLElement): boolean {
  if (element.isContentEditable) return true;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement) {
    return !['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file', 'image'].includes(element.type);
  }
  return element.getAttribute('role') === 'textbox' || element.getAttribute('role') === 'combobox';
}

/** A button of the kit's own components (the only place `autoFocus` may move focus from). */
function isKitControl(element: HTMLElement): boolean {
  return !isEditable(element) && element.closest('[data-onair-state]') !== null;
}

function firstControl(root: HTMLElement | null): HTMLElement | null {
  return root?.querySelector<HTMLElement>('button:not([disabled]), [href], input, [tabindex]:not([tabindex="-1"])') ?? null;
}

interface ShortcutKeys {
  readonly alt: boolean;
  readonly shift: boolean;
  readonly ctrl: boolean;
  readonly meta: boolean;
  readonly key: string;
}

function parseShortcut(shortcut: string): ShortcutKeys | undefined {
  const parts = shortcut.split('+').map((p) => p.trim().toLowerCase());
  const key = parts.pop();
  if (!key) return undefined;
  return { alt: parts.includes('alt'), shift: parts.includes('shift'), ctrl: parts.includes('control'), meta: parts.includes('meta'), key };
}

function matchesShortcut(event: KeyboardEvent, keys: ShortcutKeys): boolean {
  if (event.altKey !== keys.alt || event.shiftKey !== keys.shift || event.ctrlKey !== keys.ctrl || event.metaKey !== keys.meta) return false;
  // `code` survives Alt/Option changing the character on macOS: "KeyC" for "c".
  return event.key.toLowerCase() === keys.key || event.code.toLowerCase() === `key${keys.key}`;
}
