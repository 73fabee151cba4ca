import type { RecordingsErrorKind } from '../core/recordings.js';

/**
 * One HTTP exchange for the REST clients (RealtimeKit, VideoSDK), with the rules every client
 * follows:
 *
 * - **One deadline for the whole call.** The timeout covers getting the app's headers or token,
 *   the response headers *and* the body: a `getToken` that never settles or a body that trickles
 *   forever fails with `timeout` like a silent server, so a command's in-flight slot is released.
 * - **No redirect leaves the origin with the app's headers.** Requests use `redirect: 'manual'`;
 *   a same-origin redirect (visible on a server or with a custom `fetch`) is followed up to three
 *   times, any other — another origin, or the browser's opaque redirect whose target cannot be
 *   checked — fails without being followed.
 * - **An HTML page is never a message.** A body that is markup is reported as `html`, and callers
 *   show the status code and its reason phrase instead.
 *
 * @internal
 */

/** Throws the client's own error class. */
export type HttpFailure = (kind: RecordingsErrorKind, message: string, init?: { status?: number; cause?: unknown }) => Error;

/** What {@link exchange} needs. */
export interface ExchangeInit {
  readonly url: string;
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Resolves the request headers; runs under the deadline (a token getter, the app's header function). */
  readonly headers: (signal: AbortSignal) => HeadersInit | Promise<HeadersInit>;
  readonly body?: string | undefined;
  readonly credentials?: RequestCredentials | undefined;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
  /** Readable name of the service for messages ("The recordings service", "VideoSDK"). */
  readonly service: string;
  readonly fail: HttpFailure;
  /** Maps a failure of the headers step (e.g. a token getter that threw). Default: `network`. */
  readonly headersFailed?: ((cause: unknown) => Error) | undefined;
}

/** The answer, body read. */
export interface ExchangeResult {
  readonly status: number;
  readonly ok: boolean;
  /** The body parsed as JSON; `undefined` when empty or not JSON. */
  readonly json: unknown;
  /** The body was JSON (or empty). */
  readonly readable: boolean;
  /** The body was an HTML page (or other markup). */
  readonly html: boolean;
  /** The raw text, for a plain-text answer. */
  readonly text: string;
  readonly statusText: string;
}

const MAX_REDIRECTS = 3;

const REASON_PHRASES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** `"502 Bad Gateway"`: the status code and its reason phrase (the server's own when it is short plain text). */
export function statusLine(status: number, statusText = ''): string {
  const own = statusText.trim();
  const phrase = REASON_PHRASES[status] ?? (own && own.length <= 40 && !looksLikeMarkup(own) ? own : '');
  return phrase ? `${status} ${phrase}` : String(status);
}

/** `true` for text that is (or contains) markup: never shown to a person as a message. */
export function looksLikeMarkup(text: string): boolean {
  return /<\s*[!a-zA-Z/?]/.test(text);
}

/** A provider message fit for the UI: short plain text, or `undefined`. */
export function plainMessage(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!text || text.length > 300 || looksLikeMarkup(text)) return undefined;
  return text;
}

function originOf(url: string): string | undefined {
  try {
    const base = (globalThis as { location?: { href?: string } }).location?.href ?? 'http://relative.invalid/';
    return new URL(url, base).origin;
  } catch {
    return undefined;
  }
}

function resolve(location: string, from: string): string | undefined {
  try {
    const base = (globalThis as { location?: { href?: string } }).location?.href ?? 'http://relative.invalid/';
    return new URL(location, new URL(from, base)).href;
  } catch {
    return undefined;
  }
}

/**
 * Sends one request under one deadline and reads the body. Rejects only with errors made by
 * `init.fail` (or `init.headersFailed`): `aborted`, `timeout`, `network`, or `http` for a refused
 * redirect.
 */
export async function exchange(init: ExchangeInit): Promise<ExchangeResult> {
  const { fail, service } = init;
  const outer = init.signal;
  if (outer?.aborted) throw fail('aborted', 'The request was cancelled.', { cause: outer.reason });
  const controller = new AbortController();
  let rejectDeadline: ((error: Error) => void) | undefined;
  /** Set when the deadline fired (timeout) or the caller aborted: the error every step then reports. */
  let stopped: Error | undefined;
  const deadline = new Promise<never>((_, reject) => {
    rejectDeadline = reject;
  });
  const settleDeadline = (error: Error): void => {
    if (stopped) return;
    stopped = error;
    rejectDeadline?.(error);
  };
  // Nobody may be listening when it fires between two awaits: keep it from being "unhandled".
  deadline.catch(() => undefined);
  const seconds = Math.max(1, Math.round(init.timeoutMs / 1000));
  const timer = setTimeout(() => {
    controller.abort();
    settleDeadline(fail('timeout', `${service} did not answer within ${seconds} s.`));
  }, Math.min(Math.max(0, init.timeoutMs), 2 ** 31 - 1));
  const onAbort = (): void => {
    controller.abort(outer?.reason);
    settleDeadline(fail('aborted', 'The request was cancelled.', { cause: outer?.reason }));
  };
  outer?.addEventListener('abort', onAbort, { once: true });
  const within = <T>(work: Promise<T>): Promise<T> => Promise.race([work, deadline]);

  try {
    let headers: Headers;
    try {
      headers = new Headers(await within(Promise.resolve().then(() => init.headers(controller.signal))));
    } catch (cause) {
      if (controller.signal.aborted) throw stopped ?? fail('aborted', 'The request was cancelled.', { cause });
      throw init.headersFailed ? init.headersFailed(cause) : fail('network', `Could not prepare the request to ${service}.`, { cause });
    }
    let url = init.url;
    let method: string = init.method;
    let body = init.body;
    let response: Response;
    for (let hop = 0; ; hop += 1) {
      try {
        response = await within(
          init.fetch(url, { method, headers, body, signal: controller.signal, credentials: init.credentials, redirect: 'manual' }),
        );
      } catch (cause) {
        if (controller.signal.aborted) throw stopped ?? fail('aborted', 'The request was cancelled.', { cause });
        throw fail('network', `${service} could not be reached. Check the connection.`, { cause });
      }
      const redirected = response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304);
      if (!redirected) break;
      void response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      const target = location ? resolve(location, url) : undefined;
      if (!target || originOf(target) !== originOf(url) || hop >= MAX_REDIRECTS) {
        const where = !target
          ? ' the browser does not let the client check (point baseUrl at the final address)'
          : originOf(target) !== originOf(url)
            ? ' to another site'
            : ' loop';
        throw fail('http', `${service} answered with a redirect${where}; it was not followed, so the app's credentials stay with the app.`, {
          status: response.status,
        });
      }
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method !== 'GET')) {
        method = 'GET';
        body = undefined;
        headers.delete('Content-Type');
      }
      url = target;
    }
    let text: string;
    try {
      text = await within(response.text());
    } catch (cause) {
      if (controller.signal.aborted) throw stopped ?? fail('aborted', 'The request was cancelled.', { cause });
      throw fail('network', `The answer from ${service} broke off. Try again.`, { status: response.status, cause });
    }
    const contentType = response.headers.get('content-type') ?? '';
    const trimmed = text.trimStart();
    const html = /html|xml/i.test(contentType) || trimmed.startsWith('<');
    let json: unknown;
    let readable = true;
    if (trimmed.length > 0) {
      try {
        json = JSON.parse(text);
      } catch {
        readable = false;
      }
    }
    return { status: response.status, ok: response.ok, json, readable: readable && !html, html, text, statusText: response.statusText };
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
}
