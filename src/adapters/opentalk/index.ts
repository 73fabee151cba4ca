/**
 * `onair-react/opentalk` — OpenTalk: the adapter over OpenTalk's signaling (`recording` and
 * `control` namespaces, both protocol generations).
 *
 * @packageDocumentation
 */
export { createOpenTalkAdapter, openTalkCapabilities } from './createOpenTalkAdapter.js';
export type {
  OpenTalkAdapter,
  OpenTalkAdapterOptions,
  OpenTalkIncomingMessage,
  OpenTalkOutgoingMessage,
  OpenTalkProtocol,
  OpenTalkSignaling,
} from './types.js';
