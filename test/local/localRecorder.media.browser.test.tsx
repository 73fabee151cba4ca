// Issue 20: a real recording in real Chromium — MediaRecorder and IndexedDB as they are — from a
// synthetic canvas + oscillator stream. The saved file must show its length and seek to a frame.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createLocalRecorder, type LocalRecorder } from '../../src/local/createLocalRecorder.js';
import { loadVideo, secondsShownAt, syntheticStream, type Synthetic } from './synthetic.js';

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
