/*
 * The older OpenTalk controller (`ws_modules/recording`): `start`, `stop {recording_id}`,
 * `set_consent`; events `started {recording_id}`, `stopped {recording_id}`, `error {error}`;
 * `control` `join_success.recording` serialized with serde tag `state` (`null`: no recording;
 * `{state: "initializing"}`; `{state: "recording", recording_id}` — its docs say `status`).
 */
import type { OpenTalkTranslator } from './facts.js';
import { LegacyStartedSchema, LegacyStoppedSchema, messageTag, RecordingJoinDataSchema } from './schemas.js';
import { collect, commandError, notSupported, parse, readControl, seedRecording, setRecording, unknownRecordingMessage } from './translateCommon.js';

/**
 * The older controller's translation (wire ↔ OnAir). No I/O: see {@link OpenTalkTranslator}.
 *
 * @internal
 */
export const controllerTranslator: OpenTalkTranslator = {
  echoesConsent: false,
  read: (f, namespace, payload, at) =>
    collect(f, () => {
      if (namespace === 'control') {
        readControl(f, payload, at, (raw, seeds) => {
          if (raw === undefined || raw === null) return;
          const data = parse(f, RecordingJoinDataSchema, raw, 'recording data in join_success');
          // `initializing` means the recorder is on its way; `recording` carries the id to stop it with.
          if (data) seedRecording(f, seeds, data.state ?? data.status ?? undefined, data.recording_id ?? undefined);
        });
        return;
      }
      if (namespace !== 'recording') return;
      const tag = messageTag(payload);
      if (tag === 'started') {
        const m = parse(f, LegacyStartedSchema, payload);
        if (m) setRecording(f, 'recording', at, { recordingId: m.recording_id, startedBy: m.started_by ?? undefined });
      } else if (tag === 'stopped') {
        const m = parse(f, LegacyStoppedSchema, payload);
        if (m) setRecording(f, 'stopped', at, { recordingId: m.recording_id });
      } else if (tag === 'error') {
        commandError(f, payload, at);
      } else {
        unknownRecordingMessage(f, tag);
      }
    }),
  startRecording: () => ({ payload: { action: 'start' }, pending: { kind: 'recording', command: 'start-recording' } }),
  stopRecording: (f) => {
    const recordingId = f.recording?.recordingId;
    if (recordingId === undefined) return { refused: f.env.labels.providerErrors.invalid_recording_id ?? f.env.labels.recordingFailed };
    return { payload: { action: 'stop', recording_id: recordingId }, pending: { kind: 'recording', command: 'stop-recording' } };
  },
  pauseRecording: notSupported,
  startLiveStream: (f) => ({ refused: f.env.labels.liveNotSupported }),
  stopLiveStream: (f) => ({ refused: f.env.labels.liveNotSupported }),
};
