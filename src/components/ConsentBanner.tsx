import { forwardRef } from 'react';
import { useConsentBanner, type UseConsentBannerProps } from '../hooks/useConsentBanner.js';

/**
 * Props of {@link ConsentBanner}. Native attributes and the `ref` go to the banner's root element.
 *
 * @public
 */
export type ConsentBannerProps = UseConsentBannerProps;

/**
 * Asks each participant whether they agree to be recorded, while a recording starts or runs and
 * they have not answered — and again when a new recording starts. Says who started it; offers
 * explicit accept and decline buttons (there is no close button: no answer is ever assumed);
 * calls `onAccept`/`onDecline` so the app can unmute, mute or leave. After the answer it shrinks to
 * a status line with "Withdraw consent" or "Change".
 *
 * Accessibility: while asking it is a `role="region"` landmark labelled by its title and described
 * by who started the recording and the question. It never takes focus from what the person is
 * doing (typing in a chat box keeps every character): a polite live region announces it, the next
 * Tab from wherever focus is lands in it, and `shortcut` (default Alt+Shift+C, exposed as
 * `aria-keyshortcuts`) reaches it from anywhere. After the answer focus returns to where it came
 * from. `autoFocus` moves focus in only when it is on one of the kit's own buttons.
 * `variant="prejoin"` words it for a lobby ("agree and continue").
 *
 * `notice={{ id, version, text }}` shows the app's own notice above the question; with
 * `OnAirProvider consentLedger` the recorded answer names that notice's id, version and locale,
 * and a new version asks again. While an answer waits to reach the ledger (offline), the status
 * line says it will be recorded when the connection is back.
 *
 * @example
 * ```tsx
 * <OnAirProvider adapter={adapter} onConsentChange={saveConsent}>
 *   <ConsentBanner onDecline={() => call.setLocalVideo(false)} />
 * </OnAirProvider>
 * ```
 *
 * @public
 */
export const ConsentBanner = forwardRef<HTMLDivElement, ConsentBannerProps>(function ConsentBanner(props, ref) {
  const cb = useConsentBanner(props, ref);
  const live = (
    <span className="onair-visually-hidden" role="status">
      {cb.announcement}
    </span>
  );
  if (cb.state === 'hidden') return live;
  if (cb.state !== 'ask') {
    return (
      <>
        {live}
        <div {...cb.rootProps}>
          <div className="onair-consent-status">
            <span className="onair-consent-mark" data-onair-answer={cb.state} aria-hidden="true" />
            <span className="onair-consent-status-text">{cb.statusText}</span>
            {cb.change ? (
              <button {...cb.change.props} className="onair-button onair-consent-change">
                {cb.change.label}
              </button>
            ) : null}
          </div>
          {cb.error ? (
            <p className="onair-consent-error" role="alert">
              {cb.error}
            </p>
          ) : null}
          {cb.ledgerPending ? <p className="onair-consent-pending">{cb.ledgerPending}</p> : null}
        </div>
      </>
    );
  }
  return (
    <>
      {live}
      <div {...cb.rootProps}>
        <div className="onair-consent-body">
          <span className="onair-dot onair-consent-dot" aria-hidden="true" />
          <div className="onair-consent-text">
            <h2 className="onair-consent-title" id={cb.titleId}>
              {cb.title}
            </h2>
            <div id={cb.descriptionId}>
              {cb.noticeChanged ? <p className="onair-consent-notice-changed">{cb.noticeChanged}</p> : null}
              {cb.startedBy ? <p className="onair-consent-started-by">{cb.startedBy}</p> : null}
              {cb.noticeText !== undefined && cb.noticeText !== null ? <div className="onair-consent-notice">{cb.noticeText}</div> : null}
              <p className="onair-consent-question">{cb.question}</p>
            </div>
          </div>
        </div>
        {cb.error ? (
          <p className="onair-consent-error" role="alert">
            {cb.error}
          </p>
        ) : null}
        <div className="onair-consent-actions">
          <button {...cb.declineProps}>{cb.declineLabel}</button>
          <button {...cb.acceptProps}>{cb.acceptLabel}</button>
        </div>
      </div>
    </>
  );
});
