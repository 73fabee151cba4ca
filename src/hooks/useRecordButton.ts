import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type DialogHTMLAttributes,
  type HTMLAttributes,
  type Ref,
  type RefCallback,
} from 'react';
import { defaultCommandTiming, LOCAL_INSTANCE_ID, type StartRecordingOptions } from '../core/adapter.js';
import { recordButtonLabels } from '../core/labels.js';
import type { OnAirError, RecordingStatus } from '../core/model.js';
import { selectRecordingSessionsInOrder, type ControlUnavailableReason } from '../core/selectors.js';
import { useStore } from 'zustand';
import { useOnAirContext } from './OnAirContext.js';
import type { OnAirComponentProps } from './OnAirComponentProps.js';
import { isRecordingRunning, isTransitioning } from '../core/status.js';
import type { ElapsedClock } from './useElapsedMs.js';
import { useRecording } from './useRecording.js';
import { useRootProps } from './useRootProps.js';
import { ignoreRejection, useToggleControl } from './useToggleControl.js';

/**
 * Options of {@link useRecordButton}; everything else is passed to the main `<button>`.
 *
 * @public
 */
export interface UseRecordButtonProps extends ButtonHTMLAttributes<HTMLButtonElement>, OnAirComponentProps {
  /** Follow one recording instance (Daily multi-instance); default: the most relevant one. */
  readonly instanceId?: string | undefined;
  /** Options for `start()` (recording type, provider options …). */
  readonly startOptions?: StartRecordingOptions | undefined;
  /** Ask "Stop recording?" in a small modal dialog before stopping. Default `false`. */
  readonly confirmStop?: boolean | undefined;
  /** When this participant may not record: `disable` (default) shows the button disabled with the reason; `hide` renders nothing. */
  readonly whenUnavailable?: 'hide' | 'disable' | undefined;
}

type DataAttributes = { readonly [key: `data-${string}`]: string | undefined };

/** Start options of a recording in this browser (`onair-react/local`). */
const LOCAL_START: StartRecordingOptions = { type: 'local', instanceId: LOCAL_INSTANCE_ID };

/** How long before the provider's maximum length the warning shows, unless the app says. */
const DEFAULT_WARN_BEFORE_MS = 5 * 60_000;

/** Names of providers as people know them, for "stopped by Daily". */
function providerName(provider: string | undefined): string {
  switch (provider) {
    case 'daily':
      return 'Daily';
    case 'realtimekit':
      return 'RealtimeKit';
    case 'videosdk':
      return 'VideoSDK';
    case 'opentalk':
      return 'OpenTalk';
    default:
      return '';
  }
}

/**
 * `true` when a recording that ran from `startedAt` and stopped at `now` (not by a stop asked here)
 * ended at the provider's maximum length: within 5 % (at most 5 s) of it, or later.
 */
function endedAtLimit(startedAt: number, now: number, maxDurationMs: number): boolean {
  return now - startedAt >= maxDurationMs - Math.min(5_000, maxDurationMs * 0.05);
}

/** Suffix of the id of the "acts on recording 2 of 2" note. */
const ACTS_ON = '-target';

/**
 * What {@link useRecordButton} returns: state plus ready-to-spread prop bags.
 *
 * @public
 */
export interface UseRecordButtonResult {
  readonly status: RecordingStatus;
  /** `true` when the component should render nothing (`whenUnavailable: 'hide'` and unavailable). */
  readonly hidden: boolean;
  readonly labels: typeof recordButtonLabels;
  /** The main button's visible text and accessible name ("Start recording", "Stop recording", "Starting…"). */
  readonly label: string;
  /** `record`, `stop` or `busy`, for an icon. */
  readonly icon: 'record' | 'stop' | 'busy';
  /** Props of the root `role="group"` element (className, style, theme variables, data attributes). */
  readonly rootProps: HTMLAttributes<HTMLDivElement> & DataAttributes;
  /** Props of the main button (consumer attributes merged in, ref included). */
  readonly buttonProps: ButtonHTMLAttributes<HTMLButtonElement> & DataAttributes & { ref: RefCallback<HTMLButtonElement> };
  /** Timing of the elapsed clock while a recording runs, else `undefined`. */
  readonly clock: ElapsedClock | undefined;
  /**
   * The second start button, "Record on this device", while idle where a recording can be made by
   * the provider or in this browser (adapter capability `recordingLocations`, `onair-react/local`);
   * the main button then reads "Record in the cloud".
   */
  readonly device: { readonly label: string; readonly props: ButtonHTMLAttributes<HTMLButtonElement> & DataAttributes } | undefined;
  /** The pause / resume button, when the provider and role allow it now. */
  readonly pause: { readonly label: string; readonly props: ButtonHTMLAttributes<HTMLButtonElement> & DataAttributes } | undefined;
  /** Why the participant cannot record, when they cannot (shown next to the button, referenced by `aria-describedby`). */
  readonly unavailable: { readonly reason: ControlUnavailableReason; readonly id: string; readonly text: string } | undefined;
  /** The error to show (role="alert"), until dismissed. */
  readonly error:
    | { readonly error: OnAirError; readonly title: string; readonly dismissLabel: string; readonly dismiss: () => void }
    | undefined;
  /**
   * While several recordings run (Daily instances) and no `instanceId` is fixed: which one the
   * buttons act on, as a radio group ("2 recordings — the buttons act on"), first opened first.
   */
  readonly targets:
    | {
        readonly legend: string;
        readonly name: string;
        readonly options: ReadonlyArray<{
          readonly instanceId: string;
          readonly label: string;
          readonly checked: boolean;
          readonly select: () => void;
        }>;
        /** "Acts on recording 2 of 2." (the buttons' description). */
        readonly actsOn: { readonly id: string; readonly text: string };
      }
    | undefined;
  /**
   * `true` once a start or stop has waited longer than `slowAfterMs` (`OnAirProvider commandTiming`):
   * the label then reads "Still starting…" / "Still stopping…".
   */
  readonly slow: boolean;
  /** "Cancel" while a start is slow: stops what may have started. */
  readonly cancel: { readonly label: string; readonly props: ButtonHTMLAttributes<HTMLButtonElement> & DataAttributes } | undefined;
  /**
   * After a start or stop the provider did not confirm in time: "Check again" re-reads the
   * provider's state (`adapter.refresh`); `check` is `undefined` where the provider has no read, and
   * `note` says so.
   */
  readonly unconfirmed:
    | {
        readonly check: { readonly label: string; readonly props: ButtonHTMLAttributes<HTMLButtonElement> } | undefined;
        readonly note: string | undefined;
      }
    | undefined;
  /**
   * What is known about the recording's maximum length (`maxDurationMs`): `warning` before the end
   * ("Recording ends in 5 min", shown in a polite status, once) and `ended` after the provider ended
   * the recording there (distinct from a failure; dismissable).
   */
  readonly limit:
    | { readonly kind: 'warning'; readonly text: string }
    | { readonly kind: 'ended'; readonly text: string; readonly dismissLabel: string; readonly dismiss: () => void }
    | undefined;
  /** The stop confirmation, when `confirmStop` is set. */
  readonly confirm:
    | {
        readonly open: boolean;
        readonly dialogProps: DialogHTMLAttributes<HTMLDialogElement> & { ref: Ref<HTMLDialogElement> };
        readonly titleId: string;
        readonly bodyId: string;
        readonly acceptProps: ButtonHTMLAttributes<HTMLButtonElement>;
        readonly cancelProps: ButtonHTMLAttributes<HTMLButtonElement> & { ref: Ref<HTMLButtonElement> };
      }
    | undefined;
}

/**
 * The logic of {@link RecordButton} as a hook: reads `useRecording()`, decides the label, the
 * action and what is disabled, and returns prop bags to spread. Use it to build your own record
 * control with the kit's behaviour (double clicks send one start; errors show from state and leave
 * the button usable; the accessible name is "Start recording" / "Stop recording", no `aria-pressed`).
 *
 * @example
 * ```tsx
 * function MyRecordButton() {
 *   const rb = useRecordButton({ confirmStop: true });
 *   if (rb.hidden) return null;
 *   return (
 *     <div {...rb.rootProps}>
 *       <button {...rb.buttonProps}>{rb.label}</button>
 *       {rb.error && <p role="alert">{rb.error.error.message}</p>}
 *     </div>
 *   );
 * }
 * ```
 *
 * @public
 */
export function useRecordButton(props: UseRecordButtonProps, forwardedRef?: Ref<HTMLButtonElement>): UseRecordButtonResult {
  const {
    instanceId,
    startOptions,
    confirmStop = false,
    whenUnavailable = 'disable',
    labels: labelOverrides,
    theme,
    size,
    variant,
    className,
    style,
    ...buttonAttributes
  } = props;
  const {
    store,
    capabilities,
    adapter,
    slowAfterMs = defaultCommandTiming.slowAfterMs,
    maxDurationMs,
    warnBeforeMs = DEFAULT_WARN_BEFORE_MS,
  } = useOnAirContext();
  const locations = capabilities?.recordingLocations;
  const cloudToo = locations?.includes('cloud') === true;
  const deviceOnly = locations?.includes('device') === true && !cloudToo;
  const deviceChoice = locations?.includes('device') === true && cloudToo;
  // The open recordings, oldest first; a new list only when the recordings table changes (live-stream
  // events leave it as it is), without zustand's general shallow compare in the bundle.
  const recordings = useStore(store.state, (s) => s.recordings);
  const open = useMemo(() => selectRecordingSessionsInOrder({ recordings }), [recordings]);
  const names = useStore(store.state, (s) => s.participantNames);
  // The provider itself says this participant may not record (Daily: not an owner, no canAdmin):
  // a press would certainly fail, so say so before it — even when the app's role says moderator.
  const providerDenied = useStore(store.state, (s) =>
    s.providerPermissions?.recording === false ? 'permission' : s.providerPermissions?.recording !== true && s.providerRole === 'participant' ? 'role' : undefined,
  );
  // Several recordings: the person chooses which one the buttons act on (default: the first).
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const choosing = instanceId === undefined && open.length > 1;
  const chosenOpen = choosing && chosen !== undefined && open.some((s) => s.instanceId === chosen) ? chosen : undefined;
  const target = instanceId ?? (choosing ? (chosenOpen ?? open[0]?.instanceId) : undefined);
  const rec = useRecording({ instanceId: target });
  const { labels, root } = useRootProps({ labels: labelOverrides, theme, size, variant, className, style }, { className: 'onair-record', labels: recordButtonLabels });
  const { status, can } = rec;

  const dialogRef = useRef<HTMLDialogElement | null>(null);
  const cancelRef = useRef<HTMLButtonElement | null>(null);
  const [confirming, setConfirming] = useState(false);

  const running = isRecordingRunning(status);
  const busy = isTransitioning(status);
  // The provider's own word (RealtimeKit preset, Daily permissions) makes `can.reason` "not-allowed"; a role it reports does not.
  const deniedByProvider = providerDenied === 'permission' ? can.reason === 'not-allowed' : providerDenied === 'role' && can.reason === undefined;
  const reason: ControlUnavailableReason | undefined = can.reason ?? (deniedByProvider ? 'not-allowed' : undefined);
  const unavailable = reason !== undefined;
  const confirmOpen = confirmStop && confirming && running;
  const targetIndex = choosing ? open.findIndex((s) => s.instanceId === target) : -1;

  const { start, stop, pause, resume } = rec;

  // A start or stop that waits longer than `slowAfterMs` says so ("Still starting…"), keyed by what
  // it waits for, so a new wait starts a new timer.
  const waitKey = busy ? `${status}\u0000${rec.session?.instanceId ?? ''}\u0000${rec.session?.pending ?? ''}` : undefined;
  const [slowKey, setSlowKey] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (waitKey === undefined || !(slowAfterMs >= 0)) return;
    const timer = setTimeout(() => setSlowKey(waitKey), Math.min(slowAfterMs, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [waitKey, slowAfterMs]);
  const slow = waitKey !== undefined && slowKey === waitKey;

  // The provider's maximum length: a warning before the end, and a note when it ended there.
  const startedAt = running ? rec.startedAt : undefined;
  const [warnedFor, setWarnedFor] = useState<{ readonly startedAt: number; readonly minutes: number } | undefined>(undefined);
  useEffect(() => {
    if (startedAt === undefined || maxDurationMs === undefined || !(maxDurationMs > 0)) return;
    const endAt = startedAt + maxDurationMs;
    const warn = () => setWarnedFor({ startedAt, minutes: Math.max(1, Math.ceil((endAt - Date.now()) / 60_000)) });
    const delay = endAt - Math.max(0, warnBeforeMs) - Date.now();
    if (delay <= 0) {
      warn();
      return;
    }
    const timer = setTimeout(warn, Math.min(delay, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [startedAt, maxDurationMs, warnBeforeMs]);
  const warning = warnedFor !== undefined && warnedFor.startedAt === startedAt ? warnedFor : undefined;
  // What the last running recording was, to tell "the provider ended it at its limit" from a stop asked here.
  const lastRun = useRef<{ readonly startedAt: number; readonly stopAsked: boolean } | undefined>(undefined);
  const [endedAt, setEndedAt] = useState<number | undefined>(undefined);
  const pendingStop = rec.session?.pending === 'stop-recording';
  useEffect(() => {
    if ((running || status === 'stopping') && rec.startedAt !== undefined) {
      lastRun.current = { startedAt: rec.startedAt, stopAsked: pendingStop || lastRun.current?.stopAsked === true };
      setEndedAt(undefined);
      return;
    }
    const last = lastRun.current;
    if (status === 'idle' || status === 'error') lastRun.current = undefined;
    if (status === 'idle' && last && !last.stopAsked && maxDurationMs !== undefined && maxDurationMs > 0 && endedAtLimit(last.startedAt, Date.now(), maxDurationMs)) {
      setEndedAt(Date.now());
    }
  }, [running, status, rec.startedAt, pendingStop, maxDurationMs]);
  if (status === 'starting' && endedAt !== undefined) setEndedAt(undefined);
  const activate = useCallback(() => {
    if (running) {
      if (!can.stop) return;
      if (confirmStop) setConfirming(true);
      else stop().catch(ignoreRejection);
    } else if (can.start) {
      start(startOptions ?? (deviceOnly ? LOCAL_START : undefined)).catch(ignoreRejection);
    }
  }, [running, can.stop, can.start, confirmStop, stop, start, startOptions, deviceOnly]);

  const toggle = useToggleControl({
    status,
    running,
    busy,
    reason,
    reasonText: deniedByProvider
      ? labels.recordingDeniedByProvider
      : reason === 'not-allowed'
        ? labels.recordingNotAllowed
        : reason === 'disabled'
          ? labels.recordingDisabled
          : reason === undefined
            ? ''
            : labels.recordingNotSupported,
    whenUnavailable,
    labels: {
      starting: slow ? labels.stillStarting : labels.startingRecording,
      stopping: slow ? labels.stillStopping : labels.stoppingRecording,
      stop: labels.stopRecording,
      start: deviceChoice ? labels.recordInCloud : deviceOnly ? labels.recordOnDevice : labels.startRecording,
    },
    error: rec.error,
    errorTitle: labels.recordingFailed,
    dismissLabel: labels.dismiss,
    buttonAttributes,
    forwardedRef,
    className: 'onair-button onair-record-button',
    describedByParts: [targetIndex >= 0 ? ACTS_ON : undefined],
    onActivate: activate,
  });
  const { baseId, buttonRef } = toggle;
  const actsOnId = `${baseId}${ACTS_ON}`;

  // The confirmation is a native modal <dialog>: focus moves in, Escape cancels, the page is inert.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (confirmOpen && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!confirmOpen && dialog.open) {
      dialog.close();
    }
  }, [confirmOpen]);

  const closeConfirm = useCallback(() => {
    setConfirming(false);
    buttonRef.current?.focus();
  }, [buttonRef]);

  const pauseVisible = !unavailable && (can.pause || can.resume);

  // A command the provider did not confirm in time: say what is known and offer to ask again.
  const unconfirmedError = toggle.error !== undefined && toggle.error.error.code === 'timeout' && (toggle.error.error.command === 'start-recording' || toggle.error.error.command === 'stop-recording') ? toggle.error : undefined;
  const [checking, setChecking] = useState(false);
  const refresh = adapter?.refresh;
  const checkAgain = useCallback(() => {
    if (!refresh || !unconfirmedError) return;
    const dismiss = unconfirmedError.dismiss;
    setChecking(true);
    refresh
      .call(adapter)
      .then(dismiss, ignoreRejection)
      .finally(() => setChecking(false));
  }, [refresh, adapter, unconfirmedError]);
  const pausePending = rec.session?.pending === 'pause-recording' || rec.session?.pending === 'resume-recording';

  return {
    status,
    hidden: toggle.hidden,
    labels,
    label: toggle.label,
    icon: toggle.phase === 'busy' ? 'busy' : toggle.phase === 'running' ? 'stop' : 'record',
    rootProps: root({ role: 'group', 'aria-label': labels.recordingControls, state: status }),
    buttonProps: toggle.buttonProps,
    clock:
      (running || status === 'stopping') && rec.startedAt !== undefined
        ? { startedAt: rec.startedAt, pausedAt: rec.pausedAt, pausedMs: rec.pausedMs }
        : undefined,
    device:
      deviceChoice && !running && !busy && !toggle.hidden
        ? {
            label: labels.recordOnDevice,
            props: {
              type: 'button',
              className: 'onair-button onair-record-button onair-record-device',
              disabled: unavailable || !can.start,
              'aria-describedby': toggle.unavailable?.id,
              'data-onair-state': status,
              onClick: () => start(LOCAL_START).catch(ignoreRejection),
            },
          }
        : undefined,
    pause: pauseVisible
      ? {
          label: status === 'paused' ? labels.resumeRecording : labels.pauseRecording,
          props: {
            type: 'button',
            className: 'onair-button onair-pause-button',
            'aria-busy': pausePending || undefined,
            'aria-describedby': targetIndex >= 0 ? actsOnId : undefined,
            'data-onair-state': status,
            onClick: () => (status === 'paused' ? resume() : pause()).catch(ignoreRejection),
          },
        }
      : undefined,
    unavailable: toggle.unavailable,
    error: unconfirmedError
      ? {
          ...unconfirmedError,
          title: labels.notConfirmedTitle,
          error: { ...unconfirmedError.error, message: unconfirmedError.error.command === 'stop-recording' ? labels.stopNotConfirmed : labels.startNotConfirmed },
        }
      : toggle.error,
    slow,
    cancel:
      slow && status === 'starting'
        ? {
            label: labels.cancelStart,
            props: {
              type: 'button',
              className: 'onair-button onair-cancel-button',
              'data-onair-state': status,
              onClick: () => {
                // The Cancel button leaves with the start: focus stays on the control.
                buttonRef.current?.focus();
                stop().catch(ignoreRejection);
              },
            },
          }
        : undefined,
    unconfirmed: unconfirmedError
      ? {
          check: refresh
            ? {
                label: labels.checkAgain,
                props: { type: 'button', className: 'onair-button onair-check-button', 'aria-busy': checking || undefined, disabled: checking, onClick: checkAgain },
              }
            : undefined,
          note: refresh ? undefined : labels.cannotCheckAgain,
        }
      : undefined,
    limit:
      running && warning
        ? { kind: 'warning', text: labels.recordingEndsIn(warning.minutes) }
        : !running && !busy && endedAt !== undefined
          ? {
              kind: 'ended',
              text: labels.recordingLimitReached(providerName(adapter?.provider)),
              dismissLabel: labels.dismiss,
              dismiss: () => setEndedAt(undefined),
            }
          : undefined,
    targets:
      targetIndex >= 0
        ? {
            legend: labels.recordingTargets(open.length),
            name: `${baseId}-targets`,
            options: open.map((session, index) => ({
              instanceId: session.instanceId,
              label: labels.recordingTarget(index + 1, session.startedBy === undefined ? '' : (names[session.startedBy] ?? '')),
              checked: session.instanceId === target,
              select: () => setChosen(session.instanceId),
            })),
            actsOn: { id: actsOnId, text: labels.actsOnRecording(targetIndex + 1, open.length) },
          }
        : undefined,
    confirm: confirmStop
      ? {
          open: confirmOpen,
          titleId: `${baseId}-confirm-title`,
          bodyId: `${baseId}-confirm-body`,
          dialogProps: {
            ref: dialogRef,
            role: 'alertdialog',
            className: 'onair-confirm',
            'aria-labelledby': `${baseId}-confirm-title`,
            'aria-describedby': `${baseId}-confirm-body`,
            'aria-modal': true,
            onClose: closeConfirm,
            // Escape cancels (the native close request does too; handling the key keeps it uniform).
            onKeyDown: (event) => {
              if (event.key !== 'Escape') return;
              event.preventDefault();
              dialogRef.current?.close();
            },
          },
          acceptProps: {
            type: 'button',
            className: 'onair-button onair-confirm-accept',
            onClick: () => {
              dialogRef.current?.close();
              stop().catch(ignoreRejection);
            },
          },
          cancelProps: {
            ref: cancelRef,
            type: 'button',
            className: 'onair-button onair-confirm-cancel',
            onClick: () => dialogRef.current?.close(),
          },
        }
      : undefined,
  };
}
