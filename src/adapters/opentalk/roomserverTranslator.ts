/*
 * The current generation, OpenTalk's roomserver (`modules/recording`): commands `start_recording`,
 * `pause_recording`, `stop_recording`, `start_stream`/`pause_stream`/`stop_stream {target_ids}`,
 * `set_consent`; events `recording_updated {status, reason?}`, `stream_updated {target_id, status,
 * reason?}`, `consent_updated {participant, consents}`, `error {error}`; join module data
 * `{consents_recording, recording_state, stream_states, service}`.
 */
import type { JoinSeeds } from './translateCommon.js';
import type { OpenTalkFacts, OpenTalkTranslator } from './facts.js';
import { messageTag, RecordingJoinDataSchema, RecordingUpdatedSchema, StreamUpdatedSchema } from './schemas.js';
import {
  collect,
  commandError,
  consentUpdated,
  liveStreamStart,
  liveStreamStop,
  parse,
  readControl,
  readTargets,
  seedRecording,
  setRecording,
  setStream,
  unknownRecordingMessage,
} from './translateCommon.js';

/** The `recording` module's join data: the recording's state, the stream targets, my stored consent. */
function readJoinData(f: OpenTalkFacts, raw: unknown, seeds: JoinSeeds): void {
  if (raw === undefined || raw === null) return;
  const data = parse(f, RecordingJoinDataSchema, raw, 'recording data in join_success');
  if (!data) return;
  if (data.recording_state) seedRecording(f, seeds, data.recording_state.status);
  if (data.stream_states) readTargets(f, data.stream_states, seeds);
  // My own stored consent (`true` restores it; `false` is "not chosen").
  if (typeof data.consents_recording === 'boolean') seeds.myConsent = data.consents_recording;
}

/**
 * The roomserver's translation (wire ↔ OnAir). No I/O: see {@link OpenTalkTranslator}.
 *
 * @internal
 */
export const roomserverTranslator: OpenTalkTranslator = {
  echoesConsent: true,
  read: (f, namespace, payload, at) =>
    collect(f, () => {
      if (namespace === 'control') {
        readControl(f, payload, at, (raw, seeds) => readJoinData(f, raw, seeds));
        return;
      }
      if (namespace !== 'recording') return;
      const tag = messageTag(payload);
      if (tag === 'recording_updated') {
        const m = parse(f, RecordingUpdatedSchema, payload, 'recording recording_updated');
        if (m) setRecording(f, m.status, at, { reason: m.reason, startedBy: m.started_by ?? undefined });
      } else if (tag === 'stream_updated') {
        const m = parse(f, StreamUpdatedSchema, payload, 'recording stream_updated');
        if (m) setStream(f, m.target_id, m.status, at, m.reason);
      } else if (tag === 'consent_updated') {
        consentUpdated(f, payload, at);
      } else if (tag === 'error') {
        commandError(f, payload, at);
      } else {
        unknownRecordingMessage(f, tag);
      }
    }),
  startRecording: () => ({ payload: { action: 'start_recording' }, pending: { kind: 'recording', command: 'start-recording' } }),
  stopRecording: () => ({ payload: { action: 'stop_recording' }, pending: { kind: 'recording', command: 'stop-recording' } }),
  pauseRecording: () => ({ payload: { action: 'pause_recording' }, pending: { kind: 'recording', command: 'pause-recording' } }),
  startLiveStream: liveStreamStart,
  stopLiveStream: (f, opts) => liveStreamStop(f, opts.instanceId),
};
