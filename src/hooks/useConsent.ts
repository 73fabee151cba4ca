import { useCallback, useMemo } from 'react';
import { useStore } from 'zustand';
import type { ConsentCounts, ConsentRosterEntry } from '../core/selectors.js';
import { ownValue } from '../core/records.js';
import { countConsents, selectConsentRequired, selectConsentRoster, selectMyConsent } from '../core/selectors.js';
import { newIdempotencyKey } from '../core/idempotencyKey.js';
import { useOnAirContext } from './OnAirContext.js';
import { CONSENT_SLICES, useSlices } from './useSlices.js';

/**
 * The key of the local participant's consent while the adapter has not told us their id.
 *
 * @example
 * ```ts
 * import { LOCAL_PARTICIPANT_KEY, type OnAirStore } from 'onair-react/advanced';
 *
 * function myConsent(store: OnAirStore): boolean | undefined {
 *   const state = store.state.getState();
 *   const answer = state.consents[state.localParticipantId ?? LOCAL_PARTICIPANT_KEY];
 *   return answer?.epoch === state.consentEpoch ? answer.consent : undefined;
 * }
 * ```
 *
 * @beta
 */
export const LOCAL_PARTICIPANT_KEY = 'local';

/**
 * What {@link useConsent} returns.
 *
 * @public
 */
export interface UseConsentResult {
  /** `true` while a recording is starting, running or paused. */
  readonly required: boolean;
  /** The local participant's choice for the current recording: `undefined` until they choose (never assumed). */
  readonly mine: boolean | undefined;
  /** Everyone known in the meeting with consented / declined / pending. */
  readonly roster: readonly ConsentRosterEntry[];
  readonly counts: ConsentCounts;
  /** The notice (`"<id>@<version>"`) the local participant's current answer was given to, if any. */
  readonly mineNotice: string | undefined;
  /**
   * Records the local participant's choice: sends it to the provider when it carries consent
   * (OpenTalk `set_consent`) and calls the app's `onConsentChange`. Rolls back and rejects when
   * either fails. Then, with `OnAirProvider consentLedger`, queues it for the consent ledger
   * (agreed, declined, or withdrawn after a yes) with the notice shown. Call it again with the
   * other value to withdraw.
   */
  setConsent(consent: boolean, options?: SetConsentOptions): Promise<void>;
}

/**
 * What an answer was given to, for the ledger: the notice shown and where the answer came from.
 *
 * @public
 */
export interface SetConsentOptions {
  /** The notice shown (its `version` is recorded as a string). */
  readonly notice?: { readonly id: string; readonly version: string | number; readonly locale?: string | undefined } | undefined;
  /** Default `app` (the banner says `banner`). */
  readonly source?: 'banner' | 'app' | undefined;
}

/** `"<id>@<version>"`: how the state remembers which notice an answer was given to. */
export function noticeKey(notice: SetConsentOptions['notice']): string | undefined {
  return notice ? `${notice.id}@${notice.version}` : undefined;
}

/**
 * Recording consent for the local participant and the roster of everyone else.
 *
 * @example
 * ```tsx
 * const { required, mine, setConsent } = useConsent();
 * if (required && mine === undefined) {
 *   return <button onClick={() => setConsent(true)}>I agree to be recorded</button>;
 * }
 * ```
 *
 * @public
 */
export function useConsent(): UseConsentResult {
  const { store, adapter, onConsentChange, commandTimeoutMs, consentLedger } = useOnAirContext();
  useSlices(store, CONSENT_SLICES);
  const localKey = useStore(store.state, (s) => s.localParticipantId ?? LOCAL_PARTICIPANT_KEY);
  const required = useStore(store.state, selectConsentRequired);
  const mine = useStore(store.state, (s) => selectMyConsent(s, localKey));
  const names = useStore(store.state, (s) => s.participantNames);
  const consents = useStore(store.state, (s) => s.consents);
  const epoch = useStore(store.state, (s) => s.consentEpoch);
  const mineNotice = useStore(store.state, (s) => {
    const answer = ownValue(s.consents, localKey);
    return answer && answer.epoch === s.consentEpoch ? answer.notice : undefined;
  });

  const setConsent = useCallback(
    (consent: boolean, options?: SetConsentOptions): Promise<void> => {
      const before = store.state.getState();
      const previous = selectMyConsent(before, localKey);
      const previousNotice = previous === undefined ? undefined : ownValue(before.consents, localKey)?.notice;
      const notice = noticeKey(options?.notice);
      const send = adapter?.capabilities.consent ? adapter.setConsent : undefined;
      return store.commands.run({
        key: ['consent', localKey, String(consent)],
        call: async () => {
          if (send) await send.call(adapter, consent);
          await onConsentChange?.(consent);
          if (consentLedger) {
            // Taken by the provider and the app: now it is the person's answer, recorded once.
            const state = store.state.getState();
            const ledgerOptions = consentLedger.options();
            const recording = Object.values(state.recordings).find((r) => r.recordingId !== undefined) ?? Object.values(state.recordings)[0];
            const participantId = state.localParticipantId ?? localKey;
            consentLedger.outbox.send({
              meetingId: ledgerOptions.meetingId,
              recordingId: recording?.recordingId ?? recording?.instanceId,
              participantId,
              participantName: ledgerOptions.participantName ?? ownValue(state.participantNames, participantId),
              decision: consent ? 'agreed' : previous === true ? 'withdrawn' : 'declined',
              notice: options?.notice ? { id: options.notice.id, version: String(options.notice.version), locale: options.notice.locale } : undefined,
              source: options?.source ?? 'app',
              idempotencyKey: newIdempotencyKey(),
            });
          }
        },
        begin: () => store.dispatch({ type: 'consent-updated', participantId: localKey, consent, notice, at: Date.now() }),
        rollback: () => {
          // The same answer for a new notice: clear first, so the old notice comes back with it.
          if (previous === consent) store.dispatch({ type: 'consent-updated', participantId: localKey, consent: undefined, at: Date.now() });
          store.dispatch({ type: 'consent-updated', participantId: localKey, consent: previous, notice: previousNotice, at: Date.now() });
        },
        timeoutMs: commandTimeoutMs,
        reject: (error, cause) => (cause instanceof Error ? cause : new Error(error.code === 'timeout' ? error.message : 'Your choice could not be saved. Try again.')),
      });
    },
    [store, adapter, onConsentChange, localKey, commandTimeoutMs, consentLedger],
  );

  return useMemo(() => {
    const roster = selectConsentRoster({ ...store.state.getState(), participantNames: names, consents, consentEpoch: epoch }, localKey);
    return { required, mine, mineNotice, roster, counts: countConsents(roster), setConsent };
  }, [store, names, consents, epoch, localKey, required, mine, mineNotice, setConsent]);
}
