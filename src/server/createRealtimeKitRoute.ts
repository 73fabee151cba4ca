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
 * What a browser asks of the RealtimeKit route, one word per endpoint (control is split into its
 * three actions): `list` `GET /recordings`, `details` `GET /recordings/{id}`, `active`
 * `GET /recordings/active-recording/{meeting_id}`, `start` `POST /recordings`, `startTrack`
 * `POST /recordings/track`, `pause` / `resume` / `stop` `PUT /recordings/{id}`; the meeting's
 * livestream (issue 19): `livestream-start` `POST /meetings/{meeting_id}/livestreams`,
 * `livestream-active` `GET /meetings/{meeting_id}/active-livestream`, `livestream-stop`
 * `POST /meetings/{meeting_id}/active-livestream/stop` (Cloudflare's paths, `cloudflare` package
 * `resources/realtime-kit/livestreams`; status `LIVE | IDLE | ERRORED | INVOKED`).
 *
 * @public
 */
export type RealtimeKitRouteAction =
  | 'list'
  | 'details'
  | 'active'
  | 'start'
  | 'startTrack'
  | 'pause'
  | 'resume'
  | 'stop'
  | 'livestream-start'
  | 'livestream-active'
  | 'livestream-stop';

/**
 * What {@link RealtimeKitRouteOptions.authorize} decides about.
 *
 * @public
 */
export interface RealtimeKitRouteTarget {
  readonly action: RealtimeKitRouteAction;
  /**
   * `'resource'`: decide on `meetingId` (may this caller do `action` in this meeting?). `'caller'`:
   * decide on who is asking only — `meetingId` is `undefined` because the route has not read the
   * recording yet (`details`, `pause`, `resume`, `stop` of a recording it has not seen in a list,
   * start or earlier answer). Anything but `true` answers 403 before anything goes to Cloudflare;
   * after `true` the route reads the recording and asks again with `'resource'`.
   */
  readonly stage: RouteAuthorizeStage;
  /**
   * The meeting concerned (always `undefined` at stage `'caller'`): the `meeting_id` filter (`list`;
   * `undefined` for an app-wide list), the path (`active`), the body (`start`, `startTrack`), or —
   * for `details`, `pause`, `resume`, `stop` — the meeting the recording belongs to, as learnt from
   * an earlier list/start/active answer or, when the route has not seen it, from the recording's
   * session (`GET /sessions/{session_id}`, `associated_id`: Cloudflare's details answer does not
   * name the meeting). `undefined` only when neither is known (a recording still `INVOKED`, with no
   * session yet, that this process never listed or started).
   */
  readonly meetingId: string | undefined;
  /** The recording concerned (`details`, `pause`, `resume`, `stop`). */
  readonly recordingId: string | undefined;
}

/**
 * What {@link RealtimeKitRouteOptions.startOptions} gets besides the browser's body.
 *
 * @public
 */
export interface RealtimeKitStartContext {
  /** The browser's request (its session, for a per-user choice). */
  readonly request: Request;
  /** What `authorize` allowed: the action and meeting. */
  readonly target: RealtimeKitRouteTarget;
  /**
   * The body as the route forwards it by default: only the allow-listed fields
   * ({@link REALTIMEKIT_START_FIELDS}, {@link REALTIMEKIT_TRACK_FIELDS}) of the browser's body.
   */
  readonly allowed: Readonly<Record<string, unknown>>;
}

/**
 * Chooses the start body sent to Cloudflare (`start`, `startTrack`). `body` is what the browser
 * sent (credentials already removed); return what to forward (`meeting_id` is always the one
 * `authorize` saw). Start from `context.allowed`, add only what your server decides.
 *
 * @example
 * ```ts
 * const startOptions: RealtimeKitStartOptions = (body, { allowed }) => ({
 *   ...allowed,
 *   video_config: { height: 720 },
 *   storage_config: { type: 'aws', bucket: 'acme-recordings', region: 'eu-central-1', access_key: process.env.S3_KEY, secret: process.env.S3_SECRET },
 * });
 * ```
 *
 * @public
 */
export type RealtimeKitStartOptions = (
  body: Readonly<Record<string, unknown>>,
  context: RealtimeKitStartContext,
) => Record<string, unknown> | Promise<Record<string, unknown>>;

/**
 * Options of {@link createRealtimeKitRoute}.
 *
 * @public
 */
export interface RealtimeKitRouteOptions {
  /** Cloudflare account id. */
  readonly accountId: string;
  /** RealtimeKit app id. */
  readonly appId: string;
  /** Cloudflare API token with a Realtime permission. Sent only to Cloudflare (`Authorization: Bearer`). */
  readonly apiToken: string;
  /**
   * Decides whether the caller may do `target.action`: read the app's session from `request`
   * (cookie, header). Anything but `true` answers 403 and nothing is forwarded. Called once with
   * `stage: 'resource'` when the meeting is known; for a recording the route has not seen yet, first
   * with `stage: 'caller'` (no meeting: refuse anonymous callers here, before anything goes
   * upstream), then with `stage: 'resource'` and the meeting read from Cloudflare.
   *
   * @example
   * ```ts
   * authorize: async (request, { stage, action, meetingId }) => {
   *   const user = await sessionOf(request);
   *   if (!user) return false;
   *   if (stage === 'caller') return true;
   *   return !!meetingId && user.can(action, meetingId);
   * }
   * ```
   */
  readonly authorize: (request: Request, target: RealtimeKitRouteTarget) => boolean | Promise<boolean>;
  /**
   * The path the route is mounted at, standing for `/accounts/{account_id}/realtime/kit/{app_id}`:
   * `{basePath}/recordings…` is forwarded. Give the browser client the same
   * (`createRealtimeKitClient({ baseUrl: basePath })`).
   */
  readonly basePath: string;
  /**
   * Browser origins allowed to start, pause, resume and stop (`POST`/`PUT`). Default: the request's
   * own origin only (the origin of `request.url`; behind a proxy give `toNodeHandler` the public
   * `origin`, or list it here). A request whose `Origin` is not allowed, or that a browser marks
   * `Sec-Fetch-Site: cross-site`, is refused (403), and one that is not `application/json` (415),
   * before `authorize` and before anything goes upstream.
   */
  readonly allowedOrigins?: AllowedOrigins | undefined;
  /**
   * Chooses what a start (`start`, `startTrack`) forwards beyond the allow-list (see
   * {@link RealtimeKitStartOptions}). Without it, only {@link REALTIMEKIT_START_FIELDS} /
   * {@link REALTIMEKIT_TRACK_FIELDS} go to Cloudflare; anything else a browser sends
   * (`rtmp_out_config`, `url`, `storage_config` …) is dropped.
   */
  readonly startOptions?: RealtimeKitStartOptions | undefined;
  /**
   * Old name of `startOptions`.
   *
   * @deprecated Use `startOptions` (same function). Kept as an alias: it gets the whole browser
   * body, so `(body) => ({ ...body, … })` forwards everything the browser sent — start from
   * `context.allowed` instead.
   */
  readonly prepareBody?: RealtimeKitStartOptions | undefined;
  /** `fetch` towards Cloudflare (tests, a simulator, a proxy). Default the global `fetch`. */
  readonly fetch?: typeof fetch | undefined;
  /** Largest request body accepted, in bytes (413 above). Default 16 KiB. */
  readonly maxBodyBytes?: number | undefined;
  /** Largest answer read from Cloudflare, in bytes (502 above). Default 8 MiB. */
  readonly maxResponseBytes?: number | undefined;
  /** Milliseconds Cloudflare has to answer (504 after). Default 20 000. */
  readonly timeoutMs?: number | undefined;
  /** Default `https://api.cloudflare.com/client/v4`. */
  readonly apiBaseUrl?: string | undefined;
}

/**
 * The start-body fields a RealtimeKit start (`POST /recordings`) forwards by default — what the
 * kit's own client and components send: the meeting and whether several recordings may run. Others
 * need {@link RealtimeKitRouteOptions.startOptions}.
 *
 * @example
 * ```ts
 * import { REALTIMEKIT_START_FIELDS } from 'onair-react/server';
 * REALTIMEKIT_START_FIELDS; // ['meeting_id', 'allow_multiple_recordings']
 * ```
 *
 * @public
 */
export const REALTIMEKIT_START_FIELDS: readonly string[] = Object.freeze(['meeting_id', 'allow_multiple_recordings']);

/**
 * The fields a RealtimeKit track-recording start (`POST /recordings/track`) forwards by default —
 * what `createRealtimeKitClient().startTrackRecording` sends: `meeting_id`, `user_ids` (strings)
 * and `layers` (each with only `file_name_prefix` and `media_kind`).
 *
 * @example
 * ```ts
 * import { REALTIMEKIT_TRACK_FIELDS } from 'onair-react/server';
 * REALTIMEKIT_TRACK_FIELDS; // ['meeting_id', 'user_ids', 'layers']
 * ```
 *
 * @public
 */
export const REALTIMEKIT_TRACK_FIELDS: readonly string[] = Object.freeze(['meeting_id', 'user_ids', 'layers']);

/** The allow-listed part of a start body, each field of the type Cloudflare takes (others dropped). */
function allowedStart(body: Record<string, unknown>, track: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!track) {
    const multiple = own(body, 'allow_multiple_recordings');
    if (typeof multiple === 'boolean') out.allow_multiple_recordings = multiple;
    return out;
  }
  const users = own(body, 'user_ids');
  if (Array.isArray(users) && users.every((u) => typeof u === 'string')) out.user_ids = [...(users as string[])];
  const layers = own(body, 'layers');
  if (isRecord(layers)) {
    out.layers = Object.fromEntries(
      Object.entries(layers)
        .filter(([, layer]) => isRecord(layer))
        .map(([name, layer]) => {
          const kept: Record<string, unknown> = {};
          for (const key of ['file_name_prefix', 'media_kind']) {
            const value = own(layer as Record<string, unknown>, key);
            if (typeof value === 'string') kept[key] = value;
          }
          return [name, kept];
        }),
    );
  }
  return out;
}

type Match =
  | { readonly action: 'livestream-start' | 'livestream-active' | 'livestream-stop'; readonly meetingId: string }
  | { readonly action: 'list' | 'start' | 'startTrack' }
  | { readonly action: 'active'; readonly meetingId: string }
  | { readonly action: 'details' | 'control'; readonly recordingId: string };

/** The methods the route serves (any other: 405 with `Allow`). */
const METHODS = ['GET', 'POST', 'PUT'];

/** The six endpoints, by method and path (the rest after `basePath`). Anything else: `undefined` (404). */
function match(method: string, rest: string): Match | undefined {
  if (rest === '/recordings') return method === 'GET' ? { action: 'list' } : method === 'POST' ? { action: 'start' } : undefined;
  if (rest === '/recordings/track') return method === 'POST' ? { action: 'startTrack' } : undefined;
  const parts = rest.split('/');
  // ['', 'meetings', meetingId, 'livestreams' | 'active-livestream', ('stop')]
  if (parts[1] === 'meetings' && parts.length >= 4 && parts.length <= 5) {
    const meetingId = segmentId(parts[2]!);
    if (meetingId === undefined) return undefined;
    const tail = parts.slice(3).join('/');
    if (tail === 'livestreams' && method === 'POST') return { action: 'livestream-start', meetingId };
    if (tail === 'active-livestream' && method === 'GET') return { action: 'livestream-active', meetingId };
    if (tail === 'active-livestream/stop' && method === 'POST') return { action: 'livestream-stop', meetingId };
    return undefined;
  }
  // ['', 'recordings', 'active-recording', meetingId]
  if (parts.length === 4 && parts[1] === 'recordings' && parts[2] === 'active-recording' && method === 'GET') {
    const meetingId = segmentId(parts[3]!);
    return meetingId === undefined ? undefined : { action: 'active', meetingId };
  }
  if (parts.length === 3 && parts[1] === 'recordings' && parts[2] !== 'track' && parts[2] !== 'active-recording') {
    const recordingId = segmentId(parts[2]!);
    if (recordingId === undefined) return undefined;
    return method === 'GET' ? { action: 'details', recordingId } : method === 'PUT' ? { action: 'control', recordingId } : undefined;
  }
  return undefined;
}

/** The list filters Cloudflare documents; any other query parameter is dropped. */
const LIST_PARAMS = ['meeting_id', 'page_no', 'per_page', 'search', 'sort_by', 'sort_order', 'status', 'expired', 'start_time', 'end_time'];

function fail(status: number, message: string): Response {
  return jsonResponse({ success: false, error: { code: status, message } }, status);
}

const nonEmpty = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The meeting a recording object names, if it does (list items carry `meeting.id`; older answers `meeting_id`). */
function meetingOfRecord(record: unknown): string | undefined {
  if (!isRecord(record)) return undefined;
  const meeting = own(record, 'meeting');
  return nonEmpty(isRecord(meeting) ? own(meeting, 'id') : undefined) ?? nonEmpty(own(record, 'meeting_id'));
}

/** The recording object of an answer: `data` (details, start, active, control) or `data.recording` (track start). */
function recordOf(answer: unknown): Record<string, unknown> | undefined {
  if (!isRecord(answer)) return undefined;
  const data = own(answer, 'data');
  if (!isRecord(data)) return undefined;
  const recording = own(data, 'recording');
  return isRecord(recording) && own(data, 'id') === undefined ? recording : data;
}

const ok = (status: number): boolean => status >= 200 && status < 300;

/**
 * A Fetch-standard route that lets browsers use RealtimeKit's recordings API without ever holding
 * the Cloudflare token. It forwards **only** the six recordings endpoints (list, start, active
 * recording of a meeting, details, pause/resume/stop, start track recording) — any other path is
 * 404, any other method 405 — to
 * `https://api.cloudflare.com/client/v4/accounts/{accountId}/realtime/kit/{appId}`, after
 * `authorize` said yes (403 otherwise). It assumes a hostile web:
 * - a `POST`/`PUT` that is not `application/json` (415) or comes from another site (`Origin` not in
 *   `allowedOrigins`, default the route's own origin; `Sec-Fetch-Site: cross-site`) is refused (403)
 *   before `authorize`, before its body is read and before anything goes upstream;
 * - nothing goes upstream for a caller `authorize` refused: for a recording whose meeting the route
 *   does not know yet it first asks about the caller alone (`stage: 'caller'`), then reads the
 *   recording and asks about its meeting (`stage: 'resource'`); meetings learnt from list, start,
 *   active and details answers are kept (10 000 recordings, least recently used out first);
 * - a start forwards only the allow-listed fields ({@link REALTIMEKIT_START_FIELDS},
 *   {@link REALTIMEKIT_TRACK_FIELDS}) unless `startOptions` chooses more.
 * It adds the token itself, forwards no header from the browser (no cookie, no `Authorization`, no
 * hop-by-hop header), caps the request body (413), drops storage credentials (`secret`,
 * `secret_key`, `access_key`, `password`, `private_key`, in any case, at any depth) from both
 * directions, redacts the token wherever an answer echoes it (values and keys) and answers with
 * fresh JSON (an empty success from Cloudflare becomes `200 { "success": true }`).
 *
 * Mount it at `basePath` in anything that speaks `Request`/`Response` (Next.js route handlers,
 * Hono, Workers, Bun, Deno), or in Node `http`/Express through {@link toNodeHandler}.
 *
 * @example
 * ```ts
 * // app/api/realtimekit/[...path]/route.ts (Next.js)
 * import { createRealtimeKitRoute } from 'onair-react/server';
 *
 * const route = createRealtimeKitRoute({
 *   accountId: process.env.CF_ACCOUNT_ID!,
 *   appId: process.env.RTK_APP_ID!,
 *   apiToken: process.env.CF_API_TOKEN!,
 *   basePath: '/api/realtimekit',
 *   authorize: async (request, { stage, action, meetingId }) => {
 *     const user = await sessionOf(request);
 *     if (!user) return false;
 *     if (stage === 'caller') return true; // the meeting is looked up next, then asked about
 *     if (!meetingId) return false;
 *     return action === 'list' || action === 'details' || action === 'active' ? user.canView(meetingId) : user.canRecord(meetingId);
 *   },
 *   // Optional: more than the allow-list, chosen by the server.
 *   startOptions: (body, { allowed }) => ({ ...allowed, video_config: { height: 720 } }),
 * });
 * export { route as GET, route as POST, route as PUT };
 *
 * // Browser: createRealtimeKitClient({ baseUrl: '/api/realtimekit' })
 * ```
 *
 * @public
 */
export function createRealtimeKitRoute(options: RealtimeKitRouteOptions): (request: Request) => Promise<Response> {
  for (const name of ['accountId', 'appId', 'apiToken'] as const) {
    if (typeof options[name] !== 'string' || options[name] === '') throw new TypeError(`createRealtimeKitRoute: \`${name}\` is required.`);
  }
  if (typeof options.authorize !== 'function') throw new TypeError('createRealtimeKitRoute: `authorize(request, { stage, action, meetingId })` is required.');
  if (options.startOptions && options.prepareBody) throw new TypeError('createRealtimeKitRoute: give `startOptions` or its old name `prepareBody`, not both.');
  const basePath = checkBasePath('createRealtimeKitRoute', options.basePath);
  const allowedOrigins = checkAllowedOrigins('createRealtimeKitRoute', options.allowedOrigins);
  const startOptions = options.startOptions ?? options.prepareBody;
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024;
  const maxResponseBytes = options.maxResponseBytes ?? 8 * 1024 * 1024;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const apiBase = (options.apiBaseUrl ?? 'https://api.cloudflare.com/client/v4').replace(/\/+$/, '');
  const upstreamBase = `${apiBase}/accounts/${encodeURIComponent(options.accountId)}/realtime/kit/${encodeURIComponent(options.appId)}`;
  const sensitive = [options.apiToken];
  /** recording id → meeting id, from Cloudflare's own answers. */
  const meetings = createOwnerCache();

  async function allowed(request: Request, target: RealtimeKitRouteTarget): Promise<boolean> {
    return (await options.authorize(request, target)) === true;
  }

  /** One call to Cloudflare: its status and scrubbed JSON, or the error answer for the browser. */
  async function upstream(
    request: Request,
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: Record<string, unknown>,
  ): Promise<{ readonly status: number; readonly json: unknown } | Response> {
    const answer = await callUpstream({
      service: 'RealtimeKit',
      url: `${upstreamBase}${path}`,
      method,
      headers: new Headers({ authorization: `Bearer ${options.apiToken}`, accept: 'application/json' }),
      body,
      fetch: options.fetch,
      signal: request.signal,
      timeoutMs,
      maxResponseBytes,
      fail,
    });
    if (answer instanceof Response) return answer;
    if (answer.text.trim() === '') {
      // 204 or an empty 200: the call succeeded with nothing to tell (the client reads `data`-less answers as such).
      if (ok(answer.status)) return { status: 200, json: { success: true } };
      return fail(answer.status >= 400 ? answer.status : 502, `RealtimeKit answered HTTP ${answer.status} without a body.`);
    }
    const parsed = parseJson(answer.text);
    if (!parsed.ok) return fail(502, `RealtimeKit sent an answer that is not JSON (HTTP ${answer.status}).`);
    return { status: answer.status, json: scrub(parsed.value, sensitive) };
  }

  const reply = (result: { readonly status: number; readonly json: unknown } | Response): Response =>
    result instanceof Response ? result : jsonResponse(result.json, result.status);

  async function readBody(request: Request): Promise<Record<string, unknown> | Response> {
    const body = await readJsonBody(request, maxBodyBytes, fail);
    // Credentials never come from a browser: the server adds its own in `startOptions`.
    return body instanceof Response ? body : (scrub(body, []) as Record<string, unknown>);
  }

  /** Remembers the meeting of a recording object an answer carries (`fallback` when it names none). */
  function learn(record: unknown, fallback: string | undefined): void {
    if (!isRecord(record)) return;
    const id = nonEmpty(own(record, 'id'));
    const meeting = meetingOfRecord(record) ?? fallback;
    if (id !== undefined && meeting !== undefined) meetings.set(id, meeting);
  }

  /** The meeting of a recording Cloudflare just described: named in it, or its session's meeting. */
  async function meetingOfAnswer(request: Request, record: Record<string, unknown> | undefined): Promise<string | undefined> {
    if (!record) return undefined;
    const named = meetingOfRecord(record);
    if (named !== undefined) return named;
    const sessionId = nonEmpty(own(record, 'session_id'));
    if (sessionId === undefined) return undefined;
    const session = await upstream(request, 'GET', `/sessions/${encodeURIComponent(sessionId)}`);
    if (session instanceof Response || !ok(session.status) || !isRecord(session.json)) return undefined;
    const data = own(session.json, 'data');
    // `{ data: { id, associated_id } }` (SessionGetSessionDetailsResponse); some answers nest it in `data.session`.
    const described = isRecord(data) && isRecord(own(data, 'session')) ? (own(data, 'session') as Record<string, unknown>) : data;
    return isRecord(described) ? nonEmpty(own(described, 'associated_id')) : undefined;
  }

  /**
   * A livestream answer without its ingest credentials (`stream_key`, `ingest_server`): they let
   * anyone broadcast into the meeting's stream, and a viewer or host browser needs only `playback_url`.
   */
  function withoutIngestKey(result: { readonly status: number; readonly json: unknown } | Response): { readonly status: number; readonly json: unknown } | Response {
    if (result instanceof Response) return result;
    const strip = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(strip);
      if (!isRecord(value)) return value;
      return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'stream_key' && key !== 'ingest_server').map(([key, inner]) => [key, strip(inner)]));
    };
    return { status: result.status, json: strip(result.json) };
  }

  return async function realtimeKitRoute(request: Request): Promise<Response> {
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
      const found = match(method, rest);
      if (!found) return fail(404, 'Not found');
      if (method !== 'GET') {
        const refused = refuseCrossSite(request, allowedOrigins, fail);
        if (refused) return refused;
      }

      switch (found.action) {
        case 'livestream-start':
        case 'livestream-active':
        case 'livestream-stop': {
          const meetingId = found.meetingId;
          const target: RealtimeKitRouteTarget = { action: found.action, stage: 'resource', meetingId, recordingId: undefined };
          const path = `/meetings/${encodeURIComponent(meetingId)}/${found.action === 'livestream-start' ? 'livestreams' : found.action === 'livestream-active' ? 'active-livestream' : 'active-livestream/stop'}`;
          if (found.action === 'livestream-active') {
            if (!(await allowed(request, target))) return fail(403, 'Forbidden');
            const active = await upstream(request, 'GET', path);
            // "No active livestream" is the usual answer, not a failure: a 404 would log an error in
            // every browser console at page load. The browser gets `data: null` (the client reads it as none).
            if (!(active instanceof Response) && active.status === 404) return reply({ status: 200, json: { success: true, data: null } });
            return reply(withoutIngestKey(active));
          }
          if (found.action === 'livestream-stop') {
            if (!(await allowed(request, target))) return fail(403, 'Forbidden');
            return reply(withoutIngestKey(await upstream(request, 'POST', path, {})));
          }
          const body = await readBody(request);
          if (body instanceof Response) return body;
          if (!(await allowed(request, target))) return fail(403, 'Forbidden');
          // Allow-list: `name` and `video_config { width, height }` (LivestreamStartLivestreamingAMeetingParams).
          const allowList: Record<string, unknown> = {};
          const name = own(body, 'name');
          if (typeof name === 'string') allowList.name = name;
          const video = own(body, 'video_config');
          if (isRecord(video)) {
            const size: Record<string, number> = {};
            for (const key of ['width', 'height'] as const) {
              const value = own(video, key);
              if (typeof value === 'number' && Number.isFinite(value)) size[key] = value;
            }
            allowList.video_config = size;
          }
          const chosen = startOptions ? await startOptions(body, { request, target, allowed: allowList }) : allowList;
          if (!isRecord(chosen)) return fail(500, 'startOptions must return an object.');
          return reply(withoutIngestKey(await upstream(request, 'POST', path, chosen)));
        }
        case 'list': {
          const meetingId = url.searchParams.get('meeting_id') || undefined;
          if (!(await allowed(request, { action: 'list', stage: 'resource', meetingId, recordingId: undefined }))) return fail(403, 'Forbidden');
          const query = new URLSearchParams();
          // One value per filter — the one `authorize` saw — except the `status` array (repeated, as Cloudflare takes it).
          for (const name of LIST_PARAMS) {
            if (name === 'status') for (const value of url.searchParams.getAll(name)) query.append(name, value);
            else if (url.searchParams.has(name)) query.set(name, url.searchParams.get(name)!);
          }
          const search = query.toString();
          const result = await upstream(request, 'GET', `/recordings${search ? `?${search}` : ''}`);
          if (!(result instanceof Response) && ok(result.status) && isRecord(result.json)) {
            const items = own(result.json, 'data');
            if (Array.isArray(items)) for (const item of items) learn(item, meetingId);
          }
          return reply(result);
        }
        case 'active': {
          if (!(await allowed(request, { action: 'active', stage: 'resource', meetingId: found.meetingId, recordingId: undefined }))) return fail(403, 'Forbidden');
          const result = await upstream(request, 'GET', `/recordings/active-recording/${encodeURIComponent(found.meetingId)}`);
          if (!(result instanceof Response) && ok(result.status)) learn(recordOf(result.json), found.meetingId);
          return reply(result);
        }
        case 'start':
        case 'startTrack': {
          const body = await readBody(request);
          if (body instanceof Response) return body;
          const meetingId = own(body, 'meeting_id');
          if (typeof meetingId !== 'string' || meetingId === '') return fail(400, 'meeting_id is required.');
          const target: RealtimeKitRouteTarget = { action: found.action, stage: 'resource', meetingId, recordingId: undefined };
          if (!(await allowed(request, target))) return fail(403, 'Forbidden');
          const allowList = allowedStart(body, found.action === 'startTrack');
          const chosen = startOptions ? await startOptions(body, { request, target, allowed: allowList }) : allowList;
          if (!isRecord(chosen)) return fail(500, 'startOptions must return an object.');
          const result = await upstream(request, 'POST', found.action === 'start' ? '/recordings' : '/recordings/track', { ...chosen, meeting_id: meetingId });
          // Cloudflare recorded the meeting it was told to: its recording belongs to it.
          if (!(result instanceof Response) && ok(result.status)) learn(recordOf(result.json), meetingId);
          return reply(result);
        }
        case 'details':
        case 'control': {
          let action: RealtimeKitRouteAction = 'details';
          if (found.action === 'control') {
            const body = await readBody(request);
            if (body instanceof Response) return body;
            const requested = own(body, 'action');
            if (requested !== 'pause' && requested !== 'resume' && requested !== 'stop') return fail(400, 'action must be one of pause, resume, stop.');
            action = requested;
          }
          const recordingId = found.recordingId;
          const path = `/recordings/${encodeURIComponent(recordingId)}`;
          const known = meetings.get(recordingId);
          if (known !== undefined) {
            // The meeting is known from an earlier answer: one decision, one call upstream.
            if (!(await allowed(request, { action, stage: 'resource', meetingId: known, recordingId }))) return fail(403, 'Forbidden');
            return reply(await upstream(request, action === 'details' ? 'GET' : 'PUT', path, action === 'details' ? undefined : { action }));
          }
          // Unknown recording: decide on the caller before spending the token on a look-up.
          if (!(await allowed(request, { action, stage: 'caller', meetingId: undefined, recordingId }))) return fail(403, 'Forbidden');
          const current = await upstream(request, 'GET', path);
          const found2xx = !(current instanceof Response) && ok(current.status);
          const meetingId = found2xx ? await meetingOfAnswer(request, recordOf(current.json)) : undefined;
          if (meetingId !== undefined) meetings.set(recordingId, meetingId);
          if (!(await allowed(request, { action, stage: 'resource', meetingId, recordingId }))) return fail(403, 'Forbidden');
          if (action === 'details' || !found2xx) return reply(current);
          return reply(await upstream(request, 'PUT', path, { action }));
        }
      }
    } catch {
      return fail(500, 'The recordings route failed.');
    }
  };
}
