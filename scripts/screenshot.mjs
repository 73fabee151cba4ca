#!/usr/bin/env node
// Screenshots of stories in headless Chromium, waiting for rendered content (not the spinner).
// Usage: node scripts/screenshot.mjs <storybook-url> <out-dir> <story-id>[@theme][@width] ...
//   e.g. node scripts/screenshot.mjs http://localhost:6006 docs meeting-playground--meeting-playground@dark@1280
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from './chromium.mjs';

const [base, outDir, ...specs] = process.argv.slice(2);
if (!base || !outDir || specs.length === 0) {
  console.error('usage: node scripts/screenshot.mjs <storybook-url> <out-dir> <story-id>[@light|dark|custom][@width] ...');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
for (const spec of specs) {
  const [id, theme = 'light', width = '1280'] = spec.split('@');
  const page = await browser.newPage({ viewport: { width: Number(width), height: 800 }, deviceScaleFactor: 1 });
  const url = `${base}/iframe.html?id=${id}&viewMode=story&globals=theme:${theme}`;
  await page.goto(url);
  await page.waitForSelector('#storybook-root *', { timeout: 30_000 });
  await page.waitForTimeout(Number(process.env.SHOT_WAIT_MS ?? 1500));
  const file = `${outDir}/${id}-${theme}-${width}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
  await page.close();
}
await browser.close();
