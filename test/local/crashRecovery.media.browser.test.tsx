// Issue 20, crash safety: a page records, then is reloaded mid-recording — a real navigation of a
// real document (an iframe of the test page, since Vitest's own page cannot survive its reload).
// The reloaded page finds the interrupted recording and recovers at least 80 % of what was recorded.
import { afterEach, describe, expect, it } from 'vitest';
import type { createLocalRecorder } from '../../src/local/createLocalRecorder.js';
import { loadVideo, secondsShownAt, type syntheticStream } from '../../stories/support/syntheticStream.js';

interface FrameApi {
  createLocalRecorder: typeof createLocalRecorder;
  syntheticStream: typeof syntheticStream;
}

let frame: HTMLIFrameElement | undefined;
afterEach(() => frame?.remove());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with the frame's API once its page (first load or reload) has loaded the kit. */
function nextReady(target: HTMLIFrameElement): Promise<FrameApi> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== target.contentWindow || (event.data as { type?: string })?.type !== 'onair-frame-ready') return;
      window.removeEventListener('message', onMessage);
      resolve((target.contentWindow as unknown as { onairFrame: FrameApi }).onairFrame);
    };
    window.addEventListener('message', onMessage);
  });
}

describe('local recording survives a reload (issue 20)', () => {
  it('20.crash: after a real reload mid-recording the interrupted recording is offered and recovers ≥ 80 % of the seconds recorded', async () => {
    const databaseName = `onair-test-crash-${Math.random().toString(36).slice(2)}`;
    frame = document.createElement('iframe');
    frame.style.cssText = 'width:320px;height:240px';
    const firstLoad = nextReady(frame);
    frame.src = '/test/local/crash-frame.html';
    document.body.append(frame);
    const api = await firstLoad;

    const synthetic = api.syntheticStream(frame.contentDocument!, { audio: false });
    const recorder = api.createLocalRecorder({ streams: [synthetic.stream], meetingName: 'Crash test', databaseName, confirmLeave: false });
    await recorder.start();
    synthetic.reset();
    const started = Date.now();
    await sleep(12_000);
    const recordedMs = Date.now() - started;
    expect(recorder.getState().status).toBe('recording');

    // The real thing: the frame's document goes away with its recorder, mid-recording.
    const reloaded = nextReady(frame);
    frame.contentWindow!.location.reload();
    const after = await reloaded;

    const fresh = after.createLocalRecorder({ databaseName, confirmLeave: false });
    // The old document's lock is gone with it; the new page sees the recording as interrupted.
    let found: Awaited<ReturnType<typeof fresh.recoverable>> = [];
    await expect.poll(async () => (found = await fresh.recoverable()).length, { timeout: 20_000 }).toBe(1);
    const [interrupted] = found;
    expect(interrupted!.state).toBe('recording');
    expect(interrupted!.fileName).toMatch(/^crash-test-/);
    expect(interrupted!.durationMs).toBeGreaterThanOrEqual(0.8 * recordedMs);

    const saved = await fresh.recover(interrupted!.id);
    expect(saved).toMatchObject({ state: 'saved', stopReason: 'interrupted' });
    expect(await fresh.recoverable()).toEqual([]);
    expect((await fresh.recordings()).map((r) => r.id)).toEqual([interrupted!.id]);

    const file = await fresh.file(interrupted!.id);
    const video = await loadVideo(file!);
    expect(video.duration).toBeGreaterThanOrEqual((0.8 * recordedMs) / 1000);
    expect(video.duration).toBeLessThanOrEqual(recordedMs / 1000 + 1);
    // A frame from late in the recording plays back.
    const late = Math.floor(video.duration) - 1;
    expect(Math.abs((await secondsShownAt(video, late + 0.5)) - late)).toBeLessThanOrEqual(1);
    video.remove();
    await fresh.discard(interrupted!.id);
    expect(await fresh.recordings()).toEqual([]);
    await fresh.dispose();
  });
});
