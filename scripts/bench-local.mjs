#!/usr/bin/env node
// Local recording memory benchmark (not a timed test; issue 20): a page records a synthetic canvas
// stream with onair-react/local's recorder for N seconds (default 300) in headless Chromium, and the
// page's JS heap is read after a forced GC every 15 s. Flat = chunks go to IndexedDB and are not kept.
//   node scripts/bench-local.mjs [--seconds 300] [--bitrate 2500000]
// Output: local recording <s> s · <MB> stored · JS heap after GC: start <MB> · max <MB> · end <MB> · growth <MB> · Chromium <v>
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { launchChromium } from './lib/browser.mjs';
import { serveStatic } from './lib/serve.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const seconds = option('seconds', Number(process.env.BENCH_LOCAL_SECONDS ?? 300));
const bitrate = option('bitrate', 2_500_000);
const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'onair-bench-local-'));
const mb = (bytes) => (bytes / 1e6).toFixed(1);

await esbuild.build({
  stdin: {
    contents: `
      import { createLocalRecorder } from './src/local/createLocalRecorder.ts';
      import { syntheticStream } from './stories/support/syntheticStream.ts';
      const synthetic = syntheticStream(document, { audio: false, noise: true });
      const recorder = createLocalRecorder({ streams: [synthetic.stream], databaseName: 'onair-bench', videoBitsPerSecond: ${bitrate}, confirmLeave: false });
      window.__local = { recorder, start: () => recorder.start(), stop: () => recorder.stop(), state: () => recorder.getState() };
    `,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  outfile: join(dir, 'bench.js'),
  logLevel: 'silent',
});
writeFileSync(join(dir, 'index.html'), '<!doctype html><html><body><script type="module" src="./bench.js"></script></body></html>');

const server = await serveStatic(dir);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  await page.goto(server.url);
  await page.waitForFunction(() => window.__local !== undefined, null, { timeout: 60_000 });
  await page.evaluate(() => window.__local.start());
  await page.waitForTimeout(5_000);
  const start = await heap();
  const samples = [start];
  for (let t = 15; t <= seconds; t += 15) {
    await page.waitForTimeout(15_000);
    samples.push(await heap());
  }
  const saved = await page.evaluate(() => window.__local.stop());
  const end = await heap();
  console.log(
    `local recording ${seconds} s · ${mb(saved?.bytes ?? 0)} MB stored in ${Math.round((saved?.durationMs ?? 0) / 1000)} s · JS heap after GC: start ${mb(start)} MB · max ${mb(Math.max(...samples))} MB · end ${mb(end)} MB · growth ${mb(end - start)} MB · Chromium ${browser.version()}`,
  );
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
