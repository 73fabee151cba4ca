import type { OnAirAdapter } from '../../core/adapter.js';
import type { OnAirLabels } from '../../core/labels.js';
import type { ParticipantRole } from '../../core/model.js';

/** A message as OpenTalk's signaling delivers it: `{namespace, timestamp, payload}`. */
export interface OpenTalkIncomingMessage {
  readonly namespace: string;
  /** ISO 8601 time (or epoch ms) the server stamped on the message. */
  readonly timestamp?: string | number | undefined;
  readonly payload: unknown;
}

/** A command for OpenTalk's signaling: `{namespace, payload: {action, …}}`. */
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
 */
export interface OpenTalkSignaling {
  send(message: OpenTalkOutgoingMessage): void;
  subscribe(listener: (message: OpenTalkIncomingMessage) => void): () => void;
}

/**
 * Which generation of the `recording` namespace to speak. `auto` (default) detects it from what the
 * server sent (`join_success` shape, or the first recording message) and falls back to `current`.
 */
export type OpenTalkProtocol = 'auto' | 'legacy' | 'current';

/** Options of `createOpenTalkAdapter`. */
export interface OpenTalkAdapterOptions {
  /** The local participant's id (OpenTalk's `join_success.id` replaces it once received). */
  readonly participantId: string;
  /** The local role when the server does not say (`join_success.role` wins). */
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

/** The OpenTalk adapter: an {@link OnAirAdapter} that also says which protocol generation it speaks. */
export interface OpenTalkAdapter extends OnAirAdapter {
  /** The generation detected (or fixed by the option); `undefined` while `auto` has seen nothing. */
  readonly protocol: () => 'legacy' | 'current' | undefined;
}
