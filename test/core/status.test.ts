import { describe, expect, it } from 'vitest';
import type { LiveStreamStatus, RecordingStatus } from '../../src/core/model.js';
import {
  isLiveStreamOn,
  isLiveStreamRunning,
  isRecordingOn,
  isRecordingRunning,
  isSettled,
  isTransitioning,
  isUnderway,
} from '../../src/core/status.js';

const recording: readonly RecordingStatus[] = ['idle', 'starting', 'recording', 'paused', 'stopping', 'error'];
const live: readonly LiveStreamStatus[] = ['idle', 'starting', 'live', 'interrupted', 'stopping', 'error'];

describe('status predicates: one meaning each', () => {
  it.each([
    ['isSettled', isSettled, ['idle', 'error']],
    ['isTransitioning', isTransitioning, ['starting', 'stopping']],
    ['isUnderway', isUnderway, ['starting', 'recording', 'paused', 'stopping']],
    ['isRecordingRunning', isRecordingRunning, ['recording', 'paused']],
    ['isRecordingOn', isRecordingOn, ['starting', 'recording', 'paused']],
  ] as const)('%s holds for exactly its recording words', (_name, predicate, expected) => {
    expect(recording.filter((status) => predicate(status))).toEqual(expected);
  });

  it.each([
    ['isSettled', isSettled, ['idle', 'error']],
    ['isTransitioning', isTransitioning, ['starting', 'stopping']],
    ['isUnderway', isUnderway, ['starting', 'live', 'interrupted', 'stopping']],
    ['isLiveStreamRunning', isLiveStreamRunning, ['live', 'interrupted']],
    ['isLiveStreamOn', isLiveStreamOn, ['starting', 'live', 'interrupted']],
  ] as const)('%s holds for exactly its live-stream words', (_name, predicate, expected) => {
    expect(live.filter((status) => predicate(status))).toEqual(expected);
  });
});
