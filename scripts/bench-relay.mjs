#!/usr/bin/env node
// Relay benchmark (not a timed test): webhooks per second fanned out to N SSE clients on loopback,
// and server memory per connected client. Plain-text output.
//   node scripts/bench-relay.mjs [--clients 500] [--webhooks 2000]
// The relay (src/server) and the node:http adapter of its tests are bundled with esbuild on the fly.
// The SSE clients run in a child process so the server's memory figure is its own.
import { fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

if (args[0] === '--client') {
  // Child: open the SSE connections, count messages, report.
  const [, origin, clientsText, expectedText] = args;
  const clients = Number(clientsText);
  const expected = Number(expectedText);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  let connected = 0;
  let finished = 0;
  const counts = new Array(clients).fill(0);
  for (let i = 0; i < clients; i += 1) {
    http.get(`${origin}/events?roomId=bench-room`, { agent, headers: { authorization: 'Bearer bench' } }, (res) => {
      res.setEncoding('utf8');
      connected += 1;
      if (connected === clients) process.send({ type: 'connected' });
      let tail = '';
      res.on('data', (chunk) => {
        const text = tail + chunk;
        let from = 0;
        let at;
        while ((at = text.indexOf('\ndata: ', from)) >= 0) {
          counts[i] += 1;
          from = at + 7;
        }
        tail = text.slice(-6);
        if (counts[i] === expected) {
          finished += 1;
          if (finished === clients) process.send({ type: 'done', at: Date.now() });
        }
      });
    });
  }
  process.on('message', (message) => {
    if (message === 'exit') process.exit(0);
  });
} else {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const clients = option('clients', 500);
  const webhooks = option('webhooks', 2000);
  const esbuild = await import('esbuild');
  mkdirSync(`${root}.tmp`, { recursive: true });
  const outfile = `${root}.tmp/bench-relay.bundle.mjs`;
  await esbuild.build({
    stdin: {
      contents: "export { createWebhookRelay, verifyVideoSdkSignature } from './src/server/index.ts'; export { startRelayServer } from './test/server/support/nodeServer.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  const { createWebhookRelay, startRelayServer, verifyVideoSdkSignature } = await import(pathToFileURL(outfile).href);
  const secret = 'bench-secret-0123456789abcdef';
  const relay = createWebhookRelay({ secret, authorize: () => true, replayLimit: 0, heartbeatMs: 60_000 });
  const server = await startRelayServer(relay);

  globalThis.gc?.();
  const before = process.memoryUsage();
  const child = fork(fileURLToPath(import.meta.url), ['--client', server.origin, String(clients), String(webhooks)], { stdio: 'inherit' });
  const nextMessage = (type) => new Promise((resolve) => child.on('message', (m) => m.type === type && resolve(m)));
  await nextMessage('connected');
  await new Promise((r) => setTimeout(r, 300));
  globalThis.gc?.();
  const after = process.memoryUsage();

  const body = (n) =>
    JSON.stringify({
      webhookType: n % 2 ? 'participant-recording-started' : 'participant-recording-stopped',
      data: { meetingId: 'bench-room', sessionId: '613731342f27f56e4fc4b6d0', participantId: `p${n % 50}`, fileFormat: 'webm' },
    });
  const done = nextMessage('done');
  const start = performance.now();
  const startWall = Date.now();
  let next = 0;
  const concurrency = 16;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < webhooks) {
        const n = next++;
        const res = await fetch(`${server.origin}/webhook?token=${secret}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(n) });
        if (res.status !== 204) throw new Error(`webhook answered ${res.status}`);
      }
    }),
  );
  const ingestMs = performance.now() - start;
  const { at } = await done;
  const totalMs = Math.max(ingestMs, at - startWall);
  const stats = relay.stats();

  const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log('relay bench (loopback, Node ' + process.versions.node + ')');
  console.log(`  SSE clients:               ${clients} (one room)`);
  console.log(`  webhooks posted:           ${webhooks} over HTTP, ${concurrency} at a time`);
  console.log(`  ingest:                    ${((webhooks / ingestMs) * 1000).toFixed(0)} webhooks/s`);
  console.log(`  fan-out complete:          ${((webhooks / totalMs) * 1000).toFixed(0)} webhooks/s to all clients (${(((webhooks * clients) / totalMs) * 1000).toFixed(0)} SSE messages/s)`);
  console.log(`  delivered / dropped:       ${stats.delivered} / ${stats.dropped}`);
  console.log(`  server memory per client:  rss ${kib((after.rss - before.rss) / clients)}, heap ${kib((after.heapUsed - before.heapUsed) / clients)}${globalThis.gc ? '' : ' (run with --expose-gc for steadier figures)'}`);
  child.send('exit');
  await relay.close();
  await server.close();

  // Signature verification cost (RSA-2048, Web Crypto), per webhook.
  const rsa = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const pair = await crypto.subtle.generateKey({ ...rsa, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }, true, ['sign', 'verify']);
  const pem = `-----BEGIN PUBLIC KEY-----\n${Buffer.from(await crypto.subtle.exportKey('spki', pair.publicKey)).toString('base64')}\n-----END PUBLIC KEY-----`;
  const signedBody = body(1);
  const signature = Buffer.from(await crypto.subtle.sign(rsa, pair.privateKey, new TextEncoder().encode(signedBody))).toString('base64');
  if (!(await verifyVideoSdkSignature(signedBody, signature, pem))) throw new Error('verification failed');
  const verifications = 2000;
  const verifyStart = performance.now();
  for (let i = 0; i < verifications; i += 1) await verifyVideoSdkSignature(signedBody, signature, pem);
  const verifyUs = ((performance.now() - verifyStart) / verifications) * 1000;
  console.log(`  signature check:           ${verifyUs.toFixed(0)} µs per webhook (RSA-2048 SHA-256, crypto.subtle, ${signedBody.length}-byte body)`);

  // Relay memory at the ceiling: far more rooms × events than the ceiling allows.
  const ceiling = 32 * 1024 * 1024;
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const full = createWebhookRelay({ secret, authorize: () => true, heartbeatMs: 60_000, maxBufferedBytes: ceiling });
  const padding = 'x'.repeat(4000);
  const rooms = 20_000;
  for (let n = 0; n < rooms * 2; n += 1) await full.publish(`room-${n % rooms}`, { webhookType: 'participant-recording-stopped', data: { meetingId: `room-${n % rooms}`, participantId: 'p', padding } });
  globalThis.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  const fullStats = full.stats();
  const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  console.log(`  memory at the ceiling:     ${rooms * 2} events of 4 KB into ${rooms} rooms (${mib(rooms * 2 * 4100)} offered), ceiling ${mib(ceiling)}: ${fullStats.rooms} rooms kept, ${mib(fullStats.bufferedBytes)} accounted, heap +${mib(heapAfter - heapBefore)}`);
  await full.close();
  process.exit(0);
}
