import { useCallback, useMemo } from 'react';
import { useStore } from 'zustand';
import type { ConsentCounts, ConsentRosterEntry } from '../core/selectors.js';
import { countConsents, selectConsentRequired, selectConsentRoster, selectMyConsent } from '../core/selectors.js';
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
  /**
   * Records the local participant's choice: sends it to the provider when it carries consent
   * (OpenTalk `set_consent`) and calls the app's `onConsentChange`. Rolls back and rejects when
   * either fails. Call it again with the other value to withdraw.
   */
  setConsent(consent: boolean): Promise<void>;
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
  const { store, adapter, onConsentChange, commandTimeoutMs } = useOnAirContext();
  useSlices(store, CONSENT_SLICES);
  const localKey = useStore(store.state, (s) => s.localParticipantId ?? LOCAL_PARTICIPANT_KEY);
  const required = useStore(store.state, selectConsentRequired);
  const mine = useStore(store.state, (s) => selectMyConsent(s, localKey));
  const names = useStore(store.state, (s) => s.participantNames);
  const consents = useStore(store.state, (s) => s.consents);
  const epoch = useStore(store.state, (s) => s.consentEpoch);

  const setConsent = useCallback(
    (consent: boolean): Promise<void> => {
      const previous = selectMyConsent(store.state.getState(), localKey);
      const send = adapter?.capabilities.consent ? adapter.setConsent : undefined;
      return store.commands.run({
        key: ['consent', localKey, String(consent)],
        call: async () => {
          if (send) await send.call(adapter, consent);
          await onConsentChange?.(consent);
        },
        begin: () => store.dispatch({ type: 'consent-updated', participantId: localKey, consent, at: Date.now() }),
        rollback: () => store.dispatch({ type: 'consent-updated', participantId: localKey, consent: previous, at: Date.now() }),
        timeoutMs: commandTimeoutMs,
        reject: (error, cause) => (cause instanceof Error ? cause : new Error(error.code === 'timeout' ? error.message : 'Your choice could not be saved. Try again.')),
      });
    },
    [store, adapter, onConsentChange, localKey, commandTimeoutMs],
  );

  return useMemo(() => {
    const roster = selectConsentRoster({ ...store.state.getState(), participantNames: names, consents, consentEpoch: epoch }, localKey);
    return { required, mine, roster, counts: countConsents(roster), setConsent };
  }, [store, names, consents, epoch, localKey, required, mine, setConsent]);
}
