#!/usr/bin/env node
// Writes public/onair-tone.wav: a 2-second 440 Hz tone (6 kHz, 8-bit mono PCM, about 12 kB) with a short
// fade in and out. Storybook and the browser tests play it as a "recording" on the simulator, so no
// media file is downloaded. Deterministic: the same bytes on every run (`node scripts/make-tone.mjs`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const RATE = 6000;
const SECONDS = 2;
const FREQUENCY = 440;
const samples = RATE * SECONDS;
const data = Buffer.alloc(samples);
for (let i = 0; i < samples; i += 1) {
  const fade = Math.min(1, i / (RATE * 0.05), (samples - i) / (RATE * 0.05));
  data[i] = Math.round(128 + 90 * fade * Math.sin((2 * Math.PI * FREQUENCY * i) / RATE));
}
const header = Buffer.alloc(44);
header.write('RIFF', 0, 'ascii');
header.writeUInt32LE(36 + data.length, 4);
header.write('WAVE', 8, 'ascii');
header.write('fmt ', 12, 'ascii');
header.writeUInt32LE(16, 16); // fmt chunk size
header.writeUInt16LE(1, 20); // PCM
header.writeUInt16LE(1, 22); // mono
header.writeUInt32LE(RATE, 24);
header.writeUInt32LE(RATE, 28); // byte rate: rate × 1 channel × 1 byte
header.writeUInt16LE(1, 32); // block align
header.writeUInt16LE(8, 34); // bits per sample
header.write('data', 36, 'ascii');
header.writeUInt32LE(data.length, 40);

const out = fileURLToPath(new URL('../public/onair-tone.wav', import.meta.url));
mkdirSync(fileURLToPath(new URL('../public/', import.meta.url)), { recursive: true });
writeFileSync(out, Buffer.concat([header, data]));
console.log(`wrote ${out} (${header.length + data.length} bytes, ${SECONDS} s at ${RATE} Hz)`);
