import type { RecordingAssetStatus } from './model.js';
import { MAX_DATE_MS, safeHttpUrl } from './url.js';

/**
 * Stored recordings, provider-neutral: the normalized asset a `RecordingList` row shows, and the
 * {@link RecordingsSource} contract a REST client (RealtimeKit) or an adapter (VideoSDK) offers.
 *
 * @packageDocumentation
 */

/**
 * Who started or stopped a recording and why, as the provider reported it.
 *
 * @public
 */
export interface RecordingReason {
  /** The provider's reason word, e.g. RealtimeKit `API_CALL`, `RECORD_ON_START`, `ALL_PEERS_LEFT`, `INTERNAL_ERROR`. */
  readonly reason: string | null;
  /** `user` (a participant) or `organization` (the app's backend), when known. */
  readonly callerType: 'user' | 'organization' | null;
  readonly callerName: string | null;
  readonly callerId: string | null;
}

/**
 * One downloadable file of a recording.
 *
 * @public
 */
export interface RecordingDownload {
  /** `video` (composite file), `audio` (the separate audio file) or `track` (one layer of a track recording). */
  readonly kind: 'video' | 'audio' | 'track';
  /** The URL exactly as the provider sent it. Render it only through `safeHttpUrl`. */
  readonly url: string;
  /** A layer's name for track recordings. */
  readonly label?: string | undefined;
}

/**
 * Where the file is stored, without any credential (secrets are write-only and never kept).
 *
 * @public
 */
export interface RecordingStorage {
  readonly type: string | null;
  readonly bucket: string | null;
  readonly region: string | null;
  readonly path: string | null;
}

/**
 * A stored recording, normalized. Fields the provider does not know yet are `null`
 * (sizes, times and URLs arrive as the recording progresses; with the app's own bucket there
 * are no download URLs at all).
 *
 * @public
 */
export interface RecordingAsset {
  readonly id: string;
  readonly status: RecordingAssetStatus;
  /** The provider's own status word (`UPLOADED` …), for diagnostics. */
  readonly providerStatus: string;
  readonly fileName: string | null;
  readonly meetingId: string | null;
  readonly meetingTitle: string | null;
  readonly sessionId: string | null;
  /** Epoch ms the recording was requested. */
  readonly invokedAt: number | null;
  /** Epoch ms it actually started (usually a few seconds after `invokedAt`). */
  readonly startedAt: number | null;
  readonly stoppedAt: number | null;
  /** Recorded length in seconds. */
  readonly durationSeconds: number | null;
  /** File size in bytes. */
  readonly fileSize: number | null;
  /** Every downloadable file; empty until uploaded (or when the app's own bucket stores it). */
  readonly downloads: readonly RecordingDownload[];
  /** Epoch ms the download URLs stop working; `null` when they do not expire or are unknown. */
  readonly downloadExpiresAt: number | null;
  readonly startReason: RecordingReason | null;
  readonly stopReason: RecordingReason | null;
  readonly storage: RecordingStorage | null;
}

/**
 * Sort order of a recordings list (by start request time).
 *
 * @public
 */
export type RecordingsSortOrder = 'asc' | 'desc';

/**
 * Filters and paging of a recordings list. Pages count from 1.
 *
 * @public
 */
export interface RecordingsQuery {
  readonly meetingId?: string | undefined;
  /** 1-based page number. Default 1. */
  readonly page?: number | undefined;
  /** Default 25. */
  readonly perPage?: number | undefined;
  /** Free text (a provider may search meeting id or title). */
  readonly search?: string | undefined;
  readonly sortOrder?: RecordingsSortOrder | undefined;
  readonly status?: readonly RecordingAssetStatus[] | undefined;
  /** Only expired (`true`) or only unexpired (`false`) files in the provider's bucket. */
  readonly expired?: boolean | undefined;
  /** ISO time: recordings from. */
  readonly startTime?: string | undefined;
  /** ISO time: recordings until. */
  readonly endTime?: string | undefined;
}

/**
 * One page of recordings.
 *
 * @public
 */
export interface RecordingsPage {
  readonly items: readonly RecordingAsset[];
  readonly page: number;
  readonly perPage: number;
  /** Recordings matching the filters, on all pages. */
  readonly total: number;
}

/**
 * Options every source call takes.
 *
 * @public
 */
export interface RecordingsCallOptions {
  /** Cancels the request (React Query passes one per query). */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Starting a composite recording. Provider-specific options go in `providerOptions`.
 *
 * @public
 */
export interface StartRecordingInput {
  readonly meetingId: string;
  /** Passed through to the provider's request body (RealtimeKit: `video_config`, `audio_config`, `max_seconds` …). */
  readonly providerOptions?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Starting a track (per-participant) recording.
 *
 * @public
 */
export interface StartTrackRecordingInput {
  readonly meetingId: string;
  /** Record only these participants (user ids). */
  readonly userIds?: readonly string[] | undefined;
  /** Provider layer configuration, passed through. */
  readonly layers?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * A control action on a running recording.
 *
 * @public
 */
export type RecordingControlAction = 'pause' | 'resume' | 'stop';

/**
 * What a source can do; the UI offers only these.
 *
 * @public
 */
export interface RecordingsCapabilities {
  readonly list: boolean;
  readonly details: boolean;
  readonly active: boolean;
  readonly start: boolean;
  readonly control: boolean;
  readonly startTrack: boolean;
  /** Recordings can be deleted (`deleteRecording`; local recordings). Optional: absent means no. */
  readonly delete?: boolean | undefined;
}

/**
 * A source of stored recordings: what `createRealtimeKitClient` returns, and what other providers'
 * adapters offer. Every method takes an `AbortSignal`; failures reject with a {@link RecordingsError}.
 *
 * @example
 * ```tsx
 * const recordings = createRealtimeKitClient({ baseUrl: '/api/realtimekit' });
 * <OnAirProvider recordings={recordings}><RecordingList /></OnAirProvider>
 * ```
 *
 * @public
 */
export interface RecordingsSource {
  /** Provider name (`realtimekit` …). */
  readonly provider: string;
  /**
   * A stable identity of the backend this source talks to (its base URL). Query keys carry it so
   * two sources on one query client never share cache entries.
   */
  readonly scope: string;
  readonly capabilities: RecordingsCapabilities;
  listRecordings(query: RecordingsQuery, options?: RecordingsCallOptions): Promise<RecordingsPage>;
  getRecording(id: string, options?: RecordingsCallOptions): Promise<RecordingAsset>;
  /** The recording running in a meeting, or `null` when none runs. */
  getActiveRecording?(meetingId: string, options?: RecordingsCallOptions): Promise<RecordingAsset | null>;
  /**
   * Starts a recording. Resolves with the recording, or `null` when the provider accepted without
   * describing it (RealtimeKit's `data` is optional): the lists and the active recording refetch.
   */
  startRecording?(input: StartRecordingInput, options?: RecordingsCallOptions): Promise<RecordingAsset | null>;
  /** Pause / resume / stop; `null` when the provider accepted without describing the recording. */
  controlRecording?(id: string, action: RecordingControlAction, options?: RecordingsCallOptions): Promise<RecordingAsset | null>;
  /** Starts a track recording; `null` when the provider accepted without describing it. */
  startTrackRecording?(input: StartTrackRecordingInput, options?: RecordingsCallOptions): Promise<RecordingAsset | null>;
  /** Deletes a stored recording (capability `delete`): local recordings from `onair-react/local`. */
  deleteRecording?(id: string, options?: RecordingsCallOptions): Promise<void>;
  /**
   * Whether this one recording can be deleted, where a source mixes kinds (a device's recordings
   * before a provider's that cannot be deleted). Absent: every recording when `capabilities.delete`.
   */
  canDelete?(asset: RecordingAsset): boolean;
}

/**
 * `storage.type` of a recording kept in this browser (`onair-react/local`): its files are `blob:`
 * URLs of this page.
 *
 * @public
 */
export const DEVICE_STORAGE_TYPE = 'browser';

/**
 * The URL of one of `asset`'s files that may go into an `href` or a media `src`: an `http(s)` URL
 * (through `safeHttpUrl`), or — for a recording kept in this browser only — a `blob:` URL of this
 * page's own origin. Anything else is `undefined`.
 *
 * @internal
 */
export function recordingFileUrl(asset: RecordingAsset, url: string | undefined): string | undefined {
  const checked = safeHttpUrl(url);
  if (checked !== undefined || url === undefined) return checked;
  if (asset.storage?.type !== DEVICE_STORAGE_TYPE || !url.startsWith('blob:')) return undefined;
  const origin = typeof location === 'undefined' ? undefined : location.origin;
  return origin !== undefined && origin !== 'null' && url.startsWith(`blob:${origin}/`) ? url : undefined;
}

/**
 * Why a recordings request failed.
 *
 * @public
 */
export type RecordingsErrorKind =
  /** The server answered with an error status or `success: false`. */
  | 'http'
  /** The network failed (offline, DNS, CORS). */
  | 'network'
  /** No answer within the client's timeout. */
  | 'timeout'
  /** The caller aborted. */
  | 'aborted'
  /** The answer was not the documented shape. */
  | 'invalid-response';

/**
 * A failed recordings request: readable `message`, HTTP `status` (0 without an answer), the
 * provider's own `code` when it sent one, and the `kind` of failure.
 *
 * @example
 * ```ts
 * import { RecordingsError, type RecordingsSource } from 'onair-react';
 *
 * async function loadRecording(source: RecordingsSource, id: string) {
 *   try {
 *     return await source.getRecording(id);
 *   } catch (error) {
 *     if (error instanceof RecordingsError && error.status === 404) return null;
 *     if (error instanceof RecordingsError && !error.permanent) console.warn('retry later:', error.kind);
 *     throw error;
 *   }
 * }
 * ```
 *
 * @public
 */
export class RecordingsError extends Error {
  readonly kind: RecordingsErrorKind;
  readonly status: number;
  readonly code: string | number | undefined;
  readonly provider: string;
  constructor(
    message: string,
    init: { kind: RecordingsErrorKind; status?: number; code?: string | number | undefined; provider: string; cause?: unknown },
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'RecordingsError';
    this.kind = init.kind;
    this.status = init.status ?? 0;
    this.code = init.code;
    this.provider = init.provider;
  }

  /** `true` for answers that retrying cannot change (4xx except 408/429, malformed bodies, aborts). */
  get permanent(): boolean {
    if (this.kind === 'aborted' || this.kind === 'invalid-response') return true;
    if (this.kind !== 'http') return false;
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

/**
 * Asset states in which the recording still changes (polling runs only while one is in such a state).
 *
 * @example
 * ```ts
 * import { ACTIVE_ASSET_STATUSES, type RecordingsQuery } from 'onair-react';
 *
 * const inProgress: RecordingsQuery = { meetingId: 'm-1', status: ACTIVE_ASSET_STATUSES };
 * ```
 *
 * @public
 */
export const ACTIVE_ASSET_STATUSES: readonly RecordingAssetStatus[] = Object.freeze(['invoked', 'recording', 'paused', 'uploading']);

/**
 * `true` while the asset can still change: `invoked`, `recording`, `paused`, `uploading`.
 *
 * @example
 * ```ts
 * import { isActiveAssetStatus, type RecordingAsset } from 'onair-react';
 *
 * isActiveAssetStatus('uploading'); // true
 * isActiveAssetStatus('ready'); // false
 * const finished = (assets: readonly RecordingAsset[]) => assets.filter((a) => !isActiveAssetStatus(a.status));
 * ```
 *
 * @public
 */
export function isActiveAssetStatus(status: RecordingAssetStatus): boolean {
  return status !== 'ready' && status !== 'failed';
}

/** Below this magnitude a numeric time is taken as epoch seconds (1e11 s is the year 5138; 1e11 ms is 1973). */
const SECONDS_LIMIT = 1e11;

/**
 * Reads a provider timestamp as epoch ms: an ISO 8601 string, or a number (or digit string) of epoch
 * seconds or milliseconds (told apart by size). Returns `null` for anything else — including times
 * outside the JavaScript `Date` range, which could not be rendered.
 *
 * @example
 * ```ts
 * import { readTimestamp } from 'onair-react/advanced';
 *
 * readTimestamp('2025-01-01T12:00:00Z'); // 1735732800000
 * readTimestamp(1735732800); // 1735732800000 (seconds)
 * readTimestamp(1735732800000); // 1735732800000 (milliseconds)
 * readTimestamp('+275760-09-13T00:00:01Z'); // null (beyond the Date range)
 * ```
 *
 * @beta
 */
export function readTimestamp(value: unknown): number | null {
  let ms: number;
  if (typeof value === 'number') ms = Math.abs(value) < SECONDS_LIMIT ? value * 1000 : value;
  else if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return null;
    if (/^-?\d+(\.\d+)?$/.test(text)) return readTimestamp(Number(text));
    ms = Date.parse(text);
  } else if (value instanceof Date) ms = value.getTime();
  else return null;
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) return null;
  return Math.round(ms);
}

/**
 * Reads a download-link expiry as epoch ms. Missing (`null`/`undefined`) means the links do not
 * expire (`null`); an expiry that is there but cannot be read (`"not-a-date"`, `""`, a time outside
 * the `Date` range) counts as already expired (`0`), so the link is refreshed before it is offered.
 * Numeric epochs (seconds or milliseconds) are read as in {@link readTimestamp}.
 *
 * @example
 * ```ts
 * import { readExpiry } from 'onair-react/advanced';
 *
 * readExpiry('2025-01-01T13:00:00Z'); // 1735736400000
 * readExpiry(1735736400); // 1735736400000
 * readExpiry('not-a-date'); // 0: expired
 * readExpiry(undefined); // null: no expiry
 * ```
 *
 * @beta
 */
export function readExpiry(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return readTimestamp(value) ?? 0;
}
