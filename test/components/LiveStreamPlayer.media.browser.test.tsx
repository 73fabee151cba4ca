// Issue 19.1: the viewers' player (LiveStreamPlayer over useLiveStreamPlayer) against a real HLS
// live stream served by test/support/hlsServer.ts (ffmpeg-made H.264/AAC fMP4 segments, WebVTT
// captions, a sliding window that grows a segment a second; 404 while "down"; #EXT-X-ENDLIST when
// "ended"). Both engines: the browser's own HLS (Chromium 15x plays it natively) and hls.js over MSE.
import { describe, expect, inject, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { LiveStreamPlayer } from '../../src/components/LiveStreamPlayer.js';
import type { LiveStreamPlayerEngine } from '../../src/hooks/useLiveStreamPlayer.js';

const origin = inject('hlsOrigin');
let n = 0;

/** A fresh stream on the test origin (its own clock and mode). */
function stream() {
  n += 1;
  const id = `s${Date.now().toString(36)}-${n}`;
  const setMode = async (mode: 'live' | 'down' | 'ended') => {
    const response = await fetch(`${origin}/${id}/mode/${mode}`, { method: 'POST' });
    if (!response.ok) throw new Error(`mode ${mode}: ${response.status}`);
  };
  return { id, url: `${origin}/${id}/master.m3u8`, tsUrl: `${origin}/${id}/master-ts.m3u8`, setMode };
}

const region = () => page.getByRole('region', { name: 'Live stream' });
const stateOf = () => document.querySelector('.onair-lplayer')?.getAttribute('data-onair-state');
const video = () => document.querySelector<HTMLVideoElement>('video.onair-lplayer-media');
const ranges = () => {
  const v = video();
  if (!v) return null;
  const r = [];
  for (let i = 0; i < v.seekable.length; i += 1) r.push([v.seekable.start(i), v.seekable.end(i)]);
  return { r, t: v.currentTime, d: v.duration };
};
const until = async (check: () => boolean, what: string, timeoutMs = 45_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not in time (state ${stateOf()})`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe.each<[LiveStreamPlayerEngine, 'auto' | LiveStreamPlayerEngine, 'url' | 'tsUrl']>([
  // Chromium plays HLS natively (canPlayType says "maybe"): MPEG-TS segments, not fMP4.
  ['native', 'auto', 'tsUrl'],
  ['hls.js', 'hls.js', 'url'],
])('LiveStreamPlayer, %s engine', (engine, option, kind) => {
  it(`19.1: waits while the HLS is not ready, plays live, reconnects after a drop, ends with the playlist (${engine})`, async () => {
    const s = stream();
    await s.setMode('down');
    await render(<LiveStreamPlayer src={s[kind]} engine={option} retryDelayMs={1_000} stallMs={2_500} />);
    await expect.element(region()).toBeVisible();
    await expect.element(page.getByRole('status')).toHaveTextContent('Waiting for the stream…');
    expect(stateOf()).toBe('starting');
    await until(() => document.querySelector('.onair-lplayer')?.getAttribute('data-onair-engine') === engine, 'engine');

    await s.setMode('live');
    await until(() => stateOf() === 'live', 'live');
    await expect.element(page.getByRole('status')).toHaveTextContent('Live');
    expect(video()!.readyState).toBeGreaterThanOrEqual(2);

    // The origin drops the playlist: the buffer runs dry, the player says so and keeps asking.
    await s.setMode('down');
    await until(() => stateOf() === 'reconnecting', 'reconnecting');
    await expect.element(page.getByRole('status')).toHaveTextContent('Reconnecting to the stream…');
    await s.setMode('live');
    await until(() => stateOf() === 'live', 'live again');

    // The broadcast ends: the playlist is closed, playback reaches its end.
    await s.setMode('ended');
    await until(() => stateOf() === 'ended', 'ended', 60_000);
    await expect.element(page.getByRole('status')).toHaveTextContent('The stream has ended.');
    expect(document.querySelector('.onair-lplayer')?.getAttribute('data-onair-engine')).toBe(engine);
  });

});

describe('LiveStreamPlayer, live edge and fallback', () => {
  it('19.1: "Go live" appears behind the live edge and jumps back (hls.js; Chromium\'s native HLS reports no seekable window)', async () => {
    const s = stream();
    await render(<LiveStreamPlayer src={s.url} engine="hls.js" liveEdgeToleranceSeconds={6} />);
    await until(() => stateOf() === 'live', 'live');
    // Wait for a window long enough to fall behind in, then go back to its start.
    await until(() => {
      const v = video();
      return !!v && v.seekable.length > 0 && v.seekable.end(v.seekable.length - 1) - v.seekable.start(0) > 12;
    }, `a long enough window (${JSON.stringify(ranges())})`);
    const v = video()!;
    v.currentTime = v.seekable.start(0) + 0.5;
    const goLive = page.getByRole('button', { name: 'Go live' });
    await expect.element(goLive).toBeVisible();
    await goLive.click();
    await expect.element(goLive).not.toBeInTheDocument();
    expect(v.seekable.end(v.seekable.length - 1) - v.currentTime).toBeLessThan(6);
    expect(stateOf()).toBe('live');
  });

  it('19.1: auto falls back to hls.js when the browser\'s own HLS fails three times before playing', async () => {
    const s = stream();
    await s.setMode('down');
    await render(<LiveStreamPlayer src={s.tsUrl} retryDelayMs={200} />);
    const engine = () => document.querySelector('.onair-lplayer')?.getAttribute('data-onair-engine');
    await until(() => engine() === 'native', 'native first');
    await until(() => engine() === 'hls.js', 'hls.js after native failures');
    expect(stateOf()).toBe('starting');
    await s.setMode('live');
    await until(() => stateOf() === 'live', 'live');
    expect(engine()).toBe('hls.js');
  });
});

describe('LiveStreamPlayer controls', () => {
  it('19.1: captions from the stream\'s subtitles rendition, keyboard controls, the viewer count (hls.js)', async () => {
    const s = stream();
    await render(<LiveStreamPlayer src={s.url} engine="hls.js" viewerCount={12} />);
    await until(() => stateOf() === 'live', 'live');
    await expect.element(page.getByRole('status')).toHaveTextContent('Live · 12 viewers');
    const captions = page.getByRole('button', { name: 'Captions' });
    await expect.element(captions).toHaveAttribute('aria-pressed', 'false');
    await captions.click();
    await expect.element(captions).toHaveAttribute('aria-pressed', 'true');
    await until(() => Array.from(video()!.textTracks).some((t) => t.mode === 'showing' && (t.cues?.length ?? 0) > 0), 'cues loaded');

    // Keyboard: focus in the player region, then K (pause), M (mute), C (captions off).
    (document.querySelector('.onair-lplayer') as HTMLElement).focus();
    await userEvent.keyboard('k');
    await expect.element(page.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
    expect(video()!.paused).toBe(true);
    await userEvent.keyboard('m');
    await expect.element(page.getByRole('button', { name: 'Mute' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.keyboard('c');
    await expect.element(captions).toHaveAttribute('aria-pressed', 'false');
    await userEvent.keyboard('k');
    await expect.element(page.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('19.1: no URL is idle (nothing loads); a non-http URL never reaches the element; labels are replaceable', async () => {
    const { rerender } = await render(<LiveStreamPlayer labels={{ livePlayerIdle: 'Bald geht es los' }} />);
    await expect.element(page.getByRole('status')).toHaveTextContent('Bald geht es los');
    expect(stateOf()).toBe('idle');
    rerender(<LiveStreamPlayer src="javascript:alert(1)" />);
    await expect.element(page.getByRole('status')).toHaveTextContent('The stream has not started.');
    expect(video()!.getAttribute('src')).toBeNull();
  });
});
