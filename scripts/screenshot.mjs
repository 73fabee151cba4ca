#!/usr/bin/env node
// Screenshots of stories and Docs pages in headless Chromium, waiting for rendered content (not the spinner).
// Usage: node scripts/screenshot.mjs <storybook-url|static-dir> <out-dir> <id>[@theme][@width][@extra] ...
//   <id> a story id, or a Docs page id ending in `--docs`;
//   <extra> `region=<name>`: only that labelled region (e.g. the Theming page's `Dark` table);
//           `play`: press the first Play, start the media and shoot the open player.
//   e.g. node scripts/screenshot.mjs http://localhost:6006 docs meeting-playground--meeting-playground@dark@1280
//        node scripts/screenshot.mjs storybook-static docs theming--docs@light@1280@region=Dark
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from './chromium.mjs';
import { serveStatic } from './lib/serve.mjs';

const [target, outDir, ...specs] = process.argv.slice(2);
if (!target || !outDir || specs.length === 0) {
  console.error('usage: node scripts/screenshot.mjs <storybook-url|static-dir> <out-dir> <id>[@light|dark|custom][@width][@region=NAME|@play] ...');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const served = /^https?:/.test(target) ? undefined : existsSync(target) ? await serveStatic(target) : undefined;
const base = (served?.url ?? target).replace(/\/$/, '');
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
for (const spec of specs) {
  const [id, theme = 'light', width = '1280', extra = ''] = spec.split('@');
  const docs = id.endsWith('--docs');
  const page = await browser.newPage({ viewport: { width: Number(width), height: 800 }, deviceScaleFactor: 1 });
  const url = `${base}/iframe.html?id=${id}&viewMode=${docs ? 'docs' : 'story'}&globals=theme:${theme}`;
  await page.goto(url);
  await page.waitForSelector(docs ? '#storybook-docs h1' : '#storybook-root *', { timeout: 60_000 });
  await page.waitForTimeout(Number(process.env.SHOT_WAIT_MS ?? 1500));
  let shot = page;
  if (extra === 'play') {
    await page.getByRole('button', { name: /^Play/ }).first().click();
    const media = page.locator('dialog video, dialog audio, video, audio').first();
    await media.waitFor({ timeout: 60_000 });
    await media.evaluate((element) => element.play());
    await page.waitForFunction(() => (document.querySelector('video, audio')?.currentTime ?? 0) > 1.5, undefined, { timeout: 60_000 });
    await media.evaluate((element) => element.pause());
  } else if (extra.startsWith('region=')) {
    shot = page.getByRole('region', { name: extra.slice('region='.length), exact: true }).first();
  }
  const suffix = extra ? `-${extra.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}` : '';
  const file = `${outDir}/${id}-${theme}-${width}${suffix}.png`;
  await shot.screenshot({ path: file, ...(shot === page ? { fullPage: extra !== 'play' } : {}) });
  console.log(file);
  await page.close();
}
await browser.close();
await served?.close();
