import type { RecordingAssetStatus } from '../../core/model.js';
import { readExpiry, readTimestamp as time, type RecordingAsset, type RecordingDownload, type RecordingReason, type RecordingStorage } from '../../core/recordings.js';
import type { RealtimeKitRecording, RealtimeKitRecordingStatus } from './schemas.js';

const STATUS: Readonly<Record<RealtimeKitRecordingStatus, RecordingAssetStatus>> = {
  INVOKED: 'invoked',
  RECORDING: 'recording',
  PAUSED: 'paused',
  UPLOADING: 'uploading',
  UPLOADED: 'ready',
  ERRORED: 'failed',
};

const PROVIDER_STATUS: Readonly<Record<RecordingAssetStatus, RealtimeKitRecordingStatus>> = {
  invoked: 'INVOKED',
  recording: 'RECORDING',
  paused: 'PAUSED',
  uploading: 'UPLOADING',
  ready: 'UPLOADED',
  failed: 'ERRORED',
};

/**
 * RealtimeKit status word → normalized asset status.
 *
 * @example
 * ```ts
 * import { toAssetStatus } from 'onair-react/realtimekit';
 *
 * toAssetStatus('UPLOADED'); // "ready"
 * toAssetStatus('ERRORED'); // "failed"
 * ```
 *
 * @public
 */
export function toAssetStatus(status: RealtimeKitRecordingStatus): RecordingAssetStatus {
  return STATUS[status];
}

/**
 * Normalized asset status → RealtimeKit status word (list filter).
 *
 * @example
 * ```ts
 * import { toProviderStatus } from 'onair-react/realtimekit';
 *
 * // A backend route forwarding a list filter to the Cloudflare API.
 * const params = new URLSearchParams();
 * for (const status of ['ready', 'failed'] as const) params.append('status', toProviderStatus(status));
 * params.toString(); // "status=UPLOADED&status=ERRORED"
 * ```
 *
 * @public
 */
export function toProviderStatus(status: RecordingAssetStatus): RealtimeKitRecordingStatus {
  return PROVIDER_STATUS[status];
}


function reason(value: RealtimeKitRecording['start_reason']): RecordingReason | null {
  if (!value) return null;
  const type = value.caller?.type?.toUpperCase();
  return {
    reason: value.reason ?? null,
    callerType: type === 'USER' ? 'user' : type === 'ORGANIZATION' ? 'organization' : null,
    callerName: value.caller?.name ?? null,
    callerId: value.caller?.user_Id ?? value.caller?.user_id ?? null,
  };
}

function storage(value: RealtimeKitRecording['storage_config']): RecordingStorage | null {
  if (!value) return null;
  // Only the readable fields; write-only secrets were never parsed.
  return { type: value.type ?? null, bucket: value.bucket ?? null, region: value.region ?? null, path: value.path ?? null };
}

function downloads(recording: RealtimeKitRecording): RecordingDownload[] {
  const out: RecordingDownload[] = [];
  const { download_url: video, audio_download_url: audio } = recording;
  if (typeof video === 'string' && video) out.push({ kind: 'video', url: video });
  else if (Array.isArray(video)) {
    const track = (url: string | null | undefined, label: string): void => {
      if (url) out.push({ kind: 'track', url, label });
    };
    video.forEach((layer, index) => {
      const fallback = `Track ${index + 1}`;
      if (layer === null) return;
      if (typeof layer === 'string') {
        track(layer, fallback);
        return;
      }
      const name = layer.layer_name ?? layer.name ?? layer.layer ?? layer.file_name ?? null;
      // `{ layer_name, download_urls: { <track id>: { download_url } } }`: one file per track of the layer.
      const files = layer.download_urls;
      for (const { key, url } of files) track(url, name ? `${name} · ${key}` : key);
      if (files.length === 0) track(layer.url ?? layer.download_url, name ?? fallback);
    });
  }
  if (audio) out.push({ kind: 'audio', url: audio });
  return out;
}

/**
 * A validated RealtimeKit recording → the kit's {@link RecordingAsset}. Times become epoch ms, the
 * download URLs become `downloads`, storage secrets are never carried over.
 *
 * @example
 * ```ts
 * import { toRecordingAsset, type RealtimeKitRecording } from 'onair-react/realtimekit';
 *
 * const recording: RealtimeKitRecording = {
 *   id: '97440c6a-140b-40a9-9499-b23fd7a3868a',
 *   status: 'UPLOADED',
 *   download_url: 'https://cdn.example.com/recording.mp4',
 *   download_url_expiry: '2025-01-01T13:00:00Z',
 * };
 * const asset = toRecordingAsset(recording);
 * asset.status; // "ready"
 * asset.downloads; // [{ kind: 'video', url: 'https://cdn.example.com/recording.mp4' }]
 * ```
 *
 * @public
 */
export function toRecordingAsset(recording: RealtimeKitRecording): RecordingAsset {
  return {
    id: recording.id,
    status: toAssetStatus(recording.status),
    providerStatus: recording.status,
    fileName: recording.output_file_name ?? null,
    meetingId: recording.meeting_id ?? recording.meeting?.id ?? null,
    meetingTitle: recording.meeting?.title ?? null,
    sessionId: recording.session_id ?? null,
    invokedAt: time(recording.invoked_time),
    startedAt: time(recording.started_time),
    stoppedAt: time(recording.stopped_time),
    durationSeconds: recording.recording_duration ?? null,
    fileSize: recording.file_size ?? null,
    downloads: downloads(recording),
    // Missing: the links do not expire; present but unreadable ("not-a-date", "", out of range): expired.
    downloadExpiresAt: readExpiry(recording.download_url_expiry),
    startReason: reason(recording.start_reason),
    stopReason: reason(recording.stop_reason),
    storage: storage(recording.storage_config),
  };
}
