// Issue 20: a real recording in real Chromium — MediaRecorder and IndexedDB as they are — from a
// synthetic canvas + oscillator stream. The saved file must show its length and seek to a frame.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createLocalRecorder, type LocalRecorder } from '../../src/local/createLocalRecorder.js';
import { loadVideo, secondsShownAt, syntheticStream, type Synthetic } from '../../stories/support/syntheticStream.js';

let recorder: LocalRecorder | undefined;
let synthetic: Synthetic | undefined;
const databaseName = `onair-test-media-${Math.random().toString(36).slice(2)}`;

afterEach(async () => {
  await recorder?.dispose();
  synthetic?.stop();
  recorder = undefined;
  synthetic = undefined;
});

/** A real click first: Chromium starts an AudioContext only after the page had a user gesture (as a record button press gives). */
export async function activate(): Promise<void> {
  const button = document.createElement('button');
  button.textContent = 'Record';
  document.body.append(button);
  await userEvent.click(button);
  button.remove();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('local recording (issue 20)', () => {
  it('20.file: a 10 s recording saves a file whose duration reads 10 s ± 1 in a <video> and whose frames are seekable', async () => {
    await activate();
    synthetic = syntheticStream();
    recorder = createLocalRecorder({ streams: [synthetic.stream], meetingName: 'Weekly sync', databaseName, timesliceMs: 1000 });
    expect(recorder.getState().supported).toBe(true);
    await recorder.start();
    synthetic.reset();
    expect(recorder.getState().status).toBe('recording');
    await sleep(10_000);
    const saved = await recorder.stop();
    expect(saved).toBeDefined();
    expect(saved!.fileName).toMatch(/^weekly-sync-\d{4}-\d\d-\d\d-\d\d-\d\d\.webm$/);
    expect(saved!.durationMs).toBeGreaterThan(9_000);
    expect(saved!.durationMs).toBeLessThan(11_000);

    const file = await recorder.file(saved!.id);
    expect(file!.type).toMatch(/^video\/webm/);
    const video = await loadVideo(file!);
    // MediaRecorder's own WebM says Infinity here; ours carries the length.
    expect(video.duration).toBeGreaterThan(9);
    expect(video.duration).toBeLessThan(11);
    expect(video.seekable.length).toBeGreaterThan(0);
    expect(video.seekable.end(0)).toBeGreaterThan(9);
    // Seek into the middle and to near the end: the frame shown is the one recorded then.
    expect(Math.abs((await secondsShownAt(video, 5.5)) - 5)).toBeLessThanOrEqual(1);
    expect(Math.abs((await secondsShownAt(video, 8.5)) - 8)).toBeLessThanOrEqual(1);
    expect(Math.abs((await secondsShownAt(video, 1.5)) - 1)).toBeLessThanOrEqual(1);
    URL.revokeObjectURL(video.src);
    video.remove();
  });
});

describe('local recording storage limits (issue 20)', () => {
  it('20.quota: refuses to start when the device has too little free storage, saying so', async () => {
    synthetic = syntheticStream(document, { audio: false });
    recorder = createLocalRecorder({ streams: [synthetic.stream], databaseName, estimate: async () => ({ usage: 990_000, quota: 1_000_000 }), minFreeBytes: 50_000 });
    await expect(recorder.start()).rejects.toThrow(/Not enough free storage/);
    expect(recorder.getState()).toMatchObject({ status: 'idle', error: { code: 'storage-full' } });
    expect(synthetic.stream.getVideoTracks()[0]!.readyState).toBe('live');
  });

  it('20.quota: a forced low quota warns first, then stops cleanly with the reason, and the part recorded is saved and plays', async () => {
    synthetic = syntheticStream(document, { audio: false });
    const quota = 200_000;
    const r = createLocalRecorder({
      streams: [synthetic.stream],
      databaseName,
      timesliceMs: 500,
      // What the device would say: our own bytes against a tiny quota.
      estimate: async () => ({ usage: r.getState().bytes, quota }),
      minFreeBytes: 50_000,
      reserveBytes: 60_000,
      warnSeconds: 4,
    });
    recorder = r;
    const lows: boolean[] = [];
    r.subscribe(() => lows.push(r.getState().storage?.low ?? false));
    await r.start();
    await expect.poll(() => r.getState().storage?.low, { timeout: 60_000 }).toBe(true);
    expect(r.getState().status).toBe('recording');
    await expect.poll(() => r.getState().stopReason, { timeout: 60_000 }).toBe('storage-full');
    await expect.poll(() => r.getState().status).toBe('idle');
    const saved = r.getState().lastSaved!;
    expect(saved).toMatchObject({ state: 'saved', stopReason: 'storage-full' });
    expect(saved.bytes).toBeGreaterThan(quota - 60_000 - 50_000);
    expect(saved.bytes).toBeLessThan(quota);
    expect(await r.recordings()).toEqual(expect.arrayContaining([expect.objectContaining({ id: saved.id, stopReason: 'storage-full' })]));
    const video = await loadVideo((await r.file(saved.id))!);
    expect(video.duration).toBeGreaterThan(1);
    expect(Math.abs(video.duration * 1000 - saved.durationMs)).toBeLessThan(1500);
    video.remove();
    await r.discard(saved.id);
  });

  it('20.pause: paused time is left out of the recording and the clock; leaving the page asks first while it records', async () => {
    synthetic = syntheticStream(document, { audio: false });
    recorder = createLocalRecorder({ streams: [synthetic.stream], databaseName, timesliceMs: 1000 });
    const leaving = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leaving()).toBe(false);
    await recorder.start();
    expect(leaving()).toBe(true);
    await sleep(3000);
    await recorder.pause();
    expect(recorder.getState()).toMatchObject({ status: 'paused' });
    expect(recorder.getState().pausedAt).toBeTypeOf('number');
    await sleep(3000);
    await recorder.resume();
    expect(recorder.getState().pausedMs).toBeGreaterThanOrEqual(2900);
    await sleep(3000);
    const saved = (await recorder.stop())!;
    expect(leaving()).toBe(false);
    expect(saved.durationMs).toBeGreaterThan(5000);
    expect(saved.durationMs).toBeLessThan(7500);
    const video = await loadVideo((await recorder.file(saved.id))!);
    expect(video.duration).toBeGreaterThan(5);
    expect(video.duration).toBeLessThan(7.5);
    video.remove();
    await recorder.discard(saved.id);
  });
});
