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
import { RealtimeKitError, statusMessage } from './errors.js';
import { toProviderStatus, toRecordingAsset } from './normalize.js';
import {
  describeIssues,
  ErrorResponseSchema,
  RecordingListResponseSchema,
  RecordingResponseSchema,
  TrackRecordingResponseSchema,
} from './schemas.js';

/** Options of {@link createRealtimeKitClient}. */
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
  /** Milliseconds before a request counts as timed out. Default 15 000. */
  readonly timeoutMs?: number | undefined;
}

/** RealtimeKit's start-recording body options (composite recording), passed through as sent. */
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
  /** Your own bucket. Secrets (`access_key`, `secret`, `password`, `private_key`) are stripped: your backend route adds them. */
  readonly storage_config?: Readonly<Record<string, unknown>>;
  /** Record an arbitrary page instead of the meeting UI. */
  readonly url?: string;
}

/** The RealtimeKit recordings client: a {@link RecordingsSource} with every endpoint of the API. */
export interface RealtimeKitClient extends RecordingsSource {
  readonly provider: 'realtimekit';
  /** `GET /recordings` with filters and paging. */
  listRecordings(query: RecordingsQuery, options?: RecordingsCallOptions): Promise<RecordingsPage>;
  /** `GET /recordings/{recording_id}`. */
  getRecording(id: string, options?: RecordingsCallOptions): Promise<RecordingAsset>;
  /** `GET /recordings/active-recording/{meeting_id}`; `null` when the meeting has no active recording (404). */
  getActiveRecording(meetingId: string, options?: RecordingsCallOptions): Promise<RecordingAsset | null>;
  /** `POST /recordings` (composite). `providerOptions` are {@link RealtimeKitStartRecordingOptions}. */
  startRecording(input: StartRecordingInput, options?: RecordingsCallOptions): Promise<RecordingAsset>;
  /** `PUT /recordings/{recording_id}` with `{ action }`. */
  controlRecording(id: string, action: RecordingControlAction, options?: RecordingsCallOptions): Promise<RecordingAsset>;
  pauseRecording(id: string, options?: RecordingsCallOptions): Promise<RecordingAsset>;
  resumeRecording(id: string, options?: RecordingsCallOptions): Promise<RecordingAsset>;
  stopRecording(id: string, options?: RecordingsCallOptions): Promise<RecordingAsset>;
  /** `POST /recordings/track` (per-participant audio tracks). */
  startTrackRecording(input: StartTrackRecordingInput, options?: RecordingsCallOptions): Promise<RecordingAsset>;
}

const SECRET_KEYS = new Set(['access_key', 'secret', 'password', 'private_key']);

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
 */
export function createRealtimeKitClient(options: RealtimeKitClientOptions): RealtimeKitClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function request<T>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    schema: v.GenericSchema<unknown, T>,
    call: RecordingsCallOptions | undefined,
    body?: unknown,
    allowNotFound = false,
  ): Promise<T | null> {
    const label = `${method} ${path.split('?')[0]}`;
    const outer = call?.signal;
    if (outer?.aborted) throw new RealtimeKitError('The request was cancelled.', { kind: 'aborted', request: label, cause: outer.reason });
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = (): void => controller.abort(outer?.reason);
    outer?.addEventListener('abort', onAbort, { once: true });
    try {
      const extra = typeof options.headers === 'function' ? await options.headers() : options.headers;
      const headers = new Headers(extra);
      headers.set('Accept', 'application/json');
      if (body !== undefined) headers.set('Content-Type', 'application/json');
      let response: Response;
      try {
        response = await (options.fetch ?? globalThis.fetch)(`${base}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: controller.signal,
          credentials: options.credentials ?? 'same-origin',
        });
      } catch (error) {
        throw failure(error, label);
      }
      let json: unknown;
      let readable = true;
      try {
        const raw = await response.text();
        json = raw.length > 0 ? JSON.parse(raw) : undefined;
      } catch (error) {
        if (controller.signal.aborted) throw failure(error, label);
        readable = false;
      }
      const errorBody = readable ? v.safeParse(ErrorResponseSchema, json) : undefined;
      const declaredFailure = errorBody?.success === true && errorBody.output.success === false;
      if (!response.ok || declaredFailure) {
        if (allowNotFound && response.status === 404 && declaredFailure) return null;
        const detail = errorBody?.success ? errorDetail(errorBody.output) : undefined;
        const status = response.status;
        throw new RealtimeKitError(detail?.message ?? statusMessage(status), {
          kind: 'http',
          status,
          code: detail?.code,
          request: label,
        });
      }
      if (!readable) {
        throw new RealtimeKitError('The recordings service sent an answer that could not be read.', {
          kind: 'invalid-response',
          status: response.status,
          request: label,
          cause: new Error(`${label}: the body is not JSON`),
        });
      }
      const parsed = v.safeParse(schema, json);
      if (!parsed.success) {
        // People read the message; developers read `cause` (which fields, what was expected).
        throw new RealtimeKitError('The recordings service sent an answer in an unexpected format.', {
          kind: 'invalid-response',
          status: response.status,
          request: label,
          cause: new Error(`${label}: ${describeIssues(parsed.issues)}`),
        });
      }
      return parsed.output;
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    }

    function failure(error: unknown, at: string): RealtimeKitError {
      if (outer?.aborted) return new RealtimeKitError('The request was cancelled.', { kind: 'aborted', request: at, cause: error });
      if (timedOut) {
        return new RealtimeKitError(`The recordings service did not answer within ${Math.round(timeoutMs / 1000)} s.`, {
          kind: 'timeout',
          request: at,
          cause: error,
        });
      }
      return new RealtimeKitError('The recordings service could not be reached. Check the connection.', {
        kind: 'network',
        request: at,
        cause: error,
      });
    }
  }

  async function one(method: 'GET' | 'PUT' | 'POST', path: string, call: RecordingsCallOptions | undefined, body?: unknown): Promise<RecordingAsset> {
    const result = await request(method, path, RecordingResponseSchema, call, body);
    return toRecordingAsset(result!.data);
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

    getRecording(recordingId, call) {
      return one('GET', `/recordings/${id(recordingId)}`, call);
    },

    async getActiveRecording(meetingId, call) {
      const result = await request('GET', `/recordings/active-recording/${id(meetingId)}`, RecordingResponseSchema, call, undefined, true);
      return result ? toRecordingAsset(result.data) : null;
    },

    startRecording(input, call) {
      const extra: Record<string, unknown> = { ...(input.providerOptions ?? {}) };
      delete extra.meeting_id;
      // Storage secrets never travel from the browser: the backend route adds them if it must.
      const storageConfig = extra.storage_config;
      if (storageConfig && typeof storageConfig === 'object') {
        extra.storage_config = Object.fromEntries(Object.entries(storageConfig).filter(([key]) => !SECRET_KEYS.has(key)));
      }
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
      const result = (await request('POST', '/recordings/track', TrackRecordingResponseSchema, call, body))!;
      return toRecordingAsset(result.data.recording);
    },
  };
  return client;
}

function errorDetail(body: v.InferOutput<typeof ErrorResponseSchema>): { message: string | undefined; code: string | number | undefined } {
  const first = typeof body.error === 'object' && body.error ? body.error : body.errors?.[0];
  const message = first?.message ?? (typeof body.error === 'string' ? body.error : undefined) ?? body.message ?? undefined;
  return { message: message || undefined, code: first?.code ?? undefined };
}
