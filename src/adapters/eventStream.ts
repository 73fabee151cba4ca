/**
 * An `EventSource` from a URL that the adapter owns, kept open across what `EventSource` gives up on.
 *
 * The browser retries by itself after a network drop or a stream that ended (`readyState` 0). It
 * stops for good (`readyState` 2) when an answer is not `200 text/event-stream` — a 401/403, but also
 * a 502/503 from a proxy while the relay restarts. To tell the two apart:
 *
 * - **closed before it ever opened** (the first connection of this adapter): refused — a wrong URL,
 *   not signed in, not a member of the room. Stop: status `closed`.
 * - **closed after the stream had been open**: the server was there and the page was allowed a
 *   moment ago, so it is passing (a deploy, a proxy's 502). Open a new `EventSource` after a backoff
 *   (1 s, 2 s, 4 s … 30 s, with random spread), resuming after the last event id through the
 *   `lastEventId` query parameter (a new `EventSource` cannot send the `Last-Event-ID` header; the
 *   relay accepts both). Status `reconnecting`; after `maxAttempts` failed attempts in a row (about
 *   three minutes) it stops: `closed`. An attempt that opens starts the count again.
 *
 * @internal
 */

/** What the stream reports. */
export type EventStreamStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** Callbacks of {@link openEventStream}. */
export interface EventStreamHandlers {
  onStatus(status: EventStreamStatus): void;
  /** The `data` of a plain message. */
  onMessage(data: unknown): void;
  /** The relay's `event: reset`: what was missed is no longer kept. */
  onReset(): void;
}

/** Options of {@link openEventStream}. */
export interface EventStreamOptions {
  readonly withCredentials?: boolean | undefined;
  /** Failed reconnect attempts in a row before giving up. Default 8. */
  readonly maxAttempts?: number | undefined;
  /** First backoff delay. Default 1 000 ms; doubles up to `maxDelayMs`. */
  readonly baseDelayMs?: number | undefined;
  /** Longest backoff delay. Default 30 000 ms. */
  readonly maxDelayMs?: number | undefined;
}

/** The part of a message event read here (`lastEventId` is the browser's, after this event). */
interface StreamMessage {
  readonly data: unknown;
  readonly lastEventId?: string | undefined;
}

/** `url` with `lastEventId` set (relative URLs resolved against the page). */
function withLastEventId(url: string, lastEventId: string): string {
  const base = typeof location === 'object' && location !== null ? location.href : undefined;
  try {
    const target = new URL(url, base);
    target.searchParams.set('lastEventId', lastEventId);
    return target.href;
  } catch {
    return url;
  }
}

/**
 * Opens `url` as an `EventSource` and keeps it open (see the module comment); returns the function
 * that closes it for good.
 */
export function openEventStream(url: string, options: EventStreamOptions, handlers: EventStreamHandlers): () => void {
  const maxAttempts = options.maxAttempts ?? 8;
  const baseDelayMs = options.baseDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  let source: EventSource | undefined;
  let everOpened = false;
  let attempts = 0;
  let lastEventId: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const remember = (event: StreamMessage): void => {
    if (typeof event.lastEventId === 'string' && event.lastEventId.length > 0) lastEventId = event.lastEventId;
  };

  function connect(): void {
    const current = new EventSource(lastEventId === undefined ? url : withLastEventId(url, lastEventId), { withCredentials: options.withCredentials ?? false });
    source = current;
    current.addEventListener('open', () => {
      if (source !== current) return;
      everOpened = true;
      attempts = 0;
      handlers.onStatus('open');
    });
    current.addEventListener('message', (event) => {
      if (source !== current) return;
      remember(event);
      handlers.onMessage(event.data);
    });
    current.addEventListener('reset', (event) => {
      if (source !== current) return;
      remember(event as MessageEvent);
      handlers.onReset();
    });
    current.addEventListener('error', () => {
      if (source !== current || stopped) return;
      // The browser retries by itself (a drop, a stream that ended with `retry:`).
      if (current.readyState !== 2) {
        handlers.onStatus('reconnecting');
        return;
      }
      current.close();
      if (!everOpened || attempts >= maxAttempts) {
        handlers.onStatus('closed');
        return;
      }
      const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** attempts) * (0.5 + Math.random() / 2);
      attempts += 1;
      handlers.onStatus('reconnecting');
      timer = setTimeout(() => {
        timer = undefined;
        if (!stopped) connect();
      }, delay);
    });
  }

  handlers.onStatus('connecting');
  connect();
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    source?.close();
  };
}
