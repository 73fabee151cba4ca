import type { AdapterCapabilities } from './adapter.js';
import type {
  ConsentStatus,
  LiveStreamSession,
  LiveStreamStatus,
  OnAirState,
  ParticipantRole,
  RecordingSession,
  RecordingStatus,
} from './model.js';
import { ownValue } from './records.js';
import { isLiveStreamOn, isLiveStreamRunning, isRecordingOn, isRecordingRunning, isSettled } from './status.js';

const ACTIVE_RECORDING: readonly RecordingStatus[] = ['recording', 'paused', 'stopping', 'starting'];
const ACTIVE_STREAM: readonly LiveStreamStatus[] = ['live', 'interrupted', 'stopping', 'starting'];

function latest<S extends { readonly openedAt: number; readonly status: string }>(
  sessions: readonly S[],
  order: readonly string[],
): S | undefined {
  let best: S | undefined;
  for (const session of sessions) {
    if (!best) {
      best = session;
      continue;
    }
    const rank = order.indexOf(session.status);
    const bestRank = order.indexOf(best.status);
    // Same status: the one opened first keeps the place, so a second recording never takes over
    // the indicator or resets its clock.
    if (rank < bestRank || (rank === bestRank && session.openedAt < best.openedAt)) best = session;
  }
  return best;
}

/**
 * The recording session a UI should show: the given instance, or — without one — the most
 * relevant open session (running before starting; among equals the one opened first).
 */
export function selectRecordingSession(state: OnAirState, instanceId?: string): RecordingSession | undefined {
  if (instanceId !== undefined) return ownValue(state.recordings, instanceId);
  return latest(Object.values(state.recordings), ACTIVE_RECORDING);
}

/** The live stream a UI should show: the given instance or the most relevant open one (among equals the first opened). */
export function selectLiveStreamSession(state: OnAirState, instanceId?: string): LiveStreamSession | undefined {
  if (instanceId !== undefined) return ownValue(state.liveStreams, instanceId);
  return latest(Object.values(state.liveStreams), ACTIVE_STREAM);
}

/**
 * Every open recording session in the order they were opened (the first is "recording 1").
 *
 * @example
 * ```ts
 * // inside the kit (hooks read it through the store):
 * const count = selectRecordingSessionsInOrder(state).length; // 2 with two Daily instances
 * ```
 */
export function selectRecordingSessionsInOrder(state: Pick<OnAirState, 'recordings'>): RecordingSession[] {
  return Object.values(state.recordings).sort((a, b) => a.openedAt - b.openedAt);
}

/** The status of a recording session, `error` when none runs and the last one failed, else `idle`. */
export function recordingStatusOf(
  session: RecordingSession | undefined,
  lastError: OnAirState['recordingError'],
): RecordingStatus {
  if (session) return session.status;
  return lastError ? 'error' : 'idle';
}

/** The status of a live stream, `error` when none runs and the last one failed, else `idle`. */
export function liveStreamStatusOf(
  session: LiveStreamSession | undefined,
  lastError: OnAirState['liveStreamError'],
): LiveStreamStatus {
  if (session) return session.status;
  return lastError ? 'error' : 'idle';
}

/**
 * Milliseconds a recording has captured at `now`: from its start, without the time spent paused.
 * Zero when the start time is unknown.
 *
 * @example
 * ```ts
 * import { recordingElapsedMs, formatElapsed } from 'onair-react';
 *
 * const ms = recordingElapsedMs({ startedAt: 1_000, pausedMs: 15_000 }, 91_000); // 75000
 * formatElapsed(ms); // "01:15"
 * ```
 *
 * @public
 */
export function recordingElapsedMs(
  session: Pick<RecordingSession, 'startedAt' | 'pausedAt' | 'pausedMs'> | undefined,
  now: number,
): number {
  if (!session || session.startedAt === undefined) return 0;
  const end = session.pausedAt ?? now;
  return Math.max(0, end - session.startedAt - session.pausedMs);
}

/**
 * Whether a participant is in a recording: `true` / `false` where the provider's layout selects
 * participants (Daily `single-participant`, or `layout.participants`), `'unknown'` where it does not
 * say (or the participant id is not known yet), and `false` when there is no recording.
 *
 * @example
 * ```ts
 * recordingIncludes({ recordedParticipants: ['ada'] }, 'ada'); // true
 * recordingIncludes({ recordedParticipants: undefined }, 'ada'); // "unknown"
 * recordingIncludes(undefined, 'ada'); // false
 * ```
 */
export function recordingIncludes(
  session: Pick<RecordingSession, 'recordedParticipants'> | undefined,
  participantId: string | undefined,
): boolean | 'unknown' {
  if (!session) return false;
  const selected = session.recordedParticipants;
  if (selected === 'all') return true;
  if (selected === undefined || participantId === undefined) return 'unknown';
  return selected.includes(participantId);
}

/**
 * Why a control is not offered: the provider cannot do it, or this participant may not.
 *
 * @public
 */
export type ControlUnavailableReason = 'not-supported' | 'not-allowed' | 'no-adapter';

/**
 * What the local participant may do with recordings right now.
 *
 * @public
 */
export interface RecordingPermissions {
  readonly start: boolean;
  readonly stop: boolean;
  readonly pause: boolean;
  readonly resume: boolean;
  /** Change the running recording's layout (`capabilities.updateRecording`). */
  readonly update: boolean;
  /** Why starting is not possible, when it is not. */
  readonly reason?: ControlUnavailableReason | undefined;
}

/**
 * What the local participant may do with live streams right now.
 *
 * @public
 */
export interface LiveStreamPermissions {
  readonly start: boolean;
  readonly stop: boolean;
  /** Change the running stream's layout (`capabilities.updateLiveStream`). */
  readonly update: boolean;
  /** Add or remove endpoints of the running stream (`capabilities.liveStreamEndpoints`). */
  readonly editEndpoints: boolean;
  readonly reason?: ControlUnavailableReason | undefined;
}

/**
 * The role that decides permissions: the app's (given to `OnAirProvider`) wins over the
 * provider's; with neither, the participant may use what the adapter can do (the provider
 * still enforces its own rules and its refusal is shown).
 */
export function effectiveRole(
  appRole: ParticipantRole | undefined,
  providerRole: ParticipantRole | undefined,
): ParticipantRole | undefined {
  return appRole ?? providerRole;
}

/**
 * Recording permissions from capabilities, role and status. `provider` is what the provider says
 * (`permissions-updated`): `false` denies whatever the role; otherwise the role decides.
 */
export function recordingPermissions(
  capabilities: AdapterCapabilities | undefined,
  role: ParticipantRole | undefined,
  status: RecordingStatus,
  provider?: boolean | undefined,
): RecordingPermissions {
  if (!capabilities) return { start: false, stop: false, pause: false, resume: false, update: false, reason: 'no-adapter' };
  const allowed = provider !== false && role !== 'participant';
  const reason: ControlUnavailableReason | undefined = !capabilities.startRecording
    ? 'not-supported'
    : !allowed
      ? 'not-allowed'
      : undefined;
  return {
    start: allowed && capabilities.startRecording && isSettled(status),
    stop: allowed && capabilities.stopRecording && isRecordingOn(status),
    pause: allowed && capabilities.pauseRecording && status === 'recording',
    resume: allowed && capabilities.resumeRecording && status === 'paused',
    update: allowed && capabilities.updateRecording === true && isRecordingRunning(status),
    reason,
  };
}

/** Live-stream permissions from capabilities, role, status and what the provider says (`provider`, as for recordings). */
export function liveStreamPermissions(
  capabilities: AdapterCapabilities | undefined,
  role: ParticipantRole | undefined,
  status: LiveStreamStatus,
  provider?: boolean | undefined,
): LiveStreamPermissions {
  if (!capabilities) return { start: false, stop: false, update: false, editEndpoints: false, reason: 'no-adapter' };
  const allowed = provider !== false && role !== 'participant';
  const reason: ControlUnavailableReason | undefined = !capabilities.startLiveStream
    ? 'not-supported'
    : !allowed
      ? 'not-allowed'
      : undefined;
  return {
    start: allowed && capabilities.startLiveStream && isSettled(status),
    stop: allowed && capabilities.stopLiveStream && isLiveStreamOn(status),
    update: allowed && capabilities.updateLiveStream === true && isLiveStreamRunning(status),
    editEndpoints: allowed && capabilities.liveStreamEndpoints === true && isLiveStreamRunning(status),
    reason,
  };
}

/**
 * One row of a consent roster.
 *
 * @public
 */
export interface ConsentRosterEntry {
  readonly participantId: string;
  readonly name: string | undefined;
  readonly status: ConsentStatus;
  /** `true` for the local participant. */
  readonly isLocal: boolean;
}

/**
 * Counts of a consent roster.
 *
 * @public
 */
export interface ConsentCounts {
  readonly consented: number;
  readonly declined: number;
  readonly pending: number;
  readonly total: number;
}

/** The local participant's answer in the current epoch, or `undefined` when they have not chosen. */
export function selectMyConsent(state: OnAirState, localKey: string): boolean | undefined {
  const answer = ownValue(state.consents, localKey);
  return answer && answer.epoch === state.consentEpoch ? answer.consent : undefined;
}

/** `true` while a recording is starting, running or paused: the moment consent matters. */
export function selectConsentRequired(state: OnAirState): boolean {
  return Object.values(state.recordings).some((r) => isRecordingOn(r.status));
}

/**
 * Everyone known to be in the meeting with their consent in the current epoch (answers from an
 * earlier recording count as pending). The local participant comes first, then by name.
 */
export function selectConsentRoster(state: OnAirState, localKey: string): ConsentRosterEntry[] {
  const ids = new Set<string>([...Object.keys(state.participantNames), ...Object.keys(state.consents)]);
  const entries: ConsentRosterEntry[] = [];
  for (const participantId of ids) {
    const answer = ownValue(state.consents, participantId);
    const current = answer && answer.epoch === state.consentEpoch ? answer.consent : undefined;
    entries.push({
      participantId,
      name: ownValue(state.participantNames, participantId),
      status: current === undefined ? 'pending' : current ? 'consented' : 'declined',
      isLocal: participantId === localKey,
    });
  }
  return entries.sort((a, b) =>
    a.isLocal !== b.isLocal ? (a.isLocal ? -1 : 1) : (a.name ?? a.participantId).localeCompare(b.name ?? b.participantId),
  );
}

/** Counts a roster. */
export function countConsents(roster: readonly ConsentRosterEntry[]): ConsentCounts {
  let consented = 0;
  let declined = 0;
  for (const entry of roster) {
    if (entry.status === 'consented') consented += 1;
    else if (entry.status === 'declined') declined += 1;
  }
  return { consented, declined, pending: roster.length - consented - declined, total: roster.length };
}
