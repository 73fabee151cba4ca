// Issue 20: a local recording's file is a blob: URL of this page; nothing else gets one through.
import { describe, expect, it } from 'vitest';
import { DEVICE_STORAGE_TYPE, recordingFileUrl, type RecordingAsset } from '../../src/core/recordings.js';

const asset = (storage: RecordingAsset['storage']) => ({ storage }) as RecordingAsset;
const device = asset({ type: DEVICE_STORAGE_TYPE, bucket: null, region: null, path: null });

describe('recordingFileUrl (issue 20)', () => {
  it('20.file: passes checked http(s) links of any recording', () => {
    expect(recordingFileUrl(asset(null), 'https://cdn.example/r.mp4')).toBe('https://cdn.example/r.mp4');
    expect(recordingFileUrl(device, 'https://cdn.example/r.mp4')).toBe('https://cdn.example/r.mp4');
    expect(recordingFileUrl(asset(null), 'javascript:alert(1)')).toBeUndefined();
  });

  it('20.file: refuses blob: links of provider recordings, and any without a page origin', () => {
    expect(recordingFileUrl(asset(null), 'blob:https://app.example/0f0e')).toBeUndefined();
    expect(recordingFileUrl(asset({ type: 's3', bucket: null, region: null, path: null }), 'blob:https://app.example/0f0e')).toBeUndefined();
    // Node has no page: no origin to match.
    expect(recordingFileUrl(device, 'blob:https://app.example/0f0e')).toBeUndefined();
    expect(recordingFileUrl(device, undefined)).toBeUndefined();
  });

  it('20.file: accepts a device recording\u2019s blob: link only for this page\u2019s origin', () => {
    const previous = (globalThis as { location?: unknown }).location;
    (globalThis as { location?: unknown }).location = { origin: 'https://app.example' };
    try {
      expect(recordingFileUrl(device, 'blob:https://app.example/0f0e')).toBe('blob:https://app.example/0f0e');
      expect(recordingFileUrl(device, 'blob:https://evil.example/0f0e')).toBeUndefined();
      expect(recordingFileUrl(device, 'blob:https://app.example.evil.example/0f0e')).toBeUndefined();
      expect(recordingFileUrl(asset(null), 'blob:https://app.example/0f0e')).toBeUndefined();
    } finally {
      (globalThis as { location?: unknown }).location = previous;
    }
  });
});
