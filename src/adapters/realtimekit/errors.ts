import { statusLine } from '../http.js';
import { RecordingsError, type RecordingsErrorKind } from '../../core/recordings.js';

/**
 * A failed RealtimeKit request. `status` is the HTTP status (0 when no answer came), `code` the
 * provider's error code when its body had one, `kind` what went wrong; `message` is readable.
 *
 * @example
 * ```ts
 * import { createRealtimeKitClient, isRealtimeKitError } from 'onair-react/realtimekit';
 *
 * const client = createRealtimeKitClient({ baseUrl: '/api/realtimekit' });
 * try {
 *   await client.getRecording(id);
 * } catch (error) {
 *   if (isRealtimeKitError(error) && error.status === 404) console.info('gone:', error.request);
 * }
 * ```
 *
 * @public
 */
export class RealtimeKitError extends RecordingsError {
  /** The request that failed, e.g. `GET /recordings/1f…`. */
  readonly request: string;
  constructor(
    message: string,
    init: { kind: RecordingsErrorKind; status?: number; code?: string | number | undefined; request: string; cause?: unknown },
  ) {
    super(message, { ...init, provider: 'realtimekit' });
    this.name = 'RealtimeKitError';
    this.request = init.request;
  }
}

/**
 * `true` when `error` is a {@link RealtimeKitError} (a type guard).
 *
 * @example
 * ```ts
 * import { createRealtimeKitClient, isRealtimeKitError } from 'onair-react/realtimekit';
 *
 * const client = createRealtimeKitClient({ baseUrl: '/api/realtimekit' });
 * const active = await client.getActiveRecording(meetingId).catch((error: unknown) => {
 *   if (isRealtimeKitError(error) && error.kind === 'timeout') return null; // show "unknown" instead
 *   throw error;
 * });
 * ```
 *
 * @public
 */
export function isRealtimeKitError(error: unknown): error is RealtimeKitError {
  return error instanceof RealtimeKitError;
}

/** The sentence shown for an HTTP status when the body said nothing readable (`live`: a livestream request). */
export function statusMessage(status: number, statusText = '', live = false): string {
  const service = live ? 'live-stream service' : 'recordings service';
  if (status === 401) return `The ${service} did not accept the credentials (${statusLine(401, statusText)}). Check the backend route that adds them.`;
  if (status === 403) return `You are not allowed to do this with ${live ? 'the live stream' : 'recordings'} (${statusLine(403, statusText)}).`;
  if (status === 404) return live ? `The meeting has no live stream (${statusLine(404, statusText)}).` : `The recording was not found (${statusLine(404, statusText)}).`;
  if (status === 409) return `The ${live ? 'live stream' : 'recording'} is not in a state that allows this (${statusLine(409, statusText)}).`;
  if (status === 429) return `Too many requests to the ${service} (${statusLine(429, statusText)}). Try again shortly.`;
  if (status >= 500) return `The ${service} failed (${statusLine(status, statusText)}). Try again.`;
  return `The ${service} answered ${statusLine(status, statusText)}.`;
}
