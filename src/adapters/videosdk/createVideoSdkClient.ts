import * as v from 'valibot';
import { safeHttpUrl } from '../../core/url.js';
import { exchange, plainMessage, statusLine, type HttpFailure } from '../http.js';
import { VideoSdkError, videoSdkStatusMessage } from './errors.js';
import {
  VideoSdkRecordingAnswerSchema,
  VideoSdkRecordingListSchema,
  type VideoSdkParticipantRecording,
  type VideoSdkRecordingsPage,
  type VideoSdkRecordingsQuery,
} from './recordings.js';

/**
 * The default VideoSDK REST base URL.
 *
 * @example
 * ```ts
 * // In the app's backend route that forwards the browser's calls to VideoSDK.
 * import { VIDEOSDK_API_BASE_URL } from 'onair-react/videosdk';
 *
 * const upstream = new URL('/v2/recordings/participant/start', VIDEOSDK_API_BASE_URL);
 * upstream.href; // "https://api.videosdk.live/v2/recordings/participant/start"
 * ```
 *
 * @public
 */
export const VIDEOSDK_API_BASE_URL = 'https://api.videosdk.live';

/**
 * Output format of a participant recording (VideoSDK documents `webm`; newer servers also take `mp4`, `m3u8`).
 *
 * @public
 */
export type VideoSdkFileFormat = 'webm' | 'mp4' | 'm3u8' | (string & {});

/**
 * Options of {@link createVideoSdkClient}.
 *
 * @public
 */
export interface VideoSdkClientOptions {
  /**
   * Where requests go. Default `https://api.videosdk.live`. Point it at the app's own backend route
   * (e.g. `/api/videosdk`) when that route forwards to VideoSDK — the paths are appended as-is.
   */
  readonly baseUrl?: string | undefined;
  /**
   * Returns the app's short-lived VideoSDK token (a JWT its own backend signs, scoped with
   * `roomId`/`permissions`). It is sent as the `Authorization` header without prefix, as VideoSDK
   * wants. Never put the VideoSDK API secret in the browser.
   */
  readonly getToken: (signal?: AbortSignal) => string | Promise<string>;
  /** `fetch` to use (tests, the simulator, a proxy). Default `globalThis.fetch`. */
  readonly fetch?: typeof fetch | undefined;
  /** Give up after this many milliseconds — the whole call: `getToken`, the answer's headers and its body. Default 15 000. */
  readonly timeoutMs?: number | undefined;
  /**
   * The query parameter that carries the relay's webhook secret (`createWebhookRelay`'s
   * `secretParam`). Default `token`. A start whose `webhookUrl` has this parameter is refused when
   * it would go from a browser, or straight to VideoSDK (see {@link VideoSdkClientOptions.serverSide}):
   * anyone in the meeting could read the secret there and forge webhooks.
   */
  readonly webhookSecretParam?: string | undefined;
  /**
   * Set only in the app's backend (no `document`): this client sends the relay's `webhookUrl`, secret
   * included, straight to VideoSDK. Ignored in a browser. Default `false`.
   */
  readonly serverSide?: boolean | undefined;
}

/**
 * What starting a participant recording takes (VideoSDK body fields).
 *
 * @public
 */
export interface StartParticipantRecordingInput {
  readonly roomId: string;
  readonly participantId: string;
  /** Default `webm` (VideoSDK's default). */
  readonly fileFormat?: VideoSdkFileFormat | undefined;
  /**
   * Where VideoSDK posts `participant-recording-*` webhooks — the app's relay endpoint, secret
   * included. Set it in the app's backend only: a browser's client leaves it out and the backend
   * route adds it (the client refuses a URL carrying the secret from a browser).
   */
  readonly webhookUrl?: string | undefined;
  /**
   * Directory in the app's own bucket, when it configured one in VideoSDK. `createVideoSdkRoute`
   * drops it from a browser's start unless the app's `startOptions` sets it (the server chooses
   * where files go).
   */
  readonly bucketDirPath?: string | undefined;
  /** Free-form data VideoSDK keeps with the recording (`metadata` of its start API); a JSON object. */
  readonly metadata?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * What stopping a participant recording takes.
 *
 * @public
 */
export interface StopParticipantRecordingInput {
  readonly roomId: string;
  readonly participantId: string;
}

/**
 * Per-call options.
 *
 * @public
 */
export interface VideoSdkCallOptions {
  readonly signal?: AbortSignal | undefined;
}

/**
 * The answer VideoSDK gave (it documents a short sentence such as "participant recording started successfully").
 *
 * @public
 */
export interface VideoSdkCommandResult {
  readonly message: string | undefined;
  /** The parsed body as sent. */
  readonly body: unknown;
}

/**
 * The REST client {@link createVideoSdkClient} returns.
 *
 * @public
 */
export interface VideoSdkClient {
  readonly baseUrl: string;
  /** `POST /v2/recordings/participant/start`. Resolves when VideoSDK accepted; progress arrives as webhooks. */
  startParticipantRecording(input: StartParticipantRecordingInput, options?: VideoSdkCallOptions): Promise<VideoSdkCommandResult>;
  /** `POST /v2/recordings/participant/stop`. The files arrive with the `participant-recording-stopped` webhook. */
  stopParticipantRecording(input: StopParticipantRecordingInput, options?: VideoSdkCallOptions): Promise<VideoSdkCommandResult>;
  /**
   * `GET /v2/recordings/participant?roomId&sessionId&participantId&page&perPage`: stored participant
   * recordings, one page (VideoSDK's `pageInfo` + `data`).
   */
  listParticipantRecordings(query?: VideoSdkRecordingsQuery, options?: VideoSdkCallOptions): Promise<VideoSdkRecordingsPage>;
  /** `GET /v2/recordings/participant/:id`: one stored participant recording. */
  getParticipantRecording(id: string, options?: VideoSdkCallOptions): Promise<VideoSdkParticipantRecording>;
  /**
   * `POST /v2/livestreams/start` (RTMP out) with `{ roomId, destinations }`: the ids of destinations
   * your `createVideoSdkRoute` holds (with their keys). No URL or key passes through the browser.
   */
  startLiveStream(input: { readonly roomId: string; readonly destinations: readonly string[] }, options?: VideoSdkCallOptions): Promise<VideoSdkCommandResult>;
  /**
   * `GET /v2/livestreams/destinations`: the RTMP destinations your `createVideoSdkRoute` holds, as
   * `{ id, name }` (the route answers it itself; VideoSDK has no such path, so call it through your
   * route). Only string ids, each once, and only `id` and `name` are kept — a URL or key in the
   * answer is never passed on. Rejects with a {@link VideoSdkError} (`http` 403 when `authorize`
   * refused the caller; `invalid-response` when the answer has no `data` list).
   *
   * @example
   * ```tsx
   * const client = createVideoSdkClient({ baseUrl: '/api/videosdk', getToken: () => '' });
   * const destinations = await client.listLiveStreamDestinations(); // [{ id: 'youtube', name: 'YouTube' }, …]
   * // then: <LiveStreamDestinations instanceId={VIDEOSDK_RTMP_INSTANCE} destinations={destinations} />
   * ```
   */
  listLiveStreamDestinations(options?: VideoSdkCallOptions): Promise<readonly VideoSdkLiveStreamDestination[]>;
  /** `POST /v2/livestreams/end`. */
  stopLiveStream(input: { readonly roomId: string }, options?: VideoSdkCallOptions): Promise<VideoSdkCommandResult>;
  /** `POST /v2/hls/start`. The playback URL comes with the answer and from {@link VideoSdkClient.getActiveHls}. */
  startHls(input: { readonly roomId: string }, options?: VideoSdkCallOptions): Promise<VideoSdkCommandResult>;
  /** `POST /v2/hls/end`. */
  stopHls(input: { readonly roomId: string }, options?: VideoSdkCallOptions): Promise<VideoSdkCommandResult>;
  /**
   * `GET /v2/hls/{roomId}/active`: the room's running HLS — `playbackHlsUrl` (with playback) and
   * `livestreamUrl` (live edge only) where VideoSDK gives them, checked to be `http(s)`.
   */
  getActiveHls(roomId: string, options?: VideoSdkCallOptions): Promise<VideoSdkActiveHls>;
}

/**
 * An RTMP(S) destination your server holds (`createVideoSdkRoute({ destinations })`), as the browser
 * sees it: an id to name in {@link VideoSdkClient.startLiveStream} and a name to show — never its
 * URL or stream key. Fits `<LiveStreamDestinations destinations={…} />` as it is.
 *
 * @example
 * ```ts
 * const destinations: readonly VideoSdkLiveStreamDestination[] = await client.listLiveStreamDestinations();
 * // [{ id: 'youtube', name: 'YouTube' }, { id: 'twitch', name: 'Twitch' }]
 * ```
 *
 * @public
 */
export interface VideoSdkLiveStreamDestination {
  /** The id your route's `destinations` give it: name it in `startLiveStream` (any string; kept as data). */
  readonly id: string;
  /** What the person sees ("YouTube"); the id when the route gave no name. */
  readonly name: string;
}

/**
 * The running HLS of a room ({@link VideoSdkClient.getActiveHls}); URLs only when they are `http(s)`.
 *
 * @public
 */
export interface VideoSdkActiveHls {
  readonly id: string | undefined;
  readonly playbackHlsUrl: string | undefined;
  readonly livestreamUrl: string | undefined;
  /** The older name of `playbackHlsUrl` (deprecated by VideoSDK; its active-HLS example carries only this one). */
  readonly downstreamUrl?: string | undefined;
  /** The parsed body as sent. */
  readonly body: unknown;
}

function readableMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return plainMessage(body);
  if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>;
    for (const key of ['message', 'error', 'msg']) {
      const value = record[key];
      const own = plainMessage(value) ?? (typeof value === 'object' && value !== null ? plainMessage((value as { message?: unknown }).message) : undefined);
      if (own) return own;
    }
  }
  return undefined;
}

function codeOf(body: unknown): string | number | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const code = (body as Record<string, unknown>).code ?? (body as Record<string, unknown>).statusCode;
  return typeof code === 'string' || typeof code === 'number' ? code : undefined;
}

/** Whether `url` points at VideoSDK's public REST API (`*.videosdk.live`). */
function isVideoSdkApi(url: string): boolean {
  try {
    const { hostname } = new URL(url, 'http://relative.invalid');
    return hostname === 'videosdk.live' || hostname.endsWith('.videosdk.live');
  } catch {
    return false;
  }
}

function hasQueryParam(url: string, name: string): boolean {
  try {
    return new URL(url, 'http://relative.invalid').searchParams.has(name);
  } catch {
    // Not parseable: look for the parameter textually rather than let a secret through.
    return url.includes(`${name}=`);
  }
}

/**
 * A small VideoSDK REST client for individual participant recording. It takes a token getter
 * and an injectable `fetch`; it never sees the API secret. Failures reject with a
 * {@link VideoSdkError} (`http`, `network`, `timeout`, `aborted`).
 *
 * In the browser, point `baseUrl` at the app's own backend route: that route checks the caller
 * may record in that room, adds the relay's `webhookUrl` (with its secret) and forwards to
 * VideoSDK — with this same client, created there with `serverSide: true`. The webhook secret then
 * never reaches a browser; a `webhookUrl` carrying it (`?token=` by default) is refused from one.
 *
 * @example
 * ```ts
 * // Browser: start/stop go to the app's backend (cookies go along; `getToken` returns what it expects).
 * const client = createVideoSdkClient({ baseUrl: '/api/videosdk', getToken: () => appSessionToken() });
 * await client.startParticipantRecording({ roomId: 'abcd-efgh-ijkl', participantId: 'ada' });
 *
 * // Backend route POST /api/videosdk/v2/recordings/participant/:action (start | stop)
 * const videosdk = createVideoSdkClient({ serverSide: true, getToken: () => signVideoSdkJwt({ permissions: ['allow_join', 'allow_mod'] }) });
 * export async function POST(request: Request, action: 'start' | 'stop'): Promise<Response> {
 *   const user = await sessionOf(request);
 *   const { roomId, participantId, fileFormat } = await request.json();
 *   if (!user || !(await mayRecordIn(user, roomId))) return new Response('Forbidden', { status: 403 });
 *   try {
 *     const result = action === 'start'
 *       ? await videosdk.startParticipantRecording({
 *           roomId, participantId, fileFormat,
 *           webhookUrl: `https://app.example/videosdk/webhook?token=${process.env.VIDEOSDK_WEBHOOK_SECRET}`,
 *         })
 *       : await videosdk.stopParticipantRecording({ roomId, participantId });
 *     return Response.json(result.body);
 *   } catch (error) {
 *     return Response.json({ message: (error as Error).message }, { status: isVideoSdkError(error) && error.status ? error.status : 502 });
 *   }
 * }
 * ```
 *
 * @public
 */
export function createVideoSdkClient(options: VideoSdkClientOptions): VideoSdkClient {
  const baseUrl = (options.baseUrl ?? VIDEOSDK_API_BASE_URL).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const secretParam = options.webhookSecretParam ?? 'token';
  const inBrowser = typeof document !== 'undefined';
  /** A secret-bearing webhookUrl may leave only a server, and only towards VideoSDK or a server route. */
  const refusesWebhookSecret = inBrowser || (isVideoSdkApi(baseUrl) && options.serverSide !== true);

  // Looked up per call: a `fetch` patched later (a test interceptor, a polyfill) is used.
  const doFetch: typeof fetch = (input, init) => (options.fetch ?? globalThis.fetch)(input, init);

  /** One call under one deadline (token, headers and body); the answer's body parsed. */
  async function call(method: 'GET' | 'POST', path: string, body: Record<string, unknown> | undefined, callOptions: VideoSdkCallOptions = {}): Promise<unknown> {
    const request = `${method} ${path.split('?')[0]}`;
    const fail: HttpFailure = (kind, message, init) => new VideoSdkError(message, { kind, request, status: init?.status, cause: init?.cause });
    const answer = await exchange({
      url: `${baseUrl}${path}`,
      method,
      async headers(signal) {
        const token = await options.getToken(signal);
        const headers: Record<string, string> = { Authorization: token, Accept: 'application/json' };
        if (body !== undefined) headers['Content-Type'] = 'application/json';
        return headers;
      },
      headersFailed: (cause) => new VideoSdkError('Could not get a VideoSDK token from the app.', { kind: 'network', request, cause }),
      body: body === undefined ? undefined : JSON.stringify(body),
      fetch: doFetch,
      timeoutMs,
      signal: callOptions.signal,
      service: 'VideoSDK',
      fail,
    });
    const parsed: unknown = answer.readable ? answer.json : answer.html ? undefined : answer.text;
    if (!answer.ok) {
      // A sentence from VideoSDK is shown when it is short plain text; an HTML error page never is.
      throw new VideoSdkError(readableMessage(parsed) ?? videoSdkStatusMessage(answer.status, answer.statusText), {
        kind: 'http',
        status: answer.status,
        code: codeOf(parsed),
        request,
      });
    }
    if (answer.html) {
      throw new VideoSdkError(`VideoSDK sent an HTML page instead of an answer to ${request} (${statusLine(answer.status, answer.statusText)}).`, {
        kind: 'invalid-response',
        status: answer.status,
        request,
      });
    }
    return parsed;
  }

  async function post(path: string, body: Record<string, unknown>, callOptions?: VideoSdkCallOptions): Promise<VideoSdkCommandResult> {
    const parsed = await call('POST', path, body, callOptions);
    return { message: readableMessage(parsed), body: parsed };
  }

  async function get<T>(path: string, schema: v.GenericSchema<unknown, T>, callOptions?: VideoSdkCallOptions): Promise<T> {
    const parsed = await call('GET', path, undefined, callOptions);
    const result = v.safeParse(schema, parsed);
    if (!result.success) {
      const issues = result.issues
        .slice(0, 3)
        .map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`)
        .join('; ');
      throw new VideoSdkError(`VideoSDK sent an unexpected answer to GET ${path.split('?')[0]}: ${issues}`, { kind: 'invalid-response', status: 200, request: `GET ${path.split('?')[0]}` });
    }
    return result.output;
  }

  const required = (name: string, value: unknown): void => {
    if (typeof value !== 'string' || value.length === 0) throw new TypeError(`VideoSDK: ${name} is required.`);
  };

  return {
    baseUrl,
    async startParticipantRecording(input, call) {
      required('roomId', input.roomId);
      required('participantId', input.participantId);
      const body: Record<string, unknown> = {
        roomId: input.roomId,
        participantId: input.participantId,
        fileFormat: input.fileFormat ?? 'webm',
      };
      if (input.webhookUrl !== undefined) {
        if (refusesWebhookSecret && secretParam && hasQueryParam(input.webhookUrl, secretParam)) {
          throw new TypeError(
            `VideoSDK: webhookUrl carries the relay's webhook secret ("${secretParam}" parameter)${inBrowser ? ' in the browser' : ` and would go straight to ${baseUrl}`}. ` +
              'Anyone in the meeting could read it and forge webhooks. Start recordings through your backend (baseUrl) and let it add webhookUrl; ' +
              'a server-side client that calls VideoSDK directly sets serverSide: true.',
          );
        }
        body.webhookUrl = input.webhookUrl;
      }
      if (input.bucketDirPath !== undefined) body.bucketDirPath = input.bucketDirPath;
      if (input.metadata !== undefined) body.metadata = input.metadata;
      return post('/v2/recordings/participant/start', body, call);
    },
    async stopParticipantRecording(input, call) {
      required('roomId', input.roomId);
      required('participantId', input.participantId);
      return post('/v2/recordings/participant/stop', { roomId: input.roomId, participantId: input.participantId }, call);
    },
    async listParticipantRecordings(query = {}, call) {
      const page = Math.max(1, Math.floor(query.page ?? 1));
      const perPage = Math.max(1, Math.floor(query.perPage ?? 20));
      const params = new URLSearchParams();
      if (query.roomId) params.set('roomId', query.roomId);
      if (query.sessionId) params.set('sessionId', query.sessionId);
      if (query.participantId) params.set('participantId', query.participantId);
      params.set('page', String(page));
      params.set('perPage', String(perPage));
      const answer = await get(`/v2/recordings/participant?${params.toString()}`, VideoSdkRecordingListSchema, call);
      const info = answer.pageInfo;
      const total = info?.total ?? answer.data.length;
      const size = info?.perPage && info.perPage > 0 ? info.perPage : perPage;
      return {
        items: answer.data,
        page: info?.currentPage ?? page,
        perPage: size,
        lastPage: info?.lastPage ?? Math.max(1, Math.ceil(total / size)),
        total,
      };
    },
    async getParticipantRecording(id, call) {
      required('id', id);
      return get(`/v2/recordings/participant/${encodeURIComponent(id)}`, VideoSdkRecordingAnswerSchema, call);
    },
    async startLiveStream(input, call) {
      required('roomId', input.roomId);
      if (!Array.isArray(input.destinations) || input.destinations.length === 0) throw new TypeError('VideoSDK: destinations (ids) are required.');
      return post('/v2/livestreams/start', { roomId: input.roomId, destinations: [...input.destinations] }, call);
    },
    async listLiveStreamDestinations(callOptions) {
      const path = '/v2/livestreams/destinations';
      const body = await call('GET', path, undefined, callOptions);
      const data = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).data : undefined;
      if (!Array.isArray(data)) {
        throw new VideoSdkError(`The app's route sent an unexpected answer to GET ${path}: no \`data\` list of destinations.`, {
          kind: 'invalid-response',
          status: 200,
          request: `GET ${path}`,
        });
      }
      const seen = new Set<string>();
      const out: VideoSdkLiveStreamDestination[] = [];
      for (const item of data) {
        if (typeof item !== 'object' || item === null) continue;
        const { id, name } = item as Record<string, unknown>;
        if (typeof id !== 'string' || id === '' || seen.has(id)) continue;
        seen.add(id);
        out.push({ id, name: typeof name === 'string' && name.trim() !== '' ? name : id });
      }
      return out;
    },
    async stopLiveStream(input, call) {
      required('roomId', input.roomId);
      return post('/v2/livestreams/end', { roomId: input.roomId }, call);
    },
    async startHls(input, call) {
      required('roomId', input.roomId);
      return post('/v2/hls/start', { roomId: input.roomId }, call);
    },
    async stopHls(input, call) {
      required('roomId', input.roomId);
      return post('/v2/hls/end', { roomId: input.roomId }, call);
    },
    async getActiveHls(roomId, callOptions) {
      required('roomId', roomId);
      const body = await call('GET', `/v2/hls/${encodeURIComponent(roomId)}/active`, undefined, callOptions);
      // `{ data: HlsStream }` or the HlsStream itself.
      const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      const inner = typeof record.data === 'object' && record.data !== null ? (record.data as Record<string, unknown>) : record;
      const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
      return {
        id: text(inner.id),
        playbackHlsUrl: safeHttpUrl(inner.playbackHlsUrl),
        livestreamUrl: safeHttpUrl(inner.livestreamUrl),
        downstreamUrl: safeHttpUrl(inner.downstreamUrl),
        body,
      };
    },
  };
}
