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
import { read, replay } from './translateCommon.js';
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

const GENERATIONS = Object.keys(TRANSLATORS) as OpenTalkGeneration[];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The generation a `control` `join_success` shows for certain, by its `recording` data (every
 * generation frames that message alike): only the older controller sends `null` (its
 * `FrontendData(None)`) or a `state` (its docs say `status`) / `recording_id`; the intermediate
 * one `targets`; the roomserver its module data.
 */
function joinShows(raw: unknown): OpenTalkGeneration | undefined {
  if (raw === null) return 'legacy';
  if (!isRecord(raw)) return undefined;
  const data = snakeKeys(raw);
  return isRecord(data.targets) ? 'intermediate' : (data.state ?? data.status ?? data.recording_id) ? 'legacy' : 'current';
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
      const stamped = typeof timestamp === 'number' ? timestamp : typeof timestamp === 'string' ? Date.parse(timestamp) : Number.NaN;
      const at = Number.isFinite(stamped) ? stamped : f.env.now();
      const key = `${namespace} ${messageTag(payload)}`;
      // Each message goes to the translator that owns it (the one spoken first): a join_success
      // shows the generation for certain (it overrides a guess); other messages only guess once.
      const shown = key === 'control join_success' && isRecord(payload) ? joinShows(payload.recording) : undefined;
      // The generation spoken first, then each in turn.
      const owner = shown ?? [protocol() ?? 'current', ...GENERATIONS].find((generation) => key in TRANSLATORS[generation].reads);
      if (owner && (shown || key === 'core join_success' || detected === undefined)) detected = owner;
      emit(read(TRANSLATORS[owner ?? protocol() ?? 'current'], f, namespace, payload, at));
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
