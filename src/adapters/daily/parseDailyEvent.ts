import * as v from 'valibot';
import type { OnAirEvent } from '../../core/events.js';
import type { OnAirError, ParticipantRole, RecordedParticipants } from '../../core/model.js';

/*
 * Edge validation of Daily call-object event payloads (daily-js 0.87 `index.d.ts`, and
 * https://docs.daily.co/reference/daily-js/events/recording-events,
 * https://docs.daily.co/reference/daily-js/events/live-streaming-events).
 *
 * In Daily's types every field but `action`/`callClientId` is optional — `instanceId` included —
 * so absence is normal; a field of the wrong type is a malformed payload. Two exceptions, on
 * purpose: an error event whose `instanceId` is not a usable string keeps its message and is
 * treated as naming no instance (the user must still see the error); any other event with such
 * an id is dropped, because applying it to the default instance could corrupt another session.
 */

/**
 * A participant as the adapter needs it.
 *
 * @public
 */
export interface DailyParticipantInfo {
  /** Daily `session_id`. */
  readonly sessionId: string;
  /** Daily `user_name`, when not empty. */
  readonly name?: string | undefined;
  /** `true` for the local participant. */
  readonly local: boolean;
  /** Role derived by {@link dailyRoleOf}. */
  readonly role: ParticipantRole;
  /** Daily `record`: this participant records locally. */
  readonly recording: boolean;
}

/**
 * A payload that was understood: the normalized events it yields (possibly none, for events the
 * kit does not use) and, for participant events, the participants it described.
 *
 * @public
 */
export interface DailyParsed {
  readonly kind: 'parsed';
  /** Daily's `action` word. */
  readonly action: string;
  readonly events: readonly OnAirEvent[];
  readonly participants?: readonly DailyParticipantInfo[] | undefined;
}

/**
 * A payload that did not have the shape Daily documents; it is dropped.
 *
 * @public
 */
export interface DailyParseProblem {
  readonly kind: 'problem';
  /** Daily's `action` word, or `unknown` when there was none. */
  readonly action: string;
  /** What was wrong, in a sentence (field paths and valibot messages). */
  readonly message: string;
}

/**
 * What {@link parseDailyEvent} returns.
 *
 * @example
 * ```ts
 * const result: DailyParseResult = parseDailyEvent(payload, Date.now());
 * if (result.kind === 'parsed') result.events.forEach(sink);
 * ```
 *
 * @public
 */
export type DailyParseResult = DailyParsed | DailyParseProblem;

const text = v.optional(v.string());
const flag = v.optional(v.boolean());
/** An instance id a state event may carry: absent, or a string. */
const strictInstanceId = v.optional(v.string());
const layout = v.optional(v.record(v.string(), v.unknown()));

const RecordingStartedSchema = v.object({
  instanceId: strictInstanceId,
  recordingId: text,
  startedBy: text,
  type: text,
  layout,
  local: flag,
});
const InstanceOnlySchema = v.object({ instanceId: strictInstanceId });
const ErrorSchema = v.object({ errorMsg: text, instanceId: v.optional(v.unknown()) });
const LiveStartedSchema = v.object({ instanceId: strictInstanceId, layout });
const LiveUpdatedSchema = v.object({
  instanceId: strictInstanceId,
  state: v.picklist(['connected', 'interrupted']),
  endpoint: v.optional(v.object({ endpoint: v.string() })),
});
const NonFatalSchema = v.object({
  type: v.string(),
  errorMsg: text,
  instanceId: v.optional(v.unknown()),
  details: v.optional(v.unknown()),
});
const ParticipantSchema = v.object({
  session_id: v.pipe(v.string(), v.minLength(1)),
  user_name: v.optional(v.nullable(v.string())),
  local: flag,
  owner: flag,
  record: flag,
  permissions: v.optional(v.object({ canAdmin: v.optional(v.unknown()) })),
});
const ParticipantEventSchema = v.object({ participant: ParticipantSchema });
const JoinedSchema = v.object({ participants: v.record(v.string(), v.unknown()) });

type Participant = v.InferOutput<typeof ParticipantSchema>;

/** An id an error event carries: only a non-empty string counts. */
function usableId(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/**
 * Who a Daily recording captures, from its layout (`DailyStreamingLayoutConfig` in daily-js'
 * `index.d.ts`): `single-participant` records `session_id` alone; a `participants` selection
 * (`{ video?: string[], audio?: string[] }`) records the listed session ids, everyone where a list
 * is left out (Daily's default) or holds `'*'`. `undefined` — not known — for layouts without a
 * participant selection (default grid, custom compositions, raw tracks …) and for no layout.
 *
 * @example
 * ```ts
 * dailyRecordedParticipants({ preset: 'single-participant', session_id: 'a1' }); // ['a1']
 * dailyRecordedParticipants({ preset: 'default', participants: { video: ['a1'], audio: ['a1', 'b2'] } }); // ['a1', 'b2']
 * dailyRecordedParticipants({ preset: 'default' }); // undefined
 * ```
 *
 * @public
 */
export function dailyRecordedParticipants(layout: Readonly<Record<string, unknown>> | undefined): RecordedParticipants | undefined {
  if (!layout) return undefined;
  if (layout.preset === 'single-participant') {
    return typeof layout.session_id === 'string' && layout.session_id.length > 0 ? [layout.session_id] : undefined;
  }
  const selection = layout.participants;
  if (typeof selection !== 'object' || selection === null) return undefined;
  const ids = new Set<string>();
  for (const list of [(selection as { video?: unknown }).video, (selection as { audio?: unknown }).audio]) {
    if (list === undefined) return 'all';
    if (!Array.isArray(list)) return undefined;
    for (const id of list) {
      if (typeof id !== 'string') return undefined;
      if (id === '*') return 'all';
      ids.add(id);
    }
  }
  return [...ids];
}

function canAdminValues(canAdmin: unknown): readonly unknown[] {
  if (canAdmin instanceof Set) return [...(canAdmin as Set<unknown>)];
  if (Array.isArray(canAdmin)) return canAdmin;
  return [];
}

/**
 * The role of a Daily participant, as far as recording controls are concerned, following Daily's
 * permission model (`DailyParticipantPermissionsCanAdminValues` in daily-js' `index.d.ts`:
 * `'participants' | 'streaming' | 'transcription'`): `moderator` — may start and stop recordings
 * and live streams — when Daily says they are a meeting `owner`, or their `permissions.canAdmin` is
 * `true` or contains `'streaming'`; `participant` otherwise. `'participants'` (admin over other
 * participants) or `'transcription'` alone grant no recording rights.
 *
 * @example
 * ```ts
 * dailyRoleOf({ owner: false, permissions: { canAdmin: new Set(['streaming']) } }); // 'moderator'
 * dailyRoleOf({ owner: false, permissions: { canAdmin: ['participants'] } }); // 'participant'
 * ```
 *
 * @public
 */
export function dailyRoleOf(participant: { readonly owner?: boolean | undefined; readonly permissions?: { readonly canAdmin?: unknown } | undefined }): ParticipantRole {
  if (participant.owner === true) return 'moderator';
  const canAdmin = participant.permissions?.canAdmin;
  if (canAdmin === true) return 'moderator';
  const values = canAdminValues(canAdmin);
  return values.includes('streaming') ? 'moderator' : 'participant';
}

function infoOf(p: Participant): DailyParticipantInfo {
  return {
    sessionId: p.session_id,
    name: typeof p.user_name === 'string' && p.user_name.length > 0 ? p.user_name : undefined,
    local: p.local === true,
    role: dailyRoleOf(p),
    recording: p.record === true,
  };
}

function error(code: string, message: string | undefined, fallback: string, at: number): OnAirError {
  return { code, message: message && message.trim().length > 0 ? message : fallback, at };
}

const parsed = (action: string, events: readonly OnAirEvent[], participants?: readonly DailyParticipantInfo[]): DailyParsed =>
  participants ? { kind: 'parsed', action, events, participants } : { kind: 'parsed', action, events };

const blank = (id: string | undefined): string | undefined => (id === '' ? undefined : id);

/**
 * Turns one Daily call-object event payload into normalized events. Pure and total: it never
 * throws; a payload without the documented shape comes back as a {@link DailyParseProblem}.
 *
 * @param payload - what Daily passed to the handler (untrusted).
 * @param at - when it was received (epoch ms); becomes the events' `at`.
 *
 * @example
 * ```ts
 * parseDailyEvent({ action: 'live-streaming-updated', state: 'interrupted', endpoint: { endpoint: 'yt' } }, Date.now());
 * // { kind: 'parsed', events: [{ type: 'live-stream-updated', state: 'interrupted', endpoint: 'yt', … }] }
 * ```
 *
 * @public
 */
export function parseDailyEvent(payload: unknown, at: number): DailyParseResult {
  if (typeof payload !== 'object' || payload === null) {
    return { kind: 'problem', action: 'unknown', message: 'The payload is not an object.' };
  }
  const action = (payload as { action?: unknown }).action;
  if (typeof action !== 'string') return { kind: 'problem', action: 'unknown', message: 'The payload has no `action` string.' };

  function check<S extends v.GenericSchema>(schema: S): v.InferOutput<S> | DailyParseProblem {
    const result = v.safeParse(schema, payload);
    if (result.success) return result.output;
    return { kind: 'problem', action: action as string, message: `Malformed \`${action as string}\` payload — ${describe(result.issues)}` };
  }
  const isProblem = (value: unknown): value is DailyParseProblem =>
    typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'problem';

  switch (action) {
    case 'recording-started': {
      const p = check(RecordingStartedSchema);
      if (isProblem(p)) return p;
      return parsed(action, [
        {
          type: 'recording-started',
          at,
          instanceId: blank(p.instanceId),
          recordingId: p.recordingId,
          recordingType: p.type,
          startedBy: p.startedBy,
          layout: p.layout,
          local: p.local,
          recordedParticipants: dailyRecordedParticipants(p.layout),
        },
      ]);
    }
    case 'recording-upload-completed': {
      // daily-js types it without payload (`DailyEventObjectNoPayload`); ids are read when a version sends them.
      const raw = payload as { instanceId?: unknown; recordingId?: unknown };
      return parsed(action, [{ type: 'recording-uploaded', at, instanceId: usableId(raw.instanceId), recordingId: usableId(raw.recordingId) }]);
    }
    case 'recording-stopped': {
      const p = check(InstanceOnlySchema);
      if (isProblem(p)) return p;
      return parsed(action, [{ type: 'recording-stopped', at, instanceId: blank(p.instanceId) }]);
    }
    case 'recording-error': {
      const p = check(ErrorSchema);
      if (isProblem(p)) return p;
      return parsed(action, [
        { type: 'recording-error', at, instanceId: usableId(p.instanceId), error: error('recording-error', p.errorMsg, 'The recording failed.', at) },
      ]);
    }
    case 'live-streaming-started': {
      const p = check(LiveStartedSchema);
      if (isProblem(p)) return p;
      return parsed(action, [{ type: 'live-stream-started', at, instanceId: blank(p.instanceId), layout: p.layout }]);
    }
    case 'live-streaming-updated': {
      const p = check(LiveUpdatedSchema);
      if (isProblem(p)) return p;
      const endpoint = p.endpoint?.endpoint;
      return parsed(action, [
        {
          type: 'live-stream-updated',
          at,
          instanceId: blank(p.instanceId),
          state: p.state,
          endpoint: endpoint !== undefined && endpoint.length > 0 ? endpoint : undefined,
        },
      ]);
    }
    case 'live-streaming-stopped': {
      const p = check(InstanceOnlySchema);
      if (isProblem(p)) return p;
      return parsed(action, [{ type: 'live-stream-stopped', at, instanceId: blank(p.instanceId) }]);
    }
    case 'live-streaming-error': {
      const p = check(ErrorSchema);
      if (isProblem(p)) return p;
      return parsed(action, [
        {
          type: 'live-stream-error',
          at,
          instanceId: usableId(p.instanceId),
          error: error('live-streaming-error', p.errorMsg, 'The live stream failed.', at),
        },
      ]);
    }
    case 'nonfatal-error': {
      const p = check(NonFatalSchema);
      if (isProblem(p)) return p;
      if (p.type !== 'live-streaming-warning') return parsed(action, []);
      const detailsId =
        typeof p.details === 'object' && p.details !== null ? usableId((p.details as { instanceId?: unknown }).instanceId) : undefined;
      return parsed(action, [
        {
          type: 'live-stream-warning',
          at,
          instanceId: usableId(p.instanceId) ?? detailsId,
          message: p.errorMsg && p.errorMsg.length > 0 ? p.errorMsg : 'The live stream reported a problem.',
        },
      ]);
    }
    case 'joined-meeting': {
      const p = check(JoinedSchema);
      if (isProblem(p)) return p;
      const local = v.safeParse(ParticipantSchema, p.participants.local);
      if (!local.success) {
        return { kind: 'problem', action, message: `Malformed \`joined-meeting\` payload — participants.local: ${describe(local.issues)}` };
      }
      const infos: DailyParticipantInfo[] = [{ ...infoOf(local.output), local: true }];
      // Read the payload's own entries, not the validated copy: valibot's record output leaves out
      // keys such as `constructor` and `__proto__`, and a session id may be any string.
      const raw = (payload as { participants: Record<string, unknown> }).participants;
      for (const key of Object.keys(raw)) {
        if (key === 'local') continue;
        const remote = v.safeParse(ParticipantSchema, Object.getOwnPropertyDescriptor(raw, key)?.value);
        if (remote.success && remote.output.session_id !== local.output.session_id) infos.push(infoOf(remote.output));
      }
      const me = infos[0] as DailyParticipantInfo;
      return parsed(action, [{ type: 'session-joined', at, localParticipantId: me.sessionId, role: me.role }], infos);
    }
    case 'left-meeting':
      return parsed(action, [{ type: 'session-left', at }]);
    case 'participant-joined':
    case 'participant-updated': {
      const p = check(ParticipantEventSchema);
      if (isProblem(p)) return p;
      return parsed(action, [], [infoOf(p.participant)]);
    }
    case 'participant-left': {
      const p = check(ParticipantEventSchema);
      if (isProblem(p)) return p;
      return parsed(action, [{ type: 'participant-left', at, participantId: p.participant.session_id }], [infoOf(p.participant)]);
    }
    default:
      return parsed(action, []);
  }
}
