import {
  useCallback,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type ChangeEvent,
  type FormEvent,
  type FormHTMLAttributes,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type LabelHTMLAttributes,
  type MouseEvent,
  type Ref,
  type RefCallback,
} from 'react';
import type { StartLiveStreamOptions } from '../core/adapter.js';
import { liveStreamButtonLabels } from '../core/labels.js';
import type { LiveStreamStatus, OnAirError } from '../core/model.js';
import type { ControlUnavailableReason } from '../core/selectors.js';
import { useStore } from 'zustand';
import { useOnAirContext } from './OnAirContext.js';
import { joinIds } from './mergeProps.js';
import type { OnAirComponentProps } from './OnAirComponentProps.js';
import { isLiveStreamRunning, isTransitioning } from '../core/status.js';
import { useLiveStream } from './useLiveStream.js';
import { useRootProps } from './useRootProps.js';
import { ignoreRejection, useToggleControl } from './useToggleControl.js';

/**
 * Options of {@link useLiveStreamButton}; everything else is passed to the main `<button>`.
 *
 * @public
 */
export interface UseLiveStreamButtonProps extends ButtonHTMLAttributes<HTMLButtonElement>, OnAirComponentProps {
  /** Follow one stream instance; default: the most relevant one. */
  readonly instanceId?: string | undefined;
  /** Stream to this RTMP(S) URL (with the stream key). Without it and without `endpoints`, a URL form shows. */
  readonly rtmpUrl?: string | readonly string[] | undefined;
  /** Endpoints configured on the provider's side (Daily `endpoints`). */
  readonly endpoints?: readonly string[] | undefined;
  /** Extra start options (layout, provider options …). */
  readonly startOptions?: Omit<StartLiveStreamOptions, 'rtmpUrl' | 'endpoints'> | undefined;
  /** When this participant may not stream: `disable` (default) shows the reason; `hide` renders nothing. */
  readonly whenUnavailable?: 'hide' | 'disable' | undefined;
}

type DataAttributes = { readonly [key: `data-${string}`]: string | undefined };

/**
 * What {@link useLiveStreamButton} returns.
 *
 * @public
 */
export interface UseLiveStreamButtonResult {
  readonly status: LiveStreamStatus;
  readonly hidden: boolean;
  readonly labels: typeof liveStreamButtonLabels;
  /** The main button's text and accessible name ("Go live", "End live stream", "Going live…", "Ending…"). */
  readonly label: string;
  /** `live` (the broadcast glyph), `stop-live` (end: a square in a ring, unlike the recording's plain square) or `busy`. */
  readonly icon: 'live' | 'stop-live' | 'busy';
  /** Props of the root `role="group"` element (className, style, theme variables, data attributes). */
  readonly rootProps: HTMLAttributes<HTMLDivElement> & DataAttributes;
  /** Props of the `<form>` around the URL field and the button (submitting starts). */
  readonly formProps: FormHTMLAttributes<HTMLFormElement>;
  readonly buttonProps: ButtonHTMLAttributes<HTMLButtonElement> & DataAttributes & { ref: RefCallback<HTMLButtonElement> };
  /** The URL field, while a start needs a URL and none was given. */
  readonly field:
    | {
        readonly labelProps: LabelHTMLAttributes<HTMLLabelElement>;
        readonly inputProps: InputHTMLAttributes<HTMLInputElement> & { ref: Ref<HTMLInputElement> };
        readonly hint: { readonly id: string; readonly text: string };
        /** The validation message, once the user submitted an invalid URL. */
        readonly invalid: { readonly id: string; readonly text: string } | undefined;
      }
    | undefined;
  readonly unavailable: { readonly reason: ControlUnavailableReason; readonly id: string; readonly text: string } | undefined;
  readonly error:
    | { readonly error: OnAirError; readonly title: string; readonly dismissLabel: string; readonly dismiss: () => void }
    | undefined;
}

/**
 * `true` for an `rtmp://` or `rtmps://` URL with a host.
 *
 * @example
 * ```ts
 * isRtmpUrl('rtmps://live.example.com/app/KEY'); // true
 * isRtmpUrl('https://example.com'); // false
 * ```
 *
 * @public
 */
export function isRtmpUrl(value: string): boolean {
  const text = value.trim();
  if (!/^rtmps?:\/\//i.test(text)) return false;
  try {
    return new URL(text).host.length > 0;
  } catch {
    return false;
  }
}

/**
 * The logic of {@link LiveStreamButton}: go live to a given URL or endpoints (or to a URL the user
 * types into a validated field), end the stream, errors and permissions. Returns prop bags.
 *
 * @example
 * ```tsx
 * const ls = useLiveStreamButton({ rtmpUrl: 'rtmps://live.example.com/app/KEY' });
 * return (
 *   <div {...ls.rootProps}>
 *     <form {...ls.formProps}>
 *       <button {...ls.buttonProps}>{ls.label}</button>
 *     </form>
 *   </div>
 * );
 * ```
 *
 * @public
 */
export function useLiveStreamButton(props: UseLiveStreamButtonProps, forwardedRef?: Ref<HTMLButtonElement>): UseLiveStreamButtonResult {
  const {
    instanceId,
    rtmpUrl,
    endpoints,
    startOptions,
    whenUnavailable = 'disable',
    labels: labelOverrides,
    theme,
    size,
    variant,
    className,
    style,
    ...buttonAttributes
  } = props;
  const live = useLiveStream({ instanceId });
  const { store } = useOnAirContext();
  // The provider itself refuses this participant: say so before the press.
  const providerDenied = useStore(store.state, (st) =>
    st.providerPermissions?.liveStream === false ? 'permission' : st.providerPermissions?.liveStream !== true && st.providerRole === 'participant' ? 'role' : undefined,
  );
  const { labels, root } = useRootProps({ labels: labelOverrides, theme, size, variant, className, style }, { className: 'onair-live-control', labels: liveStreamButtonLabels });
  const inputRef = useRef<HTMLInputElement | null>(null);
  const [url, setUrl] = useState('');
  const [showInvalid, setShowInvalid] = useState(false);

  const { status, can, start, stop } = live;
  const running = isLiveStreamRunning(status);
  const busy = isTransitioning(status);
  // The provider's own word (RealtimeKit preset, Daily permissions) makes `can.reason` "not-allowed"; a role it reports does not.
  const deniedByProvider = providerDenied === 'permission' ? can.reason === 'not-allowed' : providerDenied === 'role' && can.reason === undefined;
  const reason: ControlUnavailableReason | undefined = can.reason ?? (deniedByProvider ? 'not-allowed' : undefined);
  const unavailable = reason !== undefined;
  const needsUrl = rtmpUrl === undefined && (endpoints === undefined || endpoints.length === 0);
  const showField = needsUrl && !unavailable && !running && !busy;

  const begin = useCallback(() => {
    if (!can.start) return;
    if (needsUrl) {
      if (!isRtmpUrl(url)) {
        setShowInvalid(true);
        inputRef.current?.focus();
        return;
      }
      start({ ...startOptions, rtmpUrl: url.trim() }).catch(ignoreRejection);
    } else {
      start({ ...startOptions, rtmpUrl, endpoints }).catch(ignoreRejection);
    }
  }, [can.start, needsUrl, url, start, startOptions, rtmpUrl, endpoints]);

  const activate = useCallback(
    (event: MouseEvent<HTMLButtonElement>) => {
      if (running) {
        event.preventDefault();
        if (can.stop) stop().catch(ignoreRejection);
      }
      // Otherwise the click submits the form, which starts.
    },
    [running, can.stop, stop],
  );

  const toggle = useToggleControl({
    status,
    running,
    busy,
    reason,
    reasonText: deniedByProvider ? labels.liveDeniedByProvider : reason === 'not-allowed' ? labels.liveNotAllowed : labels.liveNotSupported,
    whenUnavailable,
    labels: { starting: labels.startingLiveStream, stopping: labels.stoppingLiveStream, stop: labels.endLiveStream, start: labels.goLive },
    error: live.error,
    errorTitle: labels.liveFailed,
    dismissLabel: labels.dismiss,
    buttonAttributes,
    forwardedRef,
    className: 'onair-button onair-live-button',
    type: running || busy ? 'button' : 'submit',
    onActivate: activate,
  });
  const { baseId } = toggle;

  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (busy || unavailable || running) return;
      begin();
    },
    [busy, unavailable, running, begin],
  );

  const inputId = `${baseId}-url`;
  const hintId = `${baseId}-hint`;
  const invalidId = `${baseId}-invalid`;
  const invalidNow = showInvalid && !isRtmpUrl(url);

  return {
    status,
    hidden: toggle.hidden,
    labels,
    label: toggle.label,
    icon: toggle.phase === 'busy' ? 'busy' : toggle.phase === 'running' ? 'stop-live' : 'live',
    rootProps: root({ role: 'group', 'aria-label': labels.liveStreamControls, state: status }),
    formProps: { className: 'onair-live-form', noValidate: true, onSubmit },
    buttonProps: toggle.buttonProps,
    field: showField
      ? {
          labelProps: { htmlFor: inputId, className: 'onair-field-label' },
          inputProps: {
            ref: inputRef,
            id: inputId,
            name: 'rtmpUrl',
            type: 'url',
            inputMode: 'url',
            autoComplete: 'off',
            spellCheck: false,
            placeholder: 'rtmps://',
            className: 'onair-input',
            value: url,
            onChange: (event: ChangeEvent<HTMLInputElement>) => setUrl(event.target.value),
            'aria-invalid': invalidNow || undefined,
            'aria-describedby': joinIds(hintId, invalidNow ? invalidId : undefined),
          },
          hint: { id: hintId, text: labels.rtmpUrlHint },
          invalid: invalidNow ? { id: invalidId, text: labels.rtmpUrlInvalid } : undefined,
        }
      : undefined,
    unavailable: toggle.unavailable,
    error: toggle.error,
  };
}
