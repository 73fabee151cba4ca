import * as v from 'valibot';
import type { ParticipantJoinedEvent, ParticipantLeftEvent, ParticipantRecordingEvent } from '../../core/events.js';
import type { RecordingFile } from '../../core/model.js';
import { MAX_DATE_MS, safeHttpUrl } from '../../core/url.js';

/**
 * VideoSDK participant-recording webhooks, as documented in the "Webhooks List" API reference
 * (https://docs.videosdk.live/api-reference/realtime-communication/user-webhooks):
 * `{ webhookType: "participant-recording-…", data: { meetingId, sessionId, participantId, fileFormat?, fileDetails? } }`.
 * VideoSDK sends no timestamp; the relay adds one (see {@link RelayEnvelope}). Some deliveries key
 * the type `type` instead: VideoSDK's own server SDK reads `webhookType ?? type`
 * (`@videosdk.live/server-sdk`, `src/resources/webhooks.ts`, `verifyAndParse`), and so does
 * {@link parseVideoSdkWebhook}.
 */

/**
 * A `participant-recording-*` webhook type.
 *
 * @public
 */
export type ParticipantRecordingWebhookType =
  | 'participant-recording-starting'
  | 'participant-recording-started'
  | 'participant-recording-stopping'
  | 'participant-recording-stopped'
  | 'participant-recording-failed';

const PHASES = {
  'participant-recording-starting': 'starting',
  'participant-recording-started': 'started',
  'participant-recording-stopping': 'stopping',
  'participant-recording-stopped': 'stopped',
  'participant-recording-failed': 'failed',
} as const satisfies Record<ParticipantRecordingWebhookType, string>;

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(512));

const FileDetailSchema = v.object({
  filePath: v.optional(v.nullable(v.string())),
  fileUrl: v.optional(v.nullable(v.string())),
});

/**
 * Schema (valibot) of one participant-recording webhook. Unknown extra fields are tolerated and
 * dropped. Most apps need only {@link parseVideoSdkWebhook}; use the schema to validate on the server.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { ParticipantRecordingWebhookSchema } from 'onair-react/videosdk';
 *
 * const result = v.safeParse(ParticipantRecordingWebhookSchema, await request.json());
 * if (result.success) console.log(result.output.webhookType, result.output.data.participantId);
 * ```
 *
 * @public
 */
export const ParticipantRecordingWebhookSchema = v.object({
  webhookType: v.picklist(Object.keys(PHASES) as ParticipantRecordingWebhookType[]),
  data: v.pipe(
    v.object({
      meetingId: v.optional(id),
      /** Some payloads (and the start API) call the room `roomId`. */
      roomId: v.optional(id),
      sessionId: v.optional(v.nullable(v.string())),
      participantId: id,
      fileFormat: v.optional(v.nullable(v.string())),
      fileDetails: v.optional(v.nullable(v.array(FileDetailSchema))),
      /** Not documented; kept when a failure carries a reason. */
      message: v.optional(v.nullable(v.string())),
      reason: v.optional(v.nullable(v.string())),
    }),
    v.check((d) => d.meetingId !== undefined || d.roomId !== undefined, 'meetingId or roomId is required'),
  ),
});

/**
 * A live-stream webhook type: RTMP out (`livestream-*`) and HLS (`hls-*`), as VideoSDK's "Webhooks
 * List" API reference names them. None names an RTMP output, and the `-failed` ones carry no reason.
 *
 * @example
 * ```ts
 * const type: LiveStreamWebhookType = 'hls-playable'; // the HLS can be watched now
 * ```
 *
 * @public
 */
export type LiveStreamWebhookType =
  | 'livestream-starting'
  | 'livestream-started'
  | 'livestream-stopping'
  | 'livestream-stopped'
  | 'livestream-failed'
  | 'hls-starting'
  | 'hls-started'
  | 'hls-playable'
  | 'hls-stopping'
  | 'hls-stopped'
  | 'hls-failed';

/**
 * Where a VideoSDK live stream is: `started` for HLS means encoding began (the playback URL is known,
 * not yet playable); `playable` (HLS only) means viewers can watch.
 *
 * @example
 * ```ts
 * const parsed = parseVideoSdkWebhook({ webhookType: 'hls-started', data: { meetingId: 'r1', sessionId: 's1' } });
 * if (parsed.kind === 'live' && parsed.phase === 'started') showNotReadyYet(parsed.playbackUrl);
 * ```
 *
 * @public
 */
export type VideoSdkLivePhase = 'starting' | 'started' | 'playable' | 'stopping' | 'stopped' | 'failed';

const LIVE_TYPES: Readonly<Record<LiveStreamWebhookType, readonly ['rtmp' | 'hls', VideoSdkLivePhase]>> = {
  'livestream-starting': ['rtmp', 'starting'],
  'livestream-started': ['rtmp', 'started'],
  'livestream-stopping': ['rtmp', 'stopping'],
  'livestream-stopped': ['rtmp', 'stopped'],
  'livestream-failed': ['rtmp', 'failed'],
  'hls-starting': ['hls', 'starting'],
  'hls-started': ['hls', 'started'],
  'hls-playable': ['hls', 'playable'],
  'hls-stopping': ['hls', 'stopping'],
  'hls-stopped': ['hls', 'stopped'],
  'hls-failed': ['hls', 'failed'],
};

/** `livestream-*` / `hls-*` webhooks (same documentation page): `{ meetingId, sessionId, downstreamUrl? }`. */
const LiveWebhookSchema = v.object({
  webhookType: v.picklist(Object.keys(LIVE_TYPES) as LiveStreamWebhookType[]),
  data: v.object({
    meetingId: id,
    sessionId: v.optional(v.nullable(v.string())),
    /** `hls-started` / `hls-playable`: the playback URL (deprecated name of `playbackHlsUrl`). */
    downstreamUrl: v.optional(v.nullable(v.string())),
    playbackHlsUrl: v.optional(v.nullable(v.string())),
    /** Not documented; kept when a failure carries a reason. */
    message: v.optional(v.nullable(v.string())),
    reason: v.optional(v.nullable(v.string())),
  }),
});

/** `participant-joined` / `participant-left` webhooks (same documentation page). */
const RosterWebhookSchema = v.object({
  webhookType: v.picklist(['participant-joined', 'participant-left']),
  data: v.object({ meetingId: id, sessionId: v.optional(v.nullable(v.string())), participantId: id, participantName: v.optional(v.nullable(v.string())) }),
});

/**
 * A validated participant-recording webhook.
 *
 * @public
 */
export type ParticipantRecordingWebhook = v.InferOutput<typeof ParticipantRecordingWebhookSchema>;

/**
 * What the relay sends: the webhook as received, with when it arrived (epoch ms).
 *
 * @public
 */
export interface RelayEnvelope {
  readonly at: number;
  readonly webhook: unknown;
}

/**
 * The result of {@link parseVideoSdkWebhook}.
 *
 * @public
 */
export type ParsedVideoSdkWebhook =
  | { readonly kind: 'event'; readonly roomId: string; readonly event: ParticipantRecordingEvent }
  /** `participant-joined` / `participant-left` (names for the controls' labels). */
  | { readonly kind: 'roster'; readonly roomId: string; readonly event: ParticipantJoinedEvent | ParticipantLeftEvent }
  /**
   * `livestream-*` (`stream: 'rtmp'`) or `hls-*` (`stream: 'hls'`). `playbackUrl`: the HLS playback URL
   * of `hls-started` / `hls-playable`, only when `http(s)`. `reason`: a failure's text, where sent.
   */
  | {
      readonly kind: 'live';
      readonly roomId: string;
      readonly at: number;
      readonly stream: 'rtmp' | 'hls';
      readonly phase: VideoSdkLivePhase;
      readonly sessionId: string | undefined;
      readonly playbackUrl: string | undefined;
      readonly reason: string | undefined;
    }
  /** A webhook of another type (session-started, recording-…): not for this adapter, not an error. */
  | { readonly kind: 'other'; readonly webhookType: string }
  /** Not a usable webhook. */
  | { readonly kind: 'invalid'; readonly issues: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The webhook with its type under `webhookType`: VideoSDK's server SDK reads `webhookType ?? type`
 * (`@videosdk.live/server-sdk` `verifyAndParse`), so a body keyed `type` is the same webhook.
 */
function withWebhookType(webhook: unknown): unknown {
  if (!isRecord(webhook) || webhook.webhookType !== undefined || typeof webhook.type !== 'string') return webhook;
  return { ...webhook, webhookType: webhook.type };
}

/** Unwraps a relay envelope (`{ at, webhook }`) and returns the webhook and its time. */
export function unwrapEnvelope(input: unknown, now: number): { readonly webhook: unknown; readonly at: number } {
  if (isRecord(input) && 'webhook' in input) {
    // A relay time outside the `Date` range (or not a number) is ignored: the arrival time stands in.
    const at = typeof input.at === 'number' && Number.isFinite(input.at) && Math.abs(input.at) <= MAX_DATE_MS ? input.at : now;
    return { webhook: input.webhook, at };
  }
  return { webhook: input, at: now };
}

/**
 * Validates one webhook (or relay envelope) and maps it to a normalized `participant-recording`
 * event. Never throws. `stopped`'s `fileDetails` become `files` (URLs are kept as sent; components
 * link only `http(s)` ones).
 *
 * @example
 * ```ts
 * const parsed = parseVideoSdkWebhook({ webhookType: 'participant-recording-started', data: { meetingId: 'r1', participantId: 'ada' } });
 * if (parsed.kind === 'event') store.dispatch(parsed.event);
 * ```
 *
 * @public
 */
export function parseVideoSdkWebhook(input: unknown, now: number = Date.now()): ParsedVideoSdkWebhook {
  const unwrapped = unwrapEnvelope(input, now);
  const { at } = unwrapped;
  const webhook = withWebhookType(unwrapped.webhook);
  const type = isRecord(webhook) ? webhook.webhookType : undefined;
  if (type === 'participant-joined' || type === 'participant-left') {
    const roster = v.safeParse(RosterWebhookSchema, webhook);
    if (!roster.success) return { kind: 'invalid', issues: roster.issues.map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`).join('; ') };
    const { data } = roster.output;
    return {
      kind: 'roster',
      roomId: data.meetingId,
      event:
        type === 'participant-joined'
          ? { type: 'participant-joined', at, participantId: data.participantId, name: data.participantName ?? undefined }
          : { type: 'participant-left', at, participantId: data.participantId },
    };
  }
  if (typeof type === 'string' && Object.hasOwn(LIVE_TYPES, type)) {
    const live = v.safeParse(LiveWebhookSchema, webhook);
    if (!live.success) return { kind: 'invalid', issues: live.issues.map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`).join('; ') };
    const { webhookType, data } = live.output;
    const [stream, phase] = LIVE_TYPES[webhookType];
    return {
      kind: 'live',
      roomId: data.meetingId,
      at,
      stream,
      phase,
      sessionId: data.sessionId ?? undefined,
      playbackUrl: safeHttpUrl(data.playbackHlsUrl ?? undefined) ?? safeHttpUrl(data.downstreamUrl ?? undefined),
      reason: data.message ?? data.reason ?? undefined,
    };
  }
  if (typeof type === 'string' && !Object.hasOwn(PHASES, type)) return { kind: 'other', webhookType: type };
  const result = v.safeParse(ParticipantRecordingWebhookSchema, webhook);
  if (!result.success) {
    return { kind: 'invalid', issues: result.issues.map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`).join('; ') };
  }
  const { webhookType, data } = result.output;
  const phase = PHASES[webhookType];
  const files: RecordingFile[] | undefined =
    phase === 'stopped'
      ? (data.fileDetails ?? [])
          .map((f) => ({ url: f.fileUrl ?? undefined, path: f.filePath ?? undefined }))
          .filter((f) => f.url !== undefined || f.path !== undefined)
      : undefined;
  const reason = data.message ?? data.reason ?? undefined;
  const event: ParticipantRecordingEvent = {
    type: 'participant-recording',
    at,
    participantId: data.participantId,
    phase,
    sessionId: data.sessionId ?? undefined,
    files,
    error:
      phase === 'failed'
        ? { code: 'participant-recording-failed', message: reason ?? 'VideoSDK could not record this participant.', at }
        : undefined,
  };
  return { kind: 'event', roomId: (data.meetingId ?? data.roomId) as string, event };
}
