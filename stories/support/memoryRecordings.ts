import type { RecordingAsset, RecordingsSource } from '../../src/core/recordings.js';

/** A recording asset with the fields a story cares about; the rest filled in. */
export function asset(fields: Partial<RecordingAsset> & Pick<RecordingAsset, 'id' | 'status'>): RecordingAsset {
  return {
    providerStatus: fields.status.toUpperCase(),
    fileName: null,
    meetingId: 'story-meeting',
    meetingTitle: null,
    sessionId: null,
    invokedAt: null,
    startedAt: null,
    stoppedAt: null,
    durationSeconds: null,
    fileSize: null,
    downloads: [],
    downloadExpiresAt: null,
    startReason: null,
    stopReason: null,
    storage: null,
    ...fields,
  };
}

/**
 * An in-memory recordings source over a mutable list (stories and tests): `getRecording` answers
 * through `detail`, so a story can hand out a fresh link on each refresh.
 */
export function memoryRecordings(
  items: () => readonly RecordingAsset[],
  detail: (item: RecordingAsset) => RecordingAsset = (item) => item,
  scope = 'memory://story',
): RecordingsSource & { readonly detailCalls: () => number } {
  let calls = 0;
  return {
    provider: 'memory',
    scope,
    capabilities: { list: true, details: true, active: false, start: false, control: false, startTrack: false },
    listRecordings: async (query) => {
      const all = items();
      const perPage = query.perPage ?? 20;
      const page = query.page ?? 1;
      return { items: all.slice((page - 1) * perPage, page * perPage), page, perPage, total: all.length };
    },
    getRecording: async (id) => {
      calls += 1;
      const found = items().find((item) => item.id === id);
      if (!found) throw new Error(`no recording ${id}`);
      return detail(found);
    },
    detailCalls: () => calls,
  };
}
