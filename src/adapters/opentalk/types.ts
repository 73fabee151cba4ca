import type { OnAirAdapter } from '../../core/adapter.js';
import type { OnAirLabels } from '../../core/labels.js';
import type { ParticipantRole } from '../../core/model.js';

/**
 * A message as OpenTalk's signaling delivers it: `{namespace, timestamp, payload}`.
 *
 * @public
 */
export interface OpenTalkIncomingMessage {
  readonly namespace: string;
  /** ISO 8601 time (or epoch ms) the server stamped on the message. */
  readonly timestamp?: string | number | undefined;
  readonly payload: unknown;
}

/**
 * A command for OpenTalk's signaling: `{namespace, payload: {action, …}}`.
 *
 * @public
 */
export interface OpenTalkOutgoingMessage {
  readonly namespace: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/**
 * The structural signaling channel the adapter needs. Your own websocket wrapper fits, and so does
 * the simulator's OpenTalk peer. Every incoming message of every namespace goes to the listener; the
 * adapter reads `recording` and `control` and ignores the rest.
 *
 * @example
 * ```ts
 * const signaling: OpenTalkSignaling = {
 *   send: (message) => socket.send(JSON.stringify(message)),
 *   subscribe: (listener) => {
 *     const onMessage = (e: MessageEvent) => listener(JSON.parse(e.data));
 *     socket.addEventListener('message', onMessage);
 *     return () => socket.removeEventListener('message', onMessage);
 *   },
 * };
 * ```
 *
 * @public
 */
export interface OpenTalkSignaling {
  send(message: OpenTalkOutgoingMessage): void;
  subscribe(listener: (message: OpenTalkIncomingMessage) => void): () => void;
}

/**
 * A generation of OpenTalk's `recording` signaling module:
 *
 * - `legacy` — the older controller: `start`, `stop {recording_id}`; `join_success.recording` is
 *   `{state: initializing | recording, recording_id?}`.
 * - `intermediate` — `opentalk-types-signaling-recording`: `join_success.recording = {targets}`; the
 *   recording is the target whose `streaming_kind` is `recording`, driven by `start_stream`,
 *   `pause_stream`, `stop_stream`.
 * - `current` — the roomserver: `start_recording`, `pause_recording`, `stop_recording`, streams by
 *   target id; `join_success.recording = {consents_recording, recording_state, stream_states, service}`.
 *
 * @example
 * ```ts
 * const generation: OpenTalkGeneration | undefined = adapter.protocol();
 * if (generation === 'legacy') console.info('no pause or live streams on this server');
 * ```
 *
 * @public
 */
export type OpenTalkGeneration = 'legacy' | 'intermediate' | 'current';

/**
 * Which generation of the `recording` namespace to speak. `auto` (default) detects it from what the
 * server sent (`join_success` shape, or the first recording message) and falls back to `current`.
 *
 * @example
 * ```ts
 * const protocol: OpenTalkProtocol = 'auto';
 * createOpenTalkAdapter(signaling, { participantId: myId, protocol });
 * ```
 *
 * @public
 */
export type OpenTalkProtocol = 'auto' | OpenTalkGeneration;

/**
 * Options of `createOpenTalkAdapter`.
 *
 * @public
 */
export interface OpenTalkAdapterOptions {
  /**
   * The local participant's id as the app knows it. Only a `join_success` without an `id` falls back
   * to it: before `join_success` nobody counts as the local participant (consent and roster messages
   * that arrive before it are ignored).
   */
  readonly participantId: string;
  /** The local role when the server does not say (`join_success.role` wins, compared case-insensitively; any word but `moderator` may not record). */
  readonly role?: ParticipantRole | undefined;
  /** Protocol generation for commands. Default `auto`. */
  readonly protocol?: OpenTalkProtocol | undefined;
  /** Error messages, localized (`providerErrors`, `providerErrorUnknown`, `liveNotSupported`). */
  readonly labels?: Partial<OnAirLabels> | undefined;
  /** Receives a warning for each dropped malformed message. Default: `console.warn` outside production. */
  readonly onWarning?: ((message: string, detail?: unknown) => void) | undefined;
  /** Clock, for tests. */
  readonly now?: (() => number) | undefined;
}

/**
 * The OpenTalk adapter: an {@link OnAirAdapter} that also says which protocol generation it speaks.
 *
 * @public
 */
export interface OpenTalkAdapter extends OnAirAdapter {
  /** The generation detected (or fixed by the option); `undefined` while `auto` has seen nothing. */
  readonly protocol: () => OpenTalkGeneration | undefined;
}
