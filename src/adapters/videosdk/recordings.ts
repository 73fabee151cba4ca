import * as v from 'valibot';
import { readTimestamp, type RecordingAsset, type RecordingDownload } from '../../core/recordings.js';

/**
 * Stored participant recordings as VideoSDK's REST API returns them:
 * `GET /v2/recordings/participant?roomId&sessionId&participantId&page&perPage` →
 * `{ pageInfo: { currentPage, perPage, lastPage, total }, data: [recording] }`, and
 * `GET /v2/recordings/participant/:id` → one recording. Field names follow VideoSDK's API reference
 * ("Fetch All Participant Recordings") and its server SDK's `IndividualRecording` type
 * (`id`, `roomId?`, `participantName?`, `files?`, `webhook?`, `start?`, `end?`, more fields allowed).
 */

const text = v.nullish(v.string());
const size = v.nullish(v.number());

/** One output file: `fileUrl`, `filePath`, `type` (`video`, `audio`), `size` in bytes, `meta.duration` in seconds. */
export const VideoSdkRecordingFileSchema = v.object({
  fileUrl: text,
  filePath: text,
  type: text,
  size,
  meta: v.nullish(v.object({ duration: size, format: text })),
});

/**
 * Schema (valibot) of a stored participant recording (list item or the get-one answer). Unknown
 * fields are dropped. Most apps need only the client's `listParticipantRecordings`; use the schema
 * to check what a backend route forwards.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { VideoSdkParticipantRecordingSchema, toVideoSdkRecordingAsset } from 'onair-react/videosdk';
 *
 * const result = v.safeParse(VideoSdkParticipantRecordingSchema, await upstream.json());
 * if (result.success) console.log(toVideoSdkRecordingAsset(result.output).downloads);
 * ```
 *
 * @public
 */
export const VideoSdkParticipantRecordingSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  roomId: text,
  sessionId: text,
  participantId: text,
  participantName: text,
  fileFormat: text,
  kind: text,
  /** ISO time the recording started. */
  start: v.nullish(v.union([v.string(), v.number()])),
  /** ISO time it ended; `null` while it still records. */
  end: v.nullish(v.union([v.string(), v.number()])),
  /** Some answers name the files `fileDetails`, as the webhooks do. */
  files: v.nullish(v.array(VideoSdkRecordingFileSchema)),
  fileDetails: v.nullish(v.array(VideoSdkRecordingFileSchema)),
});

/**
 * Schema (valibot) of `GET /v2/recordings/participant`: `{ pageInfo, data[] }`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { VideoSdkRecordingListSchema } from 'onair-react/videosdk';
 *
 * const page = v.parse(VideoSdkRecordingListSchema, await upstream.json());
 * console.log(`${page.data.length} of ${page.pageInfo?.total ?? '?'} recordings`);
 * ```
 *
 * @public
 */
export const VideoSdkRecordingListSchema = v.object({
  pageInfo: v.nullish(
    v.object({
      currentPage: size,
      perPage: size,
      lastPage: size,
      total: size,
    }),
  ),
  data: v.array(VideoSdkParticipantRecordingSchema),
});

/** `GET /v2/recordings/participant/:id`: the recording itself (or, from some proxies, `{ data: recording }`). */
export const VideoSdkRecordingAnswerSchema = v.union([
  VideoSdkParticipantRecordingSchema,
  v.pipe(
    v.object({ data: VideoSdkParticipantRecordingSchema }),
    v.transform((answer) => answer.data),
  ),
]);

/**
 * A stored participant recording after validation.
 *
 * @public
 */
export type VideoSdkParticipantRecording = v.InferOutput<typeof VideoSdkParticipantRecordingSchema>;

/**
 * One page of stored participant recordings.
 *
 * @public
 */
export interface VideoSdkRecordingsPage {
  readonly items: readonly VideoSdkParticipantRecording[];
  readonly page: number;
  readonly perPage: number;
  readonly lastPage: number;
  readonly total: number;
}

/**
 * Filters and paging of {@link VideoSdkParticipantRecording} lists. Pages count from 1.
 *
 * @public
 */
export interface VideoSdkRecordingsQuery {
  readonly roomId?: string | undefined;
  readonly sessionId?: string | undefined;
  readonly participantId?: string | undefined;
  /** Default 1. */
  readonly page?: number | undefined;
  /** Default 20 (VideoSDK's default). */
  readonly perPage?: number | undefined;
}

function fileName(file: { readonly filePath?: string | null | undefined; readonly fileUrl?: string | null | undefined }): string | null {
  const from = file.filePath ?? file.fileUrl?.split(/[?#]/)[0];
  return from?.split('/').filter(Boolean).pop() ?? null;
}

/**
 * The keys a recording's files are known by (their file names): the same file named in a
 * `participant-recording-stopped` webhook and in the REST list matches, whatever the path prefix.
 *
 * @internal
 */
export function fileKeys(files: ReadonlyArray<{ readonly filePath?: string | null | undefined; readonly fileUrl?: string | null | undefined }>): string[] {
  const keys = new Set<string>();
  for (const file of files) {
    for (const part of [file.filePath, file.fileUrl?.split(/[?#]/)[0]]) {
      const name = part?.split('/').filter(Boolean).pop();
      if (name) keys.add(name);
    }
  }
  return [...keys];
}

/**
 * A stored VideoSDK participant recording → the kit's {@link RecordingAsset}: `ready` once it has
 * an end time, `recording` before; each file with a URL becomes a download labelled with the
 * participant. Times outside the `Date` range are dropped.
 *
 * @example
 * ```ts
 * import { toVideoSdkRecordingAsset } from 'onair-react/videosdk';
 *
 * const asset = toVideoSdkRecordingAsset({
 *   id: '61d6e834e1326304a9e73dac',
 *   roomId: 'abcd-efgh-riwb',
 *   participantId: 'abcd',
 *   start: '2024-07-18T07:10:30.247Z',
 *   end: '2024-07-18T07:10:55.236Z',
 *   files: [{ fileUrl: 'https://cdn.videosdk.live/individual-recordings/r/abcd/rec.webm', size: 21724519 }],
 * });
 * asset.status; // "ready"
 * asset.durationSeconds; // 25
 * ```
 *
 * @public
 */
export function toVideoSdkRecordingAsset(recording: VideoSdkParticipantRecording): RecordingAsset {
  const files = recording.files ?? recording.fileDetails ?? [];
  const startedAt = readTimestamp(recording.start);
  const stoppedAt = readTimestamp(recording.end);
  const who = recording.participantName ?? recording.participantId ?? undefined;
  const downloads: RecordingDownload[] = files
    .filter((file) => typeof file.fileUrl === 'string' && file.fileUrl.length > 0)
    .map((file) => ({ kind: file.type === 'audio' ? ('audio' as const) : ('video' as const), url: file.fileUrl as string, label: who }));
  const sizes = files.map((file) => file.size).filter((n): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0);
  const metaDuration = files.map((file) => file.meta?.duration).find((n): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0);
  const first = files[0];
  const ended = recording.end !== null && recording.end !== undefined;
  return {
    id: recording.id,
    status: ended ? 'ready' : 'recording',
    providerStatus: ended ? 'ended' : 'recording',
    fileName: first ? fileName(first) : null,
    meetingId: recording.roomId ?? null,
    meetingTitle: null,
    sessionId: recording.sessionId ?? null,
    invokedAt: null,
    startedAt,
    stoppedAt,
    durationSeconds: startedAt !== null && stoppedAt !== null && stoppedAt >= startedAt ? Math.round((stoppedAt - startedAt) / 1000) : (metaDuration ?? null),
    fileSize: sizes.length > 0 ? sizes.reduce((a, b) => a + b, 0) : null,
    downloads,
    downloadExpiresAt: null,
    startReason: null,
    stopReason: null,
    storage: first?.filePath ? { type: null, bucket: null, region: null, path: first.filePath } : null,
  };
}
