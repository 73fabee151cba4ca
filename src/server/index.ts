/**
 * `onair-react/server`: the backend half — a webhook relay on web-standard `Request`/`Response`
 * that verifies the provider's signed webhooks (VideoSDK, RealtimeKit) and streams a room's
 * webhooks to its browsers as Server-Sent Events; in one process's memory or, for several
 * processes, through Redis. No React.
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
  type RelayEvent,
  type RelaySink,
} from './relayBackend.js';
export {
  createRedisRelayBackend,
  type RedisClientLike,
  type RedisRelayBackendOptions,
} from './createRedisRelayBackend.js';
