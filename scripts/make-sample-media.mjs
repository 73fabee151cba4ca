#!/usr/bin/env node
// Writes public/simulated-media/onair-sample.{webm,mp4,m4a}: 4 seconds of a moving test pattern
// (ffmpeg's testsrc2, 320×180 at 12 fps, with a running counter) and a 440 Hz tone that beeps every
// second — the media the simulator's recordings point at in Storybook (stories/support/simulatedMedia.ts
// serves them through MSW), so Play plays and Download downloads with no network. WebM is VP8 + Opus
// (VideoSDK's files, RealtimeKit's track files), MP4 is H.264 + AAC (RealtimeKit's composite file),
// M4A is AAC (RealtimeKit's audio file). onair-live.m3u8 with onair-live-{0,1,2}.ts is the same 6 seconds
// as HLS (H.264 + AAC in MPEG-TS, a key frame every 2 s, three 2-second segments): the VideoSDK
// simulator's HLS playback (it serves a live sliding window over these segments; the VOD playlist
// plays them once). Needs ffmpeg (Debian: `apt-get install -y ffmpeg`); the
// files are committed, so nothing else needs it. `node scripts/make-sample-media.mjs`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../public/simulated-media/', import.meta.url));
mkdirSync(dir, { recursive: true });
const video = ['-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=12:duration=4'];
const audio = ['-f', 'lavfi', '-i', "sine=frequency=440:beep_factor=2:duration=4:sample_rate=48000"];
const common = ['-y', '-hide_banner', '-loglevel', 'error', '-fflags', '+bitexact', '-map_metadata', '-1'];
const outputs = [
  ['onair-sample.webm', [...video, ...audio, '-c:v', 'libvpx', '-b:v', '120k', '-c:a', 'libopus', '-b:a', '32k', '-ac', '1']],
  ['onair-sample.mp4', [...video, ...audio, '-c:v', 'libx264', '-preset', 'veryslow', '-crf', '32', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '32k', '-ac', '1', '-movflags', '+faststart']],
  ['onair-sample.m4a', [...audio, '-c:a', 'aac', '-b:a', '32k', '-ac', '1', '-movflags', '+faststart']],
];
const hlsVideo = ['-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=12:duration=6'];
const hlsAudio = ['-f', 'lavfi', '-i', 'sine=frequency=440:beep_factor=2:duration=6:sample_rate=48000'];
outputs.push([
  'onair-live.m3u8',
  [
    ...hlsVideo, ...hlsAudio,
    '-c:v', 'libx264', '-preset', 'veryslow', '-crf', '32', '-pix_fmt', 'yuv420p', '-g', '24', '-keyint_min', '24', '-sc_threshold', '0',
    '-c:a', 'aac', '-b:a', '32k', '-ac', '1',
    '-f', 'hls', '-hls_time', '2', '-hls_playlist_type', 'vod', '-hls_segment_filename', `${dir}onair-live-%d.ts`,
  ],
]);
for (const [name, args] of outputs) {
  const result = spawnSync('ffmpeg', [...common.slice(0, 4), ...args, ...common.slice(4), `${dir}${name}`], { stdio: 'inherit' });
  if (result.error || result.status !== 0) {
    console.error(`make-sample-media: ffmpeg failed for ${name} (is ffmpeg installed? apt-get install -y ffmpeg)`);
    process.exit(1);
  }
  console.log(`wrote public/simulated-media/${name} (${statSync(`${dir}${name}`).size} bytes)`);
}
