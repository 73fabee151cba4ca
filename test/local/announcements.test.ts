// Issue 20, consent: what others' recorders announce becomes the kit's events; anything else is ignored.
import { describe, expect, it } from 'vitest';
import { localRecordingEvent } from '../../src/local/announcements.js';
import { patchWebmHead } from '../../src/local/webmDuration.js';

describe('localRecordingEvent (issue 20)', () => {
  const started = { type: 'onair-local-recording', state: 'started', recordingId: 'r1', startedAt: 1_000, at: 2_000 };

  it('20.consent: a start announcement is a local recording of the sender, under its own instance', () => {
    expect(localRecordingEvent(started, 'ada')).toMatchObject({
      type: 'recording-started',
      instanceId: 'local:ada',
      recordingType: 'local',
      local: true,
      startedBy: 'ada',
      startedAt: 1_000,
    });
    expect(localRecordingEvent({ ...started, state: 'paused' }, 'ada')).toMatchObject({ type: 'recording-paused', instanceId: 'local:ada' });
    expect(localRecordingEvent({ ...started, state: 'resumed' }, 'ada')).toMatchObject({ type: 'recording-resumed' });
    expect(localRecordingEvent({ ...started, state: 'stopped' }, 'ada')).toMatchObject({ type: 'recording-stopped', instanceId: 'local:ada' });
  });

  it('20.consent: the channel\u2019s sender wins over what the message claims; hostile ids stay plain strings', () => {
    expect(localRecordingEvent({ ...started, participantId: 'mallory' }, 'ada')).toMatchObject({ startedBy: 'ada' });
    expect(localRecordingEvent({ ...started, participantId: '__proto__' }, undefined)).toMatchObject({ instanceId: 'local:__proto__' });
    expect(localRecordingEvent(started, 'constructor')).toMatchObject({ instanceId: 'local:constructor' });
    // A start time in the future is not believed.
    const future = localRecordingEvent({ ...started, startedAt: Date.now() + 3_600_000 }, 'ada') as { startedAt: number };
    expect(future.startedAt).toBeLessThanOrEqual(Date.now());
  });

  it('20.consent: other messages, and announcements without a sender, are not events', () => {
    for (const message of [null, undefined, 'started', 42, [], {}, { type: 'chat', text: 'hi' }, { ...started, state: 'exploded' }, { ...started, type: 'onair-local-recordingX' }]) {
      expect(localRecordingEvent(message, 'ada')).toBeUndefined();
    }
    expect(localRecordingEvent(started, undefined)).toBeUndefined();
    expect(localRecordingEvent(started, '')).toBeUndefined();
  });
});

describe('patchWebmHead (issue 20)', () => {
  // EBML header (empty), Segment of unknown size, Info { TimecodeScale 1 000 000 }, then a Cluster id.
  const head = Uint8Array.from([
    0x1a, 0x45, 0xdf, 0xa3, 0x80,
    0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0x15, 0x49, 0xa9, 0x66, 0x87, 0x2a, 0xd7, 0xb1, 0x83, 0x0f, 0x42, 0x40,
    0x1f, 0x43, 0xb6, 0x75,
  ]);

  it('20.file: writes Duration (ms at the default timecode scale) into Info and grows its size', () => {
    const patched = patchWebmHead(head, 10_500)!;
    expect(patched.replaced).toBe(29);
    const out = patched.bytes;
    expect(Array.from(out.subarray(17, 22))).toEqual([0x15, 0x49, 0xa9, 0x66, 0x80 | (7 + 11)]);
    expect(Array.from(out.subarray(29, 32))).toEqual([0x44, 0x89, 0x88]);
    expect(new DataView(out.buffer, out.byteOffset + 32, 8).getFloat64(0)).toBe(10_500);
    // Patching the patched head overwrites in place.
    const again = patchWebmHead(out, 2_000)!;
    expect(again.bytes.length).toBe(out.length);
    expect(new DataView(again.bytes.buffer, again.bytes.byteOffset + 32, 8).getFloat64(0)).toBe(2_000);
  });

  it('20.file: leaves bytes that are not a WebM head alone', () => {
    expect(patchWebmHead(Uint8Array.from([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70]), 1000)).toBeUndefined();
    expect(patchWebmHead(new Uint8Array(0), 1000)).toBeUndefined();
    expect(patchWebmHead(head.subarray(0, 20), 1000)).toBeUndefined();
  });
});
