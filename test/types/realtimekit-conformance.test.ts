import type RealtimeKitClient from '@cloudflare/realtimekit';
import type { RTKLivestream, RTKPermissionsPreset, RTKRecording } from '@cloudflare/realtimekit';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  RealtimeKitMeetingLike,
  RealtimeKitMeetingLivestreamLike,
  RealtimeKitMeetingPermissionsLike,
  RealtimeKitMeetingRecordingLike,
} from '../../src/adapters/realtimekit/index.js';

/**
 * Compile-time conformance (18, meeting SDK): the real RealtimeKit meeting of
 * `@cloudflare/realtimekit` 2.x (`dist/index.d.ts`, a devDependency only) fits the adapter's
 * structural `RealtimeKitMeetingLike`. `tsc --noEmit -p tsconfig.json` fails when it stops fitting.
 */
function realMeetingFits(meeting: RealtimeKitClient): RealtimeKitMeetingLike {
  const fits: RealtimeKitMeetingLike = meeting;
  return fits;
}

describe('RealtimeKitMeetingLike', () => {
  it('accepts the real meeting and its recording, livestream and permissions', () => {
    expectTypeOf<RealtimeKitClient>().toExtend<RealtimeKitMeetingLike>();
    expectTypeOf<RTKRecording>().toExtend<RealtimeKitMeetingRecordingLike>();
    expectTypeOf<RTKLivestream>().toExtend<RealtimeKitMeetingLivestreamLike>();
    expectTypeOf<RTKPermissionsPreset>().toExtend<RealtimeKitMeetingPermissionsLike>();
    expectTypeOf(realMeetingFits).returns.toEqualTypeOf<RealtimeKitMeetingLike>();
  });

  it('rejects an object without the recording commands', () => {
    expectTypeOf<{ recording: Pick<RealtimeKitMeetingRecordingLike, 'on' | 'off' | 'recordings'> }>().not.toExtend<RealtimeKitMeetingLike>();
  });
});
