import type { OpenTalkIncomingMessage, OpenTalkOutgoingMessage, OpenTalkSignaling } from '../../adapters/opentalk/types.js';

/**
 * An in-memory OpenTalk room: the server side of the signaling `control` and `recording`
 * namespaces, speaking any of the three server generations (older controller, intermediate
 * `opentalk-types-signaling-recording`, current roomserver) with their serialized shapes. Several
 * clients can connect to one room (a moderator and a guest, each with its own adapter), and
 * scripted participants join, consent, decline and withdraw over time. Faults can be injected.
 *
 * It mirrors the server's rules where they matter to a client: only moderators may start, pause and
 * stop; consent is per participant, `false` by default, and a `consent_updated` is sent only when a
 * participant's consent actually changes (current generation); the older and intermediate servers
 * tell consent changes through control `update` messages.
 */

/**
 * The server generations the simulated room can speak.
 *
 * @example
 * ```ts
 * const generations: OpenTalkSimProtocol[] = ['legacy', 'intermediate', 'current', 'roomserver'];
 * const rooms = generations.map((protocol) => createOpenTalkRoom({ protocol }));
 * ```
 *
 * @public
 */
export type OpenTalkSimProtocol = 'legacy' | 'intermediate' | 'current' | 'roomserver';

/**
 * A participant the room scripts (not a connected client).
 *
 * @public
 */
export interface OpenTalkSimParticipant {
  readonly id: string;
  readonly name: string;
  readonly role?: 'moderator' | 'user' | 'guest' | undefined;
  /** Consent at the start. Default `false` (OpenTalk's default). */
  readonly consents?: boolean | undefined;
  /**
   * Answers given after each recording becomes active: after `afterMs`, set consent to `consent`.
   * Omit to never answer.
   */
  readonly answers?: ReadonlyArray<{ readonly afterMs: number; readonly consent: boolean }> | undefined;
}

/**
 * A streaming destination configured for the room.
 *
 * @public
 */
export interface OpenTalkSimTarget {
  readonly id: string;
  readonly name: string;
  readonly publicUrl?: string | undefined;
}

/**
 * Options of {@link createOpenTalkRoom}.
 *
 * @public
 */
export interface OpenTalkRoomOptions {
  /**
   * Which generation the server speaks. Default `current`.
   * - `legacy`: `start`/`stop {recording_id}`; `join_success.recording` is `null`, `{state: "initializing"}`
   *   or `{state: "recording", recording_id}`.
   * - `intermediate`: `join_success.recording = {targets}`, the recording being the target of
   *   `streaming_kind: "recording"` (id {@link OpenTalkRoomOptions.recordingTargetId}); only
   *   `start_stream`/`pause_stream`/`stop_stream` and `set_consent`; stream status `starting`.
   * - `current`: the roomserver's `recording` module (`start_recording` …, `consent_updated`,
   *   `consents_recording` on join), its join framed the controllers' way (`control`, module data flattened).
   * - `roomserver`: the same module framed as the roomserver frames it: `core` `join_success` with
   *   `module_data.recording` nested, `tariff.disabled_features` and `enabled_modules`; participants
   *   `{id, connections, module_data: {core, recording}}`; `core` `participant_connected` /
   *   `participant_disconnected`; `moderation` `role_updated`.
   */
  readonly protocol?: OpenTalkSimProtocol | undefined;
  /**
   * Roomserver generation: features the tariff turns off (`recording::record`, `recording::stream`).
   * The room refuses them (`record_feature_disabled`, `stream_feature_disabled`). Default none.
   */
  readonly disabledFeatures?: readonly string[] | undefined;
  /** Intermediate generation: the id of the recording target. Default `target-recording`. */
  readonly recordingTargetId?: string | undefined;
  /** Scripted participants in the room. Default: three guests who answer at different times. */
  readonly participants?: readonly OpenTalkSimParticipant[] | undefined;
  /** Streaming destinations (current generation). Default: one, "Company channel". */
  readonly streamTargets?: readonly OpenTalkSimTarget[] | undefined;
  /** Network latency of every message (ms). Default 120. */
  readonly latencyMs?: number | undefined;
  /** How long the recorder takes from `requested` to `active` (ms). Default 900. */
  readonly recorderDelayMs?: number | undefined;
  /** Send field names in camelCase, as some client libraries deliver them. Default `false`. */
  readonly camelCase?: boolean | undefined;
  /** Clock, for tests. */
  readonly now?: (() => number) | undefined;
}

/**
 * A client's identity when it connects.
 *
 * @public
 */
export interface OpenTalkSimClient {
  readonly id: string;
  readonly name: string;
  /** `moderator` may record; `user`/`guest` may not. Default `user`. */
  readonly role?: 'moderator' | 'user' | 'guest' | undefined;
}

/**
 * One connected client: the signaling channel to give `createOpenTalkAdapter`, plus `leave()`.
 *
 * @public
 */
export interface OpenTalkSimConnection extends OpenTalkSignaling {
  readonly participantId: string;
  /** Every command this client sent, in order. */
  readonly sent: readonly OpenTalkOutgoingMessage[];
  /** Leaves the room (others receive `left`). */
  leave(): void;
}

/**
 * The simulated room.
 *
 * @public
 */
export interface OpenTalkRoom {
  readonly protocol: OpenTalkSimProtocol;
  /** Connects a client; `join_success` arrives once its first listener subscribes. */
  connect(client: OpenTalkSimClient): OpenTalkSimConnection;
  /** A scripted participant joins now. */
  addParticipant(participant: OpenTalkSimParticipant): void;
  /** A scripted participant leaves now. */
  removeParticipant(participantId: string): void;
  /** A scripted participant (or a client, bypassing its UI) sets consent now. */
  setConsent(participantId: string, consent: boolean): void;
  /** The next command from anyone fails with this OpenTalk error code. */
  failNext(code: string): void;
  /** The next recording start ends in `recording_updated {status: error, reason}` (no recorder, crash …). */
  failRecorder(reason?: { readonly code: string; readonly message: string }): void;
  /**
   * The streaming server refuses the next start of a target (`'*'`, the default: of any target) — a
   * wrong or revoked stream key: the target goes `requested`, then `stream_updated` with status
   * `error` and a `reason` (`code`, `message`) instead of `active`.
   *
   * @example
   * ```ts
   * room.refuseStreamKey('target-twitch');
   * // start_stream {target_ids: ['target-twitch']} → requested → error {code: 'stream_key_refused', message: …}
   * ```
   */
  refuseStreamKey(targetId?: string, reason?: { readonly code: string; readonly message: string }): void;
  /**
   * A running target fails while the others go on: `stream_updated` with its `target_id`, status
   * `error` and the `reason`. Default: the last target started.
   *
   * @example
   * ```ts
   * room.dropStreamTarget('target-twitch', { code: 'unreachable', message: 'Twitch stopped accepting media.' });
   * ```
   */
  dropStreamTarget(targetId?: string, reason?: { readonly code: string; readonly message: string }): void;
  /**
   * The stream ends without a local stop (the streaming service ended it): every running target gets
   * a `stream_updated` with status `inactive`.
   *
   * @example
   * ```ts
   * room.endStreams();
   * ```
   */
  endStreams(): void;
  /** Sends malformed messages to everyone (a bad recording payload and another namespace's noise). */
  sendMalformed(): void;
  /** Who consents now, as the server sees it. */
  consents(): Readonly<Record<string, boolean>>;
  /** The recording status as the server sees it. */
  recordingStatus(): 'inactive' | 'requested' | 'active' | 'paused';
  /** Stops every timer. */
  dispose(): void;
}

/**
 * The default scripted participants: one consents quickly, one later and withdraws, one never answers.
 *
 * @example
 * ```ts
 * import { createOpenTalkRoom, defaultOpenTalkParticipants } from 'onair-react/simulator';
 *
 * // The defaults plus a fourth guest who declines at once.
 * const room = createOpenTalkRoom({
 *   participants: [...defaultOpenTalkParticipants, { id: 'p-eli', name: 'Eli Sato', role: 'guest', answers: [{ afterMs: 500, consent: false }] }],
 * });
 * ```
 *
 * @public
 */
export const defaultOpenTalkParticipants: readonly OpenTalkSimParticipant[] = Object.freeze([
  { id: 'p-bea', name: 'Bea Okafor', role: 'user', answers: [{ afterMs: 1500, consent: true }] },
  {
    id: 'p-chen',
    name: 'Chen Wei',
    role: 'guest',
    answers: [
      { afterMs: 3000, consent: true },
      { afterMs: 7000, consent: false },
    ],
  },
  { id: 'p-dara', name: 'Dara Novak', role: 'guest' },
]);

type Member = {
  id: string;
  name: string;
  role: 'moderator' | 'user' | 'guest';
  consents: boolean;
  answers: OpenTalkSimParticipant['answers'];
  client?: { listeners: Set<(m: OpenTalkIncomingMessage) => void>; joined: boolean } | undefined;
};

function camelKey(key: string): string {
  return key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Deep camelCase of struct keys (not of map keys that look like ids). */
function camelize(value: unknown, isMap = false): unknown {
  if (Array.isArray(value)) return value.map((item) => camelize(item));
  if (typeof value !== 'object' || value === null) return value;
  // Null prototype: a map key such as `__proto__` stays a key.
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) {
    const mapField = key === 'stream_states' || key === 'targets';
    out[isMap ? key : camelKey(key)] = camelize(item, mapField);
  }
  return out;
}

/**
 * Creates a simulated OpenTalk room.
 *
 * @example
 * ```ts
 * const room = createOpenTalkRoom({ protocol: 'current' });
 * const host = createOpenTalkAdapter(room.connect({ id: 'host', name: 'Ada', role: 'moderator' }), { participantId: 'host' });
 * const guest = createOpenTalkAdapter(room.connect({ id: 'guest', name: 'Ben' }), { participantId: 'guest' });
 * ```
 *
 * @public
 */
export function createOpenTalkRoom(options: OpenTalkRoomOptions = {}): OpenTalkRoom {
  const protocol = options.protocol ?? 'current';
  /** The roomserver's recording module (both framings). */
  const roomserverModule = protocol === 'current' || protocol === 'roomserver';
  const disabledFeatures = options.disabledFeatures ?? [];
  const latency = options.latencyMs ?? 120;
  const recorderDelay = options.recorderDelayMs ?? 900;
  const now = options.now ?? Date.now;
  const targets = options.streamTargets ?? [{ id: 'target-channel', name: 'Company channel', publicUrl: 'https://video.example.org/live' }];
  const recordingTargetId = options.recordingTargetId ?? 'target-recording';
  const members = new Map<string, Member>();
  /** Consent as the server stores it, by participant id: it outlives a reload (leave and connect again). */
  const storedConsents = new Map<string, boolean>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let recording: 'inactive' | 'requested' | 'active' | 'paused' = 'inactive';
  let recordingId: string | undefined;
  let recordingCount = 0;
  const streams = new Map<string, 'requested' | 'active' | 'paused'>();
  let nextError: string | undefined;
  let recorderFault: { code: string; message: string } | undefined;
  /** Targets whose next start the streaming server refuses (`'*'`: any target), with the reason. */
  const refusals = new Map<string, { code: string; message: string }>();
  /** Targets that ended in `error`, with the reason, as `stream_states` reports them until the next start. */
  const streamErrors = new Map<string, { code: string; message: string }>();
  let disposed = false;

  for (const p of options.participants ?? defaultOpenTalkParticipants) {
    members.set(p.id, { id: p.id, name: p.name, role: p.role ?? 'guest', consents: p.consents ?? false, answers: p.answers });
  }

  function later(ms: number, run: () => void): void {
    if (disposed) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!disposed) run();
    }, ms);
    timers.add(timer);
  }

  function deliver(member: Member, namespace: string, payload: Record<string, unknown>): void {
    const client = member.client;
    if (!client || !client.joined) return;
    const message: OpenTalkIncomingMessage = {
      namespace,
      timestamp: new Date(now()).toISOString(),
      payload: options.camelCase ? (camelize(payload) as Record<string, unknown>) : payload,
    };
    later(latency, () => {
      for (const listener of [...client.listeners]) listener(message);
    });
  }

  function broadcast(namespace: string, payload: Record<string, unknown>, except?: string): void {
    for (const member of members.values()) if (member.id !== except) deliver(member, namespace, payload);
  }

  function peer(member: Member): Record<string, unknown> {
    return {
      id: member.id,
      control: { display_name: member.name, role: member.role, hand_is_up: false, participation_kind: member.role === 'guest' ? 'guest' : 'user' },
      recording: { consents_recording: member.consents },
    };
  }

  /** A status word as the intermediate generation says it (`starting` where the roomserver says `requested`). */
  const intermediateWord = (status: string): string => (status === 'requested' ? 'starting' : status);

  function moduleData(member: Member): Record<string, unknown> | null {
    if (protocol === 'legacy') {
      // serde: `#[serde(tag = "state", content = "recording_id")]`, and `None` → null
      if (recording === 'active' || recording === 'paused') return { state: 'recording', recording_id: recordingId };
      return recording === 'requested' ? { state: 'initializing' } : null;
    }
    // Null-prototype maps: a target id may be any string, `__proto__` included.
    const states = Object.create(null) as Record<string, unknown>;
    if (protocol === 'intermediate') {
      states[recordingTargetId] = { name: 'Recording', streaming_kind: 'recording', status: intermediateWord(recording) };
      for (const t of targets) {
        const failed = streamErrors.get(t.id);
        states[t.id] = failed
          ? { name: t.name, streaming_kind: 'livestream', public_url: t.publicUrl ?? null, status: 'error', reason: failed }
          : { name: t.name, streaming_kind: 'livestream', public_url: t.publicUrl ?? null, status: intermediateWord(streams.get(t.id) ?? 'inactive') };
      }
      return { targets: states };
    }
    for (const t of targets) {
      const failed = streamErrors.get(t.id);
      states[t.id] = failed
        ? { name: t.name, public_url: t.publicUrl ?? null, status: 'error', reason: failed }
        : { name: t.name, public_url: t.publicUrl ?? null, status: streams.get(t.id) ?? 'inactive' };
    }
    return { consents_recording: member.consents, recording_state: { status: recording }, stream_states: states, service: null };
  }

  function setConsent(participantId: string, consent: boolean): void {
    const member = members.get(participantId);
    if (!member || member.consents === consent) return;
    member.consents = consent;
    storedConsents.set(participantId, consent);
    // Only the roomserver has `consent_updated`; the older generations send the peer data again.
    if (roomserverModule) broadcast('recording', { message: 'consent_updated', participant: participantId, consents: consent });
    else broadcast('control', { message: 'update', ...peer(member) }, participantId);
  }

  function scheduleAnswers(): void {
    for (const member of members.values()) {
      if (member.client) continue;
      for (const answer of member.answers ?? []) {
        const id = member.id;
        later(answer.afterMs, () => {
          if (recording === 'active' || recording === 'paused') setConsent(id, answer.consent);
        });
      }
    }
  }

  function setRecording(status: typeof recording, reason?: { code: string; message: string }): void {
    recording = status;
    if (roomserverModule) {
      broadcast('recording', reason ? { message: 'recording_updated', status: 'error', reason } : { message: 'recording_updated', status });
    } else if (protocol === 'intermediate') {
      const word = reason ? 'error' : intermediateWord(status);
      broadcast('recording', reason ? { message: 'stream_updated', target_id: recordingTargetId, status: word, reason } : { message: 'stream_updated', target_id: recordingTargetId, status: word });
    }
  }

  /** Asks the recorder to record; it answers after `recorderDelayMs` (or fails, when told to). */
  function requestRecorder(): void {
    setRecording('requested');
    later(recorderDelay, () => {
      if (recording !== 'requested') return;
      if (recorderFault) {
        const reason = recorderFault;
        recorderFault = undefined;
        setRecording('inactive', reason);
        return;
      }
      setRecording('active');
      scheduleAnswers();
    });
  }

  /** A target ends in `error {reason}` (`stream_updated`, both generations with targets). */
  function streamFailed(id: string, reason: { code: string; message: string }): void {
    streams.delete(id);
    streamErrors.set(id, reason);
    broadcast('recording', { message: 'stream_updated', target_id: id, status: 'error', reason });
  }

  function error(member: Member, code: string): void {
    deliver(member, 'recording', { message: 'error', error: code });
  }

  function handle(member: Member, payload: Readonly<Record<string, unknown>>): void {
    const action = typeof payload.action === 'string' ? payload.action : '';
    if (action === 'set_consent') {
      if (typeof payload.consent === 'boolean') setConsent(member.id, payload.consent);
      return;
    }
    if (nextError !== undefined) {
      const code = nextError;
      nextError = undefined;
      error(member, code);
      return;
    }
    const moderatorOnly = ['start', 'stop', 'start_recording', 'pause_recording', 'stop_recording', 'start_stream', 'pause_stream', 'stop_stream'];
    if (moderatorOnly.includes(action) && member.role !== 'moderator') {
      error(member, 'insufficient_permissions');
      return;
    }
    if (protocol === 'legacy') {
      if (action === 'start') {
        if (recording !== 'inactive') return error(member, 'already_recording');
        recording = 'requested';
        later(recorderDelay, () => {
          recordingCount += 1;
          recordingId = `rec-${recordingCount}`;
          recording = 'active';
          broadcast('recording', { message: 'started', recording_id: recordingId });
          scheduleAnswers();
        });
      } else if (action === 'stop') {
        if (recording !== 'active' || payload.recording_id !== recordingId) return error(member, 'invalid_recording_id');
        later(latency, () => {
          recording = 'inactive';
          broadcast('recording', { message: 'stopped', recording_id: recordingId });
        });
      } else if (action.length > 0) {
        deliver(member, 'error', { error: 'invalid_action' });
      }
      return;
    }
    const ids = Array.isArray(payload.target_ids) ? payload.target_ids.filter((id): id is string => typeof id === 'string') : [];
    // The roomserver refuses what the tariff turned off (`modules/recording/module`: `can_record`, `can_stream`).
    if (action === 'start_recording' && disabledFeatures.includes('recording::record')) return error(member, 'record_feature_disabled');
    if (action === 'start_stream' && disabledFeatures.includes('recording::stream')) return error(member, 'stream_feature_disabled');
    if (protocol === 'intermediate') {
      if (action === 'start_recording' || action === 'pause_recording' || action === 'stop_recording') {
        // Not a command of this generation: the controller cannot read it.
        deliver(member, 'error', { error: 'invalid_json' });
        return;
      }
      if (ids.includes(recordingTargetId)) {
        if (ids.length > 1) return error(member, 'invalid_streaming_id');
        if (action === 'start_stream') {
          if (recording === 'paused') return later(latency, () => setRecording('active'));
          if (recording !== 'inactive') return error(member, 'invalid_streaming_id');
          requestRecorder();
        } else if (action === 'pause_stream') {
          if (recording !== 'active') return error(member, 'invalid_streaming_id');
          later(latency, () => setRecording('paused'));
        } else if (action === 'stop_stream') {
          if (recording === 'inactive') return error(member, 'invalid_streaming_id');
          later(latency * 2, () => setRecording('inactive'));
        }
        return;
      }
    }
    switch (action) {
      case 'start_recording': {
        if (recording === 'active' || recording === 'paused' || recording === 'requested') return error(member, 'recording_already_active');
        requestRecorder();
        return;
      }
      case 'pause_recording':
        if (recording !== 'active') return error(member, 'recording_not_active');
        later(latency, () => setRecording('paused'));
        return;
      case 'stop_recording':
        if (recording !== 'active' && recording !== 'paused') return error(member, 'recording_not_active');
        later(latency * 2, () => setRecording('inactive'));
        return;
      case 'start_stream': {
        if (ids.length === 0 || ids.some((id) => !targets.some((t) => t.id === id))) return error(member, 'invalid_streaming_id');
        if (ids.some((id) => streams.has(id))) return error(member, 'streaming_target_in_use');
        for (const id of ids) {
          streamErrors.delete(id);
          streams.set(id, 'requested');
          broadcast('recording', { message: 'stream_updated', target_id: id, status: protocol === 'intermediate' ? 'starting' : 'requested' });
        }
        later(recorderDelay, () => {
          for (const id of ids) {
            if (streams.get(id) !== 'requested') continue;
            const refusal = refusals.get(id) ?? refusals.get('*');
            if (refusal) {
              refusals.delete(refusals.has(id) ? id : '*');
              streamFailed(id, refusal);
              continue;
            }
            streams.set(id, 'active');
            broadcast('recording', { message: 'stream_updated', target_id: id, status: 'active' });
          }
        });
        return;
      }
      case 'pause_stream':
      case 'stop_stream': {
        if (ids.length === 0 || ids.some((id) => streams.get(id) !== 'active' && streams.get(id) !== 'paused')) return error(member, 'invalid_streaming_id');
        later(latency, () => {
          for (const id of ids) {
            if (action === 'pause_stream') streams.set(id, 'paused');
            else streams.delete(id);
            broadcast('recording', { message: 'stream_updated', target_id: id, status: action === 'pause_stream' ? 'paused' : 'inactive' });
          }
        });
        return;
      }
      default:
        return;
    }
  }

  /** Roomserver: a participant's module data (`core`: `CoreState`; `recording`: `RecordingPeerState`). */
  function peerData(member: Member): Record<string, unknown> {
    return {
      core: { display_name: member.name, is_room_owner: false, joined_at: new Date(now()).toISOString(), participation_kind: member.role === 'guest' ? 'guest' : 'registered', role: member.role },
      recording: { consents_recording: member.consents },
    };
  }
  const connectionOf = (member: Member): string => `connection-${member.id}`;

  /** Roomserver framing of a join (`core` `join_success`, `join/join_success.rs`) and of the arrival it causes. */
  function joinRoomserver(member: Member, others: Member[]): void {
    const features = ['record', 'stream'].filter((f) => !disabledFeatures.includes(`recording::${f}`));
    deliver(member, 'core', {
      message: 'join_success',
      id: member.id,
      connection_id: connectionOf(member),
      device_id: `device-${member.id}`,
      connections: [],
      display_name: member.name,
      role: member.role,
      tariff: { id: 'tariff-sim', name: 'Simulated tariff', quotas: {}, used_quota: {}, disabled_features: [...disabledFeatures] },
      enabled_modules: { core: [], moderation: [], recording: features },
      module_data: { recording: moduleData(member) },
      participants: others.map((m) => ({ id: m.id, connections: [{ connection_id: connectionOf(m), device_id: `device-${m.id}` }], module_data: peerData(m) })),
      event_info: null,
      meeting_details: { streaming_links: [] },
      room_info: { id: 'room-sim', created_by: { title: '', firstname: 'Sim', lastname: 'Host', display_name: 'Sim Host' } },
      is_room_owner: false,
    });
    announceArrival(member);
  }

  function announceArrival(member: Member): void {
    if (protocol === 'roomserver') broadcast('core', { message: 'participant_connected', participant_id: member.id, connection_id: connectionOf(member), peer_data: peerData(member) }, member.id);
    else broadcast('control', { message: 'joined', ...peer(member) }, member.id);
  }

  function announceDeparture(member: Pick<Member, 'id'>): void {
    if (protocol === 'roomserver') broadcast('core', { message: 'participant_disconnected', participant_id: member.id, connection_id: `connection-${member.id}`, reason: 'quit' });
    else broadcast('control', { message: 'left', id: member.id, reason: 'quit' });
  }

  function join(member: Member): void {
    const client = member.client;
    if (!client || client.joined) return;
    client.joined = true;
    const others = [...members.values()].filter((m) => m.id !== member.id && (!m.client || m.client.joined));
    if (protocol === 'roomserver') return joinRoomserver(member, others);
    const participants = others.map(peer);
    deliver(member, 'control', {
      message: 'join_success',
      id: member.id,
      display_name: member.name,
      role: member.role,
      participants,
      recording: moduleData(member),
    });
    broadcast('control', { message: 'joined', ...peer(member) }, member.id);
  }

  return {
    protocol,
    connect(identity) {
      const member: Member = {
        id: identity.id,
        name: identity.name,
        role: identity.role ?? 'user',
        consents: storedConsents.get(identity.id) ?? false,
        answers: undefined,
        client: { listeners: new Set(), joined: false },
      };
      members.set(member.id, member);
      const sent: OpenTalkOutgoingMessage[] = [];
      let joinScheduled = false;
      return {
        participantId: member.id,
        sent,
        send(message) {
          sent.push(message);
          if (message.namespace !== 'recording' || typeof message.payload !== 'object' || message.payload === null) return;
          later(latency, () => handle(member, message.payload));
        },
        subscribe(listener) {
          member.client?.listeners.add(listener);
          if (!joinScheduled) {
            joinScheduled = true;
            later(latency, () => join(member));
          }
          return () => {
            member.client?.listeners.delete(listener);
          };
        },
        leave() {
          if (!members.has(member.id)) return;
          members.delete(member.id);
          announceDeparture(member);
        },
      };
    },
    addParticipant(participant) {
      const member: Member = {
        id: participant.id,
        name: participant.name,
        role: participant.role ?? 'guest',
        consents: participant.consents ?? false,
        answers: participant.answers,
      };
      members.set(member.id, member);
      announceArrival(member);
    },
    removeParticipant(participantId) {
      if (!members.delete(participantId)) return;
      announceDeparture({ id: participantId });
    },
    setConsent,
    failNext(code) {
      nextError = code;
    },
    failRecorder(reason = { code: 'recorder_crashed', message: 'The recorder stopped unexpectedly.' }) {
      recorderFault = reason;
    },
    refuseStreamKey(targetId = '*', reason = { code: 'stream_key_refused', message: 'The streaming server refused the stream key.' }) {
      refusals.set(targetId, reason);
    },
    dropStreamTarget(targetId, reason = { code: 'unreachable', message: 'The streaming server stopped accepting media.' }) {
      const running = [...streams.entries()].filter(([, status]) => status === 'active' || status === 'paused').map(([id]) => id);
      const id = targetId ?? running[running.length - 1];
      if (id === undefined || !running.includes(id)) return;
      streamFailed(id, reason);
    },
    endStreams() {
      for (const [id, status] of [...streams.entries()]) {
        if (status !== 'active' && status !== 'paused') continue;
        streams.delete(id);
        broadcast('recording', { message: 'stream_updated', target_id: id, status: 'inactive' });
      }
    },
    sendMalformed() {
      broadcast('recording', { message: 'recording_updated', status: 42 });
      broadcast('recording', { status: 'active' });
      broadcast('chat', { message: 'chat_message', content: 'hello' });
    },
    consents() {
      const out: Record<string, boolean> = {};
      for (const m of members.values()) out[m.id] = m.consents;
      return out;
    },
    recordingStatus: () => recording,
    dispose() {
      disposed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
