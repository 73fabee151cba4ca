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
  /** Role derived by {@link dailyRoleOf}; `undefined` when the payload carries neither `owner` nor `permissions.canAdmin`. */
  readonly role: ParticipantRole | undefined;
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
  /** What was wrong, in a sentence (field path, expected type, what was received). */
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

/*
 * Small hand-written guards instead of a schema library: the Daily path is in every Daily app's
 * bundle, and these shapes are flat. Absent (`undefined`) is always fine; present with the wrong
 * type is a problem, described by field path, expected type and what was received.
 */
type Fields = Readonly<Record<string, unknown>>;
type Kind = 'string' | 'boolean' | 'object';

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null;
const hasKind = (value: unknown, kind: Kind): boolean => (kind === 'object' ? isObject(value) : typeof value === kind);

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'Array';
  return value === null ? 'null' : typeof value === 'object' ? 'Object' : String(value);
}

/** The problem with the first listed field that is present with the wrong type, else `undefined`. */
function mistyped(record: Fields, fields: Readonly<Record<string, Kind>>, path = ''): string | undefined {
  for (const [key, kind] of Object.entries(fields)) {
    const value = record[key];
    if (value !== undefined && !hasKind(value, kind)) return `${path}${key}: expected ${kind}, received ${shown(value)}`;
  }
  return undefined;
}

/** A Daily participant as far as the kit reads it. */
interface Participant {
  readonly session_id: string;
  readonly user_name?: string | null | undefined;
  readonly local?: boolean | undefined;
  readonly owner?: boolean | undefined;
  readonly record?: boolean | undefined;
  readonly permissions?: { readonly canAdmin?: unknown } | undefined;
}

/** What is wrong with a participant object (`session_id` a non-empty string …), or `undefined`. */
function participantProblem(value: unknown, path: string): string | undefined {
  if (!isObject(value)) return `${path}: expected object, received ${shown(value)}`;
  const id = value.session_id;
  if (typeof id !== 'string' || id.length === 0) return `${path}.session_id: expected a non-empty string, received ${shown(id)}`;
  if (value.user_name !== null) {
    const name = mistyped(value, { user_name: 'string' }, `${path}.`);
    if (name) return name;
  }
  return mistyped(value, { local: 'boolean', owner: 'boolean', record: 'boolean', permissions: 'object' }, `${path}.`);
}

const isParticipant = (value: unknown): value is Participant => participantProblem(value, 'participant') === undefined;

/** An id an error event carries: only a non-empty string counts. */
function usableId(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A layout the event carries on, as a copy (never Daily's own object). */
const layoutOf = (value: unknown): Readonly<Record<string, unknown>> | undefined => (isObject(value) ? { ...value } : undefined);

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
 * participants) or `'transcription'` alone grant no recording rights (daily-react's recording guide:
 * "Only owners and participants with canAdmin: 'streaming' can start or stop recordings").
 * `undefined` when the participant carries neither `owner` nor `permissions.canAdmin`: the kit
 * cannot know, so it offers the control and shows Daily's refusal.
 *
 * @example
 * ```ts
 * dailyRoleOf({ owner: false, permissions: { canAdmin: new Set(['streaming']) } }); // 'moderator'
 * dailyRoleOf({ owner: false, permissions: { canAdmin: ['participants'] } }); // 'participant'
 * ```
 *
 * @public
 */
export function dailyRoleOf(participant: { readonly owner?: boolean | undefined; readonly permissions?: { readonly canAdmin?: unknown } | undefined }): ParticipantRole | undefined {
  if (participant.owner === true) return 'moderator';
  const canAdmin = participant.permissions?.canAdmin;
  if (canAdmin === true) return 'moderator';
  if (canAdminValues(canAdmin).includes('streaming')) return 'moderator';
  // Neither field said anything (a wrapper, an older payload): not known — the control stays offered
  // and Daily's own refusal is shown if it refuses.
  const known = typeof participant.owner === 'boolean' || typeof canAdmin === 'boolean' || canAdmin instanceof Set || Array.isArray(canAdmin);
  return known ? 'participant' : undefined;
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
 * A bare `recording-started` / `recording-stopped` — nothing but `action` (and `callClientId`): what
 * daily-js itself emits when a remote participant's `record` flag flips (`maybeEventRecordingStarted`
 * / `maybeEventRecordingStopped` in `dist/daily-esm.js`, 0.87–0.92), just before the
 * `participant-updated` that carries the flag. The adapter learns that local recording from the
 * participant (as `local:<session_id>`, with who records); counting the echo too would show it twice.
 */
function isRecordFlagEcho(p: Fields): boolean {
  return Object.keys(p).every((key) => key === 'action' || key === 'callClientId');
}

/** Destination names of a warning's `details.endpoints` (`[{ endpoint }]` as Daily names endpoints elsewhere, or plain names). */
function endpointNames(details: unknown): string[] | undefined {
  const list = isObject(details) ? details.endpoints : undefined;
  if (!Array.isArray(list)) return undefined;
  const names: string[] = [];
  for (const item of list) {
    const name = typeof item === 'string' ? item : isObject(item) ? item.endpoint : undefined;
    if (typeof name === 'string' && name.length > 0 && !names.includes(name)) names.push(name);
  }
  return names.length > 0 ? names : undefined;
}

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

  const p = payload as Fields;
  const problem = (message: string): DailyParseProblem => ({ kind: 'problem', action, message: `Malformed \`${action}\` payload — ${message}` });
  /** A problem when a state event's `instanceId` is present but not a string. */
  const badInstance = (): string | undefined => mistyped(p, { instanceId: 'string' });

  switch (action) {
    case 'recording-started': {
      // daily-js' echo of a remote participant's `record` flag (see isRecordFlagEcho): the participant event says it, with who.
      if (isRecordFlagEcho(p)) return parsed(action, []);
      const wrong = mistyped(p, { instanceId: 'string', recordingId: 'string', startedBy: 'string', type: 'string', layout: 'object', local: 'boolean' });
      if (wrong) return problem(wrong);
      const layout = layoutOf(p.layout);
      return parsed(action, [
        {
          type: 'recording-started',
          at,
          instanceId: blank(p.instanceId as string | undefined),
          recordingId: p.recordingId as string | undefined,
          recordingType: p.type as string | undefined,
          startedBy: p.startedBy as string | undefined,
          layout,
          local: p.local as boolean | undefined,
          recordedParticipants: dailyRecordedParticipants(layout),
        },
      ]);
    }
    case 'recording-upload-completed':
      // daily-js types it without payload (`DailyEventObjectNoPayload`); ids are read when a version sends them.
      return parsed(action, [{ type: 'recording-uploaded', at, instanceId: usableId(p.instanceId), recordingId: usableId(p.recordingId) }]);
    case 'recording-stopped':
    case 'live-streaming-stopped': {
      if (action === 'recording-stopped' && isRecordFlagEcho(p)) return parsed(action, []);
      const wrong = badInstance();
      if (wrong) return problem(wrong);
      const type = action === 'recording-stopped' ? 'recording-stopped' : 'live-stream-stopped';
      return parsed(action, [{ type, at, instanceId: blank(p.instanceId as string | undefined) }]);
    }
    case 'recording-error':
    case 'live-streaming-error': {
      const wrong = mistyped(p, { errorMsg: 'string' });
      if (wrong) return problem(wrong);
      const message = p.errorMsg as string | undefined;
      return parsed(action, [
        action === 'recording-error'
          ? { type: 'recording-error', at, instanceId: usableId(p.instanceId), error: error('recording-error', message, 'The recording failed.', at) }
          : {
              type: 'live-stream-error',
              at,
              instanceId: usableId(p.instanceId),
              error: error('live-streaming-error', message, 'The live stream failed.', at),
              // Daily: "you might still receive other streaming events" — a running stream goes on.
              continues: true,
            },
      ]);
    }
    case 'live-streaming-started': {
      const wrong = mistyped(p, { instanceId: 'string', layout: 'object' });
      if (wrong) return problem(wrong);
      return parsed(action, [{ type: 'live-stream-started', at, instanceId: blank(p.instanceId as string | undefined), layout: layoutOf(p.layout) }]);
    }
    case 'live-streaming-updated': {
      const wrong = badInstance() ?? mistyped(p, { endpoint: 'object' });
      if (wrong) return problem(wrong);
      const state = p.state;
      if (state !== 'connected' && state !== 'interrupted') return problem(`state: expected "connected" | "interrupted", received ${shown(state)}`);
      const endpoint = (p.endpoint as Fields | undefined)?.endpoint;
      if (p.endpoint !== undefined && typeof endpoint !== 'string') return problem(`endpoint.endpoint: expected string, received ${shown(endpoint)}`);
      return parsed(action, [
        {
          type: 'live-stream-updated',
          at,
          instanceId: blank(p.instanceId as string | undefined),
          state,
          endpoint: typeof endpoint === 'string' && endpoint.length > 0 ? endpoint : undefined,
        },
      ]);
    }
    case 'nonfatal-error': {
      const wrong = typeof p.type === 'string' ? mistyped(p, { errorMsg: 'string' }) : `type: expected string, received ${shown(p.type)}`;
      if (wrong) return problem(wrong);
      if (p.type !== 'live-streaming-warning') return parsed(action, []);
      const detailsId = isObject(p.details) ? usableId(p.details.instanceId) : undefined;
      const message = p.errorMsg as string | undefined;
      return parsed(action, [
        {
          type: 'live-stream-warning',
          at,
          instanceId: usableId(p.instanceId) ?? detailsId,
          message: message && message.length > 0 ? message : 'The live stream reported a problem.',
          endpoints: endpointNames(p.details),
        },
      ]);
    }
    case 'joined-meeting': {
      const raw = p.participants;
      if (!isObject(raw)) return problem(`participants: expected object, received ${shown(raw)}`);
      // Own entries only, read by descriptor: a session id may be any string (`constructor`, `__proto__` …).
      const entry = (key: string): unknown => Object.getOwnPropertyDescriptor(raw, key)?.value;
      const local = entry('local');
      const wrong = participantProblem(local, 'participants.local');
      if (wrong) return problem(wrong);
      const me = { ...infoOf(local as Participant), local: true };
      const infos: DailyParticipantInfo[] = [me];
      for (const key of Object.keys(raw)) {
        if (key === 'local') continue;
        const remote = entry(key);
        if (isParticipant(remote) && remote.session_id !== me.sessionId) infos.push(infoOf(remote));
      }
      return parsed(action, [{ type: 'session-joined', at, localParticipantId: me.sessionId, role: me.role }], infos);
    }
    case 'left-meeting':
      return parsed(action, [{ type: 'session-left', at }]);
    case 'participant-joined':
    case 'participant-updated':
    case 'participant-left': {
      const participant = p.participant;
      const wrong = participantProblem(participant, 'participant');
      if (wrong) return problem(wrong);
      const info = infoOf(participant as Participant);
      const events: readonly OnAirEvent[] = action === 'participant-left' ? [{ type: 'participant-left', at, participantId: info.sessionId }] : [];
      return parsed(action, events, [info]);
    }
    default:
      return parsed(action, []);
  }
}
