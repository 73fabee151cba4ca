#!/usr/bin/env node
// RecordingList figures: 10 000 recordings — mount time, DOM nodes rendered, scroll frame cost —
// for plain rendering (`virtualizeAbove={Infinity}`), CSS `content-visibility: auto` (measured, not
// shipped) and the windowing RecordingList ships (pages above `virtualizeAbove`, default 200, rows);
// and requests made when 20 components read one list. Plain text, like scripts/bench.mjs. Run: node scripts/bench-list.mjs
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { findChromium } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'onair-bench-list-'));
await build({
  entryPoints: [join(root, 'scripts/bench-list/entry.tsx')],
  bundle: true,
  format: 'esm',
  outfile: join(dir, 'bench.js'),
  jsx: 'automatic',
  minify: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.css': 'css' },
  logLevel: 'error',
});
await build({ entryPoints: [join(root, 'src/styles.css')], bundle: true, outfile: join(dir, 'styles.css'), logLevel: 'error' });
const css = readFileSync(join(dir, 'styles.css'), 'utf8');
const js = readFileSync(join(dir, 'bench.js'), 'utf8');
const html = (mode) => `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style>${
  mode === 'content-visibility' ? '<style>.onair-rl-row{content-visibility:auto;contain-intrinsic-size:auto 6.5em}</style>' : ''
}</head><body style="margin:0;width:1024px"><div id="root"></div><script type="module">${js}</script></body></html>`;

const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const results = [];
const labels = { plain: 'plain', 'content-visibility': 'content-visibility', windowed: 'windowed (shipped, virtualizeAbove=200)' };
for (const mode of ['plain', 'content-visibility', 'windowed']) {
  const runs = [];
  for (let run = 0; run < 3; run += 1) {
    const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    const file = join(dir, `${mode}.html`);
    writeFileSync(file, html(mode));
    await page.goto(`file://${file}`);
    await page.waitForFunction(() => 'bench' in window);
    const mountMs = await page.evaluate((m) => window.bench.mount(m), mode);
    const nodes = await page.evaluate(() => document.getElementById('root').querySelectorAll('*').length);
    const frames = await page.evaluate(async () => {
      // plain / content-visibility: an 800 px box around the list; windowed: the list's own scroll area.
      const scroller = document.getElementById('scroller') ?? document.querySelector('.onair-rl-viewport');
      const times = [];
      let last = performance.now();
      for (let i = 0; i < 120; i += 1) {
        scroller.scrollTop += 400;
        await new Promise((r) => requestAnimationFrame(r));
        const t = performance.now();
        times.push(t - last);
        last = t;
      }
      times.sort((a, b) => a - b);
      return { median: times[60], p95: times[Math.floor(times.length * 0.95)], max: times.at(-1) };
    });
    runs.push({ mountMs, nodes, ...frames });
    await page.close();
  }
  const med = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[1];
  results.push({ mode: labels[mode], mountMs: med('mountMs'), nodes: med('nodes'), median: med('median'), p95: med('p95'), max: med('max') });
}
const page = await browser.newPage();
const file = join(dir, 'readers.html');
writeFileSync(file, html('plain'));
await page.goto(`file://${file}`);
await page.waitForFunction(() => 'bench' in window);
const requests = await page.evaluate(() => window.bench.readers());
await browser.close();
rmSync(dir, { recursive: true, force: true });

const pad = (s, n) => String(s).padEnd(n);
console.log('RecordingList, 10 000 recordings on one page (Chromium headless, median of 3)');
console.log(`${pad('rendering', 42)}${pad('mount ms', 11)}${pad('DOM nodes', 12)}${pad('scroll frame ms (median / p95 / max)', 40)}`);
for (const r of results) {
  console.log(`${pad(r.mode, 42)}${pad(r.mountMs.toFixed(0), 11)}${pad(r.nodes, 12)}${r.median.toFixed(1)} / ${r.p95.toFixed(1)} / ${r.max.toFixed(1)}`);
}
console.log('windowed = RecordingList as shipped: rows measured as rendered, only those in and near an 800 px scroll area mounted.');
console.log(`20 components reading one list: ${requests} request${requests === 1 ? '' : 's'}`);
