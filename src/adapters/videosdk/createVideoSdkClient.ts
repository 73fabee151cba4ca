import { VideoSdkError, videoSdkStatusMessage } from './errors.js';

/** The default VideoSDK REST base URL. */
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
}

/** What starting a participant recording takes (VideoSDK body fields). */
export interface StartParticipantRecordingInput {
  readonly roomId: string;
  readonly participantId: string;
  /** Default `webm` (VideoSDK's default). */
  readonly fileFormat?: VideoSdkFileFormat | undefined;
  /** Where VideoSDK posts `participant-recording-*` webhooks — the app's relay endpoint. */
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

/**
 * A small VideoSDK REST client for individual participant recording. It takes a token getter
 * (the app's backend issues short-lived tokens) and an injectable `fetch`; it never sees the API
 * secret. Failures reject with a {@link VideoSdkError} (`http`, `network`, `timeout`, `aborted`).
 *
 * @example
 * ```ts
 * const client = createVideoSdkClient({ getToken: () => fetch('/api/videosdk-token').then((r) => r.text()) });
 * await client.startParticipantRecording({
 *   roomId: 'abcd-efgh-ijkl',
 *   participantId: 'ada',
 *   webhookUrl: 'https://app.example/videosdk/webhook?token=…',
 * });
 * ```
 */
export function createVideoSdkClient(options: VideoSdkClientOptions): VideoSdkClient {
  const baseUrl = (options.baseUrl ?? VIDEOSDK_API_BASE_URL).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;

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
      if (input.webhookUrl !== undefined) body.webhookUrl = input.webhookUrl;
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
