// src/server/relayBackend.ts
var EVENT_OVERHEAD = 96;
var ROOM_OVERHEAD = 512;
function createMemoryRelayBackend(options = {}) {
  const replayLimit = Math.max(0, Math.floor(options.replayLimit ?? 200));
  const maxBufferedBytes = Math.max(64 * 1024, options.maxBufferedBytes ?? 32 * 1024 * 1024);
  const roomTtlMs = options.roomTtlMs ?? 6 * 60 * 60 * 1e3;
  const now = options.now ?? Date.now;
  const token = () => Math.random().toString(36).slice(2, 10);
  const rooms = /* @__PURE__ */ new Map();
  let total = 0;
  let closed = false;
  const sweep = setInterval(() => {
    const time = now();
    for (const room of [...rooms.values()]) if (room.sinks.size === 0 && time - room.lastActivity > roomTtlMs) forget(room);
  }, Math.min(roomTtlMs, 6e4));
  sweep.unref?.();
  function forget(room) {
    rooms.delete(room.id);
    total -= room.bytes + ROOM_OVERHEAD;
  }
  function roomFor(id) {
    let room = rooms.get(id);
    if (!room) {
      room = { id, token: token(), entries: [], sinks: /* @__PURE__ */ new Set(), seq: 0, bytes: 0, lastActivity: now() };
      rooms.set(id, room);
      total += ROOM_OVERHEAD;
    }
    return room;
  }
  function shift(room) {
    const entry = room.entries.shift();
    if (!entry) return;
    room.bytes -= entry.bytes;
    total -= entry.bytes;
  }
  function enforce(current) {
    if (total <= maxBufferedBytes) return;
    const idle = [...rooms.values()].filter((r) => r !== current && r.sinks.size === 0).sort((a, b) => a.lastActivity - b.lastActivity);
    for (const room of idle) {
      if (total <= maxBufferedBytes * 0.9) break;
      forget(room);
    }
    while (total > maxBufferedBytes) {
      let largest;
      for (const room of rooms.values()) if (room.entries.length > 0 && (!largest || room.bytes > largest.bytes)) largest = room;
      if (!largest) break;
      shift(largest);
    }
  }
  const seqOf = (room, id) => {
    if (id === void 0) return void 0;
    const cut = id.lastIndexOf("-");
    if (!room || cut <= 0 || id.slice(0, cut) !== room.token) return Number.NaN;
    const seq = Number(id.slice(cut + 1));
    return Number.isSafeInteger(seq) && seq >= 0 ? seq : Number.NaN;
  };
  return {
    async append(roomId, data) {
      if (closed) throw new Error("onair relay: backend closed");
      const room = roomFor(roomId);
      room.seq += 1;
      room.lastActivity = now();
      const event = { id: `${room.token}-${room.seq}`, data };
      const bytes = EVENT_OVERHEAD + 2 * (data.length + event.id.length);
      if (replayLimit > 0) {
        room.entries.push({ seq: room.seq, event, bytes });
        room.bytes += bytes;
        total += bytes;
        while (room.entries.length > replayLimit) shift(room);
        enforce(room);
      }
      for (const sink of [...room.sinks]) sink.event(event);
      return event.id;
    },
    async open(roomId, lastEventId, sink) {
      if (closed) throw new Error("onair relay: backend closed");
      const existing = rooms.get(roomId);
      const lastSeq = seqOf(existing, lastEventId);
      const room = existing ?? roomFor(roomId);
      room.lastActivity = now();
      if (lastSeq === void 0) {
        for (const entry of room.entries) sink.event(entry.event);
      } else {
        const firstKept = room.entries[0]?.seq ?? room.seq + 1;
        const gone = Number.isNaN(lastSeq) || lastSeq > room.seq || lastSeq < firstKept - 1;
        if (gone) {
          sink.reset(room.seq > 0 ? `${room.token}-${room.seq}` : void 0);
          for (const entry of room.entries) sink.event(entry.event);
        } else {
          for (const entry of room.entries) if (entry.seq > lastSeq) sink.event(entry.event);
        }
      }
      room.sinks.add(sink);
      return () => {
        room.sinks.delete(sink);
        room.lastActivity = now();
      };
    },
    stats() {
      return { rooms: rooms.size, bufferedBytes: Math.max(0, total) };
    },
    async close() {
      closed = true;
      clearInterval(sweep);
      rooms.clear();
      total = 0;
    }
  };
}

// src/server/verifyWebhookSignature.ts
var WEBHOOK_SIGNATURE_SOURCES = {
  videosdk: { header: "videosdk-signature", keyUrl: "https://api.videosdk.live/v2/public/rsa-public-key" },
  realtimekit: { header: "rtk-signature", keyUrl: "https://api.realtime.cloudflare.com/.well-known/webhooks.json" }
};
var RSA = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
function base64ToBytes(text2) {
  const clean = text2.replace(/\s+/g, "");
  if (clean.length === 0 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(clean)) return void 0;
  try {
    const binary = atob(clean.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return void 0;
  }
}
function derLength(length) {
  if (length < 128) return [length];
  const bytes = [];
  for (let n = length; n > 0; n >>= 8) bytes.unshift(n & 255);
  return [128 | bytes.length, ...bytes];
}
function pkcs1ToSpki(pkcs1) {
  const algorithm = [48, 13, 6, 9, 42, 134, 72, 134, 247, 13, 1, 1, 1, 5, 0];
  const bitString = [3, ...derLength(pkcs1.length + 1), 0];
  const inner = algorithm.length + bitString.length + pkcs1.length;
  const head = [48, ...derLength(inner), ...algorithm, ...bitString];
  const out = new Uint8Array(head.length + pkcs1.length);
  out.set(head, 0);
  out.set(pkcs1, head.length);
  return out;
}
var keyCache = /* @__PURE__ */ new Map();
function importPublicKey(pem) {
  let cached = keyCache.get(pem);
  if (!cached) {
    cached = (async () => {
      const text2 = pem.replace(/\\n/g, "\n");
      const match = /-----BEGIN (RSA )?PUBLIC KEY-----([\s\S]*?)-----END \1?PUBLIC KEY-----/.exec(text2);
      const der = match ? base64ToBytes(match[2]) : void 0;
      if (!match || !der) return void 0;
      const spki = match[1] ? pkcs1ToSpki(der) : der;
      try {
        return await crypto.subtle.importKey("spki", spki, RSA, false, ["verify"]);
      } catch {
        return void 0;
      }
    })();
    if (keyCache.size > 16) keyCache.clear();
    keyCache.set(pem, cached);
  }
  return cached;
}
function bodyBytes(rawBody) {
  if (typeof rawBody === "string") return new TextEncoder().encode(rawBody);
  return rawBody instanceof Uint8Array ? rawBody : new Uint8Array(rawBody);
}
async function verifyRsaSha256(rawBody, header, publicKeyPem) {
  if (typeof header !== "string" || typeof publicKeyPem !== "string") return false;
  const signature = base64ToBytes(header.trim());
  if (!signature) return false;
  const key = await importPublicKey(publicKeyPem);
  if (!key) return false;
  try {
    return await crypto.subtle.verify(RSA, key, signature, bodyBytes(rawBody));
  } catch {
    return false;
  }
}
function verifyVideoSdkSignature(rawBody, header, publicKeyPem) {
  return verifyRsaSha256(rawBody, header, publicKeyPem);
}
function pemOfDocument(text2) {
  if (text2.includes("-----BEGIN")) {
    try {
      const json = JSON.parse(text2);
      const pem = json.publicKey ?? json.data?.publicKey;
      if (typeof pem === "string") return pem;
    } catch {
      return text2;
    }
  }
  return void 0;
}
function createSignatureVerifier(options) {
  const source = WEBHOOK_SIGNATURE_SOURCES[options.provider];
  if (!source) throw new TypeError(`createWebhookRelay: signature.provider must be 'videosdk' or 'realtimekit'.`);
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? 60 * 60 * 1e3;
  const minRefetchMs = 60 * 1e3;
  const pinned = options.publicKey;
  const doFetch = options.fetch ?? (typeof fetch === "function" ? (url, init) => fetch(url, init) : void 0);
  let cached;
  let inflight;
  async function load() {
    if (!doFetch) return void 0;
    inflight ??= (async () => {
      try {
        const response = await doFetch(options.keyUrl ?? source.keyUrl, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(1e4) });
        if (!response.ok) return void 0;
        const pem = pemOfDocument(await response.text());
        if (pem) cached = { pem, at: now() };
        return pem;
      } catch {
        return void 0;
      } finally {
        inflight = void 0;
      }
    })();
    return inflight;
  }
  return {
    header: source.header,
    async verify(rawBody, header) {
      if (!header) return false;
      if (pinned !== void 0) return verifyRsaSha256(rawBody, header, pinned);
      if (!cached || now() - cached.at > ttlMs) await load();
      if (!cached) throw new Error("onair relay: the provider\u2019s webhook public key could not be fetched");
      if (await verifyRsaSha256(rawBody, header, cached.pem)) return true;
      if (now() - cached.at < minRefetchMs) return false;
      const previous = cached.pem;
      const fresh = await load();
      return fresh !== void 0 && fresh !== previous && verifyRsaSha256(rawBody, header, fresh);
    }
  };
}

// src/server/createWebhookRelay.ts
var encoder = new TextEncoder();
function constantTimeEqual(a, b) {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  const length = Math.max(x.length, y.length);
  let diff = x.length ^ y.length;
  for (let i = 0; i < length; i += 1) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
var nonEmpty = (value) => typeof value === "string" && value.length > 0 ? value : void 0;
var objectOf = (value) => typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
function defaultRoomOfWebhook(webhook) {
  const body = objectOf(webhook);
  if (!body) return void 0;
  const data = objectOf(body.data);
  return nonEmpty(data?.meetingId) ?? nonEmpty(data?.roomId) ?? nonEmpty(objectOf(body.meeting)?.id) ?? nonEmpty(body.meetingId) ?? nonEmpty(objectOf(body.recording)?.meetingId);
}
function redactRealtimeKit(webhook) {
  const body = objectOf(webhook);
  if (!body || !("streamKey" in body) && !("ingestServer" in body)) return webhook;
  const { streamKey: _key, ingestServer: _server, ...rest } = body;
  return rest;
}
var text = (status, body, headers = {}) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers } });
async function readLimited(request, limit, timeoutMs) {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return { ok: false, status: 413 };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks = [];
  let size = 0;
  let timer;
  const deadline = new Promise((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    for (; ; ) {
      const next = await Promise.race([reader.read(), deadline]);
      if (next === "timeout") {
        reader.cancel().catch(() => {
        });
        return { ok: false, status: 408 };
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > limit) {
        reader.cancel().catch(() => {
        });
        return { ok: false, status: 413 };
      }
      chunks.push(next.value);
    }
  } finally {
    clearTimeout(timer);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes: all };
}
function jsonDepth(source) {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < source.length; i += 1) {
    const c = source.charCodeAt(i);
    if (inString) {
      if (c === 92) i += 1;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth += 1;
      if (depth > max) max = depth;
    } else if (c === 93 || c === 125) depth -= 1;
  }
  return max;
}
function createWebhookRelay(options) {
  const secretList = options.secret === void 0 ? [] : typeof options.secret === "string" ? [options.secret] : [...options.secret];
  const secrets = secretList.filter((s) => typeof s === "string");
  if (!options.signature && secrets.length === 0) {
    throw new TypeError("createWebhookRelay: pass `signature: { provider }` (recommended) or a `secret` of at least 16 characters.");
  }
  if (secretList.length > 0 && (secrets.length !== secretList.length || secrets.some((s) => s.length < 16))) {
    throw new TypeError("createWebhookRelay: `secret` must be at least 16 characters (use a long random value).");
  }
  if (typeof options.authorize !== "function") throw new TypeError("createWebhookRelay: `authorize(request, roomId)` is required.");
  const now = options.now ?? Date.now;
  const verifier = options.signature ? createSignatureVerifier({ provider: options.signature.provider, publicKey: options.signature.publicKey, fetch: options.signature.fetch, now }) : void 0;
  const redact = options.signature?.provider === "realtimekit" ? redactRealtimeKit : (webhook) => webhook;
  const secretParam = options.secretParam ?? "token";
  const maxQueuedBytes = Math.max(1024, options.maxQueuedBytes ?? 256 * 1024);
  const heartbeatMs = options.heartbeatMs ?? 15e3;
  const retryMs = options.retryMs ?? 2e3;
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const maxJsonDepth = options.maxJsonDepth ?? 32;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 1e4;
  const roomOfWebhook = options.roomOfWebhook ?? defaultRoomOfWebhook;
  const roomOfRequest = options.roomOfRequest ?? ((request) => new URL(request.url).searchParams.get("roomId"));
  const backend = options.backend ?? createMemoryRelayBackend({ replayLimit: options.replayLimit, maxBufferedBytes: options.maxBufferedBytes, roomTtlMs: options.roomTtlMs, now });
  const subscribers = /* @__PURE__ */ new Set();
  const counters = { received: 0, delivered: 0, dropped: 0, rejected: 0, resets: 0 };
  let closed = false;
  const heartbeat = encoder.encode(": ping\n\n");
  const frames = /* @__PURE__ */ new WeakMap();
  const frameOf = (event) => {
    let frame = frames.get(event);
    if (!frame) {
      frame = encoder.encode(`id: ${event.id}
data: ${event.data}

`);
      frames.set(event, frame);
    }
    return frame;
  };
  function drop(subscriber, reason) {
    if (subscriber.closed) return;
    subscriber.closed = true;
    subscribers.delete(subscriber);
    subscriber.unsubscribe?.();
    try {
      if (reason === void 0) subscriber.controller.close();
      else subscriber.controller.error(reason);
    } catch {
    }
  }
  function send2(subscriber, frame) {
    if (subscriber.closed) return false;
    try {
      subscriber.controller.enqueue(frame);
    } catch {
      drop(subscriber);
      return false;
    }
    if ((subscriber.controller.desiredSize ?? 0) < 0) {
      counters.dropped += 1;
      drop(subscriber, new Error("onair relay: subscriber too slow; reconnect to catch up"));
      return false;
    }
    return true;
  }
  const timer = setInterval(() => {
    for (const subscriber of [...subscribers]) send2(subscriber, heartbeat);
  }, heartbeatMs);
  timer.unref?.();
  async function publish(roomId, webhook) {
    if (closed) throw new Error("onair relay: closed; publish refused");
    if (typeof roomId !== "string" || roomId.length === 0) throw new TypeError("onair relay: publish needs a room id");
    return backend.append(roomId, JSON.stringify({ at: now(), webhook: redact(webhook) }));
  }
  function tokenMatches(candidate) {
    if (secrets.length === 0) return true;
    if (candidate === null) return false;
    let ok = false;
    for (const secret of secrets) ok = constantTimeEqual(candidate, secret) || ok;
    return ok;
  }
  return {
    async handleWebhook(request) {
      if (request.method !== "POST") return text(405, "Method not allowed", { allow: "POST" });
      if (closed) return text(503, "Relay closed", { "retry-after": "5" });
      if (!tokenMatches(new URL(request.url).searchParams.get(secretParam))) {
        counters.rejected += 1;
        return text(401, "Unauthorized");
      }
      const signatureHeader = verifier ? request.headers.get(verifier.header) : null;
      if (verifier && !signatureHeader) {
        counters.rejected += 1;
        return text(401, "Unauthorized: missing signature");
      }
      const body = await readLimited(request, maxBodyBytes, bodyTimeoutMs);
      if (!body.ok) return body.status === 413 ? text(413, "Payload too large") : text(408, "Request body too slow", { connection: "close" });
      if (verifier) {
        let valid;
        try {
          valid = await verifier.verify(body.bytes, signatureHeader);
        } catch {
          return text(503, "Signature key unavailable", { "retry-after": "30" });
        }
        if (!valid) {
          counters.rejected += 1;
          return text(401, "Unauthorized: bad signature");
        }
      }
      const source = new TextDecoder().decode(body.bytes);
      if (jsonDepth(source) > maxJsonDepth) return text(400, "Body nested too deeply");
      let webhook;
      try {
        webhook = JSON.parse(source);
      } catch {
        return text(400, "Body is not JSON");
      }
      const roomId = roomOfWebhook(webhook);
      if (typeof roomId !== "string" || roomId.length === 0) return text(400, "Webhook names no room");
      if (closed) return text(503, "Relay closed", { "retry-after": "5" });
      try {
        await publish(roomId, webhook);
      } catch {
        return text(503, "Relay storage unavailable", { "retry-after": "5" });
      }
      counters.received += 1;
      return new Response(null, { status: 204 });
    },
    async handleEvents(request) {
      if (request.method !== "GET") return text(405, "Method not allowed", { allow: "GET" });
      const roomId = roomOfRequest(request);
      if (typeof roomId !== "string" || roomId.length === 0) return text(400, "roomId is required");
      let allowed;
      try {
        allowed = await options.authorize(request, roomId) === true;
      } catch {
        allowed = false;
      }
      if (!allowed) return text(403, "Forbidden");
      if (closed) return text(503, "Relay closed");
      const lastEventId = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId") ?? void 0;
      let subscriber;
      const stream = new ReadableStream(
        {
          start(controller) {
            subscriber = { controller, closed: false };
            controller.enqueue(encoder.encode(`retry: ${retryMs}
: connected

`));
          },
          cancel() {
            if (subscriber) drop(subscriber);
          }
        },
        new ByteLengthQueuingStrategy({ highWaterMark: maxQueuedBytes })
      );
      const sub = subscriber;
      subscribers.add(sub);
      try {
        const unsubscribe = await backend.open(roomId, lastEventId || void 0, {
          reset(latestId) {
            counters.resets += 1;
            send2(sub, encoder.encode(`event: reset
id: ${latestId ?? ""}
data: {"reason":"history-gone"}

`));
          },
          event(event) {
            if (send2(sub, frameOf(event))) counters.delivered += 1;
          }
        });
        if (sub.closed) unsubscribe();
        else sub.unsubscribe = unsubscribe;
      } catch {
        drop(sub);
        return text(503, "Relay storage unavailable", { "retry-after": "5" });
      }
      request.signal?.addEventListener("abort", () => drop(sub), { once: true });
      if (request.signal?.aborted) drop(sub);
      return new Response(stream, {
        status: 200,
        headers: {
          "content-type": "text/event-stream; charset=utf-8",
          "cache-control": "no-cache, no-transform",
          connection: "keep-alive",
          "x-accel-buffering": "no"
        }
      });
    },
    publish,
    stats() {
      const backendStats = backend.stats();
      return { rooms: backendStats.rooms, subscribers: subscribers.size, ...counters, bufferedBytes: backendStats.bufferedBytes };
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      for (const subscriber of [...subscribers]) drop(subscriber);
      await backend.close();
    }
  };
}

// test/server/support/nodeServer.ts
import { once } from "node:events";
import { createServer } from "node:http";
import { Readable } from "node:stream";
function toRequest(req, origin, signal) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const body = req.method !== "GET" && req.method !== "HEAD" ? Readable.toWeb(req) : void 0;
  return new Request(new URL(req.url ?? "/", origin), { method: req.method, headers, body, signal, duplex: "half" });
}
function drained(res) {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}
async function send(response, res) {
  const headers = { "access-control-allow-origin": "*" };
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
  res.on("close", () => {
    reader.cancel().catch(() => {
    });
  });
  try {
    for (; ; ) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await drained(res);
      if (res.destroyed) break;
    }
  } catch {
  }
  res.end();
}
async function startRelayServer(relay, options = {}) {
  const webhookPath = options.webhookPath ?? "/webhook";
  const eventsPath = options.eventsPath ?? "/events";
  let origin = "";
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method === "OPTIONS") {
        res.writeHead(204, {
          "access-control-allow-origin": "*",
          "access-control-allow-methods": "GET, POST",
          "access-control-allow-headers": "content-type, last-event-id, authorization"
        });
        res.end();
        return;
      }
      const controller = new AbortController();
      res.on("close", () => controller.abort());
      const path = new URL(req.url ?? "/", "http://x").pathname;
      try {
        const request = toRequest(req, origin, controller.signal);
        const response = path === webhookPath ? await relay.handleWebhook(request) : path === eventsPath ? await relay.handleEvents(request) : new Response("Not found", { status: 404 });
        await send(response, res);
      } catch (error) {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(error));
      }
    })();
  });
  server.listen(options.port ?? 0, "127.0.0.1");
  await once(server, "listening");
  origin = `http://127.0.0.1:${server.address().port}`;
  return {
    server,
    origin,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    })
  };
}
export {
  createWebhookRelay,
  startRelayServer,
  verifyVideoSdkSignature
};
