/**
 * `onair-react/daily`: the Daily call-object adapter.
 *
 * @example
 * ```ts
 * import { createDailyAdapter } from 'onair-react/daily';
 * const adapter = createDailyAdapter(callObject);
 * ```
 *
 * @packageDocumentation
 */
export { createDailyAdapter, localRecordingInstanceId } from './createDailyAdapter.js';
export {
  parseDailyEvent,
  dailyRoleOf,
  dailyRecordedParticipants,
  type DailyParseResult,
  type DailyParsed,
  type DailyParseProblem,
  type DailyParticipantInfo,
} from './parseDailyEvent.js';
export type {
  DailyAdapterOptions,
  DailyCallLike,
  DailyLikeEventName,
  DailyLikeHandler,
  DailyRecordingOptionsLike,
  DailyLiveStreamingOptionsLike,
} from './types.js';
