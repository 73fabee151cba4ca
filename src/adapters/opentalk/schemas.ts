import * as v from 'valibot';

/**
 * Schemas of what OpenTalk's signaling sends in the `recording` and `control` namespaces,
 * written with valibot. Sources (checked 2026-11):
 *
 * - current generation (roomserver, `opentalk-roomserver-types-recording`): events tagged by
 *   `message` — `recording_updated {status, reason?}`, `stream_updated {target_id, status, reason?}`,
 *   `consent_updated {participant, consents}`, `error {error}`; `join_success` module data
 *   `{recording_state: {status, reason?}, stream_states: {<id>: {name, public_url, status}}}`.
 * - an intermediate controller generation: `join_success` module data
 *   `{client_type, targets: {<id>: {name, kind: recording|livestream, status}}}`, events
 *   `stream_updated`, `error`, `recorder_error {error: timeout}`.
 * - older generation (controller `ws_modules/recording`): `started {recording_id}`,
 *   `stopped {recording_id}`, `error {error}`; `join_success` module data
 *   `{status: initializing|recording, recording_id}`.
 * - control namespace: `join_success {id, display_name, role, participants[]}`, `joined`
 *   (a participant: `{id, control: {display_name, role?}, recording?: {consents_recording}}`),
 *   `left {id}`, `role_updated {new_role}`, `update` (a participant).
 *
 * Field names may arrive in camelCase (a client library that converts keys): every struct is
 * normalized to snake_case before it is checked. Map keys (target ids) are left as they are.
 * Objects are loose: unknown fields are allowed and ignored.
 */

function snakeKey(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Shallow copy with snake_case keys; a snake_case key wins over its camelCase twin. */
export function snakeKeys(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
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

const id = v.pipe(v.union([v.string(), v.number()]), v.transform(String), v.minLength(1));
const optionalText = v.optional(v.nullable(v.string()));

/** `{code, message}` of a failed recording or stream. */
export const ReasonSchema = struct({ code: v.optional(v.string()), message: optionalText });

/** Current-generation recording status. `requested | active | inactive | paused | error`; other words are kept. */
const recordingStatus = v.string();

/** Signaling envelope: `{namespace, timestamp?, payload}`. */
export const EnvelopeSchema = v.looseObject({
  namespace: v.string(),
  timestamp: v.optional(v.nullable(v.union([v.string(), v.number()]))),
  payload: v.unknown(),
});

// ── recording namespace ────────────────────────────────────────────────

export const RecordingUpdatedSchema = struct({
  message: v.literal('recording_updated'),
  status: recordingStatus,
  reason: v.optional(v.nullable(ReasonSchema)),
  /** Not part of OpenTalk; honoured when a relay adds it. */
  started_by: v.optional(v.nullable(id)),
});

export const StreamUpdatedSchema = struct({
  message: v.literal('stream_updated'),
  target_id: id,
  status: v.string(),
  reason: v.optional(v.nullable(ReasonSchema)),
});

export const ConsentUpdatedSchema = struct({
  message: v.literal('consent_updated'),
  /** The wire name is `participant`; some clients rename it `participant_id`. */
  participant: v.optional(id),
  participant_id: v.optional(id),
  consents: v.boolean(),
});

export const RecordingErrorSchema = struct({
  message: v.literal('error'),
  error: v.string(),
});

export const RecorderErrorSchema = struct({
  message: v.literal('recorder_error'),
  error: v.string(),
});

export const LegacyStartedSchema = struct({
  message: v.literal('started'),
  recording_id: v.optional(id),
  started_by: v.optional(v.nullable(id)),
});

export const LegacyStoppedSchema = struct({
  message: v.literal('stopped'),
  recording_id: v.optional(id),
});

/** Recorder-only service messages; a participant's client ignores them. */
export const ServiceSchema = struct({ message: v.literal('service') });

export const RecordingEventSchema = v.union([
  RecordingUpdatedSchema,
  StreamUpdatedSchema,
  ConsentUpdatedSchema,
  RecordingErrorSchema,
  RecorderErrorSchema,
  LegacyStartedSchema,
  LegacyStoppedSchema,
  ServiceSchema,
]);
export type RecordingEventPayload = v.InferOutput<typeof RecordingEventSchema>;

// ── join_success module data (`recording` key) ───────────────────────────

const StreamStateSchema = struct({
  name: optionalText,
  kind: optionalText,
  status: v.optional(v.string()),
  reason: v.optional(v.nullable(ReasonSchema)),
});

export const RecordingJoinDataSchema = struct({
  // current generation
  recording_state: v.optional(v.nullable(struct({ status: v.string(), reason: v.optional(v.nullable(ReasonSchema)) }))),
  stream_states: v.optional(v.nullable(v.record(v.string(), StreamStateSchema))),
  // intermediate generation
  client_type: optionalText,
  targets: v.optional(v.nullable(v.record(v.string(), StreamStateSchema))),
  // older generation
  status: optionalText,
  recording_id: v.optional(v.nullable(id)),
});
export type RecordingJoinData = v.InferOutput<typeof RecordingJoinDataSchema>;

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
  message: v.literal('join_success'),
  id: v.optional(id),
  display_name: optionalText,
  role: optionalText,
  participants: v.optional(v.nullable(v.array(v.unknown()))),
  recording: v.optional(v.nullable(v.unknown())),
});

export const LeftSchema = struct({ message: v.literal('left'), id });

export const RoleUpdatedSchema = struct({ message: v.literal('role_updated'), new_role: v.string() });

/** The tag of a payload, read leniently (snake or camel key). */
export function messageTag(payload: unknown): string | undefined {
  if (!isRecord(payload)) return undefined;
  const tag = payload.message;
  return typeof tag === 'string' ? tag : undefined;
}
