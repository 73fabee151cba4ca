/*
 * The older OpenTalk controller (`ws_modules/recording`): `start`, `stop {recording_id}`,
 * `set_consent`; events `started {recording_id}`, `stopped {recording_id}`, `error {error}`;
 * `control` `join_success.recording` serialized with serde tag `state` (`null`: no recording;
 * `{state: "initializing"}`; `{state: "recording", recording_id}` — its docs say `status`).
 */
import type { OpenTalkTranslator } from './facts.js';
import { LegacyStartedSchema, LegacyStoppedSchema } from './schemas.js';
import { controlJoin, liveNotSupported, notSupported, parse, seedRecording, setRecording, wire } from './translateCommon.js';

/**
 * The older controller's translation (wire ↔ OnAir). No I/O: see {@link OpenTalkTranslator}.
 *
 * @internal
 */
export const controllerTranslator: OpenTalkTranslator = {
  echoesConsent: false,
  reads: {
    // `initializing` means the recorder is on its way; `recording` carries the id to stop it with.
    'control join_success': controlJoin((f, data, seeds) => seedRecording(f, seeds, data.state ?? data.status ?? undefined, data.recording_id ?? undefined)),
    'recording started': (f, payload, at) => {
      const m = parse(f, LegacyStartedSchema, payload);
      if (m) setRecording(f, 'recording', at, { recordingId: m.recording_id, startedBy: m.started_by ?? undefined });
    },
    'recording stopped': (f, payload, at) => {
      const m = parse(f, LegacyStoppedSchema, payload);
      if (m) setRecording(f, 'stopped', at, { recordingId: m.recording_id });
    },
  },
  startRecording: () => wire('start', 'start-recording'),
  stopRecording: (f) => {
    const recordingId = f.recording?.recordingId;
    if (recordingId === undefined) return { refused: f.env.labels.providerErrors.invalid_recording_id ?? f.env.labels.recordingFailed };
    return { payload: { action: 'stop', recording_id: recordingId }, pending: { kind: 'recording', command: 'stop-recording' } };
  },
  pauseRecording: notSupported,
  startLiveStream: liveNotSupported,
  stopLiveStream: liveNotSupported,
};
