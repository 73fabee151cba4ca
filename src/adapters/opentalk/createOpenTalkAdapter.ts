/*
 * The OpenTalk adapter: owns the connection and picks the translator of the server generation it
 * hears (controllerTranslator, intermediateTranslator, roomserverTranslator — one file each, no
 * I/O). The protocol facts the translators share are listed in facts.ts.
 */
import { consentSlice } from '../../core/consentSlice.js';
import { liveStreamSlice } from '../../core/liveStreamSlice.js';
import { recordingSlice } from '../../core/recordingSlice.js';
import { rosterSlice } from '../../core/rosterSlice.js';
import * as v from 'valibot';
import { noCapabilities, type AdapterCapabilities, type OnAirEventSink } from '../../core/adapter.js';
import type { OnAirEvent } from '../../core/events.js';
import { liveStreamButtonLabels, providerErrorLabels, recordButtonLabels } from '../../core/labels.js';
import { controllerTranslator } from './controllerTranslator.js';
import { createFacts, type OpenTalkTranslator, type WireCommand } from './facts.js';
import { intermediateTranslator } from './intermediateTranslator.js';
import { roomserverTranslator } from './roomserverTranslator.js';
import { EnvelopeSchema, messageTag, snakeKeys } from './schemas.js';
import { replay } from './translateCommon.js';
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

const TRANSLATORS: Readonly<Record<OpenTalkGeneration, OpenTalkTranslator>> = {
  legacy: controllerTranslator,
  intermediate: intermediateTranslator,
  current: roomserverTranslator,
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Which generation a message shows: `join_success` for certain (by what its `recording` data
 * holds), a recording message as a guess (`started`/`stopped`: the older controller;
 * `recorder_error`: intermediate; `recording_updated`, `consent_updated`, a `stream_updated` of a
 * target that is not the recording: the roomserver).
 */
function generationOf(namespace: string, payload: unknown, recordingTargets: ReadonlySet<string>): { generation: OpenTalkGeneration; certain: boolean } | undefined {
  const tag = messageTag(payload);
  if (!isRecord(payload)) return undefined;
  // Only the roomserver has a `core` namespace (its join_success nests the module data).
  if (namespace === 'core') return tag === 'join_success' ? { generation: 'current', certain: true } : undefined;
  if (namespace === 'moderation') return undefined;
  if (namespace === 'control') {
    if (tag !== 'join_success') return undefined;
    const raw = payload.recording;
    // Only the older controller sends `null` (its `FrontendData(None)`: no recording); the others always send an object.
    if (raw === null) return { generation: 'legacy', certain: true };
    if (!isRecord(raw)) return undefined;
    const data = snakeKeys(raw);
    if (isRecord(data.targets)) return { generation: 'intermediate', certain: true };
    if (data.recording_state || data.stream_states || typeof data.consents_recording === 'boolean') return { generation: 'current', certain: true };
    // The older controller's serde tag is `state`; its docs say `status`.
    const state = data.state ?? data.status;
    if (state === 'initializing' || state === 'recording' || data.recording_id) return { generation: 'legacy', certain: true };
    return undefined;
  }
  // `stream_updated` of a target that is not the recording (that one is known from an intermediate join).
  if (tag === 'stream_updated') return recordingTargets.has(String(snakeKeys(payload).target_id)) ? undefined : { generation: 'current', certain: false };
  const generation = tag !== undefined && Object.prototype.hasOwnProperty.call(GUESSES, tag) ? GUESSES[tag] : undefined;
  return generation && { generation, certain: false };
}

/** Recording messages only one generation sends. */
const GUESSES: Readonly<Record<string, OpenTalkGeneration>> = {
  recording_updated: 'current',
  consent_updated: 'current',
  recorder_error: 'intermediate',
  started: 'legacy',
  stopped: 'legacy',
};

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
  const warn = options.onWarning ?? devWarn;
  const f = createFacts({
    participantId: options.participantId,
    role: options.role,
    // Only the parts the translators read (not every default of the kit).
    labels: { ...recordButtonLabels, ...liveStreamButtonLabels, ...providerErrorLabels, ...options.labels },
    now: options.now ?? Date.now,
    warn,
  });
  const fixed: OpenTalkGeneration | undefined =
    options.protocol === 'legacy' || options.protocol === 'intermediate' || options.protocol === 'current' ? options.protocol : undefined;
  /** Which generation the server speaks, as far as its messages showed (decides every command's wire shape). */
  let detected: OpenTalkGeneration | undefined;
  let sink: OnAirEventSink | undefined;

  const protocol = (): OpenTalkGeneration | undefined => fixed ?? detected;
  /** The translator of the generation spoken (the roomserver's until something says otherwise). */
  const translator = (): OpenTalkTranslator => TRANSLATORS[protocol() ?? 'current'];

  function emit(events: readonly OnAirEvent[]): void {
    for (const event of events) {
      if (!sink) return;
      try {
        sink(event);
      } catch (error) {
        warn('the event sink threw', error);
      }
    }
  }

  function onMessage(message: OpenTalkIncomingMessage): void {
    try {
      const envelope = v.safeParse(EnvelopeSchema, message);
      if (!envelope.success) return warn('malformed signaling message dropped', message);
      const { namespace, timestamp, payload } = envelope.output;
      if (namespace !== 'recording' && namespace !== 'control' && namespace !== 'core' && namespace !== 'moderation') return;
      const stamped = typeof timestamp === 'number' ? timestamp : typeof timestamp === 'string' ? Date.parse(timestamp) : Number.NaN;
      const at = Number.isFinite(stamped) ? stamped : f.env.now();
      const seen = generationOf(namespace, payload, f.recordingTargets);
      // join_success shows the generation for certain (it overrides a guess); other messages only guess once.
      if (seen && (seen.certain || detected === undefined)) detected = seen.generation;
      emit(translator().read(f, namespace, payload, at));
    } catch (error) {
      warn('a signaling message could not be read', error);
    }
  }

  /** Sends a command in the generation's words; a refusal rejects with its reason. */
  async function run(wire: WireCommand): Promise<void> {
    if (wire === undefined) return;
    if ('refused' in wire) throw new Error(wire.refused);
    const previous = f.pending;
    const previousStart = f.localRequestedStart;
    f.pending = wire.pending;
    if (wire.pending.command === 'start-recording') f.localRequestedStart = true;
    try {
      signaling.send({ namespace: 'recording', payload: wire.payload });
    } catch (error) {
      f.pending = previous;
      f.localRequestedStart = previousStart && wire.pending.command !== 'start-recording';
      throw error instanceof Error ? error : new Error(f.env.labels.providerErrorUnknown('send_failed'));
    }
  }

  return {
    provider: 'opentalk',
    capabilities: openTalkCapabilities,
    slices: [recordingSlice, liveStreamSlice, rosterSlice, consentSlice],
    protocol,
    localRole: () => f.localRole,
    connect(next) {
      sink = next;
      const unsubscribe = signaling.subscribe(onMessage);
      emit(replay(f, f.env.now()));
      return () => {
        if (sink === next) sink = undefined;
        unsubscribe();
      };
    },
    startRecording: () => run(translator().startRecording(f)),
    stopRecording: () => run(translator().stopRecording(f)),
    pauseRecording: () => run(translator().pauseRecording(f)),
    startLiveStream: (opts) => run(translator().startLiveStream(f, opts)),
    stopLiveStream: (opts = {}) => run(translator().stopLiveStream(f, opts)),
    async setConsent(consent) {
      signaling.send({ namespace: 'recording', payload: { action: 'set_consent', consent } });
      // The roomserver echoes a change (and only a change) as `consent_updated`; older servers never do.
      const me = f.localId;
      if (translator().echoesConsent && (me === undefined || f.serverConsent.get(me) !== consent)) {
        f.consentsInFlight.push({ consent, generation: f.generation });
      }
      if (f.consentsInFlight.length > 16) f.consentsInFlight.shift();
      if (me === undefined) return;
      f.serverConsent.set(me, consent);
      f.localConsentGeneration = f.generation;
    },
  };
}
