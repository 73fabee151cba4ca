import type {
  RecordingGetActiveRecordingsResponse,
  RecordingGetOneRecordingResponse,
  RecordingGetRecordingsResponse,
  RecordingStartTrackRecordingResponse,
} from 'cloudflare/resources/realtime-kit/recordings';
import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { toRecordingAsset } from '../../../src/adapters/realtimekit/normalize.js';
import {
  RecordingListResponseSchema,
  RecordingResponseSchema,
  TrackRecordingResponseSchema,
  type RealtimeKitRecordingInput,
  type RealtimeKitRecordingListInput,
  type RealtimeKitRecordingResponseInput,
  type RealtimeKitTrackRecordingResponseInput,
} from '../../../src/adapters/realtimekit/schemas.js';
import details from '../../fixtures/realtimekit/recording-details.json' with { type: 'json' };
import list from '../../fixtures/realtimekit/recordings-list.json' with { type: 'json' };
import track from '../../fixtures/realtimekit/track-recording.json' with { type: 'json' };

describe('the official cloudflare SDK types fit the parser input (type level)', () => {
  it('accepts every recording response type of cloudflare@7', () => {
    // The SDK marks `data` optional on some answers (the parser requires it): compare the rest.
    expectTypeOf<RecordingGetOneRecordingResponse & { data: RecordingGetOneRecordingResponse.Data }>().toExtend<RealtimeKitRecordingResponseInput>();
    expectTypeOf<RecordingGetActiveRecordingsResponse>().toExtend<RealtimeKitRecordingResponseInput>();
    expectTypeOf<RecordingGetRecordingsResponse>().toExtend<RealtimeKitRecordingListInput>();
    expectTypeOf<RecordingGetOneRecordingResponse.Data>().toExtend<RealtimeKitRecordingInput>();
    expectTypeOf<NonNullable<RecordingStartTrackRecordingResponse['data']>>().toExtend<RealtimeKitTrackRecordingResponseInput['data']>();
    // Compile-time check too: an assignment fails `tsc` if the SDK type stops fitting.
    const sdk = {} as RecordingGetRecordingsResponse;
    const input: RealtimeKitRecordingListInput = sdk;
    expect(input).toBe(sdk);
  });
});

describe('RealtimeKit recording schemas', () => {
  it('parses the documented details answer, keeping nullable fields and dropping secrets and unknown fields', () => {
    const parsed = v.parse(RecordingResponseSchema, details);
    const asset = toRecordingAsset(parsed.data!);
    expect(asset).toMatchObject({
      id: '97440c6a-140b-40a9-9499-b23fd7a3868a',
      status: 'ready',
      providerStatus: 'UPLOADED',
      fileName: 'weekly-sync.mp4',
      fileSize: 15_728_640,
      durationSeconds: 1800,
      startedAt: Date.parse('2025-08-24T14:15:25Z'),
      downloadExpiresAt: Date.parse('2099-08-31T14:15:22Z'),
      startReason: { reason: 'API_CALL', callerType: 'user', callerName: 'RealtimeKit_test', callerId: 'd61f6956-e68f-4375-bf10-c38a704d1bec' },
      stopReason: { reason: 'ALL_PEERS_LEFT', callerType: 'user', callerName: 'RealtimeKit_test', callerId: 'd61f6956-e68f-4375-bf10-c38a704d1bec' },
      storage: { type: 'aws', bucket: 'acme-recordings', region: 'us-east-1', path: 'meetings/' },
    });
    expect(asset.downloads.map((d) => d.kind)).toEqual(['video', 'audio']);
    const serialized = JSON.stringify(asset);
    expect(serialized).not.toContain('write-only-secret');
    expect(serialized).not.toContain('AKIA-WRITE-ONLY');
    expect(serialized).not.toContain('a_field_added_later');
  });

  it('parses a list with null URLs, the app’s own bucket, meeting objects and paging', () => {
    const parsed = v.parse(RecordingListResponseSchema, list);
    expect(parsed.paging.total_count).toBe(42);
    const [invoked, ownBucket] = parsed.data.map(toRecordingAsset);
    expect(invoked).toMatchObject({ status: 'invoked', fileSize: null, startedAt: null, downloads: [], downloadExpiresAt: null, meetingTitle: 'Weekly sync' });
    expect(ownBucket).toMatchObject({ status: 'ready', downloads: [], storage: { type: 'gcs', bucket: 'acme-own-bucket', region: null, path: null } });
  });

  it('accepts a track recording whose download_url is a list of layers', () => {
    const parsed = v.parse(TrackRecordingResponseSchema, track);
    const asset = toRecordingAsset(parsed.data!.recording!);
    expect(asset.downloads).toEqual([
      { kind: 'track', url: 'https://rtk-recordings.example.r2.cloudflarestorage.com/c0ffee00/user-123.webm', label: 'default' },
      { kind: 'track', url: 'https://rtk-recordings.example.r2.cloudflarestorage.com/c0ffee00/user-456.webm', label: 'Track 2' },
    ]);
  });

  it('rejects a wrong type with an issue naming the field', () => {
    const broken = structuredClone(details) as { data: Record<string, unknown> };
    broken.data.file_size = '15 MB';
    const result = v.safeParse(RecordingResponseSchema, broken);
    expect(result.success).toBe(false);
    expect(result.issues?.map((issue) => v.getDotPath(issue))).toContain('data.file_size');
  });

  it('rejects an unknown status word', () => {
    const broken = structuredClone(details) as { data: Record<string, unknown> };
    broken.data.status = 'EXPLODED';
    expect(v.safeParse(RecordingResponseSchema, broken).success).toBe(false);
  });
});
