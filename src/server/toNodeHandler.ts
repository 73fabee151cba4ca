// Node `http` / Express adapter for the Fetch-standard handlers, written against structural types
// (no `node:` import, so this entry still loads in Workers, Deno and Bun): Node 20 has the global
// Request, Response, Headers and ReadableStream it needs.

/**
 * The part of Node's `IncomingMessage` (and Express's `Request`) the adapter reads.
 *
 * @public
 */
export interface NodeRequestLike extends AsyncIterable<unknown> {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  /** Express: the URL before a mount path was cut off. Preferred over `url`. */
  readonly originalUrl?: string | undefined;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Express with a body parser in front: the body it already read. */
  readonly body?: unknown;
  readonly readableEnded?: boolean | undefined;
  /** Node's socket; a TLS socket has `encrypted: true`. */
  readonly socket?: unknown;
}

/**
 * The part of Node's `ServerResponse` (and Express's `Response`) the adapter writes.
 *
 * @public
 */
export interface NodeResponseLike {
  readonly headersSent: boolean;
  readonly destroyed?: boolean | undefined;
  writeHead(status: number, headers: Record<string, string | string[]>): unknown;
  write(chunk: Uint8Array): boolean;
  end(chunk?: string): unknown;
  /** Closes the connection at once (Node's `ServerResponse` has it): used when the handler's stream fails, e.g. the relay dropped a reader that does not read. */
  destroy?(error?: Error): unknown;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  off?(event: 'drain' | 'close', listener: () => void): unknown;
}

/**
 * Options of {@link toNodeHandler}.
 *
 * @public
 */
export interface NodeHandlerOptions {
  /**
   * Origin of the `Request` URLs (`https://app.example`). Default from the socket and the `Host`
   * header. Set it behind a proxy or TLS terminator: the routes refuse a `POST`/`PUT` whose browser
   * `Origin` is not the request's own (unless listed in their `allowedOrigins`), and without it a
   * page at `https://app.example` reaches Node as `http://app.example`.
   */
  readonly origin?: string | undefined;
}

/** Methods a fetch `Request` cannot carry (the constructor throws): answered 405 here. */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** What a 405 from this adapter offers: the methods it can hand to a handler. */
const HANDLED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  return new TextEncoder().encode(String(chunk));
}

function bodyOf(req: NodeRequestLike): BodyInit | undefined {
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return undefined;
  if (req.readableEnded && req.body !== undefined) {
    // A body parser (express.json(), express.text()) read the stream already.
    const body = req.body;
    if (typeof body === 'string' || body instanceof Uint8Array) return body as BodyInit;
    return JSON.stringify(body);
  }
  const iterator = req[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(toBytes(value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

function originOf(req: NodeRequestLike, fallback: string | undefined): string {
  if (fallback) return fallback;
  const host = req.headers.host;
  const name = typeof host === 'string' && /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? host : 'localhost';
  const encrypted = typeof req.socket === 'object' && req.socket !== null && (req.socket as { encrypted?: unknown }).encrypted === true;
  return `${encrypted ? 'https' : 'http'}://${name}`;
}

/**
 * Adapts a Fetch-standard handler (`(request: Request) => Promise<Response>`, such as
 * `createRealtimeKitRoute`, `createVideoSdkRoute` or a relay endpoint) to Node `http` and Express:
 * `(req, res) => Promise<void>`. The request body is streamed, not buffered, so the route's body cap
 * holds; the answer is streamed with backpressure; a closed connection aborts `request.signal` and
 * cancels the answer's stream (the relay forgets that subscriber at once). When the answer's stream
 * fails — the relay dropped a reader that stopped reading — the connection is destroyed, not left
 * to flush into a socket nobody reads. Behind Express body parsers it uses the body they already read.
 * `TRACE` and `CONNECT`, which a fetch `Request` cannot carry, get 405 with an `Allow` header. Behind
 * a proxy, pass the public `origin` (the routes compare it with the browser's `Origin`).
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { createRealtimeKitRoute, toNodeHandler } from 'onair-react/server';
 *
 * const app = express();
 * app.all('/api/realtimekit/*', toNodeHandler(createRealtimeKitRoute({ accountId, appId, apiToken, authorize, basePath: '/api/realtimekit' })));
 * // Behind a TLS-terminating proxy: the URL the browser used.
 * app.all('/api/videosdk/*', toNodeHandler(videoSdkRoute, { origin: 'https://app.example' }));
 *
 * // Plain node:http
 * http.createServer(toNodeHandler(route)).listen(3000);
 * ```
 *
 * @public
 */
export function toNodeHandler(
  handler: (request: Request) => Response | Promise<Response>,
  options: NodeHandlerOptions = {},
): (req: NodeRequestLike, res: NodeResponseLike) => Promise<void> {
  return async function nodeHandler(req, res) {
    if (FORBIDDEN_METHODS.has((req.method ?? 'GET').toUpperCase())) {
      // `TRACE` would echo the request (cookies included) and `new Request` refuses it: never a 500.
      res.writeHead(405, { allow: HANDLED_METHODS, 'content-type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed');
      return;
    }
    const controller = new AbortController();
    let finished = false;
    const answer: { reader?: ReadableStreamDefaultReader<Uint8Array> } = {};
    // `res` lives as long as the connection; the `Request` (and the signal listeners a handler put on
    // it) may be collected before: cancelling the body is what a streaming handler always sees.
    res.once('close', () => {
      if (finished) return;
      controller.abort();
      answer.reader?.cancel().catch(() => {});
    });
    let response: Response;
    try {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (name.startsWith(':')) continue; // HTTP/2 pseudo-headers
        if (typeof value === 'string') headers.append(name, value);
        else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      }
      const body = bodyOf(req);
      const init: RequestInit & { duplex?: 'half' } = { method: req.method ?? 'GET', headers, body, signal: controller.signal };
      if (body instanceof ReadableStream) init.duplex = 'half';
      const request = new Request(new URL(req.originalUrl ?? req.url ?? '/', originOf(req, options.origin)), init);
      response = await handler(request);
    } catch {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal server error');
      finished = true;
      return;
    }
    const headerMap: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') headerMap[name] = value;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) headerMap['set-cookie'] = cookies;
    res.writeHead(response.status, headerMap);
    if (!response.body || (req.method ?? 'GET').toUpperCase() === 'HEAD') {
      await response.body?.cancel().catch(() => {});
      finished = true;
      res.end();
      return;
    }
    const body = response.body.getReader();
    answer.reader = body;
    // Settles when the stream ends or fails, even while this loop waits for `drain` that a client
    // which stopped reading never gives.
    const failed = body.closed.then(
      () => false,
      () => true,
    );
    let broken = false;
    try {
      for (;;) {
        const { done, value } = await body.read();
        if (done) break;
        if (res.destroyed) break;
        if (!res.write(value)) {
          let resume: () => void = () => {};
          const drained = new Promise<void>((resolve) => {
            resume = resolve;
            res.once('drain', resume);
            res.once('close', resume);
          });
          broken = await Promise.race([drained.then(() => false), failed]);
          res.off?.('drain', resume);
          res.off?.('close', resume);
          if (broken) break;
        }
      }
    } catch {
      // the handler's stream failed, or the client left
      broken = true;
    } finally {
      finished = true;
      await body.cancel().catch(() => {});
      if (broken && !res.destroyed && res.destroy) res.destroy();
      else res.end();
    }
  };
}
