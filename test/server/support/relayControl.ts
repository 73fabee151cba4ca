// Relays that a browser test can restart, put behind a failing proxy, or cut off from Redis (issue 17
// item 8). Chromium cannot drive Node: the browser project's globalSetup serves this control API on
// loopback and hands its origin to the tests (`inject('relayControlOrigin')`). Each relay is served
// through the package's own toNodeHandler, as an app deploys it. Loopback only.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findRedisServer } from '../../../scripts/redis.mjs';
import { createRedisRelayBackend, createWebhookRelay, toNodeHandler, type RelayBackend, type WebhookRelay } from '../../../src/server/index.js';
import { startRedisServer, type RedisProcess } from './redisServer.js';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST',
  'access-control-allow-headers': 'content-type, last-event-id',
} as const;

/** One relay process as a deploy sees it: a relay on a port, replaced by the next one on the same port. */
interface Deployment {
  relay: WebhookRelay;
  server: Server | undefined;
  port: number;
  /** Makes each relay generation's backend (memory when absent). */
  readonly backend: (() => RelayBackend) | undefined;
  /** While set, `GET /events` is answered with this status, as a proxy in front of a restarting relay does. */
  proxyStatus: number | undefined;
  /** What the browsers asked for: the `lastEventId` query parameter and `Last-Event-ID` header of each stream request. */
  readonly requests: Array<{ query: string | null; header: string | null }>;
}

/** Serves `state`'s current relay on `port` (0: a free one). */
async function listen(state: Deployment, port: number): Promise<void> {
  const handle = toNodeHandler((request) => {
    const path = new URL(request.url).pathname;
    if (path === '/webhook') return state.relay.handleWebhook(request);
    if (path !== '/events') return Promise.resolve(new Response('Not found', { status: 404 }));
    state.requests.push({ query: new URL(request.url).searchParams.get('lastEventId'), header: request.headers.get('last-event-id') });
    if (state.proxyStatus !== undefined) return Promise.resolve(new Response('Bad gateway', { status: state.proxyStatus }));
    return state.relay.handleEvents(request);
  });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(CORS)) res.setHeader(name, value);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    void handle(req, res);
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  state.server = server;
  state.port = (server.address() as AddressInfo).port;
}

function closeServer(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!server) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export interface RelayControl {
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves the control API: `POST /<kind>/<action>` (see the switch below), JSON answers. */
export async function startRelayControl(secret: string): Promise<RelayControl> {
  const deployments = new Map<string, Deployment>();
  let redis: RedisProcess | undefined;

  const relayOf = (backend?: RelayBackend): WebhookRelay =>
    createWebhookRelay({ secret, authorize: () => true, heartbeatMs: 5_000, retryMs: 300, backend });

  async function deploy(name: string, backend?: () => RelayBackend): Promise<Deployment> {
    const previous = deployments.get(name);
    if (previous) {
      await previous.relay.close();
      await closeServer(previous.server);
    }
    const state: Deployment = { relay: relayOf(backend?.()), server: undefined, port: 0, backend, proxyStatus: undefined, requests: [] };
    await listen(state, 0);
    deployments.set(name, state);
    return state;
  }

  const actions: Record<string, (name: string, query: URLSearchParams) => Promise<unknown>> = {
    /** A fresh relay in memory; answers its origin. */
    async start(name) {
      const state = await deploy(name);
      return { origin: `http://127.0.0.1:${state.port}` };
    },
    /** A fresh relay on a fresh redis-server (no persistence). */
    async 'start-redis'(name) {
      const binary = findRedisServer();
      if (!binary) throw new Error('no redis-server (node scripts/ensure.mjs --redis)');
      redis ??= await startRedisServer(binary);
      const url = redis.url;
      const state = await deploy(name, () => createRedisRelayBackend({ url, commandTimeoutMs: 1_000 }));
      return { origin: `http://127.0.0.1:${state.port}` };
    },
    /**
     * A deploy as the README tells it: SIGTERM → `relay.close()`; the old process keeps its port (and
     * the browsers' kept-alive connections) while it drains for `drainMs`, then the next process
     * listens on the same port.
     */
    async restart(name, query) {
      const state = deployments.get(name)!;
      await state.relay.close();
      await new Promise((r) => setTimeout(r, Number(query.get('drainMs') ?? 1_500)));
      await closeServer(state.server);
      state.relay = relayOf(state.backend?.());
      await listen(state, state.port);
      return { ok: true };
    },
    /** `status=502`: a proxy answers stream requests with it and the open streams are cut; no status: the proxy passes again. */
    async proxy(name, query) {
      const state = deployments.get(name)!;
      const status = query.get('status');
      state.proxyStatus = status ? Number(status) : undefined;
      if (status) state.server?.closeAllConnections();
      return { ok: true };
    },
    /** Cuts every open connection (the browsers reconnect at once). */
    async cut(name) {
      deployments.get(name)!.server?.closeAllConnections();
      return { ok: true };
    },
    async 'redis-stop'() {
      await redis?.stop();
      return { ok: true };
    },
    async 'redis-start'() {
      await redis?.start();
      return { ok: true };
    },
    /** The stream requests seen so far. */
    async requests(name) {
      return deployments.get(name)?.requests ?? [];
    },
  };

  const server = createServer((req, res) => {
    void (async () => {
      for (const [name, value] of Object.entries(CORS)) res.setHeader(name, value);
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
        return;
      }
      const url = new URL(req.url ?? '/', 'http://control');
      const [, name = '', action = ''] = url.pathname.split('/');
      try {
        const run = Object.hasOwn(actions, action) ? actions[action] : undefined;
        if (!run) throw new Error(`unknown action ${action}`);
        const result = await run(name, url.searchParams);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      }
    })();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      for (const state of deployments.values()) {
        await state.relay.close();
        await closeServer(state.server);
      }
      await closeServer(server);
      await redis?.stop();
    },
  };
}
