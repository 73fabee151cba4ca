import { SignJWT } from 'jose';
import {
  checkAllowedOrigins,
  checkBasePath,
  callUpstream,
  createOwnerCache,
  readJsonBody,
  isRecord,
  jsonResponse,
  methodNotAllowed,
  own,
  parseJson,
  pathUnder,
  refuseCrossSite,
  scrub,
  segmentId,
  type AllowedOrigins,
  type RouteAuthorizeStage,
} from './routeSupport.js';

/**
 * What a browser asks of the VideoSDK route: `start`/`stop` a participant recording, `list` them, read one (`details`);
 * start/end RTMP out (`livestream-*`) and HLS (`hls-*`), read the running HLS (`hls-active`), and list the
 * server-held RTMP destinations by id and name (`livestream-destinations`).
 *
 * @public
 */
export type VideoSdkRouteAction =
  | 'start'
  | 'stop'
  | 'list'
  | 'details'
  | 'livestream-start'
  | 'livestream-end'
  | 'hls-start'
  | 'hls-end'
  | 'hls-active'
  | 'livestream-destinations';

/**
 * An RTMP(S) destination the server holds: the browser names its `id` (and sees its `name`), never
 * its `url` or `streamKey`.
 *
 * @example
 * ```ts
 * const destinations: LiveStreamServerDestination[] = [
 *   { id: 'youtube', name: 'YouTube', url: 'rtmp://a.rtmp.youtube.com/live2', streamKey: process.env.YT_KEY! },
 * ];
 * ```
 *
 * @public
 */
export interface LiveStreamServerDestination {
  readonly id: string;
  readonly name: string;
  /** The ingest server (`rtmp:`/`rtmps:`). */
  readonly url: string;
  readonly streamKey: string;
}

/**
 * What {@link VideoSdkRouteOptions.authorize} decides about.
 *
 * @public
 */
export interface VideoSdkRouteTarget {
  readonly action: VideoSdkRouteAction;
  /**
   * `'resource'`: decide on `roomId` (may this caller do `action` in this room?). `'caller'`: decide
   * on who is asking only — `roomId` is `undefined` because the route has not read the recording yet
   * (`details` of a recording it has not seen in a list or details answer), or because the question
   * names no room (`livestream-destinations`: the ids and names of the server-held destinations). Anything but `true`
   * answers 403 before a token is minted or anything goes to VideoSDK; after `true` the route reads
   * the recording and asks again with `'resource'`.
   */
  readonly stage: RouteAuthorizeStage;
  /**
   * The room (always `undefined` at stage `'caller'`): from the body (`start`, `stop`), the `roomId`
   * filter (`list`; `undefined` for a project-wide list), or the room the recording belongs to
   * (`details`: learnt from an earlier list answer or from VideoSDK's answer).
   */
  readonly roomId: string | undefined;
  /** The participant recorded (`start`, `stop`), or the `participantId` filter (`list`). */
  readonly participantId: string | undefined;
  /** The recording read (`details`). */
  readonly recordingId: string | undefined;
  /** The server-held destinations a `livestream-start` names (ids only). */
  readonly destinationIds?: readonly string[] | undefined;
}

/**
 * Options of {@link createVideoSdkRoute}.
 *
 * @public
 */
export interface VideoSdkRouteOptions {
  /** VideoSDK API key (public; goes into the token's `apikey`). */
  readonly apiKey: string;
  /** VideoSDK secret: signs the short-lived management tokens (HS256). Never sent anywhere. */
  readonly secret: string;
  /**
   * Decides whether the caller may do `target.action` in `target.roomId`. Anything but `true`
   * answers 403. Called once with `stage: 'resource'` when the room is known; for a recording the
   * route has not seen yet, first with `stage: 'caller'` (no room: refuse anonymous callers here,
   * before a token is minted), then with `stage: 'resource'` and the room VideoSDK names.
   *
   * @example
   * ```ts
   * authorize: async (request, { stage, roomId }) => {
   *   const user = await sessionOf(request);
   *   if (!user) return false;
   *   if (stage === 'caller') return true;
   *   return !!roomId && user.rooms.includes(roomId);
   * }
   * ```
   */
  readonly authorize: (request: Request, target: VideoSdkRouteTarget) => boolean | Promise<boolean>;
  /**
   * Browser origins allowed to start and stop (`POST`). Default: the request's own origin only (the
   * origin of `request.url`; behind a proxy give `toNodeHandler` the public `origin`, or list it
   * here). A request whose `Origin` is not allowed, or that a browser marks
   * `Sec-Fetch-Site: cross-site`, is refused (403), and one that is not `application/json` (415),
   * before `authorize` and before anything goes upstream.
   */
  readonly allowedOrigins?: AllowedOrigins | undefined;
  /**
   * Chooses what a start forwards beyond the allow-list (see {@link VideoSdkStartOptions}). Without
   * it, only {@link VIDEOSDK_START_FIELDS} go to VideoSDK; anything else a browser sends
   * (`bucketDirPath` …) is dropped.
   */
  readonly startOptions?: VideoSdkStartOptions | undefined;
  /**
   * RTMP destinations for `{basePath}/v2/livestreams/start`: the browser sends
   * `{ roomId, destinations: ['youtube'] }` and the route sends VideoSDK `outputs: [{ url, streamKey }]`.
   * A browser's own `outputs` are refused (400): keys stay on the server, and no answer carries them.
   * `GET {basePath}/v2/livestreams/destinations` lists them for the browser as `{ data: [{ id, name }] }`
   * (after `authorize` at stage `'caller'`; never a `url` or `streamKey`): the client's
   * `listLiveStreamDestinations()`.
   */
  readonly destinations?: readonly LiveStreamServerDestination[] | undefined;
  /**
   * The path the route is mounted at, standing for VideoSDK's API root:
   * `{basePath}/v2/recordings/participant…` is forwarded. Give the browser client the same
   * (`createVideoSdkClient({ baseUrl: basePath })`).
   */
  readonly basePath: string;
  /**
   * Where VideoSDK posts the recording's webhooks — your relay (`createWebhookRelay`), secret
   * included. Added to every participant-recording start and every HLS start; a `webhookUrl` sent by
   * the browser is refused (400). VideoSDK's livestream (RTMP) start takes none: `livestream-*`
   * webhooks reach the room's webhook (`webhook.endPoint` when you create the room) — point it at the
   * same relay URL.
   */
  readonly webhookUrl?: string | undefined;
  /** `fetch` towards VideoSDK (tests, a simulator, a proxy). Default the global `fetch`. */
  readonly fetch?: typeof fetch | undefined;
  /** Default `https://api.videosdk.live`. */
  readonly apiBaseUrl?: string | undefined;
  /** `permissions` of the minted tokens. Default `["allow_join", "allow_mod"]`. */
  readonly permissions?: readonly string[] | undefined;
  /** Lifetime of a minted token, in seconds. Default 60. */
  readonly tokenTtlSeconds?: number | undefined;
  /** Largest request body accepted, in bytes (413 above). Default 16 KiB. */
  readonly maxBodyBytes?: number | undefined;
  /** Largest answer read from VideoSDK, in bytes (502 above). Default 8 MiB. */
  readonly maxResponseBytes?: number | undefined;
  /** Milliseconds VideoSDK has to answer (504 after). Default 20 000. */
  readonly timeoutMs?: number | undefined;
}

/**
 * What {@link VideoSdkRouteOptions.startOptions} gets besides the browser's body.
 *
 * @public
 */
export interface VideoSdkStartContext {
  /** The browser's request (its session, for a per-user choice). */
  readonly request: Request;
  /** What `authorize` allowed: the action, room and participant. */
  readonly target: VideoSdkRouteTarget;
  /** The body as the route forwards it by default: only the {@link VIDEOSDK_START_FIELDS} of the browser's body. */
  readonly allowed: Readonly<Record<string, unknown>>;
}

/**
 * Chooses the start body sent to VideoSDK. `body` is what the browser sent (credentials removed);
 * return what to forward. `roomId` and `participantId` are always the ones `authorize` saw, and
 * `webhookUrl` the route's own when it has one. Start from `context.allowed`.
 *
 * @example
 * ```ts
 * const startOptions: VideoSdkStartOptions = (body, { allowed, target }) => ({ ...allowed, bucketDirPath: `rooms/${target.roomId}` });
 * ```
 *
 * @public
 */
export type VideoSdkStartOptions = (
  body: Readonly<Record<string, unknown>>,
  context: VideoSdkStartContext,
) => Record<string, unknown> | Promise<Record<string, unknown>>;

/**
 * The start-body fields a VideoSDK participant-recording start forwards by default — what the
 * kit's own client sends: `roomId`, `participantId`, `fileFormat` (a string) and `metadata` (a JSON
 * object, within the body cap). Others (`bucketDirPath` …) need
 * {@link VideoSdkRouteOptions.startOptions}.
 *
 * @example
 * ```ts
 * import { VIDEOSDK_START_FIELDS } from 'onair-react/server';
 * VIDEOSDK_START_FIELDS; // ['roomId', 'participantId', 'fileFormat', 'metadata']
 * ```
 *
 * @public
 */
export const VIDEOSDK_START_FIELDS: readonly string[] = Object.freeze(['roomId', 'participantId', 'fileFormat', 'metadata']);

/**
 * Signs a VideoSDK management token: a JWT, HS256 with `secret`, payload
 * `{ apikey, permissions, version: 2, roles: ["crawler"] }` (the role VideoSDK's v2 REST APIs
 * require), `iat` and `exp`.
 * VideoSDK wants it raw in `Authorization`, without `Bearer`.
 *
 * @example
 * ```ts
 * import { signVideoSdkToken } from 'onair-react/server';
 *
 * const token = await signVideoSdkToken({ apiKey: process.env.VIDEOSDK_API_KEY!, secret: process.env.VIDEOSDK_SECRET! });
 * await fetch('https://api.videosdk.live/v2/rooms', { method: 'POST', headers: { Authorization: token } });
 * ```
 *
 * @public
 */
export async function signVideoSdkToken(options: {
  readonly apiKey: string;
  readonly secret: string;
  readonly permissions?: readonly string[] | undefined;
  readonly ttlSeconds?: number | undefined;
}): Promise<string> {
  const ttl = Math.max(1, Math.floor(options.ttlSeconds ?? 60));
  return new SignJWT({ apikey: options.apiKey, permissions: [...(options.permissions ?? ['allow_join', 'allow_mod'])], version: 2, roles: ['crawler'] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(`${ttl}s`)
    .sign(new TextEncoder().encode(options.secret));
}

type Match =
  | { readonly action: 'start' | 'stop' | 'list' }
  | { readonly action: 'details'; readonly recordingId: string };

const ROOT = '/v2/recordings/participant';

/** VideoSDK's live-stream paths (RTMP out and HLS), mirrored under `basePath`. */
const LIVE_PATHS: Readonly<Record<string, VideoSdkRouteAction>> = {
  '/v2/livestreams/start': 'livestream-start',
  '/v2/livestreams/end': 'livestream-end',
  '/v2/hls/start': 'hls-start',
  '/v2/hls/end': 'hls-end',
};

/** The route's own read (no VideoSDK path): the server-held destinations, ids and names. */
const DESTINATIONS_PATH = '/v2/livestreams/destinations';

type LiveMatch =
  | { readonly action: 'livestream-start' | 'livestream-end' | 'hls-start' | 'hls-end' | 'livestream-destinations' }
  | { readonly action: 'hls-active'; readonly roomId: string };

function matchLive(method: string, rest: string): LiveMatch | undefined {
  if (rest === DESTINATIONS_PATH) return method === 'GET' ? { action: 'livestream-destinations' } : undefined;
  if (Object.prototype.hasOwnProperty.call(LIVE_PATHS, rest)) {
    return method === 'POST' ? ({ action: LIVE_PATHS[rest] } as LiveMatch) : undefined;
  }
  // GET /v2/hls/{roomId}/active: the room's running HLS, with its playback URLs.
  const active = /^\/v2\/hls\/([^/]+)\/active$/.exec(rest);
  if (method !== 'GET' || !active) return undefined;
  const roomId = segmentId(active[1] ?? '');
  return roomId === undefined ? undefined : { action: 'hls-active', roomId };
}

function match(method: string, rest: string): Match | undefined {
  if (rest === ROOT) return method === 'GET' ? { action: 'list' } : undefined;
  if (rest === `${ROOT}/start`) return method === 'POST' ? { action: 'start' } : undefined;
  if (rest === `${ROOT}/stop`) return method === 'POST' ? { action: 'stop' } : undefined;
  if (method !== 'GET' || !rest.startsWith(`${ROOT}/`)) return undefined;
  const segment = rest.slice(ROOT.length + 1);
  if (segment.includes('/')) return undefined;
  const recordingId = segmentId(segment);
  return recordingId === undefined ? undefined : { action: 'details', recordingId };
}

/** Query parameters of the list that VideoSDK documents (and the kit's client sends); others are dropped. */
const LIST_PARAMS = ['roomId', 'sessionId', 'participantId', 'page', 'perPage'];

/** The methods the route serves (any other: 405 with `Allow`). */
const METHODS = ['GET', 'POST'];

function fail(status: number, message: string): Response {
  return jsonResponse({ message }, status);
}

const nonEmpty = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The recording object of a details answer: the answer itself, or its `data`. */
function recordOf(answer: unknown): Record<string, unknown> | undefined {
  if (!isRecord(answer)) return undefined;
  if (own(answer, 'id') !== undefined || own(answer, 'roomId') !== undefined) return answer;
  const data = own(answer, 'data');
  return isRecord(data) ? data : undefined;
}

const ok = (status: number): boolean => status >= 200 && status < 300;

/**
 * A Fetch-standard route for VideoSDK participant recording. It mints a short-lived management
 * token per upstream call ({@link signVideoSdkToken}, with `jose`) and forwards only
 * `POST {basePath}/v2/recordings/participant/start|stop`,
 * `GET …/participant?roomId&sessionId&participantId&page&perPage` and `GET …/participant/:id` to
 * `https://api.videosdk.live` (and the live-stream paths: see {@link VideoSdkRouteOptions.destinations};
 * `GET {basePath}/v2/livestreams/destinations` is answered by the route itself, ids and names only)
 * — any other path is 404, any other method 405 — after `authorize`
 * said yes (403 otherwise). It assumes a hostile web:
 * - a `POST` that is not `application/json` (415) or comes from another site (`Origin` not in
 *   `allowedOrigins`, default the route's own origin; `Sec-Fetch-Site: cross-site`) is refused (403)
 *   before `authorize`, before its body is read and before anything goes upstream;
 * - no token is minted for a caller `authorize` refused: for a recording whose room the route does
 *   not know yet it asks about the caller alone first (`stage: 'caller'`), then reads the recording
 *   and asks about its room (`stage: 'resource'`); rooms learnt from list and details answers are
 *   kept (10 000 recordings, least recently used out first);
 * - a start forwards only {@link VIDEOSDK_START_FIELDS} unless `startOptions` chooses more, and gets
 *   your relay's `webhookUrl`; one sent by a browser is refused (400).
 * The browser's own `Authorization` (the client's `getToken`) and cookies are never forwarded, the
 * body is capped (413), and no answer carries the secret, a minted token or the webhook URL (values
 * and keys). An empty answer from VideoSDK (204) becomes `200 {}`.
 *
 * @example
 * ```ts
 * // app/api/videosdk/[...path]/route.ts (Next.js)
 * import { createVideoSdkRoute } from 'onair-react/server';
 *
 * const route = createVideoSdkRoute({
 *   apiKey: process.env.VIDEOSDK_API_KEY!,
 *   secret: process.env.VIDEOSDK_SECRET!,
 *   basePath: '/api/videosdk',
 *   webhookUrl: `https://app.example/api/videosdk/webhook?token=${process.env.RELAY_SECRET}`,
 *   authorize: async (request, { stage, roomId }) => {
 *     const user = await sessionOf(request);
 *     if (!user) return false;
 *     if (stage === 'caller') return true; // the room is looked up next, then asked about
 *     return !!roomId && user.rooms.includes(roomId);
 *   },
 *   // Optional: the server picks the directory in its bucket.
 *   startOptions: (body, { allowed, target }) => ({ ...allowed, bucketDirPath: `rooms/${target.roomId}` }),
 * });
 * export { route as GET, route as POST };
 *
 * // Browser: createVideoSdkClient({ baseUrl: '/api/videosdk', getToken: () => '' })
 * ```
 *
 * @public
 */
export function createVideoSdkRoute(options: VideoSdkRouteOptions): (request: Request) => Promise<Response> {
  for (const name of ['apiKey', 'secret'] as const) {
    if (typeof options[name] !== 'string' || options[name] === '') throw new TypeError(`createVideoSdkRoute: \`${name}\` is required.`);
  }
  if (typeof options.authorize !== 'function') throw new TypeError('createVideoSdkRoute: `authorize(request, { stage, action, roomId })` is required.');
  const basePath = checkBasePath('createVideoSdkRoute', options.basePath);
  const allowedOrigins = checkAllowedOrigins('createVideoSdkRoute', options.allowedOrigins);
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024;
  const maxResponseBytes = options.maxResponseBytes ?? 8 * 1024 * 1024;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const apiBase = (options.apiBaseUrl ?? 'https://api.videosdk.live').replace(/\/+$/, '');
  const webhookUrl = options.webhookUrl;
  const destinations = new Map<string, LiveStreamServerDestination>();
  for (const destination of options.destinations ?? []) {
    const fields = [destination?.id, destination?.name, destination?.url, destination?.streamKey];
    if (fields.some((field) => typeof field !== 'string' || field === '')) {
      throw new TypeError('createVideoSdkRoute: each destination needs `id`, `name`, `url` and `streamKey` strings.');
    }
    destinations.set(destination.id, destination);
  }
  /** recording id → room id, from VideoSDK's own answers. */
  const rooms = createOwnerCache();
  // What no answer may carry: the secret, the webhook URL (it holds the relay's secret) and its query values.
  const sensitive: string[] = [options.secret];
  // Stream keys (and ingest URLs, which some platforms carry keys in) never come back.
  for (const destination of destinations.values()) sensitive.push(destination.streamKey, destination.url);
  if (webhookUrl) {
    sensitive.push(webhookUrl);
    try {
      // Values of secret-looking parameters (and any long value): not `provider=videosdk`, which
      // would blank every cdn.videosdk.live file URL.
      for (const [name, value] of new URL(webhookUrl).searchParams) {
        if (/token|secret|key|sig|auth|pass/i.test(name) || value.length >= 20) sensitive.push(value);
      }
    } catch {
      // not a URL: the whole string is already listed
    }
  }

  const allowed = async (request: Request, target: VideoSdkRouteTarget): Promise<boolean> => (await options.authorize(request, target)) === true;

  async function upstream(
    request: Request,
    method: 'GET' | 'POST',
    path: string,
    body?: Record<string, unknown>,
  ): Promise<{ readonly status: number; readonly json: unknown } | Response> {
    const token = await signVideoSdkToken({ apiKey: options.apiKey, secret: options.secret, permissions: options.permissions, ttlSeconds: options.tokenTtlSeconds });
    const answer = await callUpstream({
      service: 'VideoSDK',
      url: `${apiBase}${path}`,
      method,
      headers: new Headers({ authorization: token, accept: 'application/json' }),
      body,
      fetch: options.fetch,
      signal: request.signal,
      timeoutMs,
      maxResponseBytes,
      fail,
    });
    if (answer instanceof Response) return answer;
    if (answer.text.trim() === '') {
      // 204 or an empty 200: the call succeeded with nothing to tell.
      if (ok(answer.status)) return { status: 200, json: {} };
      return fail(answer.status >= 400 ? answer.status : 502, `VideoSDK answered HTTP ${answer.status} without a body.`);
    }
    const parsed = parseJson(answer.text);
    // VideoSDK answers some calls with a plain sentence: pass it on as `{ message }`.
    const json = parsed.ok ? parsed.value : { message: answer.text.slice(0, 300) };
    return { status: answer.status, json: scrub(json, [...sensitive, token]) };
  }

  const reply = (result: { readonly status: number; readonly json: unknown } | Response): Response =>
    result instanceof Response ? result : jsonResponse(result.json, result.status);

  async function readBody(request: Request): Promise<Record<string, unknown> | Response> {
    const body = await readJsonBody(request, maxBodyBytes, fail);
    return body instanceof Response ? body : (scrub(body, []) as Record<string, unknown>);
  }

  /** Remembers the room of a recording object VideoSDK described (`fallback` when it names none). */
  function learn(record: unknown, fallback: string | undefined): void {
    if (!isRecord(record)) return;
    const id = nonEmpty(own(record, 'id'));
    const room = nonEmpty(own(record, 'roomId')) ?? fallback;
    if (id !== undefined && room !== undefined) rooms.set(id, room);
  }

  /** RTMP out and HLS: `authorize` on the room, then one call to VideoSDK's same path. */
  async function liveStream(request: Request, live: LiveMatch): Promise<Response> {
    if (live.action === 'livestream-destinations') {
      // The route's own list: no room to decide on, nothing to ask VideoSDK (no token minted).
      const target: VideoSdkRouteTarget = { action: 'livestream-destinations', stage: 'caller', roomId: undefined, participantId: undefined, recordingId: undefined };
      if (!(await allowed(request, target))) return fail(403, 'Forbidden');
      const data = [...destinations.values()].map((destination) => ({ id: destination.id, name: destination.name }));
      // An id or name that quotes a key or ingest URL (a configuration slip) is redacted, not sent.
      return jsonResponse(scrub({ data }, sensitive), 200);
    }
    if (live.action === 'hls-active') {
      const target: VideoSdkRouteTarget = { action: 'hls-active', stage: 'resource', roomId: live.roomId, participantId: undefined, recordingId: undefined };
      if (!(await allowed(request, target))) return fail(403, 'Forbidden');
      return reply(await upstream(request, 'GET', `/v2/hls/${encodeURIComponent(live.roomId)}/active`));
    }
    const body = await readBody(request);
    if (body instanceof Response) return body;
    const roomId = own(body, 'roomId');
    if (typeof roomId !== 'string' || roomId === '') return fail(400, 'roomId is required.');
    let named: LiveStreamServerDestination[] = [];
    if (live.action === 'livestream-start') {
      if (own(body, 'outputs') !== undefined) return fail(400, 'outputs are configured on the server: name destination ids in `destinations`.');
      const ids = own(body, 'destinations');
      if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) {
        return fail(400, '`destinations` must list the ids of destinations configured on the server.');
      }
      const unique = [...new Set(ids as string[])];
      const unknown = unique.filter((id) => !destinations.has(id));
      if (unknown.length > 0) return fail(400, 'Unknown destination.');
      named = unique.map((id) => destinations.get(id)!);
    }
    const target: VideoSdkRouteTarget = {
      action: live.action,
      stage: 'resource',
      roomId,
      participantId: undefined,
      recordingId: undefined,
      destinationIds: live.action === 'livestream-start' ? named.map((d) => d.id) : undefined,
    };
    if (!(await allowed(request, target))) return fail(403, 'Forbidden');
    let forward: Record<string, unknown> = {};
    if (live.action === 'livestream-start' || live.action === 'hls-start') {
      // Nothing from the browser goes on by default (layout, template, transcription): startOptions chooses.
      const chosen = options.startOptions ? await options.startOptions(body, { request, target, allowed: {} }) : {};
      if (!isRecord(chosen)) return fail(500, 'startOptions must return an object.');
      forward = { ...chosen };
    }
    if (live.action === 'livestream-start') forward.outputs = named.map((d) => ({ url: d.url, streamKey: d.streamKey }));
    // HLS webhooks (`hls-*`) go to the relay, as the participant recordings' do (VideoSDK's HLS start
    // takes `webhookUrl`; its livestream start does not: `livestream-*` reach the room's webhook).
    if (live.action === 'hls-start' && webhookUrl) forward.webhookUrl = webhookUrl;
    const path = Object.keys(LIVE_PATHS).find((key) => LIVE_PATHS[key] === live.action)!;
    return reply(await upstream(request, 'POST', path, { ...forward, roomId }));
  }

  return async function videoSdkRoute(request: Request): Promise<Response> {
    try {
      let url: URL;
      try {
        url = new URL(request.url);
      } catch {
        return fail(404, 'Not found');
      }
      const rest = pathUnder(url.pathname, basePath);
      if (rest === undefined) return fail(404, 'Not found');
      const method = request.method.toUpperCase();
      if (!METHODS.includes(method)) return methodNotAllowed(METHODS, fail);
      const live = matchLive(method, rest);
      const found = live ? undefined : match(method, rest);
      if (!found && !live) return fail(404, 'Not found');
      if (method !== 'GET') {
        const refused = refuseCrossSite(request, allowedOrigins, fail);
        if (refused) return refused;
      }
      if (live) return await liveStream(request, live);
      if (!found) return fail(404, 'Not found');

      switch (found.action) {
        case 'start':
        case 'stop': {
          const body = await readBody(request);
          if (body instanceof Response) return body;
          if (found.action === 'start' && own(body, 'webhookUrl') !== undefined) {
            return fail(400, 'webhookUrl is set by the server, not by the browser.');
          }
          const roomId = own(body, 'roomId');
          const participantId = own(body, 'participantId');
          if (typeof roomId !== 'string' || roomId === '' || typeof participantId !== 'string' || participantId === '') {
            return fail(400, 'roomId and participantId are required.');
          }
          const target: VideoSdkRouteTarget = { action: found.action, stage: 'resource', roomId, participantId, recordingId: undefined };
          if (!(await allowed(request, target))) return fail(403, 'Forbidden');
          let forward: Record<string, unknown> = {};
          if (found.action === 'start') {
            const allowList: Record<string, unknown> = {};
            const fileFormat = own(body, 'fileFormat');
            if (typeof fileFormat === 'string') allowList.fileFormat = fileFormat;
            const metadata = own(body, 'metadata');
            if (isRecord(metadata)) allowList.metadata = metadata;
            const chosen = options.startOptions ? await options.startOptions(body, { request, target, allowed: allowList }) : allowList;
            if (!isRecord(chosen)) return fail(500, 'startOptions must return an object.');
            forward = { ...chosen };
            if (webhookUrl) forward.webhookUrl = webhookUrl;
          }
          return reply(await upstream(request, 'POST', `${ROOT}/${found.action}`, { ...forward, roomId, participantId }));
        }
        case 'list': {
          const roomId = url.searchParams.get('roomId') || undefined;
          const participantId = url.searchParams.get('participantId') || undefined;
          if (!(await allowed(request, { action: 'list', stage: 'resource', roomId, participantId, recordingId: undefined }))) return fail(403, 'Forbidden');
          const query = new URLSearchParams();
          // One value per parameter: the one `authorize` saw.
          for (const name of LIST_PARAMS) {
            const value = url.searchParams.get(name);
            if (value !== null) query.set(name, value);
          }
          const search = query.toString();
          const result = await upstream(request, 'GET', `${ROOT}${search ? `?${search}` : ''}`);
          if (!(result instanceof Response) && ok(result.status) && isRecord(result.json)) {
            const items = own(result.json, 'data');
            if (Array.isArray(items)) for (const item of items) learn(item, roomId);
          }
          return reply(result);
        }
        case 'details': {
          const recordingId = found.recordingId;
          const path = `${ROOT}/${encodeURIComponent(recordingId)}`;
          const known = rooms.get(recordingId);
          if (known !== undefined) {
            if (!(await allowed(request, { action: 'details', stage: 'resource', roomId: known, participantId: undefined, recordingId }))) return fail(403, 'Forbidden');
            return reply(await upstream(request, 'GET', path));
          }
          // Unknown recording: decide on the caller before minting a token for the look-up.
          if (!(await allowed(request, { action: 'details', stage: 'caller', roomId: undefined, participantId: undefined, recordingId }))) return fail(403, 'Forbidden');
          const current = await upstream(request, 'GET', path);
          const record = !(current instanceof Response) && ok(current.status) ? recordOf(current.json) : undefined;
          const roomId = record ? nonEmpty(own(record, 'roomId')) : undefined;
          if (roomId !== undefined) rooms.set(recordingId, roomId);
          if (!(await allowed(request, { action: 'details', stage: 'resource', roomId, participantId: undefined, recordingId }))) return fail(403, 'Forbidden');
          return reply(current);
        }
      }
    } catch {
      return fail(500, 'The recordings route failed.');
    }
  };
}
