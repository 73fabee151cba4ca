/**
 * `onair-react/opentalk` — OpenTalk: the adapter over OpenTalk's signaling (`recording` and
 * `control` namespaces, all three server generations).
 *
 * @packageDocumentation
 */
export { createOpenTalkAdapter, openTalkCapabilities } from './createOpenTalkAdapter.js';
export type {
  OpenTalkAdapter,
  OpenTalkAdapterOptions,
  OpenTalkGeneration,
  OpenTalkIncomingMessage,
  OpenTalkOutgoingMessage,
  OpenTalkProtocol,
  OpenTalkSignaling,
} from './types.js';
