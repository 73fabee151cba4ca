import * as v from 'valibot';

/**
 * Schemas of the RealtimeKit recordings API answers (Cloudflare API v4,
 * `/accounts/{account_id}/realtime/kit/{app_id}/recordings…`), written with valibot.
 *
 * - `v.object` keeps only the fields named here: unknown extra fields are tolerated and dropped,
 *   and whatever `storage_config` echoes besides type, bucket, region, path and host (`access_key`,
 *   `secret`, `secret_key`, `password`, `private_key`, in any case) can never reach the normalized model.
 * - Everything the API may leave empty is `nullish`: URLs, sizes and times are `null` until known,
 *   and absent when the app's own bucket stores the files.
 */

const text = v.nullish(v.string());
const count = v.nullish(v.number());
/** A descriptive field that never fails a parse: a string, or `null` for anything else (the SDK types some as `unknown`). */
const informational = v.optional(v.pipe(v.unknown(), v.transform((value) => (typeof value === 'string' ? value : null))), null);

/** `start_reason` / `stop_reason`: who started or stopped the recording and why. */
export const ReasonSchema = v.object({
  reason: text,
  caller: v.nullish(
    v.object({
      name: text,
      type: text,
      user_Id: text,
      /** Some answers spell it this way. */
      user_id: text,
    }),
  ),
});

/** `storage_config` as readable: type, bucket, region, path (secrets are write-only and dropped). */
export const StorageConfigSchema = v.object({
  type: informational,
  bucket: informational,
  region: informational,
  path: informational,
  host: informational,
});

/**
 * A layer's `download_urls` map (`{ <track or user id>: { download_url } | "url" }`) as a list of
 * `{ key, url }`, read with own-property iteration so that any id — `__proto__`, `constructor` —
 * keeps its file. Entries without a URL string are left out.
 */
const LayerFilesSchema = v.pipe(
  v.unknown(),
  v.transform((value): Array<{ key: string; url: string }> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
    const files: Array<{ key: string; url: string }> = [];
    for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
      const record = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : undefined;
      const url = typeof entry === 'string' ? entry : typeof record?.download_url === 'string' ? record.download_url : typeof record?.url === 'string' ? record.url : undefined;
      if (url) files.push({ key, url });
    }
    return files;
  }),
);

/**
 * One layer of a track recording's `download_url` when it arrives as a list:
 * `{ layer_name, download_urls: { <track or user id>: { download_url } } }` — one file per recorded
 * track — or older flat forms (a URL string, `{ url | download_url, name | layer | file_name }`).
 * Entries that are none of these are skipped, not fatal.
 */
export const DownloadLayerSchema = v.union([
  v.string(),
  v.object({
    layer_name: text,
    download_urls: v.optional(LayerFilesSchema, []),
    url: text,
    download_url: text,
    name: text,
    layer: text,
    file_name: text,
  }),
  v.pipe(v.unknown(), v.transform(() => null)),
]);

/** A time as sent: an ISO string, or (some answers) epoch seconds or milliseconds. */
const instant = v.nullish(v.union([v.string(), v.number()]));

/** Recording status words of the API. */
export const RecordingStatusSchema = v.picklist(['INVOKED', 'RECORDING', 'UPLOADING', 'UPLOADED', 'ERRORED', 'PAUSED']);

/** The recording object (list item, details, active recording, start and control answers). */
export const RecordingSchema = v.object({
  id: v.string(),
  status: RecordingStatusSchema,
  output_file_name: text,
  invoked_time: instant,
  started_time: instant,
  stopped_time: instant,
  file_size: count,
  recording_duration: count,
  /** A string, or for track recordings a list of layers (although the SDK types say string). */
  download_url: v.nullish(v.union([v.string(), v.array(DownloadLayerSchema)])),
  audio_download_url: text,
  /** ISO time, or epoch seconds / milliseconds; an unreadable expiry counts as expired. */
  download_url_expiry: instant,
  session_id: text,
  meeting_id: text,
  meeting: v.nullish(v.object({ id: text, title: text })),
  start_reason: v.nullish(ReasonSchema),
  stop_reason: v.nullish(ReasonSchema),
  storage_config: v.nullish(StorageConfigSchema),
});

/** `paging` of the list answer. */
export const PagingSchema = v.object({
  total_count: v.number(),
  start_offset: count,
  end_offset: count,
});

const success = v.optional(v.boolean());

/** `GET /recordings`. */
export const RecordingListResponseSchema = v.object({
  success,
  data: v.array(RecordingSchema),
  paging: PagingSchema,
});

/**
 * Details, active recording, start and control answers: `{ success, data?: Recording }`. `data` is
 * optional in Cloudflare's SDK types (`cloudflare` 7.x, `resources/realtime-kit/recordings.d.ts`):
 * without it the operation still succeeded, with nothing to show.
 */
export const RecordingResponseSchema = v.object({
  success,
  data: v.nullish(RecordingSchema),
});

/** `POST /recordings/track`: `{ success, data?: { recording } }` (`data` optional, as above). */
export const TrackRecordingResponseSchema = v.object({
  success,
  data: v.nullish(v.object({ recording: v.nullish(RecordingSchema) })),
});

/** Livestream status words of the API (`cloudflare` 7.x, `resources/realtime-kit/livestreams.d.ts`). */
export const LivestreamStatusSchema = v.picklist<RealtimeKitLivestreamStatus[]>(['LIVE', 'IDLE', 'ERRORED', 'INVOKED']);

/**
 * The livestream object of a meeting: the start answer (`LivestreamStartLivestreamingAMeetingResponse.Data`)
 * and the active read (`LivestreamGetMeetingActiveLivestreamsResponse.Data`). Every field is optional
 * in Cloudflare's types. A status word the kit does not know reads as `undefined` (no change), never
 * a failed parse. The ingest credentials (`stream_key`, `ingest_server`) are not read: the kit never
 * needs them, and `createRealtimeKitRoute` strips them before they reach a browser.
 */
export const LivestreamSchema = v.object({
  id: text,
  status: v.optional(v.pipe(v.unknown(), v.transform((value) => (v.is(LivestreamStatusSchema, value) ? value : undefined)))),
  playback_url: text,
  meeting_id: text,
  name: text,
  /** Not in the meeting answers' types; livestream sessions carry it (`err_message`). Read when present. */
  err_message: text,
});

/** `POST /meetings/{meeting_id}/livestreams` and `GET /meetings/{meeting_id}/active-livestream`: `{ success?, data? }`. */
export const LivestreamResponseSchema = v.object({
  success,
  data: v.nullish(LivestreamSchema),
});

/** `POST /meetings/{meeting_id}/active-livestream/stop`: `{ success?, data?: { message? } }`. */
export const LivestreamStopResponseSchema = v.object({
  success,
  data: v.nullish(v.object({ message: text })),
});

const errorItem = v.object({
  code: v.nullish(v.union([v.number(), v.string()])),
  message: text,
});

/** Error bodies: RealtimeKit's `{ success: false, error: { code, message } }` and Cloudflare's `{ success: false, errors: [...] }`. */
export const ErrorResponseSchema = v.object({
  success: success,
  error: v.nullish(v.union([errorItem, v.string()])),
  errors: v.nullish(v.array(errorItem)),
  message: text,
});

/**
 * The recording object as the API may send it (the parser's input type).
 *
 * @public
 */
export type RealtimeKitRecordingInput = v.InferInput<typeof RecordingSchema>;
/**
 * The recording object after validation (unknown fields and secrets dropped).
 *
 * @public
 */
export type RealtimeKitRecording = v.InferOutput<typeof RecordingSchema>;
/**
 * The list answer as the API may send it.
 *
 * @public
 */
export type RealtimeKitRecordingListInput = v.InferInput<typeof RecordingListResponseSchema>;
/**
 * Details / active / control answer as the API may send it.
 *
 * @public
 */
export type RealtimeKitRecordingResponseInput = v.InferInput<typeof RecordingResponseSchema>;
/**
 * Track recording answer as the API may send it.
 *
 * @public
 */
export type RealtimeKitTrackRecordingResponseInput = v.InferInput<typeof TrackRecordingResponseSchema>;
/**
 * The API's status words.
 *
 * @public
 */
export type RealtimeKitRecordingStatus = v.InferOutput<typeof RecordingStatusSchema>;

/**
 * The API's livestream status words: `INVOKED` (starting; the playback URL may not play yet), `LIVE`,
 * `ERRORED`, `IDLE`.
 *
 * @public
 */
export type RealtimeKitLivestreamStatus = 'LIVE' | 'IDLE' | 'ERRORED' | 'INVOKED';

/** A readable summary of validation issues: `data.3.file_size: Invalid type: Expected number but received "12"`. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
