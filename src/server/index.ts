/**
 * `onair-react/server`: the server piece of VideoSDK participant recording — a webhook relay on
 * web-standard `Request`/`Response` that streams a room's webhooks to its browsers as
 * Server-Sent Events. No React, no dependency.
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
