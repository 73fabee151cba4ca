import type { announcementLabels } from './labels.js';
import type { OnAirState } from './model.js';
import { liveStreamStatusOf, recordingStatusOf, selectLiveStreamSession, selectRecordingSession } from './selectors.js';
import { isLiveStreamRunning, isRecordingRunning } from './status.js';

/** A recording first seen running after this long is one the participant joined into. */
const LATE_JOIN_MS = 5_000;

/**
 * What to announce to assistive technology when the state changes from `previous` to `next`:
 * one short sentence per change of the recording or live-stream status, or nothing. Derived from
 * state (not from events), so duplicate events announce nothing.
 *
 * With `now`, a recording first seen already running for more than 5 s (a late joiner, a reload)
 * is announced as "This meeting is being recorded" rather than "Recording started".
 *
 * Two changes are deliberately silent: a failed stop (`stopping` back to running — the control's
 * own alert says why), and a failure that answers a command from this browser (the control that
 * sent it shows a `role="alert"` note; announcing it here too would read it twice).
 */
export function announcementsFor(previous: OnAirState, next: OnAirState, labels: typeof announcementLabels, now?: number): string[] {
  const out: string[] = [];
  const recSession = selectRecordingSession(previous);
  const recBefore = recordingStatusOf(recSession, previous.recordingError);
  const recAfter = recordingStatusOf(selectRecordingSession(next), next.recordingError);
  const recLocal = recSession?.pending !== undefined || next.recordingError?.command !== undefined;
  if (recBefore !== recAfter && !(recBefore === 'stopping' && isRecordingRunning(recAfter))) {
    const wasOn = isRecordingRunning(recBefore) || recBefore === 'stopping';
    if (recAfter === 'recording') {
      // Someone joining a recording that has run for a while hears one sentence saying so, not
      // "Recording started" (and never the clock: the indicator's time is not a live region).
      const startedAt = selectRecordingSession(next)?.startedAt;
      const joinedLate = recBefore === 'idle' && now !== undefined && startedAt !== undefined && now - startedAt > LATE_JOIN_MS;
      out.push(recBefore === 'paused' ? labels.announceRecordingResumed : joinedLate ? labels.announceRecordingInProgress : labels.announceRecordingStarted);
    }
    else if (recAfter === 'paused') out.push(labels.announceRecordingPaused);
    else if (recAfter === 'error' && next.recordingError && !recLocal) out.push(labels.announceRecordingFailed(next.recordingError.message));
    else if (recAfter === 'idle' && wasOn) out.push(labels.announceRecordingStopped);
  }
  const liveSession = selectLiveStreamSession(previous);
  const liveBefore = liveStreamStatusOf(liveSession, previous.liveStreamError);
  const liveAfter = liveStreamStatusOf(selectLiveStreamSession(next), next.liveStreamError);
  const liveLocal = liveSession?.pending !== undefined || next.liveStreamError?.command !== undefined;
  if (liveBefore !== liveAfter && !(liveBefore === 'stopping' && isLiveStreamRunning(liveAfter))) {
    const wasOn = isLiveStreamRunning(liveBefore) || liveBefore === 'stopping';
    if (liveAfter === 'live') out.push(liveBefore === 'interrupted' ? labels.announceLiveResumed : labels.announceLiveStarted);
    else if (liveAfter === 'interrupted') out.push(labels.announceLiveInterrupted);
    else if (liveAfter === 'error' && next.liveStreamError && !liveLocal) out.push(labels.announceLiveFailed(next.liveStreamError.message));
    else if (liveAfter === 'idle' && wasOn) out.push(labels.announceLiveStopped);
  }
  return out;
}
