// toNodeHandler: the two-line adapter from Fetch-standard handlers to node:http / Express.
import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { toNodeHandler } from '../../src/server/index.js';
import { serveRoute, type RouteServer } from './support/routeServer.js';

let server: RouteServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('toNodeHandler', () => {
  it('gives the handler the method, full URL, headers and streamed body, and writes status, headers and cookies back', async () => {
    let seen: { method: string; url: string; header: string | null; body: string } | undefined;
    server = await serveRoute(async (request) => {
      seen = { method: request.method, url: request.url, header: request.headers.get('x-app'), body: await request.text() };
      const headers = new Headers({ 'content-type': 'text/plain' });
      headers.append('set-cookie', 'a=1; Path=/');
      headers.append('set-cookie', 'b=2; Path=/');
      return new Response('created', { status: 201, headers });
    });
    const response = await fetch(`${server.origin}/api/x/y?z=1`, { method: 'POST', headers: { 'x-app': 'yes' }, body: 'hello' });
    expect(response.status).toBe(201);
    expect(await response.text()).toBe('created');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(seen).toEqual({ method: 'POST', url: `${server.origin}/api/x/y?z=1`, header: 'yes', body: 'hello' });
  });

  it('streams an answer as it is produced and aborts request.signal when the client leaves', async () => {
    let aborted = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    server = await serveRoute(async (request) => {
      request.signal.addEventListener('abort', () => {
        aborted = true;
        clearInterval(timer);
      });
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode('data: first\n\n'));
          timer = setInterval(() => controller.enqueue(encoder.encode(': ping\n\n')), 50);
        },
        cancel() {
          clearInterval(timer);
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    });
    const first = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(`${server!.origin}/events`, (res) => {
        res.once('data', (chunk: Buffer) => {
          resolve(chunk.toString('utf8'));
          req.destroy();
        });
      });
      req.on('error', () => {});
      req.end();
      setTimeout(() => reject(new Error('no first event')), 60_000).unref();
    });
    expect(first).toBe('data: first\n\n');
    await expect.poll(() => aborted, { timeout: 30_000 }).toBe(true);
  });

  it('uses the body an Express body parser already read, and Express’s originalUrl', async () => {
    let seen: { url: string; body: string } | undefined;
    const handler = toNodeHandler(
      async (request) => {
        seen = { url: request.url, body: await request.text() };
        return new Response(null, { status: 204 });
      },
      { origin: 'https://app.example' },
    );
    // What express.json() leaves behind: a consumed stream and `req.body`.
    const req = Object.assign(Readable.from([]), {
      method: 'POST',
      url: '/recordings',
      originalUrl: '/api/realtimekit/recordings',
      headers: { 'content-type': 'application/json' },
      body: { meeting_id: 'm1' },
    });
    req.resume();
    await once(req, 'end');
    const written: { status?: number; ended: boolean } = { ended: false };
    const res = {
      headersSent: false,
      writeHead(status: number) {
        written.status = status;
      },
      write: () => true,
      end() {
        written.ended = true;
      },
      once: () => undefined,
    };
    await handler(req, res);
    expect(written).toEqual({ status: 204, ended: true });
    expect(seen).toEqual({ url: 'https://app.example/api/realtimekit/recordings', body: '{"meeting_id":"m1"}' });
  });

  it('answers 500 without details when the handler throws', async () => {
    server = await serveRoute(async () => {
      throw new Error('database password is hunter2');
    });
    const response = await fetch(`${server.origin}/x`);
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('hunter2');
  });
});
