/*
 * The intermediate generation (`opentalk-types-signaling-recording`): `control` `join_success.recording =
 * {targets: {<id>: {name, streaming_kind, public_url?, status, reason?}}}`; the recording *is* the
 * target whose kind is `recording`; commands `set_consent`, `start_stream`/`pause_stream`/
 * `stop_stream {target_ids}`; events `stream_updated`, `error`, `recorder_error {error: timeout}`.
 */
import type { OpenTalkFacts, OpenTalkTranslator, WireCommand } from './facts.js';
import { RecorderErrorSchema } from './schemas.js';
import { controlJoin, emit, errorOf, liveStreamStart, liveStreamStop, notSupported, parse, readTargets, streamUpdated, wire } from './translateCommon.js';

/** The recording target (this generation has no recording command). */
const recordingTarget = (f: OpenTalkFacts): string | undefined => [...f.recordingTargets][0];

function onTarget(f: OpenTalkFacts, action: string, command: 'start-recording' | 'stop-recording' | 'pause-recording'): WireCommand {
  const target = recordingTarget(f);
  if (target === undefined) return notSupported(f);
  return wire(action, command, [target]);
}

/**
 * `recorder_error {error: timeout}`: no recorder picked up the start in time, and the controller
 * set every target it was starting back to inactive — the recording target and live streams alike
 * (the controller's `RecorderExtEvent::Timeout(target_ids)`).
 */
function recorderError(f: OpenTalkFacts, payload: unknown, at: number): void {
  const m = parse(f, RecorderErrorSchema, payload);
  if (!m) return;
  const code = `recorder_${m.error}`;
  const pending = f.pending;
  const ours = pending?.command === 'start-live-stream' ? (pending.targets ?? []) : [];
  const starting = new Set([...ours, ...[...f.streams].filter(([, word]) => word === 'starting').map(([id]) => id)]);
  const recordingWord = f.recording?.word;
  f.pending = undefined;
  for (const instanceId of starting) {
    f.streams.delete(instanceId);
    emit(f, { type: 'live-stream-error', instanceId, error: errorOf(f, code, undefined, ours.includes(instanceId) ? 'start-live-stream' : undefined), at });
  }
  // The recording, when it was the one starting (or nothing else could have been).
  if (recordingWord === 'starting' || pending?.command === 'start-recording' || (starting.size === 0 && recordingWord === undefined)) {
    f.localRequestedStart = false;
    f.recording = undefined;
    emit(f, { type: 'recording-error', error: errorOf(f, code, undefined, pending?.command === 'start-recording' ? 'start-recording' : undefined), at });
  }
}

/**
 * The intermediate generation's translation (wire ↔ OnAir). No I/O: see {@link OpenTalkTranslator}.
 *
 * @internal
 */
export const intermediateTranslator: OpenTalkTranslator = {
  echoesConsent: false,
  reads: {
    'control join_success': controlJoin((f, data, seeds) => data.targets && readTargets(f, data.targets, seeds)),
    'recording stream_updated': streamUpdated,
    'recording recorder_error': recorderError,
  },
  startRecording: (f) => onTarget(f, 'start_stream', 'start-recording'),
  stopRecording: (f) => onTarget(f, 'stop_stream', 'stop-recording'),
  pauseRecording: (f) => onTarget(f, 'pause_stream', 'pause-recording'),
  startLiveStream: liveStreamStart,
  stopLiveStream: liveStreamStop,
};
