import type { OnAirEvent } from '../../src/core/events.js';
import type { Script } from './scriptedAdapter.js';

const error = (message: string, code = 'provider-error', at = Date.now()) => ({ code, message, at });

/** Ready-made event scripts for deterministic stories and tests. */
export const scripts = {
  idle: [] as readonly OnAirEvent[],
  recordingStarting: ((now) => [{ type: 'recording-starting', at: now }]) satisfies Script,
  recording: ((now) => [
    { type: 'session-joined', at: now, localParticipantId: 'me' },
    { type: 'participant-named', at: now, participantId: 'host-1', name: 'Ana Lima' },
    { type: 'recording-started', at: now - 65_000, startedAt: now - 65_000, startedBy: 'host-1', recordingType: 'cloud' },
  ]) satisfies Script,
  /** Two Daily instances: Ana's cloud recording (1), then Ben's raw-tracks recording (2). */
  twoRecordings: ((now) => [
    { type: 'session-joined', at: now, localParticipantId: 'me' },
    { type: 'participant-named', at: now, participantId: 'host-1', name: 'Ana Lima' },
    { type: 'participant-named', at: now, participantId: 'host-2', name: 'Ben Okafor' },
    { type: 'recording-started', at: now - 95_000, instanceId: 'inst-a', startedAt: now - 95_000, startedBy: 'host-1', recordingType: 'cloud' },
    { type: 'recording-started', at: now - 12_000, instanceId: 'inst-b', startedAt: now - 12_000, startedBy: 'host-2', recordingType: 'raw-tracks' },
  ]) satisfies Script,
  recordingPaused: ((now) => [
    { type: 'participant-named', at: now, participantId: 'host-1', name: 'Ana Lima' },
    { type: 'recording-started', at: now - 125_000, startedAt: now - 125_000, startedBy: 'host-1' },
    { type: 'recording-paused', at: now - 20_000 },
  ]) satisfies Script,
  recordingStopping: ((now) => [
    { type: 'recording-started', at: now - 300_000, startedAt: now - 300_000 },
    { type: 'recording-stopping', at: now },
  ]) satisfies Script,
  recordingError: ((now) => [
    { type: 'recording-error', at: now, error: error('The recording quota of this account is used up.', 'quota', now) },
  ]) satisfies Script,
  liveStarting: ((now) => [{ type: 'live-stream-requested', at: now, command: 'start-live-stream' }]) satisfies Script,
  live: ((now) => [
    { type: 'live-stream-started', at: now - 42_000, startedAt: now - 42_000 },
    { type: 'live-stream-updated', at: now - 42_000, state: 'connected' },
  ]) satisfies Script,
  liveInterrupted: ((now) => [
    { type: 'live-stream-started', at: now - 200_000, startedAt: now - 200_000 },
    { type: 'live-stream-updated', at: now - 200_000, state: 'connected' },
    { type: 'live-stream-updated', at: now - 12_000, state: 'interrupted' },
  ]) satisfies Script,
  liveEndpoints: ((now) => [
    { type: 'live-stream-started', at: now - 90_000, startedAt: now - 90_000 },
    { type: 'live-stream-updated', at: now - 90_000, state: 'connected', endpoint: 'youtube-main' },
    { type: 'live-stream-updated', at: now - 90_000, state: 'connected', endpoint: 'rtmps://live.twitch.example/app/sk_live_SECRET' },
    { type: 'live-stream-updated', at: now - 8_000, state: 'interrupted', endpoint: 'rtmps://live.twitch.example/app/sk_live_SECRET' },
  ]) satisfies Script,
  liveStopping: ((now) => [
    { type: 'live-stream-started', at: now - 600_000, startedAt: now - 600_000 },
    { type: 'live-stream-updated', at: now - 600_000, state: 'connected' },
    { type: 'live-stream-stopping', at: now },
  ]) satisfies Script,
  liveError: ((now) => [
    { type: 'live-stream-error', at: now, error: error('The RTMP server refused the stream key.', 'rtmp-refused', now) },
  ]) satisfies Script,
  liveWarning: ((now) => [
    { type: 'live-stream-started', at: now - 30_000, startedAt: now - 30_000 },
    { type: 'live-stream-updated', at: now - 30_000, state: 'connected' },
    { type: 'live-stream-warning', at: now, message: 'Upload bandwidth is low; viewers may see buffering.' },
  ]) satisfies Script,
} as const;
