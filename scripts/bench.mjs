#!/usr/bin/env node
// npm run bench — size, render and reducer figures of onair-react (not part of npm test).
// Output format (stable; documented in BENCHMARKS.md):
//   onair-react bench <date> · node <v> · <n> cores · <cpu>
//   bundle  <entry>  <min bytes> B min  <gzip bytes> B min+gzip
//   bundle  daily-app  …  target <= 6,300 B …  pass|over
//   bundle  daily-app largest inputs (B min): <file> <bytes> · …
//   bundle  daily-app +react-query  …  +<n> B over daily-app  target <= +500 B  pass|over
//   bundle  LiveStreamPlayer / LiveStreamPlayer hls.js chunk  …  (the player without hls.js; the on-demand chunk)
//   bundle  opentalk-app / opentalk-app +react-query / realtimekit-app / realtimekit-app +react-query  …  (same columns as an entry)
//   renders RecordButton <n> (target 0) pass|over · LiveStreamBadge <n> (control) · events <n> · <ms> ms
//   reducer <events/s> events/s (median of 5 runs of <n> events; runs: …)
//   reducer history 2,000 instance ids: <µs> µs/event first 100 ids · <µs> µs/event last 100 ids · ratio <r> · closed kept <n> (median of 5)
//   local recording <s> s · <MB> stored · JS heap after GC: start / max / end / growth (scripts/bench-local.mjs)
// Flags: --no-build (use dist/ as it is), --only=bundle,renders,reducer,list,relay,local,consent
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { launchChromium } from './lib/browser.mjs';
import { mixedEventStream } from './lib/eventStream.mjs';
import { run } from './lib/proc.mjs';
import { serveStatic } from './lib/serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = (process.argv.find((arg) => arg.startsWith('--only='))?.slice(7) ?? 'bundle,renders,reducer,list,relay,local,consent').split(',');
const tmp = mkdtempSync(join(tmpdir(), 'onair-bench-'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** daily-react's DailyProvider + useRecording + useLiveStreaming, min+gzip (the issue's figure). */
const DAILY_REACT_BYTES = 18_900;
const TARGET_BYTES = Math.round(DAILY_REACT_BYTES / 3);
/** What the app brings itself: never counted in the kit's size. */
const EXTERNAL = ['react', 'react/*', 'react-dom', 'react-dom/*', '@tanstack/react-query'];
/** For an app that has no React Query of its own: the kit's share of it is counted. */
const EXTERNAL_BUT_REACT_QUERY = EXTERNAL.filter((name) => name !== '@tanstack/react-query');
/** How much more daily-app may weigh with React Query bundled (no QueryClient on the Daily path). */
const QUERY_EXTRA_BYTES = 500;
/** A typical app of the other providers: OpenTalk with the consent banner, RealtimeKit with the list. */
const APPS = [
  [
    'opentalk-app',
    [
      `export { OnAirProvider, useRecording, useConsent, RecordButton, ConsentBanner, RecordingIndicator } from './dist/index.js';`,
      `export { createOpenTalkAdapter } from './dist/adapters/opentalk/index.js';`,
    ].join('\n'),
  ],
  [
    'realtimekit-app',
    [
      `export { OnAirProvider, useRecording, RecordButton, RecordingList } from './dist/index.js';`,
      `export { createRealtimeKitClient, createRealtimeKitAdapter } from './dist/adapters/realtimekit/index.js';`,
    ].join('\n'),
  ],
];

const pad = (text, width) => String(text).padEnd(width);
const num = (value) => Math.round(value).toLocaleString('en-US');

console.log(
  `onair-react bench ${new Date().toISOString().slice(0, 10)} · node ${process.versions.node} · ${cpus().length} cores · ${cpus()[0]?.model.trim() ?? 'cpu'}`,
);

if (!process.argv.includes('--no-build')) await run(process.execPath, [join(root, 'scripts/build.mjs'), '--quiet'], { cwd: root });

try {
  if (only.includes('bundle')) await bundleSizes();
  if (only.includes('renders')) await renders();
  if (only.includes('reducer')) await reducer();
  // RecordingList at 10,000 rows and request dedupe (scripts/bench-list.mjs), and the VideoSDK
  // webhook relay fanned out to 500 SSE clients on loopback, signature cost, memory at the ceiling,
  // and 3 relay processes on Redis next to 1 in memory (scripts/bench-relay.mjs).
  if (only.includes('list')) await run(process.execPath, [join(root, 'scripts/bench-list.mjs')], { cwd: root, echo: true, timeoutMs: 600_000 });
  if (only.includes('relay')) await run(process.execPath, ['--expose-gc', join(root, 'scripts/bench-relay.mjs')], { cwd: root, echo: true, timeoutMs: 2_400_000 });
  // A 5-minute local recording's JS heap (onair-react/local; BENCH_LOCAL_SECONDS shortens it).
  if (only.includes('local')) await run(process.execPath, [join(root, 'scripts/bench-local.mjs')], { cwd: root, echo: true, timeoutMs: 1_200_000 });
  // The consent ledger: appends/s, verify and export of 100,000 records on PGlite and on a
  // PostgreSQL server started for it (scripts/bench-consent.mjs).
  if (only.includes('consent')) await run(process.execPath, [join(root, 'scripts/bench-consent.mjs')], { cwd: root, echo: true, timeoutMs: 3_600_000 });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

/** Minified and min+gzip bytes of a bundle made by esbuild from `contents` (resolved from the repo root). */
async function measure(contents, loader = 'js', metafile = false, external = EXTERNAL) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root, loader, sourcefile: `bench-entry.${loader === 'css' ? 'css' : 'js'}` },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external,
    write: false,
    logLevel: 'silent',
    metafile,
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const code = result.outputFiles.find((file) => !file.path.endsWith('.map'))?.contents ?? new Uint8Array();
  const inputs = metafile ? (Object.values(result.metafile?.outputs ?? {})[0]?.inputs ?? {}) : {};
  const top = Object.entries(inputs)
    .map(([file, { bytesInOutput }]) => ({ file: file.replace(/^node_modules\/([^/]+)\/.*$/, '$1 (dependency)'), bytes: bytesInOutput }))
    .filter((row) => row.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  return { min: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, top };
}

async function bundleSizes() {
  // Every entry of package.json "exports", bundled whole from dist/ (what `import * as` would cost).
  for (const [key, target] of Object.entries(pkg.exports)) {
    const file = typeof target === 'string' ? target : target.default;
    if (!file || file.endsWith('.json')) continue;
    const name = key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`;
    const isCss = file.endsWith('.css');
    // hls.js is the player's on-demand chunk (its own line below), not part of what an entry costs.
    const { min, gzip } = isCss ? await measure(`@import ${JSON.stringify(file)};`, 'css') : await measure(`export * from ${JSON.stringify(file)};`, 'js', false, [...EXTERNAL, 'hls.js']);
    console.log(`bundle  ${pad(name, 26)} ${pad(`${num(min)} B min`, 13)} ${num(gzip)} B min+gzip`);
  }
  // What a Daily app imports, tree-shaken (package.json sideEffects lets esbuild drop the rest).
  const daily = [
    `export { OnAirProvider, useRecording, useLiveStream, RecordButton, LiveStreamBadge } from './dist/index.js';`,
    `export { createDailyAdapter } from './dist/adapters/daily/index.js';`,
  ].join('\n');
  const { min, gzip, top } = await measure(daily, 'js', true);
  const verdict = gzip <= TARGET_BYTES ? 'pass' : 'over';
  console.log(
    `bundle  ${pad('daily-app', 26)} ${pad(`${num(min)} B min`, 13)} ${num(gzip)} B min+gzip  target <= ${num(TARGET_BYTES)} B (1/3 of daily-react ${num(DAILY_REACT_BYTES)} B)  ${verdict}`,
  );
  // Where the daily app's bytes come from (minified bytes per input, before gzip), largest first.
  console.log(`bundle  daily-app largest inputs (B min): ${top.slice(0, 8).map((row) => `${row.file} ${num(row.bytes)}`).join(' · ')}`);
  // The same import set for an app that does not have React Query: bundling it must add little, as
  // long as nothing on the Daily path constructs a QueryClient.
  const withQuery = await measure(daily, 'js', false, EXTERNAL_BUT_REACT_QUERY);
  const extra = withQuery.gzip - gzip;
  console.log(
    `bundle  ${pad('daily-app +react-query', 26)} ${pad(`${num(withQuery.min)} B min`, 13)} ${num(withQuery.gzip)} B min+gzip  +${num(extra)} B over daily-app  target <= +${num(QUERY_EXTRA_BYTES)} B  ${extra <= QUERY_EXTRA_BYTES ? 'pass' : 'over'}`,
  );
  // The live-stream player (issue 19): what an app that renders it adds, and the hls.js chunk it loads
  // on demand (a dynamic import: a separate chunk, fetched only when a player mounts; 0 B otherwise).
  const split = await esbuild.build({
    stdin: { contents: `export { LiveStreamPlayer } from './dist/index.js';`, resolveDir: root, loader: 'js', sourcefile: 'bench-player.js' },
    bundle: true,
    splitting: true,
    outdir: join(tmp, 'player'),
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external: EXTERNAL,
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const files = split.outputFiles.filter((file) => file.path.endsWith('.js'));
  const size = (file) => ({ min: file.contents.byteLength, gzip: gzipSync(file.contents, { level: 9 }).byteLength });
  const entry = files.find((file) => file.path.endsWith('stdin.js')) ?? files[0];
  const chunks = files.filter((file) => file !== entry).map(size);
  const player = size(entry);
  const chunk = { min: chunks.reduce((sum, c) => sum + c.min, 0), gzip: chunks.reduce((sum, c) => sum + c.gzip, 0) };
  console.log(`bundle  ${pad('LiveStreamPlayer', 26)} ${pad(`${num(player.min)} B min`, 13)} ${num(player.gzip)} B min+gzip  (the app's own bundle, with the kit's core)`);
  console.log(
    `bundle  ${pad('LiveStreamPlayer hls.js', 26)} ${pad(`${num(chunk.min)} B min`, 13)} ${num(chunk.gzip)} B min+gzip  (${chunks.length} on-demand chunk(s), fetched only where HLS is not native)`,
  );
  // Each provider's cost, by what a typical app of it imports.
  for (const [name, contents] of APPS) {
    for (const [suffix, external] of [['', EXTERNAL], [' +react-query', EXTERNAL_BUT_REACT_QUERY]]) {
      const app = await measure(contents, 'js', false, external);
      console.log(`bundle  ${pad(name + suffix, 26)} ${pad(`${num(app.min)} B min`, 13)} ${num(app.gzip)} B min+gzip`);
    }
  }
}

async function renders() {
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  const outDir = join(tmp, 'bench-page');
  await build({
    configFile: false,
    root: fileURLToPath(new URL('./lib/bench-page/', import.meta.url)),
    base: './',
    logLevel: 'silent',
    publicDir: false,
    plugins: [react()],
    // React's profiling build: production React, with <Profiler onRender> still called.
    resolve: { alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] },
    build: { outDir, emptyOutDir: true, minify: true, reportCompressedSize: false },
  });
  const server = await serveStatic(outDir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${server.url}?events=1000`);
    await page.waitForFunction(() => window.__bench !== undefined, null, { timeout: 60_000 });
    const result = await page.evaluate(() => window.__bench);
    if ('error' in result) throw new Error(`render bench failed in the page: ${result.error}`);
    if (errors.length) console.log(`renders (page reported errors: ${errors.join(' | ')})`);
    const verdict = result.recordButtonRenders === 0 ? 'pass' : 'over';
    console.log(
      `renders RecordButton ${result.recordButtonRenders} (target 0) ${verdict} · LiveStreamBadge ${result.liveStreamBadgeRenders} (control) · events ${result.events} · ${num(result.ms)} ms · Chromium ${browser.version()}`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

async function reducer() {
  const outfile = join(tmp, 'reducer.mjs');
  await esbuild.build({
    stdin: {
      contents: `export { reduceOnAir } from './src/core/reduceOnAir.ts';\nexport { initialOnAirState } from './src/core/model.ts';`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
  const { reduceOnAir, initialOnAirState } = await import(pathToFileURL(outfile).href);
  const events = mixedEventStream(100_000);
  const once = () => {
    let state = initialOnAirState;
    const started = performance.now();
    for (const event of events) state = reduceOnAir(state, event);
    const ms = performance.now() - started;
    if (!state) throw new Error('the reducer returned no state');
    return events.length / (ms / 1000);
  };
  once(); // warm-up (JIT)
  const runs = Array.from({ length: 5 }, once).sort((a, b) => a - b);
  const median = runs[2];
  console.log(
    `reducer ${num(median)} events/s (median of 5 runs of ${num(events.length)} events; runs: ${runs.map((r) => num(r)).join(', ')})`,
  );
  history(reduceOnAir, initialOnAirState);
}

/**
 * Does the cost of an event grow with the meeting's history? 2,000 recording and live-stream
 * instance ids open and close one after another (start, update, stop, a duplicate stop and a late
 * update each); the time per event over the first 100 ids is compared with the last 100.
 */
function history(reduceOnAir, initialOnAirState) {
  const IDS = 2_000;
  const BLOCK = 100;
  const blocks = [];
  for (let b = 0; b < IDS / BLOCK; b += 1) {
    const events = [];
    for (let i = b * BLOCK; i < (b + 1) * BLOCK; i += 1) {
      const at = i * 100;
      events.push(
        { type: 'recording-started', at, instanceId: `rec-${i}`, recordingId: `r-${i}` },
        { type: 'live-stream-started', at: at + 1, instanceId: `live-${i}` },
        { type: 'live-stream-updated', at: at + 2, instanceId: `live-${i}`, state: 'connected', endpoint: 'youtube' },
        { type: 'recording-stopped', at: at + 3, instanceId: `rec-${i}` },
        { type: 'live-stream-stopped', at: at + 4, instanceId: `live-${i}` },
        { type: 'recording-stopped', at: at + 5, instanceId: `rec-${i}` },
        { type: 'live-stream-updated', at: at + 6, instanceId: `live-${i}`, state: 'interrupted', endpoint: 'youtube' },
      );
    }
    blocks.push(events);
  }
  const once = () => {
    let state = initialOnAirState;
    const perEvent = [];
    for (const events of blocks) {
      const started = performance.now();
      for (const event of events) state = reduceOnAir(state, event);
      perEvent.push(((performance.now() - started) * 1000) / events.length);
    }
    return { first: perEvent[0], last: perEvent[perEvent.length - 1], closed: Object.keys(state.closed).length };
  };
  once(); // warm-up (JIT)
  const runs = Array.from({ length: 5 }, once);
  const median = (values) => values.sort((a, b) => a - b)[2];
  const first = median(runs.map((r) => r.first));
  const last = median(runs.map((r) => r.last));
  console.log(
    `reducer history ${num(IDS)} instance ids: ${first.toFixed(2)} µs/event first ${BLOCK} ids · ${last.toFixed(2)} µs/event last ${BLOCK} ids · ratio ${(last / first).toFixed(2)} · closed kept ${runs[0].closed} (median of 5)`,
  );
}
