/*
 * The words the three OpenTalk generations share, translated once: recording and stream states
 * (OpenTalk sends states, not transitions), command errors, consent echoes, the roster and the
 * join. Each generation's translator (controllerTranslator, intermediateTranslator,
 * roomserverTranslator) reads its own wire shapes and calls these. No I/O: events go to `f.out`.
 */
import * as v from 'valibot';
import type { LiveStreamSeed, OnAirEvent, RecordingSeed } from '../../core/events.js';
import type { OnAirCommand, OnAirError, ParticipantRole } from '../../core/model.js';
import type { InstanceOptions, StartLiveStreamOptions } from '../../core/adapter.js';
import type { OpenTalkFacts, OpenTalkTranslator, Pending, Reader, ServerRecording, ServerStreamWord, WireCommand } from './facts.js';
import {
  ConsentUpdatedSchema,
  JoinSuccessSchema,
  LeftSchema,
  ParticipantSchema,
  RecordingErrorSchema,
  RecordingJoinDataSchema,
  RoleUpdatedSchema,
  messageTag,
  readIdMap,
  StreamStateSchema,
  StreamUpdatedSchema,
  type OpenTalkParticipant,
  type StreamState,
} from './schemas.js';

type Reason = { code?: string | undefined; message?: string | null | undefined } | null | undefined;
export type JoinSeeds = { recordings: RecordingSeed[]; liveStreams: LiveStreamSeed[]; myConsent: boolean | undefined };

const STREAM_WORDS = new Set(['active', 'paused', 'in_use', 'inactive', 'error']);
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
 * The server's role word, compared case-insensitively: only moderators may record in OpenTalk, so
 * every other word the server says (`user`, `guest`, a role added later) is a participant.
 * `undefined` when the server said nothing.
 */
export function mapRole(role: string | null | undefined): ParticipantRole | undefined {
  if (typeof role !== 'string' || role.trim().length === 0) return undefined;
  return role.trim().toLowerCase() === 'moderator' ? 'moderator' : 'participant';
}

/** A stream or recording-target status word, with the synonyms of the three generations folded. */
export function streamWord(status: string | undefined): 'starting' | 'active' | 'paused' | 'inactive' | 'in_use' | 'error' | undefined {
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

export function emit(f: OpenTalkFacts, event: OnAirEvent): void {
  f.out.push(event);
}

/** Runs `read` with a fresh event list and returns what it emitted. */
export function collect(f: OpenTalkFacts, read: () => void): OnAirEvent[] {
  f.out = [];
  read();
  return f.out;
}

/** Parses a payload, or warns (naming `what`, else the message's tag) and answers `undefined`. */
export function parse<S extends v.GenericSchema>(f: OpenTalkFacts, schema: S, payload: unknown, what?: string): v.InferOutput<S> | undefined {
  const parsed = v.safeParse(schema, payload);
  if (parsed.success) return parsed.output;
  f.env.warn(`malformed ${what ?? messageTag(payload) ?? 'message'} dropped`, parsed.issues[0]?.message);
  return undefined;
}

export function errorOf(f: OpenTalkFacts, code: string, detailMessage?: string | null, command?: OnAirCommand): OnAirError {
  const { labels, now } = f.env;
  // Own-property lookup: an error code such as `constructor` never reads `Object.prototype`.
  const known = Object.prototype.hasOwnProperty.call(labels.providerErrors, code) ? labels.providerErrors[code] : undefined;
  const message = typeof known === 'string' ? known : detailMessage && detailMessage.length > 0 ? detailMessage : labels.providerErrorUnknown(code);
  return command === undefined ? { code, message, at: now() } : { code, message, command, at: now() };
}

function inferStarter(f: OpenTalkFacts, explicit: string | undefined): string | undefined {
  if (explicit) return explicit;
  if (f.localRequestedStart && f.localId !== undefined) return f.localId;
  // Only moderators may start a recording: with one moderator besides us, it was them.
  const moderators = [...f.participants].filter(([pid, p]) => pid !== f.localId && p.role === 'moderator').map(([pid]) => pid);
  return moderators.length === 1 ? moderators[0] : undefined;
}

/** A recording began from nothing: OpenTalk keeps consents across recordings, so re-state the server's truth. */
function recordingOpened(f: OpenTalkFacts, at: number): void {
  f.generation += 1;
  for (const [pid, consent] of f.serverConsent) {
    if (pid !== f.localId && consent) emit(f, { type: 'consent-updated', participantId: pid, consent: true, at });
  }
}

/**
 * Translates the server's word about the recording into events. OpenTalk sends states, not
 * transitions: whether a recording is already open decides between opening one (a new consent
 * epoch) and moving it; the reducer decides the rest (duplicates, stale ids, late events).
 */
export function setRecording(
  f: OpenTalkFacts,
  status: string,
  at: number,
  extra: { recordingId?: string | undefined; startedBy?: string | undefined; reason?: Reason } = {},
): void {
  const before = f.recording;
  switch (streamWord(status)) {
    case 'starting': {
      if (before) return;
      const startedBy = inferStarter(f, extra.startedBy);
      f.recording = { word: 'starting', startedBy, recordingId: extra.recordingId };
      emit(f, { type: 'recording-starting', startedBy, at });
      recordingOpened(f, at);
      return;
    }
    case 'active': {
      // OpenTalk has no "resumed" message: `active` after `paused` is the recording coming back.
      if (before?.word === 'paused') {
        f.recording = { ...before, word: 'active' };
        emit(f, { type: 'recording-resumed', at });
        return;
      }
      const startedBy = before?.startedBy ?? inferStarter(f, extra.startedBy);
      const recordingId = extra.recordingId ?? before?.recordingId;
      f.recording = { word: 'active', startedBy, recordingId };
      f.localRequestedStart = false;
      if (f.pending?.command === 'start-recording') f.pending = undefined;
      emit(f, { type: 'recording-started', recordingId, startedBy, recordingType: 'cloud', at });
      if (!before) recordingOpened(f, at);
      return;
    }
    case 'paused': {
      if (!before) {
        // Paused before we saw it run: seeded, so the one who started it comes along.
        f.recording = { word: 'paused', startedBy: inferStarter(f, extra.startedBy) };
        emit(f, { type: 'state-seeded', recordings: [{ status: 'paused', startedBy: f.recording.startedBy }], at });
        recordingOpened(f, at);
        return;
      }
      if (before.word === 'paused') return;
      f.recording = { ...before, word: 'paused' };
      if (f.pending?.command === 'pause-recording') f.pending = undefined;
      emit(f, { type: 'recording-paused', at });
      return;
    }
    case 'inactive': {
      f.recording = undefined;
      f.localRequestedStart = false;
      if (f.pending?.kind === 'recording') f.pending = undefined;
      // Only a recording that was open (or one the server names) is closed: a stop for nothing
      // would leave the store a "stop before start" that swallows the next start.
      if (before || extra.recordingId !== undefined) emit(f, { type: 'recording-stopped', recordingId: extra.recordingId ?? before?.recordingId, at });
      return;
    }
    case 'error': {
      f.recording = undefined;
      f.localRequestedStart = false;
      const command = f.pending?.kind === 'recording' ? f.pending.command : undefined;
      if (f.pending?.kind === 'recording') f.pending = undefined;
      emit(f, { type: 'recording-error', error: errorOf(f, extra.reason?.code ?? 'recording_error', extra.reason?.message, command), at });
      return;
    }
    default:
      f.env.warn(`unknown recording status "${status}" ignored`);
  }
}

/** Translates the server's word about one stream target (its id is the live stream's `instanceId`) into events. */
export function setStream(f: OpenTalkFacts, targetId: string, status: string, at: number, reason?: Reason): void {
  if (f.recordingTargets.has(targetId)) {
    setRecording(f, status, at, { reason });
    return;
  }
  const before = f.streams.get(targetId);
  const pending = f.pending;
  const ours = pending?.kind === 'stream' && (pending.targets?.includes(targetId) ?? false);
  // Stream words only (`recording`, `initializing`, `stopped` are the older recording's).
  const word = status === 'requested' || status === 'starting' ? 'starting' : STREAM_WORDS.has(status) ? status : undefined;
  if (word !== undefined) f.inUse.delete(targetId);
  switch (word) {
    // `requested` (roomserver) and `starting` (intermediate): the recorder is on its way.
    case 'starting': {
      if (before) return;
      f.streams.set(targetId, 'starting');
      // Our own start is already `starting` in the store (the kit's request); someone else's is new.
      if (!ours) emit(f, { type: 'state-seeded', liveStreams: [{ instanceId: targetId, status: 'starting' }], at });
      return;
    }
    case 'active': {
      f.streams.set(targetId, 'active');
      if (ours && pending?.command === 'start-live-stream') f.pending = undefined;
      // No "resumed" message either: `active` after `paused` is the stream reconnected.
      if (before === 'paused') emit(f, { type: 'live-stream-updated', instanceId: targetId, state: 'connected', at });
      else emit(f, { type: 'live-stream-started', instanceId: targetId, at });
      return;
    }
    case 'paused': {
      f.streams.set(targetId, 'paused');
      // The live-stream slice opens an interrupted stream it did not know yet, so one event serves both.
      emit(f, { type: 'live-stream-updated', instanceId: targetId, state: 'interrupted', at });
      return;
    }
    case 'in_use': {
      f.streams.delete(targetId);
      f.inUse.add(targetId);
      if (ours && pending?.command === 'start-live-stream') {
        f.pending = undefined;
        emit(f, { type: 'live-stream-request-failed', instanceId: targetId, error: errorOf(f, 'streaming_target_in_use', undefined, 'start-live-stream'), at });
      } else if (before) {
        emit(f, { type: 'live-stream-stopped', instanceId: targetId, at });
      }
      return;
    }
    case 'inactive': {
      f.streams.delete(targetId);
      if (ours) f.pending = undefined;
      if (before) emit(f, { type: 'live-stream-stopped', instanceId: targetId, at });
      return;
    }
    case 'error': {
      f.streams.delete(targetId);
      const command = ours ? pending?.command : undefined;
      if (ours) f.pending = undefined;
      emit(f, { type: 'live-stream-error', instanceId: targetId, error: errorOf(f, reason?.code ?? 'stream_error', reason?.message, command), at });
      return;
    }
    default:
      f.env.warn(`unknown stream status "${status}" ignored`);
  }
}

/** An `error {error}` of the `recording` namespace: it names no command, so the one in flight decides (or the code). */
export function commandError(f: OpenTalkFacts, payload: unknown, at: number): void {
  const m = parse(f, RecordingErrorSchema, payload);
  if (!m) return;
  const code = m.error;
  const pending = f.pending;
  const kind: 'recording' | 'stream' = STREAM_CODES.has(code)
    ? 'stream'
    : RECORDING_CODES.has(code)
      ? 'recording'
      : (pending?.kind ?? (code === 'invalid_streaming_id' ? 'stream' : 'recording'));
  const command = pending?.kind === kind ? pending.command : undefined;
  const stream = pending?.kind === 'stream' ? pending.targets : undefined;
  f.pending = undefined;
  if (kind === 'stream') {
    const instanceId = stream && stream.length === 1 ? stream[0] : undefined;
    emit(f, { type: 'live-stream-request-failed', instanceId, error: errorOf(f, code, undefined, command), at });
  } else {
    if (command === 'start-recording') f.localRequestedStart = false;
    emit(f, { type: 'recording-request-failed', error: errorOf(f, code, undefined, command), at });
  }
}

/** Roomserver `consent_updated {participant, consents}`: someone's stored consent changed (mine: the echo of my `set_consent`). */
export function consentUpdated(f: OpenTalkFacts, payload: unknown, at: number): void {
  const m = parse(f, ConsentUpdatedSchema, payload);
  if (!m) return;
  const participantId = m.participant ?? m.participant_id;
  if (participantId === undefined) return f.env.warn('consent_updated without a participant dropped');
  // Before join_success the one named may be me, under an id I do not know yet.
  if (!f.joined) return f.env.warn('consent_updated before join_success ignored');
  f.serverConsent.set(participantId, m.consents);
  if (participantId === f.localId) {
    // The echo of a `set_consent`: it counts only for the recording it was sent for.
    const index = f.consentsInFlight.findIndex((sent) => sent.consent === m.consents);
    const sentFor = index >= 0 ? f.consentsInFlight[index]?.generation : undefined;
    if (index >= 0) f.consentsInFlight.splice(0, index + 1);
    if (sentFor !== undefined && sentFor !== f.generation) return;
    f.localConsentGeneration = f.generation;
  }
  emit(f, { type: 'consent-updated', participantId, consent: m.consents, at });
}

/** Someone in the room, announced with their name and consent: `false` is OpenTalk's default for "has not chosen", so only `true` is a decision we can read. */
function arrived(f: OpenTalkFacts, p: OpenTalkParticipant, at: number): void {
  emit(f, { type: 'participant-joined', participantId: p.id, name: p.control?.display_name ?? undefined, consent: p.recording?.consents_recording === true ? true : undefined, at });
}

function rememberParticipant(f: OpenTalkFacts, p: OpenTalkParticipant, connections?: readonly string[]): void {
  const known = f.participants.get(p.id) ?? {};
  const open = known.connections ?? (connections ? new Set<string>() : undefined);
  for (const c of connections ?? []) open?.add(c);
  f.participants.set(p.id, {
    name: p.control?.display_name ?? known.name,
    role: mapRole(p.control?.role) ?? known.role,
    connections: open,
  });
  const consent = p.recording?.consents_recording;
  if (typeof consent === 'boolean') f.serverConsent.set(p.id, consent);
}

/**
 * A participant arrived (`control` `joined`/`update`, roomserver `participant_connected`): new
 * ones are announced with their name and consent; a known one may have a new name or answer.
 */
export function participantSeen(f: OpenTalkFacts, p: OpenTalkParticipant, at: number, joinedNow: boolean, connection?: string): void {
  if (p.id === f.localId) return;
  const isNew = !f.participants.has(p.id);
  const before = f.serverConsent.get(p.id);
  rememberParticipant(f, p, connection === undefined ? undefined : [connection]);
  if (joinedNow || isNew) {
    arrived(f, p, at);
    return;
  }
  if (p.control?.display_name) emit(f, { type: 'participant-named', participantId: p.id, name: p.control.display_name, at });
  // Older servers tell consent changes through `update`: a yes, or a yes taken back.
  const answer = p.recording?.consents_recording;
  if (answer === true && before !== true) emit(f, { type: 'consent-updated', participantId: p.id, consent: true, at });
  else if (answer === false && before === true) emit(f, { type: 'consent-updated', participantId: p.id, consent: false, at });
}

/** A participant left (`control` `left`; roomserver: their last connection closed). */
export function participantLeft(f: OpenTalkFacts, participantId: string, at: number): void {
  f.participants.delete(participantId);
  f.serverConsent.delete(participantId);
  emit(f, { type: 'participant-left', participantId, at });
}

/** A role changed: mine (`participantId` absent or mine) is told; a peer's is kept (it names the starter of a recording). */
export function roleUpdated(f: OpenTalkFacts, newRole: string, participantId: string | undefined, at: number): void {
  const role = mapRole(newRole);
  if (!role) return;
  if (participantId !== undefined && participantId !== f.localId) {
    const known = f.participants.get(participantId);
    if (known) known.role = role;
    return;
  }
  if (role !== f.localRole) {
    f.localRole = role;
    emit(f, { type: 'role-changed', role, at });
  }
}

/** Seeds the recording from the server's word at join (`active`, `paused` or on its way). */
export function seedRecording(f: OpenTalkFacts, seeds: JoinSeeds, status: string | undefined, recordingId?: string): void {
  const word = streamWord(status);
  if ((word !== 'active' && word !== 'paused' && word !== 'starting') || f.recording) return;
  f.recording = { word, recordingId, startedBy: inferStarter(f, undefined) };
  seeds.recordings.push(recordingSeedOf(f.recording));
}

/** Reads the stream targets of a join (`stream_states`, `targets`): live streams, the recording target, those in use elsewhere. */
export function readTargets(f: OpenTalkFacts, raw: Record<string, unknown>, seeds: JoinSeeds): void {
  const map = readIdMap(raw, StreamStateSchema, (key, message) => f.env.warn(`malformed stream target "${key}" in join_success dropped`, message));
  for (const [targetId, target] of map as Map<string, StreamState>) {
    const kind = target.streaming_kind ?? target.kind ?? undefined;
    f.targets.set(targetId, { name: target.name ?? undefined, kind });
    if (kind === 'recording') {
      f.recordingTargets.add(targetId);
      seedRecording(f, seeds, target.status);
      continue;
    }
    const word = streamWord(target.status);
    if (word === 'in_use') f.inUse.add(targetId);
    if (word !== 'active' && word !== 'paused' && word !== 'starting') continue;
    f.streams.set(targetId, word);
    seeds.liveStreams.push({ instanceId: targetId, status: liveStatusOf(word) });
  }
}

/** Who I am, my role and what the room turned off, then my name (join_success, replay). */
function announceMe(f: OpenTalkFacts, me: string, at: number): void {
  emit(f, { type: 'session-joined', localParticipantId: me, role: f.localRole, disabled: f.disabled, at });
  if (f.localName) emit(f, { type: 'participant-joined', participantId: me, name: f.localName, at });
}

export interface JoinOf {
  readonly id: string | undefined;
  readonly displayName: string | null | undefined;
  readonly role: string | null | undefined;
  /** Each with their open connections where the server counts them (roomserver). */
  readonly participants: ReadonlyArray<OpenTalkParticipant & { connections?: readonly string[] | undefined }>;
  readonly disabled?: OpenTalkFacts['disabled'];
}

/**
 * A join, read: who I am and my role, then the recording and stream state (`readData`, the
 * generation's module data), then everyone in the room with their consent.
 */
export function joined(f: OpenTalkFacts, join: JoinOf, at: number, readData: (seeds: JoinSeeds) => void): void {
  f.joined = true;
  // The server's id; only a join_success without one falls back to the app's word.
  const me = join.id ?? f.env.participantId;
  f.localId = me;
  f.localName = join.displayName ?? f.localName;
  // The server's role wins (any word but `moderator` may not record); the option only when it says nothing.
  f.localRole = mapRole(join.role) ?? f.env.role;
  f.disabled = join.disabled;
  f.participants.clear();
  f.recordingTargets.clear();
  f.targets.clear();
  f.inUse.clear();
  for (const p of join.participants) rememberParticipant(f, p, p.connections);
  const seeds: JoinSeeds = { recordings: [], liveStreams: [], myConsent: undefined };
  readData(seeds);
  announceMe(f, me, at);
  // Recording state before consents: a running recording opens the consent epoch the answers belong to.
  if (seeds.recordings.length > 0 || seeds.liveStreams.length > 0) {
    emit(f, { type: 'state-seeded', recordings: seeds.recordings, liveStreams: seeds.liveStreams, at });
    if (seeds.recordings.length > 0) f.generation += 1;
  }
  if (seeds.myConsent !== undefined) {
    f.serverConsent.set(me, seeds.myConsent);
    // After a reload: the server still has my `yes` for the recording that runs: no banner again.
    if (seeds.myConsent && f.recording) {
      f.localConsentGeneration = f.generation;
      emit(f, { type: 'consent-updated', participantId: me, consent: true, at });
    }
  }
  for (const p of join.participants) {
    if (p.id === me) continue;
    arrived(f, p, at);
  }
}

/** Parses each participant of a join, dropping (and reporting) the malformed ones. */
export function readParticipants<S extends v.GenericSchema>(
  f: OpenTalkFacts,
  raw: readonly unknown[] | null | undefined,
  schema: S,
  toParticipant: (parsed: v.InferOutput<S>) => JoinOf['participants'][number],
): JoinOf['participants'] {
  const out: Array<JoinOf['participants'][number]> = [];
  for (const item of raw ?? []) {
    const parsed = parse(f, schema, item, 'participant in join_success');
    if (parsed !== undefined) out.push(toParticipant(parsed));
  }
  return out;
}

/**
 * The controllers' `control` `join_success` (module data flattened); `readData` reads the
 * generation's `recording` data.
 */
export function controlJoin(readData: (f: OpenTalkFacts, data: JoinData, seeds: JoinSeeds) => void): Reader {
  return (f, payload, at) => {
    const m = parse(f, JoinSuccessSchema, payload);
    if (!m) return;
    const participants = readParticipants(f, m.participants, ParticipantSchema, (p) => p);
    joined(f, { id: m.id, displayName: m.display_name, role: m.role, participants }, at, (seeds) => {
      const data = joinData(f, m.recording);
      if (data) readData(f, data, seeds);
    });
  };
}

export type JoinData = v.InferOutput<typeof RecordingJoinDataSchema>;

/** The `recording` module data of a join (`null` or absent: none). */
export function joinData(f: OpenTalkFacts, raw: unknown): JoinData | undefined {
  return raw === undefined || raw === null ? undefined : parse(f, RecordingJoinDataSchema, raw, 'recording data in join_success');
}

/** A `control` `joined` or `update`: before join_success we do not know who is who (the one named may be me). */
const participantMessage =
  (joinedNow: boolean): Reader =>
  (f, payload, at) => {
    if (!f.joined) return f.env.warn(`control ${messageTag(payload)} before join_success ignored`);
    const p = parse(f, ParticipantSchema, payload);
    if (p) participantSeen(f, p, at, joinedNow);
  };

/** `stream_updated {target_id, status, reason?}` (intermediate and roomserver). */
export const streamUpdated: Reader = (f, payload, at) => {
  const m = parse(f, StreamUpdatedSchema, payload);
  if (m) setStream(f, m.target_id, m.status, at, m.reason);
};

/**
 * What every generation says alike, keyed `namespace message` like a translator's own `reads`:
 * the controllers' `control` roster messages, `recording` `error`, and `service` (addressed to
 * the recorder, not to participants). Other control messages (hand raise, quotas …) are not ours.
 */
export const sharedReads: Readonly<Record<string, Reader>> = {
  'control joined': participantMessage(true),
  'control update': participantMessage(false),
  'control left': (f, payload, at) => {
    const m = parse(f, LeftSchema, payload);
    if (m) participantLeft(f, m.id, at);
  },
  'control role_updated': (f, payload, at) => {
    const m = parse(f, RoleUpdatedSchema, payload);
    if (m) roleUpdated(f, m.new_role, undefined, at);
  },
  'recording error': commandError,
  'recording service': () => {},
};

/**
 * The one dispatch of every translator: the reader `t` owns for the message, else the shared one;
 * an unknown `recording` message is reported, other namespaces' messages are not ours.
 */
export function read(t: OpenTalkTranslator, f: OpenTalkFacts, namespace: string, payload: unknown, at: number): OnAirEvent[] {
  return collect(f, () => {
    const tag = messageTag(payload);
    // The space keeps any tag (`constructor`, `__proto__`) off Object.prototype's names.
    const key = `${namespace} ${tag}`;
    const reader = t.reads[key] ?? sharedReads[key];
    if (reader) reader(f, payload, at);
    else if (namespace === 'recording') f.env.warn(`unknown recording message ${tag === undefined ? '(no "message" tag)' : `"${tag}"`} ignored`);
  });
}

/** A command in the `recording` namespace and what it awaits. */
export function wire(action: string, command: OnAirCommand, targets?: string[], kind: Pending['kind'] = 'recording'): WireCommand {
  return { payload: targets ? { action, target_ids: targets } : { action }, pending: { kind, command, targets } };
}

/** Live streams to start: the ones asked for, else every configured target that is idle here (not running, not in use elsewhere). */
export function liveStreamStart(f: OpenTalkFacts, opts: StartLiveStreamOptions): WireCommand {
  const refused = liveNotSupported(f);
  // OpenTalk streams only to destinations configured on the server: never start them all in
  // answer to a typed RTMP URL the server cannot use.
  if (opts.rtmpUrl !== undefined && !opts.endpoints?.length && !opts.instanceId) return refused;
  const chosen =
    opts.endpoints && opts.endpoints.length > 0
      ? [...opts.endpoints]
      : opts.instanceId
        ? [opts.instanceId]
        : [...f.targets.keys()].filter((id) => !f.recordingTargets.has(id) && !f.streams.has(id) && !f.inUse.has(id));
  return chosen.length === 0 ? refused : wire('start_stream', 'start-live-stream', chosen, 'stream');
}

/** Live streams to stop: the one asked for, else every target the server says runs. */
export function liveStreamStop(f: OpenTalkFacts, { instanceId }: InstanceOptions): WireCommand {
  const chosen = instanceId ? [instanceId] : [...f.streams.keys()];
  return chosen.length === 0 ? undefined : wire('stop_stream', 'stop-live-stream', chosen, 'stream');
}

/** A live-stream command with no wire form (the older controller has no streams). */
export function liveNotSupported(f: OpenTalkFacts): WireCommand {
  return { refused: f.env.labels.liveNotSupported };
}

/** A recording command with no wire form in this generation. */
export function notSupported(f: OpenTalkFacts): WireCommand {
  return { refused: f.env.labels.recordingNotSupported };
}

/** Replays what is known (after a reconnect, e.g. React Strict Mode): the server sends join_success once. */
export function replay(f: OpenTalkFacts, at: number): OnAirEvent[] {
  return collect(f, () => {
    const me = f.localId;
    if (!f.joined || me === undefined) return;
    announceMe(f, me, at);
    // One snapshot, built from the server's words by the same translation as join_success.
    const liveStreams = [...f.streams].map(([instanceId, word]) => ({ instanceId, status: liveStatusOf(word) }));
    const recordings = f.recording ? [recordingSeedOf(f.recording)] : [];
    if (recordings.length > 0 || liveStreams.length > 0) emit(f, { type: 'state-seeded', recordings, liveStreams, at });
    for (const [pid, p] of f.participants) {
      const consent = f.serverConsent.get(pid) === true ? true : undefined;
      emit(f, { type: 'participant-joined', participantId: pid, name: p.name, consent, at });
    }
    const mine = f.serverConsent.get(me);
    if (mine !== undefined && f.localConsentGeneration === f.generation) {
      emit(f, { type: 'consent-updated', participantId: me, consent: mine, at });
    }
  });
}
