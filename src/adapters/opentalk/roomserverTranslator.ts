/*
 * The current generation, OpenTalk's roomserver (`modules/recording`): commands `start_recording`,
 * `pause_recording`, `stop_recording`, `start_stream`/`pause_stream`/`stop_stream {target_ids}`,
 * `set_consent`; events `recording_updated {status, reason?}`, `stream_updated {target_id, status,
 * reason?}`, `consent_updated {participant, consents}`, `error {error}`; join module data
 * `{consents_recording, recording_state, stream_states, service}`.
 */
import type { DisabledFeatures, OpenTalkFacts, OpenTalkTranslator } from './facts.js';
import {
  connectionIds,
  CoreJoinSuccessSchema,
  ParticipantConnectedSchema,
  ParticipantDisconnectedSchema,
  RecordingUpdatedSchema,
  RoleUpdatedSchema,
  RoomserverParticipantSchema,
} from './schemas.js';
import {
  consentUpdated,
  controlJoin,
  joinData,
  joined,
  liveStreamStart,
  liveStreamStop,
  parse,
  participantLeft,
  participantSeen,
  readParticipants,
  readTargets,
  roleUpdated,
  seedRecording,
  setRecording,
  streamUpdated,
  wire,
  type JoinData,
  type JoinSeeds,
} from './translateCommon.js';

/** The `recording` module's join data: the recording's state, the stream targets, my stored consent. */
function readJoinData(f: OpenTalkFacts, data: JoinData | undefined, seeds: JoinSeeds): void {
  if (!data) return;
  if (data.recording_state) seedRecording(f, seeds, data.recording_state.status);
  if (data.stream_states) readTargets(f, data.stream_states, seeds);
  // My own stored consent (`true` restores it; `false` is "not chosen").
  if (typeof data.consents_recording === 'boolean') seeds.myConsent = data.consents_recording;
}

/**
 * What the room turned off: a feature in `tariff.disabled_features` (`recording::record`,
 * `recording::stream`), or missing from `enabled_modules` (the recording module absent, or the
 * feature removed from its list). `undefined` when the join says nothing of either.
 */
function disabledFeatures(tariffDisabled: readonly unknown[] | null | undefined, enabled: Record<string, unknown> | null | undefined): DisabledFeatures | undefined {
  const off = new Set(tariffDisabled?.filter((x): x is string => typeof x === 'string'));
  const features = enabled ? (Object.prototype.hasOwnProperty.call(enabled, 'recording') ? enabled.recording : []) : undefined;
  const lacks = (feature: string): boolean =>
    off.has(`recording::${feature}`) || (features !== undefined && !(Array.isArray(features) && features.includes(feature)));
  const recording = lacks('record');
  const liveStream = lacks('stream');
  return recording || liveStream ? { recording, liveStream } : undefined;
}

/**
 * The roomserver's translation (wire ↔ OnAir). No I/O: see {@link OpenTalkTranslator}. The `core`
 * namespace (`join_success` with nested module data, `participant_connected`,
 * `participant_disconnected`): the roomserver announces connections, so a participant leaves with
 * their last one. Other core messages (waiting room, closing, quotas …) are not ours.
 *
 * @internal
 */
export const roomserverTranslator: OpenTalkTranslator = {
  echoesConsent: true,
  reads: {
    'core join_success': (f, payload, at) => {
      const m = parse(f, CoreJoinSuccessSchema, payload);
      if (!m) return;
      const participants = readParticipants(f, m.participants, RoomserverParticipantSchema, (p) => ({
        id: p.id,
        control: p.module_data?.core,
        recording: p.module_data?.recording,
        connections: connectionIds(p.connections),
      }));
      const disabled = disabledFeatures(m.tariff?.disabled_features, m.enabled_modules);
      joined(f, { id: m.id, displayName: m.display_name, role: m.role, participants, disabled }, at, (seeds) =>
        readJoinData(f, joinData(f, m.module_data?.recording), seeds),
      );
    },
    'core participant_connected': (f, payload, at) => {
      if (!f.joined) return f.env.warn('core participant_connected before join_success ignored');
      const m = parse(f, ParticipantConnectedSchema, payload);
      if (m) participantSeen(f, { id: m.participant_id, control: m.peer_data?.core, recording: m.peer_data?.recording }, at, false, m.connection_id);
    },
    'core participant_disconnected': (f, payload, at) => {
      const m = parse(f, ParticipantDisconnectedSchema, payload);
      if (!m || m.participant_id === f.localId) return;
      const open = f.participants.get(m.participant_id)?.connections;
      if (open && m.connection_id !== undefined) {
        open.delete(m.connection_id);
        if (open.size > 0) return;
      }
      participantLeft(f, m.participant_id, at);
    },
    'moderation role_updated': (f, payload, at) => {
      const m = parse(f, RoleUpdatedSchema, payload);
      if (m) roleUpdated(f, m.new_role, m.participant_id, at);
    },
    // A join framed the controllers' way (`control`, module data flattened) is read too.
    'control join_success': controlJoin(readJoinData),
    'recording recording_updated': (f, payload, at) => {
      const m = parse(f, RecordingUpdatedSchema, payload);
      if (m) setRecording(f, m.status, at, { reason: m.reason, startedBy: m.started_by ?? undefined });
    },
    'recording stream_updated': streamUpdated,
    'recording consent_updated': consentUpdated,
  },
  startRecording: () => wire('start_recording', 'start-recording'),
  stopRecording: () => wire('stop_recording', 'stop-recording'),
  pauseRecording: () => wire('pause_recording', 'pause-recording'),
  startLiveStream: liveStreamStart,
  stopLiveStream: liveStreamStop,
};
