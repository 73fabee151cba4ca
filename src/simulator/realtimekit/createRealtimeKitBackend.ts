/**
 * An in-memory RealtimeKit recordings backend: the real paths and answer shapes of
 * `/accounts/{account_id}/realtime/kit/{app_id}/recordings…`, relative to whatever base URL the app's
 * client uses. Recordings progress with time (INVOKED → RECORDING → UPLOADING → UPLOADED), download
 * URLs expire and the details endpoint re-signs them, and faults can be switched on. A meeting's
 * livestream (`/meetings/{meeting_id}/livestreams`, `…/active-livestream`, `…/active-livestream/stop`)
 * goes INVOKED → LIVE, and can be ended by the provider, fail (ERRORED) or be slow to become playable.
 * Its answers carry the ingest credentials (`stream_key`, `ingest_server`) as Cloudflare's do: put
 * `createRealtimeKitRoute` in front (`realtimeKitHandlers`' `through`) and they never reach a browser.
 *
 * It is a plain `(request: Request) => Promise<Response>`: serve it through MSW
 * (`realtimeKitHandlers`) or pass `backend.fetch` to `createRealtimeKitClient` directly.
 */

/**
 * A fault the next matching request (or every one) answers with.
 *
 * @public
 */
export type RealtimeKitFault =
  | 'server-error'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'timeout'
  | 'network'
  | 'malformed-json'
  | 'wrong-type';

/**
 * Which endpoint a fault applies to.
 *
 * @public
 */
export type RealtimeKitEndpoint =
  | 'list'
  | 'details'
  | 'active'
  | 'start'
  | 'control'
  | 'track'
  | 'livestream-start'
  | 'livestream-active'
  | 'livestream-stop';

/**
 * Where the simulated playback URL of a livestream is: `not-ready` (INVOKED — RealtimeKit has not
 * produced HLS yet; the URL answers 404), `live`, `ended` (the playlist is closed), `gone` (ERRORED,
 * or stopped and removed: the URL answers 404 again).
 *
 * @public
 */
export type RealtimeKitPlaybackState = 'not-ready' | 'live' | 'ended' | 'gone';

/**
 * Options of {@link createRealtimeKitBackend}.
 *
 * @public
 */
export interface RealtimeKitBackendOptions {
  /** Clock (epoch ms). Default `Date.now`. */
  readonly now?: (() => number) | undefined;
  /** INVOKED lasts this long before RECORDING. Default 1 500 ms. */
  readonly invokeMs?: number | undefined;
  /** UPLOADING lasts this long before UPLOADED. Default 3 000 ms. */
  readonly uploadMs?: number | undefined;
  /** How long a download URL works. Default 10 minutes (RealtimeKit: 7 days). */
  readonly linkTtlMs?: number | undefined;
  /** Origin of the fake download URLs. */
  readonly downloadOrigin?: string | undefined;
  /**
   * A folder URL that serves `onair-sample.mp4`, `.webm` and `.m4a` (the repo's
   * `public/simulated-media/`): every download link then points at the real sample file of its kind
   * (the recording and file named in the query), so a player plays and a download saves media with
   * no network. Without it links point at `downloadOrigin`, which serves nothing.
   */
  readonly sampleMediaUrl?: string | undefined;
  /** Artificial latency of every answer. Default 0. */
  readonly latencyMs?: number | undefined;
  /** A livestream stays INVOKED (its HLS not ready yet) this long before LIVE. Default 1 500 ms. */
  readonly livestreamInvokeMs?: number | undefined;
  /**
   * Origin (and path) of the simulated playback URLs: `{playbackOrigin}/{livestream_id}/manifest/video.m3u8`,
   * shaped as Cloudflare Stream's. Default `https://customer-onair-sim.cloudflarestream.com`. Serve
   * it yourself (with {@link RealtimeKitBackend.playback}) for a player to play anything.
   */
  readonly playbackOrigin?: string | undefined;
}

/**
 * A finished recording to start with.
 *
 * @public
 */
export interface SeedRecordingOptions {
  readonly meetingId?: string | undefined;
  readonly meetingTitle?: string | undefined;
  /** How many. */
  readonly count: number;
  /** Spacing of their start times, newest first. Default one hour. */
  readonly everyMs?: number | undefined;
  /** Mark every n-th as ERRORED. */
  readonly failEvery?: number | undefined;
  /** The download links of the seeded recordings already expired. */
  readonly expired?: boolean | undefined;
  /** With an audio file besides the video. Default `true`. */
  readonly audio?: boolean | undefined;
}

interface Caller {
  readonly name: string;
  readonly type: 'USER' | 'ORGANIZATION';
  readonly user_Id?: string;
}

interface Stored {
  readonly id: string;
  readonly meetingId: string;
  readonly meetingTitle: string;
  readonly invokedAt: number;
  readonly fileName: string;
  readonly track: boolean;
  readonly audio: boolean;
  readonly bucket: boolean;
  readonly startCaller: Caller;
  readonly startReason: 'API_CALL' | 'RECORD_ON_START';
  errored: boolean;
  startedAt?: number;
  pausedAt?: number;
  pausedMs: number;
  stoppedAt?: number;
  stopReason?: 'API_CALL' | 'INTERNAL_ERROR' | 'ALL_PEERS_LEFT';
  stopCaller?: Caller;
  linkExpiresAt?: number;
  linkVersion: number;
}

/**
 * The simulated backend.
 *
 * @public
 */
export interface RealtimeKitBackend {
  /** Answers one request as RealtimeKit (behind the app's proxy) would. */
  handle(request: Request): Promise<Response>;
  /** `handle` shaped as `fetch`, for `createRealtimeKitClient({ fetch: backend.fetch })`. */
  readonly fetch: typeof fetch;
  /** Every request answered, oldest first (`GET /recordings`, `PUT /recordings/{id}` …). */
  readonly requests: readonly { readonly method: string; readonly path: string; readonly endpoint: RealtimeKitEndpoint | 'unknown' }[];
  /** Adds finished recordings. Returns their ids, newest first. */
  seed(options: SeedRecordingOptions): string[];
  /** The next `times` requests to `endpoint` (any endpoint when omitted) fail with `fault`. */
  failNext(fault: RealtimeKitFault, options?: { readonly endpoint?: RealtimeKitEndpoint; readonly times?: number }): void;
  /** Every request to `endpoint` fails with `fault` until {@link RealtimeKitBackend.clearFaults}. */
  failAlways(fault: RealtimeKitFault, options?: { readonly endpoint?: RealtimeKitEndpoint }): void;
  clearFaults(): void;
  /**
   * The next `times` start / control / track answers (default 1) carry no `data` — `{ success: true }`,
   * which Cloudflare's SDK types allow (`data?:`): the call succeeded and the client reads the outcome
   * from the active recording.
   */
  omitDataNext(times?: number): void;
  /** The next recording started ends ERRORED instead of recording. */
  errorNextRecording(): void;
  /** Every download URL given out so far expires now (the details endpoint re-signs on request). */
  expireLinks(): void;
  /** Stops a running recording as RealtimeKit does when everyone left. */
  endMeeting(meetingId: string): void;
  /**
   * "HLS not ready yet": the next livestream started stays INVOKED for `ms` (its playback URL answers
   * 404 meanwhile) before it goes LIVE.
   */
  delayNextLivestream(ms: number): void;
  /** The provider ends the meeting's livestream: the active read answers it `IDLE`, its playlist ends. */
  endLivestream(meetingId: string): void;
  /** The meeting's livestream fails: the active read answers it `ERRORED`. */
  errorLivestream(meetingId: string): void;
  /** The state of a livestream's playback URL (by livestream id, or the URL itself): for a player's simulated HLS origin. */
  playback(idOrUrl: string): { readonly state: RealtimeKitPlaybackState; readonly liveSince: number | undefined } | undefined;
  /** Forgets everything. */
  reset(): void;
}

interface StoredLivestream {
  readonly id: string;
  readonly meetingId: string;
  readonly name: string | null;
  readonly invokedAt: number;
  readonly liveAt: number;
  updatedAt: number;
  /** `provider`: ended by RealtimeKit (answers IDLE); `api`: stopped by a stop call (no longer active: 404). */
  ended?: { readonly at: number; readonly by: 'provider' | 'api' };
  erroredAt?: number;
}

const STATUS_OK = { status: 200, headers: { 'Content-Type': 'application/json' } } as const;

function uuid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `0f0e0d0c-0000-4000-8000-${hex}`;
}

/**
 * Creates an in-memory RealtimeKit recordings backend.
 *
 * @example
 * ```ts
 * const backend = createRealtimeKitBackend();
 * backend.seed({ count: 30, meetingId });
 * const worker = setupWorker(...realtimeKitHandlers(backend, { baseUrl: '/api/realtimekit', http }));
 * ```
 *
 * @public
 */
export function createRealtimeKitBackend(options: RealtimeKitBackendOptions = {}): RealtimeKitBackend {
  const now = options.now ?? Date.now;
  const invokeMs = options.invokeMs ?? 1_500;
  const uploadMs = options.uploadMs ?? 3_000;
  const linkTtlMs = options.linkTtlMs ?? 10 * 60_000;
  const origin = options.downloadOrigin ?? 'https://recordings.onair.example';
  const samples = options.sampleMediaUrl?.replace(/\/+$/, '');
  /** A file's link: the sample file of its kind when `sampleMediaUrl` is set, else under `origin`. */
  const fileUrl = (id: string, file: string, sig: string): string =>
    samples === undefined
      ? `${origin}/${id}/${file}?${sig}`
      : `${samples}/onair-sample.${/\.(webm|m4a)$/.exec(file)?.[1] ?? 'mp4'}?recording=${encodeURIComponent(id)}&file=${encodeURIComponent(file)}&${sig}`;
  let recordings: Stored[] = [];
  let counter = 0;
  let faults: { fault: RealtimeKitFault; endpoint?: RealtimeKitEndpoint; times: number }[] = [];
  let omitData = 0;
  let errorNext = false;
  const livestreamInvokeMs = options.livestreamInvokeMs ?? 1_500;
  const playbackOrigin = (options.playbackOrigin ?? 'https://customer-onair-sim.cloudflarestream.com').replace(/\/+$/, '');
  let livestreams: StoredLivestream[] = [];
  let nextLivestreamDelay: number | undefined;
  const requests: { method: string; path: string; endpoint: RealtimeKitEndpoint | 'unknown' }[] = [];

  function status(r: Stored, t: number): string {
    if (r.errored) return t < r.invokedAt + invokeMs ? 'INVOKED' : 'ERRORED';
    if (r.startedAt === undefined || t < r.startedAt) return 'INVOKED';
    if (r.stoppedAt === undefined) return r.pausedAt !== undefined ? 'PAUSED' : 'RECORDING';
    return t < r.stoppedAt + uploadMs ? 'UPLOADING' : 'UPLOADED';
  }

  function durationSeconds(r: Stored, t: number): number | null {
    if (r.startedAt === undefined || t < r.startedAt) return null;
    const end = r.stoppedAt ?? t;
    const paused = r.pausedMs + (r.pausedAt !== undefined && r.stoppedAt === undefined ? t - r.pausedAt : 0);
    return Math.max(0, Math.round((end - r.startedAt - paused) / 1000));
  }

  function iso(ms: number | undefined): string | null {
    return ms === undefined ? null : new Date(ms).toISOString();
  }

  /** The recording object as RealtimeKit sends it. `resign` renews an expired link (details endpoint). */
  function toJson(r: Stored, t: number, resign: boolean, withReasons: boolean): Record<string, unknown> {
    const s = status(r, t);
    const uploaded = s === 'UPLOADED' && r.bucket;
    if (uploaded && (r.linkExpiresAt === undefined || (resign && r.linkExpiresAt <= t))) {
      r.linkExpiresAt = t + linkTtlMs;
      r.linkVersion += 1;
    }
    const sig = `X-Amz-Expires=${Math.round(linkTtlMs / 1000)}&v=${r.linkVersion}`;
    const duration = s === 'UPLOADED' || s === 'UPLOADING' ? durationSeconds(r, t) : null;
    const url = uploaded
      ? r.track
        ? [
            { name: 'speaker-1', url: fileUrl(r.id, 'speaker-1.webm', sig) },
            { name: 'speaker-2', url: fileUrl(r.id, 'speaker-2.webm', sig) },
          ]
        : fileUrl(r.id, r.fileName, sig)
      : null;
    const json: Record<string, unknown> = {
      id: r.id,
      download_url: url,
      download_url_expiry: uploaded ? iso(r.linkExpiresAt) : null,
      audio_download_url: uploaded && r.audio && !r.track ? fileUrl(r.id, `${r.fileName.replace(/\.mp4$/, '')}.m4a`, sig) : null,
      file_size: s === 'UPLOADED' && duration !== null ? duration * 41_500 + 90_000 : null,
      session_id: r.startedAt !== undefined && t >= r.startedAt ? uuid(900_000 + Number.parseInt(r.id.slice(-6), 16)) : null,
      output_file_name: r.fileName,
      status: s,
      invoked_time: iso(r.invokedAt),
      started_time: r.startedAt !== undefined && t >= r.startedAt ? iso(r.startedAt) : null,
      stopped_time: iso(r.stoppedAt),
      recording_duration: duration ?? undefined,
      meeting: { id: r.meetingId, title: r.meetingTitle, created_at: iso(r.invokedAt), updated_at: iso(r.invokedAt) },
      // Unknown extra fields, as the live API adds them over time.
      recording_type: r.track ? 'TRACK' : 'COMPOSITE',
      storage_config: r.bucket ? null : { type: 'aws', bucket: 'acme-recordings', region: 'eu-central-1', path: 'meetings/', access_key: 'AKIA-SIMULATED-SECRET', secret: 'simulated-secret' },
    };
    if (withReasons) {
      json.start_reason = { reason: r.startReason, caller: r.startCaller };
      if (r.stopReason) json.stop_reason = { reason: r.stopReason, caller: r.stopCaller };
      else if (s === 'ERRORED') json.stop_reason = { reason: 'INTERNAL_ERROR' };
    }
    return json;
  }

  function create(meetingId: string, track: boolean, body: Record<string, unknown>): Stored {
    counter += 1;
    const t = now();
    const prefix = typeof body.file_name_prefix === 'string' ? `${body.file_name_prefix}-` : '';
    const audioConfig = body.audio_config as { export_file?: boolean } | undefined;
    const bucket = (body.realtimekit_bucket_config as { enabled?: boolean } | undefined)?.enabled !== false;
    const r: Stored = {
      id: uuid(counter),
      meetingId,
      meetingTitle: `Meeting ${meetingId.slice(0, 8)}`,
      invokedAt: t,
      fileName: `${prefix}${meetingId.slice(0, 8)}-${counter}.mp4`,
      track,
      audio: audioConfig?.export_file !== false,
      bucket,
      startCaller: { name: 'Ada Lovelace', type: 'USER', user_Id: '5a1c0e55-0000-4000-8000-00000000ada1' },
      startReason: 'API_CALL',
      errored: errorNext,
      pausedMs: 0,
      linkVersion: 0,
    };
    errorNext = false;
    if (!r.errored) r.startedAt = t + invokeMs;
    recordings.unshift(r);
    return r;
  }

  function activeOf(meetingId: string, t: number): Stored | undefined {
    return recordings.find((r) => r.meetingId === meetingId && ['INVOKED', 'RECORDING', 'PAUSED'].includes(status(r, t)));
  }

  function livestreamStatus(l: StoredLivestream, t: number): 'INVOKED' | 'LIVE' | 'ERRORED' | 'IDLE' {
    if (l.erroredAt !== undefined && t >= l.erroredAt) return 'ERRORED';
    if (l.ended && t >= l.ended.at) return 'IDLE';
    return t < l.liveAt ? 'INVOKED' : 'LIVE';
  }

  /** The meeting's livestream the active read names: the newest not stopped through the API. */
  function livestreamOf(meetingId: string): StoredLivestream | undefined {
    return livestreams.find((l) => l.meetingId === meetingId && l.ended?.by !== 'api');
  }

  /** Is it starting or live (a new start is refused)? */
  const running = (l: StoredLivestream | undefined, t: number): boolean => l !== undefined && ['INVOKED', 'LIVE'].includes(livestreamStatus(l, t));

  const playbackUrlOf = (l: StoredLivestream): string => `${playbackOrigin}/${l.id}/manifest/video.m3u8`;

  /** The livestream object as RealtimeKit sends it (ingest credentials included: the route strips them). */
  function livestreamJson(l: StoredLivestream, t: number, full: boolean): Record<string, unknown> {
    const body: Record<string, unknown> = {
      id: l.id,
      ingest_server: 'rtmps://live.cloudflare.example:443/live/',
      playback_url: playbackUrlOf(l),
      status: livestreamStatus(l, t),
      stream_key: `rtk-sim-ingest-key-${l.id.slice(-12)}`,
    };
    if (full) {
      Object.assign(body, { created_at: iso(l.invokedAt), disabled: 'false', meeting_id: l.meetingId, name: l.name, updated_at: iso(Math.max(l.updatedAt, Math.min(t, l.liveAt))) });
    }
    return body;
  }

  function json(body: unknown, status = 200): Response {
    return new Response(JSON.stringify(body), { ...STATUS_OK, status });
  }

  function error(statusCode: number, message: string): Response {
    return json({ success: false, error: { code: statusCode, message } }, statusCode);
  }

  function endpointOf(method: string, rest: string): RealtimeKitEndpoint | 'unknown' {
    if (rest === '' || rest === '/') return method === 'POST' ? 'start' : method === 'GET' ? 'list' : 'unknown';
    if (rest === '/track') return method === 'POST' ? 'track' : 'unknown';
    if (rest.startsWith('/active-recording/')) return method === 'GET' ? 'active' : 'unknown';
    return method === 'GET' ? 'details' : method === 'PUT' ? 'control' : 'unknown';
  }

  async function faulty(fault: RealtimeKitFault, request: Request): Promise<Response> {
    switch (fault) {
      case 'server-error':
        return error(500, 'Internal server error');
      case 'unauthorized':
        return json({ success: false, errors: [{ code: 10000, message: 'Authentication error' }], messages: [], result: null }, 401);
      case 'forbidden':
        return error(403, 'You are not allowed to manage recordings of this meeting');
      case 'not-found':
        return error(404, 'Recording not found');
      case 'network':
        return Response.error();
      case 'malformed-json':
        return new Response('{"success": true, "data": [', STATUS_OK);
      case 'wrong-type':
        return json({ success: true, data: { id: 42, status: 'UPLOADED', file_size: 'big' }, paging: { total_count: '1' } });
      case 'timeout':
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 60_000);
          request.signal.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve();
          });
        });
        return Response.error();
    }
  }

  /** `/meetings/{meeting_id}/livestreams | active-livestream | active-livestream/stop` → endpoint and meeting. */
  function livestreamEndpointOf(method: string, pathname: string): { endpoint: RealtimeKitEndpoint | 'unknown'; meetingId: string; path: string } | undefined {
    const at = pathname.lastIndexOf('/meetings/');
    if (at < 0) return undefined;
    const parts = pathname.slice(at).split('/');
    if (parts.length < 4 || parts.length > 5) return undefined;
    let meetingId: string;
    try {
      meetingId = decodeURIComponent(parts[2]!);
    } catch {
      return undefined;
    }
    const tail = parts.slice(3).join('/');
    const path = pathname.slice(at);
    if (tail === 'livestreams') return { endpoint: method === 'POST' ? 'livestream-start' : 'unknown', meetingId, path };
    if (tail === 'active-livestream') return { endpoint: method === 'GET' ? 'livestream-active' : 'unknown', meetingId, path };
    if (tail === 'active-livestream/stop') return { endpoint: method === 'POST' ? 'livestream-stop' : 'unknown', meetingId, path };
    return undefined;
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const liveMatch = livestreamEndpointOf(method, url.pathname);
    const at = liveMatch ? -1 : url.pathname.lastIndexOf('/recordings');
    const rest = at < 0 ? '' : url.pathname.slice(at + '/recordings'.length);
    const endpoint = liveMatch ? liveMatch.endpoint : at < 0 ? 'unknown' : endpointOf(method, rest);
    requests.push({ method, path: liveMatch ? liveMatch.path : `/recordings${rest}${url.search}`, endpoint });
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));

    const fault = faults.find((f) => f.endpoint === undefined || f.endpoint === endpoint);
    if (fault) {
      fault.times -= 1;
      if (fault.times === 0) faults = faults.filter((f) => f !== fault);
      return faulty(fault.fault, request);
    }
    if (endpoint === 'unknown') return error(404, `No route for ${method} ${url.pathname}`);

    const t = now();
    let body: Record<string, unknown> = {};
    // Cloudflare's SDK posts the livestream stop without a body.
    if ((method === 'POST' || method === 'PUT') && endpoint !== 'livestream-stop') {
      try {
        body = (await request.json()) as Record<string, unknown>;
      } catch {
        return error(400, 'Request body must be JSON');
      }
    }

    switch (endpoint) {
      case 'livestream-start': {
        const meetingId = liveMatch!.meetingId;
        if (running(livestreamOf(meetingId), t)) return error(409, 'A livestream is already running for this meeting');
        counter += 1;
        const delay = nextLivestreamDelay ?? livestreamInvokeMs;
        nextLivestreamDelay = undefined;
        const l: StoredLivestream = {
          id: uuid(700_000 + counter),
          meetingId,
          name: typeof body.name === 'string' ? body.name : null,
          invokedAt: t,
          liveAt: t + delay,
          updatedAt: t,
        };
        livestreams.unshift(l);
        return json({ success: true, data: livestreamJson(l, t, false) });
      }
      case 'livestream-active': {
        const l = livestreamOf(liveMatch!.meetingId);
        return l ? json({ success: true, data: livestreamJson(l, t, true) }) : error(404, 'No active livestream found for this meeting');
      }
      case 'livestream-stop': {
        const l = livestreamOf(liveMatch!.meetingId);
        if (!l || !running(l, t)) return error(404, 'No active livestream found for this meeting');
        l.ended = { at: t, by: 'api' };
        l.updatedAt = t;
        return json({ success: true, data: { message: 'Livestream stopped' } });
      }
      case 'list': {
        const q = url.searchParams;
        const page = Math.max(1, Number(q.get('page_no') ?? 1) || 1);
        const perPage = Math.max(1, Number(q.get('per_page') ?? 25) || 25);
        // Cloudflare takes the array as repeated `status=A&status=B` (a comma-joined value matches nothing).
        const statuses = q.has('status') ? q.getAll('status') : undefined;
        const search = q.get('search')?.toLowerCase();
        let rows = recordings.filter((r) => {
          if (q.get('meeting_id') && r.meetingId !== q.get('meeting_id')) return false;
          if (statuses && !statuses.includes(status(r, t))) return false;
          if (search && !r.meetingId.includes(search) && !r.meetingTitle.toLowerCase().includes(search)) return false;
          return true;
        });
        if (q.get('sort_order') === 'ASC') rows = [...rows].reverse();
        const start = (page - 1) * perPage;
        const slice = rows.slice(start, start + perPage);
        return json({
          success: true,
          data: slice.map((r) => toJson(r, t, false, false)),
          paging: { total_count: rows.length, start_offset: slice.length ? start + 1 : 0, end_offset: start + slice.length },
        });
      }
      case 'details': {
        const r = recordings.find((x) => x.id === decodeURIComponent(rest.slice(1)));
        return r ? json({ success: true, data: toJson(r, t, true, true) }) : error(404, 'Recording not found');
      }
      case 'active': {
        const r = activeOf(decodeURIComponent(rest.slice('/active-recording/'.length)), t);
        return r ? json({ success: true, data: toJson(r, t, false, false) }) : error(404, 'No active recording found for this meeting');
      }
      case 'start':
      case 'track': {
        const meetingId = body.meeting_id;
        if (typeof meetingId !== 'string' || !meetingId) return error(400, 'meeting_id is required');
        if (endpoint === 'start' && body.allow_multiple_recordings !== true && activeOf(meetingId, t)) {
          return error(409, 'A recording is already running for this meeting');
        }
        const r = create(meetingId, endpoint === 'track', body);
        const data = toJson(r, t, false, true);
        if (takeOmitData()) return json({ success: true });
        return json({ success: true, data: endpoint === 'track' ? { recording: data } : data });
      }
      case 'control': {
        const r = recordings.find((x) => x.id === decodeURIComponent(rest.slice(1)));
        if (!r) return error(404, 'Recording not found');
        const s = status(r, t);
        const action = body.action;
        if (action === 'stop') {
          if (s !== 'RECORDING' && s !== 'PAUSED' && s !== 'INVOKED') return error(400, `Recording is ${s.toLowerCase()} and cannot be stopped`);
          if (r.pausedAt !== undefined) r.pausedMs += t - r.pausedAt;
          r.pausedAt = undefined;
          if (r.startedAt === undefined || r.startedAt > t) r.startedAt = t;
          r.stoppedAt = t;
          r.stopReason = 'API_CALL';
          r.stopCaller = { name: 'Ada Lovelace', type: 'USER', user_Id: '5a1c0e55-0000-4000-8000-00000000ada1' };
        } else if (action === 'pause') {
          if (s !== 'RECORDING') return error(400, `Recording is ${s.toLowerCase()} and cannot be paused`);
          r.pausedAt = t;
        } else if (action === 'resume') {
          if (s !== 'PAUSED') return error(400, `Recording is ${s.toLowerCase()} and cannot be resumed`);
          r.pausedMs += t - (r.pausedAt ?? t);
          r.pausedAt = undefined;
        } else {
          return error(400, 'action must be one of stop, pause, resume');
        }
        if (takeOmitData()) return json({ success: true });
        return json({ success: true, data: toJson(r, t, false, true) });
      }
    }
  }

  function takeOmitData(): boolean {
    if (omitData <= 0) return false;
    omitData -= 1;
    return true;
  }

  return {
    handle,
    fetch: ((input: RequestInfo | URL, init?: RequestInit) =>
      handle(new Request(typeof input === 'string' && input.startsWith('/') ? `http://simulator.local${input}` : input, init))) as typeof fetch,
    requests,
    seed(seedOptions) {
      const t = now();
      const every = seedOptions.everyMs ?? 3_600_000;
      const ids: string[] = [];
      const meetingId = seedOptions.meetingId ?? 'b7a6c5d4-0000-4000-8000-000000000001';
      const created: Stored[] = [];
      for (let i = 0; i < seedOptions.count; i += 1) {
        counter += 1;
        const invokedAt = t - (i + 1) * every;
        const failed = seedOptions.failEvery ? (i + 1) % seedOptions.failEvery === 0 : false;
        const r: Stored = {
          id: uuid(counter),
          meetingId,
          meetingTitle: seedOptions.meetingTitle ?? 'Weekly sync',
          invokedAt,
          fileName: `weekly-sync-${String(seedOptions.count - i).padStart(4, '0')}.mp4`,
          track: false,
          audio: seedOptions.audio ?? true,
          bucket: true,
          startCaller: i % 3 === 0 ? { name: 'RealtimeKit app', type: 'ORGANIZATION' } : { name: i % 2 ? 'Grace Hopper' : 'Ada Lovelace', type: 'USER', user_Id: uuid(500_000 + i) },
          startReason: i % 3 === 0 ? 'RECORD_ON_START' : 'API_CALL',
          errored: failed,
          pausedMs: 0,
          linkVersion: 0,
        };
        if (!failed) {
          r.startedAt = invokedAt + 2_000;
          r.stoppedAt = invokedAt + 2_000 + 60_000 * (5 + ((i * 7) % 50));
          r.stopReason = i % 2 ? 'ALL_PEERS_LEFT' : 'API_CALL';
          r.stopCaller = i % 2 ? undefined : { name: 'Ada Lovelace', type: 'USER', user_Id: '5a1c0e55-0000-4000-8000-00000000ada1' };
          r.linkExpiresAt = seedOptions.expired ? t - 1_000 : t + linkTtlMs;
        }
        created.push(r);
        ids.push(r.id);
      }
      recordings = [...recordings, ...created].sort((a, b) => b.invokedAt - a.invokedAt);
      return ids;
    },
    failNext(fault, failOptions) {
      faults.push({ fault, endpoint: failOptions?.endpoint, times: failOptions?.times ?? 1 });
    },
    omitDataNext(times = 1) {
      omitData += Math.max(0, Math.floor(times));
    },
    failAlways(fault, failOptions) {
      faults.push({ fault, endpoint: failOptions?.endpoint, times: Number.POSITIVE_INFINITY });
    },
    clearFaults() {
      faults = [];
    },
    errorNextRecording() {
      errorNext = true;
    },
    expireLinks() {
      const t = now();
      for (const r of recordings) if (r.linkExpiresAt !== undefined) r.linkExpiresAt = t - 1;
    },
    endMeeting(meetingId) {
      const t = now();
      const r = activeOf(meetingId, t);
      if (!r) return;
      if (r.pausedAt !== undefined) r.pausedMs += t - r.pausedAt;
      r.pausedAt = undefined;
      r.stoppedAt = t;
      r.stopReason = 'ALL_PEERS_LEFT';
    },
    delayNextLivestream(ms) {
      nextLivestreamDelay = Math.max(0, ms);
    },
    endLivestream(meetingId) {
      const t = now();
      const l = livestreamOf(meetingId);
      if (!l || !running(l, t)) return;
      l.ended = { at: t, by: 'provider' };
      l.updatedAt = t;
    },
    errorLivestream(meetingId) {
      const t = now();
      const l = livestreamOf(meetingId);
      if (!l || !running(l, t)) return;
      l.erroredAt = t;
      l.updatedAt = t;
    },
    playback(idOrUrl) {
      const l = livestreams.find((x) => x.id === idOrUrl || idOrUrl.startsWith(`${playbackOrigin}/${x.id}/`));
      if (!l) return undefined;
      const status = livestreamStatus(l, now());
      const state: RealtimeKitPlaybackState = status === 'INVOKED' ? 'not-ready' : status === 'LIVE' ? 'live' : status === 'IDLE' ? 'ended' : 'gone';
      return { state, liveSince: status === 'INVOKED' ? undefined : l.liveAt };
    },
    reset() {
      livestreams = [];
      nextLivestreamDelay = undefined;
      recordings = [];
      faults = [];
      omitData = 0;
      errorNext = false;
      requests.length = 0;
    },
  };
}
