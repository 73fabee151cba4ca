import type { RecordingsSource } from '../core/recordings.js';
import type { QueryClient } from '@tanstack/react-query';
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
 */
export function useRecordingsSource(
  hook: string,
  source: RecordingsSource | undefined,
): { readonly source: RecordingsSource; readonly context: OnAirContextValue } {
  const context = useOnAirContext();
  const resolved = source ?? context.recordings;
  if (!resolved) {
    throw new Error(
      `onair-react: ${hook} needs a recordings source. Pass \`recordings={createRealtimeKitClient({ baseUrl })}\` to <OnAirProvider>, or \`source\` to the hook.`,
    );
  }
  return { source: resolved, context };
}
