import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { AdapterCapabilities, OnAirAdapter } from '../core/adapter.js';
import type { OnAirLabels } from '../core/labels.js';
import type { ParticipantRole } from '../core/model.js';
import type { RecordingsSource } from '../core/recordings.js';
import type { OnAirActions } from '../store/createOnAirActions.js';
import type { ConsentLedgerClientOptions, ConsentOutbox } from '../store/createConsentOutbox.js';
import type { OnAirStore } from '../store/createOnAirStore.js';

/**
 * What `OnAirProvider` gives the hooks below it.
 *
 * @beta
 */
export interface OnAirContextValue {
  /**
   * The meeting's live state store (zustand vanilla), fed by the adapter's events.
   *
   * @remarks
   * Advanced: an escape hatch for selectors the hooks do not offer. Apps should prefer the hooks
   * (`useRecording`, `useLiveStream`, `useConsent`, `useOnAirEvent` …), which select and subscribe
   * correctly; dispatching into this store bypasses the provider and can desynchronise the UI.
   */
  readonly store: OnAirStore;
  /**
   * The provider's commands bound to this meeting's store.
   *
   * @remarks
   * Advanced: apps should prefer the hooks (`useRecording()`, `useLiveStream()` …), which pair each
   * command with its `can` permissions and state, or the components, which offer only what the
   * adapter and the participant's role allow.
   */
  readonly actions: OnAirActions;
  /** The adapter given to `OnAirProvider`, if any. */
  readonly adapter: OnAirAdapter | undefined;
  /** What that adapter can do (`adapter.capabilities`), or `undefined` without an adapter. */
  readonly capabilities: AdapterCapabilities | undefined;
  /** The role the app gave; the provider's own report is in the store. */
  readonly role: ParticipantRole | undefined;
  /** The app's replacement strings (the provider's `labels`); each component puts them over its own defaults. */
  readonly labels: Partial<OnAirLabels> | undefined;
  /**
   * The app's React Query client: the provider's `queryClient` prop, else the client of an
   * enclosing `QueryClientProvider`; `undefined` when the app has neither (the recordings hooks
   * then use a private client of this provider, created on first use).
   */
  readonly queryClient: QueryClient | undefined;
  /** @internal Where the recordings hooks keep this provider's private client when the app has none. */
  readonly privateQueryClient: { current: QueryClient | undefined };
  /** BCP 47 locale for dates, numbers and durations; the browser's when absent. */
  readonly locale: string | undefined;
  /** The app's consent callback (persist it, tell others, mute …). */
  readonly onConsentChange: ((consent: boolean) => void | Promise<void>) | undefined;
  /** How long commands wait for the provider's answer (`OnAirProvider commandTimeoutMs`), when the app set it. */
  readonly commandTimeoutMs?: number | undefined;
  /** When a start or stop counts as slow (`OnAirProvider commandTiming`, else the adapter's, else 5 s). */
  readonly slowAfterMs?: number | undefined;
  /** The recording's maximum length (`OnAirProvider recordingLimits`, else the adapter's), if known. */
  readonly maxDurationMs?: number | undefined;
  /** How long before `maxDurationMs` the warning shows. */
  readonly warnBeforeMs?: number | undefined;
  /** Where consent answers are recorded (`OnAirProvider consentLedger`), and the outbox sending them. */
  readonly consentLedger?: { readonly options: () => ConsentLedgerClientOptions; readonly outbox: ConsentOutbox } | undefined;
  /** The stored-recordings source (`createRealtimeKitClient(…)` …), when the app gave one. */
  readonly recordings?: RecordingsSource | undefined;
}

/** @internal The context object; use the hooks instead. */
export const OnAirContext = createContext<OnAirContextValue | undefined>(undefined);

/**
 * The kit's context. Throws a message naming the missing provider when used outside `OnAirProvider`.
 *
 * @remarks
 * For custom building blocks. Its `store` and `actions` are advanced: prefer `useRecording`,
 * `useLiveStream`, `useConsent` and the other hooks for state and commands.
 *
 * @example
 * ```tsx
 * import { useOnAirContext } from 'onair-react/advanced';
 *
 * function ProviderName() {
 *   const { adapter, capabilities } = useOnAirContext();
 *   return <span>{adapter?.provider}{capabilities?.pauseRecording ? ' (can pause)' : ''}</span>;
 * }
 * ```
 *
 * @beta
 */
export function useOnAirContext(): OnAirContextValue {
  const value = useContext(OnAirContext);
  if (!value) {
    throw new Error(
      'onair-react: this component or hook must be rendered inside <OnAirProvider>. Wrap your meeting screen in <OnAirProvider adapter={…}>.',
    );
  }
  return value;
}

/**
 * Like {@link useOnAirContext}, but returns `undefined` outside `OnAirProvider` instead of throwing.
 * For components that also render on their own (a header used on pages with and without a meeting).
 *
 * @example
 * ```tsx
 * import { useMaybeOnAirContext } from 'onair-react';
 *
 * function MeetingBadge() {
 *   const onAir = useMaybeOnAirContext();
 *   if (!onAir?.adapter) return null; // not inside an OnAirProvider with a meeting
 *   return <span>Connected to {onAir.adapter.provider}</span>;
 * }
 * ```
 *
 * @beta
 */
export function useMaybeOnAirContext(): OnAirContextValue | undefined {
  return useContext(OnAirContext);
}
