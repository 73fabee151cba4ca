// The browser half of the consent ledger: every answer goes into an outbox with its own
// idempotency key and is posted to the app's consent route until the route has it. A dropped
// network, a closed laptop lid or a 503 only delays it: the outbox retries with backoff (and at
// once when the browser says it is online again) and keeps what is pending in localStorage, so a
// reload sends it too. The route answers a retried key with the record already kept, so nothing
// is ever recorded twice.

/**
 * The notice an answer was given to, as the ledger records it.
 *
 * @public
 */
export interface ConsentNoticeVersion {
  readonly id: string;
  readonly version: string;
  readonly locale?: string | undefined;
}

/**
 * One answer as it is posted to the consent route (`createConsentRoute`).
 *
 * @public
 */
export interface ConsentLedgerAnswer {
  readonly meetingId: string;
  readonly recordingId?: string | undefined;
  readonly participantId: string;
  readonly participantName?: string | undefined;
  readonly decision: 'agreed' | 'declined' | 'withdrawn';
  readonly notice?: ConsentNoticeVersion | undefined;
  readonly source: 'banner' | 'provider' | 'app';
  /** One per answer, reused on every retry. */
  readonly idempotencyKey: string;
}

/**
 * Where and how the kit sends consent answers (`OnAirProvider consentLedger`).
 *
 * @public
 */
export interface ConsentLedgerClientOptions {
  /** The route's answers URL: `POST` target, e.g. `/api/consent/answers`. */
  readonly url: string;
  /** The meeting the answers belong to (the ledger chains per meeting). */
  readonly meetingId: string;
  /** The local participant's name as the ledger should record it (the route may replace it from the session). */
  readonly participantName?: string | undefined;
  /** Extra request headers (a CSRF token, an `Authorization`), read before each attempt. */
  readonly headers?: Readonly<Record<string, string>> | (() => Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>) | undefined;
  /** `fetch` to use. Default the global `fetch`, with cookies (`credentials: 'same-origin'`). */
  readonly fetch?: typeof fetch | undefined;
  /** Keep pending answers in `localStorage` so a reload sends them. Default `true`. */
  readonly persist?: boolean | undefined;
  /** First retry delay in ms; it doubles up to `maxRetryDelayMs`. Default 1 000. */
  readonly retryDelayMs?: number | undefined;
  /** Default 30 000. */
  readonly maxRetryDelayMs?: number | undefined;
}

/**
 * The outbox's state: answers not yet confirmed by the route, and the last failure.
 *
 * @public
 */
export interface ConsentOutboxState {
  readonly pending: number;
  /** Why the last attempt failed (`offline`, or the route's HTTP status), while answers are pending. */
  readonly lastError: string | undefined;
}

/**
 * The queue of answers on their way to the consent route.
 *
 * @beta
 */
export interface ConsentOutbox {
  /** Queues an answer (persisted first) and tries to send it now. */
  send(answer: ConsentLedgerAnswer): void;
  getState(): ConsentOutboxState;
  subscribe(listener: () => void): () => void;
  /** Stops retrying (pending answers stay persisted for the next page). */
  dispose(): void;
}

const STORAGE_PREFIX = 'onair-consent-outbox:';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage blocked (privacy settings, sandboxed frame)
  }
}

function isAnswer(value: unknown): value is ConsentLedgerAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.meetingId === 'string' && typeof v.participantId === 'string' && typeof v.idempotencyKey === 'string' && typeof v.decision === 'string';
}

/**
 * Creates the outbox `OnAirProvider` uses for `consentLedger`. Answers are posted in order, one at
 * a time; a network failure, `408`, `429` or a `5xx` is retried with backoff (doubling, with
 * jitter), and at once on the browser's `online` event; any other `4xx` (refused, malformed) is
 * dropped with a console error, since sending it again cannot succeed.
 *
 * @example
 * ```ts
 * import { createConsentOutbox, newIdempotencyKey } from 'onair-react/advanced';
 *
 * const outbox = createConsentOutbox({ url: '/api/consent/answers', meetingId: 'm1' });
 * outbox.send({ meetingId: 'm1', participantId: 'ada', decision: 'agreed', source: 'app', idempotencyKey: newIdempotencyKey() });
 * ```
 *
 * @beta
 */
export function createConsentOutbox(options: ConsentLedgerClientOptions): ConsentOutbox {
  const persist = options.persist !== false;
  const key = `${STORAGE_PREFIX}${options.url}|${options.meetingId}`;
  const base = Math.max(10, options.retryDelayMs ?? 1_000);
  const max = Math.max(base, options.maxRetryDelayMs ?? 30_000);
  const listeners = new Set<() => void>();
  let queue: ConsentLedgerAnswer[] = [];
  let state: ConsentOutboxState = { pending: 0, lastError: undefined };
  let sending = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const save = () => {
    if (!persist) return;
    const s = storage();
    try {
      if (queue.length === 0) s?.removeItem(key);
      else s?.setItem(key, JSON.stringify(queue));
    } catch {
      // quota or blocked: the answers still live in memory
    }
  };
  const publish = (lastError: string | undefined) => {
    state = { pending: queue.length, lastError: queue.length === 0 ? undefined : lastError };
    for (const listener of listeners) listener();
  };

  if (persist) {
    try {
      const saved = JSON.parse(storage()?.getItem(key) ?? '[]') as unknown;
      if (Array.isArray(saved)) queue = saved.filter(isAnswer);
    } catch {
      queue = [];
    }
    state = { pending: queue.length, lastError: undefined };
  }

  async function post(answer: ConsentLedgerAnswer): Promise<'sent' | 'drop' | string> {
    const extra = typeof options.headers === 'function' ? await options.headers() : (options.headers ?? {});
    let response: Response;
    try {
      response = await (options.fetch ?? globalThis.fetch)(options.url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { ...extra, 'content-type': 'application/json' },
        body: JSON.stringify(answer),
      });
    } catch {
      return 'offline';
    }
    if (response.ok) return 'sent';
    if (response.status === 408 || response.status === 429 || response.status >= 500) return `HTTP ${response.status}`;
    console.error(`[onair] the consent route refused an answer (HTTP ${response.status}); it is not sent again.`);
    return 'drop';
  }

  async function flush(): Promise<void> {
    if (sending || disposed) return;
    sending = true;
    try {
      while (queue.length > 0 && !disposed) {
        const head = queue[0]!;
        const result = await post(head);
        if (result === 'sent' || result === 'drop') {
          queue = queue.filter((a) => a !== head);
          attempt = 0;
          save();
          publish(undefined);
          continue;
        }
        attempt += 1;
        publish(result);
        const delay = Math.min(max, base * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5);
        timer = setTimeout(() => {
          timer = undefined;
          void flush();
        }, delay);
        return;
      }
    } finally {
      sending = false;
    }
  }

  const onOnline = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    void flush();
  };
  if (typeof window !== 'undefined') window.addEventListener('online', onOnline);
  if (queue.length > 0) void flush();

  return {
    send(answer) {
      if (disposed) return;
      queue = [...queue, answer];
      save();
      publish(state.lastError);
      if (timer === undefined) void flush();
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      if (timer !== undefined) clearTimeout(timer);
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
      listeners.clear();
    },
  };
}
