import {
  DEVICE_STORAGE_TYPE,
  type RecordingAsset,
  type RecordingsCapabilities,
  type RecordingsPage,
  type RecordingsQuery,
  type RecordingsSource,
} from '../core/recordings.js';
import type { LocalRecorder, LocalRecording } from './createLocalRecorder.js';
import { LOCAL_RECORDINGS_DB } from './localStore.js';

/**
 * Options of {@link createLocalRecordingsSource}.
 *
 * @public
 */
export interface LocalRecordingsSourceOptions {
  /** The provider's source (`createRealtimeKitClient(…)` …): its recordings follow the local ones. */
  readonly base?: RecordingsSource | undefined;
}

/** Asset ids of local recordings: never the same as a provider's. */
const PREFIX = 'local:';

function toAsset(recording: LocalRecording, url: string | undefined): RecordingAsset {
  return {
    id: PREFIX + recording.id,
    status: 'ready',
    providerStatus: 'LOCAL',
    fileName: recording.fileName,
    meetingId: recording.meetingId,
    meetingTitle: null,
    sessionId: null,
    invokedAt: recording.startedAt,
    startedAt: recording.startedAt,
    stoppedAt: recording.startedAt + recording.durationMs,
    durationSeconds: Math.round(recording.durationMs / 1000),
    fileSize: recording.bytes,
    downloads: url ? [{ kind: recording.mimeType.startsWith('audio/') ? 'audio' : 'video', url }] : [],
    downloadExpiresAt: null,
    startReason: null,
    stopReason: recording.stopReason === 'user' || recording.stopReason === null ? null : { reason: recording.stopReason.toUpperCase().replace(/-/g, '_'), callerType: null, callerName: null, callerId: null },
    storage: { type: DEVICE_STORAGE_TYPE, bucket: null, region: null, path: LOCAL_RECORDINGS_DB },
  };
}

/**
 * A recordings source of the recordings saved in this browser, for `RecordingList`: each one ready,
 * with Download (its file, duration written, under its meeting-and-time name), Play and Delete. With
 * `base`, the provider's recordings follow the local ones on page 1 and make up the other pages.
 *
 * @example
 * ```tsx
 * import { createLocalRecordingsSource } from 'onair-react/local';
 *
 * const recordings = createLocalRecordingsSource(recorder, { base: createRealtimeKitClient({ baseUrl: '/api/realtimekit' }) });
 * <OnAirProvider adapter={adapter} recordings={recordings}><RecordingList /></OnAirProvider>;
 * ```
 *
 * @public
 */
export function createLocalRecordingsSource(recorder: LocalRecorder, options: LocalRecordingsSourceOptions = {}): RecordingsSource {
  const { base } = options;
  /** One object URL per saved recording, kept until it is deleted (the file stays on disk, not in memory). */
  const urls = new Map<string, string>();

  async function urlOf(recording: LocalRecording): Promise<string | undefined> {
    const known = urls.get(recording.id);
    if (known) return known;
    const file = await recorder.file(recording.id);
    if (!file || typeof URL.createObjectURL !== 'function') return undefined;
    const url = URL.createObjectURL(file);
    urls.set(recording.id, url);
    return url;
  }

  async function locals(query: RecordingsQuery): Promise<RecordingAsset[]> {
    const saved = (await recorder.recordings()).filter((r) => !query.meetingId || r.meetingId === null || r.meetingId === query.meetingId);
    const assets = await Promise.all(saved.map(async (r) => toAsset(r, await urlOf(r))));
    return query.sortOrder === 'asc' ? assets.reverse() : assets;
  }

  const capabilities: RecordingsCapabilities = {
    list: true,
    details: true,
    active: base?.capabilities.active ?? false,
    start: base?.capabilities.start ?? false,
    control: base?.capabilities.control ?? false,
    startTrack: base?.capabilities.startTrack ?? false,
    delete: true,
  };

  const source: RecordingsSource = {
    provider: base ? `${base.provider}+local` : 'local',
    scope: `${base ? `${base.scope}+` : ''}local:${LOCAL_RECORDINGS_DB}`,
    capabilities,
    async listRecordings(query, callOptions): Promise<RecordingsPage> {
      const page = query.page ?? 1;
      const perPage = query.perPage ?? 25;
      const mine = await locals(query);
      if (!base) return { items: mine.slice((page - 1) * perPage, page * perPage), page, perPage, total: mine.length };
      const theirs = await base.listRecordings(query, callOptions);
      // Local recordings head page 1; the provider's pages stay its own (page 1 is that much longer).
      return { ...theirs, items: page === 1 ? [...mine, ...theirs.items] : theirs.items, total: theirs.total + mine.length };
    },
    async getRecording(id, callOptions) {
      if (!id.startsWith(PREFIX)) {
        if (base) return base.getRecording(id, callOptions);
        throw new Error(`No recording ${id} on this device.`);
      }
      const found = (await recorder.recordings()).find((r) => PREFIX + r.id === id);
      if (!found) throw new Error(`No recording ${id} on this device.`);
      return toAsset(found, await urlOf(found));
    },
    canDelete(asset) {
      if (asset.id.startsWith(PREFIX)) return true;
      return Boolean(base?.deleteRecording && base.capabilities.delete && (base.canDelete?.(asset) ?? true));
    },
    async deleteRecording(id, callOptions) {
      if (!id.startsWith(PREFIX)) {
        if (base?.deleteRecording) return base.deleteRecording(id, callOptions);
        throw new Error('This recording cannot be deleted here.');
      }
      const local = id.slice(PREFIX.length);
      await recorder.discard(local);
      const url = urls.get(local);
      if (url) URL.revokeObjectURL(url);
      urls.delete(local);
    },
  };
  if (base?.getActiveRecording) source.getActiveRecording = base.getActiveRecording.bind(base);
  if (base?.startRecording) source.startRecording = base.startRecording.bind(base);
  if (base?.controlRecording) source.controlRecording = base.controlRecording.bind(base);
  if (base?.startTrackRecording) source.startTrackRecording = base.startTrackRecording.bind(base);
  return source;
}
