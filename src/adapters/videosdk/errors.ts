import { statusLine } from '../http.js';
import { RecordingsError, type RecordingsErrorKind } from '../../core/recordings.js';

/**
 * A failed VideoSDK request. `status` is the HTTP status (0 when no answer came), `code` the
 * provider's code when its body had one, `kind` what went wrong; `message` is readable.
 *
 * @example
 * ```ts
 * import { createVideoSdkClient, isVideoSdkError } from 'onair-react/videosdk';
 *
 * const client = createVideoSdkClient({ baseUrl: '/api/videosdk', getToken: () => fetch('/api/videosdk/token').then((r) => r.text()) });
 * try {
 *   await client.startParticipantRecording({ roomId, participantId });
 * } catch (error) {
 *   if (isVideoSdkError(error) && error.status === 401) renewToken();
 * }
 * ```
 *
 * @public
 */
export class VideoSdkError extends RecordingsError {
  /** The request that failed, e.g. `POST /v2/recordings/participant/start`. */
  readonly request: string;
  constructor(
    message: string,
    init: { kind: RecordingsErrorKind; status?: number; code?: string | number | undefined; request: string; cause?: unknown },
  ) {
    super(message, { ...init, provider: 'videosdk' });
    this.name = 'VideoSdkError';
    this.request = init.request;
  }
}

/**
 * `true` when `error` is a {@link VideoSdkError} (a type guard).
 *
 * @example
 * ```ts
 * import { isVideoSdkError } from 'onair-react/videosdk';
 *
 * function describe(error: unknown): string {
 *   if (isVideoSdkError(error)) return `${error.request} failed (${error.status || error.kind}): ${error.message}`;
 *   return String(error);
 * }
 * ```
 *
 * @public
 */
export function isVideoSdkError(error: unknown): error is VideoSdkError {
  return error instanceof VideoSdkError;
}

/** @internal The sentence shown for an HTTP status when the body said nothing readable. */
export function videoSdkStatusMessage(status: number, statusText = ''): string {
  if (status === 401) return `VideoSDK did not accept the token (${statusLine(401, statusText)}). Check the route that issues it.`;
  if (status === 403) return `You are not allowed to record this participant (${statusLine(403, statusText)}).`;
  if (status === 404) return `The room, participant or recording was not found (${statusLine(404, statusText)}).`;
  if (status === 429) return `Too many requests to VideoSDK (${statusLine(429, statusText)}). Try again shortly.`;
  if (status >= 500) return `VideoSDK failed (${statusLine(status, statusText)}). Try again.`;
  return `VideoSDK answered ${statusLine(status, statusText)}.`;
}
