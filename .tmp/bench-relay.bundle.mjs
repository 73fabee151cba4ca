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
function defaultRoomOfWebhook(webhook) {
  if (typeof webhook !== "object" || webhook === null) return void 0;
  const data = webhook.data;
  if (typeof data !== "object" || data === null) return void 0;
  const { meetingId, roomId } = data;
  if (typeof meetingId === "string" && meetingId) return meetingId;
  if (typeof roomId === "string" && roomId) return roomId;
  return void 0;
}
var text = (status, body, headers = {}) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers } });
async function readLimited(request, limit) {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return void 0;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks = [];
  let size = 0;
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {
      });
      return void 0;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}
function createWebhookRelay(options) {
  const secrets = (typeof options.secret === "string" ? [options.secret] : [...options.secret]).filter((s) => typeof s === "string");
  if (secrets.length === 0 || secrets.some((s) => s.length < 16)) {
    throw new TypeError("createWebhookRelay: `secret` must be at least 16 characters (use a long random value).");
  }
  if (typeof options.authorize !== "function") throw new TypeError("createWebhookRelay: `authorize(request, roomId)` is required.");
  const secretParam = options.secretParam ?? "token";
  const replayLimit = Math.max(0, options.replayLimit ?? 200);
  const maxQueuedBytes = Math.max(1024, options.maxQueuedBytes ?? 256 * 1024);
  const heartbeatMs = options.heartbeatMs ?? 15e3;
  const retryMs = options.retryMs ?? 2e3;
  const roomTtlMs = options.roomTtlMs ?? 6 * 60 * 60 * 1e3;
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const now = options.now ?? Date.now;
  const roomOfWebhook = options.roomOfWebhook ?? defaultRoomOfWebhook;
  const roomOfRequest = options.roomOfRequest ?? ((request) => new URL(request.url).searchParams.get("roomId"));
  const epoch = Math.random().toString(36).slice(2, 10);
  const rooms = /* @__PURE__ */ new Map();
  const counters = { received: 0, delivered: 0, dropped: 0, rejected: 0 };
  let seq = 0;
  let closed = false;
  const heartbeat = encoder.encode(": ping\n\n");
  function roomFor(id) {
    let room = rooms.get(id);
    if (!room) {
      room = { entries: [], subscribers: /* @__PURE__ */ new Set(), lastActivity: now() };
      rooms.set(id, room);
    }
    return room;
  }
  function drop(room, subscriber, reason) {
    if (subscriber.closed) return;
    subscriber.closed = true;
    room?.subscribers.delete(subscriber);
    try {
      if (reason === void 0) subscriber.controller.close();
      else subscriber.controller.error(reason);
    } catch {
    }
  }
  function send2(room, subscriber, frame) {
    if (subscriber.closed) return false;
    try {
      subscriber.controller.enqueue(frame);
    } catch {
      drop(room, subscriber);
      return false;
    }
    if ((subscriber.controller.desiredSize ?? 0) < 0) {
      counters.dropped += 1;
      drop(room, subscriber, new Error("onair relay: subscriber too slow; reconnect to catch up"));
      return false;
    }
    return true;
  }
  const timer = setInterval(() => {
    const time = now();
    for (const [id, room] of rooms) {
      for (const subscriber of [...room.subscribers]) send2(room, subscriber, heartbeat);
      if (room.subscribers.size === 0 && time - room.lastActivity > roomTtlMs) rooms.delete(id);
    }
  }, heartbeatMs);
  timer.unref?.();
  function publish(roomId, webhook) {
    const room = roomFor(roomId);
    seq += 1;
    const id = `${epoch}-${seq}`;
    const at = now();
    room.lastActivity = at;
    const frame = encoder.encode(`id: ${id}
data: ${JSON.stringify({ at, webhook })}

`);
    room.entries.push({ seq, frame });
    if (room.entries.length > replayLimit) room.entries.splice(0, room.entries.length - replayLimit);
    for (const subscriber of [...room.subscribers]) {
      if (send2(room, subscriber, frame)) counters.delivered += 1;
    }
    return id;
  }
  function secretMatches(candidate) {
    if (candidate === null) return false;
    let ok = false;
    for (const secret of secrets) ok = constantTimeEqual(candidate, secret) || ok;
    return ok;
  }
  return {
    async handleWebhook(request) {
      if (request.method !== "POST") return text(405, "Method not allowed", { allow: "POST" });
      if (!secretMatches(new URL(request.url).searchParams.get(secretParam))) {
        counters.rejected += 1;
        return text(401, "Unauthorized");
      }
      const body = await readLimited(request, maxBodyBytes);
      if (body === void 0) return text(413, "Payload too large");
      let webhook;
      try {
        webhook = JSON.parse(body);
      } catch {
        return text(400, "Body is not JSON");
      }
      const roomId = roomOfWebhook(webhook);
      if (typeof roomId !== "string" || roomId.length === 0) return text(400, "Webhook names no room");
      if (closed) return text(503, "Relay closed");
      counters.received += 1;
      publish(roomId, webhook);
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
      const lastEventId = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId");
      const [lastEpoch, lastSeqText] = (lastEventId ?? "").split("-");
      const lastSeq = lastEpoch === epoch ? Number(lastSeqText) : Number.NaN;
      const room = roomFor(roomId);
      let subscriber;
      const stream = new ReadableStream(
        {
          start(controller) {
            subscriber = { controller, closed: false };
            controller.enqueue(encoder.encode(`retry: ${retryMs}
: connected

`));
            for (const entry of room.entries) {
              if (Number.isFinite(lastSeq) && entry.seq <= lastSeq) continue;
              controller.enqueue(entry.frame);
            }
            room.subscribers.add(subscriber);
            room.lastActivity = now();
          },
          cancel() {
            if (subscriber) {
              subscriber.closed = true;
              room.subscribers.delete(subscriber);
            }
          }
        },
        new ByteLengthQueuingStrategy({ highWaterMark: maxQueuedBytes })
      );
      request.signal?.addEventListener("abort", () => subscriber && drop(room, subscriber), { once: true });
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
      let subscribers = 0;
      for (const room of rooms.values()) subscribers += room.subscribers.size;
      return { rooms: rooms.size, subscribers, ...counters };
    },
    close() {
      closed = true;
      clearInterval(timer);
      for (const room of rooms.values()) for (const subscriber of [...room.subscribers]) drop(room, subscriber);
      rooms.clear();
    }
  };
}

// test/server/support/nodeServer.ts
import { once } from "node:events";
import { createServer } from "node:http";
async function toRequest(req, origin, signal) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  let body;
  if (req.method !== "GET" && req.method !== "HEAD") {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    body = new Blob([Buffer.concat(chunks)]);
  }
  return new Request(new URL(req.url ?? "/", origin), { method: req.method, headers, body, signal });
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
        const request = await toRequest(req, origin, controller.signal);
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
  startRelayServer
};
