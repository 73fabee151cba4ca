import * as v from 'valibot';

/**
 * Schemas of what OpenTalk's signaling sends in the `recording` and `control` namespaces,
 * written with valibot. Three server generations, as their own serde attributes serialize them
 * (sources in `test/fixtures/opentalk/README.md`):
 *
 * - current (roomserver, `modules/recording/types`): events tagged by `message` —
 *   `recording_updated {status, reason?}`, `stream_updated {target_id, status, reason?}`,
 *   `consent_updated {participant, consents}`, `error {error}`, `service` (recorder only);
 *   `join_success` module data `{consents_recording, recording_state: {status, reason?},
 *   stream_states: {<id>: {name, public_url, status, reason?}}, service}`.
 * - intermediate (`opentalk-types-signaling-recording`): `join_success` module data
 *   `{targets: {<id>: {name, streaming_kind: recording|livestream, public_url?, status, reason?}}}`,
 *   events `stream_updated`, `error {error}`, `recorder_error {error: timeout}`.
 * - older (controller `ws_modules/recording`): `started {recording_id}`, `stopped {recording_id}`,
 *   `error {error}`; `join_success` module data serialized with serde tag `state`:
 *   `{state: initializing}` or `{state: recording, recording_id}` (its docs say `status`: both are read).
 * - control namespace: `join_success {id, display_name, role, participants[]}`, `joined`
 *   (a participant: `{id, control: {display_name, role?}, recording?: {consents_recording}}`),
 *   `left {id}`, `role_updated {new_role}`, `update` (a participant).
 *
 * Field names may arrive in camelCase (a client library that converts keys): every struct is
 * normalized to snake_case before it is checked. Map keys (target ids) are left as they are and
 * read into `Map`s (valibot's `record` drops keys such as `constructor` and `__proto__`, which are
 * valid ids). Objects are loose: unknown fields are allowed and ignored.
 */

function snakeKey(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Shallow copy with snake_case keys; a snake_case key wins over its camelCase twin. */
export function snakeKeys(value: Record<string, unknown>): Record<string, unknown> {
  // Null prototype: a hostile `__proto__` field stays a plain (ignored) key, never a prototype.
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) {
    const snake = snakeKey(key);
    if (snake !== key && Object.prototype.hasOwnProperty.call(value, snake)) continue;
    out[snake] = item;
  }
  return out;
}

/** An object whose keys are normalized to snake_case, then checked against `entries`. */
function struct<const T extends v.ObjectEntries>(entries: T) {
  return v.pipe(v.custom<Record<string, unknown>>(isRecord, 'expected an object'), v.transform(snakeKeys), v.looseObject(entries));
}

/** An id: a non-empty string, or a number (read as its string). */
const id = v.pipe(
  v.custom<string | number>((x) => typeof x === 'string' || typeof x === 'number', 'expected an id (string or number)'),
  v.transform(String),
  v.minLength(1),
);
const optionalText = v.optional(v.nullable(v.string()));

/** `{code, message}` of a failed recording or stream. */
export const ReasonSchema = struct({ code: v.optional(v.string()), message: optionalText });

/** Current-generation recording status. `requested | active | inactive | paused | error`; other words are kept. */
const recordingStatus = v.string();

/** Signaling envelope: `{namespace, timestamp?, payload}`. */
export const EnvelopeSchema = v.looseObject({
  namespace: v.string(),
  /** A number (epoch ms) or an ISO string; anything else is read as "now". */
  timestamp: v.optional(v.unknown()),
  payload: v.unknown(),
});

// ── recording namespace ────────────────────────────────────────────────

export const RecordingUpdatedSchema = struct({
  status: recordingStatus,
  reason: v.optional(v.nullable(ReasonSchema)),
  /** Not part of OpenTalk; honoured when a relay adds it. */
  started_by: v.optional(v.nullable(id)),
});

export const StreamUpdatedSchema = struct({
  target_id: id,
  status: v.string(),
  reason: v.optional(v.nullable(ReasonSchema)),
});

export const ConsentUpdatedSchema = struct({
  /** The wire name is `participant`; some clients rename it `participant_id`. */
  participant: v.optional(id),
  participant_id: v.optional(id),
  consents: v.boolean(),
});

export const RecordingErrorSchema = struct({
  error: v.string(),
});

export const RecorderErrorSchema = struct({
  error: v.string(),
});

export const LegacyStartedSchema = struct({
  recording_id: v.optional(id),
  started_by: v.optional(v.nullable(id)),
});

export const LegacyStoppedSchema = struct({
  recording_id: v.optional(id),
});

// ── join_success module data (`recording` key) ───────────────────────────

/** One entry of `stream_states` (current) or `targets` (intermediate). */
export const StreamStateSchema = struct({
  name: optionalText,
  /** Intermediate generation: `recording` or `livestream` (serde tag `streaming_kind`). */
  streaming_kind: optionalText,
  /** Older drafts of the intermediate shape said `kind`. */
  kind: optionalText,
  public_url: optionalText,
  status: v.optional(v.string()),
  reason: v.optional(v.nullable(ReasonSchema)),
});
export type StreamState = v.InferOutput<typeof StreamStateSchema>;

/** The `recording` module's `join_success` data, every generation's fields optional; id maps are read separately. */
export const RecordingJoinDataSchema = struct({
  // current generation
  consents_recording: v.optional(v.nullable(v.boolean())),
  recording_state: v.optional(v.nullable(struct({ status: v.string(), reason: v.optional(v.nullable(ReasonSchema)) }))),
  stream_states: v.optional(v.nullable(v.custom<Record<string, unknown>>(isRecord, 'expected a map of stream states'))),
  // intermediate generation
  targets: v.optional(v.nullable(v.custom<Record<string, unknown>>(isRecord, 'expected a map of targets'))),
  // older generation: serde tag `state` on the wire, `status` in its docs
  state: optionalText,
  status: optionalText,
  recording_id: v.optional(v.nullable(id)),
});
export type RecordingJoinData = v.InferOutput<typeof RecordingJoinDataSchema>;

/**
 * Reads an id-keyed map (`stream_states`, `targets`) into a `Map`, keeping every own key — `constructor`
 * and `__proto__` included — and dropping entries that do not match `schema` (reported to `onBad`).
 */
export function readIdMap<S extends v.GenericSchema>(
  raw: Record<string, unknown> | null | undefined,
  schema: S,
  onBad: (key: string, message: string | undefined) => void,
): Map<string, v.InferOutput<S>> {
  const out = new Map<string, v.InferOutput<S>>();
  if (!raw) return out;
  for (const key of Object.keys(raw)) {
    const parsed = v.safeParse(schema, raw[key]);
    if (parsed.success) out.set(key, parsed.output);
    else onBad(key, parsed.issues[0]?.message);
  }
  return out;
}

// ── control namespace ─────────────────────────────────────────────────

const ControlDataSchema = struct({
  display_name: optionalText,
  role: optionalText,
});

const PeerRecordingSchema = struct({ consents_recording: v.optional(v.nullable(v.boolean())) });

/** A participant as `join_success.participants[]`, `joined` and `update` carry it. */
export const ParticipantSchema = struct({
  id,
  control: v.optional(v.nullable(ControlDataSchema)),
  recording: v.optional(v.nullable(PeerRecordingSchema)),
});
export type OpenTalkParticipant = v.InferOutput<typeof ParticipantSchema>;

export const JoinSuccessSchema = struct({
  id: v.optional(id),
  display_name: optionalText,
  role: optionalText,
  participants: v.optional(v.nullable(v.array(v.unknown()))),
  recording: v.optional(v.nullable(v.unknown())),
});

export const LeftSchema = struct({ id });

/** `role_updated {new_role}` (controllers' `control`); the roomserver's `moderation` one names `participant_id`. */
export const RoleUpdatedSchema = struct({ new_role: v.string(), participant_id: v.optional(id) });

/** The tag of a payload, read leniently (snake or camel key). */
export function messageTag(payload: unknown): string | undefined {
  if (!isRecord(payload)) return undefined;
  const tag = payload.message;
  return typeof tag === 'string' ? tag : undefined;
}

// ── roomserver: core and moderation namespaces ─────────────────────────

/** A roomserver participant's module data (`core`: `CoreState`; `recording`: `RecordingPeerState`). */
const PeerModulesSchema = struct({
  core: v.optional(v.nullable(ControlDataSchema)),
  recording: v.optional(v.nullable(PeerRecordingSchema)),
});

const ConnectionInfoSchema = struct({ connection_id: v.optional(id) });

/** `join/participant.rs`: `{id, connections: [{connection_id, device_id}], module_data: {<module>: …}}`. */
export const RoomserverParticipantSchema = struct({
  id,
  connections: v.optional(v.nullable(v.array(v.unknown()))),
  module_data: v.optional(v.nullable(PeerModulesSchema)),
});

/** Reads `connections[].connection_id`, skipping anything else. */
export function connectionIds(raw: readonly unknown[] | null | undefined): string[] {
  const out: string[] = [];
  for (const item of raw ?? []) {
    const parsed = v.safeParse(ConnectionInfoSchema, item);
    if (parsed.success && parsed.output.connection_id !== undefined) out.push(parsed.output.connection_id);
  }
  return out;
}

/**
 * `core` `join_success` (`join/join_success.rs`): the module data is nested under `module_data`
 * (`module_data.recording` is the recording module's state), plus `tariff.disabled_features`
 * (`<module>::<feature>`) and `enabled_modules` (`{<module>: [<feature>]}`, disabled features removed).
 */
export const CoreJoinSuccessSchema = struct({
  id: v.optional(id),
  display_name: optionalText,
  role: optionalText,
  tariff: v.optional(v.nullable(struct({ disabled_features: v.optional(v.nullable(v.array(v.unknown()))) }))),
  enabled_modules: v.optional(v.nullable(v.custom<Record<string, unknown>>(isRecord, 'expected a map of modules'))),
  module_data: v.optional(v.nullable(v.custom<Record<string, unknown>>(isRecord, 'expected a map of module data'))),
  participants: v.optional(v.nullable(v.array(v.unknown()))),
});

/** `core` `participant_connected {participant_id, connection_id, peer_data: {<module>: …}}`. */
export const ParticipantConnectedSchema = struct({
  participant_id: id,
  connection_id: v.optional(id),
  peer_data: v.optional(v.nullable(PeerModulesSchema)),
});

/** `core` `participant_disconnected {participant_id, connection_id, reason}`: read as `participant_connected` is. */
export const ParticipantDisconnectedSchema = ParticipantConnectedSchema;
