#!/usr/bin/env node
// Writes public/simulated-media/rtk-live/seg0.ts … seg5.ts: six 1-second MPEG-TS segments (H.264
// Constrained Baseline + AAC, 320×180 at 12 fps, ffmpeg's testsrc2 and a 440 Hz tone) — the media
// of the RealtimeKit playground's simulated live stream. The playground's MSW handler
// (stories/support/simulatedLivePlayback.ts) serves a LIVE playlist over them, looping with
// #EXT-X-DISCONTINUITY, 404 while the provider's HLS is "not ready yet" and closed with
// #EXT-X-ENDLIST when the stream ends — so LiveStreamPlayer really plays with no network. MPEG-TS
// because Chromium's native HLS plays it (and hls.js too). Needs ffmpeg (Debian: `apt-get install -y
// ffmpeg`); the files are committed, so nothing else needs it. `node scripts/make-live-sample.mjs`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEGMENTS = 6;
const dir = fileURLToPath(new URL('../public/simulated-media/rtk-live/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const name of readdirSync(dir)) rmSync(`${dir}${name}`);
const args = [
  '-y', '-hide_banner', '-loglevel', 'error',
  '-f', 'lavfi', '-i', `testsrc2=size=320x180:rate=12:duration=${SEGMENTS}`,
  '-f', 'lavfi', '-i', `sine=frequency=440:beep_factor=2:duration=${SEGMENTS}:sample_rate=48000`,
  '-fflags', '+bitexact', '-map_metadata', '-1',
  '-c:v', 'libx264', '-profile:v', 'baseline', '-preset', 'veryslow', '-crf', '34', '-pix_fmt', 'yuv420p',
  '-g', '12', '-keyint_min', '12', '-sc_threshold', '0',
  '-c:a', 'aac', '-b:a', '24k', '-ac', '1',
  '-f', 'hls', '-hls_time', '1', '-hls_list_size', '0', '-hls_segment_type', 'mpegts',
  '-hls_segment_filename', `${dir}seg%d.ts`, `${dir}index.m3u8`,
];
const result = spawnSync('ffmpeg', args, { stdio: 'inherit' });
if (result.error || result.status !== 0) {
  console.error('make-live-sample: ffmpeg failed (is ffmpeg installed? apt-get install -y ffmpeg)');
  process.exit(1);
}
// The playlist is made per request by the playground; ffmpeg's VOD one is not needed.
rmSync(`${dir}index.m3u8`);
let total = 0;
for (const name of readdirSync(dir).sort()) total += statSync(`${dir}${name}`).size;
console.log(`wrote public/simulated-media/rtk-live/seg0.ts … seg${SEGMENTS - 1}.ts (${total} bytes)`);
