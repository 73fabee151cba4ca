// A node:http server that adapts requests to the relay's web-standard Request/Response, with
// backpressure (a slow socket stops reading the SSE stream, so the relay sees its queue grow).
// Used by the relay tests, the browser tests' globalSetup and scripts/bench-relay.mjs. Loopback only.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { WebhookRelay } from '../../../src/server/index.js';

export interface RelayServer {
  readonly server: Server;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  // The body streams through as it arrives (the relay's read deadline sees a trickling sender).
  const body = req.method !== 'GET' && req.method !== 'HEAD' ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined;
  return new Request(new URL(req.url ?? '/', origin), { method: req.method, headers, body, signal, duplex: 'half' } as RequestInit);
}

/** Resolves on `drain` or `close`, removing both listeners. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

async function send(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string> = { 'access-control-allow-origin': '*' };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  res.on('close', () => {
    reader.cancel().catch(() => {});
  });
  // Rejects when the relay errors the stream (a dropped subscriber), even while waiting for a drain
  // that a client which stopped reading never gives.
  const failed = reader.closed.then(
    () => false,
    () => true,
  );
  let broken = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) broken = await Promise.race([drained(res).then(() => false), failed]);
      if (broken || res.destroyed) break;
    }
  } catch {
    broken = true;
  }
  // The relay dropped this subscriber: close the connection (the client reconnects and catches up).
  if (broken) res.destroy();
  else res.end();
}

/** Serves `relay` on 127.0.0.1: `POST {webhookPath}` and `GET {eventsPath}`. */
export async function startRelayServer(
  relay: Pick<WebhookRelay, 'handleWebhook' | 'handleEvents'>,
  options: { port?: number; webhookPath?: string; eventsPath?: string } = {},
): Promise<RelayServer> {
  const webhookPath = options.webhookPath ?? '/webhook';
  const eventsPath = options.eventsPath ?? '/events';
  let origin = '';
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': 'content-type, last-event-id, authorization',
        });
        res.end();
        return;
      }
      const controller = new AbortController();
      res.on('close', () => controller.abort());
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      try {
        const request = toRequest(req, origin, controller.signal);
        const response =
          path === webhookPath ? await relay.handleWebhook(request)
          : path === eventsPath ? await relay.handleEvents(request)
          : new Response('Not found', { status: 404 });
        await send(response, res);
      } catch (error) {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(error));
      }
    })();
  });
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    server,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
