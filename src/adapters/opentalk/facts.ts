/*
 * What the OpenTalk adapter knows of the server, and why each fact is protocol (issue 11: adapters
 * translate, statuses live in the store). The translators keep no OnAir status: the slices decide
 * statuses from their events. The server's own words kept here only turn its state messages into
 * events and seed a second sink.
 *
 * - `joined`, `localId`: who I am, known only from `join_success` (before it, a message naming
 *   "me" cannot be told from one naming a peer); addresses consent echoes.
 * - `localRole`: the server's role word, read by `localRole()` (only moderators may record).
 * - `localName`, `participants` (name, role, connections): the roster the server sent once; a
 *   moderator's role names who started a recording the server does not attribute; names and the
 *   roster are replayed to a second `connect(sink)` (React StrictMode, provider remount), since
 *   `join_success` comes once. The roomserver announces connections, not people: a participant
 *   leaves with their last connection.
 * - `disabled`: what the room's tariff or module set turned off (roomserver `join_success`), replayed.
 * - `serverConsent`: what the server stores as each one's consent — OpenTalk keeps it across
 *   recordings (re-stated when a new one opens), its `false` means "not chosen", and the roomserver
 *   echoes `set_consent` only when it changes the stored value.
 * - `recording`: the recording the server says runs, in the server's words: its `recording_id` (the
 *   older generation's `stop` needs it); whether one is open (a stop of nothing is not told, a new
 *   one opens a consent epoch); its last word (OpenTalk sends states, not transitions, and has no
 *   "resumed": `active` after `paused` is a resume); who started it (said once, replayed).
 * - `streams`: the stream targets the server says run, with its last word for each — the ids
 *   `stop_stream` addresses and `start_stream` skips; the word tells a reconnect from a start.
 * - `targets`, `recordingTargets`, `inUse`: the configured stream targets (`start_stream` addresses
 *   them); in the intermediate generation the recording *is* the target whose kind is `recording`;
 *   a roomserver target `in_use` by another (breakout) room cannot be started from this one.
 * - `generation`, `localConsentGeneration`, `consentsInFlight`: which recording a `set_consent` we
 *   sent was for, so that its late echo does not answer a newer recording.
 * - `pending`, `localRequestedStart`: what this adapter sent and awaits an answer to — to route an
 *   `error` (it names no command), to tell `in_use` of our own start from a take-over, not to
 *   announce our own starting stream as new, and to name me as the starter of my recording.
 */
import type { InstanceOptions, StartLiveStreamOptions } from '../../core/adapter.js';
import type { OnAirEvent } from '../../core/events.js';
import type { liveStreamButtonLabels, providerErrorLabels, recordButtonLabels } from '../../core/labels.js';
import type { OnAirCommand, ParticipantRole } from '../../core/model.js';

/**
 * What the server last said about the recording that runs, in its own words (the three
 * generations' synonyms folded): `requested`/`initializing` → `starting`, `recording` → `active`.
 */
export type ServerRecording = { word: 'starting' | 'active' | 'paused'; recordingId?: string | undefined; startedBy?: string | undefined };
/** What the server last said about a stream target that runs (`requested` → `starting`). */
export type ServerStreamWord = 'starting' | 'active' | 'paused';
export type Pending = { kind: 'recording' | 'stream'; command: OnAirCommand; targets?: readonly string[] | undefined };
/** Features a roomserver room turned off (tariff `disabled_features`, or absent from `enabled_modules`). */
export type DisabledFeatures = { readonly recording?: boolean | undefined; readonly liveStream?: boolean | undefined };

/** The labels a translator reads (not every default of the kit). */
export type TranslatorLabels = typeof recordButtonLabels & typeof liveStreamButtonLabels & typeof providerErrorLabels;

/** What the app told the adapter: fixed for its life. */
export interface TranslatorEnv {
  readonly participantId: string;
  readonly role: ParticipantRole | undefined;
  readonly labels: TranslatorLabels;
  readonly now: () => number;
  readonly warn: (message: string, detail?: unknown) => void;
}

/** The protocol facts (see the list at the top of this file); one object, owned by the adapter, handed to its translator. */
export interface OpenTalkFacts {
  readonly env: TranslatorEnv;
  /** The events of the message being read (a translator appends; the adapter hands them to the sink). */
  out: OnAirEvent[];
  joined?: boolean;
  localId?: string | undefined;
  localName?: string | undefined;
  localRole: ParticipantRole | undefined;
  disabled?: DisabledFeatures | undefined;
  readonly participants: Map<string, { name?: string | undefined; role?: ParticipantRole | undefined; connections?: Set<string> | undefined }>;
  readonly serverConsent: Map<string, boolean>;
  recording?: ServerRecording | undefined;
  readonly streams: Map<string, ServerStreamWord>;
  readonly targets: Map<string, { name?: string | undefined; kind?: string | undefined }>;
  readonly recordingTargets: Set<string>;
  readonly inUse: Set<string>;
  generation: number;
  localConsentGeneration: number;
  readonly consentsInFlight: Array<{ consent: boolean; generation: number }>;
  pending?: Pending | undefined;
  localRequestedStart?: boolean;
}

export function createFacts(env: TranslatorEnv): OpenTalkFacts {
  return {
    env,
    // Absent until the server says: `joined`, `localId`, `localName`, `disabled`, `recording`, `pending`, `localRequestedStart`.
    out: [],
    localRole: env.role,
    participants: new Map(),
    serverConsent: new Map(),
    streams: new Map(),
    targets: new Map(),
    recordingTargets: new Set(),
    inUse: new Set(),
    generation: 0,
    localConsentGeneration: -1,
    consentsInFlight: [],
  };
}

/** A command in a generation's words: the `recording` payload to send and what it awaits, or why it cannot be said. */
export type WireCommand =
  | { readonly payload: Readonly<Record<string, unknown>>; readonly pending: Pending }
  | { readonly refused: string }
  | undefined;

/** Reads one message's payload into the facts, appending the OnAir events it means to `facts.out`. */
export type Reader = (facts: OpenTalkFacts, payload: unknown, at: number) => void;

/**
 * One server generation's translation: wire messages → OnAir events (`reads`, one reader per
 * message the generation owns, keyed `namespace message`; `read` in translateCommon is the one
 * dispatch), OnAir commands → wire messages. No I/O: the facts it is handed are its only state,
 * and the adapter sends.
 */
export interface OpenTalkTranslator {
  /** The messages this generation owns (those all generations read alike are `sharedReads`). */
  readonly reads: Readonly<Record<string, Reader>>;
  startRecording(facts: OpenTalkFacts): WireCommand;
  stopRecording(facts: OpenTalkFacts): WireCommand;
  pauseRecording(facts: OpenTalkFacts): WireCommand;
  startLiveStream(facts: OpenTalkFacts, options: StartLiveStreamOptions): WireCommand;
  /** `undefined`: nothing runs, nothing to send. */
  stopLiveStream(facts: OpenTalkFacts, options: InstanceOptions): WireCommand;
  /** Whether the server echoes a changed consent as `consent_updated` (the roomserver does). */
  readonly echoesConsent: boolean;
}
