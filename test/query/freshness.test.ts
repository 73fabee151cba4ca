import { describe, expect, it } from 'vitest';
import { normalizeRecordingsQuery, onAirKeys } from '../../src/core/queryKeys.js';
import type { RecordingAsset } from '../../src/core/recordings.js';
import { hasStaleLinks, msUntilLinkRefresh, refetchIntervalFor } from '../../src/query/freshness.js';
import { recordingKeysForEvent } from '../../src/query/invalidation.js';

const NOW = Date.parse('2026-01-01T12:00:00Z');
function asset(over: Partial<RecordingAsset>): RecordingAsset {
  return {
    id: 'r1', status: 'ready', providerStatus: 'UPLOADED', fileName: 'a.mp4', meetingId: 'm', meetingTitle: null, sessionId: null,
    invokedAt: null, startedAt: null, stoppedAt: null, durationSeconds: null, fileSize: null,
    downloads: [{ kind: 'video', url: 'https://x/a.mp4' }], downloadExpiresAt: NOW + 3_600_000,
    startReason: null, stopReason: null, storage: null, ...over,
  };
}

describe('polling and link expiry', () => {
  it('polls while any recording still changes, and never once all are terminal', () => {
    for (const status of ['invoked', 'recording', 'paused', 'uploading'] as const) {
      expect(refetchIntervalFor([asset({}), asset({ id: 'r2', status })], NOW, 3_000)).toBe(3_000);
    }
    expect(refetchIntervalFor([asset({ downloadExpiresAt: null }), asset({ status: 'failed', downloads: [] })], NOW)).toBe(false);
  });

  it('schedules one refetch at the soonest expiry minus the margin', () => {
    const assets = [asset({ downloadExpiresAt: NOW + 600_000 }), asset({ id: 'r2', downloadExpiresAt: NOW + 300_000 })];
    expect(msUntilLinkRefresh(assets, NOW, 60_000)).toBe(240_000);
    expect(refetchIntervalFor(assets, NOW, 3_000, 60_000)).toBe(240_000);
    expect(refetchIntervalFor(assets, NOW, 3_000, false)).toBe(false);
  });

  it('counts a link inside the margin as stale, and a recording without links never', () => {
    expect(hasStaleLinks(asset({ downloadExpiresAt: NOW + 30_000 }), NOW, 60_000)).toBe(true);
    expect(hasStaleLinks(asset({ downloadExpiresAt: NOW + 90_000 }), NOW, 60_000)).toBe(false);
    expect(hasStaleLinks(asset({ downloads: [], downloadExpiresAt: NOW - 1 }), NOW)).toBe(false);
  });
});

describe('query keys', () => {
  it('gives equal queries equal keys and nests lists under the source scope', () => {
    expect(onAirKeys.recordingList('s', {})).toEqual(onAirKeys.recordingList('s', { page: 1, perPage: 25, search: '' }));
    expect(normalizeRecordingsQuery({ status: ['ready', 'failed', 'ready'] }).status).toEqual(['failed', 'ready']);
    expect(onAirKeys.recordingList('s', {}).slice(0, 4)).toEqual(onAirKeys.recordingLists('s'));
    expect(onAirKeys.recordingList('a', {})).not.toEqual(onAirKeys.recordingList('b', {}));
  });

  it('maps live events to exactly the affected keys', () => {
    expect(recordingKeysForEvent('s', { type: 'recording-stopped', at: 1, recordingId: 'r9' })).toEqual([
      onAirKeys.activeRecordings('s'),
      onAirKeys.recordingLists('s'),
      onAirKeys.recordingDetail('s', 'r9'),
    ]);
    expect(recordingKeysForEvent('s', { type: 'live-stream-started', at: 1 })).toEqual([]);
    expect(recordingKeysForEvent('s', { type: 'participant-named', at: 1, participantId: 'p', name: 'n' })).toEqual([]);
  });

  it('a finished or failed participant recording refreshes the lists only', () => {
    const ev = (phase: 'started' | 'stopped' | 'failed') => ({ type: 'participant-recording' as const, at: 1, participantId: 'p', phase });
    expect(recordingKeysForEvent('s', ev('stopped'))).toEqual([onAirKeys.recordingLists('s')]);
    expect(recordingKeysForEvent('s', ev('failed'))).toEqual([onAirKeys.recordingLists('s')]);
    expect(recordingKeysForEvent('s', ev('started'))).toEqual([]);
  });
});
