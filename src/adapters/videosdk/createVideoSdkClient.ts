import { VideoSdkError, videoSdkStatusMessage } from './errors.js';

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
 */
export const VIDEOSDK_API_BASE_URL = 'https://api.videosdk.live';

/** Output format of a participant recording (VideoSDK documents `webm`; newer servers also take `mp4`, `m3u8`). */
export type VideoSdkFileFormat = 'webm' | 'mp4' | 'm3u8' | (string & {});

/** Options of {@link createVideoSdkClient}. */
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
  /** Give up after this many milliseconds. Default 15 000. */
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

/** What starting a participant recording takes (VideoSDK body fields). */
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
  /** Directory in the app's own bucket, when it configured one in VideoSDK. */
  readonly bucketDirPath?: string | undefined;
}

/** What stopping a participant recording takes. */
export interface StopParticipantRecordingInput {
  readonly roomId: string;
  readonly participantId: string;
}

/** Per-call options. */
export interface VideoSdkCallOptions {
  readonly signal?: AbortSignal | undefined;
}

/** The answer VideoSDK gave (it documents a short sentence such as "participant recording started successfully"). */
export interface VideoSdkCommandResult {
  readonly message: string | undefined;
  /** The parsed body as sent. */
  readonly body: unknown;
}

/** The REST client {@link createVideoSdkClient} returns. */
export interface VideoSdkClient {
  readonly baseUrl: string;
  /** `POST /v2/recordings/participant/start`. Resolves when VideoSDK accepted; progress arrives as webhooks. */
  startParticipantRecording(input: StartParticipantRecordingInput, options?: VideoSdkCallOptions): Promise<VideoSdkCommandResult>;
  /** `POST /v2/recordings/participant/stop`. The files arrive with the `participant-recording-stopped` webhook. */
  stopParticipantRecording(input: StopParticipantRecordingInput, options?: VideoSdkCallOptions): Promise<VideoSdkCommandResult>;
}

function readableMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() || undefined;
  if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>;
    for (const key of ['message', 'error', 'msg']) {
      const value = record[key];
      if (typeof value === 'string' && value.trim()) return value.trim();
      if (typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string') {
        return (value as { message: string }).message;
      }
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
 */
export function createVideoSdkClient(options: VideoSdkClientOptions): VideoSdkClient {
  const baseUrl = (options.baseUrl ?? VIDEOSDK_API_BASE_URL).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const secretParam = options.webhookSecretParam ?? 'token';
  const inBrowser = typeof document !== 'undefined';
  /** A secret-bearing webhookUrl may leave only a server, and only towards VideoSDK or a server route. */
  const refusesWebhookSecret = inBrowser || (isVideoSdkApi(baseUrl) && options.serverSide !== true);

  async function post(path: string, body: Record<string, unknown>, call: VideoSdkCallOptions = {}): Promise<VideoSdkCommandResult> {
    const request = `POST ${path}`;
    const doFetch = options.fetch ?? globalThis.fetch;
    const controller = new AbortController();
    const outer = call.signal;
    let timedOut = false;
    const onAbort = (): void => controller.abort(outer?.reason);
    if (outer?.aborted) throw new VideoSdkError('The request was cancelled.', { kind: 'aborted', request });
    outer?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      let token: string;
      try {
        token = await options.getToken(controller.signal);
      } catch (cause) {
        if (controller.signal.aborted) throw cause;
        throw new VideoSdkError('Could not get a VideoSDK token from the app.', { kind: 'network', request, cause });
      }
      if (controller.signal.aborted) {
        throw new VideoSdkError(timedOut ? 'VideoSDK did not answer in time.' : 'The request was cancelled.', { kind: timedOut ? 'timeout' : 'aborted', request });
      }
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}${path}`, {
          method: 'POST',
          headers: { Authorization: token, 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(body),
          signal: controller.signal,
        });
      } catch (cause) {
        if (timedOut) throw new VideoSdkError('VideoSDK did not answer in time.', { kind: 'timeout', request, cause });
        if (controller.signal.aborted) throw new VideoSdkError('The request was cancelled.', { kind: 'aborted', request, cause });
        throw new VideoSdkError('Could not reach VideoSDK. Check the connection.', { kind: 'network', request, cause });
      }
      const text = await response.text().catch(() => '');
      let parsed: unknown = text;
      if (text) {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = text;
        }
      }
      if (!response.ok) {
        const message = readableMessage(parsed);
        throw new VideoSdkError(message && message.length <= 300 ? message : videoSdkStatusMessage(response.status), {
          kind: 'http',
          status: response.status,
          code: codeOf(parsed),
          request,
        });
      }
      return { message: readableMessage(parsed), body: parsed };
    } catch (error) {
      if (error instanceof VideoSdkError) throw error;
      if (timedOut) throw new VideoSdkError('VideoSDK did not answer in time.', { kind: 'timeout', request, cause: error });
      if (controller.signal.aborted) throw new VideoSdkError('The request was cancelled.', { kind: 'aborted', request, cause: error });
      throw new VideoSdkError('The VideoSDK request failed.', { kind: 'network', request, cause: error });
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    }
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
      return post('/v2/recordings/participant/start', body, call);
    },
    async stopParticipantRecording(input, call) {
      required('roomId', input.roomId);
      required('participantId', input.participantId);
      return post('/v2/recordings/participant/stop', { roomId: input.roomId, participantId: input.participantId }, call);
    },
  };
}
