/*
 * The OpenTalk adapter's own state, and why each piece is protocol (issue 11: adapters translate,
 * statuses live in the store). The adapter keeps no OnAir status: the slices decide statuses from
 * its events. The server's own words kept below only turn its state messages into events and seed a
 * second sink.
 *
 * - `detected` (with the `protocol` option): which of the three generations the server speaks —
 *   decides every command's wire shape (`start` / `start_recording` / `start_stream`).
 * - `joined`, `localId`: who I am, known only from `join_success` (before it, a message naming
 *   "me" cannot be told from one naming a peer); addresses consent echoes.
 * - `localRole`: the server's role word, read by `localRole()` (only moderators may record).
 * - `localName`, `participants` (name, role): the roster the server sent once; a moderator's role
 *   names who started a recording the server does not attribute; names and the roster are replayed
 *   to a second `connect(sink)` (React StrictMode, provider remount), since `join_success` comes once.
 * - `serverConsent`: what the server stores as each one's consent — OpenTalk keeps it across
 *   recordings (re-stated when a new one opens), its `false` means "not chosen", and the roomserver
 *   echoes `set_consent` only when it changes the stored value.
 * - `recording`: the recording the server says runs, in the server's words: its `recording_id` (the
 *   older generation's `stop` needs it); whether one is open (a stop of nothing is not told, a new
 *   one opens a consent epoch); its last word (OpenTalk sends states, not transitions, and has no
 *   "resumed": `active` after `paused` is a resume); who started it (said once, replayed).
 * - `streams`: the stream targets the server says run, with its last word for each — the ids
 *   `stop_stream` addresses and `start_stream` skips; the word tells a reconnect from a start.
 * - `targets`, `recordingTargets`: the configured stream targets (`start_stream` addresses them); in
 *   the intermediate generation the recording *is* the target whose kind is `recording`.
 * - `generation`, `localConsentGeneration`, `consentsInFlight`: which recording a `set_consent` we
 *   sent was for, so that its late echo does not answer a newer recording.
 * - `pending`, `localRequestedStart`: what this adapter sent and awaits an answer to — to route an
 *   `error` (it names no command), to tell `in_use` of our own start from a take-over, not to
 *   announce our own starting stream as new, and to name me as the starter of my recording.
 *
 * Replay to a second sink is one `state-seeded` snapshot built from these facts by the same
 * translation as `join_success` (`recordingSeedOf`, `liveStatusOf`), then the roster and consents.
 */
import { consentSlice } from '../../core/consentSlice.js';
import { liveStreamSlice } from '../../core/liveStreamSlice.js';
import { recordingSlice } from '../../core/recordingSlice.js';
import { rosterSlice } from '../../core/rosterSlice.js';
import * as v from 'valibot';
import { noCapabilities, type AdapterCapabilities, type OnAirEventSink } from '../../core/adapter.js';
import type { LiveStreamSeed, OnAirEvent, RecordingSeed } from '../../core/events.js';
import { liveStreamButtonLabels, providerErrorLabels, recordButtonLabels } from '../../core/labels.js';
import type { OnAirCommand, OnAirError, ParticipantRole } from '../../core/model.js';
import {
  ConsentUpdatedSchema,
  EnvelopeSchema,
  JoinSuccessSchema,
  LeftSchema,
  LegacyStartedSchema,
  LegacyStoppedSchema,
  messageTag,
  ParticipantSchema,
  RecorderErrorSchema,
  RecordingErrorSchema,
  RecordingJoinDataSchema,
  readIdMap,
  RecordingUpdatedSchema,
  RoleUpdatedSchema,
  StreamStateSchema,
  StreamUpdatedSchema,
  type OpenTalkParticipant,
  type RecordingJoinData,
  type StreamState,
} from './schemas.js';
import type { OpenTalkAdapter, OpenTalkAdapterOptions, OpenTalkGeneration, OpenTalkIncomingMessage, OpenTalkSignaling } from './types.js';

/**
 * What the OpenTalk recording module can do (pause exists only in the current generation; see README of the adapter).
 *
 * @example
 * ```ts
 * import { openTalkCapabilities } from 'onair-react/opentalk';
 *
 * openTalkCapabilities.consent; // true: OpenTalk carries recording consent itself
 * openTalkCapabilities.resumeRecording; // false: there is no resume command
 * ```
 *
 * @public
 */
export const openTalkCapabilities: AdapterCapabilities = Object.freeze({
  ...noCapabilities,
  startRecording: true,
  stopRecording: true,
  pauseRecording: true,
  // OpenTalk has no resume command: `start_recording` on a paused recording answers `recording_already_active`.
  resumeRecording: false,
  startLiveStream: true,
  stopLiveStream: true,
  consent: true,
  multipleInstances: true,
});

/** Codes that can only be about a live stream. */
const STREAM_CODES = new Set(['stream_feature_disabled', 'streaming_target_in_use']);
/** Codes that can only be about the recording (other codes follow the command in flight). */
const RECORDING_CODES = new Set([
  'record_feature_disabled',
  'recording_already_active',
  'recording_not_active',
  'invalid_recording_id',
  'already_recording',
]);

/**
 * What the server last said about the recording that runs, in its own words (the three
 * generations' synonyms folded): `requested`/`initializing` → `starting`, `recording` → `active`.
 */
type ServerRecording = { word: 'starting' | 'active' | 'paused'; recordingId?: string | undefined; startedBy?: string | undefined };
/** What the server last said about a stream target that runs (`requested` → `starting`). */
type ServerStreamWord = 'starting' | 'active' | 'paused';
type Pending = { kind: 'recording' | 'stream'; command: OnAirCommand; targets?: readonly string[] | undefined };
type Reason = { code?: string | undefined; message?: string | null | undefined } | null | undefined;

/**
 * The server's role word, compared case-insensitively: only moderators may record in OpenTalk, so
 * every other word the server says (`user`, `guest`, a role added later) is a participant.
 * `undefined` when the server said nothing.
 */
function mapRole(role: string | null | undefined): ParticipantRole | undefined {
  if (typeof role !== 'string' || role.trim().length === 0) return undefined;
  return role.trim().toLowerCase() === 'moderator' ? 'moderator' : 'participant';
}

/** Own-property lookup: an error code such as `constructor` never reads `Object.prototype`. */
function ownText(table: Readonly<Record<string, string>>, key: string): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(table, key)) return undefined;
  const value = table[key];
  return typeof value === 'string' ? value : undefined;
}

/** A stream or recording-target status word, with the synonyms of the three generations folded. */
function streamWord(status: string | undefined): 'starting' | 'active' | 'paused' | 'inactive' | 'in_use' | 'error' | undefined {
  switch (status) {
    case 'requested':
    case 'starting':
    case 'initializing':
      return 'starting';
    case 'active':
    case 'recording':
      return 'active';
    case 'paused':
    case 'inactive':
    case 'in_use':
    case 'error':
      return status;
    case 'stopped':
      return 'inactive';
    default:
      return undefined;
  }
}

/** The one translation of the server's recording snapshot into a seed (join_success, a recording paused before we saw it, replay). */
function recordingSeedOf(recording: ServerRecording): RecordingSeed {
  const status = recording.word === 'active' ? 'recording' : recording.word;
  return { status, recordingId: recording.recordingId, startedBy: recording.startedBy, recordingType: 'cloud' };
}

/** The one translation of a running stream target's server word into a live-stream status. */
function liveStatusOf(word: ServerStreamWord): 'starting' | 'live' | 'interrupted' {
  return word === 'active' ? 'live' : word === 'paused' ? 'interrupted' : 'starting';
}

function devWarn(message: string, detail?: unknown): void {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  if (env?.NODE_ENV === 'production') return;
  console.warn(`[onair/opentalk] ${message}`, detail);
}

/**
 * Connects OnAir to OpenTalk's signaling: reads the `recording` namespace (both protocol
 * generations) and the `control` namespace (`join_success`, `joined`, `left`), and sends
 * `recording` commands. Malformed messages are dropped with a warning; nothing here throws into
 * your socket handler.
 *
 * - Recording state → `recording-starting/started/paused/stopped/error`; each stream target is a
 *   live stream whose `instanceId` is the target id (one `LiveStreamBadge` per target).
 * - `join_success` → `session-joined` (role from the server's `moderator`/`user`, else the `role`
 *   option), then the recording and stream state, then everyone in the room with their consent.
 * - Consent: `consents_recording: true` and `consent_updated` count; `false` on join (OpenTalk's
 *   default for "not chosen") counts as not answered, never as a decision.
 * - Errors carry the OpenTalk code (`insufficient_permissions` …) and a readable message from the labels.
 *
 * @example
 * ```ts
 * import { createOpenTalkAdapter } from 'onair-react/opentalk';
 * const adapter = createOpenTalkAdapter(signaling, { participantId: myId });
 * <OnAirProvider adapter={adapter}><RecordButton /><ConsentBanner /></OnAirProvider>
 * ```
 *
 * @public
 */
export function createOpenTalkAdapter(signaling: OpenTalkSignaling, options: OpenTalkAdapterOptions): OpenTalkAdapter {
  const now = options.now ?? Date.now;
  const warn = options.onWarning ?? devWarn;
  // Only the parts the adapter reads (not every default of the kit).
  const labels = { ...recordButtonLabels, ...liveStreamButtonLabels, ...providerErrorLabels, ...options.labels };
  const fixedProtocol: OpenTalkGeneration | undefined =
    options.protocol === 'legacy' || options.protocol === 'intermediate' || options.protocol === 'current' ? options.protocol : undefined;

  // The adapter's own state: only what it needs to speak OpenTalk (see the list at the top of this
  // file). Statuses live in the store; the server's words kept here are the protocol's own view.
  let detected: OpenTalkGeneration | undefined;
  let joined = false;
  /** Who I am: unknown until `join_success` says (no id, not even the option's, stands in before). */
  let localId: string | undefined;
  let localName: string | undefined;
  let localRole: ParticipantRole | undefined = options.role;
  const participants = new Map<string, { name?: string | undefined; role?: ParticipantRole | undefined }>();
  const serverConsent = new Map<string, boolean>();
  /** The recording the server says runs (`undefined`: none); its id is what the older generation's `stop` needs. */
  let recording: ServerRecording | undefined;
  /** Stream targets the server says run, with its last word for each (a target absent here is idle). */
  const streams = new Map<string, ServerStreamWord>();
  const targets = new Map<string, { name?: string | undefined; kind?: string | undefined }>();
  /** Intermediate generation: the recording is the target whose `streaming_kind` is `recording`. */
  const recordingTargets = new Set<string>();
  /** Counts recordings opened (a consent belongs to one of them). */
  let generation = 0;
  let localConsentGeneration = -1;
  /** `set_consent` sent and not yet echoed by a `consent_updated`, with the recording each was for. */
  const consentsInFlight: Array<{ consent: boolean; generation: number }> = [];
  let pending: Pending | undefined;
  let localRequestedStart = false;
  let sink: OnAirEventSink | undefined;

  const protocol = (): OpenTalkGeneration | undefined => fixedProtocol ?? detected;
  const detect = (found: OpenTalkGeneration): void => {
    if (detected === undefined) detected = found;
  };
  /** `join_success` shows the generation for certain: it overrides a guess from an earlier message. */
  const detectFromJoin = (found: OpenTalkGeneration): void => {
    detected = found;
  };

  function emit(event: OnAirEvent): void {
    if (!sink) return;
    try {
      sink(event);
    } catch (error) {
      warn('the event sink threw', error);
    }
  }

  function errorOf(code: string, detailMessage?: string | null, command?: OnAirCommand): OnAirError {
    const known = ownText(labels.providerErrors, code);
    const message = known ?? (detailMessage && detailMessage.length > 0 ? detailMessage : labels.providerErrorUnknown(code));
    return command === undefined ? { code, message, at: now() } : { code, message, command, at: now() };
  }

  function inferStarter(explicit: string | undefined): string | undefined {
    if (explicit) return explicit;
    if (localRequestedStart && localId !== undefined) return localId;
    // Only moderators may start a recording: with one moderator besides us, it was them.
    const moderators = [...participants].filter(([pid, p]) => pid !== localId && p.role === 'moderator').map(([pid]) => pid);
    return moderators.length === 1 ? moderators[0] : undefined;
  }

  /** A recording began from nothing: OpenTalk keeps consents across recordings, so re-state the server's truth. */
  function recordingOpened(at: number): void {
    generation += 1;
    for (const [pid, consent] of serverConsent) {
      if (pid !== localId && consent) emit({ type: 'consent-updated', participantId: pid, consent: true, at });
    }
  }

  /**
   * Translates the server's word about the recording into events. OpenTalk sends states, not
   * transitions: whether a recording is already open decides between opening one (a new consent
   * epoch) and moving it; the reducer decides the rest (duplicates, stale ids, late events).
   */
  function setRecording(status: string, at: number, extra: { recordingId?: string | undefined; startedBy?: string | undefined; reason?: Reason } = {}): void {
    const before = recording;
    switch (status) {
      case 'requested':
      case 'starting':
      case 'initializing': {
        if (before) return;
        const startedBy = inferStarter(extra.startedBy);
        recording = { word: 'starting', startedBy, recordingId: extra.recordingId };
        emit({ type: 'recording-starting', startedBy, at });
        recordingOpened(at);
        return;
      }
      case 'active':
      case 'recording': {
        // OpenTalk has no "resumed" message: `active` after `paused` is the recording coming back.
        if (before?.word === 'paused') {
          recording = { ...before, word: 'active' };
          emit({ type: 'recording-resumed', at });
          return;
        }
        const startedBy = before?.startedBy ?? inferStarter(extra.startedBy);
        const recordingId = extra.recordingId ?? before?.recordingId;
        recording = { word: 'active', startedBy, recordingId };
        localRequestedStart = false;
        if (pending?.command === 'start-recording') pending = undefined;
        emit({ type: 'recording-started', recordingId, startedBy, recordingType: 'cloud', at });
        if (!before) recordingOpened(at);
        return;
      }
      case 'paused': {
        if (!before) {
          // Paused before we saw it run: seeded, so the one who started it comes along.
          recording = { word: 'paused', startedBy: inferStarter(extra.startedBy) };
          emit({ type: 'state-seeded', recordings: [{ status: 'paused', startedBy: recording.startedBy }], at });
          recordingOpened(at);
          return;
        }
        if (before.word === 'paused') return;
        recording = { ...before, word: 'paused' };
        if (pending?.command === 'pause-recording') pending = undefined;
        emit({ type: 'recording-paused', at });
        return;
      }
      case 'inactive':
      case 'stopped': {
        recording = undefined;
        localRequestedStart = false;
        if (pending?.kind === 'recording') pending = undefined;
        // Only a recording that was open (or one the server names) is closed: a stop for nothing
        // would leave the store a "stop before start" that swallows the next start.
        if (before || extra.recordingId !== undefined) emit({ type: 'recording-stopped', recordingId: extra.recordingId ?? before?.recordingId, at });
        return;
      }
      case 'error': {
        recording = undefined;
        localRequestedStart = false;
        const command = pending?.kind === 'recording' ? pending.command : undefined;
        if (pending?.kind === 'recording') pending = undefined;
        const code = extra.reason?.code ?? 'recording_error';
        emit({ type: 'recording-error', error: errorOf(code, extra.reason?.message, command), at });
        return;
      }
      default:
        warn(`unknown recording status "${status}" ignored`);
    }
  }

  /** Translates the server's word about one stream target (its id is the live stream's `instanceId`) into events. */
  function setStream(targetId: string, status: string, at: number, reason?: Reason): void {
    if (recordingTargets.has(targetId)) {
      setRecording(status, at, { reason });
      return;
    }
    const before = streams.get(targetId);
    const ours = pending?.kind === 'stream' && (pending.targets?.includes(targetId) ?? false);
    switch (status) {
      // `requested` (roomserver) and `starting` (intermediate): the recorder is on its way.
      case 'requested':
      case 'starting': {
        if (before) return;
        streams.set(targetId, 'starting');
        // Our own start is already `starting` in the store (the kit's request); someone else's is new.
        if (!ours) emit({ type: 'state-seeded', liveStreams: [{ instanceId: targetId, status: 'starting' }], at });
        return;
      }
      case 'active': {
        streams.set(targetId, 'active');
        if (ours && pending?.command === 'start-live-stream') pending = undefined;
        // No "resumed" message either: `active` after `paused` is the stream reconnected.
        if (before === 'paused') emit({ type: 'live-stream-updated', instanceId: targetId, state: 'connected', at });
        else emit({ type: 'live-stream-started', instanceId: targetId, at });
        return;
      }
      case 'paused': {
        streams.set(targetId, 'paused');
        // The live-stream slice opens an interrupted stream it did not know yet, so one event serves both.
        emit({ type: 'live-stream-updated', instanceId: targetId, state: 'interrupted', at });
        return;
      }
      case 'in_use': {
        streams.delete(targetId);
        if (ours && pending?.command === 'start-live-stream') {
          pending = undefined;
          emit({ type: 'live-stream-request-failed', instanceId: targetId, error: errorOf('streaming_target_in_use', undefined, 'start-live-stream'), at });
        } else if (before) {
          emit({ type: 'live-stream-stopped', instanceId: targetId, at });
        }
        return;
      }
      case 'inactive': {
        streams.delete(targetId);
        if (ours) pending = undefined;
        if (before) emit({ type: 'live-stream-stopped', instanceId: targetId, at });
        return;
      }
      case 'error': {
        streams.delete(targetId);
        const command = ours ? pending?.command : undefined;
        if (ours) pending = undefined;
        emit({ type: 'live-stream-error', instanceId: targetId, error: errorOf(reason?.code ?? 'stream_error', reason?.message, command), at });
        return;
      }
      default:
        warn(`unknown stream status "${status}" ignored`);
    }
  }

  function commandError(code: string, at: number): void {
    const kind: 'recording' | 'stream' = STREAM_CODES.has(code)
      ? 'stream'
      : RECORDING_CODES.has(code)
        ? 'recording'
        : (pending?.kind ?? (code === 'invalid_streaming_id' ? 'stream' : 'recording'));
    const command = pending?.kind === kind ? pending.command : undefined;
    const stream = pending?.kind === 'stream' ? pending.targets : undefined;
    pending = undefined;
    if (kind === 'stream') {
      const instanceId = stream && stream.length === 1 ? stream[0] : undefined;
      emit({ type: 'live-stream-request-failed', instanceId, error: errorOf(code, undefined, command), at });
    } else {
      if (command === 'start-recording') localRequestedStart = false;
      emit({ type: 'recording-request-failed', error: errorOf(code, undefined, command), at });
    }
  }

  function consentOf(p: OpenTalkParticipant): boolean | undefined {
    // `false` is OpenTalk's default for "has not chosen": only `true` is a decision we can read.
    return p.recording?.consents_recording === true ? true : undefined;
  }

  function rememberParticipant(p: OpenTalkParticipant): void {
    const known = participants.get(p.id) ?? {};
    participants.set(p.id, {
      name: p.control?.display_name ?? known.name,
      role: mapRole(p.control?.role) ?? known.role,
    });
    const consent = p.recording?.consents_recording;
    if (typeof consent === 'boolean') serverConsent.set(p.id, consent);
  }

  function readJoinData(raw: unknown): { recordings: RecordingSeed[]; liveStreams: LiveStreamSeed[]; myConsent: boolean | undefined } {
    const seeds = { recordings: [] as RecordingSeed[], liveStreams: [] as LiveStreamSeed[], myConsent: undefined as boolean | undefined };
    // Only the older controller sends `null` (its `FrontendData(None)`: no recording); the others always send an object.
    if (raw === null) detectFromJoin('legacy');
    if (raw === undefined || raw === null) return seeds;
    const parsed = v.safeParse(RecordingJoinDataSchema, raw);
    if (!parsed.success) {
      warn('malformed recording data in join_success dropped', parsed.issues[0]?.message);
      return seeds;
    }
    const data: RecordingJoinData = parsed.output;
    const onBad = (key: string, message: string | undefined): void => warn(`malformed stream target "${key}" in join_success dropped`, message);
    const streamStates = data.stream_states ? readIdMap(data.stream_states, StreamStateSchema, onBad) : undefined;
    const intermediateTargets = data.targets ? readIdMap(data.targets, StreamStateSchema, onBad) : undefined;
    // The older controller's serde tag is `state`; its docs say `status`.
    const legacyState = data.state ?? data.status ?? undefined;
    if (intermediateTargets) detectFromJoin('intermediate');
    else if (data.recording_state || streamStates || typeof data.consents_recording === 'boolean') detectFromJoin('current');
    else if (legacyState === 'initializing' || legacyState === 'recording' || data.recording_id) detectFromJoin('legacy');

    const seed = (status: string | undefined, recordingId?: string): void => {
      const word = streamWord(status);
      if ((word !== 'active' && word !== 'paused' && word !== 'starting') || recording) return;
      recording = { word, recordingId, startedBy: inferStarter(undefined) };
      seeds.recordings.push(recordingSeedOf(recording));
    };
    if (data.recording_state) seed(data.recording_state.status);
    // Older generation: `initializing` means the recorder is on its way; `recording` carries the id to stop it with.
    else if (!streamStates && !intermediateTargets) seed(legacyState, data.recording_id ?? undefined);

    const readTargets = (map: Map<string, StreamState>): void => {
      for (const [targetId, target] of map) {
        const kind = target.streaming_kind ?? target.kind ?? undefined;
        targets.set(targetId, { name: target.name ?? undefined, kind });
        if (kind === 'recording') {
          recordingTargets.add(targetId);
          seed(target.status);
          continue;
        }
        const word = streamWord(target.status);
        if (word !== 'active' && word !== 'paused' && word !== 'starting') continue;
        streams.set(targetId, word);
        seeds.liveStreams.push({ instanceId: targetId, status: liveStatusOf(word) });
      }
    };
    if (streamStates) readTargets(streamStates);
    if (intermediateTargets) readTargets(intermediateTargets);
    // Current generation: my own stored consent (`true` restores it; `false` is "not chosen").
    if (typeof data.consents_recording === 'boolean') seeds.myConsent = data.consents_recording;
    return seeds;
  }

  function onJoinSuccess(payload: v.InferOutput<typeof JoinSuccessSchema>, at: number): void {
    joined = true;
    // The server's id; only a join_success without one falls back to the app's word.
    const me = payload.id ?? options.participantId;
    localId = me;
    localName = payload.display_name ?? localName;
    // The server's role wins (any word but `moderator` may not record); the option only when it says nothing.
    localRole = mapRole(payload.role) ?? options.role;
    participants.clear();
    recordingTargets.clear();
    targets.clear();
    const people: OpenTalkParticipant[] = [];
    for (const raw of payload.participants ?? []) {
      const parsed = v.safeParse(ParticipantSchema, raw);
      if (!parsed.success) {
        warn('malformed participant in join_success dropped', parsed.issues[0]?.message);
        continue;
      }
      people.push(parsed.output);
      rememberParticipant(parsed.output);
    }
    const seeds = readJoinData(payload.recording);
    emit({ type: 'session-joined', localParticipantId: me, role: localRole, at });
    if (localName) emit({ type: 'participant-joined', participantId: me, name: localName, at });
    // Recording state before consents: a running recording opens the consent epoch the answers belong to.
    if (seeds.recordings.length > 0 || seeds.liveStreams.length > 0) {
      emit({ type: 'state-seeded', recordings: seeds.recordings, liveStreams: seeds.liveStreams, at });
      if (seeds.recordings.length > 0) generation += 1;
    }
    if (seeds.myConsent !== undefined) {
      serverConsent.set(me, seeds.myConsent);
      // After a reload: the server still has my `yes` for the recording that runs: no banner again.
      if (seeds.myConsent && recording) {
        localConsentGeneration = generation;
        emit({ type: 'consent-updated', participantId: me, consent: true, at });
      }
    }
    for (const p of people) {
      if (p.id === me) continue;
      emit({ type: 'participant-joined', participantId: p.id, name: p.control?.display_name ?? undefined, consent: consentOf(p), at });
    }
  }

  function onControl(payload: unknown, at: number): void {
    const tag = messageTag(payload);
    if (tag === 'join_success') {
      const parsed = v.safeParse(JoinSuccessSchema, payload);
      if (!parsed.success) return warn('malformed control join_success dropped', parsed.issues[0]?.message);
      onJoinSuccess(parsed.output, at);
    } else if (tag === 'joined' || tag === 'update') {
      // Before join_success we do not know who is who (the one named may be me): nothing to tell yet.
      if (!joined) return warn(`control ${tag} before join_success ignored`);
      const parsed = v.safeParse(ParticipantSchema, payload);
      if (!parsed.success) return warn(`malformed control ${tag} dropped`, parsed.issues[0]?.message);
      const p = parsed.output;
      if (p.id === localId) return;
      const isNew = !participants.has(p.id);
      const before = serverConsent.get(p.id);
      rememberParticipant(p);
      if (tag === 'joined' || isNew) {
        emit({ type: 'participant-joined', participantId: p.id, name: p.control?.display_name ?? undefined, consent: consentOf(p), at });
        return;
      }
      if (p.control?.display_name) emit({ type: 'participant-named', participantId: p.id, name: p.control.display_name, at });
      // Older servers tell consent changes through `update`: a yes, or a yes taken back.
      const answer = p.recording?.consents_recording;
      if (answer === true && before !== true) emit({ type: 'consent-updated', participantId: p.id, consent: true, at });
      else if (answer === false && before === true) emit({ type: 'consent-updated', participantId: p.id, consent: false, at });
    } else if (tag === 'left') {
      const parsed = v.safeParse(LeftSchema, payload);
      if (!parsed.success) return warn('malformed control left dropped', parsed.issues[0]?.message);
      participants.delete(parsed.output.id);
      serverConsent.delete(parsed.output.id);
      emit({ type: 'participant-left', participantId: parsed.output.id, at });
    } else if (tag === 'role_updated') {
      const parsed = v.safeParse(RoleUpdatedSchema, payload);
      if (!parsed.success) return warn('malformed control role_updated dropped', parsed.issues[0]?.message);
      const role = mapRole(parsed.output.new_role);
      if (role && role !== localRole) {
        localRole = role;
        emit({ type: 'role-changed', role, at });
      }
    }
    // Other control messages (hand raise, quotas …) are not ours.
  }

  function onRecording(payload: unknown, at: number): void {
    const tag = messageTag(payload);
    const parse = <S extends v.GenericSchema>(schema: S): v.InferOutput<S> | undefined => {
      const parsed = v.safeParse(schema, payload);
      if (parsed.success) return parsed.output;
      warn(`malformed recording ${tag ?? 'message'} dropped`, parsed.issues[0]?.message);
      return undefined;
    };
    switch (tag) {
      case 'recording_updated': {
        const m = parse(RecordingUpdatedSchema);
        if (!m) return;
        detect('current');
        setRecording(m.status, at, { reason: m.reason, startedBy: m.started_by ?? undefined });
        return;
      }
      case 'stream_updated': {
        const m = parse(StreamUpdatedSchema);
        if (!m) return;
        // The intermediate generation is known from join_success (its recording is a target).
        if (!recordingTargets.has(m.target_id)) detect('current');
        setStream(m.target_id, m.status, at, m.reason);
        return;
      }
      case 'consent_updated': {
        const m = parse(ConsentUpdatedSchema);
        if (!m) return;
        const participantId = m.participant ?? m.participant_id;
        if (participantId === undefined) return warn('consent_updated without a participant dropped');
        detect('current');
        // Before join_success the one named may be me, under an id I do not know yet.
        if (!joined) return warn('consent_updated before join_success ignored');
        serverConsent.set(participantId, m.consents);
        if (participantId === localId) {
          // The echo of a `set_consent`: it counts only for the recording it was sent for.
          const index = consentsInFlight.findIndex((sent) => sent.consent === m.consents);
          const sentFor = index >= 0 ? consentsInFlight[index]?.generation : undefined;
          if (index >= 0) consentsInFlight.splice(0, index + 1);
          if (sentFor !== undefined && sentFor !== generation) return;
          localConsentGeneration = generation;
        }
        emit({ type: 'consent-updated', participantId, consent: m.consents, at });
        return;
      }
      case 'error': {
        const m = parse(RecordingErrorSchema);
        if (m) commandError(m.error, at);
        return;
      }
      case 'recorder_error': {
        const m = parse(RecorderErrorSchema);
        if (!m) return;
        detect('intermediate');
        pending = undefined;
        localRequestedStart = false;
        recording = undefined;
        emit({ type: 'recording-error', error: errorOf(`recorder_${m.error}`), at });
        return;
      }
      case 'started': {
        const m = parse(LegacyStartedSchema);
        if (!m) return;
        detect('legacy');
        setRecording('recording', at, { recordingId: m.recording_id, startedBy: m.started_by ?? undefined });
        return;
      }
      case 'stopped': {
        const m = parse(LegacyStoppedSchema);
        if (!m) return;
        detect('legacy');
        setRecording('stopped', at, { recordingId: m.recording_id });
        return;
      }
      case 'service':
        return; // addressed to the recorder, not to participants
      default:
        warn(`unknown recording message ${tag === undefined ? '(no "message" tag)' : `"${tag}"`} ignored`);
    }
  }

  function onMessage(message: OpenTalkIncomingMessage): void {
    try {
      const envelope = v.safeParse(EnvelopeSchema, message);
      if (!envelope.success) return warn('malformed signaling message dropped', message);
      const { namespace, timestamp, payload } = envelope.output;
      if (namespace !== 'recording' && namespace !== 'control') return;
      const stamped = typeof timestamp === 'number' ? timestamp : typeof timestamp === 'string' ? Date.parse(timestamp) : Number.NaN;
      const at = Number.isFinite(stamped) ? stamped : now();
      if (namespace === 'control') onControl(payload, at);
      else onRecording(payload, at);
    } catch (error) {
      warn('a signaling message could not be read', error);
    }
  }

  /** Replays what is known (after a reconnect, e.g. React Strict Mode): the server sends join_success once. */
  function replay(): void {
    if (!joined || localId === undefined) return;
    const at = now();
    emit({ type: 'session-joined', localParticipantId: localId, role: localRole, at });
    if (localName) emit({ type: 'participant-joined', participantId: localId, name: localName, at });
    // One snapshot, built from the server's words by the same translation as join_success.
    const liveStreams = [...streams].map(([instanceId, word]) => ({ instanceId, status: liveStatusOf(word) }));
    const recordings = recording ? [recordingSeedOf(recording)] : [];
    if (recordings.length > 0 || liveStreams.length > 0) emit({ type: 'state-seeded', recordings, liveStreams, at });
    for (const [pid, p] of participants) {
      const consent = serverConsent.get(pid) === true ? true : undefined;
      emit({ type: 'participant-joined', participantId: pid, name: p.name, consent, at });
    }
    const mine = serverConsent.get(localId);
    if (mine !== undefined && localConsentGeneration === generation) {
      emit({ type: 'consent-updated', participantId: localId, consent: mine, at });
    }
  }

  function send(action: string, fields: Record<string, unknown> = {}): void {
    signaling.send({ namespace: 'recording', payload: { action, ...fields } });
  }

  async function command(kind: Pending['kind'], commandName: OnAirCommand, run: () => void, streamTargets?: readonly string[]): Promise<void> {
    const previous = pending;
    pending = { kind, command: commandName, targets: streamTargets };
    try {
      run();
    } catch (error) {
      pending = previous;
      throw error instanceof Error ? error : new Error(labels.providerErrorUnknown('send_failed'));
    }
  }

  const notSupported = (message: string): Promise<never> => Promise.reject(new Error(message));
  /** Every target the server says runs (all of `streams`: an idle target is never kept there). */
  const runningStreams = (): string[] => [...streams.keys()];
  /** Intermediate generation: the recording target, or a refusal (that server has no recording command). */
  const recordingTarget = (): string | undefined => [...recordingTargets][0];
  const noRecordingTarget = (): Promise<never> => notSupported(labels.recordingNotSupported);

  return {
    provider: 'opentalk',
    capabilities: openTalkCapabilities,
    slices: [recordingSlice, liveStreamSlice, rosterSlice, consentSlice],
    protocol,
    localRole: () => localRole,
    connect(next) {
      sink = next;
      const unsubscribe = signaling.subscribe(onMessage);
      replay();
      return () => {
        if (sink === next) sink = undefined;
        unsubscribe();
      };
    },
    startRecording() {
      const recTarget = recordingTarget();
      if (protocol() === 'intermediate' && recTarget === undefined) return noRecordingTarget();
      localRequestedStart = true;
      const targetIds = recTarget === undefined ? undefined : [recTarget];
      return command('recording', 'start-recording', () => {
        if (protocol() === 'legacy') send('start');
        else if (recTarget !== undefined) send('start_stream', { target_ids: [recTarget] });
        else send('start_recording');
      }, targetIds).catch((error: unknown) => {
        localRequestedStart = false;
        throw error;
      });
    },
    stopRecording() {
      const recTarget = recordingTarget();
      if (protocol() === 'intermediate' && recTarget === undefined) return noRecordingTarget();
      if (protocol() === 'legacy') {
        const recordingId = recording?.recordingId;
        if (recordingId === undefined) return notSupported(labels.providerErrors.invalid_recording_id ?? labels.recordingFailed);
        return command('recording', 'stop-recording', () => send('stop', { recording_id: recordingId }));
      }
      return command('recording', 'stop-recording', () =>
        recTarget !== undefined ? send('stop_stream', { target_ids: [recTarget] }) : send('stop_recording'),
      );
    },
    pauseRecording() {
      if (protocol() === 'legacy') return notSupported(labels.recordingNotSupported);
      const recTarget = recordingTarget();
      if (protocol() === 'intermediate' && recTarget === undefined) return noRecordingTarget();
      return command('recording', 'pause-recording', () =>
        recTarget !== undefined ? send('pause_stream', { target_ids: [recTarget] }) : send('pause_recording'),
      );
    },
    startLiveStream(opts) {
      if (protocol() === 'legacy') return notSupported(labels.liveNotSupported);
      // OpenTalk streams only to destinations configured on the server: never start them all in
      // answer to a typed RTMP URL the server cannot use.
      if (opts.rtmpUrl !== undefined && !opts.endpoints?.length && !opts.instanceId) return notSupported(labels.liveNotSupported);
      const chosen = opts.endpoints && opts.endpoints.length > 0 ? [...opts.endpoints] : opts.instanceId ? [opts.instanceId] : [...targets.keys()].filter((id) => !recordingTargets.has(id) && !streams.has(id));
      if (chosen.length === 0) return notSupported(labels.liveNotSupported);
      return command('stream', 'start-live-stream', () => send('start_stream', { target_ids: chosen }), chosen);
    },
    stopLiveStream(opts = {}) {
      if (protocol() === 'legacy') return notSupported(labels.liveNotSupported);
      const chosen = opts.instanceId ? [opts.instanceId] : runningStreams();
      if (chosen.length === 0) return Promise.resolve();
      return command('stream', 'stop-live-stream', () => send('stop_stream', { target_ids: chosen }), chosen);
    },
    async setConsent(consent) {
      send('set_consent', { consent });
      // The roomserver echoes a change (and only a change) as `consent_updated`; older servers never do.
      const echoed = protocol() !== 'legacy' && protocol() !== 'intermediate' && (localId === undefined || serverConsent.get(localId) !== consent);
      if (echoed) consentsInFlight.push({ consent, generation });
      if (consentsInFlight.length > 16) consentsInFlight.shift();
      if (localId === undefined) return;
      serverConsent.set(localId, consent);
      localConsentGeneration = generation;
    },
  };
}
