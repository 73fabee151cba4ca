import { forwardRef, type ComponentProps } from 'react';
import { isRtmpUrl, useLiveStreamButton, type UseLiveStreamButtonProps } from '../hooks/useLiveStreamButton.js';
import { ErrorNote } from './ErrorNote.js';

/**
 * Props of {@link LiveStreamButton}. Native button attributes and the `ref` go to the main
 * `<button>`; `className`, `style` and `theme` go to the root `role="group"` element. The field
 * and button sit in a `<form>`, so do not place the component inside another form.
 *
 * @public
 */
export type LiveStreamButtonProps = Omit<UseLiveStreamButtonProps, 'children'>;

/**
 * Enter in the URL field submits the form; going live then removes the field, which would drop focus
 * to `<body>` (22.11). Focus moves to the button first — it stays, as "Starting…" / "End live stream".
 */
type FormSubmit = NonNullable<ComponentProps<'form'>['onSubmit']>;
function submitKeepingFocus(event: Parameters<FormSubmit>[0], submit: FormSubmit | undefined): void {
  const form = event.currentTarget;
  const field = form.querySelector('input');
  const fromValidField = field !== null && field === form.ownerDocument.activeElement && isRtmpUrl(field.value);
  submit?.(event);
  if (fromValidField) form.querySelector<HTMLButtonElement>('button')?.focus();
}

/**
 * Goes live to an RTMP(S) URL or configured endpoints and ends the stream ("Go live" /
 * "End live stream"). Without `rtmpUrl` or `endpoints` it shows a labelled URL field that accepts
 * only `rtmp://` and `rtmps://` addresses. Errors show next to it and leave "Go live" usable.
 *
 * @example
 * ```tsx
 * <LiveStreamButton rtmpUrl="rtmps://live.example.com/app/STREAM_KEY" />
 * <LiveStreamButton />  // asks for the URL
 * ```
 *
 * @public
 */
export const LiveStreamButton = forwardRef<HTMLButtonElement, LiveStreamButtonProps>(function LiveStreamButton(props, ref) {
  const ls = useLiveStreamButton(props, ref);
  if (ls.hidden) return null;
  return (
    <div {...ls.rootProps}>
      <form {...ls.formProps} onSubmit={(event) => submitKeepingFocus(event, ls.formProps.onSubmit)}>
        {ls.field ? <label {...ls.field.labelProps}>{ls.labels.rtmpUrl}</label> : null}
        <div className="onair-row">
          {/* A URL reads left to right in every language (22.7): an LTR island in RTL text. */}
          {ls.field ? <input dir="ltr" {...ls.field.inputProps} /> : null}
          <button {...ls.buttonProps}>
            <span className="onair-icon" data-onair-icon={ls.icon} aria-hidden="true" />
            <span>{ls.label}</span>
          </button>
        </div>
        {ls.field ? <span className="onair-hint" id={ls.field.hint.id}>{ls.field.hint.text}</span> : null}
        {ls.field?.invalid ? <span className="onair-invalid" id={ls.field.invalid.id}>{ls.field.invalid.text}</span> : null}
      </form>
      {ls.unavailable ? <p className="onair-reason" id={ls.unavailable.id}>{ls.unavailable.text}</p> : null}
      {ls.error ? <ErrorNote title={ls.error.title} message={ls.error.error.message} dismissLabel={ls.error.dismissLabel} onDismiss={ls.error.dismiss} /> : null}
    </div>
  );
});
