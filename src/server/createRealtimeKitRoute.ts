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
 * What a browser asks of the RealtimeKit route, one word per endpoint (control is split into its
 * three actions): `list` `GET /recordings`, `details` `GET /recordings/{id}`, `active`
 * `GET /recordings/active-recording/{meeting_id}`, `start` `POST /recordings`, `startTrack`
 * `POST /recordings/track`, `pause` / `resume` / `stop` `PUT /recordings/{id}`.
 *
 * @public
 */
export type RealtimeKitRouteAction = 'list' | 'details' | 'active' | 'start' | 'startTrack' | 'pause' | 'resume' | 'stop';

/**
 * What {@link RealtimeKitRouteOptions.authorize} decides about.
 *
 * @public
 */
export interface RealtimeKitRouteTarget {
  readonly action: RealtimeKitRouteAction;
  /**
   * The meeting concerned: the `meeting_id` filter (`list`; `undefined` for an app-wide list), the
   * path (`active`), the body (`start`, `startTrack`), or — for `details`, `pause`, `resume`,
   * `stop` — the meeting RealtimeKit's answer for that recording names (`data.meeting.id` or
   * `data.meeting_id`). Cloudflare's documented details answer does not always name it; then it is
   * `undefined` and `recordingId` is what there is to decide on.
   */
  readonly meetingId: string | undefined;
  /** The recording concerned (`details`, `pause`, `resume`, `stop`). */
  readonly recordingId: string | undefined;
}

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
   * Decides whether the caller may do `target.action` on `target.meetingId`: read the app's session
   * from `request` (cookie, header). Anything but `true` answers 403 and nothing is forwarded.
   */
  readonly authorize: (request: Request, target: RealtimeKitRouteTarget) => boolean | Promise<boolean>;
  /**
   * The path the route is mounted at, standing for `/accounts/{account_id}/realtime/kit/{app_id}`:
   * `{basePath}/recordings…` is forwarded. Give the browser client the same
   * (`createRealtimeKitClient({ baseUrl: basePath })`).
   */
  readonly basePath: string;
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
  /**
   * Last look at a start body (`start`, `startTrack`) before it goes to Cloudflare, credentials
   * from the browser already removed: add your bucket's `storage_config` secrets here, or drop
   * options the browser may not choose (`url`, `rtmp_out_config`).
   */
  readonly prepareBody?:
    | ((body: Record<string, unknown>, context: { readonly request: Request; readonly target: RealtimeKitRouteTarget }) => Record<string, unknown> | Promise<Record<string, unknown>>)
    | undefined;
}

type Match =
  | { readonly action: 'list' | 'start' | 'startTrack' }
  | { readonly action: 'active'; readonly meetingId: string }
  | { readonly action: 'details' | 'control'; readonly recordingId: string };

/** The six endpoints, by method and path (the rest after `basePath`). Anything else: `undefined` (404). */
function match(method: string, rest: string): Match | undefined {
  if (rest === '/recordings') return method === 'GET' ? { action: 'list' } : method === 'POST' ? { action: 'start' } : undefined;
  if (rest === '/recordings/track') return method === 'POST' ? { action: 'startTrack' } : undefined;
  const parts = rest.split('/');
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

/** The meeting a recording answer names, if it does. */
function meetingOf(answer: unknown): string | undefined {
  if (!isRecord(answer)) return undefined;
  const data = own(answer, 'data');
  if (!isRecord(data)) return undefined;
  const meeting = own(data, 'meeting');
  const id = isRecord(meeting) ? own(meeting, 'id') : own(data, 'meeting_id');
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * A Fetch-standard route that lets browsers use RealtimeKit's recordings API without ever holding
 * the Cloudflare token. It forwards **only** the six recordings endpoints (list, start, active
 * recording of a meeting, details, pause/resume/stop, start track recording) — any other method or
 * path is 404 — to `https://api.cloudflare.com/client/v4/accounts/{accountId}/realtime/kit/{appId}`,
 * after `authorize` said yes (403 otherwise). It adds the token itself, forwards no header from the
 * browser (no cookie, no `Authorization`, no hop-by-hop header), caps the request body (413),
 * drops storage credentials (`secret`, `secret_key`, `access_key`, `password`, `private_key`, in
 * any case, at any depth) from both directions and answers with fresh JSON.
 *
 * For `details` and `pause`/`resume`/`stop` the route first reads the recording from Cloudflare to
 * learn its meeting, and calls `authorize` with it before returning or changing anything.
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
 *   authorize: async (request, { meetingId, action }) => {
 *     const user = await sessionOf(request);
 *     return !!user && !!meetingId && (action === 'list' || action === 'details' || action === 'active' ? user.canView(meetingId) : user.canRecord(meetingId));
 *   },
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
  if (typeof options.authorize !== 'function') throw new TypeError('createRealtimeKitRoute: `authorize(request, { meetingId, action })` is required.');
  const basePath = checkBasePath('createRealtimeKitRoute', options.basePath);
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024;
  const maxResponseBytes = options.maxResponseBytes ?? 8 * 1024 * 1024;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const apiBase = (options.apiBaseUrl ?? 'https://api.cloudflare.com/client/v4').replace(/\/+$/, '');
  const upstreamBase = `${apiBase}/accounts/${encodeURIComponent(options.accountId)}/realtime/kit/${encodeURIComponent(options.appId)}`;
  const sensitive = [options.apiToken];

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
    const parsed = answer.text === '' ? { ok: true as const, value: undefined } : parseJson(answer.text);
    if (!parsed.ok || parsed.value === undefined) return fail(502, `RealtimeKit sent an answer that is not JSON (HTTP ${answer.status}).`);
    return { status: answer.status, json: scrub(parsed.value, sensitive) };
  }

  const reply = (result: { readonly status: number; readonly json: unknown } | Response): Response =>
    result instanceof Response ? result : jsonResponse(result.json, result.status);

  async function readBody(request: Request): Promise<Record<string, unknown> | Response> {
    const body = await readJsonBody(request, maxBodyBytes, fail);
    // Credentials never come from a browser: the server adds its own in `prepareBody`.
    return body instanceof Response ? body : (scrub(body, []) as Record<string, unknown>);
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
      const found = rest === undefined ? undefined : match(request.method.toUpperCase(), rest);
      if (!found) return fail(404, 'Not found');

      switch (found.action) {
        case 'list': {
          const meetingId = url.searchParams.get('meeting_id') || undefined;
          if (!(await allowed(request, { action: 'list', meetingId, recordingId: undefined }))) return fail(403, 'Forbidden');
          const query = new URLSearchParams();
          // One value per filter — the one `authorize` saw — except the `status` array (repeated, as Cloudflare takes it).
          for (const name of LIST_PARAMS) {
            if (name === 'status') for (const value of url.searchParams.getAll(name)) query.append(name, value);
            else if (url.searchParams.has(name)) query.set(name, url.searchParams.get(name)!);
          }
          const search = query.toString();
          return reply(await upstream(request, 'GET', `/recordings${search ? `?${search}` : ''}`));
        }
        case 'active': {
          if (!(await allowed(request, { action: 'active', meetingId: found.meetingId, recordingId: undefined }))) return fail(403, 'Forbidden');
          return reply(await upstream(request, 'GET', `/recordings/active-recording/${encodeURIComponent(found.meetingId)}`));
        }
        case 'start':
        case 'startTrack': {
          const body = await readBody(request);
          if (body instanceof Response) return body;
          const meetingId = own(body, 'meeting_id');
          if (typeof meetingId !== 'string' || meetingId === '') return fail(400, 'meeting_id is required.');
          const target: RealtimeKitRouteTarget = { action: found.action, meetingId, recordingId: undefined };
          if (!(await allowed(request, target))) return fail(403, 'Forbidden');
          const prepared = options.prepareBody ? await options.prepareBody(body, { request, target }) : body;
          return reply(await upstream(request, 'POST', found.action === 'start' ? '/recordings' : '/recordings/track', { ...prepared, meeting_id: meetingId }));
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
          const path = `/recordings/${encodeURIComponent(found.recordingId)}`;
          // Learn the recording's meeting before deciding; a denied caller learns nothing from it.
          const current = await upstream(request, 'GET', path);
          const known = !(current instanceof Response) && current.status >= 200 && current.status < 300;
          const target: RealtimeKitRouteTarget = { action, meetingId: known ? meetingOf(current.json) : undefined, recordingId: found.recordingId };
          if (!(await allowed(request, target))) return fail(403, 'Forbidden');
          if (action === 'details' || !known) return reply(current);
          return reply(await upstream(request, 'PUT', path, { action }));
        }
      }
    } catch {
      return fail(500, 'The recordings route failed.');
    }
  };
}
