import { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { RecordingsSource } from '../core/recordings.js';
import { useOnAirContext, type OnAirContextValue } from './OnAirContext.js';

/**
 * The app's own `retry` default, when its query client sets one: it wins over the kit's
 * (transient errors twice, never a 4xx), so `retry: false` in tests and stories means no retry.
 */
export function appRetry(queryClient: QueryClient): { retry?: false } {
  const retry = queryClient.getDefaultOptions().queries?.retry;
  return retry === undefined ? {} : ({ retry } as { retry?: false });
}

/**
 * The recordings source and query client the recordings hooks use: `source` when given, else the
 * provider's `recordings`. Throws a message naming the missing prop when there is none.
 *
 * The client is the app's (the provider's `queryClient`, or an enclosing `QueryClientProvider`'s);
 * without one, the provider's private client, created here on first use (so an app that never
 * renders a recordings hook never constructs a `QueryClient`) and mounted while a hook uses it,
 * as `QueryClientProvider` would, for refetch on focus and reconnect.
 */
export function useRecordingsSource(
  hook: string,
  source: RecordingsSource | undefined,
): { readonly source: RecordingsSource; readonly context: OnAirContextValue; readonly queryClient: QueryClient } {
  const context = useOnAirContext();
  const appClient = context.queryClient;
  const box = context.privateQueryClient;
  // Lazy initialisation of a per-provider holder (never module state): the same client for every
  // hook under this provider, so they share one cache and one request per key.
  const queryClient = appClient ?? (box.current ??= new QueryClient());
  useEffect(() => {
    const owned = appClient ? undefined : box.current;
    if (!owned) return undefined;
    // QueryClient counts its mounts: subscribed to focus and online while any hook holds it.
    owned.mount();
    return () => owned.unmount();
  }, [appClient, box]);
  const resolved = source ?? context.recordings;
  if (!resolved) {
    throw new Error(
      `onair-react: ${hook} needs a recordings source. Pass \`recordings={createRealtimeKitClient({ baseUrl })}\` to <OnAirProvider>, or \`source\` to the hook.`,
    );
  }
  return { source: resolved, context, queryClient };
}
