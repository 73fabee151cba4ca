import type { announcementLabels } from './labels.js';
import type { OnAirState } from './model.js';
import { liveStreamStatusOf, recordingStatusOf, selectLiveStreamSession, selectRecordingSession } from './selectors.js';

/**
 * What to announce to assistive technology when the state changes from `previous` to `next`:
 * one short sentence per change of the recording or live-stream status, or nothing. Derived from
 * state (not from events), so duplicate events announce nothing.
 */
export function announcementsFor(previous: OnAirState, next: OnAirState, labels: typeof announcementLabels): string[] {
  const out: string[] = [];
  const recBefore = recordingStatusOf(selectRecordingSession(previous), previous.recordingError);
  const recAfter = recordingStatusOf(selectRecordingSession(next), next.recordingError);
  if (recBefore !== recAfter) {
    const wasOn = recBefore === 'recording' || recBefore === 'paused' || recBefore === 'stopping';
    if (recAfter === 'recording') out.push(recBefore === 'paused' ? labels.announceRecordingResumed : labels.announceRecordingStarted);
    else if (recAfter === 'paused') out.push(labels.announceRecordingPaused);
    else if (recAfter === 'error' && next.recordingError) out.push(labels.announceRecordingFailed(next.recordingError.message));
    else if (recAfter === 'idle' && wasOn) out.push(labels.announceRecordingStopped);
  }
  const liveBefore = liveStreamStatusOf(selectLiveStreamSession(previous), previous.liveStreamError);
  const liveAfter = liveStreamStatusOf(selectLiveStreamSession(next), next.liveStreamError);
  if (liveBefore !== liveAfter) {
    const wasOn = liveBefore === 'live' || liveBefore === 'interrupted' || liveBefore === 'stopping';
    if (liveAfter === 'live') out.push(liveBefore === 'interrupted' ? labels.announceLiveResumed : labels.announceLiveStarted);
    else if (liveAfter === 'interrupted') out.push(labels.announceLiveInterrupted);
    else if (liveAfter === 'error' && next.liveStreamError) out.push(labels.announceLiveFailed(next.liveStreamError.message));
    else if (liveAfter === 'idle' && wasOn) out.push(labels.announceLiveStopped);
  }
  return out;
}
