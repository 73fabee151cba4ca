import * as v from 'valibot';
import { normalizeRecordingsQuery } from '../../core/queryKeys.js';
import type {
  RecordingAsset,
  RecordingControlAction,
  RecordingsCallOptions,
  RecordingsPage,
  RecordingsQuery,
  RecordingsSource,
  StartRecordingInput,
  StartTrackRecordingInput,
} from '../../core/recordings.js';
import { exchange, plainMessage, statusLine, type HttpFailure } from '../http.js';
import { RealtimeKitError, statusMessage } from './errors.js';
import { safeHttpUrl } from '../../core/url.js';
import { toProviderStatus, toRecordingAsset } from './normalize.js';
import {
  describeIssues,
  ErrorResponseSchema,
  LivestreamResponseSchema,
  LivestreamStopResponseSchema,
  type RealtimeKitLivestreamStatus,
  RecordingListResponseSchema,
  RecordingResponseSchema,
  TrackRecordingResponseSchema,
} from './schemas.js';

/**
 * Options of {@link createRealtimeKitClient}.
 *
 * @public
 */
export interface RealtimeKitClientOptions {
  /**
   * The app's own backend route standing for `/accounts/{account_id}/realtime/kit/{app_id}` — it adds
   * the Cloudflare credentials on the server. The client appends `/recordings…` to it. Relative URLs
   * (`/api/realtimekit`) work in the browser.
   */
  readonly baseUrl: string;
  /** A `fetch` to use instead of the global one (tests, SSR, a fetch that adds the app's session). */
  readonly fetch?: typeof fetch | undefined;
  /** Extra headers for the app's own route (a CSRF token, the app's session). Never a Cloudflare token. */
  readonly headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>) | undefined;
  /** `credentials` of each request. Default `same-origin`. */
  readonly credentials?: RequestCredentials | undefined;
  /** Milliseconds before a request counts as timed out — the whole call: the `headers` function, the answer's headers and its body. Default 15 000. */
  readonly timeoutMs?: number | undefined;
}

/**
 * RealtimeKit's start-recording body options (composite recording), passed through as sent.
 *
 * @public
 */
export interface RealtimeKitStartRecordingOptions {
  readonly allow_multiple_recordings?: boolean;
  readonly audio_config?: { readonly channel?: 'mono' | 'stereo'; readonly codec?: 'MP3' | 'AAC'; readonly export_file?: boolean };
  readonly video_config?: {
    readonly codec?: 'H264' | 'VP8' | 'VP9';
    readonly width?: number;
    readonly height?: number;
    readonly export_file?: boolean;
    readonly watermark?: {
      readonly url?: string;
      readonly position?: 'left top' | 'right top' | 'left bottom' | 'right bottom';
      readonly size?: { readonly width?: number; readonly height?: number };
    };
  };
  readonly file_name_prefix?: string;
  readonly interactive_config?: { readonly type?: 'ID3' };
  /** 60 … 86 400. */
  readonly max_seconds?: number;
  readonly realtimekit_bucket_config?: { readonly enabled: boolean };
  readonly rtmp_out_config?: { readonly rtmp_url?: string };
  /** Your own bucket. Credentials (`access_key`, `password`, `private_key`, any key containing `secret` in any case) are stripped: your backend route adds them. */
  readonly storage_config?: Readonly<Record<string, unknown>>;
  /** Record an arbitrary page instead of the meeting UI. */
  readonly url?: string;
}

/**
 * A meeting's livestream as the kit reads it from RealtimeKit's start answer or active read. The
 * ingest credentials (`stream_key`, `ingest_server`) are never part of it.
 *
 * @public
 */
export interface RealtimeKitLivestream {
  /** The livestream id, when the answer names it. */
  readonly id: string | undefined;
  /** `INVOKED` (starting), `LIVE`, `ERRORED`, `IDLE`; `undefined` when the answer carried no status the kit knows. */
  readonly status: RealtimeKitLivestreamStatus | undefined;
  /** Where viewers watch (HLS), only when it is an `http:`/`https:` URL. It may not play yet while `INVOKED`. */
  readonly playbackUrl: string | undefined;
  /** The meeting streamed (the active read names it). */
  readonly meetingId: string | undefined;
  /** The livestream's name, when it was started with one. */
  readonly name: string | undefined;
  /** The reason of a failed stream, when the answer gives one (`err_message`). */
  readonly errorMessage: string | undefined;
}

/**
 * Options of {@link RealtimeKitClient.startLivestream}: the body fields of Cloudflare's
 * `LivestreamStartLivestreamingAMeetingParams` (what `createRealtimeKitRoute` forwards).
 *
 * @public
 */
export interface RealtimeKitStartLivestreamOptions {
  /** A name for the livestream. */
  readonly name?: string | undefined;
  /** The streamed video's size in pixels. */
  readonly video_config?: { readonly width?: number | undefined; readonly height?: number | undefined } | undefined;
}

/**
 * The RealtimeKit recordings client: a {@link RecordingsSource} with every endpoint of the API.
 *
 * @public
 */
export interface RealtimeKitClient extends RecordingsSource {
  readonly provider: 'realtimekit';
  /** `GET /recordings` with filters and paging. */
  listRecordings(query: RecordingsQuery, options?: RecordingsCallOptions): Promise<RecordingsPage>;
  /** `GET /recordings/{recording_id}`. */
  getRecording(id: string, options?: RecordingsCallOptions): Promise<RecordingAsset>;
  /** `GET /recordings/active-recording/{meeting_id}`; `null` when the meeting has no active recording (404). */
  getActiveRecording(meetingId: string, options?: RecordingsCallOptions): Promise<RecordingAsset | null>;
  /**
   * `POST /recordings` (composite). `providerOptions` are {@link RealtimeKitStartRecordingOptions}.
   * `null` when the service accepted without sending the recording (`data` is optional in its answer).
   */
  startRecording(input: StartRecordingInput, options?: RecordingsCallOptions): Promise<RecordingAsset | null>;
  /** `PUT /recordings/{recording_id}` with `{ action }`; `null` when the answer carried no `data`. */
  controlRecording(id: string, action: RecordingControlAction, options?: RecordingsCallOptions): Promise<RecordingAsset | null>;
  pauseRecording(id: string, options?: RecordingsCallOptions): Promise<RecordingAsset | null>;
  resumeRecording(id: string, options?: RecordingsCallOptions): Promise<RecordingAsset | null>;
  stopRecording(id: string, options?: RecordingsCallOptions): Promise<RecordingAsset | null>;
  /** `POST /recordings/track` (per-participant audio tracks); `null` when the answer carried no `data`. */
  startTrackRecording(input: StartTrackRecordingInput, options?: RecordingsCallOptions): Promise<RecordingAsset | null>;
  /**
   * `POST /meetings/{meeting_id}/livestreams`: starts the meeting's livestream (RealtimeKit streams
   * it to its own playback URL; there is no destination to give). Usually answers `INVOKED`. `null`
   * when the answer carried no `data`.
   */
  startLivestream(meetingId: string, livestream?: RealtimeKitStartLivestreamOptions, options?: RecordingsCallOptions): Promise<RealtimeKitLivestream | null>;
  /** `GET /meetings/{meeting_id}/active-livestream`; `null` when the meeting has none (404, or no `data`). */
  getActiveLivestream(meetingId: string, options?: RecordingsCallOptions): Promise<RealtimeKitLivestream | null>;
  /** `POST /meetings/{meeting_id}/active-livestream/stop`; resolves with RealtimeKit's message, if any. */
  stopLivestream(meetingId: string, options?: RecordingsCallOptions): Promise<{ readonly message: string | undefined }>;
}

/** Storage-config keys that hold credentials: any key containing `secret` (any case), and these. */
const CREDENTIAL_KEYS = new Set(['access_key', 'accesskey', 'password', 'private_key', 'privatekey', 'passphrase', 'credentials', 'token']);

/**
 * A storage config without credentials: every key containing `secret` in any case (`secret`,
 * `secret_key`, `SecretAccessKey` …) and the other credential keys are left out, at any depth.
 */
function withoutSecrets(config: object): Record<string, unknown> {
  // `Object.fromEntries` defines own properties: a `__proto__` key stays a key, never a prototype.
  return Object.fromEntries(
    Object.entries(config)
      .filter(([key]) => !key.toLowerCase().includes('secret') && !CREDENTIAL_KEYS.has(key.toLowerCase()))
      .map(([key, value]) => [key, value && typeof value === 'object' && !Array.isArray(value) ? withoutSecrets(value) : value]),
  );
}

/**
 * Creates the RealtimeKit recordings client. It talks only to your backend route; the Cloudflare
 * token stays on your server, which forwards `…/recordings*` to
 * `https://api.cloudflare.com/client/v4/accounts/{account_id}/realtime/kit/{app_id}` with it.
 *
 * @example
 * ```tsx
 * import { createRealtimeKitClient } from 'onair-react/realtimekit';
 * const recordings = createRealtimeKitClient({ baseUrl: '/api/realtimekit' });
 * <OnAirProvider recordings={recordings}><RecordingList meetingId={meetingId} /></OnAirProvider>
 * ```
 *
 * @public
 */
export function createRealtimeKitClient(options: RealtimeKitClientOptions): RealtimeKitClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;

  // Looked up per call: a `fetch` patched later (a test interceptor, a polyfill) is used.
  const send: typeof fetch = (input, init) => (options.fetch ?? globalThis.fetch)(input, init);

  async function request<T>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    schema: v.GenericSchema<unknown, T>,
    call: RecordingsCallOptions | undefined,
    body?: unknown,
    allowNotFound = false,
    live = false,
  ): Promise<T | null> {
    const label = `${method} ${path.split('?')[0]}`;
    const fail: HttpFailure = (kind, message, init) => new RealtimeKitError(message, { kind, request: label, status: init?.status, cause: init?.cause });
    const answer = await exchange({
      url: `${base}${path}`,
      method,
      async headers() {
        const extra = typeof options.headers === 'function' ? await options.headers() : options.headers;
        const headers = new Headers(extra);
        headers.set('Accept', 'application/json');
        if (body !== undefined) headers.set('Content-Type', 'application/json');
        return headers;
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: options.credentials ?? 'same-origin',
      fetch: send,
      timeoutMs,
      signal: call?.signal,
      service: live ? 'The live-stream service' : 'The recordings service',
      fail,
    });
    const { json, readable, status } = answer;
    const errorBody = readable ? v.safeParse(ErrorResponseSchema, json) : undefined;
    const declaredFailure = errorBody?.success === true && errorBody.output.success === false;
    if (!answer.ok || declaredFailure) {
      if (allowNotFound && status === 404 && declaredFailure) return null;
      const detail = errorBody?.success ? errorDetail(errorBody.output) : undefined;
      throw new RealtimeKitError(detail?.message ?? statusMessage(status, answer.statusText, live), {
        kind: 'http',
        status,
        code: detail?.code,
        request: label,
      });
    }
    if (!readable) {
      // People read the message; developers read `cause` (which request, what came back).
      throw new RealtimeKitError(`The ${live ? 'live-stream' : 'recordings'} service sent an answer that could not be read.`, {
        kind: 'invalid-response',
        status,
        request: label,
        cause: new Error(`${label}: the body is ${answer.html ? 'an HTML page' : 'not JSON'} (${statusLine(status, answer.statusText)})`),
      });
    }
    const parsed = v.safeParse(schema, json);
    if (!parsed.success) {
      throw new RealtimeKitError(`The ${live ? 'live-stream' : 'recordings'} service sent an answer in an unexpected format.`, {
        kind: 'invalid-response',
        status,
        request: label,
        cause: new Error(`${label}: ${describeIssues(parsed.issues)}`),
      });
    }
    return parsed.output;
  }

  /** Start / control answers: `data` is optional in Cloudflare's types — without it the call succeeded and no details came (`null`). */
  async function one(method: 'PUT' | 'POST', path: string, call: RecordingsCallOptions | undefined, body?: unknown): Promise<RecordingAsset | null> {
    const result = await request(method, path, RecordingResponseSchema, call, body);
    return result?.data ? toRecordingAsset(result.data) : null;
  }

  const id = (value: string): string => encodeURIComponent(value);

  const client: RealtimeKitClient = {
    provider: 'realtimekit',
    scope: `realtimekit:${base}`,
    capabilities: { list: true, details: true, active: true, start: true, control: true, startTrack: true },

    async listRecordings(query, call) {
      const q = normalizeRecordingsQuery(query);
      const params = new URLSearchParams();
      params.set('page_no', String(q.page));
      params.set('per_page', String(q.perPage));
      if (q.meetingId) params.set('meeting_id', q.meetingId);
      if (q.search) params.set('search', q.search);
      if (q.sortOrder) {
        params.set('sort_by', 'invokedTime');
        params.set('sort_order', q.sortOrder.toUpperCase());
      }
      // Repeated `status=…&status=…`, as Cloudflare expects an array (its SDK: qs `arrayFormat: 'repeat'`).
      for (const status of q.status ?? []) params.append('status', toProviderStatus(status));
      if (q.expired !== undefined) params.set('expired', String(q.expired));
      if (q.startTime) params.set('start_time', q.startTime);
      if (q.endTime) params.set('end_time', q.endTime);
      const result = (await request('GET', `/recordings?${params.toString()}`, RecordingListResponseSchema, call))!;
      return {
        items: result.data.map(toRecordingAsset),
        page: q.page ?? 1,
        perPage: q.perPage ?? result.data.length,
        total: result.paging.total_count,
      };
    },

    async getRecording(recordingId, call) {
      const path = `/recordings/${id(recordingId)}`;
      const result = await request('GET', path, RecordingResponseSchema, call);
      // `data` is optional in Cloudflare's types: an answer without it says there is no such recording to show.
      if (!result?.data) {
        throw new RealtimeKitError('The recordings service has no details for this recording.', { kind: 'http', status: 404, code: 'no-data', request: `GET ${path}` });
      }
      return toRecordingAsset(result.data);
    },

    async getActiveRecording(meetingId, call) {
      const result = await request('GET', `/recordings/active-recording/${id(meetingId)}`, RecordingResponseSchema, call, undefined, true);
      return result?.data ? toRecordingAsset(result.data) : null;
    },

    startRecording(input, call) {
      const extra: Record<string, unknown> = { ...(input.providerOptions ?? {}) };
      delete extra.meeting_id;
      // Storage secrets never travel from the browser: the backend route adds them if it must.
      const storageConfig = extra.storage_config;
      if (storageConfig && typeof storageConfig === 'object') extra.storage_config = withoutSecrets(storageConfig);
      return one('POST', '/recordings', call, { ...extra, meeting_id: input.meetingId });
    },

    controlRecording(recordingId, action, call) {
      return one('PUT', `/recordings/${id(recordingId)}`, call, { action });
    },
    pauseRecording(recordingId, call) {
      return client.controlRecording(recordingId, 'pause', call);
    },
    resumeRecording(recordingId, call) {
      return client.controlRecording(recordingId, 'resume', call);
    },
    stopRecording(recordingId, call) {
      return client.controlRecording(recordingId, 'stop', call);
    },

    async startTrackRecording(input, call) {
      const body: Record<string, unknown> = { meeting_id: input.meetingId };
      if (input.userIds && input.userIds.length > 0) body.user_ids = [...input.userIds];
      if (input.layers) body.layers = input.layers;
      const result = await request('POST', '/recordings/track', TrackRecordingResponseSchema, call, body);
      return result?.data?.recording ? toRecordingAsset(result.data.recording) : null;
    },

    async startLivestream(meetingId, livestream, call) {
      // Only the fields of Cloudflare's start params (the route forwards no other).
      const body: Record<string, unknown> = {};
      if (typeof livestream?.name === 'string') body.name = livestream.name;
      const video = livestream?.video_config;
      if (video && typeof video === 'object') {
        const size: Record<string, number> = {};
        for (const key of ['width', 'height'] as const) if (typeof video[key] === 'number' && Number.isFinite(video[key])) size[key] = video[key];
        body.video_config = size;
      }
      const result = await request('POST', `/meetings/${id(meetingId)}/livestreams`, LivestreamResponseSchema, call, body, false, true);
      return result?.data ? toLivestream(result.data) : null;
    },

    async getActiveLivestream(meetingId, call) {
      const result = await request('GET', `/meetings/${id(meetingId)}/active-livestream`, LivestreamResponseSchema, call, undefined, true, true);
      return result?.data ? toLivestream(result.data) : null;
    },

    async stopLivestream(meetingId, call) {
      const result = await request('POST', `/meetings/${id(meetingId)}/active-livestream/stop`, LivestreamStopResponseSchema, call, {}, false, true);
      return { message: result?.data?.message ?? undefined };
    },
  };
  return client;
}

/** The kit's view of a livestream answer: no ingest credentials, a playback URL only when it is http(s). */
function toLivestream(data: v.InferOutput<typeof LivestreamResponseSchema>['data'] & object): RealtimeKitLivestream {
  return {
    id: data.id ?? undefined,
    status: data.status,
    playbackUrl: safeHttpUrl(data.playback_url),
    meetingId: data.meeting_id ?? undefined,
    name: data.name ?? undefined,
    errorMessage: plainMessage(data.err_message ?? undefined),
  };
}

function errorDetail(body: v.InferOutput<typeof ErrorResponseSchema>): { message: string | undefined; code: string | number | undefined } {
  const first = typeof body.error === 'object' && body.error ? body.error : body.errors?.[0];
  const message = first?.message ?? (typeof body.error === 'string' ? body.error : undefined) ?? body.message ?? undefined;
  // A provider sentence is shown only as short plain text (never an HTML page's markup).
  return { message: plainMessage(message), code: first?.code ?? undefined };
}
