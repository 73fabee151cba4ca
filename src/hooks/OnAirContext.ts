import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { AdapterCapabilities, OnAirAdapter } from '../core/adapter.js';
import type { OnAirLabels } from '../core/labels.js';
import type { ParticipantRole } from '../core/model.js';
import type { RecordingsSource } from '../core/recordings.js';
import type { OnAirActions } from '../store/createOnAirActions.js';
import type { OnAirStore } from '../store/createOnAirStore.js';

/** What `OnAirProvider` gives the hooks below it. */
export interface OnAirContextValue {
  readonly store: OnAirStore;
  readonly actions: OnAirActions;
  readonly adapter: OnAirAdapter | undefined;
  readonly capabilities: AdapterCapabilities | undefined;
  /** The role the app gave; the provider's own report is in the store. */
  readonly role: ParticipantRole | undefined;
  /** The app's replacement strings (the provider's `labels`); each component puts them over its own defaults. */
  readonly labels: Partial<OnAirLabels> | undefined;
  readonly queryClient: QueryClient;
  /** BCP 47 locale for dates, numbers and durations; the browser's when absent. */
  readonly locale: string | undefined;
  /** The app's consent callback (persist it, tell others, mute …). */
  readonly onConsentChange: ((consent: boolean) => void | Promise<void>) | undefined;
  /** How long commands wait for the provider's answer (`OnAirProvider commandTimeoutMs`), when the app set it. */
  readonly commandTimeoutMs?: number | undefined;
  /** The stored-recordings source (`createRealtimeKitClient(…)` …), when the app gave one. */
  readonly recordings?: RecordingsSource | undefined;
}

/** @internal The context object; use the hooks instead. */
export const OnAirContext = createContext<OnAirContextValue | undefined>(undefined);

/**
 * The kit's context. Throws a message naming the missing provider when used outside `OnAirProvider`.
 *
 * @example
 * ```ts
 * const { store, actions } = useOnAirContext();
 * ```
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

/** Like {@link useOnAirContext}, but returns `undefined` outside `OnAirProvider`. */
export function useMaybeOnAirContext(): OnAirContextValue | undefined {
  return useContext(OnAirContext);
}
