/**
 * `onair-react/server`: the backend half, on web-standard `Request`/`Response` — a webhook relay
 * that streams a room's webhooks to its browsers as Server-Sent Events, and the routes that hold
 * the provider secrets (`createRealtimeKitRoute`, `createVideoSdkRoute`), with `toNodeHandler` for
 * Node `http`/Express. No React; one dependency, `jose` (VideoSDK token signing, Web Crypto).
 *
 * @packageDocumentation
 */
export {
  createWebhookRelay,
  constantTimeEqual,
  type WebhookRelay,
  type WebhookRelayOptions,
  type WebhookRelayStats,
} from './createWebhookRelay.js';
export {
  createRealtimeKitRoute,
  type RealtimeKitRouteAction,
  type RealtimeKitRouteOptions,
  type RealtimeKitRouteTarget,
} from './createRealtimeKitRoute.js';
export {
  createVideoSdkRoute,
  signVideoSdkToken,
  type VideoSdkRouteAction,
  type VideoSdkRouteOptions,
  type VideoSdkRouteTarget,
} from './createVideoSdkRoute.js';
export { toNodeHandler, type NodeHandlerOptions, type NodeRequestLike, type NodeResponseLike } from './toNodeHandler.js';
