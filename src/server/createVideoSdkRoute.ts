import { SignJWT } from 'jose';
import {
  checkBasePath,
  callUpstream,
  readJsonBody,
  isRecord,
  jsonResponse,
  own,
  parseJson,
  pathUnder,
  scrub,
  segmentId,
} from './routeSupport.js';

/**
 * What a browser asks of the VideoSDK route: `start`/`stop` a participant recording, `list` them, read one (`details`).
 *
 * @public
 */
export type VideoSdkRouteAction = 'start' | 'stop' | 'list' | 'details';

/**
 * What {@link VideoSdkRouteOptions.authorize} decides about.
 *
 * @public
 */
export interface VideoSdkRouteTarget {
  readonly action: VideoSdkRouteAction;
  /**
   * The room: from the body (`start`, `stop`), the `roomId` filter (`list`; `undefined` for a
   * project-wide list), or the room VideoSDK's answer names (`details`).
   */
  readonly roomId: string | undefined;
  /** The participant recorded (`start`, `stop`). */
  readonly participantId: string | undefined;
  /** The recording read (`details`). */
  readonly recordingId: string | undefined;
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
  /** Decides whether the caller may do `target.action` in `target.roomId`. Anything but `true` answers 403. */
  readonly authorize: (request: Request, target: VideoSdkRouteTarget) => boolean | Promise<boolean>;
  /**
   * The path the route is mounted at, standing for VideoSDK's API root:
   * `{basePath}/v2/recordings/participant…` is forwarded. Give the browser client the same
   * (`createVideoSdkClient({ baseUrl: basePath })`).
   */
  readonly basePath: string;
  /**
   * Where VideoSDK posts the recording's webhooks — your relay (`createWebhookRelay`), secret
   * included. Added to every start; a `webhookUrl` sent by the browser is refused (400).
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

/** Query parameters of the list that VideoSDK documents; others are dropped. */
const LIST_PARAMS = ['roomId', 'sessionId', 'page', 'perPage'];

function fail(status: number, message: string): Response {
  return jsonResponse({ message }, status);
}

function roomOf(answer: unknown): string | undefined {
  if (!isRecord(answer)) return undefined;
  const data = own(answer, 'data');
  const room = own(answer, 'roomId') ?? (isRecord(data) ? own(data, 'roomId') : undefined);
  return typeof room === 'string' && room !== '' ? room : undefined;
}

/**
 * A Fetch-standard route for VideoSDK participant recording. It mints a short-lived management
 * token per request ({@link signVideoSdkToken}, with `jose`) and forwards only
 * `POST {basePath}/v2/recordings/participant/start|stop`, `GET …/participant?roomId&page&perPage`
 * and `GET …/participant/:id` to `https://api.videosdk.live` — anything else is 404 — after
 * `authorize` said yes (403 otherwise). Starts get your relay's `webhookUrl`; one sent by a browser
 * is refused. The browser's own `Authorization` (the client's `getToken`) and cookies are never
 * forwarded, the body is capped (413), and no answer carries the secret, a minted token or the
 * webhook URL.
 *
 * For `details` the route reads the recording first and calls `authorize` with the room VideoSDK
 * names before returning it.
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
 *   authorize: async (request, { roomId }) => !!roomId && ((await sessionOf(request))?.rooms.includes(roomId) ?? false),
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
  if (typeof options.authorize !== 'function') throw new TypeError('createVideoSdkRoute: `authorize(request, { roomId, action })` is required.');
  const basePath = checkBasePath('createVideoSdkRoute', options.basePath);
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024;
  const maxResponseBytes = options.maxResponseBytes ?? 8 * 1024 * 1024;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const apiBase = (options.apiBaseUrl ?? 'https://api.videosdk.live').replace(/\/+$/, '');
  const webhookUrl = options.webhookUrl;
  // What no answer may carry: the secret, the webhook URL (it holds the relay's secret) and its query values.
  const sensitive: string[] = [options.secret];
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
    const parsed = answer.text === '' ? { ok: true as const, value: {} } : parseJson(answer.text);
    // VideoSDK answers some calls with a plain sentence: pass it on as `{ message }`.
    const json = parsed.ok ? parsed.value : { message: answer.text.slice(0, 300) };
    return { status: answer.status, json: scrub(json, [...sensitive, token]) };
  }

  const reply = (result: { readonly status: number; readonly json: unknown } | Response): Response =>
    result instanceof Response ? result : jsonResponse(result.json, result.status);

  const readBody = (request: Request): Promise<Record<string, unknown> | Response> => readJsonBody(request, maxBodyBytes, fail);

  return async function videoSdkRoute(request: Request): Promise<Response> {
    try {
      let url: URL;
      try {
        url = new URL(request.url);
      } catch {
        return fail(404, 'Not found');
      }
      const rest = pathUnder(url.pathname, basePath);
      const found = rest === undefined ? undefined : match(request.method.toUpperCase(), rest);
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
          if ((await options.authorize(request, { action: found.action, roomId, participantId, recordingId: undefined })) !== true) return fail(403, 'Forbidden');
          const forward: Record<string, unknown> = { roomId, participantId };
          if (found.action === 'start') {
            for (const key of ['fileFormat', 'bucketDirPath']) {
              const value = own(body, key);
              if (typeof value === 'string') forward[key] = value;
            }
            if (webhookUrl) forward.webhookUrl = webhookUrl;
          }
          return reply(await upstream(request, 'POST', `${ROOT}/${found.action}`, forward));
        }
        case 'list': {
          const roomId = url.searchParams.get('roomId') || undefined;
          if ((await options.authorize(request, { action: 'list', roomId, participantId: undefined, recordingId: undefined })) !== true) return fail(403, 'Forbidden');
          const query = new URLSearchParams();
          for (const name of LIST_PARAMS) {
            const value = url.searchParams.get(name);
            if (value !== null) query.set(name, value);
          }
          const search = query.toString();
          return reply(await upstream(request, 'GET', `${ROOT}${search ? `?${search}` : ''}`));
        }
        case 'details': {
          const current = await upstream(request, 'GET', `${ROOT}/${encodeURIComponent(found.recordingId)}`);
          const known = !(current instanceof Response) && current.status >= 200 && current.status < 300;
          const target: VideoSdkRouteTarget = { action: 'details', roomId: known ? roomOf(current.json) : undefined, participantId: undefined, recordingId: found.recordingId };
          if ((await options.authorize(request, target)) !== true) return fail(403, 'Forbidden');
          return reply(current);
        }
      }
    } catch {
      return fail(500, 'The recordings route failed.');
    }
  };
}
