import { QueryClientContext, type QueryClient } from '@tanstack/react-query';
import { useContext, useEffect, useMemo, useRef, useState, type CSSProperties, type ReactElement, type ReactNode } from 'react';
import { defaultCommandTiming, type CommandTiming, type OnAirAdapter } from '../core/adapter.js';
import type { OnAirLabels } from '../core/labels.js';
import type { ParticipantRole } from '../core/model.js';
import type { RecordingsSource } from '../core/recordings.js';
import { invalidateForEvent } from '../query/invalidation.js';
import { themeToStyle, type OnAirTheme } from '../core/theme.js';
import { OnAirContext, type OnAirContextValue } from '../hooks/OnAirContext.js';
import { createOnAirActions } from '../store/createOnAirActions.js';
import type { ConsentLedgerAnswer, ConsentLedgerClientOptions, ConsentOutbox } from '../store/createConsentOutbox.js';
import { createSlicedStore } from '../store/createOnAirStore.js';
import { Announcer } from './Announcer.js';

/**
 * A recording's maximum length and when to warn before it (`OnAirProvider recordingLimits`).
 *
 * @example
 * ```tsx
 * <OnAirProvider adapter={adapter} recordingLimits={{ maxDurationMs: 4 * 3_600_000, warnBeforeMs: 10 * 60_000 }} />
 * ```
 *
 * @public
 */
export interface RecordingLimits {
  /** The maximum length in ms after which the provider ends the recording. */
  readonly maxDurationMs?: number | undefined;
  /** How long before the end the warning shows. Default 5 minutes. */
  readonly warnBeforeMs?: number | undefined;
}

/**
 * Props of {@link OnAirProvider}.
 *
 * @public
 */
export interface OnAirProviderProps {
  /** Live events and commands of one meeting provider (`createDailyAdapter(call)` …). May be absent on a page that only lists recordings. */
  readonly adapter?: OnAirAdapter | undefined;
  /**
   * Stored recordings for `RecordingList` and the recordings hooks: `createRealtimeKitClient(…)`, or
   * what another provider's adapter offers. May be given without `adapter` (a lobby page).
   */
  readonly recordings?: RecordingsSource | undefined;
  /**
   * The app's React Query client. Without it the kit uses the client of an enclosing
   * `QueryClientProvider`, or creates a private one when a recordings hook first needs it (a page
   * with only live state never creates one). The kit never renders its own `QueryClientProvider`.
   */
  readonly queryClient?: QueryClient | undefined;
  /** Theme tokens for every component below (CSS custom properties). */
  readonly theme?: OnAirTheme | undefined;
  /** `light`, `dark`, or `auto` (follows `prefers-color-scheme`). Default `auto`. */
  readonly colorScheme?: 'light' | 'dark' | 'auto' | undefined;
  /** Replacement strings for every component below. */
  readonly labels?: Partial<OnAirLabels> | undefined;
  /**
   * The local participant's role as the app knows it. It wins over what the provider reports;
   * `participant` hides or disables recording and streaming controls.
   */
  readonly role?: ParticipantRole | undefined;
  /** Locale for dates, numbers and durations (BCP 47). The browser's by default. */
  readonly locale?: string | undefined;
  /** Announce status changes in a polite live region. Default `true`. */
  readonly announce?: boolean | undefined;
  /**
   * Called when the local participant accepts or declines being recorded (or withdraws). With a
   * provider that carries consent itself (OpenTalk) the kit also sends it there; with the others
   * this is where the app persists it or shares it with the room. A rejected promise rolls the
   * choice back and shows the error.
   */
  readonly onConsentChange?: ((consent: boolean) => void | Promise<void>) | undefined;
  /**
   * Record every consent answer in the app's consent ledger (`createConsentRoute` in
   * `onair-react/server`): `{ url, meetingId }`. Each answer is posted once with its own
   * idempotency key, after the provider and `onConsentChange` took it; while the network is down
   * it waits in an outbox (kept in `localStorage`) and is retried with backoff — the person's
   * answer is never lost and never recorded twice. `ConsentBanner notice` names the notice version.
   */
  readonly consentLedger?: ConsentLedgerClientOptions | undefined;
  /** How long a command waits for the provider's confirmation. Default 30 000 ms (`commandTiming.timeoutMs` wins). */
  readonly commandTimeoutMs?: number | undefined;
  /**
   * When a start or stop counts as slow ("Still starting…" with "Cancel") and when it gives up;
   * overrides the adapter's `commandTiming`. Defaults: 5 000 ms and 30 000 ms.
   */
  readonly commandTiming?: CommandTiming | undefined;
  /**
   * The recording's maximum length (`maxDurationMs`, overriding the adapter's) and how long before
   * the end `RecordButton` warns ("Recording ends in 5 min"; `warnBeforeMs`, default 5 min).
   */
  readonly recordingLimits?: RecordingLimits | undefined;
  readonly children?: ReactNode;
}

/**
 * Wires one meeting: subscribes to the adapter, keeps the live state in a store of its own,
 * and gives the hooks and components below it theme, labels and the query client.
 *
 * It renders one element with `display: contents` (so it does not change your layout) that
 * carries the theme variables, plus a visually hidden live region.
 *
 * @example
 * ```tsx
 * import { OnAirProvider, RecordButton, LiveStreamBadge } from 'onair-react';
 * import { createDailyAdapter } from 'onair-react/daily';
 * import 'onair-react/styles.css';
 *
 * const adapter = createDailyAdapter(callObject);
 * <OnAirProvider adapter={adapter} colorScheme="dark">
 *   <RecordButton />
 *   <LiveStreamBadge />
 * </OnAirProvider>
 * ```
 *
 * @public
 */
export function OnAirProvider(props: OnAirProviderProps): ReactElement {
  const { adapter, theme, colorScheme = 'auto', role, locale, announce = true, commandTimeoutMs: appTimeoutMs, commandTiming, recordingLimits, onConsentChange, consentLedger, children } = props;
  const commandTimeoutMs = commandTiming?.timeoutMs ?? appTimeoutMs ?? adapter?.commandTiming?.timeoutMs;
  const slowAfterMs = commandTiming?.slowAfterMs ?? adapter?.commandTiming?.slowAfterMs ?? defaultCommandTiming.slowAfterMs;
  const maxDurationMs = recordingLimits?.maxDurationMs ?? adapter?.maxDurationMs;
  const warnBeforeMs = recordingLimits?.warnBeforeMs ?? 5 * 60_000;
  // The store reduces only the slices in use: the adapter's (below) and those the hooks register.
  const [store] = useState(() => createSlicedStore([]));
  const ambientClient = useContext(QueryClientContext);
  const queryClient = props.queryClient ?? ambientClient;
  // Without an app client, the recordings hooks create a private one here on first use: an app
  // that shows only live state (a Daily call) never constructs, nor bundles, a QueryClient.
  const [privateQueryClient] = useState<{ current: QueryClient | undefined }>(() => ({ current: undefined }));

  const actions = useMemo(
    () => createOnAirActions(store, adapter, { commandTimeoutMs }),
    [store, adapter, commandTimeoutMs],
  );
  useEffect(() => () => actions.dispose(), [actions]);

  // One outbox per ledger URL and meeting. The context gets a stable stand-in at once (an answer
  // clicked before the outbox module has loaded waits in it); the outbox itself is created in an
  // effect (a StrictMode double mount disposes only its own) from a module loaded only by apps
  // that keep a ledger. The other options are read at each send.
  const ledgerUrl = consentLedger?.url;
  const ledgerMeeting = consentLedger?.meetingId;
  const ledgerOptions = useRef(consentLedger);
  ledgerOptions.current = consentLedger;
  const ledger = useMemo(() => (ledgerUrl && ledgerMeeting ? deferredOutbox() : undefined), [ledgerUrl, ledgerMeeting]);
  useEffect(() => {
    const options = ledgerOptions.current;
    if (!ledger || !options) return undefined;
    let created: ConsentOutbox | undefined;
    let live = true;
    void import('../store/createConsentOutbox.js').then(({ createConsentOutbox }) => {
      if (!live) return;
      created = createConsentOutbox({
        ...options,
        headers: () => {
          const headers = ledgerOptions.current?.headers;
          return typeof headers === 'function' ? headers() : (headers ?? {});
        },
      });
      ledger.attach(created);
    });
    return () => {
      live = false;
      ledger.attach(undefined);
      created?.dispose();
    };
  }, [ledger]);
  const ledgerContext = useMemo(
    () => (ledger ? { options: () => ledgerOptions.current ?? { url: ledgerUrl ?? '', meetingId: ledgerMeeting ?? '' }, outbox: ledger.outbox } : undefined),
    [ledger, ledgerUrl, ledgerMeeting],
  );

  // Live events from any adapter make exactly the affected recordings queries stale. Freshness is
  // judged by when this browser received the event, not by its `at` (a relay's, maybe long past).
  const recordings = props.recordings;
  useEffect(() => {
    if (!recordings) return undefined;
    return store.subscribeEvents((event) => {
      const client = queryClient ?? privateQueryClient.current;
      if (client) invalidateForEvent(client, recordings.scope, event, Date.now());
    });
  }, [store, queryClient, privateQueryClient, recordings]);

  useEffect(() => {
    if (!adapter) return undefined;
    let disconnect: (() => void) | undefined;
    try {
      store.addSlices(Array.isArray(adapter.slices) ? adapter.slices : []);
      disconnect = adapter.connect((event) => store.dispatch(event));
    } catch (error) {
      console.error('[onair] the adapter failed to connect', error);
    }
    return () => {
      try {
        disconnect?.();
      } finally {
        store.dispatch({ type: 'session-left', at: Date.now() });
      }
    };
  }, [adapter, store]);

  // Only the app's replacements travel in the context: each component merges them over its own
  // defaults, so an app bundles just the default strings of the components it renders.
  const labels = props.labels;

  const value = useMemo<OnAirContextValue>(
    () => ({ store, actions, adapter, capabilities: adapter?.capabilities, role, labels, queryClient, privateQueryClient, locale, onConsentChange, recordings, commandTimeoutMs, slowAfterMs, maxDurationMs, warnBeforeMs, consentLedger: ledgerContext }),
    [store, actions, adapter, role, labels, queryClient, privateQueryClient, locale, onConsentChange, recordings, commandTimeoutMs, slowAfterMs, maxDurationMs, warnBeforeMs, ledgerContext],
  );
  const style = useMemo(() => ({ display: 'contents', ...themeToStyle(theme) }) as CSSProperties, [theme]);

  return (
    <OnAirContext.Provider value={value}>
      <div className="onair-root" data-onair-theme={colorScheme} style={style}>
        {children}
        {announce ? <Announcer store={store} labels={labels} /> : null}
      </div>
    </OnAirContext.Provider>
  );
}

/**
 * The outbox the context holds: answers sent before the real one is attached wait here (and count
 * as pending); then they go to it in order, and state and listeners follow it.
 */
function deferredOutbox(): { readonly outbox: ConsentOutbox; attach(outbox: ConsentOutbox | undefined): void } {
  let target: ConsentOutbox | undefined;
  let waiting: ConsentLedgerAnswer[] = [];
  let unsubscribe: (() => void) | undefined;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const outbox: ConsentOutbox = {
    send(answer) {
      if (target) target.send(answer);
      else {
        waiting = [...waiting, answer];
        notify();
      }
    },
    getState: () => (target ? target.getState() : { pending: waiting.length, lastError: undefined }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      unsubscribe?.();
      listeners.clear();
    },
  };
  return {
    outbox,
    attach(next) {
      unsubscribe?.();
      unsubscribe = undefined;
      target = next;
      if (next) {
        unsubscribe = next.subscribe(notify);
        const queued = waiting;
        waiting = [];
        for (const answer of queued) next.send(answer);
      }
      notify();
    },
  };
}
