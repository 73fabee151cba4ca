import type { LiveStreamStatus, RecordingStatus } from './model.js';

/**
 * Status predicates: one home, one meaning each. Every test of a live recording, a participant
 * recording or a live stream status in the kit goes through one of these, so "is it recording?"
 * cannot mean two things in two places. (Participant recordings use the recording words and are
 * never `paused`.)
 *
 * | predicate | true for |
 * |---|---|
 * | {@link isSettled} | `idle`, `error` — nothing runs, nothing is on its way; a start may be sent |
 * | {@link isTransitioning} | `starting`, `stopping` — a command is on its way (controls are busy) |
 * | {@link isUnderway} | everything but `idle` and `error` |
 * | {@link isRecordingRunning} | `recording`, `paused` — the provider confirmed the recording |
 * | {@link isRecordingOn} | `starting`, `recording`, `paused` — on or being switched on (a stop applies; consent matters) |
 * | {@link isLiveStreamRunning} | `live`, `interrupted` — the provider confirmed the stream |
 * | {@link isLiveStreamOn} | `starting`, `live`, `interrupted` — on or being switched on (a stop applies) |
 */
type AnyStatus = RecordingStatus | LiveStreamStatus;

/**
 * `true` for `idle` and `error`: nothing runs and nothing is on its way, so a start may be sent.
 *
 * @example
 * ```ts
 * isSettled('error'); // true
 * isSettled('stopping'); // false
 * ```
 */
export function isSettled(status: AnyStatus): boolean {
  return status === 'idle' || status === 'error';
}

/**
 * `true` for `starting` and `stopping`: a command is on its way and the control shows busy.
 *
 * @example
 * ```ts
 * isTransitioning('starting'); // true
 * isTransitioning('paused'); // false
 * ```
 */
export function isTransitioning(status: AnyStatus): boolean {
  return status === 'starting' || status === 'stopping';
}

/**
 * `true` for every status between a start and the end: `starting`, running (`recording`/`paused`,
 * `live`/`interrupted`) and `stopping` — the opposite of {@link isSettled}.
 *
 * @example
 * ```ts
 * isUnderway('stopping'); // true
 * isUnderway('idle'); // false
 * ```
 */
export function isUnderway(status: AnyStatus): boolean {
  return !isSettled(status);
}

/**
 * `true` for `recording` and `paused`: the provider confirmed a recording and it has not been
 * asked to stop. What `useRecording().isRecording` reports.
 *
 * @example
 * ```ts
 * isRecordingRunning('paused'); // true
 * isRecordingRunning('starting'); // false
 * ```
 */
export function isRecordingRunning(status: RecordingStatus): boolean {
  return status === 'recording' || status === 'paused';
}

/**
 * `true` for `starting`, `recording` and `paused`: the recording is on or being switched on —
 * a stop applies, and everyone's consent matters.
 *
 * @example
 * ```ts
 * isRecordingOn('starting'); // true
 * isRecordingOn('stopping'); // false
 * ```
 */
export function isRecordingOn(status: RecordingStatus): boolean {
  return status === 'starting' || isRecordingRunning(status);
}

/**
 * `true` for `live` and `interrupted`: the provider confirmed the stream and it has not been
 * asked to stop. What `useLiveStream().isLive` reports.
 *
 * @example
 * ```ts
 * isLiveStreamRunning('interrupted'); // true
 * isLiveStreamRunning('starting'); // false
 * ```
 */
export function isLiveStreamRunning(status: LiveStreamStatus): boolean {
  return status === 'live' || status === 'interrupted';
}

/**
 * `true` for `starting`, `live` and `interrupted`: the stream is on or being switched on, so a
 * stop applies.
 *
 * @example
 * ```ts
 * isLiveStreamOn('starting'); // true
 * isLiveStreamOn('stopping'); // false
 * ```
 */
export function isLiveStreamOn(status: LiveStreamStatus): boolean {
  return status === 'starting' || isLiveStreamRunning(status);
}
