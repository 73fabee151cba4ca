#!/usr/bin/env node
// Relay benchmark (not a timed test): webhooks per second fanned out to N SSE clients on loopback,
// and server memory per connected client. Plain-text output.
//   node scripts/bench-relay.mjs [--clients 500] [--webhooks 2000] [--multi-subscribers 2000] [--multi-webhooks 2000]
//   node scripts/bench-relay.mjs --only-signed   (the signed-webhook CPU line alone)
// Then: signature check cost, signed-webhook CPU through handleWebhook, memory at the ceiling, and the multi-process line (3 relay processes
// on one redis-server started here, next to 1 process in memory).
// The relay (src/server) and the node:http adapter of its tests are bundled with esbuild on the fly.
// The SSE clients run in a child process so the server's memory figure is its own.
import { fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findRedisServer } from './redis.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

if (args[0] === '--multi-client') {
  // Child of the multi-process line: subscribers spread over the relay processes; per message the
  // fan-out latency (receipt − the poster's send time in the body), duplicates and what is missing.
  const [, originsText, clientsText, expectedText] = args;
  const origins = originsText.split(',');
  const clients = Number(clientsText);
  const expected = Number(expectedText);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const histogram = new Uint32Array(120_001);
  let connected = 0;
  let complete = 0;
  let duplicates = 0;
  let received = 0;
  const seen = Array.from({ length: clients }, () => new Uint8Array(expected));
  const unique = new Uint32Array(clients);
  for (let i = 0; i < clients; i += 1) {
    http.get(`${origins[i % origins.length]}/events?roomId=bench-room`, { agent }, (res) => {
      res.setEncoding('utf8');
      connected += 1;
      if (connected === clients) process.send({ type: 'connected' });
      let buffer = '';
      res.on('data', (chunk) => {
        buffer += chunk;
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const at = block.indexOf('data: ');
          if (at < 0) continue;
          const { webhook } = JSON.parse(block.slice(at + 6));
          const n = webhook.data.n;
          received += 1;
          histogram[Math.min(120_000, Math.max(0, Date.now() - webhook.data.sentAt))] += 1;
          if (seen[i][n]) duplicates += 1;
          else {
            seen[i][n] = 1;
            unique[i] += 1;
            if (unique[i] === expected && ++complete === clients) process.send({ type: 'done' });
          }
        }
      });
    });
  }
  process.on('message', (message) => {
    if (message !== 'report') return;
    const percentile = (p) => {
      let target = Math.ceil(received * p);
      for (let ms = 0; ms < histogram.length; ms += 1) if ((target -= histogram[ms]) <= 0) return ms;
      return histogram.length - 1;
    };
    let delivered = 0;
    for (const count of unique) delivered += count;
    process.send({ type: 'report', delivered, missing: clients * expected - delivered, duplicates, p50: percentile(0.5), p99: percentile(0.99) });
  });
} else if (args[0] === '--hold') {
  // Child of the 10,000-connections line: opens SSE connections (500 in flight at a time), holds
  // them open until told, then leaves all at once.
  const [, origin, countText] = args;
  const count = Number(countText);
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const sockets = [];
  let next = 0;
  const open = () =>
    new Promise((resolve, reject) => {
      const i = next++;
      const req = http.get(`${origin}/events?roomId=room-${i % 100}`, { agent }, (res) => {
        res.once('data', () => resolve());
        res.on('data', () => {});
        sockets.push(res.socket);
      });
      req.on('error', reject);
    });
  await Promise.all(
    Array.from({ length: 500 }, async () => {
      while (next < count) await open();
    }),
  );
  process.send({ type: 'connected' });
  process.on('message', (message) => {
    if (message !== 'leave') return;
    for (const socket of sockets) socket.destroy();
    process.send({ type: 'left' });
    setTimeout(() => process.exit(0), 100);
  });
} else if (args[0] === '--client') {
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
      contents:
        "export { createWebhookRelay, toNodeHandler, verifyVideoSdkSignature } from './src/server/index.ts'; export { startRelayServer } from './test/server/support/nodeServer.ts';",
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
  const { createWebhookRelay, startRelayServer, toNodeHandler, verifyVideoSdkSignature } = await import(pathToFileURL(outfile).href);
  const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  const secret = 'bench-secret-0123456789abcdef';
  const onlyMulti = args.includes('--only-multi');
  const onlySigned = args.includes('--only-signed');
  if (onlySigned) {
    await signedCost();
    process.exit(0);
  }
  if (!onlyMulti) {
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
      // `n` makes every body unique: the relay answers a repeat 200 and does not relay it.
      data: { meetingId: 'bench-room', sessionId: '613731342f27f56e4fc4b6d0', participantId: `p${n % 50}`, fileFormat: 'webm', n },
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
  console.log(`  signature check:           ${verifyUs.toFixed(0)} µs per webhook (RSA-2048 SHA-256, verifyVideoSdkSignature: node:crypto where the runtime has it, else crypto.subtle, ${signedBody.length}-byte body)`);

  await signedCost();

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

  // 10,000 SSE connections (issue 17 item 10): what each costs, first the relay's own part (streams
  // taken in this process, no socket), then over real loopback sockets through toNodeHandler (a
  // child process holds the clients), and how long all departures take to be noticed.
  const connections = option('connections', 10_000);
  const hold = createWebhookRelay({ secret, authorize: () => true, heartbeatMs: 600_000, replayLimit: 0 });
  globalThis.gc?.();
  const streamsBefore = process.memoryUsage();
  const readers = [];
  for (let i = 0; i < connections; i += 1) {
    const response = await hold.handleEvents(new Request(`http://bench.local/events?roomId=room-${i % 100}`));
    const reader = response.body.getReader();
    await reader.read();
    readers.push(reader);
  }
  globalThis.gc?.();
  const streamsAfter = process.memoryUsage();
  const streamsOpen = hold.stats().subscribers;
  for (const reader of readers) await reader.cancel();
  readers.length = 0;
  const streamsLeft = hold.stats().subscribers;
  await hold.close();

  const sockets = createWebhookRelay({ secret, authorize: () => true, heartbeatMs: 600_000, replayLimit: 0 });
  const socketServer = http.createServer(toNodeHandler((request) => sockets.handleEvents(request)));
  socketServer.listen(0, '127.0.0.1');
  await new Promise((resolve) => socketServer.once('listening', resolve));
  globalThis.gc?.();
  const socketsBefore = process.memoryUsage();
  const holder = fork(fileURLToPath(import.meta.url), ['--hold', `http://127.0.0.1:${socketServer.address().port}`, String(connections)], { stdio: 'inherit' });
  const holderSays = (type) => new Promise((resolve) => holder.on('message', (m) => m.type === type && resolve(m)));
  const connectStart = performance.now();
  await holderSays('connected');
  const connectMs = performance.now() - connectStart;
  while (sockets.stats().subscribers < connections) await new Promise((r) => setTimeout(r, 20));
  globalThis.gc?.();
  const socketsAfter = process.memoryUsage();
  const leaveStart = performance.now();
  holder.send('leave');
  while (sockets.stats().subscribers > 0 && performance.now() - leaveStart < 120_000) await new Promise((r) => setTimeout(r, 10));
  const leaveMs = performance.now() - leaveStart;
  const socketsLeft = sockets.stats().subscribers;
  await sockets.close();
  await new Promise((resolve) => socketServer.close(resolve));
  const perConnection = (a, b) => kib((a - b) / connections);
  console.log(
    `  ${connections.toLocaleString('en-US')} SSE connections:    in-process streams (relay only): heap ${perConnection(streamsAfter.heapUsed, streamsBefore.heapUsed)}, rss ${perConnection(streamsAfter.rss, streamsBefore.rss)} per connection (${streamsOpen} open, ${streamsLeft} after cancel) · ` +
      `real sockets via toNodeHandler: heap ${perConnection(socketsAfter.heapUsed, socketsBefore.heapUsed)}, rss ${perConnection(socketsAfter.rss, socketsBefore.rss)} per connection, ` +
      `${mib(socketsAfter.rss - socketsBefore.rss)} rss in all, connected in ${(connectMs / 1000).toFixed(1)} s, all departures noticed in ${leaveMs.toFixed(0)} ms (${socketsLeft} left)`,
  );
  }

  /**
   * CPU per webhook through `handleWebhook` (no HTTP: a `Request` in, a `Response` out), signed
   * (VideoSDK, pinned key) next to unsigned (URL secret), and the verification alone next to a bare
   * node:crypto verify with a ready KeyObject. Every body differs (the relay deduplicates repeats).
   */
  async function signedCost() {
    const { generateKeyPairSync, sign, verify, createPublicKey } = await import('node:crypto');
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pemKey = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const count = option('signed-webhooks', 2000);
    const warm = 200;
    const bodies = Array.from({ length: count + warm }, (_, n) =>
      JSON.stringify({ webhookType: 'participant-recording-started', data: { meetingId: 'bench-signed', sessionId: '613731342f27f56e4fc4b6d0', participantId: `p${n}`, fileFormat: 'webm' } }),
    );
    const signatures = bodies.map((b) => sign('sha256', Buffer.from(b), privateKey).toString('base64'));
    const cpuPer = async (fn) => {
      for (let i = count; i < count + warm; i += 1) await fn(i); // warm-up, on bodies of its own
      const start = process.cpuUsage();
      for (let i = 0; i < count; i += 1) await fn(i);
      const used = process.cpuUsage(start);
      return (used.user + used.system) / count;
    };
    const signedRelay = createWebhookRelay({ signature: { provider: 'videosdk', publicKey: pemKey }, authorize: () => true, replayLimit: 1, heartbeatMs: 60_000 });
    const plainRelay = createWebhookRelay({ secret, authorize: () => true, replayLimit: 1, heartbeatMs: 60_000 });
    const post = (relay, i, headers, query = '') => {
      const body = bodies[i];
      return relay.handleWebhook(new Request(`http://relay/webhook${query}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }));
    };
    const expect204 = (response) => {
      if (response.status !== 204) throw new Error(`handleWebhook answered ${response.status}`);
    };
    // Unsigned first, then signed: both after the same warm-up of handleWebhook.
    const plainUs = await cpuPer(async (i) => expect204(await post(plainRelay, i, {}, `?token=${secret}`)));
    const signedUs = await cpuPer(async (i) => expect204(await post(signedRelay, i, { 'videosdk-signature': signatures[i] })));
    await signedRelay.close();
    await plainRelay.close();
    const verifyUs = await cpuPer(async (i) => {
      if (!(await verifyVideoSdkSignature(bodies[i], signatures[i], pemKey))) throw new Error('verification failed');
    });
    const keyObject = createPublicKey(pemKey);
    const bareUs = await cpuPer(async (i) => {
      if (!verify('sha256', Buffer.from(bodies[i]), keyObject, Buffer.from(signatures[i], 'base64'))) throw new Error('verification failed');
    });
    console.log(`  signed webhook CPU:        ${signedUs.toFixed(0)} µs signed vs ${plainUs.toFixed(0)} µs unsigned per webhook through handleWebhook · verify ${verifyUs.toFixed(0)} µs vs bare crypto.verify ${bareUs.toFixed(0)} µs (RSA-2048, ${count} webhooks)`);
  }

  // Several processes through Redis, next to one process in memory, in the same run.
  const redisBinary = findRedisServer();
  const subscribers = option('multi-subscribers', 2000);
  const multiWebhooks = option('multi-webhooks', 2000);
  if (!redisBinary) {
    console.log('  3 processes (Redis):       skipped — no redis-server (node scripts/ensure.mjs --redis)');
    process.exit(0);
  }
  const workerFile = `${root}.tmp/bench-relay-worker.mjs`;
  await esbuild.build({ entryPoints: [`${root}test/server/support/relayWorker.ts`], bundle: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', outfile: workerFile, logLevel: 'error' });
  const redisBundle = `${root}.tmp/bench-relay-redis.bundle.mjs`;
  await esbuild.build({ entryPoints: [`${root}test/server/support/redisServer.ts`], bundle: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', outfile: redisBundle, logLevel: 'error' });
  const { startRedisServer } = await import(pathToFileURL(redisBundle).href);
  const redis = await startRedisServer(redisBinary);

  const children = new Set();
  process.on('exit', () => {
    for (const child of children) child.kill('SIGKILL');
  });
  async function multi(processes, redisUrl) {
    const env = { ...process.env, ONAIR_RELAY_SECRET: secret, ONAIR_HEARTBEAT_MS: '60000', ONAIR_MAX_QUEUED: String(4 * 1024 * 1024), ONAIR_REPLAY_LIMIT: '1', ONAIR_REDIS_URL: redisUrl };
    const workers = await Promise.all(
      Array.from({ length: processes }, async () => {
        const worker = fork(workerFile, [], { env, execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        children.add(worker);
        const ready = await new Promise((resolve) => worker.once('message', resolve));
        const ask = () => new Promise((resolve) => {
          const on = (m) => m.type === 'stats' && (worker.off('message', on), resolve(m));
          worker.on('message', on);
          worker.send('stats');
        });
        return { worker, origin: ready.origin, ask };
      }),
    );
    const before = await Promise.all(workers.map((w) => w.ask()));
    const clients = fork(fileURLToPath(import.meta.url), ['--multi-client', workers.map((w) => w.origin).join(','), String(subscribers), String(multiWebhooks)], { stdio: 'inherit' });
    children.add(clients);
    const next = (type) => new Promise((resolve) => clients.on('message', (m) => m.type === type && resolve(m)));
    await next('connected');
    await new Promise((r) => setTimeout(r, 500));
    const after = await Promise.all(workers.map((w) => w.ask()));
    const done = next('done');
    let n = 0;
    let refused = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (n < multiWebhooks) {
          const i = n++;
          for (;;) {
            // Like a provider: a 5xx or a dropped connection is retried.
            const res = await fetch(`${workers[i % workers.length].origin}/webhook?token=${secret}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ webhookType: 'participant-recording-started', data: { meetingId: 'bench-room', participantId: `p${i % 50}`, n: i, sentAt: Date.now() } }) }).catch(() => undefined);
            if (res?.status === 204 || res?.status === 200) break; // 200: a repeat, already stored
            refused += 1;
          }
        }
      }),
    );
    await Promise.race([done, new Promise((r) => setTimeout(r, 600_000))]);
    const seconds = (performance.now() - started) / 1000;
    const reportPromise = next('report');
    clients.send('report');
    const report = await reportPromise;
    const perSub = after.map((a, i) => ({ rss: (a.memory.rss - before[i].memory.rss) / (subscribers / processes), heap: (a.memory.heapUsed - before[i].memory.heapUsed) / (subscribers / processes) }));
    clients.kill();
    await Promise.all(workers.map((w) => new Promise((resolve) => { w.worker.once('exit', resolve); w.worker.send('close'); })));
    return { ...report, refused, seconds, perSub };
  }

  const line = (label, r) =>
    console.log(
      `  ${label}${subscribers} SSE subscribers, ${multiWebhooks} webhooks round-robin: delivered ${r.delivered} / dropped ${r.missing} / duplicates ${r.duplicates} · ` +
        `fan-out p50 ${r.p50} ms, p99 ${r.p99} ms · ${((multiWebhooks * subscribers) / r.seconds).toFixed(0)} SSE messages/s · ` +
        `per subscriber per process: ${r.perSub.map((m) => `rss ${kib(m.rss)} heap ${kib(m.heap)}`).join(' | ')}`,
    );
  try {
    const single = await multi(1, '');
    line('1 process (memory):        ', single);
    const three = await multi(3, redis.url);
    line('3 processes (Redis):       ', three);
  } finally {
    await redis.stop();
  }
  process.exit(0);
}
