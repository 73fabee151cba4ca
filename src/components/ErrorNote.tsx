import type { ReactElement, ReactNode } from 'react';

/**
 * @internal An error reason next to a control: `role="alert"` text with a dismiss button.
 *
 * @example
 * ```tsx
 * <ErrorNote title="Recording failed" message="Quota exceeded" dismissLabel="Dismiss" onDismiss={dismiss} />
 * ```
 */
export function ErrorNote(props: {
  readonly title: string;
  readonly message: string;
  readonly dismissLabel: string;
  readonly onDismiss: () => void;
  /** Actions or a note shown after the message ("Check again"). */
  readonly children?: ReactNode;
}): ReactElement {
  return (
    <div className="onair-alert" role="alert">
      <span className="onair-alert-text">
        <strong>{props.title}:</strong> {props.message}
      </span>
      {props.children}
      <button type="button" className="onair-alert-dismiss" onClick={props.onDismiss}>
        <span aria-hidden="true">×</span>
        <span className="onair-visually-hidden">{props.dismissLabel}</span>
      </button>
    </div>
  );
}
