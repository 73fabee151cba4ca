/**
 * `onair-react/server`: the backend half, on web-standard `Request`/`Response` — a webhook relay
 * that verifies the provider's signed webhooks (VideoSDK, RealtimeKit) and streams a room's
 * webhooks to its browsers as Server-Sent Events (in one process's memory or, for several
 * processes, through Redis), and the routes that hold the provider secrets
 * (`createRealtimeKitRoute`, `createVideoSdkRoute`), with `toNodeHandler` for Node `http`/Express.
 * No React; one dependency, `jose` (VideoSDK token signing, Web Crypto); `redis` only when you
 * pass `createRedisRelayBackend({ url })`.
 *
 * @packageDocumentation
 */
export {
  createWebhookRelay,
  constantTimeEqual,
  type WebhookRelay,
  type WebhookRelayOptions,
  type WebhookRelayStats,
  type WebhookSignatureOptions,
} from './createWebhookRelay.js';
export {
  verifyVideoSdkSignature,
  verifyRealtimeKitSignature,
  WEBHOOK_SIGNATURE_SOURCES,
  type KeyFetch,
  type WebhookSignatureProvider,
} from './verifyWebhookSignature.js';
export {
  createMemoryRelayBackend,
  type MemoryRelayBackendOptions,
  type RelayBackend,
  type RelayBackendStats,
  type RelayDedupe,
  type RelayEvent,
  type RelaySink,
} from './relayBackend.js';
export {
  createRedisRelayBackend,
  type IoRedisClientLike,
  type RedisClientLike,
  type RedisRelayBackendOptions,
} from './createRedisRelayBackend.js';
export {
  createRealtimeKitRoute,
  REALTIMEKIT_START_FIELDS,
  REALTIMEKIT_TRACK_FIELDS,
  type RealtimeKitRouteAction,
  type RealtimeKitRouteOptions,
  type RealtimeKitRouteTarget,
  type RealtimeKitStartContext,
  type RealtimeKitStartOptions,
} from './createRealtimeKitRoute.js';
export {
  createVideoSdkRoute,
  signVideoSdkToken,
  VIDEOSDK_START_FIELDS,
  type VideoSdkRouteAction,
  type LiveStreamServerDestination,
  type VideoSdkRouteOptions,
  type VideoSdkRouteTarget,
  type VideoSdkStartContext,
  type VideoSdkStartOptions,
} from './createVideoSdkRoute.js';
export { toNodeHandler, type NodeHandlerOptions, type NodeRequestLike, type NodeResponseLike } from './toNodeHandler.js';
export type { AllowedOrigins, RouteAuthorizeStage } from './routeSupport.js';
export {
  createConsentLedger,
  type ConsentChainBreak,
  type ConsentDecision,
  type ConsentExportQuery,
  type ConsentLedger,
  type ConsentLedgerEntry,
  type ConsentLedgerOptions,
  type ConsentListQuery,
  type ConsentNoticeRef,
  type ConsentRecordInput,
  type ConsentSource,
  type ConsentVerification,
} from './createConsentLedger.js';
export { CONSENT_GENESIS_HASH, consentChainHash, type ConsentStore, type ConsentStoreRow } from './consentStore.js';
export { createMemoryConsentStore } from './createMemoryConsentStore.js';
export { createPostgresConsentStore, type PostgresConsentStoreOptions, type SqlClientLike } from './createPostgresConsentStore.js';
export { createConsentRoute, type ConsentIdentity, type ConsentRouteOptions, type ConsentRouteTarget } from './createConsentRoute.js';
