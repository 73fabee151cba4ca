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

/** The sentence shown for an HTTP status when the body said nothing readable. */
export function statusMessage(status: number, statusText = ''): string {
  if (status === 401) return `The recordings service did not accept the credentials (${statusLine(401, statusText)}). Check the backend route that adds them.`;
  if (status === 403) return `You are not allowed to do this with recordings (${statusLine(403, statusText)}).`;
  if (status === 404) return `The recording was not found (${statusLine(404, statusText)}).`;
  if (status === 409) return `The recording is not in a state that allows this (${statusLine(409, statusText)}).`;
  if (status === 429) return `Too many requests to the recordings service (${statusLine(429, statusText)}). Try again shortly.`;
  if (status >= 500) return `The recordings service failed (${statusLine(status, statusText)}). Try again.`;
  return `The recordings service answered ${statusLine(status, statusText)}.`;
}
